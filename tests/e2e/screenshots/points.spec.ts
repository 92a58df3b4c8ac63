import { test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { answerAll, optimise, ready } from "./shared";

// Pictures of the newcomer-experience points (issue 14), one per point, so a
// build before the work and the build of today can be set side by side:
//
//   GTM_DIST=<dist> GTM_SHOT_LABEL=before npx playwright test -c screenshots.config.ts points
//
// writes docs/screenshots/points/<label>-<point>.png. The steps use only
// what both builds have (routes, labels, headings); a step an older build
// cannot take is skipped and the page is taken as it is.
const LABEL = process.env.GTM_SHOT_LABEL ?? "after";
const OUT = join(process.cwd(), "..", "..", "docs", "screenshots", "points");

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

async function shot(page: Page, point: string, fullPage = false) {
  mkdirSync(OUT, { recursive: true });
  await page.waitForTimeout(300);
  const file = join(OUT, `${LABEL}-${point}.png`);
  await page.screenshot({ path: file, fullPage });
  optimise(file, "60-90");
}

/** Runs a step the older build may not support; failure leaves the page as it is. */
async function attempt(step: () => Promise<void>) {
  try {
    await step();
  } catch {
    // This build has no such control.
  }
}

test("one picture per point of the newcomer experience", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await answerAll(page);

  // Wayfinding: the navigation on /, the current item and the steps.
  await page.goto("/");
  await ready(page);
  await shot(page, "1-navigation");

  // Assess on a phone, halfway through the questions: where is the result?
  await page.setViewportSize(PHONE);
  await page.goto("/assess");
  await ready(page);
  await page.locator("fieldset[data-question]").nth(8).scrollIntoViewIfNeeded();
  await shot(page, "2-assess-phone");

  // Simulate on a phone while editing a sales-led input.
  await page.goto("/simulate");
  await ready(page);
  await attempt(async () => {
    const churn = page.getByRole("textbox", { name: "Sales-led churn (%/month)", exact: true });
    await churn.scrollIntoViewIfNeeded({ timeout: 3000 });
    await churn.fill("6", { timeout: 3000 });
  });
  await shot(page, "3-simulate-phone");

  // A table on a phone (CAC by channel).
  await attempt(async () => {
    await page.locator("main table").first().scrollIntoViewIfNeeded({ timeout: 3000 });
  });
  await shot(page, "4-table-phone");

  // The projector theme on a phone.
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "projector"));
  await page.goto("/compare");
  await ready(page);
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "projector"));
  await shot(page, "5-projector-phone");
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "light"));

  // An invalid entry: what the figures say while it stands.
  await page.setViewportSize(DESKTOP);
  await page.goto("/simulate");
  await ready(page);
  await attempt(async () => {
    const churn = page.getByRole("textbox", { name: "Sales-led churn (%/month)", exact: true });
    await churn.scrollIntoViewIfNeeded({ timeout: 3000 });
    await churn.fill("six", { timeout: 3000 });
    await churn.blur();
  });
  await shot(page, "6-invalid-entry");

  // Presenter mode on a 720 px high screen.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/workshop");
  await ready(page);
  await attempt(async () => {
    await page.getByRole("button", { name: /presenter/i }).first().click({ timeout: 3000 });
    await page.getByRole("textbox").first().fill("Ana", { timeout: 3000 });
    await page.getByRole("button", { name: "Add and start" }).click({ timeout: 3000 });
    // The key list open: do Previous and Skip stay on screen?
    await page.getByRole("button", { name: /Keys/ }).first().click({ timeout: 3000 });
  });
  await shot(page, "7-presenter-720");
  await page.keyboard.press("Escape");

  // The share link just made.
  await page.setViewportSize(DESKTOP);
  await page.goto("/simulate");
  await ready(page);
  await attempt(async () => {
    await page.locator("summary", { hasText: "Data" }).first().click({ timeout: 3000 });
    await page.getByRole("button", { name: /Link to everything|share link/i }).first().click({ timeout: 3000 });
  });
  await shot(page, "8-share");

  // The one-page report as it prints.
  await page.goto("/plan");
  await ready(page);
  await page.emulateMedia({ media: "print" });
  await shot(page, "9-report-print", true);
  await page.emulateMedia({ media: "screen" });
});
