import { test, expect, ready, stored, waitForSaved } from "./fixtures";
import type { Page } from "@playwright/test";

const nav = (page: Page) => page.getByRole("navigation", { name: "Workspaces" });

/** Answers every question with its most sales-led concrete option. */
async function answerSalesLed(page: Page) {
  const fieldsets = page.locator("fieldset[data-question]");
  const n = await fieldsets.count();
  for (let i = 0; i < n; i++) {
    const radios = fieldsets.nth(i).locator("input[type=radio]");
    await radios.nth((await radios.count()) - 2).check(); // the last one is "Not sure"
  }
  await expect(page.getByTestId("assess-motion")).toHaveText("Sales-led");
}

/** Elements inside `testId` that scroll on their own (content taller than the box). */
async function innerScrollers(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).evaluate((root) => {
    const found: string[] = [];
    for (const el of [root, ...Array.from(root.querySelectorAll("*"))]) {
      const style = getComputedStyle(el);
      const scrolls = ["auto", "scroll"].includes(style.overflowY) || ["auto", "scroll"].includes(style.overflowX);
      const taller = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
      if (scrolls && taller) found.push(`${el.tagName} ${el.className}`);
    }
    return found;
  });
}

test("every route has its own title, the unknown path too", async ({ page }) => {
  for (const [path, title] of [
    ["/", "Assess · GTM Workbench"],
    ["/assess", "Assess · GTM Workbench"],
    ["/compare", "Compare · GTM Workbench"],
    ["/simulate", "Simulate · GTM Workbench"],
    ["/plan", "Plan · GTM Workbench"],
    ["/workshop", "Workshop · GTM Workbench"],
    ["/methods", "How the numbers are computed · GTM Workbench"],
    ["/no/such/place", "Page not found · GTM Workbench"],
  ]) {
    await page.goto(path);
    await ready(page);
    await expect(page).toHaveTitle(title);
  }
  // The title follows a navigation inside the app, too.
  await nav(page).getByRole("link", { name: "Plan" }).click();
  await expect(page).toHaveTitle("Plan · GTM Workbench");
});

test("the navigation lists the steps in order and marks the current one, also on /", async ({ page }) => {
  await page.goto("/");
  await ready(page);
  await expect(nav(page).getByRole("link", { name: "Assess" })).toHaveAttribute("aria-current", "page");
  await expect(nav(page).locator("[aria-current]")).toHaveCount(1);
  const [steps, room] = [nav(page).getByRole("list").first(), nav(page).getByRole("list").nth(1)];
  // An ordered list: a screen reader says "1 of 4"; the number drawn beside
  // each name is silent.
  expect(await steps.evaluate((el) => el.tagName)).toBe("OL");
  const names = await steps.getByRole("link").evaluateAll((links) => links.map((a) => a.textContent));
  expect(names).toEqual(["Assess", "Compare", "Measure", "Simulate", "Plan"]);
  await expect(steps.getByRole("link").first()).toHaveAccessibleName("Assess");
  await expect(steps.getByRole("link").first()).toHaveAccessibleDescription("not started");
  await expect(steps.getByRole("listitem").first()).toContainText("not started");
  await expect(steps.getByRole("link").nth(3)).toHaveAccessibleDescription("not started");
  // The workshop stands beside the steps: for a room.
  await expect(room.getByRole("link")).toHaveAccessibleName("Workshop");
  await expect(room.getByRole("link")).toHaveAccessibleDescription("for a room");

  await nav(page).getByRole("link", { name: "Simulate" }).click();
  await ready(page);
  await expect(nav(page).getByRole("link", { name: "Simulate" })).toHaveAttribute("aria-current", "page");
  await expect(nav(page).getByRole("link", { name: "Assess" })).not.toHaveAttribute("aria-current", "page");
});

test("each step shows what is done, from what is stored", async ({ page }) => {
  await page.goto("/assess");
  await ready(page);
  const step = (name: string) => nav(page).getByRole("link", { name, exact: true });
  await page.locator("fieldset[data-question] input[type=radio]").first().check();
  await expect(step("Assess")).toHaveAccessibleDescription("1 of 20 answered");
  await answerSalesLed(page);
  await expect(step("Assess")).toHaveAccessibleDescription("20 of 20 answered, done");
  await expect(nav(page).getByRole("listitem").first()).toContainText("✓ 20 of 20 answered");

  await step("Simulate").click();
  await ready(page);
  await expect(step("Simulate")).toHaveAccessibleDescription("not started");
  await page.getByLabel("Horizon (months)", { exact: true }).fill("30");
  await expect(step("Simulate")).toHaveAccessibleDescription("scenario edited, done");

  await step("Plan").click();
  await ready(page);
  await page.getByRole("region", { name: "Rollout checklist" }).getByRole("checkbox").first().check();
  await expect(step("Plan")).toHaveAccessibleDescription("1 task ticked");

  // The same after a reload: the status is read from the saved document.
  await waitForSaved(page, (doc) => (doc?.data?.plan?.checklist ?? []).length === 1);
  await page.reload();
  await ready(page);
  await expect(step("Assess")).toHaveAccessibleDescription("20 of 20 answered, done");
  await expect(step("Simulate")).toHaveAccessibleDescription("scenario edited, done");
  await expect(step("Plan")).toHaveAccessibleDescription("1 task ticked");
});

test("after a route change the new page's heading has the focus and the page is announced", async ({ page }) => {
  await page.goto("/assess");
  await ready(page);
  const announcer = page.getByTestId("route-announcer");
  // Nothing moves on the first load.
  await expect(page.getByRole("heading", { level: 1 })).not.toBeFocused();
  await expect(announcer).toHaveText("");

  await nav(page).getByRole("link", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Compare/ })).toBeFocused();
  await expect(announcer).toHaveText("Opened Compare.");

  // A lazily loaded workspace: the focus waits for its heading.
  await nav(page).getByRole("link", { name: "Workshop" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: /^Workshop/ })).toBeFocused();
  await expect(announcer).toHaveText("Opened Workshop.");

  await page.getByRole("link", { name: "How the numbers are computed" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "How the numbers are computed" })).toBeFocused();
  await expect(announcer).toHaveText("Opened How the numbers are computed.");
});

test("“Model this motion” lands on the scenario simulator and says what the preset changed, with Undo", async ({ page }) => {
  await page.goto("/assess");
  await ready(page);
  await answerSalesLed(page);
  await page.getByRole("button", { name: "Model this motion" }).click();
  await expect(page).toHaveURL(/\/simulate$/);

  const simulator = page.getByRole("heading", { level: 2, name: "Scenario simulator" });
  await expect(simulator).toBeFocused();
  await expect(simulator).toBeInViewport();
  // Not the quick calculator at the top, which the preset does not change.
  await expect(page.getByRole("heading", { level: 2, name: "Unit economics of one customer" })).not.toBeInViewport();

  const presets = page.getByRole("group", { name: /Start from a preset/ });
  await expect(presets.getByRole("button", { name: /^Sales-led \(your assessment\)$/ })).toHaveAttribute("aria-pressed", "true");
  const notice = page.getByTestId("notices").getByRole("status").filter({ hasText: "Applied the Sales-led preset from your assessment" });
  await expect(notice).toContainText(/\d+ of 29 inputs changed; Self-serve and Sales-assisted \(PQL\) channels switched off/);
  await expect(notice).toBeInViewport();
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.billing === "annual_prepaid");

  await notice.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(presets.getByRole("button", { name: "Hybrid: freemium to enterprise" })).toHaveAttribute("aria-pressed", "true");
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.billing === "monthly");
  expect((await stored(page)).data.simulate.inputs.self_serve.enabled).toBe(true);
  await expect(page.getByTestId("notices")).toContainText("Undone: the Sales-led preset.");
});

for (const viewport of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`the whole Assess result is reachable without a scroller of its own (${viewport.name})`, async ({ page }) => {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto("/assess");
    await ready(page);
    await answerSalesLed(page);
    expect(await innerScrollers(page, "assess-result")).toEqual([]);

    const result = page.getByTestId("assess-result");
    const model = result.getByRole("button", { name: "Model this motion" });
    if (viewport.name === "desktop") {
      // The summary stays beside the questions: at the last question, the
      // motion and "Model this motion" are in view.
      await page.locator("fieldset[data-question]").last().scrollIntoViewIfNeeded();
      await expect(result.getByTestId("assess-motion")).toBeInViewport();
      await expect(model).toBeInViewport();
    }
    // The page's own scroll brings every part of the result into view.
    for (const part of [model, result.getByRole("heading", { name: "How well each motion fits" }), result.getByTestId("assess-flip")]) {
      await part.scrollIntoViewIfNeeded();
      await expect(part).toBeInViewport();
    }
    expect(await innerScrollers(page, "assess-result")).toEqual([]);
    await model.click();
    await expect(page.getByRole("heading", { level: 2, name: "Scenario simulator" })).toBeFocused();
  });
}
