//! The figures of a measurement as the page shows them: each value written
//! by [`crate::domain::format`] (in the file's currency), its formula from
//! [`super::formula`] and [`crate::domain::economics::formula`], the sums
//! behind it, and its benchmark reading from the same verdict functions the
//! rest of the app uses. A figure with no value says why.
//!
//! The page renders this list as it is. The browser test reads the texts
//! back into numbers and compares them with the sample's figures as a
//! plain reading of its rows gives them (`tests/e2e/specs/sample-figures.json`,
//! kept in step by `tests/measure.rs`).

use super::metrics::{formula, Figures, Measured, Pooled};
use super::seed::{money_cents_in, money_in};
use crate::domain::benchmarks::{source, Segment, NRR_MAX_PCT, NRR_TOP_DECILE_PCT};
use crate::domain::economics::{
    self, lifetime, verdict_ltv, verdict_ltv_cac, verdict_monthly_churn, verdict_payback_within,
    Level, Ltv, LtvCac, Payback, Share, Verdict,
};
use crate::domain::format;
use crate::domain::methods::MethodId;
use crate::domain::unit::Unit;

/// A value shown next to a figure (the annual equivalent of a churn rate,
/// GRR beside NRR).
#[derive(Clone, Debug, PartialEq)]
pub struct Companion {
    /// Its `data-testid`.
    pub id: &'static str,
    /// Its name.
    pub label: &'static str,
    /// The value written, or why there is none.
    pub value: Result<String, String>,
}

/// One figure of the Measure page.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The `data-testid` of the value, e.g. `measured-mrr`.
    pub id: &'static str,
    /// The figure's name.
    pub label: &'static str,
    /// The value written, or why there is none.
    pub value: Result<String, String>,
    /// Values shown beside it.
    pub companions: Vec<Companion>,
    /// The numbers behind it (the sums pooled, the month), when it has one.
    pub detail: Option<String>,
    /// How it is computed, one line each.
    pub formula: Vec<&'static str>,
    /// Its benchmark reading.
    pub verdict: Option<Verdict>,
    /// Its entry on "How the numbers are computed".
    pub method: MethodId,
}

/// A reading of a 12-month net revenue retention (%): below 100 the
/// customers of a year ago pay less in total than they did; above the top
/// decile ([`NRR_TOP_DECILE_PCT`]) it is exceptional; above
/// [`NRR_MAX_PCT`] no public SaaS company shows it, so the data deserves a
/// second look.
pub fn verdict_nrr(percent: f64) -> Verdict {
    let s = source::WORKBENCH_RULE;
    let v = |level, text: String| Verdict {
        level,
        text,
        source: s,
    };
    if percent > NRR_MAX_PCT {
        v(
            Level::Bad,
            format!(
                "Above {}: no public SaaS company keeps this; check the file's amounts and dates.",
                format::percent(NRR_MAX_PCT, 0)
            ),
        )
    } else if percent > NRR_TOP_DECILE_PCT {
        v(
            Level::Good,
            format!(
                "Above {}: top-decile expansion from the customers you keep.",
                format::percent(NRR_TOP_DECILE_PCT, 0)
            ),
        )
    } else if percent >= 100.0 {
        v(
            Level::Good,
            format!(
                "{} or more: the customers of a year ago pay more in total than they did, churn included.",
                format::percent(100.0, 0)
            ),
        )
    } else {
        v(
            Level::Warn,
            format!(
                "Below {}: the customers of a year ago pay less in total than they did; growth has to make up for it.",
                format::percent(100.0, 0)
            ),
        )
    }
}

/// Which segment's bands an ARPA (dollars a month) is read against
/// ([`Segment::from_arpa`]), with those bands: the same segments the
/// simulator's churn and payback readings use.
pub fn verdict_arpa_segment(arpa_per_month: f64) -> Verdict {
    let segment = Segment::from_arpa(arpa_per_month);
    Verdict {
        level: Level::Ok,
        text: format!(
            "Priced like a {} product: its churn band is {} a month and its CAC payback band {} months.",
            segment.label(),
            segment.churn_text(),
            segment.payback().span()
        ),
        source: source::CHURN_BANDS,
    }
}

/// Whether amounts in `currency` can be read against the dollar bands.
fn in_dollars(currency: &str) -> bool {
    let c = currency.trim();
    c.is_empty() || c.eq_ignore_ascii_case("usd")
}

fn why<T>(m: &Measured<T>) -> String {
    match m {
        Measured::Unavailable(u) => u.to_string(),
        Measured::Value(_) => String::new(),
    }
}

fn monthly(p: &Pooled) -> String {
    format::in_unit(p.rate.percent(), Unit::PercentPerMonth, 2)
}

fn annual(p: &Pooled) -> String {
    format!("{} a year", format::percent(p.annual().percent(), 1))
}

fn pooled_months(p: &Pooled) -> String {
    if p.months == 1 {
        "1 month".to_string()
    } else {
        format!("{} months", p.months)
    }
}

fn ltv_text(value: Ltv, currency: &str) -> String {
    money_in(value.dollars(), currency)
}

fn payback_text(value: Payback) -> String {
    match value {
        Payback::Months(m) => format::months(m, 1),
        Payback::Never => "Never".to_string(),
    }
}

/// The figures of the page, in the order shown: customers, MRR, ARPA, new
/// customers a month, logo churn, gross MRR churn, expansion, contraction,
/// NRR (with GRR), CAC, CAC payback, LTV (with LTV over 5 years) and
/// LTV:CAC. Money is in `currency`; LTV and payback use `gross_margin`.
pub fn readout(f: &Figures, currency: &str, gross_margin: Share) -> Vec<Figure> {
    let month = f.month.label();
    let mut out = Vec::new();
    out.push(Figure {
        id: "measured-customers",
        label: "Active customers",
        value: Ok(format::count(f64::from(f.customers))),
        companions: Vec::new(),
        detail: Some(format!("At the end of {month}, the last complete month.")),
        formula: vec![formula::CUSTOMERS, formula::LAST_COMPLETE_MONTH],
        verdict: None,
        method: MethodId::MeasuredMrr,
    });
    out.push(Figure {
        id: "measured-mrr",
        label: "MRR",
        value: Ok(money_in(f.mrr, currency)),
        companions: vec![Companion {
            id: "measured-arr",
            label: "ARR (12 × MRR)",
            value: Ok(money_in(f.mrr * 12.0, currency)),
        }],
        detail: Some(format!("At the end of {month}.")),
        formula: vec![formula::MRR],
        verdict: None,
        method: MethodId::MeasuredMrr,
    });
    out.push(Figure {
        id: "measured-arpa",
        label: "ARPA (per month)",
        value: match &f.arpa {
            Measured::Value(a) => Ok(money_cents_in(*a, currency)),
            other => Err(why(other)),
        },
        companions: Vec::new(),
        detail: None,
        formula: vec![formula::ARPA],
        verdict: match &f.arpa {
            Measured::Value(a) if in_dollars(currency) => Some(verdict_arpa_segment(*a)),
            _ => None,
        },
        method: MethodId::MeasuredMrr,
    });
    out.push(Figure {
        id: "measured-new-customers",
        label: "New customers a month",
        value: match &f.new_customers_per_month {
            Measured::Value(n) => Ok(format::number(*n, 1)),
            other => Err(why(other)),
        },
        companions: Vec::new(),
        detail: None,
        formula: vec![formula::NEW_PER_MONTH],
        verdict: None,
        method: MethodId::MeasuredCac,
    });
    let churn = f.logo_churn.value().copied();
    out.push(Figure {
        id: "measured-logo-churn",
        label: "Monthly logo churn",
        value: churn
            .as_ref()
            .map(monthly)
            .ok_or_else(|| why(&f.logo_churn)),
        companions: vec![Companion {
            id: "measured-logo-churn-annual",
            label: "Annual equivalent",
            value: churn.as_ref().map(annual).ok_or_else(|| why(&f.logo_churn)),
        }],
        detail: churn.as_ref().map(|p| {
            format!(
                "{} customers lost ÷ {} customers active at the months' starts, over {}.",
                format::count(p.numerator),
                format::count(p.denominator),
                pooled_months(p)
            )
        }),
        formula: vec![formula::LOGO_CHURN, formula::ANNUAL_EQUIVALENT],
        verdict: churn.map(|p| verdict_monthly_churn(p.rate)),
        method: MethodId::MeasuredChurn,
    });
    let revenue = f.revenue_churn.value().copied();
    out.push(Figure {
        id: "measured-revenue-churn",
        label: "Gross MRR churn",
        value: revenue
            .as_ref()
            .map(monthly)
            .ok_or_else(|| why(&f.revenue_churn)),
        companions: vec![Companion {
            id: "measured-revenue-churn-annual",
            label: "Annual equivalent",
            value: revenue
                .as_ref()
                .map(annual)
                .ok_or_else(|| why(&f.revenue_churn)),
        }],
        detail: revenue.as_ref().map(|p| {
            format!(
                "{} of MRR lost ÷ {} of MRR at the months' starts, over {}.",
                money_in(p.numerator, currency),
                money_in(p.denominator, currency),
                pooled_months(p)
            )
        }),
        formula: vec![formula::REVENUE_CHURN, formula::ANNUAL_EQUIVALENT],
        verdict: None,
        method: MethodId::MeasuredChurn,
    });
    for (id, label, rate, text) in [
        (
            "measured-expansion",
            "Monthly expansion",
            &f.expansion,
            formula::EXPANSION,
        ),
        (
            "measured-contraction",
            "Monthly contraction",
            &f.contraction,
            formula::CONTRACTION,
        ),
    ] {
        out.push(Figure {
            id,
            label,
            value: rate.value().map(monthly).ok_or_else(|| why(rate)),
            companions: Vec::new(),
            detail: rate.value().map(|p| {
                format!(
                    "{} ÷ {} of MRR at the months' starts, over {}.",
                    money_in(p.numerator, currency),
                    money_in(p.denominator, currency),
                    pooled_months(p)
                )
            }),
            formula: vec![text],
            verdict: None,
            method: MethodId::MeasuredChurn,
        });
    }
    out.push(Figure {
        id: "measured-nrr",
        label: "Net revenue retention (12 months)",
        value: match &f.nrr {
            Measured::Value(r) => Ok(format::percent(r.value * 100.0, 1)),
            other => Err(why(other)),
        },
        companions: vec![Companion {
            id: "measured-grr",
            label: "Gross revenue retention (12 months)",
            value: match &f.grr {
                Measured::Value(r) => Ok(format::percent(r.value * 100.0, 1)),
                other => Err(why(other)),
            },
        }],
        detail: f.nrr.value().map(|r| {
            format!(
                "{} now ÷ {} twelve months earlier, from the same customers.",
                money_in(r.numerator, currency),
                money_in(r.denominator, currency)
            )
        }),
        formula: vec![formula::NRR, formula::GRR],
        verdict: f.nrr.value().map(|r| verdict_nrr(r.value * 100.0)),
        method: MethodId::MeasuredRetention,
    });
    out.push(Figure {
        id: "measured-cac",
        label: "CAC",
        value: match &f.cac {
            Measured::Value(c) => Ok(money_in(c.per_customer, currency)),
            other => Err(why(other)),
        },
        companions: Vec::new(),
        detail: f.cac.value().map(|c| {
            format!(
                "{} of spend ÷ {} customers won, over {}.",
                money_in(c.spend, currency),
                format::count(c.new_customers as f64),
                format::months(f64::from(c.months), 0)
            )
        }),
        formula: vec![formula::CAC],
        verdict: None,
        method: MethodId::MeasuredCac,
    });
    let life = churn.map(|p| lifetime(p.rate));
    let payback = f.payback(gross_margin);
    out.push(Figure {
        id: "measured-payback",
        label: "CAC payback",
        value: match &payback {
            Measured::Value(p) => Ok(payback_text(*p)),
            other => Err(why(other)),
        },
        companions: Vec::new(),
        detail: Some(format!(
            "With a gross margin of {}.",
            format::percent(gross_margin.percent(), 1)
        )),
        formula: vec![economics::formula::PAYBACK, economics::formula::LIFETIME],
        verdict: match (&payback, life) {
            (Measured::Value(p), Some(l)) => Some(verdict_payback_within(*p, l)),
            (Measured::Value(p), None) => Some(economics::verdict_payback(*p)),
            _ => None,
        },
        method: MethodId::Payback,
    });
    let ltv = f.ltv(gross_margin);
    let five = f.ltv_five_years(gross_margin);
    out.push(Figure {
        id: "measured-ltv",
        label: "LTV",
        value: match &ltv {
            Measured::Value(v) => Ok(ltv_text(*v, currency)),
            other => Err(why(other)),
        },
        companions: vec![Companion {
            id: "measured-ltv-five-years",
            label: "LTV over 5 years",
            value: match &five {
                Measured::Value(v) => Ok(money_in(*v, currency)),
                other => Err(why(other)),
            },
        }],
        detail: Some(match &ltv {
            Measured::Value(Ltv::Capped(_)) => format!(
                "Capped at 60 months of gross profit: churn is not above net expansion. Gross margin {}.",
                format::percent(gross_margin.percent(), 1)
            ),
            _ => format!(
                "With a gross margin of {}.",
                format::percent(gross_margin.percent(), 1)
            ),
        }),
        formula: vec![
            economics::formula::LTV,
            formula::LTV_RATES,
            economics::formula::LTV_FIVE_YEARS,
        ],
        verdict: ltv.value().map(|v| verdict_ltv(*v)),
        method: MethodId::Ltv,
    });
    let ratio = match (&ltv, &f.cac) {
        (Measured::Value(l), Measured::Value(c)) => {
            Measured::Value(economics::ltv_cac(*l, c.per_customer))
        }
        (Measured::Unavailable(u), _) | (_, Measured::Unavailable(u)) => {
            Measured::Unavailable(u.clone())
        }
    };
    out.push(Figure {
        id: "measured-ltv-cac",
        label: "LTV:CAC",
        value: match &ratio {
            Measured::Value(LtvCac::Ratio(r)) => Ok(format::number(*r, 2)),
            Measured::Value(LtvCac::FreeAcquisition) => Ok("No CAC".to_string()),
            other => Err(why(other)),
        },
        companions: Vec::new(),
        detail: None,
        formula: vec![economics::formula::LTV_CAC],
        verdict: ratio.value().map(|r| verdict_ltv_cac(*r)),
        method: MethodId::LtvCac,
    });
    out
}

/// The figures as `(data-testid, text)` pairs, companions included: what
/// the browser test compares the page with.
pub fn texts(figures: &[Figure]) -> Vec<(&'static str, String)> {
    let text = |v: &Result<String, String>| match v {
        Ok(t) => t.clone(),
        Err(e) => e.clone(),
    };
    let mut out = Vec::new();
    for f in figures {
        out.push((f.id, text(&f.value)));
        for c in &f.companions {
            out.push((c.id, text(&c.value)));
        }
    }
    out
}
