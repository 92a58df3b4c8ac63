import { expect } from "@playwright/test";
import type { Page } from "@playwright/test";
import { execFileSync } from "node:child_process";

// What both screenshot specs need: a page that is ready, the questions
// answered the same way, and a PNG made smaller when pngquant is installed.

export async function ready(page: Page) {
  await expect(page.locator("#boot")).toHaveCount(0);
  await expect(page.locator("main h1").first()).toBeVisible();
}

/** A realistic start: every Assess question answered, a product-led mix
 *  with some sales-led signals, so every workspace shows a result. */
export async function answerAll(page: Page) {
  await page.goto("/assess");
  await ready(page);
  const fieldsets = page.locator("fieldset[data-question]");
  const n = await fieldsets.count();
  for (let i = 0; i < n; i++) {
    const options = fieldsets.nth(i).locator("input[type=radio]");
    await options.nth(i % 3 === 2 ? 1 : 0).check();
  }
}

/** Shrinks a PNG in place with pngquant when it is installed (Debian's
 *  `pngquant` package); the picture is kept as it is otherwise. */
export function optimise(file: string, quality = "70-95") {
  try {
    execFileSync("pngquant", ["--force", "--skip-if-larger", `--quality=${quality}`, "--ext", ".png", file]);
  } catch {
    // Not installed, or no gain: keep Chromium's PNG.
  }
}
