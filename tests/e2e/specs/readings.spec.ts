// Issue 14, "Honest readings": figures that went stale say so, readings
// never contradict each other, Plan and Compare read the person's own
// numbers and answers.
import { test, expect, ready, stored, waitForSaved } from "./fixtures";
import type { Page, Locator } from "@playwright/test";

test.use({ serviceWorkers: "block" });

const KEY = "gtm-workbench";

async function openSimulate(page: Page) {
  await page.goto("/simulate");
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Simulate");
}

function preset(page: Page, name: string): Locator {
  return page.getByRole("group", { name: /Start from a preset/ }).getByRole("button", { name, exact: true });
}

function field(page: Page, label: string): Locator {
  return page.getByRole("textbox", { name: label, exact: true });
}

type Box = { text: string; x: number; y: number; w: number; h: number };

/** The on-screen boxes of the chart texts matching `pattern`. */
async function textBoxes(chart: Locator, pattern: RegExp): Promise<Box[]> {
  const all = await chart.locator("svg text").evaluateAll((texts) =>
    texts.map((t) => {
      const r = t.getBoundingClientRect();
      return { text: (t.textContent ?? "").trim(), x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
  return all.filter((b) => pattern.test(b.text));
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

test("a refused entry marks every figure it feeds as not updated and hides the readings tied to it", async ({ page }) => {
  await openSimulate(page);
  await preset(page, "Product-led").click();
  const churn = field(page, "Self-serve churn (%/month)");
  const reading = page.getByTestId("reading-self_serve.churn_pct");
  const ratio = page.getByTestId("sim-ltv-cac");
  await expect(reading).toBeVisible();
  await expect(page.getByTestId("sim-stale")).toHaveText("");
  const before = (await ratio.textContent())!.trim();

  await churn.fill("three");
  await expect(churn).toHaveAttribute("aria-invalid", "true");
  // Said above the summary, the charts, the monthly table and the insight tools.
  for (const id of ["sim-stale", "charts-stale", "monthly-stale", "insight-stale"]) {
    await expect(page.getByTestId(id)).toContainText("Not updated: fix Self-serve churn (%/month).");
  }
  // Each tile says so, seen and heard; it keeps the last valid number.
  await expect(ratio).toHaveText(before);
  await expect(ratio).toHaveAccessibleDescription(/^Not updated: fix Self-serve churn \(%\/month\)\./);
  await expect(page.getByTestId("sim-summary").getByText("Not updated", { exact: true }).first()).toBeVisible();
  // The reading under the field was of the old value: gone until fixed.
  await expect(reading).toHaveCount(0);
  // The note leads to the field.
  await page.getByTestId("sim-stale").getByRole("button", { name: "Go to Self-serve churn (%/month)" }).click();
  await expect(churn).toBeFocused();

  // Valid again: the marks go, the reading returns, the figures follow.
  await churn.fill("6");
  await expect(page.getByTestId("sim-stale")).toHaveText("");
  await expect(ratio).not.toHaveAccessibleDescription(/Not updated/);
  await expect(reading).toBeVisible();
  await expect(ratio).not.toHaveText(before);

  // The calculator's figures are their own group: its refused ARPA marks
  // them, not the scenario's.
  const calculator = page.getByRole("region", { name: "Unit economics of one customer" });
  await calculator.getByLabel("ARPA ($/month)", { exact: true }).fill("lots");
  await expect(page.getByTestId("ue-stale")).toContainText("Not updated: fix ARPA ($/month).");
  await expect(page.getByTestId("ue-ltv")).toHaveAccessibleDescription(/^Not updated/);
  await expect(page.getByTestId("sim-stale")).toHaveText("");
  await calculator.getByLabel("ARPA ($/month)", { exact: true }).fill("100");
  await expect(page.getByTestId("ue-stale")).toHaveText("");
});

test("Plan: a refused volume marks the estimate as not updated and hides each rule's line", async ({ page }) => {
  await page.goto("/plan");
  await ready(page);
  const lines = page.getByTestId("rule-estimate");
  await expect(lines.first()).toContainText("About");
  await page.getByLabel("Active free accounts a month", { exact: true }).fill("lots");
  await expect(page.getByTestId("plan-stale")).toContainText("Not updated: fix Active free accounts a month.");
  for (const line of await lines.all()) await expect(line).toHaveText("");
  await page.getByLabel("Active free accounts a month", { exact: true }).fill("2000");
  await expect(page.getByTestId("plan-stale")).toHaveText("");
  await expect(lines.first()).toContainText("About");
});

test("an impossible input makes the projection not credible, with no healthy reading left", async ({ page }) => {
  await openSimulate(page);
  await preset(page, "Product-led").click();
  const summary = page.getByTestId("sim-summary");
  await expect(page.getByTestId("sim-credibility")).toHaveText("");
  expect(await summary.getByText("Healthy", { exact: true }).count()).toBeGreaterThan(0);

  // The case: referrals of 2 per sign-up and no churn.
  await field(page, "Viral coefficient").fill("2");
  await field(page, "Self-serve churn (%/month)").fill("0");
  const credibility = page.getByTestId("sim-credibility");
  await expect(credibility).toContainText("Not credible");
  await expect(credibility).toContainText("The viral coefficient is 2");
  await expect(credibility.getByRole("button", { name: "Go to Viral coefficient" })).toBeVisible();
  await expect(summary.getByText("Healthy", { exact: true })).toHaveCount(0);
  await expect(summary.getByText("Fine", { exact: true })).toHaveCount(0);
  await expect(page.getByTestId("sim-ltv-cac")).toHaveAccessibleDescription(/Not rated/);
  // The viral loop is bounded by the market: the figures stay finite.
  await expect(page.getByTestId("sim-arr")).toHaveText(/^\$[\d,]+$/);

  await field(page, "Viral coefficient").fill("0.2");
  await field(page, "Self-serve churn (%/month)").fill("4");
  await expect(credibility).toHaveText("");
  expect(await summary.getByText("Healthy", { exact: true }).count()).toBeGreaterThan(0);
});

test("the J-curve names monthly break-even and cash back to zero apart, each where it happens, labels apart", async ({ page }) => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    await openSimulate(page);
    await preset(page, "Sales-led").click();
    await field(page, "Horizon (months)").fill("60");
    const breakEven = page.getByTestId("sim-break-even");
    const backToZero = page.getByTestId("sim-cash-payback");
    await expect(breakEven).toHaveText(/^Month \d+$/);
    await expect(backToZero).toHaveText(/^Month \d+$/);
    await expect(page.getByText("Monthly break-even", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("Cash back to zero (cash payback)", { exact: true }).first()).toBeVisible();
    const b = (await breakEven.textContent())!.trim().replace("Month ", "");
    const z = (await backToZero.textContent())!.trim().replace("Month ", "");
    expect(Number(b)).toBeLessThan(Number(z));

    // The chart marks both with the tiles' months, and its labels never overlap.
    const chart = page.getByTestId("chart-cumulative-cash");
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator("svg text", { hasText: `Monthly break-even: month ${b}` })).toHaveCount(1);
    await expect(chart.locator("svg text", { hasText: `Cash back to zero: month ${z}` })).toHaveCount(1);
    const labels = await textBoxes(chart, /^(Trough|Monthly break-even|Cash back to zero)/);
    expect(labels).toHaveLength(3);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        expect(overlap(labels[i], labels[j]), `${labels[i].text} / ${labels[j].text} at ${viewport.width}`).toBe(false);
      }
    }

    // A year is still in the hole: no return to zero is marked, and the
    // tile agrees.
    await field(page, "Horizon (months)").fill("12");
    await expect(backToZero).toHaveText("Not within the horizon");
    await expect(chart.locator("svg text", { hasText: "Cash back to zero" })).toHaveCount(0);
  }
});

test("Plan reads the scenario's own inputs and the simulator's figures, with one set of bands", async ({ page }) => {
  await openSimulate(page);
  await preset(page, "Hybrid: freemium to enterprise").click();
  await field(page, "Activation rate (%)").fill("35");
  await field(page, "Win rate (%)").fill("24");
  // Simulate reads the win rate against the band goal seek and Plan cite.
  await expect(page.getByTestId("reading-sales_led.win_pct")).toContainText("20–30%");
  const split = (await page.getByTestId("sim-split").textContent())!;
  const selfServeShare = split.match(/Self-serve (\d+)%/)![1];
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.self_serve?.activation_pct === 35);

  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Plan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Plan");
  const metrics = page.getByTestId("plan-metrics");
  const row = (name: string) =>
    metrics.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(page.getByTestId("current-activation_rate")).toHaveText("Assumed 35.0% in your scenario");
  await expect(row("Activation rate").getByRole("link", { name: "Activation rate (%)" })).toHaveAttribute(
    "href",
    /\/simulate#self_serve\.activation_pct$/,
  );
  await expect(page.getByTestId("current-win_rate")).toHaveText("Assumed 24.0% in your scenario");
  await expect(page.getByTestId("current-sales_cycle")).toHaveText(/^Assumed [\d.]+ months in your scenario$/);
  await expect(page.getByTestId("current-free_to_paid")).toHaveText(/^Assumed [\d.]+% in your scenario$/);
  // Simulate shows the revenue split; Plan's self-serve share is that figure.
  const planShare = (await page.getByTestId("current-revenue_split").textContent())!.trim();
  expect(planShare).toMatch(/^\d+\.\d%$/);
  expect(Math.round(parseFloat(planShare))).toBe(Number(selfServeShare));
  for (const name of ["Activation rate", "Free-to-paid conversion", "Win rate", "Sales-cycle length", "Self-serve revenue share"]) {
    await expect(row(name)).not.toContainText("Not measured by the simulator");
  }
  await expect(row("Win rate")).toContainText("20–30%");

  // What the simulator really does not model still says so.
  await page.getByLabel("Motion to plan for").selectOption("sales_led");
  await expect(row("Pipeline coverage")).toContainText("Not measured by the simulator");
});

test("Plan warns when the rules flag more accounts than there are", async ({ page }) => {
  await page.goto("/plan");
  await ready(page);
  const warning = page.getByTestId("plan-base-warning");
  await expect(warning).toBeHidden();
  // The case: four rules at 60% each on 2,000 active free accounts.
  await page.getByLabel("Active free accounts a month", { exact: true }).fill("2000");
  const shares = page.getByLabel(/^Accounts flagged/);
  await expect(shares).toHaveCount(4);
  for (const share of await shares.all()) await share.fill("60");
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("4,800 accounts a month");
  await expect(warning).toContainText("2,000 active free accounts");
  await expect(warning).toContainText("240%");
  await expect(page.getByTestId("plan-flagged-total")).toHaveText("1,200 to 2,000");
  await shares.first().fill("10");
  await shares.nth(1).fill("10");
  await shares.nth(2).fill("10");
  await shares.nth(3).fill("10");
  await expect(warning).toBeHidden();
});

test("Compare: each row leans the way the answers to its own questions do", async ({ page }) => {
  await page.goto("/compare");
  await ready(page);
  await page.getByLabel("Theme").selectOption("dark");
  await waitForSaved(page, (doc) => doc?.data?.theme === "dark");
  const doc = await stored(page);
  // A $12K–100K contract (the ACV row's own sales-led cell: "roughly $10K a
  // year or more"), sold through a free plan that grows with usage: the
  // pricing factor as a whole leans product-led.
  const answers = { price_level: "to_8k", price_buy: "free_plan", price_growth: "usage" };
  const next = { ...doc, data: { ...doc.data, assess: { ...doc.data.assess, answers, chosen_motion: null } } };
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(next)]);
  await page.goto("/compare");
  await ready(page);
  const acv = page.getByTestId("compare-row-acv");
  await expect(acv).toContainText("You lean strongly sales-led");
  await expect(acv.getByText("You lean strongly sales-led")).toHaveAttribute("title", "From your answer on the price per customer");
  await expect(page.getByTestId("compare-row-monetization")).toContainText("You lean strongly product-led");
  // Rows none of these questions speak to carry no chip.
  await expect(page.getByTestId("compare-row-buyer_motion")).not.toContainText("You lean");
});

test.describe("accessibility", () => {
  test.use({ bypassCSP: true });

  test("the not-updated and not-credible marks pass axe in every theme, on a desktop and a phone", async ({ page }) => {
    test.setTimeout(120_000);
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      await openSimulate(page);
      await preset(page, "Product-led").click();
      await field(page, "Viral coefficient").fill("2");
      await field(page, "Self-serve churn (%/month)").fill("zero");
      await expect(page.getByTestId("sim-stale")).toContainText("Not updated");
      await expect(page.getByTestId("sim-credibility")).toContainText("Not credible");
      await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
      for (const theme of ["light", "dark", "projector"]) {
        await page.getByLabel("Theme").selectOption(theme);
        const violations = await page.evaluate(async () => {
          const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
          return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(" ")).slice(0, 5).join(", ")}`);
        });
        expect(violations, `axe in the ${theme} theme at ${viewport.width}`).toEqual([]);
      }
      await page.getByLabel("Theme").selectOption("light");
    }
  });
});
