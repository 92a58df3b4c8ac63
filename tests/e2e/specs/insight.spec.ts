import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, ready, waitForSaved, watchContext } from "./fixtures";
import type { Page } from "@playwright/test";

const AXE = readFileSync(join(process.cwd(), "node_modules", "axe-core", "axe.min.js"), "utf8");

// The service worker's first claim reloads the page once; these tests are not
// about offline use, so it is kept out of the way.
test.use({ serviceWorkers: "block" });

function insight(page: Page) {
  return page.getByRole("region", { name: "Test the plan" });
}

function part(page: Page, heading: string | RegExp) {
  return insight(page).getByRole("region", { name: heading });
}

function simulator(page: Page) {
  return page.getByRole("region", { name: "Scenario simulator" });
}

async function open(page: Page) {
  await page.goto("/simulate");
  await ready(page);
  await expect(insight(page)).toBeVisible();
}

test("the tornado ranks inputs by swing, follows the swing and the output, and keeps its settings", async ({ page }) => {
  await open(page);
  const tornado = part(page, /Sensitivity/);
  const chart = tornado.getByTestId("chart-tornado");
  await expect(chart.locator("svg title").first()).toHaveText("What moves Blended CAC payback (months)");
  await expect(tornado.getByTestId("tornado-base")).toContainText("Blended CAC payback (months) as entered:");

  // The table lists every input that moves the result, largest swing first.
  await tornado.getByText(/Every input that moves the result/).click();
  const table = tornado.getByTestId("tornado-table");
  const rows = table.locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(3);
  const firstAt20 = await rows.first().locator("td").first().textContent();

  // ±40 %: every input moves further.
  const swing = tornado.getByLabel("Move each input by ± (%)");
  await swing.fill("40");
  await expect(rows.first().locator("td").first()).not.toHaveText(firstAt20 ?? "");
  await expect(chart.locator("svg")).toContainText("Input −40%");

  // A swing outside 1–90 is refused beside the field; the chart keeps ±40 %.
  await swing.fill("95");
  await expect(tornado.getByText("Must be at most 90%.")).toBeVisible();
  await expect(swing).toHaveAttribute("aria-invalid", "true");
  await expect(chart.locator("svg")).toContainText("Input −40%");
  await swing.fill("40");

  // Another output: the chart and the base line follow.
  await tornado.getByRole("radio", { name: "ARR at the horizon ($)" }).check();
  await expect(chart.locator("svg title").first()).toHaveText("What moves ARR at the horizon ($)");
  await expect(tornado.getByTestId("tornado-base")).toContainText("ARR at the horizon ($) as entered: $");

  await waitForSaved(page, (doc) => doc?.data?.insight?.swing_pct === 40 && doc?.data?.insight?.tornado_output === "ending_arr");
  await page.reload();
  await ready(page);
  await expect(part(page, /Sensitivity/).getByLabel("Move each input by ± (%)")).toHaveValue("40");
  await expect(part(page, /Sensitivity/).getByRole("radio", { name: "ARR at the horizon ($)" })).toBeChecked();
});

test("a Monte Carlo run shows progress, can be cancelled, and gives the same bands for the same seed", async ({ page }) => {
  await open(page);
  const mc = part(page, /Uncertainty/);
  await expect(mc.getByRole("button", { name: /^Run .* draws$/ })).toBeDisabled();

  // Start from the inputs the tornado ranks highest.
  await mc.getByRole("button", { name: "Start with the inputs that matter most" }).click();
  const ranges = mc.locator("[data-range]");
  await expect(ranges).toHaveCount(3);

  // Add one by hand (unless the tornado put it first): gross margin, ±20 % around 80 %.
  if (!(await ranges.locator("legend").allTextContents()).includes("Gross margin (%)")) {
    await mc.getByLabel("Add a range to").selectOption({ label: "Gross margin (%)" });
    await mc.getByRole("button", { name: "Add range" }).click();
  }
  const count = await ranges.count();
  const margin = mc.getByRole("group", { name: "Gross margin (%)" });
  await expect(margin.getByLabel("Low")).toHaveValue("64");
  await expect(margin.getByLabel("Likely")).toHaveValue("80");
  await expect(margin.getByLabel("High")).toHaveValue("96");

  // The ends stay in order: a low above the likely value is refused beside it.
  await margin.getByLabel("Low").fill("85");
  await expect(margin.getByText("Must be at most 80%.")).toBeVisible();
  await margin.getByLabel("Low").fill("70");
  await margin.getByLabel("High").fill("90");
  await waitForSaved(page, (doc) =>
    doc?.data?.insight?.uncertainty?.ranges?.some((r: any) => r.field === "gross_margin_pct" && r.low === 70 && r.high === 90),
  );

  // A long run shows its progress and can be cancelled.
  await mc.getByLabel("Draws").fill("50000");
  // A run this size takes a few hundred milliseconds here, so Cancel is
  // clicked the moment it appears (before the first frame of draws).
  const seen = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const box = document.querySelector('[data-testid="mc-run"]')!;
        const buttons = () => [...box.querySelectorAll("button")];
        const obs = new MutationObserver(() => {
          const cancel = buttons().find((b) => b.textContent === "Cancel");
          if (!cancel) return;
          obs.disconnect();
          const progress = box.querySelector('[data-testid="mc-progress-text"]')?.textContent ?? "";
          cancel.click();
          resolve(progress);
        });
        obs.observe(box, { childList: true, subtree: true, characterData: true });
        buttons().find((b) => b.textContent === "Run 50,000 draws")!.click();
      }),
  );
  expect(seen).toBe("0 of 50,000");
  await expect(mc.getByTestId("mc-progress-text")).toHaveCount(0);
  await page.waitForTimeout(1_000);
  await expect(mc.getByTestId("mc-results")).toHaveCount(0);
  await expect(mc.getByRole("button", { name: "Run 50,000 draws" })).toBeEnabled();

  // Uncancelled, the same run shows its progress on the way.
  const fractions = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const box = document.querySelector('[data-testid="mc-run"]')!;
        const seen: string[] = [];
        const obs = new MutationObserver(() => {
          const text = box.querySelector('[data-testid="mc-progress-text"]')?.textContent;
          if (text && !seen.includes(text)) seen.push(text);
          if (document.querySelector('[data-testid="mc-results"]')) {
            obs.disconnect();
            resolve(seen);
          }
        });
        obs.observe(document.body, { childList: true, subtree: true, characterData: true });
        [...box.querySelectorAll("button")].find((b) => b.textContent === "Run 50,000 draws")!.click();
      }),
  );
  expect(fractions[0]).toBe("0 of 50,000");
  expect(fractions.length, `progress steps seen: ${fractions.join(", ")}`).toBeGreaterThan(2);

  // 10,000 draws, seed 7.
  await mc.getByLabel("Draws").fill("10000");
  await mc.getByLabel("Seed").fill("7");
  await mc.getByRole("button", { name: "Run 10,000 draws" }).click();
  const results = mc.getByTestId("mc-results");
  await expect(results).toContainText(`10,000 draws; seed 7, ${count} inputs with a range`, { timeout: 30_000 });
  await expect(mc.getByTestId("mc-stale")).toHaveCount(0);
  const odds = await mc.getByTestId("mc-payback-odds").textContent();
  expect(odds).toMatch(/^\d{1,3}%$/);
  const table = mc.getByTestId("mc-table");
  const p50 = await table.locator("tbody tr").first().locator("td").nth(1).textContent();
  await expect(results.getByTestId("chart-mc-mrr").locator("svg title").first()).toHaveText("MRR: range of outcomes");
  await expect(results.getByTestId("chart-mc-cash").locator("svg title").first()).toHaveText("Cumulative cash: range of outcomes");
  // P10 ≤ P50 ≤ P90 for MRR at the horizon.
  const money = async (i: number) =>
    Number((await table.locator("tbody tr").first().locator("td").nth(i).textContent())!.replace(/[$,]/g, "").replace("−", "-"));
  expect(await money(0)).toBeLessThanOrEqual(await money(1));
  expect(await money(1)).toBeLessThanOrEqual(await money(2));

  // Changing the seed makes the result out of date; running again with seed 7 gives it back exactly.
  await mc.getByLabel("Seed").fill("8");
  await expect(mc.getByTestId("mc-stale")).toBeVisible();
  await mc.getByLabel("Seed").fill("7");
  await expect(mc.getByTestId("mc-stale")).toHaveCount(0);
  await mc.getByRole("button", { name: "Run 10,000 draws" }).click();
  await expect(mc.getByTestId("mc-progress-text")).toHaveCount(0, { timeout: 30_000 });
  await expect(mc.getByTestId("mc-payback-odds")).toHaveText(odds ?? "");
  await expect(table.locator("tbody tr").first().locator("td").nth(1)).toHaveText(p50 ?? "");

  // A changed scenario input also marks it out of date.
  await simulator(page).getByRole("textbox", { name: "Gross margin (%)", exact: true }).fill("75");
  await expect(mc.getByTestId("mc-stale")).toBeVisible();

  // Removing a range.
  await margin.getByRole("button", { name: "Remove the range on Gross margin (%)" }).click();
  await expect(ranges).toHaveCount(count - 1);
  await expect(page.locator("body")).not.toContainText("NaN");
});

test("goal seek finds the value that reaches a target and can put it into the scenario", async ({ page }) => {
  await open(page);
  const goal = part(page, /Goal seek/);
  await goal.getByLabel("CAC payback of at most … months").check();
  await goal.getByLabel("Payback target (months)").fill("6");
  await goal.getByLabel("Input to change").selectOption({ label: "Self-serve: Cost per sign-up ($)" });
  await expect(goal.getByTestId("goal-value")).toContainText("Self-serve: Cost per sign-up ($) = $");
  await expect(goal.getByTestId("goal-message")).not.toBeEmpty();
  await expect(goal.getByText(/\d+ runs of the model; the ends of each range found by bisection in \d+ steps/)).toBeVisible();
  await expect(goal.getByTestId("goal-ranges").getByRole("listitem")).not.toHaveCount(0);

  // Applying it brings blended payback to 6 months or less.
  await goal.getByRole("button", { name: "Use this value in the scenario" }).click();
  const payback = Number(await page.getByTestId("sim-payback").textContent());
  expect(payback).toBeLessThanOrEqual(6);
  expect(payback).toBeGreaterThan(5);

  // An LTV:CAC target, kept across a reload.
  await goal.getByLabel("LTV:CAC of at least …").check();
  await goal.getByLabel("LTV:CAC target").fill("4");
  await goal.getByLabel("Input to change").selectOption({ label: "Sales-led: Win rate (%)" });
  await expect(goal.getByTestId("goal-answer")).toContainText("Win rate");
  await waitForSaved(page, (doc) => doc?.data?.insight?.goal_target?.ltv_cac_above === 4 && doc?.data?.insight?.goal_field === "sales_led.win_pct");
  await page.reload();
  await ready(page);
  await expect(part(page, /Goal seek/).getByLabel("LTV:CAC target")).toHaveValue("4");
  await expect(part(page, /Goal seek/).getByLabel("Input to change")).toHaveValue("sales_led.win_pct");
});

test("goal seek on the sales-led preset shows ranges with a ceiling and applies the value nearest today's", async ({ page }) => {
  await open(page);
  const presets = page.getByRole("group", { name: /Start from a preset/ });
  await presets.getByRole("button", { name: "Sales-led", exact: true }).click();
  await expect(presets.getByRole("button", { name: "Sales-led", exact: true })).toHaveAttribute("aria-pressed", "true");
  const goal = part(page, /Goal seek/);
  await goal.getByLabel("CAC payback of at most … months").check();
  const ranges = goal.getByTestId("goal-ranges").getByRole("listitem");
  const today = await page.getByTestId("sim-payback").textContent();

  // Pipeline spend: payback first falls, then rises once the sellers are
  // full, so the values that work have a ceiling as well as a floor. The
  // target is five months above today's payback.
  await goal.getByLabel("Payback target (months)").fill(String(Math.ceil(Number(today)) + 5));
  await goal.getByLabel("Input to change").selectOption({ label: "Sales-led: Pipeline spend ($/month)" });
  await expect(ranges.first()).toHaveText(/^between \$[\d,]+ and \$[\d,]+ a month$/);
  await expect(goal.getByTestId("goal-message")).not.toContainText("or more");

  // Account executives: payback rises past the best head count too. The
  // target is one month above today's payback (the preset's head count meets
  // it); from a team of 8 the nearest head count that works is smaller.
  const team = simulator(page).getByRole("group", { name: "Sales-led", exact: true });
  const sellers = team.getByRole("textbox", { name: "Account executives", exact: true });
  const target = Math.ceil(Number(today)) + 1;
  await sellers.fill("8");
  await expect(page.getByTestId("sim-payback")).not.toHaveText(today ?? "");
  expect(Number(await page.getByTestId("sim-payback").textContent())).toBeGreaterThan(target);
  await goal.getByLabel("Payback target (months)").fill(String(target));
  await goal.getByLabel("Input to change").selectOption({ label: "Sales-led: Account executives" });
  await expect(goal.getByTestId("goal-message")).toContainText("Account executives:");
  await expect(goal.getByTestId("goal-message")).not.toContainText("none of the");
  await expect(ranges.first()).toHaveText(/^(from \d+ to \d+|exactly \d+)$/);
  const needed = await goal.getByTestId("goal-value").textContent();
  const aes = Number(/= (\d+)/.exec(needed ?? "")?.[1]);
  expect(Number.isInteger(aes) && aes < 8, needed ?? "").toBe(true);

  // Applying it brings blended payback within the target, with that many sellers.
  await goal.getByRole("button", { name: "Use this value in the scenario" }).click();
  await expect(sellers).toHaveValue(String(aes));
  const payback = Number(await page.getByTestId("sim-payback").textContent());
  expect(payback).toBeLessThanOrEqual(target);
  // Today's value now meets the target: nothing left to apply.
  await expect(goal.getByTestId("goal-value")).toContainText("(today's value)");
  await expect(goal.getByRole("button", { name: "Use this value in the scenario" })).toBeDisabled();
  await expect(page.locator("body")).not.toContainText("NaN");
});

test("the reality check flags numbers no real company shows and leads to the input", async ({ page }) => {
  await open(page);
  const reality = part(page, "Reality check");
  await expect(reality).toContainText("No input or result is outside what real SaaS companies report.");
  await simulator(page).getByRole("textbox", { name: "Gross margin (%)", exact: true }).fill("98");
  const warning = reality.locator('[data-sanity="gross_margin_too_high"]');
  await expect(warning).toContainText("98");
  await expect(warning).toContainText("costs were left out");
  await warning.getByRole("button", { name: "Go to the input" }).click();
  await expect(simulator(page).getByRole("textbox", { name: "Gross margin (%)", exact: true })).toBeFocused();
  await simulator(page).getByRole("textbox", { name: "Gross margin (%)", exact: true }).fill("80");
  await expect(warning).toHaveCount(0);
  await waitForSaved(page, (doc) => doc?.version === 3 && doc?.data?.simulate?.inputs?.gross_margin_pct === 80);
});

test("a “Drag to explore” slider moves the same input as the form, and the charts follow", async ({ page }) => {
  await open(page);
  const slider = simulator(page).getByRole("slider", { name: "Sales-led: Win rate (%)" });
  const field = simulator(page).getByRole("group", { name: "Sales-led", exact: true }).getByRole("textbox", { name: "Win rate (%)", exact: true });
  const before = await field.inputValue();
  // The slider sits on its step grid, within a step of the typed value.
  expect(Math.abs(Number(await slider.inputValue()) - Number(before))).toBeLessThanOrEqual(Number(await slider.getAttribute("step")));
  const mrr = page.getByTestId("chart-mrr-by-channel").locator("svg");
  const svgBefore = await mrr.innerHTML();
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
  const after = await slider.inputValue();
  expect(Number(after)).toBeGreaterThan(Number(before));
  await expect(field).toHaveValue(after);
  await expect(slider).toHaveAttribute("aria-valuetext", /^\d+(\.\d+)?%$/);
  expect(await mrr.innerHTML()).not.toBe(svgBefore);
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.sales_led?.win_pct === Number(after));

  // Switching the sales-led channel off removes its sliders.
  await simulator(page).getByRole("switch", { name: "Sales-led channel on" }).uncheck();
  await expect(slider).toHaveCount(0);
});

test("every insight result, warning and table passes axe in every theme", async ({ browser, watch }) => {
  test.setTimeout(120_000);
  // axe is injected as a script, which the app's own CSP would refuse.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 }, serviceWorkers: "block" });
  watchContext(context, watch);
  const page = await context.newPage();
  await open(page);
  await simulator(page).getByRole("textbox", { name: "Gross margin (%)", exact: true }).fill("98");
  await expect(part(page, "Reality check").locator("[data-sanity]")).not.toHaveCount(0);
  await part(page, /Sensitivity/).getByText(/Every input that moves the result/).click();
  const mc = part(page, /Uncertainty/);
  await mc.getByRole("button", { name: "Start with the inputs that matter most" }).click();
  await mc.getByRole("button", { name: "Run 10,000 draws" }).click();
  await expect(mc.getByTestId("mc-results")).toBeVisible({ timeout: 30_000 });
  await expect(part(page, /Goal seek/).getByTestId("goal-message")).not.toBeEmpty();
  await page.addScriptTag({ content: AXE });
  for (const theme of ["light", "dark", "projector"]) {
    await page.getByLabel("Theme").selectOption(theme);
    const result = await page.evaluate(async () => {
      const r = await (window as any).axe.run(document.querySelector('[aria-labelledby="insight-heading"]'), {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      });
      return r.violations.map((v: any) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target}`);
    });
    expect(result, theme).toEqual([]);
  }
  await context.close();
});
