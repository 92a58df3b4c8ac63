import { test, expect, ready, stored, waitForSaved, watchContext, axeViolations } from "./fixtures";

async function answerSome(page: any) {
  const fieldsets = page.locator("fieldset[data-question]");
  for (let i = 0; i < 8; i++) await fieldsets.nth(i).locator("input[type=radio]").first().check();
}

async function makeLink(page: any, button: string): Promise<string> {
  await page.getByText("Data", { exact: true }).click();
  await page.getByRole("button", { name: button }).click();
  const link = await page.getByTestId("share-link").inputValue();
  expect(link).toMatch(/#share=gtm1\./);
  return link;
}

test("a link to everything reproduces the state in a fresh browser", async ({ page, browser, watch }) => {
  await page.goto("/assess");
  await ready(page);
  await answerSome(page);
  await page.getByLabel("Theme").selectOption("dark");
  await waitForSaved(page, (doc) => doc?.data?.theme === "dark");
  const original = await stored(page);
  const link = await makeLink(page, "Link to everything");

  const fresh = await browser.newContext();
  watchContext(fresh, watch);
  const other = await fresh.newPage();
  await other.goto(link);
  await ready(other);
  await expect(other.getByTestId("share-offer")).toContainText("complete workbench");
  // Nothing is written before the user chooses.
  expect(await stored(other)).toBeNull();
  await other.getByRole("button", { name: "Replace my data with it" }).click();
  await expect(other.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(other.getByTestId("assess-progress")).toHaveText("8 of 20 answered");
  await waitForSaved(other, (doc) => JSON.stringify(doc?.data) === JSON.stringify(original.data));
  // The fragment is gone, so a reload does not offer it again.
  expect(new URL(other.url()).hash).toBe("");
  await fresh.close();
});

test("opening a link as a copy leaves local work untouched", async ({ page, browser, watch }) => {
  await page.goto("/assess");
  await ready(page);
  await answerSome(page);
  const link = await makeLink(page, "Link to everything");

  const ctx = await browser.newContext();
  watchContext(ctx, watch);
  const other = await ctx.newPage();
  await other.goto("/assess");
  await ready(other);
  await other.getByLabel("Theme").selectOption("projector");
  await waitForSaved(other, (doc) => doc?.data?.theme === "projector");
  const own = await stored(other);
  await other.goto(link);
  await ready(other);
  await other.getByRole("button", { name: /Open as a copy/ }).click();
  await expect(other.getByTestId("assess-progress")).toHaveText("8 of 20 answered");
  await other.waitForTimeout(600);
  expect(await stored(other)).toEqual(own);
  await other.getByRole("button", { name: "Back to my data" }).click();
  await expect(other.locator("html")).toHaveAttribute("data-theme", "projector");
  await expect(other.getByTestId("assess-progress")).toHaveText("0 of 20 answered");
  await ctx.close();
});

test("a tampered, truncated or oversized link is refused and changes nothing", async ({ page }) => {
  await page.goto("/assess");
  await ready(page);
  await answerSome(page);
  const link = await makeLink(page, "Link to everything");
  await page.getByLabel("Theme").selectOption("dark");
  await waitForSaved(page, (doc) => doc?.data?.theme === "dark");
  const before = await stored(page);

  const [base, code] = link.split("#share=");
  const flipped = code.slice(0, 30) + (code[30] === "A" ? "B" : "A") + code.slice(31);
  const cases: Array<[string, string]> = [
    ["tampered", flipped],
    ["truncated", code.slice(0, Math.floor(code.length / 2))],
    ["oversized", "gtm1.s." + "A".repeat(70_000)],
    ["newer", code.replace(/^gtm1\./, "gtm9.")],
    ["garbage", "hello"],
  ];
  for (const [name, bad] of cases) {
    await page.goto(`${base}#share=${bad}`);
    await ready(page);
    const notice = page.locator('[data-notice="share"]');
    await expect(notice, name).toContainText("could not be opened");
    await expect(page.getByTestId("share-offer")).toHaveCount(0);
    expect(await stored(page), name).toEqual(before);
    await expect(page.getByTestId("assess-progress")).toHaveText("8 of 20 answered");
  }
});

test("a link to answers adds a workshop participant", async ({ page, browser, watch }) => {
  await page.goto("/assess");
  await ready(page);
  await answerSome(page);
  const link = await makeLink(page, "Link to my answers");
  const ctx = await browser.newContext();
  watchContext(ctx, watch);
  const other = await ctx.newPage();
  await other.goto(link);
  await ready(other);
  await other.getByRole("button", { name: /Add as a workshop participant/ }).click();
  await waitForSaved(other, (doc) => doc?.data?.workshop?.participants?.length === 1);
  const doc = await stored(other);
  expect(Object.keys(doc.data.workshop.participants[0].answers).length).toBe(8);
  await ctx.close();
});

test("the link box copies the link, says so, and draws a QR code of it", async ({ browser, watch }) => {
  const ctx = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"], bypassCSP: true });
  watchContext(ctx, watch);
  const page = await ctx.newPage();
  await page.goto("/simulate");
  await ready(page);
  const link = await makeLink(page, "Link to the current scenario");
  const copy = page.getByRole("button", { name: "Copy", exact: true });
  await copy.click();
  await expect(page.getByRole("button", { name: "Copied", exact: true })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "on the clipboard" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  const qr = page.getByRole("img", { name: "QR code of the link" });
  await expect(qr).toBeVisible();
  await expect(page.getByTestId("share-qr").locator("svg path")).toHaveAttribute("d", /^M\d+,\d+h\d+/);
  for (const theme of ["light", "dark", "projector"]) {
    await page.evaluate((t) => document.documentElement.setAttribute("data-theme", t), theme);
    expect(await axeViolations(page), `the open menu with its link and QR code, ${theme}`).toEqual([]);
  }
  // A new link starts over.
  await page.getByRole("button", { name: "Link to my answers" }).click();
  await expect(page.getByRole("button", { name: "Copy", exact: true })).toBeVisible();
  await ctx.close();
});

test("without a clipboard the link is selected and the person is told to press Ctrl+C", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
  });
  await page.goto("/assess");
  await ready(page);
  const link = await makeLink(page, "Link to my answers");
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(page.getByText("press Ctrl+C")).toBeVisible();
  const box = page.getByTestId("share-link");
  await expect(box).toBeFocused();
  const selected = await box.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart!, el.selectionEnd!));
  expect(selected).toBe(link);
});

test("every link opens the workspace it is about", async ({ page, browser, watch }) => {
  await page.goto("/assess");
  await ready(page);
  await answerSome(page);
  const scenario = await makeLink(page, "Link to the current scenario");
  expect(new URL(scenario).pathname).toBe("/simulate");
  // The menu is still open: the next link comes from the same box.
  await page.getByRole("button", { name: "Link to my answers" }).click();
  await expect(page.getByTestId("share-link")).not.toHaveValue(scenario);
  const answers = await page.getByTestId("share-link").inputValue();
  expect(new URL(answers).pathname).toBe("/workshop");
  await page.goto("/plan");
  await ready(page);
  const everything = await makeLink(page, "Link to everything");
  expect(new URL(everything).pathname).toBe("/plan");

  const ctx = await browser.newContext();
  watchContext(ctx, watch);
  const other = await ctx.newPage();
  await other.goto(scenario);
  await ready(other);
  await expect(other.getByRole("heading", { level: 1, name: /^Simulate/ })).toBeVisible();
  await other.getByRole("button", { name: "Add it to my saved scenarios" }).click();
  await expect(other).toHaveURL(/\/simulate$/);
  await other.goto(answers);
  await ready(other);
  await expect(other.getByRole("heading", { level: 1, name: /Workshop/ })).toBeVisible();
  await other.getByRole("button", { name: /Add as a workshop participant/ }).click();
  await expect(other).toHaveURL(/\/workshop$/);
  await other.goto(everything);
  await ready(other);
  await expect(other.getByRole("heading", { level: 1, name: /^Plan/ })).toBeVisible();
  await expect(other.getByTestId("share-offer")).toContainText("complete workbench");
  await ctx.close();
});

test("a shared copy with edits survives a reload until the person chooses", async ({ page, browser, watch }) => {
  await page.goto("/assess");
  await ready(page);
  await answerSome(page);
  const link = await makeLink(page, "Link to everything");

  const ctx = await browser.newContext();
  watchContext(ctx, watch);
  const other = await ctx.newPage();
  await other.goto("/assess");
  await ready(other);
  await other.getByLabel("Theme").selectOption("dark");
  await waitForSaved(other, (doc) => doc?.data?.theme === "dark");
  const own = await stored(other);
  await other.goto(link);
  await ready(other);
  await other.getByRole("button", { name: /Open as a copy/ }).click();
  await expect(other.getByTestId("assess-progress")).toHaveText("8 of 20 answered");
  // An edit to the copy, then a reload: the copy and the edit are still there.
  await other.getByLabel("Theme").selectOption("projector");
  await other.waitForTimeout(600);
  await other.reload();
  await ready(other);
  await expect(other.locator('[data-notice="shared-copy"]')).toContainText("shared copy");
  await expect(other.locator("html")).toHaveAttribute("data-theme", "projector");
  await expect(other.getByTestId("assess-progress")).toHaveText("8 of 20 answered");
  expect(await stored(other)).toEqual(own);
  // Going back ends it: a reload then shows the person's own data.
  await other.getByRole("button", { name: "Back to my data" }).click();
  await expect(other.locator("html")).toHaveAttribute("data-theme", "dark");
  await other.reload();
  await ready(other);
  await expect(other.locator('[data-notice="shared-copy"]')).toHaveCount(0);
  await expect(other.getByTestId("assess-progress")).toHaveText("0 of 20 answered");

  // Keeping a copy makes it the saved data at once.
  await other.goto(link);
  await ready(other);
  await other.getByRole("button", { name: /Open as a copy/ }).click();
  await other.getByRole("button", { name: "Keep this copy as my data" }).click();
  await waitForSaved(other, (doc) => Object.keys(doc?.data?.assess?.answers ?? {}).length === 8);
  await ctx.close();
});
