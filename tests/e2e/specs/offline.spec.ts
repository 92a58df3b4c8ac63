import { test, expect, ready } from "./fixtures";

const SUB_PORT = Number(process.env.GTM_PORT ?? 8391) + 1;
const SUB_URL = `http://127.0.0.1:${SUB_PORT}/gtm/`;

test("after the first load the app opens with the network blocked", async ({ page, context }) => {
  await page.goto("/assess");
  await ready(page);
  // Wait until the service worker controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
      );
    }
  });
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  // A deep link never visited before opens offline too.
  await page.goto("/plan");
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 }).first()).toContainText("Plan");
  await context.setOffline(false);
});

test("the web app manifest is linked and describes an installable app", async ({ page, request }) => {
  await page.goto("/assess");
  await ready(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await request.get(new URL(href!, page.url()).href)).json();
  expect(manifest.name).toBe("GTM Workbench");
  expect(manifest.display).toBe("standalone");
  const sizes = manifest.icons.map((i: any) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) {
    const res = await request.get(new URL(icon.src, new URL(href!, page.url())).href);
    expect(res.status()).toBe(200);
  }
});

test("a waiting new version is announced with a reload button", async ({ page }) => {
  await page.goto("/assess");
  await ready(page);
  await page.evaluate(() => window.dispatchEvent(new CustomEvent("gtm-update-ready")));
  const notice = page.locator('[data-notice="update"]');
  await expect(notice).toContainText("new version");
  await expect(notice.getByRole("button", { name: "Reload to update" })).toBeVisible();
});

test("dist/ built for a sub-path works there, deep links included", async ({ page }) => {
  await page.goto(`${SUB_URL}simulate`);
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 }).first()).toContainText("Simulate");
  const nav = page.getByRole("navigation", { name: "Workspaces" });
  await nav.getByRole("link", { name: "Compare" }).click();
  await expect(page).toHaveURL(`${SUB_URL}compare`);
  await page.reload();
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 }).first()).toContainText("Compare");
  await page.goto(SUB_URL);
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 }).first()).toContainText("Assess");
});
