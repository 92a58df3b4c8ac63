// Measure (issue 15): a billing export read in the browser, its figures,
// the simulator started from them, and the measurement kept across a reload.
//
// The sample's expected figures come from sample-figures.json, which a
// native test (tests/measure.rs, the plain reading of the definitions)
// computes from the file's rows without the product's code and keeps in
// step. The page's texts are read back into numbers here and compared with
// those values to the precision the page writes them.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, ready, stored, waitForSaved } from "./fixtures";

const SAMPLE = join(process.cwd(), "..", "fixtures", "measure", "sample-subscriptions.csv");
const MAPPED = join(process.cwd(), "..", "fixtures", "measure", "mapped_semicolon.csv");
const EXPECTED = JSON.parse(readFileSync(join(process.cwd(), "specs", "sample-figures.json"), "utf8"));
const AXE = readFileSync(join(process.cwd(), "node_modules", "axe-core", "axe.min.js"), "utf8");

/** The figure with this test id, as a number: `$228,139` → 228139,
 *  `2.83%/month` → 2.83, `−$5` → −5. */
async function figure(page: Page, id: string): Promise<number> {
  const text = (await page.getByTestId(id).textContent()) ?? "";
  const plain = text.replace(/\u2212/g, "-").replace(/[^0-9.\-]/g, "");
  const value = Number(plain);
  expect(Number.isFinite(value), `${id} reads as a number: “${text}”`).toBe(true);
  return value;
}

/** `actual` as written to `decimals` places equals `expected` rounded there. */
function near(actual: number, expected: number, decimals: number, what: string) {
  const unit = 10 ** -decimals;
  expect(Math.abs(actual - expected), `${what}: page ${actual}, plain reading ${expected}`).toBeLessThanOrEqual(
    unit / 2 + unit * 1e-6,
  );
}

async function openMeasure(page: Page) {
  // The sample's last date is 3 Nov 2026: any later "today" measures it the same.
  await page.clock.setFixedTime(new Date("2026-12-01T12:00:00Z"));
  await page.goto("/measure");
  await ready(page);
}

async function importSample(page: Page) {
  await page.getByLabel("Subscription export (CSV)").setInputFiles(SAMPLE);
  await expect(page.getByTestId("measured-customers")).toBeVisible({ timeout: 20_000 });
}

test("the page says the rows stay in the browser and offers the three ways in", async ({ page }) => {
  await openMeasure(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Measure");
  await expect(page.getByTestId("measure-privacy")).toContainText("never sent anywhere and never stored");
  await expect(page.getByLabel("Subscription export (CSV)")).toBeEnabled();
  await expect(page.getByRole("button", { name: "Try with sample data" })).toBeEnabled();
  await expect(page.getByText("Drop a file anywhere on this page")).toBeVisible();
});

test("the sample imported through the file input shows every figure as a plain reading of its rows gives it", async ({
  page,
}) => {
  await openMeasure(page);
  await importSample(page);
  const e = EXPECTED;
  await expect(page.getByTestId("measure-source")).toContainText(
    `Measured from sample-subscriptions.csv, Nov 2024 – Oct 2026, ${e.subscriptions.toLocaleString("en-US")} subscriptions.`,
  );
  await expect(page.getByTestId("measure-report")).toContainText(`Read ${e.subscriptions.toLocaleString("en-US")} rows`);

  expect(await figure(page, "measured-customers")).toBe(e.customers);
  near(await figure(page, "measured-mrr"), e.mrr, 0, "MRR");
  near(await figure(page, "measured-arr"), e.mrr * 12, 0, "ARR");
  near(await figure(page, "measured-arpa"), e.arpa, 2, "ARPA");
  near(await figure(page, "measured-new-customers"), e.new_per_month, 1, "new customers a month");
  const annual = (m: number) => (1 - (1 - m) ** 12) * 100;
  near(await figure(page, "measured-logo-churn"), e.logo_churn * 100, 2, "logo churn");
  near(await figure(page, "measured-logo-churn-annual"), annual(e.logo_churn), 1, "annual logo churn");
  near(await figure(page, "measured-revenue-churn"), e.revenue_churn * 100, 2, "gross MRR churn");
  near(await figure(page, "measured-revenue-churn-annual"), annual(e.revenue_churn), 1, "annual MRR churn");
  near(await figure(page, "measured-expansion"), e.expansion * 100, 2, "expansion");
  near(await figure(page, "measured-contraction"), e.contraction * 100, 2, "contraction");
  near(await figure(page, "measured-nrr"), e.nrr * 100, 1, "NRR");
  near(await figure(page, "measured-grr"), e.grr * 100, 1, "GRR");
  // The sample has no spend: CAC and payback say so instead of a number.
  await expect(page.getByTestId("measured-cac")).toHaveText("The file has no sales and marketing spend.");
  await expect(page.getByTestId("measured-payback")).toHaveText("The file has no sales and marketing spend.");

  // LTV with the product's convention, at a gross margin the person types:
  // ARPA × GM ÷ (churn − (expansion − contraction)); over 5 years, the sum
  // of 60 months of gross profit with that net churn applied month by month.
  await page.getByLabel("Gross margin for LTV and payback (%)").fill("75");
  await expect(page.getByTestId("measure-margin-source")).toHaveText("Confirmed by you.");
  const net = e.logo_churn - e.expansion + e.contraction;
  await expect
    .poll(async () => Math.abs((await figure(page, "measured-ltv")) - (e.arpa * 0.75) / net))
    .toBeLessThanOrEqual(0.5 + 1e-6);
  let five = 0;
  for (let k = 0; k < 60; k++) five += e.arpa * 0.75 * (1 - net) ** k;
  near(await figure(page, "measured-ltv-five-years"), five, 0, "LTV over 5 years");

  // Each figure carries its formula and a benchmark reading where a band exists.
  await page.getByTestId("measured-logo-churn").focus();
  await expect(page.getByRole("tooltip").filter({ hasText: "Monthly logo churn = Σ customers lost" })).toBeVisible();
  await expect(page.locator("#measured-logo-churn-verdict")).toContainText("Source:");
  await expect(page.locator("#measured-nrr-verdict")).toContainText("Below 100%");

  // Charts and cohorts.
  await expect(page.getByTestId("chart-measured-movements")).toContainText("MRR movements by month");
  await expect(page.getByTestId("chart-measured-customers")).toBeVisible();
  const cohorts = page.getByTestId("measure-cohorts");
  await expect(cohorts.locator("tbody tr")).toHaveCount(24);
  await expect(cohorts.locator("tfoot")).toContainText("Average");
  await expect(page.getByTestId("chart-measured-cohorts")).toBeVisible();
  await page.getByRole("radio", { name: "revenue retention" }).check();
  await expect(cohorts.locator("caption")).toContainText("Revenue retention by start month");
  await expect(page.locator("body")).not.toContainText("NaN");
});

test("a garbage file shows a plain message and changes nothing", async ({ page }) => {
  await openMeasure(page);
  await importSample(page);
  await waitForSaved(page, (doc) => doc?.data?.measure?.measurement != null);
  const before = JSON.stringify((await stored(page)).data.measure);
  const mrr = await page.getByTestId("measured-mrr").textContent();

  // A spreadsheet renamed .csv: binary, not text.
  await page.getByLabel("Subscription export (CSV)").setInputFiles({
    name: "export.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x00, 0x00, 0x21, 0x00]),
  });
  const error = page.getByTestId("measure-error");
  await expect(error).toContainText("export.csv: The file is not plain text");
  await expect(error).toContainText("Nothing was measured; what was shown before is unchanged.");

  // A note with one column.
  await page.getByLabel("Subscription export (CSV)").setInputFiles({
    name: "notes.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("Remember to export the subscriptions\nand then import them\n"),
  });
  await expect(error).toContainText("notes.txt: The first line of the file has a single column.");

  // A CSV whose every row is bad lists why, row by row.
  await page.getByLabel("Subscription export (CSV)").setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "plan_oid,plan_name,plan_currency,plan_amount,plan_interval,plan_interval_count,customer_oid,customer_name,customer_email,subscription_oid,subscription_started_at,subscription_canceled_at,subscription_quantity\n" +
        "p,Plan,usd,abc,month,1,c1,A,a@x,s1,2024-01-01,,1\n" +
        "p,Plan,usd,1000,month,1,c2,B,b@x,s2,not a date,,1\n",
    ),
  });
  await expect(error).toContainText("None of the 2 rows could be read");
  const rows = page.getByTestId("measure-bad-rows");
  await expect(rows.locator("tbody tr")).toHaveCount(2);
  await expect(rows.locator("tbody tr").nth(0)).toContainText("plan_amount");
  await expect(rows.locator("tbody tr").nth(1)).toContainText("subscription_started_at");

  await expect(page.getByTestId("measured-mrr")).toHaveText(mrr ?? "");
  await page.waitForTimeout(500); // a save would have been debounced by now
  expect(JSON.stringify((await stored(page)).data.measure)).toBe(before);
});

test("a file over 50 MB is refused before it is read", async ({ page }) => {
  await openMeasure(page);
  const path = test.info().outputPath("too-large.csv");
  writeFileSync(path, Buffer.alloc(50 * 1024 * 1024 + 1, 0x61));
  await page.getByLabel("Subscription export (CSV)").setInputFiles(path);
  await expect(page.getByTestId("measure-error")).toContainText("too-large.csv is 52,428,801 bytes, more than the 50 MB (52,428,800 bytes) this page reads.");
  await expect(page.getByTestId("measured-customers")).toHaveCount(0);
});

test("a file that is not a known export goes through the column mapping, and replacing asks first", async ({ page }) => {
  await openMeasure(page);
  await importSample(page);
  await page.getByLabel("Subscription export (CSV)").setInputFiles(MAPPED);
  const mapping = page.getByTestId("measure-mapping");
  await expect(mapping).toBeVisible();
  // The guesses are prefilled and the preview shows the first rows.
  await expect(mapping.getByLabel("Customer (required)")).not.toHaveValue("");
  await expect(page.getByTestId("measure-preview").locator("tbody tr").first()).toBeVisible();
  await mapping.getByRole("button", { name: "Import with these columns" }).click();
  // A measurement exists: the new one waits for a yes.
  await expect(page.getByText(/Replace the measurement from sample-subscriptions\.csv/)).toBeVisible();
  await page.getByRole("button", { name: "Keep the current one" }).click();
  await expect(page.getByTestId("measure-source")).toContainText("sample-subscriptions.csv");

  await page.getByLabel("Subscription export (CSV)").setInputFiles(MAPPED);
  await page.getByTestId("measure-mapping").getByRole("button", { name: "Import with these columns" }).click();
  await page.getByRole("button", { name: "Replace the measurement" }).click();
  await expect(page.getByTestId("measure-source")).toContainText("mapped_semicolon.csv");
});

test("several currencies are counted and converted at the rates typed", async ({ page }) => {
  await openMeasure(page);
  await page.getByLabel("Subscription export (CSV)").setInputFiles(join(process.cwd(), "..", "fixtures", "measure", "currencies.csv"));
  const question = page.getByRole("group", { name: "The file has amounts in several currencies" });
  await expect(question).toContainText("USD: 3 rows");
  await expect(question).toContainText("EUR: 1 row;");
  await question.getByLabel("Show the figures in").selectOption({ label: "USD" });
  await expect(question.getByLabel("1 USD = how many USD?")).toHaveCount(0);
  await question.getByLabel("1 EUR = how many USD?").fill("1,10");
  await question.getByLabel("1 GBP = how many USD?").fill("1.25");
  await question.getByRole("button", { name: "Convert and continue" }).click();
  await expect(page.getByTestId("measured-customers")).toBeVisible();
  await expect(page.getByTestId("measure-source")).toContainText("currencies.csv");
});

test("dates that read both ways are asked about, and the answer decides", async ({ page }) => {
  await openMeasure(page);
  const header =
    "plan_oid,plan_name,plan_currency,plan_amount,plan_interval,plan_interval_count,customer_oid,customer_name,customer_email,subscription_oid,subscription_started_at,subscription_canceled_at,subscription_quantity\n";
  const body = ["01/02/2024", "03/04/2024", "05/06/2024", "07/08/2024"]
    .map((d, i) => `p,Plan,usd,5000,month,1,c${i},N,n${i}@x.example,s${i},${d},,1\n`)
    .join("");
  await page.getByLabel("Subscription export (CSV)").setInputFiles({
    name: "slashed.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(header + body),
  });
  const question = page.getByRole("group", { name: "In which order are the dates written?" });
  await expect(question).toContainText("03/04/2024");
  await question.getByRole("button", { name: /Day first/ }).click();
  // Day first: the latest date is 7 August, so July 2024 is the last complete month.
  await expect(page.getByTestId("measure-source")).toContainText("last complete month Jul 2024");
  await expect(page.getByTestId("measure-report")).toContainText("day/month/year");
});

test("a large file shows its progress and Cancel stops it with nothing changed", async ({ page }) => {
  await openMeasure(page);
  const header =
    "plan_oid,plan_name,plan_currency,plan_amount,plan_interval,plan_interval_count,customer_oid,customer_name,customer_email,subscription_oid,subscription_started_at,subscription_canceled_at,subscription_quantity\n";
  const lines = [header];
  for (let i = 0; i < 300_000; i++) {
    const month = String((i % 12) + 1).padStart(2, "0");
    lines.push(`p1,Team,usd,4900,month,1,c${i},Name,n${i}@example.com,s${i},2024-${month}-15,,1\n`);
  }
  await page.getByLabel("Subscription export (CSV)").setInputFiles({
    name: "big.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(lines.join("")),
  });
  const progress = page.getByRole("progressbar");
  await expect(progress).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The import was stopped. Nothing changed." })).toBeVisible();
  await expect(page.getByTestId("measured-customers")).toHaveCount(0);
  await expect(page.getByLabel("Subscription export (CSV)")).toBeEnabled();
});

test("a file dropped on the page is imported", async ({ page }) => {
  await openMeasure(page);
  const text = readFileSync(SAMPLE, "utf8");
  const transfer = await page.evaluateHandle((csv) => {
    const data = new DataTransfer();
    data.items.add(new File([csv], "dropped.csv", { type: "text/csv" }));
    return data;
  }, text);
  await page.locator("section.measure").dispatchEvent("dragover", { dataTransfer: transfer });
  await page.locator("section.measure").dispatchEvent("drop", { dataTransfer: transfer });
  await expect(page.getByTestId("measure-source")).toContainText("Measured from dropped.csv");
  expect(await figure(page, "measured-customers")).toBe(EXPECTED.customers);
});

test("Start the simulator from these carries the measured values into Simulate with where they came from", async ({
  page,
}) => {
  await openMeasure(page);
  await page.getByRole("button", { name: "Try with sample data" }).click();
  await expect(page.getByTestId("measured-arpa")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("measure-changes")).toContainText("Self-serve ARPA ($/month)");
  await page.getByRole("button", { name: "Start the simulator from these" }).click();
  await page.getByRole("link", { name: "Open Simulate" }).click();
  await expect(page).toHaveURL(/\/simulate$/);

  const source = "Nov 2024 – Oct 2026, 3,110 subscriptions";
  const arpa = page.getByRole("textbox", { name: "Self-serve ARPA ($/month)", exact: true });
  await expect(arpa).toBeVisible();
  expect(Math.abs(Number(await arpa.inputValue()) - EXPECTED.arpa)).toBeLessThan(0.01);
  await expect(page.getByTestId("provenance-self_serve.arpa_per_month")).toHaveText(
    `Measured from sample-subscriptions.csv, ${source}`,
  );
  const churn = page.getByRole("textbox", { name: "Self-serve churn (%/month)", exact: true });
  expect(Math.abs(Number(await churn.inputValue()) - EXPECTED.logo_churn * 100)).toBeLessThan(0.001);
  await expect(page.getByTestId("provenance-self_serve.churn_pct")).toContainText(source);
  await expect(page.getByTestId("provenance-self_serve.organic_signups_per_month")).toContainText(
    `wins ${EXPECTED.new_per_month.toFixed(1)} customers a month`,
  );

  // The provenance survives a reload, and goes once the person types a value.
  await waitForSaved(page, (doc) => (doc?.data?.simulate?.provenance ?? []).length > 0);
  await page.reload();
  await ready(page);
  await expect(page.getByTestId("provenance-self_serve.arpa_per_month")).toBeVisible();
  await page.getByRole("textbox", { name: "Self-serve ARPA ($/month)", exact: true }).fill("120");
  await expect(page.getByTestId("provenance-self_serve.arpa_per_month")).toHaveCount(0);
  await expect(page.getByTestId("provenance-self_serve.churn_pct")).toBeVisible();
});

test("the backtest overlays the model on the actual MRR with the error at the end", async ({ page }) => {
  await openMeasure(page);
  await importSample(page);
  const gap = page.getByTestId("backtest-error");
  await expect(gap).toContainText("In Oct 2026, the model's MRR is");
  await expect(gap).toContainText(/against \$228,139 actual: a gap of \$[0-9,]+ \([0-9.]+% (above|below)\)\./);
  const chart = page.getByTestId("chart-measured-backtest");
  await expect(chart).toContainText("Actual MRR");
  await expect(chart).toContainText("Model MRR");
});

test("a reload keeps the measured series, and only derived figures are stored", async ({ page }) => {
  await openMeasure(page);
  await importSample(page);
  const ids = ["measured-customers", "measured-mrr", "measured-logo-churn", "measured-nrr", "measured-grr"];
  const before = await Promise.all(ids.map((id) => page.getByTestId(id).textContent()));
  await waitForSaved(page, (doc) => doc?.data?.measure?.measurement?.series?.length === 24);
  const doc = await stored(page);
  const text = JSON.stringify(doc.data.measure);
  // Derived series only: no customer id, e-mail or subscription id of the file.
  expect(text).not.toContain("@example");
  expect(text).not.toMatch(/"cus_|"sub_/);
  expect(doc.data.measure.measurement.source.file_name).toBe("sample-subscriptions.csv");

  await page.reload();
  await ready(page);
  await expect(page.getByTestId("measured-customers")).toBeVisible();
  const after = await Promise.all(ids.map((id) => page.getByTestId(id).textContent()));
  expect(after).toEqual(before);
  await expect(page.getByTestId("measure-cohorts").locator("tbody tr")).toHaveCount(24);
  await expect(page.getByTestId("chart-measured-movements")).toBeVisible();
});

test.describe("accessibility", () => {
  test.use({ bypassCSP: true });

  test("axe finds nothing on Measure with a measurement, the mapping step and an error, in every theme", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openMeasure(page);
    await importSample(page);
    await page.addScriptTag({ content: AXE });
    const check = async (what: string) => {
      const violations = await page.evaluate(async () => {
        const r = await (window as any).axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        return r.violations.map(
          (v: any) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes.map((n: any) => n.target.join(" ")).slice(0, 3).join(", ")}`,
        );
      });
      expect(violations, `axe: ${what}`).toEqual([]);
    };
    for (const theme of ["light", "dark", "projector"]) {
      await page.getByLabel("Theme").selectOption(theme);
      await check(`the figures in the ${theme} theme`);
    }
    await page.getByLabel("Theme").selectOption("light");
    await page.getByLabel("Subscription export (CSV)").setInputFiles(MAPPED);
    await expect(page.getByTestId("measure-mapping")).toBeVisible();
    await check("the mapping step");
    await page.getByLabel("Subscription export (CSV)").setInputFiles({
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("one column\nonly\n"),
    });
    await expect(page.getByTestId("measure-error")).toBeVisible();
    await check("an error");
  });
});
