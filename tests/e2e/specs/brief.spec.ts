import { test, expect, ready, watchContext, axeViolations } from "./fixtures";

test("Simulate opens with a brief written from its figures that follows an edit", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  const brief = page.getByRole("region", { name: "In brief" });
  await expect(brief).toBeVisible();
  const text = brief.getByTestId("brief-text");
  await expect(text).toContainText(/ARR after \d+ months/);
  await expect(text).toContainText(/paid back from gross profit in [\d.]+ months/);
  await expect(text).toContainText(/month \d+/);
  // It sits above the quick calculator.
  const briefTop = (await brief.boundingBox())!.y;
  const calculator = page.getByRole("heading", { name: "Unit economics of one customer" });
  expect(briefTop).toBeLessThan((await calculator.boundingBox())!.y);

  const items = brief.getByRole("listitem");
  const count = await items.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(3);
  for (let i = 0; i < count; i++) await expect(items.nth(i).getByRole("link")).toHaveAttribute("href", /\/simulate#/);
  const before = await text.textContent();

  // A margin no software company has: the brief says so first, and changes.
  const margin = page.locator("#gross_margin_pct");
  await margin.fill("99");
  await margin.blur();
  await expect(brief.getByTestId("brief-caveat")).toContainText("not credible");
  await expect(items.first()).toContainText("Gross margin is 99%");
  await expect(text).not.toHaveText(before!);

  // The item's link takes the focus to the input it is about.
  await items.first().getByRole("link", { name: /Gross margin/ }).click();
  await expect(margin).toBeFocused();
});

test("the report on Plan opens with the brief, and its links lead to the input in Simulate", async ({ page }) => {
  await page.goto("/plan");
  await ready(page);
  const report = page.getByRole("region", { name: "One-page report" });
  await report.getByRole("button", { name: "Preview the report" }).click();
  const brief = report.getByRole("region", { name: "In brief" });
  await expect(brief).toBeVisible();
  await expect(brief.getByTestId("brief-text")).toContainText("Hybrid: freemium to enterprise");
  const link = brief.getByRole("listitem").first().getByRole("link");
  const href = await link.getAttribute("href");
  const id = decodeURIComponent(href!.split("#")[1]);
  await link.click();
  await expect(page).toHaveURL(/\/simulate#/);
  await expect(page.locator(`[id="${id}"]`)).toBeFocused();
});

test("the brief and the report preview have no accessibility violation in any theme", async ({ browser, watch }) => {
  const ctx = await browser.newContext({ bypassCSP: true });
  watchContext(ctx, watch);
  const page = await ctx.newPage();
  await page.goto("/plan");
  await ready(page);
  await page.getByRole("region", { name: "One-page report" }).getByRole("button", { name: "Preview the report" }).click();
  for (const route of ["/plan", "/simulate"]) {
    if (route !== "/plan") {
      await page.goto(route);
      await ready(page);
    }
    for (const theme of ["light", "dark", "projector"]) {
      await page.evaluate((t) => document.documentElement.setAttribute("data-theme", t), theme);
      expect(await axeViolations(page), `${route}, ${theme}`).toEqual([]);
    }
  }
  await ctx.close();
});
