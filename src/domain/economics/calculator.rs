//! The quick unit-economics calculator: its five inputs (saved), their
//! ranges, labels and help, and every output with its benchmark reading.

use serde::{Deserialize, Serialize};

use super::formulas::{
    cac_payback, discounted_ltv, gross_profit_per_month, lifetime, ltv, ltv_cac, ltv_five_years,
    revenue_payback,
};
use super::outcomes::{Lifetime, Ltv, LtvCac, Payback};
use super::quantities::{AnnualRate, MonthlyRate, Share};
use super::verdicts::{
    verdict_ltv, verdict_ltv_cac, verdict_monthly_churn, verdict_payback_within, Verdict,
};
use crate::domain::input::{check, FieldError, InputError, Range, Unit};

/// Accepted monthly expansion, % of the month's starting MRR, in the quick
/// calculator and in every simulator channel: above 20 % a month an account
/// would grow about ninefold a year, which no real customer base does.
pub const EXPANSION_RANGE: Range = Range::new(0.0, 20.0).in_unit(Unit::PercentPerMonth);

/// Checks a number (already parsed) against a range, with the messages of
/// [`Range::read`]: for values set directly (sliders, generated inputs).
/// The same check as [`Range::check`].
///
/// # Errors
/// [`InputError`] when the value is not finite, outside the range, or not
/// whole where a whole number is required.
pub fn check_input(value: f64, range: Range) -> Result<(), InputError> {
    range.check(value).map(|_| ())
}

/// Whether the churn figure the user typed is per month or per year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChurnBasis {
    /// Percent of customers lost per month.
    #[default]
    Monthly,
    /// Percent of customers lost per year, converted with
    /// monthly = 1 − (1 − annual)^(1/12).
    Annual,
}

/// One input of the quick calculator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitField {
    /// Average revenue per account, $/month.
    Arpa,
    /// Gross margin, %.
    GrossMargin,
    /// Churn, % per month or per year depending on [`ChurnBasis`].
    Churn,
    /// Expansion, % of MRR per month.
    Expansion,
    /// Customer acquisition cost, $.
    Cac,
}

impl UnitField {
    /// All inputs, in screen order.
    pub const ALL: [UnitField; 5] = [
        UnitField::Arpa,
        UnitField::GrossMargin,
        UnitField::Churn,
        UnitField::Expansion,
        UnitField::Cac,
    ];

    /// The label shown on the field, with its unit. The churn label depends
    /// on the basis.
    pub fn label(self, basis: ChurnBasis) -> &'static str {
        match (self, basis) {
            (UnitField::Arpa, _) => "ARPA ($/month)",
            (UnitField::GrossMargin, _) => "Gross margin (%)",
            (UnitField::Churn, ChurnBasis::Monthly) => "Monthly churn (%)",
            (UnitField::Churn, ChurnBasis::Annual) => "Annual churn (%)",
            (UnitField::Expansion, _) => "Monthly expansion (%)",
            (UnitField::Cac, _) => "CAC ($)",
        }
    }

    /// A stable identifier, also the serde name of the stored field.
    pub fn slug(self) -> &'static str {
        match self {
            UnitField::Arpa => "arpa_per_month",
            UnitField::GrossMargin => "gross_margin_pct",
            UnitField::Churn => "churn_pct",
            UnitField::Expansion => "expansion_pct",
            UnitField::Cac => "cac",
        }
    }

    /// The accepted range.
    pub fn range(self) -> Range {
        match self {
            UnitField::Arpa => Range::new(0.0, 1_000_000.0).in_unit(Unit::DollarsPerMonth),
            UnitField::GrossMargin | UnitField::Churn => {
                Range::new(0.0, 100.0).in_unit(Unit::Percent)
            }
            UnitField::Expansion => EXPANSION_RANGE,
            UnitField::Cac => Range::new(0.0, 100_000_000.0).in_unit(Unit::Dollars),
        }
    }

    /// One line of help for the field.
    pub fn help(self) -> &'static str {
        match self {
            UnitField::Arpa => "Average recurring revenue per paying account each month.",
            UnitField::GrossMargin => {
                "Share of revenue left after hosting, support and other costs of serving customers."
            }
            UnitField::Churn => "Share of paying accounts that cancel in a period.",
            UnitField::Expansion => {
                "Upgrades and added seats each month, as a share of the month's starting MRR."
            }
            UnitField::Cac => "All sales and marketing cost divided by the new customers it won.",
        }
    }
}

/// The quick unit-economics calculator's inputs, as typed. Saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitInputs {
    /// Average revenue per account, $/month.
    pub arpa_per_month: f64,
    /// Gross margin, % (0–100).
    pub gross_margin_pct: f64,
    /// Churn, % (0–100) per month or per year, see `churn_basis`.
    pub churn_pct: f64,
    /// Whether `churn_pct` is per month or per year.
    pub churn_basis: ChurnBasis,
    /// Expansion, % of MRR per month (0–100).
    pub expansion_pct: f64,
    /// Customer acquisition cost, $.
    pub cac: f64,
}

impl Default for UnitInputs {
    /// A typical SMB/mid-market SaaS: $100 a month at 80 % margin, 3 % monthly
    /// churn, 0.5 % expansion, $900 CAC (LTV:CAC ≈ 3.6, payback ≈ 11 months).
    fn default() -> Self {
        UnitInputs {
            arpa_per_month: 100.0,
            gross_margin_pct: 80.0,
            churn_pct: 3.0,
            churn_basis: ChurnBasis::Monthly,
            expansion_pct: 0.5,
            cac: 900.0,
        }
    }
}

impl UnitInputs {
    /// The value of one field.
    pub fn get(&self, field: UnitField) -> f64 {
        match field {
            UnitField::Arpa => self.arpa_per_month,
            UnitField::GrossMargin => self.gross_margin_pct,
            UnitField::Churn => self.churn_pct,
            UnitField::Expansion => self.expansion_pct,
            UnitField::Cac => self.cac,
        }
    }

    /// Sets one field after checking its range; the state is unchanged on
    /// error.
    ///
    /// # Errors
    /// [`InputError`] when the value is not finite or outside
    /// [`UnitField::range`].
    pub fn set(&mut self, field: UnitField, value: f64) -> Result<(), InputError> {
        check_input(value, field.range())?;
        match field {
            UnitField::Arpa => self.arpa_per_month = value,
            UnitField::GrossMargin => self.gross_margin_pct = value,
            UnitField::Churn => self.churn_pct = value,
            UnitField::Expansion => self.expansion_pct = value,
            UnitField::Cac => self.cac = value,
        }
        Ok(())
    }

    /// Switches between monthly and annual churn entry, converting the typed
    /// figure so the economics stay the same.
    pub fn set_churn_basis(&mut self, basis: ChurnBasis) {
        if basis == self.churn_basis {
            return;
        }
        let monthly = self.monthly_churn();
        self.churn_pct = match basis {
            ChurnBasis::Monthly => monthly.percent(),
            ChurnBasis::Annual => monthly.to_annual().percent(),
        };
        self.churn_basis = basis;
    }

    /// Checks every value against its range.
    ///
    /// # Errors
    /// The first [`FieldError`], naming the field by its slug.
    pub fn validate(&self) -> Result<(), FieldError> {
        for field in UnitField::ALL {
            check(field.slug(), self.get(field), field.range())?;
        }
        Ok(())
    }

    /// Monthly churn, converted from annual when it was entered that way.
    pub fn monthly_churn(&self) -> MonthlyRate {
        match self.churn_basis {
            ChurnBasis::Monthly => MonthlyRate::from_percent(self.churn_pct),
            ChurnBasis::Annual => AnnualRate::from_percent(self.churn_pct).to_monthly(),
        }
    }

    /// The discounted LTV at an annual discount rate in % (see
    /// [`discounted_ltv`]).
    pub fn discounted_ltv(&self, annual_discount_pct: f64) -> Ltv {
        discounted_ltv(
            self.arpa_per_month,
            Share::from_percent(self.gross_margin_pct),
            self.monthly_churn(),
            MonthlyRate::from_percent(self.expansion_pct),
            annual_discount_pct,
        )
    }

    /// Every output of the calculator.
    pub fn evaluate(&self) -> UnitEconomics {
        let gm = Share::from_percent(self.gross_margin_pct);
        let churn = self.monthly_churn();
        let expansion = MonthlyRate::from_percent(self.expansion_pct);
        let value = ltv(self.arpa_per_month, gm, churn, expansion);
        UnitEconomics {
            monthly_churn: churn,
            annual_churn: churn.to_annual(),
            gross_profit_per_month: gross_profit_per_month(self.arpa_per_month, gm),
            ltv: value,
            ltv_five_years: ltv_five_years(self.arpa_per_month, gm, churn, expansion),
            lifetime: lifetime(churn),
            ltv_cac: ltv_cac(value, self.cac),
            payback: cac_payback(self.cac, self.arpa_per_month, gm),
            revenue_payback: revenue_payback(self.cac, self.arpa_per_month),
        }
    }
}

/// Outputs of the quick calculator. All numbers finite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitEconomics {
    /// Monthly churn used (converted when entered as annual).
    pub monthly_churn: MonthlyRate,
    /// The same churn per year, to show beside the input.
    pub annual_churn: AnnualRate,
    /// ARPA × gross margin, $/month.
    pub gross_profit_per_month: f64,
    /// Lifetime value, dollars of gross profit.
    pub ltv: Ltv,
    /// One customer's gross profit over 60 months, month by month.
    pub ltv_five_years: f64,
    /// 1 ÷ monthly churn.
    pub lifetime: Lifetime,
    /// LTV ÷ CAC.
    pub ltv_cac: LtvCac,
    /// CAC ÷ (ARPA × gross margin), months.
    pub payback: Payback,
    /// CAC ÷ ARPA, months — the labelled alternative.
    pub revenue_payback: Payback,
}

impl UnitEconomics {
    /// Benchmark reading of [`UnitEconomics::ltv_cac`].
    pub fn ltv_cac_verdict(&self) -> Verdict {
        verdict_ltv_cac(self.ltv_cac)
    }
    /// Benchmark reading of [`UnitEconomics::payback`], judged against the
    /// customer lifetime too.
    pub fn payback_verdict(&self) -> Verdict {
        verdict_payback_within(self.payback, self.lifetime)
    }
    /// Benchmark reading of the churn behind [`UnitEconomics::lifetime`].
    pub fn churn_verdict(&self) -> Verdict {
        verdict_monthly_churn(self.monthly_churn)
    }
    /// Reading of [`UnitEconomics::ltv`] (says when it is capped).
    pub fn ltv_verdict(&self) -> Verdict {
        verdict_ltv(self.ltv)
    }
}
