import { readFileSync } from "node:fs";
import { test, expect, ready, stored, waitForSaved } from "./fixtures";
import type { Page } from "@playwright/test";

function unitPanel(page: Page) {
  return page.getByRole("region", { name: "Unit economics of one customer" });
}

async function typeUnit(page: Page, values: Record<string, string>) {
  const panel = unitPanel(page);
  for (const [label, value] of Object.entries(values)) {
    await panel.getByLabel(label, { exact: true }).fill(value);
  }
}

test("the unit-economics calculator computes LTV, LTV:CAC, payback and lifetime as you type", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Simulate");

  // ARPA 100 × GM 80 % = $80 a month; ÷ 2 % churn = $4,000; ÷ CAC $1,000 = 4;
  // payback 1000 ÷ 80 = 12.5 months; lifetime 1 ÷ 0.02 = 50 months.
  await typeUnit(page, {
    "ARPA ($/month)": "100",
    "Gross margin (%)": "80",
    "Monthly churn (%)": "2",
    "Monthly expansion (%)": "0",
    "CAC ($)": "1000",
  });
  const ltv = page.getByTestId("ue-ltv");
  await expect(ltv).toHaveText("$4,000.00");
  await expect(page.getByTestId("ue-ltv-cac")).toHaveText("4.00");
  await expect(page.getByTestId("ue-payback")).toHaveText("12.5");
  await expect(page.getByTestId("ue-lifetime")).toHaveText("50.0");

  // Each figure explains itself: formula on focus, formula and verdict as its description.
  await ltv.focus();
  await expect(page.getByRole("tooltip").filter({ hasText: "LTV = ARPA × gross margin" })).toBeVisible();
  await expect(ltv).toHaveAccessibleDescription(/LTV = ARPA × gross margin/);
  const ratio = page.getByTestId("ue-ltv-cac");
  await ratio.focus();
  await expect(page.getByRole("tooltip").filter({ hasText: "LTV:CAC = LTV ÷ CAC" })).toBeVisible();
  await expect(ratio).toHaveAccessibleDescription(/3 or more: healthy.*Source: David Skok/);
  await page.getByTestId("ue-payback").hover();
  await expect(page.getByRole("tooltip").filter({ hasText: "CAC payback (months) = CAC ÷ (ARPA × gross margin)" })).toBeVisible();

  // Churn per year instead: relabelled, converted with 1 − (1 − m)^12, same economics.
  await unitPanel(page).getByLabel("per year").check();
  await expect(unitPanel(page).getByLabel("Annual churn (%)", { exact: true })).toBeVisible();
  await expect(page.getByTestId("ue-churn-conversion")).toContainText("21.53% a year is 2.00% a month");
  await expect(page.getByTestId("ue-churn-conversion")).toContainText("1 − (1 − monthly churn)^12");
  await expect(ltv).toHaveText("$4,000.00");
  await unitPanel(page).getByLabel("per month").check();
  await expect(unitPanel(page).getByLabel("Monthly churn (%)", { exact: true })).toHaveValue("2");

  // Churn 1 %: the formula gives $8,000 (100 months of gross profit); it is
  // finite, so it is shown as it is, with the 5-year figure beside it.
  await typeUnit(page, { "Monthly churn (%)": "1" });
  await expect(ltv).toHaveText("$8,000.00");
  await expect(unitPanel(page).getByText(/Capped at 60 months/)).toHaveCount(0);
  // $80 × Σ 0.99^k for k = 0…59 = $80 × (1 − 0.99^60) ÷ 0.01 = $3,622.75.
  await expect(page.getByTestId("ue-ltv-5y")).toHaveText("$3,622.75");
  // Expansion above churn: no finite formula value, capped at 60 months of
  // gross profit ($4,800) and said so, never NaN or ∞.
  await typeUnit(page, { "Monthly expansion (%)": "2" });
  await expect(ltv).toHaveText("$4,800.00");
  await expect(unitPanel(page).getByText(/^Capped at 60 months of gross profit: churn is not above expansion, so the formula has no finite value/)).toBeVisible();
  // Churn 0: lifetime has no end.
  await typeUnit(page, { "Monthly churn (%)": "0", "Monthly expansion (%)": "0" });
  await expect(page.getByTestId("ue-lifetime")).toHaveText("No end");
  await expect(page.locator("body")).not.toContainText("NaN");
  await expect(page.locator("body")).not.toContainText("∞");

  await waitForSaved(page, (doc) => doc?.data?.simulate?.unit?.churn_pct === 0);
});

// Issue 11, item 1: ARPA $2,000, gross margin 75 %, churn 0.8 %, no
// expansion. The formula gives $2,000 × 0.75 ÷ 0.008 = $187,500; the app
// used to show $90,000 (the 60-month cap). LTV over 5 years is the
// conservative figure beside it; a discounted LTV at 10 % a year is
// $1,500 ÷ (0.008 + 1.1^(1/12) − 1) = $93,901.77 and is saved.
test("an enterprise LTV shows the formula's value, the 5-year figure and a discounted LTV", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  await typeUnit(page, {
    "ARPA ($/month)": "2000",
    "Gross margin (%)": "75",
    "Monthly churn (%)": "0.8",
    "Monthly expansion (%)": "0",
    "CAC ($)": "30000",
  });
  await expect(page.getByTestId("ue-ltv")).toHaveText("$187,500.00");
  await expect(unitPanel(page).getByText(/Capped at 60 months/)).toHaveCount(0);
  // $1,500 × (1 − 0.992^60) ÷ 0.008 = $71,701.86.
  await expect(page.getByTestId("ue-ltv-5y")).toHaveText("$71,701.86");
  // LTV:CAC from the same headline LTV: 187,500 ÷ 30,000 = 6.25.
  await expect(page.getByTestId("ue-ltv-cac")).toHaveText("6.25");

  await unitPanel(page).getByLabel("Also show a discounted LTV").check();
  await expect(unitPanel(page).getByLabel("Annual discount rate (%)")).toHaveValue("10");
  await expect(page.getByTestId("ue-ltv-discounted")).toHaveText("$93,901.77");
  await waitForSaved(page, (doc) => doc?.data?.simulate?.ltv_discount_rate_pct === 10);
  await page.reload();
  await ready(page);
  await expect(page.getByTestId("ue-ltv-discounted")).toHaveText("$93,901.77");
  await expect(page.getByTestId("ue-ltv")).toHaveText("$187,500.00");
});

test("an invalid value shows a message beside the field and leaves the outputs unchanged", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  await typeUnit(page, {
    "ARPA ($/month)": "100",
    "Gross margin (%)": "80",
    "Monthly churn (%)": "2",
    "Monthly expansion (%)": "0",
    "CAC ($)": "1000",
  });
  await expect(page.getByTestId("ue-ltv")).toHaveText("$4,000.00");
  const arpa = unitPanel(page).getByLabel("ARPA ($/month)", { exact: true });

  await arpa.fill("abc");
  await expect(arpa).toHaveAttribute("aria-invalid", "true");
  await expect(unitPanel(page).getByText("“abc” is not a number.")).toBeVisible();
  await expect(page.getByTestId("ue-ltv")).toHaveText("$4,000.00");
  await expect(page.getByTestId("ue-ltv-cac")).toHaveText("4.00");
  await expect(page.getByTestId("ue-payback")).toHaveText("12.5");

  await arpa.fill("-5");
  await expect(unitPanel(page).getByText("Must be at least $0 a month.")).toBeVisible();
  await expect(page.getByTestId("ue-ltv")).toHaveText("$4,000.00");
  await expect(page.getByTestId("ue-payback")).toHaveText("12.5");

  // The stored value is still the last valid one.
  await waitForSaved(page, (doc) => doc?.data?.simulate?.unit?.arpa_per_month === 100);

  // A simulator field behaves the same way.
  const win = page.getByLabel("Win rate (%)", { exact: true });
  await win.fill("140");
  await expect(page.getByText("Must be at most 100%.")).toBeVisible();
  await expect(win).toHaveAttribute("aria-invalid", "true");
});

test("CAC by channel gives each channel's CAC and the blended CAC with organic customers", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  const table = page.getByRole("region", { name: "CAC by channel" });
  // Defaults: $43,000 of spend over 85 customers (25 of them organic).
  await expect(page.getByTestId("blended-cac")).toHaveText("$505.88");
  await table.getByRole("button", { name: "Remove Outbound sales" }).click();
  await expect(page.getByTestId("blended-cac")).toHaveText("$240.00");

  await table.getByLabel("New channel name").fill("Events");
  await table.getByRole("button", { name: "Add channel" }).click();
  await expect(table.getByRole("button", { name: "Remove Events" })).toBeVisible();
  const names = table.getByRole("textbox", { name: "Channel name", exact: true });
  await names.last().fill("Trade shows");
  await expect(table.getByRole("button", { name: "Remove Trade shows" })).toBeVisible();
  await names.last().fill("");
  await expect(table.getByText("Give it a name.")).toBeVisible();
  await names.last().fill("Trade shows");

  const spend = table.getByLabel("Spend ($)");
  const customers = table.getByLabel("New customers");
  await spend.last().fill("12000");
  await customers.last().fill("10");
  // (18,000 + 12,000) ÷ (20 + 25 + 30 + 10) = $352.94
  await expect(page.getByTestId("blended-cac")).toHaveText("$352.94");
  await waitForSaved(page, (doc) =>
    doc?.data?.simulate?.channels?.some((c: any) => c.name === "Trade shows" && c.spend === 12000),
  );
});

test("a preset runs, two scenarios are saved and compared, and they survive a reload", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  const presets = page.getByRole("group", { name: /Start from a preset/ });
  await presets.getByRole("button", { name: "Sales-led", exact: true }).click();
  await expect(presets.getByRole("button", { name: "Sales-led", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("switch", { name: "Self-serve channel on" })).not.toBeChecked();
  await expect(page.getByRole("switch", { name: "Sales-led channel on" })).toBeChecked();
  await expect(page.getByTestId("sim-trough")).toContainText("in month");
  await expect(page.getByTestId("chart-cumulative-cash").locator("svg")).toBeVisible();
  await expect(page.getByTestId("chart-cumulative-cash")).toContainText("Cumulative cash");

  const name = page.getByLabel("Scenario name");
  await name.fill("Enterprise field team");
  await page.getByRole("button", { name: "Save current inputs" }).click();
  await expect(page.getByRole("checkbox", { name: "Compare Enterprise field team" })).toBeVisible();

  await presets.getByRole("button", { name: "Product-led", exact: true }).click();
  await expect(page.getByRole("switch", { name: "Sales-led channel on" })).not.toBeChecked();
  await name.fill("Self-serve only");
  await page.getByRole("button", { name: "Save current inputs" }).click();
  await expect(page.getByText("2 of 8 saved.")).toBeVisible();

  // A blank name is refused with a message.
  await page.getByRole("button", { name: "Save current inputs" }).click();
  await expect(page.getByText("Give it a name.")).toBeVisible();

  await page.getByRole("checkbox", { name: "Compare Enterprise field team" }).check();
  await page.getByRole("checkbox", { name: "Compare Self-serve only" }).check();
  const comparison = page.getByTestId("scenario-comparison");
  await expect(comparison.getByRole("columnheader", { name: "Enterprise field team (reference)" })).toBeVisible();
  await expect(comparison.getByRole("columnheader", { name: "Self-serve only" })).toBeVisible();
  await expect(comparison.getByRole("row", { name: /Blended CAC/ })).toContainText(/better|worse/);
  await expect(page.getByTestId("chart-compare-cash")).toContainText("Self-serve only");
  await expect(page.getByTestId("chart-compare-mrr").locator("svg")).toBeVisible();

  await waitForSaved(page, (doc) => doc?.data?.simulate?.scenarios?.length === 2 && doc?.data?.simulate?.compare?.length === 2);
  await page.reload();
  await ready(page);
  await expect(page.getByRole("checkbox", { name: "Compare Enterprise field team" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Compare Self-serve only" })).toBeChecked();
  await expect(page.getByTestId("scenario-comparison").getByRole("columnheader")).toHaveCount(3);

  // Load, duplicate, rename and delete (with an inline confirmation).
  await page.getByRole("button", { name: "Load Enterprise field team" }).click();
  await expect(presets.getByRole("button", { name: "Sales-led", exact: true })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Duplicate Self-serve only" }).click();
  await expect(page.getByRole("checkbox", { name: "Compare Self-serve only (copy)" })).toBeVisible();
  await page.getByRole("button", { name: "Rename Self-serve only (copy)" }).click();
  await page.getByLabel("New name").fill("Self-serve, cheaper ads");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("checkbox", { name: "Compare Self-serve, cheaper ads" })).toBeVisible();
  await page.getByRole("button", { name: "Delete Self-serve, cheaper ads" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByRole("checkbox", { name: "Compare Self-serve, cheaper ads" })).toHaveCount(0);
  await waitForSaved(page, (doc) => doc?.data?.simulate?.scenarios?.length === 2);
});

test("the monthly table downloads as CSV with a header and one row per month", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  await page.getByLabel("Horizon (months)", { exact: true }).fill("24");
  await page.getByText("Show the monthly table (24 months)").click();
  const table = page.getByTestId("sim-monthly-table");
  await expect(table.locator("tbody tr")).toHaveCount(12);
  await page.getByRole("button", { name: "Show all 24 months" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(24);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^gtm-simulation-\d{4}-\d{2}-\d{2}\.csv$/);
  const path = await download.path();
  const text = readFileSync(path!, "utf8");
  const lines = text.split("\r\n").filter((l) => l.length > 0);
  expect(lines.length).toBe(24 + 1);
  expect(lines[0].startsWith("Month,Sign-ups,Activated,PQLs,")).toBe(true);
  expect(lines[0]).toContain("MRR: Sales-led ($)");
  expect(lines[1].startsWith("1,")).toBe(true);
  expect(lines[24].startsWith("24,")).toBe(true);

  // Charts download as SVG too.
  const [svg] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download SVG: MRR by channel" }).click(),
  ]);
  const svgText = readFileSync((await svg.path())!, "utf8");
  expect(svgText).toContain("<svg");
  expect(svgText).toContain("MRR by channel");
});

test("“Model this motion” opens the simulator on that preset once", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  // Without a chosen motion the query is ignored.
  await page.goto("/simulate?preset=sales_led");
  await ready(page);
  const presets = page.getByRole("group", { name: /Start from a preset/ });
  await expect(presets.getByRole("button", { name: "Sales-led", exact: true })).toHaveAttribute("aria-pressed", "false");

  // Record a chosen motion as Assess does, then follow its link.
  await page.getByLabel("Horizon (months)", { exact: true }).fill("30");
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.horizon_months === 30);
  await page.evaluate(() => {
    const raw = localStorage.getItem("gtm-workbench");
    const doc = JSON.parse(raw!);
    doc.data.assess.chosen_motion = "sales_led";
    localStorage.setItem("gtm-workbench", JSON.stringify(doc));
  });
  await page.goto("/simulate?preset=sales_led");
  await ready(page);
  await expect(presets.getByRole("button", { name: /^Sales-led \(your assessment\)$/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/\/simulate$/);
  await expect(page.getByTestId("notices")).toContainText("Sales-led preset");

  // Later edits are kept across a reload: the preset is not applied again.
  await page.getByLabel("Horizon (months)", { exact: true }).fill("48");
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.horizon_months === 48);
  await page.reload();
  await ready(page);
  await expect(page.getByLabel("Horizon (months)", { exact: true })).toHaveValue("48");
});

test("links from Compare land on the simulator input they name", async ({ page }) => {
  for (const [hash, label] of [
    ["sl_acv", "ACV ($/year)"],
    ["sl_cycle_months", "Sales cycle (months)"],
    ["sl_cost_per_opp", "Cost per qualified opportunity ($)"],
  ]) {
    // A different page first, so each visit is a fresh load, not a jump within the page.
    await page.goto("/assess");
    await ready(page);
    await page.goto(`/simulate#${hash}`);
    await ready(page);
    await expect(page.getByLabel(label, { exact: true })).toBeFocused();
    await expect(page.getByLabel(label, { exact: true })).toBeInViewport();
  }
});

test("switching a channel off updates the results and every figure stays finite", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  const before = await page.getByTestId("sim-arr").textContent();
  await page.getByRole("switch", { name: "Sales-led channel on" }).uncheck();
  await expect(page.getByTestId("sim-arr")).not.toHaveText(before!);
  await expect(page.getByTestId("sim-channel-table").getByRole("rowheader", { name: "Sales-led" })).toHaveCount(0);
  // Everything off: a warning, no NaN anywhere.
  await page.getByRole("switch", { name: "Self-serve channel on" }).uncheck();
  await page.getByRole("switch", { name: "Sales-assisted (PQL) channel on" }).uncheck();
  await expect(page.getByTestId("sim-warnings")).toContainText("Every channel is switched off");
  await expect(page.locator("body")).not.toContainText("NaN");
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.self_serve?.enabled === false);
  const doc = await stored(page);
  expect(doc.data.simulate.inputs.sales_led.enabled).toBe(false);
});

test.describe("accessibility", () => {
  test.use({ bypassCSP: true });

  test("the simulate page has no axe violations in the light and projector themes", async ({ page }) => {
    await page.goto("/simulate");
    await ready(page);
    // Something in every state the page can show: a saved, compared scenario and an open table.
    await page.getByLabel("Scenario name").fill("Baseline");
    await page.getByRole("button", { name: "Save current inputs" }).click();
    await page.getByRole("checkbox", { name: "Compare Baseline" }).check();
    await page.getByText(/Show the monthly table/).click();
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
    for (const theme of ["light", "projector", "dark"]) {
      await page.getByLabel("Theme").selectOption(theme);
      const violations = await page.evaluate(async () => {
        const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
        return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(" ")).slice(0, 5).join(", ")}`);
      });
      expect(violations, `axe violations in the ${theme} theme`).toEqual([]);
    }
  });
});
