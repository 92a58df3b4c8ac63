import { test, expect, ready, stored, waitForSaved } from "./fixtures";

// Numbers are read the way people type them (PRODUCT.md, "Conventions"):
// a decimal comma is a decimal, a comma before three digits separates
// thousands, and a unit that does not fit the field is refused.

test("a decimal comma in the churn field is read as 1.5%, not 15%", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  const churn = page.getByRole("textbox", { name: "Self-serve churn (%/month)", exact: true });

  await churn.fill("1,5");
  await expect(churn).toHaveAttribute("aria-invalid", "false");
  await expect(page.getByText("read as 1.5%", { exact: true })).toBeVisible();
  await expect(churn).toHaveAccessibleDescription(/read as 1\.5%/);
  // The benchmark reading beside the field follows 1.5% a month.
  await expect(page.getByTestId("reading-self_serve.churn_pct")).toContainText("enterprise-grade retention");
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.self_serve?.churn_pct === 1.5);

  // Leaving the field shows the stored value the plain way; nothing left to explain.
  await churn.blur();
  await expect(churn).toHaveValue("1.5");
  await expect(page.getByText("read as 1.5%", { exact: true })).toHaveCount(0);

  // A thousands comma in a money field, and the limit written in the field's unit.
  const acv = page.getByRole("textbox", { name: "ACV ($/year)", exact: true });
  await acv.fill("24,000");
  await expect(page.getByText("read as $24,000", { exact: true })).toBeVisible();
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.sales_led?.acv_per_year === 24000);
  await churn.fill("150");
  await expect(page.getByText("Must be at most 100% a month.")).toBeVisible();
});

test("a percent sign in a dollar field is refused beside it and changes nothing", async ({ page }) => {
  await page.goto("/simulate");
  await ready(page);
  const arpa = page.getByRole("textbox", { name: "Self-serve ARPA ($/month)", exact: true });
  await arpa.fill("80");
  await waitForSaved(page, (doc) => doc?.data?.simulate?.inputs?.self_serve?.arpa_per_month === 80);
  const before = (await stored(page))?.data?.simulate?.inputs;

  await arpa.fill("50%");
  await expect(arpa).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("This field is in dollars; leave out the %.")).toBeVisible();
  await expect(arpa).toHaveAccessibleDescription(/This field is in dollars; leave out the %\./);

  const win = page.getByRole("textbox", { name: "Win rate (%)", exact: true });
  await win.fill("$5");
  await expect(page.getByText("This field is in percent; leave out the $.")).toBeVisible();

  const ambiguous = page.getByRole("textbox", { name: "Pipeline spend ($/month)", exact: true });
  await ambiguous.fill("1,2,3");
  await expect(page.getByText("“1,2,3” can be read more than one way; write it like 1234.5 or 1,234.5.")).toBeVisible();

  // Nothing reached the saved scenario.
  await page.waitForTimeout(600);
  expect((await stored(page))?.data?.simulate?.inputs).toEqual(before);
});
