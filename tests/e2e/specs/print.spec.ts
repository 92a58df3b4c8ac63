import { test, expect, ready } from "./fixtures";

/** Pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** Answers every Assess question with its first option, so the report's
 *  assessment section is as long as it gets. */
async function answerAll(page: any) {
  await page.goto("/assess");
  await ready(page);
  const fieldsets = page.locator("fieldset[data-question]");
  const n = await fieldsets.count();
  for (let i = 0; i < n; i++) await fieldsets.nth(i).locator("input[type=radio]").first().check();
}

for (const theme of ["light", "dark"]) {
  test(`the one-page report prints on one page of A4 and of Letter (${theme} theme), a second only with added sections`, async ({ page }) => {
    await answerAll(page);
    await page.getByLabel("Theme").selectOption(theme);
    await page.goto("/plan");
    await ready(page);
    const report = page.getByRole("region", { name: "One-page report" });
    await expect(report.getByTestId("brief-text")).toContainText("ARR");

    for (const format of ["A4", "Letter"] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      expect(pageCount(pdf), format).toBe(1);
    }

    // On paper: the brief and the report, no header, navigation, notices or buttons.
    await page.emulateMedia({ media: "print" });
    await expect(report.getByRole("heading", { name: "In brief" })).toBeVisible();
    await expect(report.getByRole("heading", { name: "What needs attention first" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Workspaces" })).toBeHidden();
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("button", { name: "Print / Save as PDF" })).toBeHidden();
    await expect(report.getByRole("link", { name: /^Change / })).toHaveCount(0);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(255, 255, 255)");
    await page.screenshot({ path: `test-results/print-report-${theme}.png`, fullPage: true });
    // page.pdf() prints with the emulated media: back to none for the next PDFs.
    await page.emulateMedia({ media: null });

    // Added sections go on a second page.
    await report.getByRole("checkbox", { name: "Every checklist task" }).check();
    await report.getByRole("checkbox", { name: "Metric definitions and formulas" }).check();
    for (const format of ["A4", "Letter"] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      expect(pageCount(pdf), `${format} with added sections`).toBe(2);
    }
    await page.emulateMedia({ media: "print" });
    await expect(report.getByRole("heading", { name: "Every checklist task" })).toBeVisible();
    await expect(report.getByRole("heading", { name: "Metric definitions and formulas" })).toBeVisible();
  });
}

test("Compare prints only the pinned rows when some are pinned, every row when none are", async ({ page }) => {
  await page.goto("/compare");
  await ready(page);
  const acv = page.getByTestId("compare-row-acv");
  const cac = page.getByTestId("compare-row-cac");
  const audience = page.getByTestId("compare-row-target_audience");

  await page.emulateMedia({ media: "print" });
  await expect(audience).toBeVisible();
  await expect(page.getByTestId("compare-print-note")).toBeHidden();
  await page.emulateMedia({ media: null });

  await acv.getByRole("button", { name: /Pin/ }).click();
  await cac.getByRole("button", { name: /Pin/ }).click();
  await page.emulateMedia({ media: "print" });
  await expect(acv).toBeVisible();
  await expect(cac).toBeVisible();
  await expect(audience).toBeHidden();
  await expect(page.getByTestId("compare-print-note")).toHaveText("Printed: the 2 rows you pinned.");
  const pdf = await page.pdf({ format: "A4" });
  expect(pageCount(pdf)).toBe(1);
});
