import { test as base, expect, type Page, type BrowserContext } from "@playwright/test";

/** Everything a test should never see: errors in the console, uncaught
 *  exceptions (a Rust panic shows as one) and requests leaving 127.0.0.1. */
export type Watch = { consoleErrors: string[]; pageErrors: string[]; external: string[] };

export function watchContext(context: BrowserContext, watch: Watch) {
  context.on("request", (req) => {
    const url = req.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    const host = new URL(url).hostname;
    if (host !== "127.0.0.1") watch.external.push(url);
  });
  context.on("page", (page) => watchPage(page, watch));
}

export function watchPage(page: Page, watch: Watch) {
  page.on("console", (msg) => {
    if (msg.type() === "error") watch.consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => watch.pageErrors.push(String(err)));
}

export const test = base.extend<{ watch: Watch }>({
  watch: [
    async ({ context, page }, use) => {
      const watch: Watch = { consoleErrors: [], pageErrors: [], external: [] };
      watchContext(context, watch);
      watchPage(page, watch);
      await use(watch);
      expect(watch.external, "no request may leave 127.0.0.1").toEqual([]);
      expect(watch.pageErrors, "no uncaught error or panic").toEqual([]);
      expect(watch.consoleErrors, "no console error").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The app has mounted: the loading line is gone, the header is there, and
 *  so is the page's heading (a lazily loaded workspace draws it once its
 *  chunk has arrived, a moment after the header). */
export async function ready(page: Page) {
  await expect(page.locator("#boot")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Workspaces" })).toBeVisible();
  await expect(page.locator("main h1").first()).toBeVisible();
}

/** The saved document, parsed. */
export async function stored(page: Page): Promise<any> {
  const raw = await page.evaluate(() => localStorage.getItem("gtm-workbench"));
  return raw === null ? null : JSON.parse(raw);
}

/** Waits until the debounced save has written `predicate`-satisfying data. */
export async function waitForSaved(page: Page, predicate: (doc: any) => boolean) {
  await expect.poll(async () => predicate(await stored(page)), { timeout: 5_000 }).toBe(true);
}
