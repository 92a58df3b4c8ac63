import { test, expect, ready, stored, waitForSaved } from "./fixtures";
import type { Page } from "@playwright/test";

// The service worker's first claim reloads the page once; these tests are not
// about offline use, so it is kept out of the way.
test.use({ serviceWorkers: "block" });

const KEY = "gtm-workbench";

/** The most product-led option of every question. */
const PRODUCT_LED: Record<string, string> = {
  aud_size: "individuals", aud_signer: "user", aud_people: "one", aud_tech: "explore",
  prod_ttv: "minutes", prod_setup: "none", prod_value: "task", prod_viral: "core",
  price_level: "under_100", price_buy: "free_plan", price_growth: "usage",
  mkt_known: "known", mkt_rivals: "self_serve", mkt_crowd: "crowded",
  fund_runway: "bootstrapped", fund_team: "product", fund_sellers: "nobody",
  cul_wins: "usage", cul_vision: "mass", cul_roadmap: "data",
};

/** The most sales-led option of every question. */
const SALES_LED: Record<string, string> = {
  aud_size: "enterprise", aud_signer: "procurement", aud_people: "many", aud_tech: "guided",
  prod_ttv: "months", prod_setup: "project", prod_value: "company", prod_viral: "no",
  price_level: "over_8k", price_buy: "contract", price_growth: "upsell",
  mkt_known: "new", mkt_rivals: "sales", mkt_crowd: "locked",
  fund_runway: "funded", fund_team: "sales", fund_sellers: "team",
  cul_wins: "deals", cul_vision: "few", cul_roadmap: "accounts",
};

/** A valid saved document, as the app writes it. */
async function savedDocument(page: Page): Promise<any> {
  await page.goto("/compare");
  await ready(page);
  await page.getByRole("combobox", { name: /^Theme/ }).selectOption("dark");
  await waitForSaved(page, (doc) => doc?.data?.theme === "dark");
  return stored(page);
}

/** Saves `answers` as the Assess answers and reloads /compare. */
async function withAnswers(page: Page, doc: any, answers: Record<string, string>) {
  const next = { ...doc, data: { ...doc.data, assess: { ...doc.data.assess, answers, chosen_motion: null } } };
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(next)]);
  await page.goto("/compare");
  await ready(page);
}

function table(page: Page) {
  return page.getByRole("table", { name: /compared, one dimension per row/ });
}

async function dimensions(page: Page): Promise<string[]> {
  return (await table(page).getByRole("rowheader").allTextContents()).map((t) => t.trim());
}

test("the table filters by theme and by a text search", async ({ page }) => {
  await page.goto("/compare");
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Compare");
  const t = table(page);
  await expect(t.getByRole("columnheader", { name: "Sales-led" })).toBeVisible();
  await expect(t.getByRole("columnheader", { name: "Hybrid" })).toBeVisible();
  await expect(t.getByRole("columnheader", { name: "Product-led" })).toBeVisible();
  await expect(t.getByRole("rowheader")).toHaveCount(19);
  await expect(page.getByTestId("compare-count")).toHaveText("Showing all 19 rows.");

  // Theme: economics only.
  await page.getByRole("radio", { name: "Economics" }).check();
  await expect(page.getByTestId("compare-count")).toHaveText("Showing 5 of 19 rows.");
  const economics = await dimensions(page);
  expect(economics.some((d) => d.startsWith("Customer acquisition cost (CAC)"))).toBe(true);
  expect(economics.some((d) => d.startsWith("Buyer motion"))).toBe(false);

  // Search inside the theme: every term must occur.
  await page.getByLabel("Search the table").fill("blended cac");
  await expect(page.getByTestId("compare-count")).toHaveText(/Showing [1-4] of 19 rows\./);
  for (const d of await dimensions(page)) {
    expect(["Customer acquisition cost (CAC)", "Metrics watched: revenue"].some((x) => d.startsWith(x))).toBe(true);
  }

  // Search across every theme.
  await page.getByRole("radio", { name: "All rows" }).check();
  await page.getByLabel("Search the table").fill("procurement");
  const found = await dimensions(page);
  expect(found.length).toBeGreaterThan(0);
  expect(found.length).toBeLessThan(19);

  // Nothing matches: the table says so.
  await page.getByLabel("Search the table").fill("zzqx");
  await expect(t.getByRole("rowheader")).toHaveCount(0);
  await expect(t).toContainText("No row matches");

  // Clearing brings every row back.
  await page.getByLabel("Search the table").fill("");
  await expect(t.getByRole("rowheader")).toHaveCount(19);
});

test("rows expand, pin to the top across reloads, and link to the simulator input", async ({ page }) => {
  await page.goto("/compare");
  await ready(page);
  const toggle = page.getByRole("button", { name: "Buyer motion", exact: true });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByText("Who makes the call.", { exact: false })).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByText("Who makes the call.", { exact: false })).toBeVisible();
  await toggle.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");

  // Pin two rows: they come first, in pin order, and stay after a reload.
  const pinAcv = page.getByRole("button", { name: "Pin Average contract value (ACV)" });
  await pinAcv.click();
  await expect(pinAcv).toHaveAttribute("aria-pressed", "true");
  await expect(pinAcv).toBeFocused();
  await page.getByRole("button", { name: "Pin Key skills" }).click();
  let dims = await dimensions(page);
  expect(dims[0]).toContain("Average contract value (ACV)");
  expect(dims[1]).toContain("Key skills");
  await waitForSaved(page, (doc) => JSON.stringify(doc?.data?.compare?.pinned) === '["acv","key_skills"]');
  await page.reload();
  await ready(page);
  dims = await dimensions(page);
  expect(dims[0]).toContain("Average contract value (ACV)");
  await expect(page.getByRole("button", { name: "Pin Key skills" })).toHaveAttribute("aria-pressed", "true");

  // Unpin: the row goes back to its place.
  await page.getByRole("button", { name: "Pin Average contract value (ACV)" }).click();
  dims = await dimensions(page);
  expect(dims[0]).toContain("Key skills");
  await waitForSaved(page, (doc) => JSON.stringify(doc?.data?.compare?.pinned) === '["key_skills"]');

  // Rows about a number link to the simulator input.
  const link = page.getByRole("link", { name: /^Try it in Simulate\s+for Average contract value \(ACV\)$/ });
  await expect(link).toHaveAttribute("href", /\/simulate#sl_acv$/);
  await expect(page.getByRole("link", { name: /^Try it in Simulate/ })).toHaveCount(3);
  await link.click();
  await expect(page).toHaveURL(/\/simulate#sl_acv$/);
});

test("the highlighted column and the leans follow a changed assessment", async ({ page }) => {
  const doc = await savedDocument(page);
  const t = () => table(page);

  // No answers: nothing highlighted, no lean chips.
  await expect(t().getByText("Your result")).toHaveCount(0);
  await expect(page.getByText(/^You lean/)).toHaveCount(0);

  await withAnswers(page, doc, PRODUCT_LED);
  await expect(t().getByRole("columnheader", { name: /Product-led/ })).toContainText("Your result");
  await expect(t().getByRole("columnheader", { name: /Sales-led/ })).not.toContainText("Your result");
  await expect(page.getByTestId("compare-highlight-note")).toContainText("Product-led");
  await expect(page.getByTestId("compare-row-acv")).toContainText(/You lean (strongly )?product-led/);

  await withAnswers(page, doc, SALES_LED);
  await expect(t().getByRole("columnheader", { name: /Sales-led/ })).toContainText("Your result");
  await expect(t().getByRole("columnheader", { name: /Product-led/ })).not.toContainText("Your result");
  await expect(page.getByTestId("compare-row-acv")).toContainText(/You lean (strongly )?sales-led/);
  // Rows with no factor behind them carry no chip.
  await expect(page.getByTestId("compare-row-tech_stack")).not.toContainText("You lean");

  // The link from Assess names the column when there is no result here.
  await withAnswers(page, doc, {});
  await page.goto("/compare?highlight=hybrid");
  await ready(page);
  await expect(t().getByRole("columnheader", { name: /Hybrid/ })).toContainText("Your result");
});

test("the print view opens every row and hides the controls", async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__printed = 0;
    window.print = () => {
      (window as any).__printed += 1;
    };
  });
  await page.goto("/compare");
  await ready(page);
  await page.getByRole("button", { name: "Print view" }).click();
  await expect.poll(() => page.evaluate(() => (window as any).__printed)).toBe(1);
  await expect(page.getByRole("button", { name: "Buyer motion", exact: true })).toHaveAttribute("aria-expanded", "true");

  // Even rows closed again are printed open, and no control is printed.
  await page.getByRole("button", { name: "Collapse all rows" }).click();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText("Who makes the call.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Search the table")).toBeHidden();
  await expect(page.getByRole("button", { name: "Pin Buyer motion" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Workspaces" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
});

test("the table fits 1280×720 in projector theme and becomes cards on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const doc = await savedDocument(page);
  await withAnswers(page, { ...doc, data: { ...doc.data, theme: "projector" } }, PRODUCT_LED);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "projector");
  await page.screenshot({ path: "test-results/compare-projector-top.png" });
  await page.getByRole("button", { name: "Buyer motion", exact: true }).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "no horizontal scroll").toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/compare-projector-1280x720.png" });
  await page.screenshot({ path: "test-results/compare-projector-full.png", fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  const phoneOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(phoneOverflow, "no horizontal scroll on a phone").toBeLessThanOrEqual(0);
  // Stacked cards: each cell is a block headed by its column name.
  const cell = page.getByTestId("compare-row-acv").getByRole("cell").first();
  expect(await cell.evaluate((el) => getComputedStyle(el).display)).toBe("block");
  expect(await cell.evaluate((el) => getComputedStyle(el, "::before").content)).toContain("Sales-led");
  await page.screenshot({ path: "test-results/compare-phone.png" });
});
