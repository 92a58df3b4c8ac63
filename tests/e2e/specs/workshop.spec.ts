import { test, expect, ready, stored, waitForSaved } from "./fixtures";
import type { Page, Locator } from "@playwright/test";

const QUESTIONS = 20;

/** Relative luminance of an `rgb(...)` colour (WCAG 2). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? ["0", "0", "0"]).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** Adds a participant through the form on the page. */
async function addPerson(page: Page, name: string) {
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("button", { name: `Rename ${name}`, exact: true })).toBeVisible();
}

/** The presenter dialog. */
function dialog(page: Page): Locator {
  return page.getByRole("dialog", { name: "Presenter mode" });
}

/** Answers every question in the open presenter dialog by number key:
 *  `pick(i, n)` gives the 1-based answer for question i with n answers. */
async function answerAllByKeys(page: Page, pick: (i: number, n: number) => number) {
  for (let i = 0; i < QUESTIONS; i++) {
    await expect(dialog(page).getByText(`Question ${i + 1} of ${QUESTIONS}`, { exact: true })).toBeVisible();
    const n = await dialog(page).getByRole("radio").count();
    await page.keyboard.press(String(pick(i, n)));
  }
}

test("presenter mode: a whole run by keyboard alone, readable at 1280×720", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto("/workshop");
  await ready(page);
  // Open with the keyboard: with nobody yet, focus goes to the name field
  // inside the dialog, and the first person starts from there.
  const start = page.getByRole("button", { name: "Start presenter mode" });
  await start.focus();
  await page.keyboard.press("Enter");
  const d = dialog(page);
  await expect(d).toBeVisible();
  await expect(d).toHaveAttribute("aria-modal", "true");
  await expect(d.getByLabel("Name of the first person to answer:")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(d.getByRole("alert")).toHaveText("Give the participant a name.");
  await page.keyboard.type("Ana");
  await page.keyboard.press("Enter");
  await expect(d.getByTestId("presenter-who")).toHaveText("Ana");

  // Question 1: the progress bar starts at 0; ArrowDown + Enter picks answer 2.
  const bar = d.getByRole("progressbar");
  await expect(bar).toHaveAttribute("aria-valuenow", "0");
  await expect(d.getByRole("radio").first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(d.getByRole("radio").nth(1)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(d.getByText(`Question 2 of ${QUESTIONS}`, { exact: true })).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuenow", "1");

  // ArrowLeft goes back and shows the answer given; ArrowRight returns.
  await page.keyboard.press("ArrowLeft");
  await expect(d.getByText(`Question 1 of ${QUESTIONS}`, { exact: true })).toBeVisible();
  await expect(d.getByRole("radio").nth(1)).toHaveAttribute("aria-checked", "true");
  await expect(d.getByRole("radio").nth(1)).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(d.getByText(`Question 2 of ${QUESTIONS}`, { exact: true })).toBeVisible();

  // `?` shows the key list and hides it again.
  await page.keyboard.press("?");
  await expect(d.getByTestId("presenter-keys")).toBeVisible();
  await page.keyboard.press("?");
  await expect(d.getByTestId("presenter-keys")).toBeHidden();

  // Question 2: Space on the focused answer (ArrowUp wraps to "Not sure").
  await page.keyboard.press("ArrowUp");
  await expect(d.getByRole("radio").last()).toBeFocused();
  await expect(d.getByRole("radio").last()).toHaveText(/Not sure/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  await expect(d.getByText(`Question 3 of ${QUESTIONS}`, { exact: true })).toBeVisible();

  // Question 3 is measured and photographed before it is answered.
  const sizes = await d.evaluate((root) => {
    const out: { text: string; size: number }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const el = node.parentElement!;
      if (!node.textContent!.trim() || el.closest("svg") || el.closest("[hidden]")) continue;
      if (el.closest(".sr-only")) continue;
      out.push({ text: node.textContent!.trim().slice(0, 30), size: parseFloat(getComputedStyle(el).fontSize) });
    }
    return out;
  });
  expect(sizes.length).toBeGreaterThan(5);
  for (const s of sizes) expect(s.size, `font size of “${s.text}”`).toBeGreaterThanOrEqual(24);

  const colours = await d.evaluate((root) => {
    const bg = getComputedStyle(root).backgroundColor;
    const pick = (sel: string) => {
      const el = root.querySelector(sel)!;
      return { color: getComputedStyle(el).color, bg: getComputedStyle(el.closest("button") ?? root).backgroundColor };
    };
    return { bg, prompt: pick(".presenter-prompt"), hint: pick(".presenter-hint"), option: pick(".option-label") };
  });
  expect(contrast(colours.prompt.color, colours.bg)).toBeGreaterThanOrEqual(7);
  expect(contrast(colours.hint.color, colours.bg)).toBeGreaterThanOrEqual(7);
  expect(contrast(colours.option.color, colours.option.bg)).toBeGreaterThanOrEqual(7);
  // No scrolling needed for a question at 1280×720.
  const fits = await d.evaluate((root) => root.scrollHeight <= root.clientHeight + 1);
  expect(fits).toBe(true);
  await page.screenshot({ path: "artifacts/workshop-presenter-1280x720.png" });

  // The rest by number keys: the last key of each question is "Not sure",
  // so alternate between answer 1 and answer 2.
  for (let i = 2; i < QUESTIONS; i++) {
    await expect(d.getByText(`Question ${i + 1} of ${QUESTIONS}`, { exact: true })).toBeVisible();
    await page.keyboard.press(i % 2 === 0 ? "1" : "2");
  }
  await expect(bar).toHaveCount(0);

  // The reveal: Ana's motion with the gauge; the team needs a second person.
  await expect(d.getByRole("heading", { name: "Ana’s result" })).toBeVisible();
  await expect(d.getByTestId("reveal-motion")).not.toHaveText("No result yet");
  await expect(d.getByTestId("assess-gauge")).toBeVisible();
  await expect(d.getByTestId("reveal-group-motion")).toHaveText("Not yet");
  await expect(d.getByRole("button", { name: "Next person →" })).toBeFocused();
  await page.screenshot({ path: "artifacts/workshop-presenter-reveal.png" });

  // Esc leaves; focus returns to the start button.
  await page.keyboard.press("Escape");
  await expect(d).toHaveCount(0);
  await expect(start).toBeFocused();

  await waitForSaved(page, (doc) => Object.keys(doc?.data?.workshop?.participants?.[0]?.answers ?? {}).length === QUESTIONS);
  const ana = (await stored(page)).data.workshop.participants[0];
  expect(ana.name).toBe("Ana");
  expect(ana.answers.not_sure).toBeUndefined();
});

test("three people answer, one through a pasted code: results, heatmap and live weights", async ({ page }) => {
  // Cleo answers on "her own device": the Assess page of this browser.
  await page.goto("/assess");
  await ready(page);
  const fieldsets = page.locator("fieldset[data-question]");
  const n = await fieldsets.count();
  for (let i = 0; i < n; i++) {
    const radios = fieldsets.nth(i).locator("input[type=radio]");
    await radios.nth((await radios.count()) - 2).check(); // the most sales-led answer
  }

  await page.goto("/workshop");
  await ready(page);
  await expect(page.getByTestId("workshop-too-few")).toBeVisible();
  await expect(page.getByTestId("my-code-progress")).toContainText("20 of 20 answered");

  // Her code, made on the page.
  await page.getByRole("button", { name: "Copy my answer code" }).click();
  await expect(page.locator("#my-code-name-error")).toHaveText(/Type your name first/);
  await page.getByLabel("Your name").fill("Cleo");
  await page.getByRole("button", { name: "Copy my answer code" }).click();
  const codeField = page.getByLabel("Your answer code");
  await expect(codeField).toBeVisible();
  const code = await codeField.inputValue();
  expect(code).toMatch(/^gtm1\.a\./);

  // A damaged code is refused beside the field and changes nothing.
  const paste = page.getByLabel("Paste a code or link");
  // One character of the body changed (never to itself, or the code would stay whole).
  const at = code.length - 3;
  const damaged = code.slice(0, at) + (code[at] === "A" ? "B" : "A") + code.slice(at + 1);
  expect(damaged).not.toBe(code);
  await paste.fill(damaged);
  await page.getByRole("button", { name: "Add these answers" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "damaged or incomplete" })).toBeVisible();
  await expect(paste).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("list", { name: "Participants" }).getByRole("listitem")).toHaveCount(0);

  // The facilitator pastes it as a link.
  await paste.fill(`http://127.0.0.1/workshop#share=${code}`);
  await page.getByRole("button", { name: "Add these answers" }).click();
  await expect(page.getByText("Added Cleo (20 of 20 answered).")).toBeVisible();
  await expect(paste).toHaveValue("");

  // Pasting it again replaces her answers instead of adding her twice.
  await paste.fill(code);
  await page.getByRole("button", { name: "Add these answers" }).click();
  await expect(page.getByText(/Replaced the answers of Cleo/)).toBeVisible();

  // One person: no team yet.
  await expect(page.getByTestId("workshop-too-few")).toBeVisible();
  await expect(page.getByTestId("group-motion")).toContainText("Appears once 2 people");

  // Ana and Ben answer on the shared screen.
  await addPerson(page, "Ana");
  await addPerson(page, "Ben");
  await page.getByRole("button", { name: "Answer on the shared screen for Ana" }).click();
  await expect(dialog(page).getByTestId("presenter-who")).toHaveText("Ana");
  await answerAllByKeys(page, () => 1); // the most product-led answer everywhere
  await expect(dialog(page).getByTestId("reveal-motion")).toHaveText("Product-led");
  await expect(dialog(page).getByTestId("reveal-group-motion")).not.toHaveText("Not yet");
  await expect(dialog(page).getByTestId("assess-gauge")).toHaveCount(2);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: "artifacts/workshop-presenter-reveal-team.png" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.keyboard.press("Enter"); // Next person: Ben is offered first
  await expect(dialog(page).getByRole("button", { name: /^Ben/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await answerAllByKeys(page, (i, n) => (i % 3 === 0 ? n - 1 : 2));
  await page.keyboard.press("Escape");
  await expect(dialog(page)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Answer on the shared screen for Ana" })).toBeFocused();

  // The team's result beside each person's own.
  const results = page.getByTestId("workshop-results");
  await expect(results.getByRole("row")).toHaveCount(5); // head, team, three people
  await expect(page.getByTestId("group-row")).toContainText("The team (3 people)");
  for (const name of ["Ana", "Ben", "Cleo"]) await expect(results.getByRole("rowheader", { name })).toBeVisible();
  await expect(results.getByRole("row", { name: /Ana/ })).toContainText("Product-led");
  await expect(results.getByRole("row", { name: /Cleo/ })).toContainText("Sales-led");

  // Discuss first: three questions, marked.
  await expect(page.getByTestId("discuss-first").getByRole("listitem").filter({ hasText: "Discuss first" })).toHaveCount(3);

  // The heatmap: 6 factors × 3 people plus the team column, each with a title.
  const heatmap = page.getByTestId("workshop-heatmap");
  await expect(heatmap).toBeVisible();
  await expect(heatmap.locator("g.hm-cell")).toHaveCount(6 * 4);
  await expect(heatmap.locator("g.hm-cell > title")).toHaveCount(6 * 4);
  await expect(heatmap.locator("title").filter({ hasText: /^Ana, ACV and pricing: -\d+/ })).toHaveCount(1);
  await expect(heatmap.locator("g.hm-far")).not.toHaveCount(0);
  await page.getByText("The heatmap as a table").click();
  await expect(page.getByTestId("heatmap-table").getByRole("row")).toHaveCount(7);

  // Spread per question: who said what.
  const spreadSection = page.getByTestId("factor-spread-pricing");
  await spreadSection.getByText(/Who answered what/).click();
  await expect(spreadSection.getByTestId("spread-price_level")).toContainText("Ana");
  await expect(spreadSection.getByTestId("spread-price_level")).toContainText("Cleo");

  await page.screenshot({ path: "artifacts/workshop-page.png", fullPage: true });
  await heatmap.screenshot({ path: "artifacts/workshop-heatmap.png" });
  await page.getByLabel("Theme").selectOption("projector");
  await page.setViewportSize({ width: 1280, height: 720 });
  await heatmap.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "artifacts/workshop-heatmap-projector.png" });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "no horizontal scroll at 1280×720 in projector theme").toBeLessThanOrEqual(0);
  await page.getByLabel("Theme").selectOption("light");

  // Live weights: leaving out audience and pricing moves the team.
  const position = page.getByTestId("group-position");
  const before = await position.textContent();
  await expect(page.getByTestId("weights-group-position")).toHaveText(before!);
  const audience = page.locator("#ws-weight-audience");
  await audience.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowLeft");
  await expect(audience).toHaveValue("0");
  await expect(position).not.toHaveText(before!);
  await expect(page.getByTestId("weights-group-position")).toHaveText((await position.textContent())!);
  await expect(page.getByTestId("weights-source")).toContainText("Set here for this session");
  await waitForSaved(page, (doc) => doc?.data?.workshop?.facilitator_weights?.audience === 0);
  // The facilitator's Assess weights are untouched.
  expect((await stored(page)).data.assess.weights.audience).toBe(10);

  // Back to the Assess weights: the first position again.
  await page.getByRole("button", { name: "Use my Assess weights" }).click();
  await expect(position).toHaveText(before!);

  // Everything survives a reload.
  await waitForSaved(page, (doc) => doc?.data?.workshop?.facilitator_weights === null);
  await page.reload();
  await ready(page);
  await expect(page.getByTestId("group-position")).toHaveText(before!);
  await expect(page.getByTestId("workshop-heatmap")).toBeVisible();
});

test("a room split into two camps says so, names both motions and recommends neither", async ({ page }) => {
  await page.goto("/workshop");
  await ready(page);
  // Two people answer the most product-led way, two the most sales-led way,
  // one after another on the shared screen.
  const people: [string, "product" | "sales"][] = [
    ["Ana", "product"],
    ["Ben", "sales"],
    ["Cleo", "product"],
    ["Dan", "sales"],
  ];
  for (const [name] of people) await addPerson(page, name);
  await page.getByRole("button", { name: "Answer on the shared screen for Ana" }).click();
  for (let k = 0; k < people.length; k++) {
    const [name, side] = people[k];
    await expect(dialog(page).getByTestId("presenter-who")).toHaveText(name);
    await answerAllByKeys(page, (_i, n) => (side === "product" ? 1 : n - 1)); // n − 1: the last answer before "Not sure"
    await expect(dialog(page).getByRole("heading", { name: `${name}’s result` })).toBeVisible();
    if (k + 1 < people.length) {
      await expect(dialog(page).getByRole("button", { name: "Next person →" })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(dialog(page).getByRole("button", { name: new RegExp(`^${people[k + 1][0]}`) })).toBeFocused();
      await page.keyboard.press("Enter");
    }
  }
  // The reveal after the fourth person already says it.
  await expect(dialog(page).getByTestId("reveal-group-motion")).toHaveText("The room is split");
  await expect(dialog(page).getByText(/Product-led \(Ana, Cleo\) · Sales-led \(Ben, Dan\)/)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog(page)).toHaveCount(0);

  // On the page: the split, both camps with their members, no team motion.
  await expect(page.getByTestId("group-motion")).toHaveText("The room is split: Product-led and Sales-led");
  const split = page.getByTestId("room-split");
  await expect(split.getByRole("heading", { name: "The room is split" })).toBeVisible();
  const camps = split.getByTestId("room-camp");
  await expect(camps).toHaveCount(2);
  await expect(camps.nth(0)).toContainText("Product-led: Ana, Cleo");
  await expect(camps.nth(1)).toContainText("Sales-led: Ben, Dan");
  const team = page.getByRole("region", { name: "The team and each person" });
  await expect(team).not.toContainText("Hybrid");
  await expect(page.getByTestId("group-position")).toHaveCount(0);
  await expect(team.getByTestId("assess-gauge")).toHaveCount(0);
  await expect(page.getByTestId("group-confidence")).toHaveText(/^\d+%$/);
  await expect(split.getByTestId("room-confidence-formula")).toContainText("Team confidence");
  await expect(page.getByTestId("weights-group-motion")).toHaveText("split between Product-led and Sales-led");
  // The rest of the analysis is still there.
  await expect(page.getByTestId("workshop-heatmap")).toBeVisible();
  await expect(page.getByTestId("discuss-first")).toBeVisible();
  await split.screenshot({ path: "artifacts/workshop-split-room.png" });
});

test("participants: names are checked, renamed and removed after a confirmation, at most 12", async ({ page }) => {
  await page.goto("/workshop");
  await ready(page);
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.locator("#new-person-error")).toHaveText("Give the participant a name.");
  await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await addPerson(page, "Ana");
  await page.getByLabel("Name", { exact: true }).fill("ana");
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.locator("#new-person-error")).toContainText("is already taking part");

  // Rename with the keyboard; a clash is refused beside the field.
  await addPerson(page, "Ben");
  await page.getByRole("button", { name: "Rename Ben" }).click();
  const field = page.getByLabel("New name for Ben");
  await expect(field).toBeFocused();
  await field.fill("Ana");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "already taking part" })).toBeVisible();
  await field.fill("Bea");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Rename Bea" })).toBeFocused();

  // Remove asks first; Cancel keeps her.
  await page.getByRole("button", { name: "Remove Bea" }).click();
  await expect(page.getByRole("group", { name: "Confirm removing Bea" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Yes, remove" })).toBeFocused();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Remove Bea" })).toBeFocused();
  await page.getByRole("button", { name: "Remove Bea" }).click();
  await page.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByRole("list", { name: "Participants" }).getByRole("listitem")).toHaveCount(1);
  await waitForSaved(page, (doc) => doc?.data?.workshop?.participants?.length === 1);

  // Twelve at most.
  for (let i = 2; i <= 12; i++) await addPerson(page, `Person ${i}`);
  await expect(page.getByRole("button", { name: "Add person" })).toBeDisabled();
  await expect(page.getByText("The workshop is full (12 people)")).toBeVisible();

  // Presenter mode on a phone-sized screen still works and leaves by its button.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.getByRole("button", { name: "Start presenter mode" }).click();
  await expect(dialog(page).getByRole("heading", { name: "Who answers now?" })).toBeVisible();
  await dialog(page).getByRole("button", { name: /^Ana/ }).click();
  await page.keyboard.press("3");
  await expect(dialog(page).getByText(`Question 2 of ${QUESTIONS}`, { exact: true })).toBeVisible();
  await dialog(page).getByRole("button", { name: "Leave (Esc)" }).click();
  await expect(dialog(page)).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "no horizontal scroll on a phone").toBeLessThanOrEqual(0);
});
