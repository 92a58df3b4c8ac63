import { test, expect } from "@playwright/test";
import { join } from "node:path";
import { answerAll, optimise, ready } from "./shared";

// One picture per workspace for the README, from a realistic start: the
// Assess questions answered, so every workspace shows a result.
const OUT = join(process.cwd(), "..", "..", "docs", "screenshots");

test("a screenshot of each workspace", async ({ page }) => {
  test.setTimeout(120_000);
  await answerAll(page);
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
