import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, ready, watchContext } from "./fixtures";

const ROUTES = ["/assess", "/compare", "/measure", "/simulate", "/plan", "/workshop", "/no-such-page"];
const THEMES = ["light", "dark", "projector"];
// Playwright runs from tests/e2e, where axe-core is installed.
const AXE = readFileSync(join(process.cwd(), "node_modules", "axe-core", "axe.min.js"), "utf8");

test("the page carries a strict Content-Security-Policy and runs with no violation", async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto("/assess");
  await ready(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("style-src 'self'");
  // Trunk's script and wasm carry Subresource Integrity, and so do the
  // chunk loader (preloaded) and every chunk it fetches.
  await expect(page.locator('link[rel="modulepreload"][integrity^="sha384-"]')).toHaveCount(2);
  await expect(page.locator('link[rel="preload"][as="fetch"][integrity^="sha384-"]')).toHaveCount(1);
  const loaderHref = await page.locator('link[rel="modulepreload"][href*="__wasm_split-"]').getAttribute("href");
  const loader = await (await page.request.get(new URL(loaderHref!, page.url()).href)).text();
  const fetches = loader.match(/fetch\(new URL\([^)]*\)[^)]*\)/g) ?? [];
  expect(fetches.length).toBeGreaterThan(3);
  for (const f of fetches) expect(f).toMatch(/\.wasm", import\.meta\.url\), \{ integrity: "sha384-[A-Za-z0-9+/=]+" \}\)$/);
  for (const route of ROUTES) {
    await page.goto(route);
    await ready(page);
    for (const theme of THEMES) await page.getByLabel("Theme").selectOption(theme);
  }
  expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
});

for (const theme of THEMES) {
  test(`axe finds no accessibility violation on any route in the ${theme} theme`, async ({ browser, watch }) => {
    test.setTimeout(120_000);
    // axe is injected as a script, which the app's own CSP would (rightly) refuse.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
    watchContext(context, watch);
    const page = await context.newPage();
    await page.goto("/assess");
    await ready(page);
    await page.getByLabel("Theme").selectOption(theme);
    for (const route of ROUTES) {
      await page.goto(route);
      await ready(page);
      await page.addScriptTag({ content: AXE });
      const result = await page.evaluate(async () => {
        const r = await (window as any).axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        return r.violations.map((v: any) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target}`);
      });
      expect(result, `${route} in ${theme}`).toEqual([]);
    }
    await context.close();
  });
}

test("every workspace can be reached and left with the keyboard alone", async ({ page }) => {
  await page.goto("/assess");
  await ready(page);
  for (const name of ["Compare", "Simulate", "Plan", "Workshop", "Assess"]) {
    // Tab from the top of the page to the workspace link, then Enter.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let found = false;
    for (let i = 0; i < 30 && !found; i++) {
      await page.keyboard.press("Tab");
      found = await page.evaluate(
        (n) => document.activeElement?.textContent?.trim() === n && document.activeElement.tagName === "A",
        name,
      );
    }
    expect(found, `Tab reaches ${name}`).toBe(true);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/${name.toLowerCase()}$`));
    // Tab through the whole page: focus keeps moving and is always visible.
    let last = "";
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press("Tab");
      const here = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return "body";
        const r = el.getBoundingClientRect();
        return `${el.tagName}#${el.id}:${Math.round(r.width)}x${Math.round(r.height)}`;
      });
      if (here === "body") break;
      expect(here, "the focused element is visible").not.toMatch(/:0x0$/);
      last = here;
    }
    expect(last).not.toBe("");
  }
});
