import { test, expect, ready, stored, waitForSaved } from "./fixtures";
import type { Page } from "@playwright/test";

const history = (page: Page) => page.getByRole("group", { name: "Undo and redo" });
const undoButton = (page: Page) => history(page).getByRole("button", { name: "Undo", exact: true });
const redoButton = (page: Page) => history(page).getByRole("button", { name: "Redo", exact: true });
const simulator = (page: Page) => page.getByRole("region", { name: "Scenario simulator" });
/** The notice of the undo history whose text contains `text`. */
const toast = (page: Page, text: string | RegExp) =>
  page.getByTestId("notices").getByRole("status").filter({ hasText: text });

test("Undo and Redo are labelled, say when there is nothing to do, and work by button and keyboard", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  await expect(undoButton(page)).toBeDisabled();
  await expect(undoButton(page)).toHaveAttribute("aria-disabled", "true");
  await expect(undoButton(page)).toHaveAccessibleDescription("Nothing to undo");
  await expect(redoButton(page)).toBeDisabled();

  const horizon = page.getByLabel("Horizon (months)", { exact: true });
  await horizon.fill("30");
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.horizon_months === 30);
  await expect(undoButton(page)).toBeEnabled();
  await expect(undoButton(page)).toHaveAccessibleDescription("Undo a change in Simulate (Ctrl+Z)");

  await undoButton(page).click();
  await expect(horizon).toHaveValue("36");
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.horizon_months === 36);
  await expect(toast(page, "Undone: a change in Simulate.")).toBeVisible();
  // Nothing left to undo: the button says so and keeps the focus.
  await expect(undoButton(page)).toBeDisabled();
  await expect(undoButton(page)).toBeFocused();

  // The keyboard, from the button (not a text field).
  await page.keyboard.press("Control+Shift+KeyZ");
  await expect(horizon).toHaveValue("30");
  await page.keyboard.press("Control+KeyZ");
  await expect(horizon).toHaveValue("36");
  await page.keyboard.press("Control+KeyY");
  await expect(horizon).toHaveValue("30");
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.horizon_months === 30);

  // The history lasts for the session; the document itself is kept.
  await page.reload();
  await ready(page);
  await expect(horizon).toHaveValue("30");
  await expect(undoButton(page)).toBeDisabled();
});

test("typing in one field is one step", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  const arpa = page.getByLabel("Self-serve ARPA ($/month)", { exact: true });
  const start = await arpa.inputValue();
  await arpa.fill("");
  await arpa.pressSequentially("120", { delay: 150 });
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.self_serve?.arpa_per_month === 120);
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("Control+KeyZ");
  await expect(arpa).toHaveValue(start);
  await expect(undoButton(page)).toBeDisabled();
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.self_serve?.arpa_per_month === Number(start));
});

test("Ctrl+Z inside a text field is the browser's own; outside it, the app's", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  await page.getByLabel("Theme").selectOption("dark");
  const arpa = page.getByLabel("Self-serve ARPA ($/month)", { exact: true });
  const start = await arpa.inputValue();
  await arpa.focus();
  await page.keyboard.press("End");
  await page.keyboard.type("7");
  await expect(arpa).toHaveValue(`${start}7`);
  // In the field: the browser takes back the typing; the app's history
  // (the theme) does not move.
  await page.keyboard.press("Control+KeyZ");
  await expect(arpa).toHaveValue(start);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByText(/^Undone:/)).toHaveCount(0);

  // Outside a text field: the app's history, whose last step is the theme
  // (the typing taken back left no step).
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("Control+KeyZ");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect(toast(page, "Undone: a change of the theme.")).toBeVisible();
  await expect(arpa).toHaveValue(start);
});

test("a preset is one step: its notice undoes it, and the notice after offers Redo", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  const presets = page.getByRole("group", { name: /Start from a preset/ });
  const salesLed = presets.getByRole("button", { name: "Sales-led", exact: true });
  const hybrid = presets.getByRole("button", { name: "Hybrid: freemium to enterprise", exact: true });
  await salesLed.click();
  await expect(salesLed).toHaveAttribute("aria-pressed", "true");
  const applied = toast(page, /^Applied the Sales-led preset: \d+ of 29 inputs changed/);
  await expect(applied).toBeVisible();
  await expect(applied).toBeInViewport();

  await applied.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(hybrid).toHaveAttribute("aria-pressed", "true");
  const undone = toast(page, "Undone: the Sales-led preset.");
  await expect(undone.getByRole("button", { name: "Redo", exact: true })).toBeFocused();
  await undone.getByRole("button", { name: "Redo", exact: true }).click();
  await expect(salesLed).toHaveAttribute("aria-pressed", "true");
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.billing === "annual_prepaid");

  // The same preset again changes nothing and makes no step.
  await salesLed.click();
  await expect(page.getByTestId("notices")).toContainText("already in place; nothing changed");
  await undoButton(page).click();
  await expect(hybrid).toHaveAttribute("aria-pressed", "true");
  await expect(undoButton(page)).toBeDisabled();
});

test("removing a channel row, a scenario or a rule and clearing the answers can each be undone", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  const table = page.getByRole("region", { name: "CAC by channel" });
  await table.getByRole("button", { name: "Remove Outbound sales" }).click();
  await expect(table.getByRole("button", { name: "Remove Outbound sales" })).toHaveCount(0);
  await toast(page, "Removed “Outbound sales” from the channel table.").getByRole("button", { name: "Undo", exact: true }).click();
  await expect(table.getByRole("button", { name: "Remove Outbound sales" })).toBeVisible();
  await expect(page.getByTestId("blended-cac")).toHaveText("$505.88");

  await page.getByLabel("Scenario name").fill("Keep me");
  await page.getByRole("button", { name: "Save current inputs" }).click();
  await page.getByRole("button", { name: "Delete Keep me" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByRole("checkbox", { name: "Compare Keep me" })).toHaveCount(0);
  await toast(page, "Deleted the scenario “Keep me”.").getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByRole("checkbox", { name: "Compare Keep me" })).toBeVisible();
  await waitForSaved(page, (doc) => doc?.data?.simulate?.scenarios?.length === 1);

  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Plan" }).click();
  await ready(page);
  const rules = page.getByRole("group", { name: /^Rule \d+:/ });
  await expect(rules).toHaveCount(4);
  await page.getByRole("button", { name: /^Remove / }).first().click();
  await expect(rules).toHaveCount(3);
  await toast(page, /^Removed the rule “/).getByRole("button", { name: "Undo", exact: true }).click();
  await expect(rules).toHaveCount(4);
  await waitForSaved(page, (doc) => doc?.data?.plan?.rules?.length === 4);

  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Assess" }).click();
  await ready(page);
  await page.locator("fieldset[data-question] input[type=radio]").first().check();
  await page.locator("fieldset[data-question]").nth(1).locator("input[type=radio]").first().check();
  await expect(page.getByTestId("assess-progress")).toHaveText("2 of 20 answered");
  await page.getByRole("button", { name: "Clear answers…" }).click();
  await page.getByRole("button", { name: "Yes, clear" }).click();
  await expect(page.getByTestId("assess-progress")).toHaveText("0 of 20 answered");
  await toast(page, "Cleared 2 answers.").getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByTestId("assess-progress")).toHaveText("2 of 20 answered");
  await waitForSaved(page, (doc) => Object.keys(doc?.data?.assess?.answers ?? {}).length === 2);
});

test("undo reaches back across workspaces and the saved document stays readable", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  await simulator(page).getByRole("textbox", { name: "Gross margin (%)", exact: true }).fill("70");
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.gross_margin_pct === 70);
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Plan" }).click();
  await ready(page);
  // The focus is on the page's heading, not in a field: the shortcut is the app's.
  await page.keyboard.press("Control+KeyZ");
  await expect(toast(page, "Undone: a change in Simulate.")).toBeVisible();
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.gross_margin_pct === 80);
  const doc = await stored(page);
  expect(doc.version).toBe(3);
  await page.reload();
  await ready(page);
  await page.getByRole("navigation", { name: "Workspaces" }).getByRole("link", { name: "Simulate" }).click();
  await ready(page);
  await expect(simulator(page).getByRole("textbox", { name: "Gross margin (%)", exact: true })).toHaveValue("80");
});
