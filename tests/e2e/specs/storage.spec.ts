import { test, expect, ready, stored, waitForSaved, watchPage } from "./fixtures";

const KEY = "gtm-workbench";
const BACKUP = "gtm-workbench.unreadable";

/** Replaces the first number found in `doc` (depth first) by `value`. */
function replaceFirstNumber(doc: any, value: unknown): any {
  const copy = JSON.parse(JSON.stringify(doc));
  let done = false;
  const visit = (node: any) => {
    if (done || node === null || typeof node !== "object") return;
    for (const k of Object.keys(node)) {
      if (done) return;
      if (typeof node[k] === "number") {
        node[k] = value;
        done = true;
      } else visit(node[k]);
    }
  };
  visit(copy);
  if (!done) throw new Error("the saved document has no number to corrupt");
  return copy;
}

async function validDocument(page: any): Promise<any> {
  await page.goto("/assess");
  await ready(page);
  // Any change makes the app save its full document.
  await page.getByLabel("Theme").selectOption("dark");
  await waitForSaved(page, (doc) => doc?.data?.theme === "dark");
  return stored(page);
}

test("corrupted saved data boots a usable app with a notice and a backup", async ({ page }) => {
  test.setTimeout(180_000);
  const valid = await validDocument(page);
  const blobs: Record<string, string> = {
    "empty string": "",
    "null": "null",
    "a lone brace": "{",
    "truncated JSON": JSON.stringify(valid).slice(0, 25),
    "an array": "[]",
    "a number": "42",
    "a string": '"hello"',
    "an empty object": "{}",
    "no data": '{"version":1}',
    "no version": '{"data":{}}',
    "version 0": JSON.stringify({ ...valid, version: 0 }),
    "a string version": JSON.stringify({ ...valid, version: "1" }),
    "a fractional version": JSON.stringify({ ...valid, version: 1.5 }),
    "a negative version": JSON.stringify({ ...valid, version: -1 }),
    "version 1e400": '{"version":1e400,"data":{}}',
    "null data": '{"version":1,"data":null}',
    "wrong type for theme": JSON.stringify({ ...valid, data: { ...valid.data, theme: 42 } }),
    "unknown theme": JSON.stringify({ ...valid, data: { ...valid.data, theme: "neon" } }),
    "an unknown field": JSON.stringify({ ...valid, data: { ...valid.data, surprise: true } }),
    "a null number": JSON.stringify(replaceFirstNumber(valid, null)),
    "1e308": JSON.stringify(replaceFirstNumber(valid, 1e308)),
    "a number as a string": JSON.stringify(replaceFirstNumber(valid, "12")),
    "a negative number": JSON.stringify(replaceFirstNumber(valid, -1e9)),
    "deep nesting": "[".repeat(5000) + "]".repeat(5000),
    "control characters": "\u0000\u0001\uffff",
    "a 4 MB string": "x".repeat(4 * 1024 * 1024),
  };
  for (const [name, raw] of Object.entries(blobs)) {
    await page.evaluate(
      ([key, backup, value]) => {
        localStorage.removeItem(backup);
        localStorage.setItem(key, value);
      },
      [KEY, BACKUP, raw],
    );
    await page.reload();
    await ready(page);
    await expect(page.locator('[data-notice="unreadable"]'), name).toBeVisible();
    await expect(page.locator('[data-notice="unreadable"]'), name).toContainText("could not be read");
    const backup = await page.evaluate((k) => localStorage.getItem(k), BACKUP);
    expect(backup === raw, `${name}: the unreadable copy is kept`).toBe(true);
    // Usable: navigate, and a change is saved again.
    await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Compare" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Compare" })).toBeVisible();
    await page.getByLabel("Theme").selectOption("light");
    await page.getByLabel("Theme").selectOption("dark");
    await waitForSaved(page, (doc) => doc?.version === 3 && doc?.data?.theme === "dark");
    await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Assess" }).click();
  }
});

test("the unreadable copy can be downloaded from the notice", async ({ page }) => {
  await page.goto("/assess");
  await ready(page);
  await page.evaluate((k) => localStorage.setItem(k, "{broken"), KEY);
  await page.reload();
  await ready(page);
  const download = page.waitForEvent("download");
  await page.locator('[data-notice="unreadable"]').getByRole("button", { name: /Download/ }).click();
  const file = await download;
  const path = await file.path();
  const fs = await import("node:fs");
  expect(fs.readFileSync(path!, "utf8")).toBe("{broken");
});

test("data from a newer version is not overwritten, and the app says so", async ({ page }) => {
  await page.goto("/assess");
  await ready(page);
  const newer = JSON.stringify({ version: 999, data: { from: "the future" } });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, newer]);
  await page.reload();
  await ready(page);
  await expect(page.locator('[data-notice="newer"]')).toContainText("newer version");
  await page.getByLabel("Theme").selectOption("dark");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.waitForTimeout(800);
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(newer);
});

test("storage that throws on write keeps the app usable with a notice", async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.goto("/assess");
  await ready(page);
  await page.getByLabel("Theme").selectOption("dark");
  await expect(page.locator('[data-notice="memory-only"]')).toContainText("kept in this tab only");
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Simulate" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Simulate" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("blocked local storage keeps the app usable with a notice", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("Access is denied for this document.", "SecurityError");
      },
    });
  });
  await page.goto("/plan");
  await ready(page);
  await expect(page.locator('[data-notice="memory-only"]')).toBeVisible();
  await page.getByLabel("Theme").selectOption("projector");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "projector");
});

test("an edit followed by closing the page within 100 ms survives", async ({ context, page }) => {
  await page.goto("/assess");
  await ready(page);
  await page.getByLabel("Theme").selectOption("projector");
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto("/assess");
  await ready(again);
  await expect(again.locator("html")).toHaveAttribute("data-theme", "projector");

  // And a reload straight after an edit.
  await again.getByLabel("Theme").selectOption("dark");
  await again.reload();
  await ready(again);
  await expect(again.locator("html")).toHaveAttribute("data-theme", "dark");
});

test("a second tab picks up the first tab's change", async ({ context, page, watch }) => {
  await page.goto("/assess");
  await ready(page);
  const second = await context.newPage();
  watchPage(second, watch);
  await second.goto("/compare");
  await ready(second);
  await page.getByLabel("Theme").selectOption("dark");
  await expect(second.locator("html")).toHaveAttribute("data-theme", "dark", { timeout: 5_000 });
  await expect(second.getByLabel("Theme")).toHaveValue("dark");
  // The second tab then edits; the first sees it, and nothing is lost.
  await second.getByLabel("Theme").selectOption("projector");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "projector", { timeout: 5_000 });
});

test("export then import gives back the same state; a bad import changes nothing", async ({ page }) => {
  await page.goto("/assess");
  await ready(page);
  await page.getByLabel("Theme").selectOption("projector");
  await waitForSaved(page, (doc) => doc?.data?.theme === "projector");
  const before = await stored(page);

  await page.getByText("Data", { exact: true }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export as JSON" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^gtm-workbench-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = (await import("node:fs")).readFileSync((await file.path())!, "utf8");
  expect(JSON.parse(exported)).toEqual(before);

  // Reset, then import the export (each action closes the menu: open it again).
  await page.getByText("Data", { exact: true }).click();
  await page.getByRole("button", { name: "Reset to defaults…" }).click();
  await page.getByRole("button", { name: "Yes, reset" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.getByTestId("import-file").setInputFiles({
    name: "export.json",
    mimeType: "application/json",
    buffer: Buffer.from(exported),
  });
  await expect(page.locator('[data-notice="import"]')).toContainText("Imported export.json");
  await waitForSaved(page, (doc) => JSON.stringify(doc) === JSON.stringify(before));

  // Bad imports: each is refused with a message naming the problem.
  const bad: Array<[string, string, RegExp]> = [
    ["broken.json", "{not json", /not valid JSON/],
    ["future.json", JSON.stringify({ version: 7, data: {} }), /newer version/],
    ["old.json", JSON.stringify({ version: 0, data: {} }), /version 0/],
    ["nulls.json", JSON.stringify(replaceFirstNumber(before, null)), /is empty \(null\); it must be/],
    ["huge-number.json", JSON.stringify(replaceFirstNumber(before, 1e308)), /out of range|it must be a (whole )?number/],
    ["big.json", JSON.stringify({ version: 1, data: { pad: "x".repeat(1_100_000) } }), /1 MiB|MiB/],
  ];
  for (const [name, content, message] of bad) {
    await page.getByTestId("import-file").setInputFiles({
      name,
      mimeType: "application/json",
      buffer: Buffer.from(content),
    });
    const notice = page.locator('[data-notice="import"]');
    await expect(notice).toContainText(`${name} was not imported`);
    await expect(notice).toContainText(message);
    expect(await stored(page)).toEqual(before);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "projector");
  }

  // Undo brings back what the import replaced.
  await page.getByText("Data", { exact: true }).click();
  await page.getByRole("button", { name: "Undo last import or reset" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
});
