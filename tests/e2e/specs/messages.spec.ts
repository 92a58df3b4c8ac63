import { test, expect, ready, stored, waitForSaved } from "./fixtures";

/** The saved document with `change` applied to a copy of its data. */
async function documentWith(page: any, change: (data: any) => void): Promise<string> {
  const doc = await stored(page);
  const copy = JSON.parse(JSON.stringify(doc));
  change(copy.data);
  return JSON.stringify(copy);
}

async function importFile(page: any, name: string, content: string) {
  await page.getByText("Data", { exact: true }).click();
  await page.getByTestId("import-file").setInputFiles({
    name,
    mimeType: "application/json",
    buffer: Buffer.from(content),
  });
}

const JARGON = [/invalid type/, /expected f64/, /\bu32\b/, /column \d/, /\bEOF\b/, /`/];

test("import errors say what is wrong and where, in the person's terms, and the menu gets out of the way", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  await page.getByLabel("Theme").selectOption("dark");
  await waitForSaved(page, (doc) => doc?.data?.theme === "dark");
  const before = await stored(page);
  const notice = page.locator('[data-notice="import"]');
  const menu = page.getByRole("group", { name: "Share a link" });

  const lots = await documentWith(page, (d) => (d.simulate.inputs.self_serve.arpa_per_month = "lots"));
  await importFile(page, "lots.json", lots);
  await expect(notice).toContainText(
    "lots.json was not imported, and nothing was changed: the value for Self-serve ARPA ($/month) in the current scenario (Simulate) is text (“lots”); it must be a number.",
  );
  // The menu closed, so the message is not covered, and the focus is back on its button.
  await expect(menu).toBeHidden();
  await expect(page.getByText("Data", { exact: true })).toBeFocused();
  await expect(notice).toBeVisible();

  const cases: Array<[string, string, RegExp]> = [
    ["tab.json", '{"version": 3, "data": {"theme": "da\trk"}}', /line 1, character \d+ has a tab, line break or other control character/],
    ["cut.json", '{"version": 3, "data": {"theme": ', /cut off/],
    ["rule.json", await documentWith(page, (d) => (d.plan.rules[1].share_pct = "half")), /share of accounts \(%\) of playbook rule 2 \(Plan\) is text/],
    ["theme.json", await documentWith(page, (d) => (d.theme = "purple")), /the theme is “purple”, which the app does not know; it must be one of: light, dark, projector/],
    ["range.json", await documentWith(page, (d) => (d.simulate.inputs.self_serve.churn_pct = 150)), /Self-serve churn \(%\/month\) in the current scenario \(Simulate\) is out of range: 150%/],
  ];
  for (const [name, content, message] of cases) {
    await importFile(page, name, content);
    await expect(notice, name).toContainText(`${name} was not imported`);
    await expect(notice, name).toContainText(message);
    const text = (await notice.textContent())!;
    for (const jargon of JARGON) expect(text, `${name}: ${jargon}`).not.toMatch(jargon);
    await expect(menu).toBeHidden();
  }
  expect(await stored(page)).toEqual(before);
});

test("a long paste is quoted a few characters at most", async ({ page }) => {
  await page.goto("/assess");
  await ready(page);
  await page.getByLabel("Theme").selectOption("dark");
  await waitForSaved(page, (doc) => doc?.data?.theme === "dark");
  const paste = Array.from({ length: 30 }, (_, i) => `line ${i}: forty thousand a year, roughly`).join("\n");
  const content = await documentWith(page, (d) => (d.simulate.inputs.sales_led.acv_per_year = paste));
  await importFile(page, "paste.json", content);
  const notice = page.locator('[data-notice="import"]');
  await expect(notice).toContainText("ACV ($/year) in the current scenario (Simulate) is text");
  const text = (await notice.textContent())!;
  expect(text.length).toBeLessThan(260);
  const quoted = text.split("“")[1].split("”")[0];
  expect(quoted.length).toBeLessThanOrEqual(25);
  expect(text).not.toContain("line 1:");
  // One line on screen, not a block of the paste.
  const box = (await notice.boundingBox())!;
  expect(box.height).toBeLessThan(120);
});

test("limits are written in the field's unit and units that do not fit are refused (already done: verified)", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  const acv = page.locator("#sales_led\\.acv_per_year");
  await acv.fill("20000000000");
  await acv.blur();
  await expect(page.getByText(/Must be at most \$[\d,.]+ (million|billion)/).first()).toBeVisible();
  await acv.fill("50%");
  await acv.blur();
  await expect(page.getByText(/leave out the %/).first()).toBeVisible();
});
