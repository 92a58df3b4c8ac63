// Issue 14, "Phone and projector": on a 390×844 phone the summary follows
// the person, tables become cards, charts are drawn for their width with
// readable type, the projector theme never scrolls sideways, and the
// presenter keeps Previous/Skip on a 720 px high screen.
import { test, expect, ready } from "./fixtures";
import type { Page, Locator } from "@playwright/test";

test.use({ serviceWorkers: "block" });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const ROUTES = ["/assess", "/compare", "/simulate", "/plan", "/workshop"];

async function open(page: Page, route: string) {
  await page.goto(route);
  await ready(page);
}

/** Whether `el` lies inside the viewport from top to bottom. */
async function inViewport(page: Page, el: Locator): Promise<boolean> {
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  return !!box && box.y >= 0 && box.y + box.height <= vp.height;
}

/** The page scrolls sideways by this many px (0: it does not). */
async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
}

/** Every cell of `table` ends inside the viewport's width. */
async function cellsFit(page: Page, table: Locator): Promise<string[]> {
  return table.evaluate((t) => {
    const width = window.innerWidth;
    return [...t.querySelectorAll("tbody td, tbody th, tfoot td, tfoot th")]
      .filter((c) => {
        const r = c.getBoundingClientRect();
        return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
      })
      .map((c) => (c.textContent ?? "").trim().slice(0, 30));
  });
}

/** The size at which each chart text is shown, px: its font-size times the
 *  drawing's on-screen scale. */
async function chartTextSizes(page: Page): Promise<number[]> {
  return page.locator("[data-testid^='chart-'] svg").evaluateAll((svgs) =>
    svgs.flatMap((svg) => {
      const s = svg as SVGSVGElement;
      const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
      return [...s.querySelectorAll("text")]
        .filter((t) => (t.textContent ?? "").trim() !== "")
        .map((t) => parseFloat(t.getAttribute("font-size") ?? "0") * scale);
    }),
  );
}

test("Simulate on a phone: a compact summary follows the person while they type", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await open(page, "/simulate");
  const sticky = page.getByTestId("sim-sticky-summary");
  await expect(sticky).toBeVisible();
  await expect(sticky.getByTestId("sticky-ltv-cac")).toHaveText(/^[\d.]+$/);
  await expect(sticky.getByTestId("sticky-payback")).toHaveText(/^[\d.]+ mo$/);
  await expect(sticky.getByTestId("sticky-arr")).toHaveText(/^\$[\d,]+$/);
  await expect(sticky).toContainText("ARR, month");

  // Far down the inputs, the summary is still on screen, and follows an edit.
  const churn = page.getByRole("textbox", { name: "Sales-led churn (%/month)", exact: true });
  await churn.scrollIntoViewIfNeeded();
  await churn.focus();
  expect(await inViewport(page, churn)).toBe(true);
  expect(await inViewport(page, sticky)).toBe(true);
  const before = (await sticky.getByTestId("sticky-ltv-cac").textContent())!;
  await churn.fill("6");
  await expect(sticky.getByTestId("sticky-ltv-cac")).not.toHaveText(before);
  // A refused entry marks it too.
  await churn.fill("six");
  await expect(sticky.getByTestId("sticky-stale")).toContainText("Not updated");
  expect(await inViewport(page, sticky)).toBe(true);
  await churn.fill("2");
  await expect(sticky.getByTestId("sticky-stale")).toHaveCount(0);
  // It leads to the full summary.
  await sticky.getByRole("button", { name: "Full summary" }).click();
  await expect(page.getByRole("heading", { name: "Summary over the horizon" })).toBeFocused();

  // Beside the inputs on a wide screen, the summary needs no copy.
  await page.setViewportSize(DESKTOP);
  await expect(sticky).toBeHidden();
});

test("Simulate on a phone: a switched-off channel folds to its switch, bringing the results closer", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await open(page, "/simulate");
  const summary = page.getByRole("heading", { name: "Summary over the horizon" });
  const top = async () => (await summary.evaluate((h) => h.getBoundingClientRect().top + window.scrollY));
  const group = page.locator('fieldset.channel-group[data-channel="sales_led"]');
  const churn = group.getByRole("textbox", { name: "Sales-led churn (%/month)", exact: true });
  const onSwitch = group.getByRole("switch");
  if (!(await onSwitch.isChecked())) await onSwitch.check();
  await expect(churn).toBeVisible();
  const open_ = await top();

  await onSwitch.uncheck();
  await expect(churn).toBeHidden();
  await expect(group.getByText("Switch it on to see and change them.")).toBeVisible();
  const folded = await top();
  expect(folded).toBeLessThan(open_ - 300);

  // Its numbers were kept: switched on, they are back as they were.
  await onSwitch.check();
  await expect(churn).toBeVisible();
  await expect(churn).not.toHaveValue("");

  // A wide screen shows a switched-off channel's numbers, beside the results.
  await onSwitch.uncheck();
  await page.setViewportSize(DESKTOP);
  await expect(churn).toBeVisible();
  await expect(group.getByText("Switch it on to see and change them.")).toBeHidden();
});

test("Assess on a phone: the result follows the person through the questions", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await open(page, "/assess");
  const glance = page.getByTestId("assess-glance");
  await expect(glance).toContainText("Your result: not yet");
  // Answer every question with its first option, ending far down the page.
  const groups = page.getByRole("group").filter({ has: page.getByRole("radio") });
  const count = await groups.count();
  expect(count).toBeGreaterThan(10);
  for (let i = 0; i < count; i++) await groups.nth(i).getByRole("radio").first().check();
  expect(await inViewport(page, groups.nth(count - 1).getByRole("radio").first())).toBe(true);
  expect(await inViewport(page, glance)).toBe(true);
  await expect(glance).toContainText(/Your result: Product-led .*% confident/);
  await glance.getByRole("button", { name: "See why" }).click();
  await expect(page.getByRole("heading", { name: "Your result" })).toBeFocused();

  await page.setViewportSize(DESKTOP);
  await expect(glance).toBeHidden();
});

test("tables become cards on a phone: nothing is cut and every cell names its column", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await open(page, "/simulate");
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);

  // CAC by channel: the channel name and its CAC on screen, labelled.
  const cac = page.getByRole("table", { name: /Spend, new customers and CAC per channel/ });
  expect(await cellsFit(page, cac)).toEqual([]);
  const firstName = cac.getByRole("textbox", { name: "Channel name" }).first();
  const nameBox = (await firstName.boundingBox())!;
  expect(nameBox.width).toBeGreaterThan(250);
  const cacCell = cac.getByRole("row").nth(1).getByRole("cell").nth(2);
  await expect(cacCell).toHaveAttribute("data-label", "CAC ($)");

  // Figures by channel.
  const byChannel = page.getByTestId("sim-channel-table");
  expect(await cellsFit(page, byChannel)).toEqual([]);
  await expect(byChannel.getByRole("cell").first()).toHaveAttribute("data-label", "Customers won");

  // The scenario comparison.
  await page.getByLabel("Scenario name").fill("Baseline");
  await page.getByRole("button", { name: "Save current inputs" }).click();
  await page.getByLabel("Scenario name").fill("Second");
  await page.getByRole("button", { name: "Save current inputs" }).click();
  await page.getByRole("checkbox", { name: "Compare Baseline" }).check();
  await page.getByRole("checkbox", { name: "Compare Second" }).check();
  const comparison = page.getByTestId("scenario-comparison");
  await expect(comparison).toBeVisible();
  expect(await cellsFit(page, comparison)).toEqual([]);
  await expect(comparison.getByRole("cell").first()).toHaveAttribute("data-label", "Baseline (reference)");
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);

  // Plan's tables.
  await open(page, "/plan");
  const owners = page.getByRole("table", { name: /Load per owner/ });
  expect(await cellsFit(page, owners)).toEqual([]);
  expect(await cellsFit(page, page.getByTestId("plan-metrics"))).toEqual([]);
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);

  // The workshop's results table.
  await open(page, "/workshop");
  for (const name of ["Ana", "Ben"]) {
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Add person" }).click();
  }
  const results = page.getByTestId("workshop-results");
  await expect(results).toBeVisible();
  expect(await cellsFit(page, results)).toEqual([]);
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);

  // On a wide screen they are tables again.
  await page.setViewportSize(DESKTOP);
  await open(page, "/simulate");
  const head = page.getByRole("table", { name: /Spend, new customers and CAC per channel/ }).getByRole("columnheader", { name: "CAC ($)" });
  await expect(head).toBeVisible();
});

test("charts are drawn for the width they get, their text 12 px or more (18 px in the projector theme)", async ({ page }) => {
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewportSize(viewport);
    await open(page, "/simulate");
    for (const [theme, least] of [["light", 12], ["projector", 18]] as const) {
      await page.getByLabel("Theme").selectOption(theme);
      const figure = page.getByTestId("chart-mrr-by-channel");
      await figure.scrollIntoViewIfNeeded();
      const chart = figure.locator("svg");
      // Drawn for its room: shown at 1:1 where the room is narrower than
      // the full 720 px drawing, scaled up only where it is wider.
      await expect
        .poll(async () =>
          chart.evaluate((s) => {
            const svg = s as SVGSVGElement;
            const drawn = svg.viewBox.baseVal.width;
            const shown = svg.getBoundingClientRect().width;
            return drawn < 720 ? Math.abs(shown - drawn) < 10 : shown >= 710;
          }),
        )
        .toBe(true);
      await expect.poll(async () => Math.min(...(await chartTextSizes(page)))).toBeGreaterThanOrEqual(least - 0.01);
      const sizes = await chartTextSizes(page);
      expect(sizes.length).toBeGreaterThan(20);
    }
    await page.getByLabel("Theme").selectOption("light");
  }
});

test("the projector theme never scrolls sideways on a phone", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await open(page, "/assess");
  await page.getByLabel("Theme").selectOption("projector");
  for (const route of ROUTES) {
    await open(page, route);
    expect(await sidewaysScroll(page), route).toBeLessThanOrEqual(0);
  }
  await page.getByLabel("Theme").selectOption("light");
});

test("presenter mode: the key list never pushes Previous and Skip off a 720 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, "/workshop");
  await page.getByRole("button", { name: "Start presenter mode" }).click();
  const d = page.getByRole("dialog", { name: "Presenter mode" });
  await d.getByLabel("Name of the first person to answer:").fill("Ana");
  await page.keyboard.press("Enter");
  await expect(d.getByTestId("presenter-who")).toHaveText("Ana");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("?");
  await expect(d.getByTestId("presenter-keys")).toBeVisible();
  for (const name of [/Previous/, /Skip/]) {
    const button = d.getByRole("button", { name });
    expect(await inViewport(page, button), String(name)).toBe(true);
    // Nothing covers it: the point in its middle belongs to it.
    const hit = await button.evaluate((b) => {
      const r = b.getBoundingClientRect();
      const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return !!at && (at === b || b.contains(at));
    });
    expect(hit, String(name)).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(d.getByTestId("presenter-keys")).toBeHidden();
});
