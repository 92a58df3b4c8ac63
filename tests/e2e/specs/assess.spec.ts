import { test, expect, ready, stored, waitForSaved } from "./fixtures";

/** Tabs until a radio of the question `name` has focus (bounded). */
async function tabTo(page: any, name: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el && el.type === "radio" ? el.name : null;
    });
    if (focused === name) return;
  }
  throw new Error(`could not reach question ${name} with Tab`);
}

test("the questionnaire can be answered by keyboard alone and explains its result", async ({ page }) => {
  await page.goto("/assess");
  await ready(page);
  await expect(page.getByTestId("assess-progress")).toHaveText("0 of 20 answered");
  await expect(page.getByTestId("assess-not-enough")).toBeVisible();

  const questions = await page.locator("fieldset[data-question]").evaluateAll((els) =>
    els.map((e) => e.getAttribute("data-question")!),
  );
  expect(questions.length).toBe(20);

  // First question: reach it with Tab, then Space picks its first option.
  await tabTo(page, questions[0]);
  for (let i = 0; i < questions.length; i++) {
    await page.keyboard.press("Space");
    await expect(page.locator(`input[name="${questions[i]}"]`).first()).toBeChecked();
    if (i + 1 < questions.length) {
      await page.keyboard.press("Tab");
      const name = await page.evaluate(() => (document.activeElement as HTMLInputElement).name);
      expect(name).toBe(questions[i + 1]);
    }
  }
  await expect(page.getByTestId("assess-progress")).toHaveText("20 of 20 answered");
  // The most product-led answer everywhere gives the product-led motion.
  await expect(page.getByTestId("assess-motion")).toHaveText("Product-led");
  await expect(page.getByTestId("assess-factor-chart")).toBeVisible();
  await expect(page.getByTestId("assess-gauge")).toBeVisible();
  await expect(page.getByTestId("assess-factor-chart").locator("rect")).toHaveCount(6);

  // Arrow keys move within a group: the last question becomes its second option.
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(`input[name="${questions[questions.length - 1]}"]`).nth(1)).toBeChecked();

  // A weight changed by keyboard moves the position.
  const before = await page.getByTestId("assess-position").textContent();
  const slider = page.getByLabel("Company culture and vision", { exact: false }).and(page.locator("input[type=range]"));
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowLeft");
  await expect(slider).toHaveValue("0");
  await expect(page.getByTestId("assess-position")).not.toHaveText(before!);
  const after = await page.getByTestId("assess-position").textContent();

  // Everything is kept across a reload.
  await waitForSaved(page, (doc) => doc?.data?.assess?.weights?.culture === 0);
  await page.reload();
  await ready(page);
  await expect(page.getByTestId("assess-progress")).toHaveText("20 of 20 answered");
  await expect(page.getByTestId("assess-position")).toHaveText(after!);
  await expect(slider).toHaveValue("0");
  await expect(page.locator(`input[name="${questions[questions.length - 1]}"]`).nth(1)).toBeChecked();
});

test("a sales-led company gets a sales-led result, a flip and links onward", async ({ page }) => {
  await page.goto("/assess");
  await ready(page);
  // The last concrete option of every question is its most sales-led one.
  const fieldsets = page.locator("fieldset[data-question]");
  const n = await fieldsets.count();
  for (let i = 0; i < n; i++) {
    const radios = fieldsets.nth(i).locator("input[type=radio]");
    const count = await radios.count();
    await radios.nth(count - 2).check(); // the last one is "Not sure"
  }
  await expect(page.getByTestId("assess-motion")).toHaveText("Sales-led");
  await expect(page.getByTestId("assess-confidence")).toHaveText(/\d+%/);
  // The figure is explained beside it: this result's parts, then the formula on request.
  const figure = (await page.getByTestId("assess-confidence").textContent())!.trim();
  await expect(page.getByTestId("assess-confidence-breakdown")).toHaveText(
    new RegExp(`^Confidence = coverage [\\d.]+ × agreement [\\d.]+ × margin [\\d.]+ = ${figure}\\.$`),
  );
  await page.getByText("How confidence is worked out").click();
  await expect(page.getByTestId("assess-confidence-formula")).toContainText("Margin is 0.5 on the edge");
  await expect(page.getByTestId("assess-flip")).toBeVisible();
  await expect(page.getByTestId("assess-flip")).toHaveText(/^(If .+, the recommendation would be .+\.|At .+, no change of up to three answers .+)$/);
  await expect(page.getByRole("link", { name: "See it in Compare" })).toHaveAttribute(
    "href",
    /\/compare\?highlight=sales_led/,
  );
  await page.getByRole("button", { name: "Model this motion" }).click();
  // Simulate applies the preset once and then drops the query from the URL.
  await expect(page).toHaveURL(/\/simulate/);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await waitForSaved(page, (doc) => doc?.data?.assess?.chosen_motion === "sales_led");
});

test("all answers Not sure gives no result, only a prompt", async ({ page }) => {
  await page.goto("/assess");
  await ready(page);
  const notSure = page.getByLabel("Not sure");
  const count = await notSure.count();
  expect(count).toBe(20);
  for (let i = 0; i < count; i++) await notSure.nth(i).check();
  await expect(page.getByTestId("assess-progress")).toHaveText("20 of 20 answered");
  await expect(page.getByTestId("assess-not-enough")).toBeVisible();
  await expect(page.getByTestId("assess-motion")).toHaveCount(0);
});

test("clearing answers asks first", async ({ page }) => {
  await page.goto("/assess");
  await ready(page);
  await page.locator("fieldset[data-question] input[type=radio]").first().check();
  await expect(page.getByTestId("assess-progress")).toHaveText("1 of 20 answered");
  await page.getByRole("button", { name: "Clear answers…" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("assess-progress")).toHaveText("1 of 20 answered");
  await page.getByRole("button", { name: "Clear answers…" }).click();
  await page.getByRole("button", { name: "Yes, clear" }).click();
  await expect(page.getByTestId("assess-progress")).toHaveText("0 of 20 answered");
  await waitForSaved(page, (doc) => Object.keys(doc?.data?.assess?.answers ?? { x: 1 }).length === 0);
  expect((await stored(page)).data.assess.answers).toEqual({});
});

test("the result in projector theme is readable (screenshot artifact)", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/assess");
  await ready(page);
  const fieldsets = page.locator("fieldset[data-question]");
  const n = await fieldsets.count();
  for (let i = 0; i < n; i++) await fieldsets.nth(i).locator("input[type=radio]").nth(i % 3).check();
  await page.getByLabel("Theme").selectOption("projector");
  await page.screenshot({ path: "artifacts/assess-projector.png" });
  await page.getByLabel("Theme").selectOption("light");
  await page.screenshot({ path: "artifacts/assess-light.png", fullPage: false });
});
