import { test, expect, ready } from "./fixtures";

// Issue 11: a "How the numbers are computed" page, reachable from every
// figure, generated from the same definitions as the figures.
test("the methods page lists every formula and band, and a figure links to its entry", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  // The formula beside the LTV figure…
  const tooltip = await page.locator("#ue-ltv-formula").textContent();
  // …is the text of the LTV entry on the methods page, reached from the figure.
  await page.getByRole("link", { name: /^How it is computed\s*: LTV \(gross profit per customer\)$/ }).click();
  await expect(page).toHaveURL(/\/methods#ltv$/);
  await expect(page.getByRole("heading", { level: 1, name: "How the numbers are computed" })).toBeVisible();
  const entry = page.getByTestId("method-ltv");
  await expect(entry).toBeInViewport();
  await expect(entry).toContainText(tooltip!.trim());

  for (const heading of ["One customer", "Acquisition cost", "The month-by-month projection", "Testing the plan", "The recommendation and the room", "Plan", "Typed and written numbers", "Benchmark bands"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByTestId("method-billing")).toContainText("can leave only at a renewal");
  const bands = page.getByTestId("methods-bands");
  await expect(bands.getByRole("row")).toHaveCount(13);
  await expect(bands.getByRole("row", { name: /Monthly logo churn/ })).toContainText("SMB 3–7%");
  // Reachable from every page through the header.
  await page.goto("/workshop");
  await ready(page);
  await page.getByRole("link", { name: "How the numbers are computed" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "How the numbers are computed" })).toBeVisible();
});
