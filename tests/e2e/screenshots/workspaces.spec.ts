import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

// One picture per workspace for the README, from a realistic start: the
// Assess questions answered, so every workspace shows a result.
const OUT = join(process.cwd(), "..", "..", "docs", "screenshots");

async function ready(page: any) {
  await expect(page.locator("#boot")).toHaveCount(0);
  await expect(page.locator("main h1").first()).toBeVisible();
}

/** Shrinks a PNG in place with pngquant when it is installed (Debian's
 *  `pngquant` package); the picture is kept as it is otherwise. */
function optimise(file: string) {
  try {
    execFileSync("pngquant", ["--force", "--skip-if-larger", "--quality=70-95", "--ext", ".png", file]);
  } catch {
    // Not installed, or no gain: keep Chromium's PNG.
  }
}

test("a screenshot of each workspace", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/assess");
  await ready(page);
  const fieldsets = page.locator("fieldset[data-question]");
  const n = await fieldsets.count();
  // A mix of answers: a product-led start with some sales-led signals.
  for (let i = 0; i < n; i++) {
    const options = fieldsets.nth(i).locator("input[type=radio]");
    await options.nth(i % 3 === 2 ? 1 : 0).check();
  }
  const shots: Array<[string, string, string | null]> = [
    ["assess", "/assess", null],
    ["compare", "/compare", null],
    ["measure", "/measure", null],
    ["simulate", "/simulate", null],
    ["plan", "/plan", null],
    ["workshop", "/workshop", null],
  ];
  for (const [name, path, heading] of shots) {
    await page.goto(path);
    await ready(page);
    if (name === "measure") {
      // The sample export, measured, so the picture shows figures.
      await page.getByRole("button", { name: "Try with sample data" }).click();
      await expect(page.getByTestId("measured-mrr")).toBeVisible({ timeout: 30_000 });
    }
    if (heading) {
      const target = page.getByRole("heading", { name: heading }).first();
      if (await target.count()) await target.scrollIntoViewIfNeeded();
    }
    await page.waitForTimeout(300);
    const file = join(OUT, `${name}.png`);
    await page.screenshot({ path: file });
    optimise(file);
  }
});
