import { test, expect, ready, stored, waitForSaved } from "./fixtures";

const ROUTES = [
  { path: "/", heading: "Assess" },
  { path: "/assess", heading: "Assess" },
  { path: "/compare", heading: "Compare" },
  { path: "/measure", heading: "Measure" },
  { path: "/simulate", heading: "Simulate" },
  { path: "/plan", heading: "Plan" },
  { path: "/workshop", heading: "Workshop" },
];

test("the static first paint names the app and says it is loading", async ({ request }) => {
  const html = await (await request.get("/index.html")).text();
  expect(html).toContain("<title>GTM Workbench</title>");
  expect(html).toMatch(/Loading the workbench/);
});

for (const { path, heading } of ROUTES) {
  test(`${path} renders and survives a reload`, async ({ page }) => {
    await page.goto(path);
    await ready(page);
    await expect(page.getByRole("heading", { level: 1, name: heading, exact: false }).first()).toBeVisible();
    await page.reload();
    await ready(page);
    await expect(page.getByRole("heading", { level: 1, name: heading, exact: false }).first()).toBeVisible();
  });
}

test("the navigation reaches every workspace and marks the current one", async ({ page }) => {
  await page.goto("/assess");
  await ready(page);
  const nav = page.getByRole("navigation", { name: "Workspaces" });
  for (const name of ["Compare", "Measure", "Simulate", "Plan", "Workshop", "Assess"]) {
    await nav.getByRole("link", { name }).click();
    await expect(page).toHaveURL(new RegExp(`/${name.toLowerCase()}$`));
    await expect(nav.getByRole("link", { name })).toHaveAttribute("aria-current", "page");
  }
});

test("an unknown path shows not found with a way back", async ({ page }) => {
  await page.goto("/no/such/place");
  await ready(page);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Go to Assess" }).click();
  await expect(page).toHaveURL(/\/assess$/);
});

test("the theme choice persists across a reload", async ({ page }) => {
  await page.goto("/compare");
  await ready(page);
  await page.getByLabel("Theme").selectOption("projector");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "projector");
  await waitForSaved(page, (doc) => doc?.data?.theme === "projector");
  await page.reload();
  await ready(page);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "projector");
  await expect(page.getByLabel("Theme")).toHaveValue("projector");
  const doc = await stored(page);
  expect(doc.version).toBe(3);
});
