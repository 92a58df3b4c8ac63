// The lazily loaded workspaces (src/app/chunks.rs): each of Compare, Measure,
// Simulate, Plan and Workshop is a WebAssembly chunk of its own, fetched when it is
// first needed. A chunk that cannot be fetched must leave a usable page.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { test, expect, ready } from "./fixtures";

const WORKSPACES = ["Compare", "Measure", "Simulate", "Plan", "Workshop"];

/** A fresh context without a service worker (as on a first visit, before it
 *  has installed) whose requests for one workspace's own chunk fail, as when
 *  the connection drops. Collects uncaught errors (a Rust panic is one). */
async function withBlockedChunk(browser: Browser, split: string) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const blocked: string[] = [];
  const network = { up: false };
  await context.route(new RegExp(`/split_${split}-[0-9a-f]+\\.wasm$`), (route) => {
    if (network.up) return route.continue();
    blocked.push(route.request().url());
    return route.abort("internetdisconnected");
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (err) => pageErrors.push(String(err)));
  return { context, page, blocked, pageErrors, network };
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Workspaces" });

test("a workspace whose chunk cannot be fetched shows a notice, and the rest of the app keeps working", async ({
  browser,
}) => {
  const { context, page, blocked, pageErrors, network } = await withBlockedChunk(browser, "simulate");
  await page.goto("/assess");
  await ready(page);
  await nav(page).getByRole("link", { name: "Simulate" }).click();

  const notice = page.getByRole("alert").filter({ hasText: "Simulate did not load" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("Your data is safe in this browser");
  await expect(notice.getByRole("button", { name: "Try again" })).toBeEnabled();
  expect(blocked.length, "the chunk was requested and refused").toBeGreaterThan(0);
  await page.screenshot({ path: test.info().outputPath("simulate-chunk-blocked.png") });

  // The page is alive: another workspace opens and answers.
  await nav(page).getByRole("link", { name: "Assess" }).click();
  await expect(page.getByRole("heading", { level: 1 }).first()).toContainText("Assess");
  const option = page.locator("fieldset[data-question] input[type=radio]").first();
  await option.check();
  await expect(option).toBeChecked();

  // Still offline: Try again says so and stays on the notice.
  await nav(page).getByRole("link", { name: "Simulate" }).click();
  await expect(notice).toBeVisible();
  await notice.getByRole("button", { name: "Try again" }).click();
  await expect(notice).toContainText("Still no connection");
  // The notice is updated in place: the button keeps the focus.
  await expect(notice.getByRole("button", { name: "Try again" })).toBeFocused();

  // The connection is back: Try again opens the workspace in place.
  network.up = true;
  await notice.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1 }).first()).toContainText("Simulate:");
  await expect(page.getByTestId("chart-mrr-by-channel")).toBeVisible();
  expect(pageErrors, "no panic, no uncaught error").toEqual([]);
  await context.close();
});

test("a deep link to a workspace whose chunk cannot be fetched opens the notice, not a dead page", async ({
  browser,
}) => {
  const { context, page, pageErrors, network } = await withBlockedChunk(browser, "plan");
  await page.goto("/plan");
  await ready(page);
  const notice = page.getByRole("alert").filter({ hasText: "Plan did not load" });
  await expect(notice).toBeVisible();
  // The header works: Compare (not blocked) opens.
  await nav(page).getByRole("link", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { level: 1 }).first()).toContainText("Compare:");
  // Opening Plan again tries again; with the network back it opens.
  network.up = true;
  await nav(page).getByRole("link", { name: "Plan" }).click();
  await expect(page.getByRole("heading", { level: 1 }).first()).toContainText("Plan:");
  expect(pageErrors, "no panic, no uncaught error").toEqual([]);
  await context.close();
});

async function chunkRequests(context: BrowserContext) {
  const seen = new Set<string>();
  context.on("request", (req) => {
    const m = new URL(req.url()).pathname.match(/\/(split_\w+?)-[0-9a-f]+\.wasm$/);
    if (m) seen.add(m[1]);
  });
  return seen;
}

test("Assess needs no chunk; the other workspaces' chunks follow when the page is idle", async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const seen = await chunkRequests(context);
  const page = await context.newPage();
  // Hold every chunk back until the first question can be answered.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route(/\.wasm$/, async (route) => {
    if (/\/split_|\/chunk_/.test(route.request().url())) await released;
    await route.continue();
  });
  await page.goto("/");
  await ready(page);
  const option = page.locator("fieldset[data-question] input[type=radio]").first();
  await option.check();
  await expect(option).toBeChecked();
  release();
  await expect
    .poll(() => [...seen].sort(), { timeout: 30_000 })
    .toEqual([
      "split_compare",
      "split_measure",
      "split_methods",
      "split_plan",
      "split_reader",
      "split_simulate",
      "split_workshop",
    ]);
  await context.close();
});

test("saved data waits for its reader; when the reader cannot be fetched the data is kept and the page works", async ({
  browser,
}) => {
  // A first visit saves one answer; the next visit (no service worker, so
  // nothing cached) cannot fetch the reader's chunks.
  const { context, page, pageErrors, network } = await withBlockedChunk(browser, "reader");
  network.up = true;
  await page.goto("/assess");
  await ready(page);
  const first = page.locator("fieldset[data-question] input[type=radio]").first();
  await first.check();
  await expect.poll(() => page.evaluate(() => localStorage.getItem("gtm-workbench"))).not.toBeNull();
  const saved = await page.evaluate(() => localStorage.getItem("gtm-workbench"));

  // With the reader: the saved answer is there after a reload.
  await page.reload();
  await ready(page);
  await expect(page.locator("fieldset[data-question] input[type=radio]").first()).toBeChecked();

  // Without it: a notice, the data untouched, the page usable, no panic.
  network.up = false;
  await page.reload();
  await ready(page);
  const notice = page.locator("[data-notice='unreadable']");
  await expect(notice).toContainText("Your saved data is not shown");
  await expect(notice).toContainText("safe and unchanged");
  const option = page.locator("fieldset[data-question] input[type=radio]").nth(1);
  await option.check();
  await expect(option).toBeChecked();
  await page.waitForTimeout(600); // longer than the save debounce
  expect(await page.evaluate(() => localStorage.getItem("gtm-workbench")), "not saved over").toBe(saved);
  expect(pageErrors, "no panic, no uncaught error").toEqual([]);
  await context.close();
});

test("after the first visit every workspace opens offline, each for the first time", async ({ page, context }) => {
  await page.goto("/assess");
  await ready(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
      );
    }
  });
  // The idle prefetch of this first page must be over before the network
  // goes: a fetch still in flight then fails (and the loader logs it).
  const splits = () =>
    page.evaluate(() =>
      [...new Set(performance.getEntriesByType("resource").map((e) => (e.name.match(/\/(split_\w+?)-[0-9a-f]+\.wasm$/) ?? [])[1]))]
        .filter(Boolean)
        .sort(),
    );
  await expect.poll(splits, { timeout: 30_000 }).toEqual([
    "split_compare",
    "split_measure",
    "split_methods",
    "split_plan",
    "split_reader",
    "split_simulate",
    "split_workshop",
  ]);
  await page.waitForLoadState("networkidle");
  await context.setOffline(true);
  for (const name of WORKSPACES) {
    // A cold load of the route: a new document, chunks from the service worker.
    await page.goto(`/${name.toLowerCase()}`);
    await ready(page);
    await expect(page.getByRole("heading", { level: 1 }).first()).toContainText(`${name}:`);
  }
  await context.setOffline(false);
});
