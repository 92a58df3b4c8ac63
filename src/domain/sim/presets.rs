//! One starting scenario per motion, with every input at a level inside the
//! public benchmark bands of PRODUCT.md §3 (see
//! [`crate::domain::benchmarks::table`]):
//! freemium-to-paid 2–5 %, PQL-to-paid 5–15 %, monthly logo churn SMB 3–7 %,
//! mid-market 1.5–3 %, enterprise under 1–2 %, gross margin 70–85 %, CAC
//! payback SMB 5–12 months, mid-market 12–18, enterprise 18–24, LTV:CAC
//! around 3 or more. Prices follow the product's own bands: under $100 per
//! customer per month points to product-led, $100–1000 to a hybrid, above
//! $1000 to sales-led.
//!
//! They are starting points, not forecasts: the user replaces them with
//! their own numbers.

use super::inputs::{
    Billing, SalesAssistInputs, SalesLedInputs, ScenarioInputs, SelfServeInputs,
    DEFAULT_MARKET_ACCOUNTS,
};
use crate::domain::motion::Motion;

/// Three years: long enough to see payback and the cash trough of every
/// motion, short enough to stay believable.
const HORIZON_MONTHS: u32 = 36;

fn self_serve_off() -> SelfServeInputs {
    SelfServeInputs {
        enabled: false,
        ..plg_self_serve()
    }
}

fn sales_assist_off() -> SalesAssistInputs {
    SalesAssistInputs {
        enabled: false,
        ..pql_assist()
    }
}

fn sales_led_off() -> SalesLedInputs {
    SalesLedInputs {
        enabled: false,
        ..enterprise_sales()
    }
}

/// A small-business self-serve product: $50 a month (under the $100 PLG
/// band), freemium conversion 4 % (2–5 %), SMB churn 3.5 % a month (3–7 %).
/// Gives CAC payback just under 12 months and LTV:CAC around 3.5.
fn plg_self_serve() -> SelfServeInputs {
    SelfServeInputs {
        enabled: true,
        acquisition_spend_per_month: 20_000.0,
        cost_per_signup: 20.0,
        organic_signups_per_month: 1_500.0,
        viral_coefficient: 0.2,
        market_accounts: DEFAULT_MARKET_ACCOUNTS,
        activation_pct: 35.0,
        free_to_paid_pct: 4.0,
        conversion_lag_months: 1,
        arpa_per_month: 50.0,
        churn_pct: 3.5,
        expansion_pct: 1.0,
    }
}

/// A sales-assist team working product-qualified leads: 5 % of activated
/// accounts flagged, 40 % become opportunities, 25 % of those win —
/// 10 % PQL-to-paid (5–15 %), at $500 a month (the hybrid price band).
fn pql_assist() -> SalesAssistInputs {
    SalesAssistInputs {
        enabled: true,
        pql_pct: 5.0,
        pql_to_opportunity_pct: 40.0,
        win_pct: 25.0,
        arpa_per_month: 500.0,
        cost_per_month: 25_000.0,
    }
}

/// A field team selling $80,000-a-year contracts with a six-month cycle,
/// enterprise churn 0.8 % a month (under 1–2 %) and expansion of 1 % a month
/// (net revenue retention above 100 %, so LTV is capped at 60 months of
/// gross profit), payback near the enterprise band of 18–24 months.
fn enterprise_sales() -> SalesLedInputs {
    SalesLedInputs {
        enabled: true,
        pipeline_spend_per_month: 60_000.0,
        cost_per_opportunity: 8_000.0,
        win_pct: 24.0,
        sales_cycle_months: 6,
        acv_per_year: 80_000.0,
        account_executives: 4,
        ae_loaded_cost_per_year: 250_000.0,
        ae_capacity_deals_per_month: 0.5,
        ae_ramp_months: 6,
        churn_pct: 0.8,
        expansion_pct: 1.0,
    }
}

/// A mid-market team selling $30,000-a-year contracts with a four-month
/// cycle, churn 2 % a month (1.5–3 %), payback in the mid-market band.
fn mid_market_sales() -> SalesLedInputs {
    SalesLedInputs {
        enabled: true,
        pipeline_spend_per_month: 40_000.0,
        cost_per_opportunity: 2_500.0,
        win_pct: 20.0,
        sales_cycle_months: 4,
        acv_per_year: 30_000.0,
        account_executives: 4,
        ae_loaded_cost_per_year: 180_000.0,
        ae_capacity_deals_per_month: 1.5,
        ae_ramp_months: 4,
        churn_pct: 2.0,
        expansion_pct: 0.5,
    }
}

/// The starting scenario for a motion:
/// - product-led: self-serve only;
/// - product-led with sales assist: self-serve plus a PQL team;
/// - freemium-to-enterprise hybrid: all three channels, a mid-market field
///   team on top of the free product;
/// - sales-led with product adoption: a mid-market field team whose
///   customers churn less and expand more because the product spreads
///   after the sale;
/// - sales-led: an enterprise field team, annual prepaid contracts.
pub fn preset(motion: Motion) -> ScenarioInputs {
    let base = ScenarioInputs {
        horizon_months: HORIZON_MONTHS,
        billing: Billing::Monthly,
        gross_margin_pct: 80.0,
        self_serve: self_serve_off(),
        sales_assist: sales_assist_off(),
        sales_led: sales_led_off(),
    };
    match motion {
        Motion::ProductLed => ScenarioInputs {
            self_serve: plg_self_serve(),
            ..base
        },
        Motion::ProductLedSalesAssist => ScenarioInputs {
            self_serve: SelfServeInputs {
                arpa_per_month: 60.0,
                churn_pct: 3.0,
                ..plg_self_serve()
            },
            sales_assist: pql_assist(),
            ..base
        },
        Motion::HybridFreemiumEnterprise => ScenarioInputs {
            self_serve: plg_self_serve(),
            sales_assist: pql_assist(),
            sales_led: mid_market_sales(),
            ..base
        },
        Motion::SalesLedProductAdoption => ScenarioInputs {
            gross_margin_pct: 78.0,
            sales_led: SalesLedInputs {
                churn_pct: 1.8,
                expansion_pct: 0.6,
                ..mid_market_sales()
            },
            ..base
        },
        Motion::SalesLed => ScenarioInputs {
            gross_margin_pct: 75.0,
            billing: Billing::AnnualPrepaid,
            sales_led: enterprise_sales(),
            ..base
        },
    }
}
