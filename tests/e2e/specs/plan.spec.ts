import { test, expect, ready, stored, waitForSaved } from "./fixtures";
import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";

// The service worker's first claim reloads the page once; these tests are not
// about offline use, so it is kept out of the way.
test.use({ serviceWorkers: "block" });

const SECTIONS = [
  "Assessment",
  "Key comparison",
  "Scenario",
  "PQL playbook",
  "Metrics to track",
  "Rollout checklist",
  "Pilot plan",
];

function rules(page: Page) {
  return page.getByRole("group", { name: /^Rule \d+:/ });
}

function rule(page: Page, n: number, signal: string | RegExp) {
  const name = typeof signal === "string" ? `Rule ${n}: ${signal}` : signal;
  return page.getByRole("group", { name, exact: true });
}

test("a PQL rule is created, edited, reordered and deleted, and the estimate follows", async ({ page }) => {
  await page.goto("/plan");
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Plan");

  // The four starting rules on 2,000 active free accounts: 8%, 2%, 1%, 3%.
  await expect(rules(page)).toHaveCount(4);
  await expect(page.getByTestId("plan-flagged-total")).toHaveText("160 to 280");
  await expect(page.getByTestId("plan-human-total")).toHaveText("60 to 120");
  await expect(page.getByTestId("plan-capacity-total")).toHaveText("200");
  await expect(page.getByTestId("plan-people-needed")).toHaveText("1 to 2");
  await expect(page.getByRole("status").filter({ hasText: "capacity" })).toContainText("Within capacity");

  // Create.
  await page.getByRole("button", { name: "Add a rule" }).click();
  await expect(rules(page)).toHaveCount(5);
  const fresh = rule(page, 5, "New signal");
  await expect(fresh.getByLabel("Signal", { exact: true })).toBeFocused();

  // Edit every field; a blank text and a bad number are refused beside the field.
  const signal = fresh.getByLabel("Signal", { exact: true });
  await signal.fill("");
  await expect(fresh.getByText("Enter some text.")).toBeVisible();
  await expect(signal).toHaveAttribute("aria-invalid", "true");
  await signal.fill("Pricing page visits");
  const edited = rule(page, 5, "Pricing page visits");
  await expect(edited).toBeVisible();
  await edited.getByLabel("Threshold").fill("5");
  await edited.getByLabel("Unit").fill("visits");
  await edited.getByLabel("Action").fill("Invite the account to a live demo");
  await edited.getByLabel("Owner").fill("Account executive");
  const share = edited.getByLabel(/Accounts flagged/);
  await share.fill("150");
  await expect(edited.getByText("Must be at most 100%.")).toBeVisible();
  await share.fill("10");
  await expect(edited.getByText("Must be at most 100%.")).toBeHidden();
  await expect(edited.getByTestId("rule-estimate")).toContainText("About 200 accounts a month");

  // 200 more accounts for people: over capacity if the rules flag different accounts.
  await expect(page.getByTestId("plan-flagged-total")).toHaveText("200 to 480");
  await expect(page.getByTestId("plan-people-needed")).toHaveText("2 to 4");
  await expect(page.getByRole("status").filter({ hasText: "capacity" })).toContainText("Possibly over capacity");
  await waitForSaved(page, (doc) => doc?.data?.plan?.rules?.[4]?.signal === "Pricing page visits" && doc.data.plan.rules[4].share_pct === 10);

  // Reorder.
  await page.getByRole("button", { name: "Move up Pricing page visits" }).click();
  await expect(rule(page, 4, "Pricing page visits")).toBeVisible();
  await expect(page.getByRole("button", { name: "Move up Pricing page visits" })).toBeFocused();
  await waitForSaved(page, (doc) => doc?.data?.plan?.rules?.[3]?.signal === "Pricing page visits");
  await page.getByRole("button", { name: "Move down Pricing page visits" }).click();
  await expect(rule(page, 5, "Pricing page visits")).toBeVisible();
  await expect(page.getByRole("button", { name: "Move down Pricing page visits" })).toBeDisabled();

  // The team is the other lever: with no people, even the smallest overlap is too much.
  await page.getByLabel("People working flagged accounts").fill("0");
  await expect(page.getByRole("status").filter({ hasText: "capacity" })).toContainText("Over capacity");
  await page.getByLabel("People working flagged accounts").fill("2");

  // Delete.
  await page.getByRole("button", { name: "Remove Pricing page visits" }).click();
  await expect(rules(page)).toHaveCount(4);
  await expect(page.getByTestId("plan-flagged-total")).toHaveText("160 to 280");
  await expect(page.getByRole("status").filter({ hasText: "capacity" })).toContainText("Within capacity");
  await waitForSaved(page, (doc) => doc?.data?.plan?.rules?.length === 4);

  // Volumes drive the estimate too.
  await page.getByLabel("Active free accounts a month").fill("1,000");
  await expect(page.getByTestId("plan-flagged-total")).toHaveText("80 to 140");
  // The simulator's self-serve funnel can supply the volume instead.
  const useSim = page.getByLabel("Take the active free accounts from my Simulate scenario");
  await expect(useSim).toBeEnabled();
  await expect(page.getByTestId("plan-use-simulator")).toContainText("active free accounts in the last month");
  await useSim.check();
  await expect(page.getByTestId("plan-flagged-total")).not.toHaveText("80 to 140");
  // The stock counts the months a free account stays active: one month is
  // fewer accounts than three.
  const before = await page.getByTestId("plan-flagged-total").textContent();
  await page.getByLabel("Months a free account stays active").fill("1");
  await expect(page.getByTestId("plan-flagged-total")).not.toHaveText(before!);
  await waitForSaved(page, (doc) => doc?.data?.plan?.volumes?.free_active_months === 1);
  await waitForSaved(page, (doc) => doc?.data?.plan?.volumes?.use_simulator === true);
  await useSim.uncheck();
  await expect(page.getByTestId("plan-flagged-total")).toHaveText("80 to 140");
});

test("ticked checklist tasks and the pilot plan survive a reload", async ({ page }) => {
  await page.goto("/plan");
  await ready(page);
  await page.getByLabel("Motion to plan for").selectOption("sales_led");
  await expect(page.getByTestId("plan-metrics")).toContainText("Quota attainment");
  await expect(page.getByRole("checkbox", { name: /Design quotas and commission/ })).toBeVisible();

  const progress = page.getByTestId("checklist-progress");
  const total = Number((await progress.textContent())!.match(/of (\d+) done/)![1]);
  expect(total).toBeGreaterThanOrEqual(15);
  await expect(progress).toHaveText(`0 of ${total} done`);
  const first = page.getByRole("checkbox", { name: /Map each step a customer takes today/ });
  const second = page.getByRole("checkbox", { name: /Design quotas and commission/ });
  await first.check();
  await second.check();
  await expect(progress).toHaveText(`2 of ${total} done`);

  // Pilot.
  await page.getByLabel("Segment").fill("Agencies with under 50 staff");
  await page.getByLabel("Length (weeks)").fill("8");
  await page.getByRole("button", { name: "Add a success metric" }).click();
  await expect(page.getByLabel("Metric 1")).toBeFocused();
  await page.getByLabel("Metric 1").fill("Demo-to-close rate");
  await page.getByLabel("Target 1").fill("at least 20%");
  await page.getByRole("button", { name: /Add the suggested metrics/ }).click();
  await expect(page.getByLabel("Metric 4")).toHaveValue(/.+/);
  await page.getByRole("button", { name: /Remove metric 2/ }).click();
  await expect(page.getByLabel("Metric 4")).toHaveCount(0);

  await waitForSaved(
    page,
    (doc) =>
      doc?.data?.plan?.checklist?.includes("audit.map-journey") &&
      doc.data.plan.checklist.includes("align.quota-design") &&
      doc.data.plan.pilot.weeks === 8 &&
      doc.data.plan.pilot.metrics.length === 3,
  );
  await page.reload();
  await ready(page);
  await expect(page.getByLabel("Motion to plan for")).toHaveValue("sales_led");
  await expect(first).toBeChecked();
  await expect(second).toBeChecked();
  await expect(progress).toHaveText(`2 of ${total} done`);
  await expect(page.getByLabel("Segment")).toHaveValue("Agencies with under 50 staff");
  await expect(page.getByLabel("Length (weeks)")).toHaveValue("8");
  await expect(page.getByLabel("Metric 1")).toHaveValue("Demo-to-close rate");

  // Unticking is saved too.
  await first.uncheck();
  await expect(progress).toHaveText(`1 of ${total} done`);
  await waitForSaved(page, (doc) => !doc?.data?.plan?.checklist?.includes("audit.map-journey"));
  expect((await stored(page)).data.plan.checklist).toEqual(["align.quota-design"]);
});

test("the metrics show the current figure of the Simulate scenario and follow a change made there", async ({ page }) => {
  await page.goto("/plan");
  await ready(page);
  const metrics = page.getByTestId("plan-metrics");
  await expect(metrics.getByRole("columnheader", { name: "Current figure (your scenario)" })).toBeVisible();
  const cac = page.getByTestId("current-cac_blended");
  await expect(cac).toHaveText(/^\$[\d,]+\.\d\d$/);
  const before = await cac.textContent();
  // A metric the simulator takes as an input shows the value the scenario assumes.
  const activation = metrics.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Activation rate" }) });
  await expect(activation).toContainText(/Assumed [\d.]+% in your scenario/);
  await expect(activation).not.toContainText("Not measured by the simulator");
  // The formula stands beside the number, and the number says where it comes from.
  const cacRow = metrics.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Blended CAC" }) });
  await expect(cacRow).toContainText("= all go-to-market spend ÷ all new customers over the horizon");
  await expect(cacRow.getByRole("link", { name: "from Simulate" })).toBeVisible();

  // Change a simulator input on /simulate: more pipeline spend, a dearer customer.
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Simulate" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Simulate");
  const spend = page.getByLabel("Pipeline spend ($/month)", { exact: true });
  const simCac = page.getByTestId("sim-blended-cac");
  const cacBefore = await simCac.textContent();
  expect(cacBefore).toBe(before);
  await spend.fill(String(Number((await spend.inputValue()).replace(/,/g, "")) * 3));
  await expect(simCac).not.toHaveText(cacBefore!);
  const shown = {
    cac: (await simCac.textContent())!.trim(),
    ltvCac: (await page.getByTestId("sim-ltv-cac").textContent())!.trim(),
    payback: (await page.getByTestId("sim-payback").textContent())!.trim(),
  };
  expect(shown.payback).toMatch(/^[\d,]+\.\d$/);

  // /plan follows, with the same figures Simulate shows.
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Plan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Plan");
  await expect(cac).toHaveText(shown.cac);
  await expect(page.getByTestId("current-ltv_cac")).toHaveText(shown.ltvCac);
  await expect(page.getByTestId("current-payback_months")).toHaveText(`${shown.payback} months`);

  // The same after a reload, from the saved scenario.
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.sales_led?.pipeline_spend_per_month > 0);
  await page.reload();
  await ready(page);
  await expect(cac).toHaveText(shown.cac);

  // With every channel switched off there is nothing to measure: a reason, never NaN.
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Simulate" }).click();
  const switches = page.getByRole("switch", { name: /channel on$/ });
  await expect(switches).toHaveCount(3);
  for (const channel of await switches.all()) {
    if (await channel.isChecked()) await channel.uncheck();
  }
  await expect(page.getByTestId("sim-blended-cac")).toHaveText("—");
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Plan" }).click();
  await expect(cac).toHaveText("No customers won in this scenario yet");
  await expect(page.getByTestId("current-payback_months")).toHaveText("No customers won in this scenario yet");
  await expect(page.locator("body")).not.toContainText("NaN");
  await expect(page.locator("body")).not.toContainText("Infinity");

  // The link leads to the simulator.
  await cacRow.getByRole("link", { name: "from Simulate" }).click();
  await expect(page).toHaveURL(/\/simulate$/);
});

test("the print view holds every report section and nothing else; the report downloads as Markdown", async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__printed = 0;
    window.print = () => {
      (window as any).__printed += 1;
    };
  });
  await page.goto("/plan");
  await ready(page);
  await page.getByRole("checkbox", { name: /Map each step a customer takes today/ }).check();

  const report = page.getByRole("region", { name: "One-page report" });
  // On screen the report is a preview on demand.
  await expect(report.getByRole("heading", { name: "Scenario" })).toBeHidden();
  await report.getByRole("button", { name: "Preview the report" }).click();
  await expect(report.getByRole("heading", { name: "Scenario" })).toBeVisible();
  await report.getByRole("button", { name: "Hide the preview" }).click();

  await report.getByRole("button", { name: "Print / Save as PDF" }).click();
  await expect.poll(() => page.evaluate(() => (window as any).__printed)).toBe(1);
  // The first page lists the checklist's progress; every task is an added section.
  await report.getByRole("checkbox", { name: "Every checklist task" }).check();

  await page.emulateMedia({ media: "print" });
  for (const name of SECTIONS) {
    await expect(report.getByRole("heading", { name, exact: true }), name).toBeVisible();
  }
  await expect(report).toContainText("No assessment yet");
  await expect(report).toContainText("Current scenario over");
  await expect(report).toContainText("Core features used by a free account");
  await expect(report).toContainText("Average contract value (ACV)");
  await expect(report.getByRole("listitem").filter({ hasText: "Map each step a customer takes today" }).last()).toContainText("Done");
  // The scenario's two charts: an SVG with a title in a figure captioned by its text alternative.
  const charts = report.getByTestId("plan-report-chart");
  await expect(charts).toHaveCount(2);
  for (const [title, words] of [
    ["MRR by channel", "stacked area chart"],
    ["Cumulative cash (J-curve)", "Cumulative cash"],
  ]) {
    const figure = report.getByRole("figure").filter({ has: page.getByRole("img", { name: title }) });
    await expect(figure, title).toBeVisible();
    await expect(figure.locator("svg > title")).toHaveText(title);
    await expect(figure.locator("figcaption")).toContainText(words);
    // Inside the page width.
    const svgBox = (await figure.locator("svg").boundingBox())!;
    const reportBox = (await report.boundingBox())!;
    expect(svgBox.x + svgBox.width, title).toBeLessThanOrEqual(reportBox.x + reportBox.width + 1);
  }
  // Printed on white whatever the theme.
  await expect(charts.first().locator("svg rect").first()).toHaveAttribute("fill", /#(FFFFFF|ffffff)|white|rgb\(255, ?255, ?255\)/);
  // The editors, the app chrome and the buttons are not printed.
  await expect(page.getByRole("button", { name: "Add a rule" })).toBeHidden();
  await expect(page.getByLabel("Motion to plan for")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Workspaces" })).toBeHidden();
  await expect(report.getByRole("button", { name: "Print / Save as PDF" })).toBeHidden();
  await page.screenshot({ path: "test-results/plan-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    report.getByRole("button", { name: "Download as Markdown" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^gtm-workbench-report-\d{4}-\d{2}-\d{2}\.md$/);
  const markdown = readFileSync((await download.path())!, "utf8");
  for (const name of SECTIONS) expect(markdown).toContain(`## ${name}`);
  // It opens with the brief the report shows, word for word.
  const briefText = (await report.getByTestId("brief-text").textContent())!.trim();
  expect(briefText.length).toBeGreaterThan(40);
  expect(markdown.indexOf("## In brief")).toBeLessThan(markdown.indexOf("## Assessment"));
  expect(markdown).toContain(briefText);
  expect(markdown).toContain("### What needs attention first");
  expect(markdown).toContain("| Core features used by a free account | 3 features |");
  expect(markdown).toContain("- [x] Map each step a customer takes today");
  // Charts cannot travel in Markdown: the figures behind them do, by quarter.
  expect(markdown).toContain("### Scenario by quarter");
  expect(markdown).toContain("| Month | MRR | Paying customers | Cumulative cash |");
  expect(markdown).toMatch(/\n\| 3 \| \$[\d,]+ \| [\d,]+ \| −?\$[\d,]+ \|\n/);
  expect(markdown).toMatch(/\n\| 36 \| \$[\d,]+ \|/);
  expect(markdown.indexOf("### Scenario by quarter")).toBeGreaterThan(markdown.indexOf("## Scenario"));
  expect(markdown.indexOf("### Scenario by quarter")).toBeLessThan(markdown.indexOf("## PQL playbook"));
  expect(markdown).toMatch(/Blended CAC: .* In your scenario: \$[\d,]+\.\d\d\./);
  expect(markdown).not.toContain("NaN");
});

test("the plan fits 1280×720 in projector theme and a phone without scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/plan");
  await ready(page);
  await page.getByRole("combobox", { name: /^Theme/ }).selectOption("projector");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "projector");
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow(), "no horizontal scroll at 1280×720").toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/plan-projector-full.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await overflow(), "no horizontal scroll on a phone").toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/plan-phone-full.png", fullPage: true });
});
