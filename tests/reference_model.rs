//! An independent reference model (issue 11, "How to prove it").
//!
//! The reference below is written from `MODEL_SPEC.md` (the binding reading
//! of PRODUCT.md and issue 11) without looking at the production model: it
//! reads the inputs through the public field table only (`FieldId::spec()`,
//! `ScenarioInputs::get`), keeps one vector per monthly quantity, keeps a
//! list of cohorts for annual prepaid billing, and recomputes every sum with
//! a plain loop. Property tests then compare it with `simulate` month by month
//! and figure by figure over random valid scenarios (both billings, every
//! channel mix including all off, horizons 12–60). Any difference beyond
//! rounding fails.
//!
//! The reference is itself checked: a few tiny scenarios are worked by hand
//! in comments, and the unit-economics formulas are checked against worked
//! examples published by others (each test names its source).
//!
//! Tolerance: relative 1e-9 of the larger of the two values, or of the
//! magnitude of the terms a figure is a difference of (net cash, cumulative
//! cash, net new ARR, churn − expansion), plus 1e-9 absolute for values near
//! zero. Yes/no figures that sit within that tolerance of their threshold
//! (a trough that is a tie, a month that only just breaks even) are not
//! asserted — rounding may tip them either way.
#![cfg(not(target_arch = "wasm32"))]
// Loop-by-loop over month indices is the point of this file: every month's
// value is read at `t`, `t − 1` or `t − lag` of several vectors at once.
#![allow(clippy::needless_range_loop)]

use gtm_workbench::domain::economics::{
    self, AnnualRate, Lifetime, Ltv, LtvCac, MonthlyRate, Payback, Share,
};
use gtm_workbench::domain::motion::Motion;
use gtm_workbench::domain::sim::{
    fields, preset, simulate, Billing, CashPayback, Channel, FieldId, MagicNumber, Projection,
    ScenarioInputs,
};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

// ===========================================================================
// The reference model
// ===========================================================================

/// Channel indices into the reference's per-channel arrays.
const SS: usize = 0;
const SA: usize = 1;
const SL: usize = 2;
const CHANNELS: [Channel; 3] = [Channel::SelfServe, Channel::SalesAssist, Channel::SalesLed];

/// Months of gross profit the LTV cap stands for (spec §4).
const CAP_MONTHS: usize = 60;
/// Half a cent: below it a CAC is free and a gross profit is none (spec §4).
const HALF_CENT: f64 = 0.005;

/// The inputs as the spec reads them (§0): clamped into range, percentages
/// as fractions, switched-off channels' drivers still present (the funnel
/// formulas decide what an off channel contributes).
#[derive(Clone, Debug)]
struct Read {
    horizon: usize,
    annual: bool,
    gm: f64,
    on: [bool; 3],
    acquisition_spend: f64,
    cost_per_signup: f64,
    organic: f64,
    viral: f64,
    market: f64,
    activation: f64,
    free_to_paid: f64,
    conversion_lag: usize,
    pql_share: f64,
    pql_to_opportunity: f64,
    pql_win: f64,
    sales_assist_cost: f64,
    pipeline_spend: f64,
    cost_per_opportunity: f64,
    sales_led_win: f64,
    sales_cycle: usize,
    account_executives: f64,
    ae_cost_per_year: f64,
    ae_capacity: f64,
    ae_ramp: usize,
    arpa: [f64; 3],
    churn: [f64; 3],
    expansion: [f64; 3],
}

/// Spec §0: clamp into the field's range; a non-finite value is the minimum.
fn clamped(i: &ScenarioInputs, id: FieldId) -> f64 {
    let range = id.spec().range;
    let v = i.get(id);
    if v.is_finite() {
        v.clamp(range.min, range.max)
    } else {
        range.min
    }
}

fn fraction(i: &ScenarioInputs, id: FieldId) -> f64 {
    clamped(i, id) / 100.0
}

fn months(i: &ScenarioInputs, id: FieldId) -> usize {
    // Whole fields are whole already (spec §0); the range keeps them ≥ 0.
    clamped(i, id) as usize
}

fn read(i: &ScenarioInputs) -> Read {
    use FieldId as F;
    Read {
        horizon: months(i, F::HorizonMonths),
        annual: i.billing == Billing::AnnualPrepaid,
        gm: fraction(i, F::GrossMarginPct),
        on: [
            i.self_serve.enabled,
            i.sales_assist.enabled,
            i.sales_led.enabled,
        ],
        acquisition_spend: clamped(i, F::SsAcquisitionSpend),
        cost_per_signup: clamped(i, F::SsCostPerSignup),
        organic: clamped(i, F::SsOrganicSignups),
        viral: clamped(i, F::SsViralCoefficient),
        market: clamped(i, F::SsMarketAccounts),
        activation: fraction(i, F::SsActivationPct),
        free_to_paid: fraction(i, F::SsFreeToPaidPct),
        conversion_lag: months(i, F::SsConversionLag),
        pql_share: fraction(i, F::SaPqlPct),
        pql_to_opportunity: fraction(i, F::SaPqlToOpportunityPct),
        pql_win: fraction(i, F::SaWinPct),
        sales_assist_cost: clamped(i, F::SaCostPerMonth),
        pipeline_spend: clamped(i, F::SlPipelineSpend),
        cost_per_opportunity: clamped(i, F::SlCostPerOpportunity),
        sales_led_win: fraction(i, F::SlWinPct),
        sales_cycle: months(i, F::SlSalesCycle),
        account_executives: clamped(i, F::SlAccountExecutives),
        ae_cost_per_year: clamped(i, F::SlAeLoadedCost),
        ae_capacity: clamped(i, F::SlAeCapacity),
        ae_ramp: months(i, F::SlAeRamp),
        // The sales-assisted channel uses the self-serve churn and expansion.
        arpa: [
            clamped(i, F::SsArpa),
            clamped(i, F::SaArpa),
            clamped(i, F::SlAcv) / 12.0,
        ],
        churn: [
            fraction(i, F::SsChurnPct),
            fraction(i, F::SsChurnPct),
            fraction(i, F::SlChurnPct),
        ],
        expansion: [
            fraction(i, F::SsExpansionPct),
            fraction(i, F::SsExpansionPct),
            fraction(i, F::SlExpansionPct),
        ],
    }
}

/// X(t − L): the value of month t − L, 0 before month 1, this month's own
/// value when L = 0. `values[0]` is month 0 (always 0).
fn back(values: &[f64], t: usize, lag: usize) -> f64 {
    if t > lag {
        values[t - lag]
    } else {
        0.0
    }
}

/// `base` multiplied by itself `times` times, by a loop.
fn power(base: f64, times: usize) -> f64 {
    let mut out = 1.0;
    for _ in 0..times {
        out *= base;
    }
    out
}

/// One month of the reference projection.
#[derive(Clone, Debug, Default)]
struct RefMonth {
    signups: f64,
    activated: f64,
    pqls: f64,
    opp_sa: f64,
    opp_sl: f64,
    capacity: f64,
    lost: f64,
    new: [f64; 3],
    active: [f64; 3],
    mrr: [f64; 3],
    spend: [f64; 3],
    revenue: f64,
    gross_profit: f64,
    cash_in: f64,
    net_cash: f64,
    cumulative_cash: f64,
    /// Size of the terms net cash is a difference of (for the tolerance).
    net_scale: f64,
    /// Running sum of `net_scale` (for cumulative cash).
    cumulative_scale: f64,
}

/// One annual-billing cohort: the customers a channel won in one month,
/// followed from renewal to renewal.
#[derive(Clone, Debug)]
struct Cohort {
    channel: usize,
    won_in: usize,
    customers: f64,
    mrr: f64,
}

/// Spec §1–§3, month by month.
fn reference_rows(r: &Read) -> Vec<RefMonth> {
    let h = r.horizon;
    let ss = r.on[SS];
    let sa = r.on[SA];
    let sl = r.on[SL];

    // §1 funnel, one vector per quantity, index = month (0 = before month 1).
    let mut signups = vec![0.0; h + 1];
    let mut activated = vec![0.0; h + 1];
    let mut pqls = vec![0.0; h + 1];
    let mut opp_sa = vec![0.0; h + 1];
    let mut opp_sl = vec![0.0; h + 1];
    let mut capacity = vec![0.0; h + 1];
    let mut lost = vec![0.0; h + 1];
    let mut new = [vec![0.0; h + 1], vec![0.0; h + 1], vec![0.0; h + 1]];

    let paid = if ss {
        r.acquisition_spend / r.cost_per_signup
    } else {
        0.0
    };
    let organic = if ss { r.organic } else { 0.0 };
    let k = if ss { r.viral } else { 0.0 };
    let q = if sa && ss { r.pql_share } else { 0.0 };
    let aes = if sl { r.account_executives } else { 0.0 };

    for t in 1..=h {
        // Referrals slow as the addressable market fills up.
        let mut so_far = 0.0;
        for earlier in signups.iter().take(t) {
            so_far += earlier;
        }
        let mut left = 1.0 - so_far / r.market;
        if left < 0.0 {
            left = 0.0;
        }
        signups[t] = paid + organic + k * signups[t - 1] * left;
        activated[t] = signups[t] * r.activation;
        pqls[t] = activated[t] * q;
        opp_sa[t] = pqls[t] * r.pql_to_opportunity;
        new[SS][t] = if ss {
            back(&activated, t, r.conversion_lag) * (1.0 - q) * r.free_to_paid
        } else {
            0.0
        };
        new[SA][t] = back(&opp_sa, t, r.conversion_lag) * r.pql_win;
        opp_sl[t] = if sl {
            r.pipeline_spend / r.cost_per_opportunity
        } else {
            0.0
        };
        let would_close = back(&opp_sl, t, r.sales_cycle) * r.sales_led_win;
        let ramp = if r.ae_ramp == 0 {
            1.0
        } else {
            let share = t as f64 / r.ae_ramp as f64;
            if share < 1.0 {
                share
            } else {
                1.0
            }
        };
        capacity[t] = aes * r.ae_capacity * ramp;
        new[SL][t] = if would_close < capacity[t] {
            would_close
        } else {
            capacity[t]
        };
        lost[t] = would_close - new[SL][t];
    }

    // §3 spend, the same every month.
    let spend = [
        if ss { r.acquisition_spend } else { 0.0 },
        if sa { r.sales_assist_cost } else { 0.0 },
        if sl {
            r.pipeline_spend + r.account_executives * r.ae_cost_per_year / 12.0
        } else {
            0.0
        },
    ];

    // §2 customers and MRR, §3 revenue and cash.
    let mut rows = Vec::new();
    let mut active_before = [0.0; 3];
    let mut mrr_before = [0.0; 3];
    let mut cohorts: Vec<Cohort> = Vec::new();
    let mut cumulative = 0.0;
    let mut cumulative_scale = 0.0;
    for t in 1..=h {
        let mut active = [0.0; 3];
        let mut mrr = [0.0; 3];
        let mut cash_in_annual = 0.0;
        if r.annual {
            // Renewals first: cohorts whose contract year starts this month.
            for cohort in cohorts.iter_mut() {
                let age = t - cohort.won_in;
                if age > 0 && age % 12 == 0 {
                    let c = r.churn[cohort.channel];
                    let e = r.expansion[cohort.channel];
                    let mut g = 1.0 - c + e;
                    if g < 0.0 {
                        g = 0.0;
                    }
                    cohort.customers *= power(1.0 - c, 12);
                    cohort.mrr *= power(g, 12);
                    cash_in_annual += 12.0 * cohort.mrr;
                }
            }
            // Then this month's new customers, one cohort per channel.
            for ch in 0..3 {
                let cohort = Cohort {
                    channel: ch,
                    won_in: t,
                    customers: new[ch][t],
                    mrr: new[ch][t] * r.arpa[ch],
                };
                cash_in_annual += 12.0 * cohort.mrr;
                cohorts.push(cohort);
            }
            for cohort in &cohorts {
                active[cohort.channel] += cohort.customers;
                mrr[cohort.channel] += cohort.mrr;
            }
        } else {
            for ch in 0..3 {
                let c = r.churn[ch];
                let e = r.expansion[ch];
                let mut g = 1.0 - c + e;
                if g < 0.0 {
                    g = 0.0;
                }
                active[ch] = active_before[ch] * (1.0 - c) + new[ch][t];
                mrr[ch] = mrr_before[ch] * g + new[ch][t] * r.arpa[ch];
            }
        }
        let mut revenue = 0.0;
        let mut total_spend = 0.0;
        for ch in 0..3 {
            revenue += mrr[ch];
            total_spend += spend[ch];
        }
        let gross_profit = revenue * r.gm;
        let cash_in = if r.annual { cash_in_annual } else { revenue };
        let net_cash = cash_in - revenue * (1.0 - r.gm) - total_spend;
        cumulative += net_cash;
        let net_scale = cash_in + revenue + total_spend;
        cumulative_scale += net_scale;
        rows.push(RefMonth {
            signups: signups[t],
            activated: activated[t],
            pqls: pqls[t],
            opp_sa: opp_sa[t],
            opp_sl: opp_sl[t],
            capacity: capacity[t],
            lost: lost[t],
            new: [new[SS][t], new[SA][t], new[SL][t]],
            active,
            mrr,
            spend,
            revenue,
            gross_profit,
            cash_in,
            net_cash,
            cumulative_cash: cumulative,
            net_scale,
            cumulative_scale,
        });
        active_before = active;
        mrr_before = mrr;
    }
    rows
}

// ---------------------------------------------------------------------------
// Unit economics (spec §4), plain
// ---------------------------------------------------------------------------

/// LTV = ARPA × GM ÷ (c − e) when c − e > 0, however large; 0 when ARPA × GM
/// is 0; capped at 60 months of gross profit only when the formula is not
/// finite (c − e ≤ 0).
fn reference_ltv(arpa: f64, gm: f64, churn: f64, expansion: f64) -> Ltv {
    let gp = arpa * gm;
    if gp == 0.0 {
        return Ltv::Finite(0.0);
    }
    let net = churn - expansion;
    if net > 0.0 {
        Ltv::Finite(gp / net)
    } else {
        Ltv::Capped(gp * CAP_MONTHS as f64)
    }
}

/// How far rounding can move [`reference_ltv`]: LTV × (c + e) ÷ |c − e|
/// (the subtraction c − e loses that many digits).
fn ltv_scale(ltv: Ltv, churn: f64, expansion: f64) -> f64 {
    let net = (churn - expansion).abs();
    if net > 0.0 {
        ltv.dollars().abs() * (churn + expansion) / net
    } else {
        ltv.dollars().abs()
    }
}

/// One customer's gross profit over 60 months, churn and expansion applied
/// month by month: gp × Σ_{k=0}^{59} g^k, g = max(0, 1 − c + e).
fn reference_ltv_5y(arpa: f64, gm: f64, churn: f64, expansion: f64) -> f64 {
    let gp = arpa * gm;
    let mut g = 1.0 - churn + expansion;
    if g < 0.0 {
        g = 0.0;
    }
    let mut sum = 0.0;
    let mut weight = 1.0;
    for _ in 0..CAP_MONTHS {
        sum += gp * weight;
        weight *= g;
    }
    sum
}

/// Discounted LTV at an annual discount rate: the monthly rate
/// d = (1 + r)^(1/12) − 1; gp ÷ (d + c − e) when that is positive (the spec
/// states this closed form of Σ_{k≥1} gp g^(k−1) ÷ (1 + d)^k); otherwise the
/// 60-month discounted sum, marked capped.
fn reference_discounted_ltv(
    arpa: f64,
    gm: f64,
    churn: f64,
    expansion: f64,
    annual_rate: f64,
) -> Ltv {
    let gp = arpa * gm;
    if gp == 0.0 {
        // As for LTV: nothing earned is exactly zero, not capped.
        return Ltv::Finite(0.0);
    }
    let d = (1.0 + annual_rate).powf(1.0 / 12.0) - 1.0;
    let denominator = d + churn - expansion;
    if denominator > 0.0 {
        return Ltv::Finite(gp / denominator);
    }
    let mut g = 1.0 - churn + expansion;
    if g < 0.0 {
        g = 0.0;
    }
    let mut sum = 0.0;
    for k in 1..=CAP_MONTHS {
        sum += gp * power(g, k - 1) / power(1.0 + d, k);
    }
    Ltv::Capped(sum)
}

/// Lifetime = 1 ÷ monthly churn, unrounded; unbounded without churn.
fn reference_lifetime(churn: f64) -> Lifetime {
    if churn > 0.0 {
        Lifetime::Months(1.0 / churn)
    } else {
        Lifetime::Unbounded
    }
}

/// CAC payback (months) = CAC ÷ (ARPA × GM); never below half a cent of
/// gross profit a month.
fn reference_payback(cac: f64, arpa: f64, gm: f64) -> Payback {
    let gp = arpa * gm;
    if gp < HALF_CENT {
        Payback::Never
    } else {
        Payback::Months(cac / gp)
    }
}

/// LTV:CAC = LTV ÷ CAC; free acquisition below half a cent of CAC.
fn reference_ltv_cac(ltv: Ltv, cac: f64) -> LtvCac {
    if cac < HALF_CENT {
        LtvCac::FreeAcquisition
    } else {
        LtvCac::Ratio(ltv.dollars() / cac)
    }
}

/// Annual churn = 1 − (1 − m)^12, the power by a loop.
fn reference_annual_churn(monthly: f64) -> f64 {
    1.0 - power(1.0 - monthly, 12)
}

/// Monthly churn = 1 − (1 − a)^(1/12).
fn reference_monthly_churn(annual: f64) -> f64 {
    1.0 - (1.0 - annual).powf(1.0 / 12.0)
}

// ---------------------------------------------------------------------------
// Summary (spec §4)
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct RefChannel {
    enabled: bool,
    new_customers: f64,
    spend: f64,
    revenue: f64,
    ending_customers: f64,
    ending_mrr: f64,
    arpa: f64,
    cac: Option<f64>,
    /// Only for a channel with a lag (`None` also when no customer arrives
    /// in the matched window).
    lag: usize,
    lag_matched_cac: Option<f64>,
    ltv: Ltv,
    ltv_scale: f64,
    ltv_5y: f64,
    ltv_cac: Option<LtvCac>,
    payback: Option<Payback>,
    nrr_pct: f64,
}

#[derive(Clone, Debug)]
struct RefSummary {
    channels: [RefChannel; 3],
    blended_cac: Option<f64>,
    fully_loaded_sa_cac: Option<f64>,
    blended_ltv: Option<Ltv>,
    blended_ltv_scale: f64,
    blended_ltv_cac: Option<LtvCac>,
    blended_payback: Option<Payback>,
    trough: Option<(u32, f64)>,
    trough_is_fragile: bool,
    cash_payback: CashPayback,
    cash_payback_is_fragile: bool,
    break_even_month: Option<u32>,
    break_even_is_fragile: bool,
    nrr_pct: Option<f64>,
    revenue_split_pct: Option<[f64; 3]>,
    magic_number: MagicNumber,
    magic_scale: f64,
    ending_mrr: f64,
    ending_customers: f64,
    total_new_customers: f64,
    total_spend: f64,
    total_revenue: f64,
    total_gross_profit: f64,
    ending_cumulative_cash: f64,
    ending_cumulative_scale: f64,
    deals_lost_to_capacity: f64,
}

/// The reference's whole answer for one scenario.
#[derive(Clone, Debug)]
struct Reference {
    read: Read,
    rows: Vec<RefMonth>,
    summary: RefSummary,
}

fn reference(i: &ScenarioInputs) -> Reference {
    let r = read(i);
    let rows = reference_rows(&r);
    let summary = reference_summary(&r, &rows);
    Reference {
        read: r,
        rows,
        summary,
    }
}

/// Whether `a` and `b` are equal up to rounding at scale `scale`.
fn within_rounding(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= ABS_TOL + REL_TOL * a.abs().max(b.abs()).max(scale)
}

fn reference_summary(r: &Read, rows: &[RefMonth]) -> RefSummary {
    let h = rows.len();
    let last = &rows[h - 1];

    let mut channels: Vec<RefChannel> = Vec::new();
    for ch in 0..3 {
        let mut n = 0.0;
        let mut p = 0.0;
        let mut revenue = 0.0;
        for row in rows {
            n += row.new[ch];
            p += row.spend[ch];
            revenue += row.mrr[ch];
        }
        let cac = if n > 0.0 { Some(p / n) } else { None };
        let lag = if ch == SL {
            r.sales_cycle
        } else {
            r.conversion_lag
        };
        let lag_matched_cac = if lag > 0 {
            // Spend of months 1..H − l ÷ customers of months l + 1..H.
            let mut matched_spend = 0.0;
            let mut matched_new = 0.0;
            for t in 1..=h {
                if t + lag <= h {
                    matched_spend += rows[t - 1].spend[ch];
                }
                if t > lag {
                    matched_new += rows[t - 1].new[ch];
                }
            }
            if matched_new > 0.0 {
                Some(matched_spend / matched_new)
            } else {
                None
            }
        } else {
            None
        };
        let (c, e) = (r.churn[ch], r.expansion[ch]);
        let ltv = reference_ltv(r.arpa[ch], r.gm, c, e);
        let mut g = 1.0 - c + e;
        if g < 0.0 {
            g = 0.0;
        }
        channels.push(RefChannel {
            enabled: r.on[ch],
            new_customers: n,
            spend: p,
            revenue,
            ending_customers: last.active[ch],
            ending_mrr: last.mrr[ch],
            arpa: r.arpa[ch],
            cac,
            lag,
            lag_matched_cac,
            ltv,
            ltv_scale: ltv_scale(ltv, c, e),
            ltv_5y: reference_ltv_5y(r.arpa[ch], r.gm, c, e),
            ltv_cac: cac.map(|cac| reference_ltv_cac(ltv, cac)),
            payback: cac.map(|cac| reference_payback(cac, r.arpa[ch], r.gm)),
            nrr_pct: power(g, 12) * 100.0,
        });
    }
    let channels: [RefChannel; 3] = [
        channels[SS].clone(),
        channels[SA].clone(),
        channels[SL].clone(),
    ];

    // Totals over the horizon.
    let mut total_new = 0.0;
    let mut total_spend = 0.0;
    let mut total_revenue = 0.0;
    let mut total_gp = 0.0;
    let mut lost = 0.0;
    for row in rows {
        for ch in 0..3 {
            total_new += row.new[ch];
            total_spend += row.spend[ch];
        }
        total_revenue += row.revenue;
        total_gp += row.gross_profit;
        lost += row.lost;
    }

    // Blended figures, weighted by new customers.
    let blended_cac = if total_new > 0.0 {
        Some(total_spend / total_new)
    } else {
        None
    };
    let fully_loaded_sa_cac = if channels[SA].new_customers > 0.0 {
        let q = if r.on[SA] && r.on[SS] {
            r.pql_share
        } else {
            0.0
        };
        Some((channels[SA].spend + q * channels[SS].spend) / channels[SA].new_customers)
    } else {
        None
    };
    let (blended_ltv, blended_ltv_scale, blended_ltv_cac, blended_payback) = match blended_cac {
        None => (None, 0.0, None, None),
        Some(cac) => {
            let mut weighted_ltv = 0.0;
            let mut weighted_scale = 0.0;
            let mut weighted_arpa = 0.0;
            let mut capped = false;
            for ch in 0..3 {
                let n = channels[ch].new_customers;
                if n > 0.0 {
                    weighted_ltv += n * channels[ch].ltv.dollars();
                    weighted_scale += n * channels[ch].ltv_scale;
                    weighted_arpa += n * channels[ch].arpa;
                    if channels[ch].ltv.is_capped() {
                        capped = true;
                    }
                }
            }
            let value = weighted_ltv / total_new;
            let ltv = if capped {
                Ltv::Capped(value)
            } else {
                Ltv::Finite(value)
            };
            let arpa = weighted_arpa / total_new;
            (
                Some(ltv),
                weighted_scale / total_new,
                Some(reference_ltv_cac(ltv, cac)),
                Some(reference_payback(cac, arpa, r.gm)),
            )
        }
    };

    // Trough: the lowest negative cumulative cash, the first month of it.
    let mut trough: Option<(u32, f64)> = None;
    for (index, row) in rows.iter().enumerate() {
        let month = index as u32 + 1;
        if row.cumulative_cash < 0.0 {
            let lower = match trough {
                None => true,
                Some((_, lowest)) => row.cumulative_cash < lowest,
            };
            if lower {
                trough = Some((month, row.cumulative_cash));
            }
        }
    }
    let mut trough_is_fragile = false;
    for row in rows {
        let near_zero = within_rounding(row.cumulative_cash, 0.0, row.cumulative_scale);
        let near_lowest = match trough {
            Some((_, lowest)) => {
                row.cumulative_cash != lowest
                    && within_rounding(row.cumulative_cash, lowest, row.cumulative_scale)
            }
            None => false,
        };
        if (near_zero && row.cumulative_scale > 0.0) || near_lowest {
            trough_is_fragile = true;
        }
    }

    // Cash payback: the first month after the trough back at ≥ 0.
    let mut cash_payback_is_fragile = false;
    let cash_payback = match trough {
        None => CashPayback::NeverNegative,
        Some((trough_month, _)) => {
            let mut found = CashPayback::NotWithinHorizon;
            for (index, row) in rows.iter().enumerate() {
                let month = index as u32 + 1;
                if month <= trough_month {
                    continue;
                }
                if within_rounding(row.cumulative_cash, 0.0, row.cumulative_scale) {
                    cash_payback_is_fragile = true;
                }
                if row.cumulative_cash >= 0.0 {
                    found = CashPayback::PaidBackIn(month);
                    break;
                }
            }
            found
        }
    };

    // Break-even: the first month with gross profit > 0 covering its spend.
    let mut break_even_month = None;
    let mut break_even_is_fragile = false;
    for (index, row) in rows.iter().enumerate() {
        let mut spend = 0.0;
        for ch in 0..3 {
            spend += row.spend[ch];
        }
        if spend > 0.0 && within_rounding(row.gross_profit, spend, 0.0) {
            break_even_is_fragile = true;
        }
        if row.gross_profit > 0.0 && row.gross_profit >= spend {
            break_even_month = Some(index as u32 + 1);
            break;
        }
    }

    // NRR: channel NRR weighted by MRR of month H − 12 (month H if that is 0).
    let mut weights = [0.0; 3];
    if h > 12 {
        weights = rows[h - 13].mrr;
    }
    let mut weight_total = 0.0;
    for ch in 0..3 {
        weight_total += weights[ch];
    }
    if weight_total <= 0.0 {
        weights = last.mrr;
        weight_total = 0.0;
        for ch in 0..3 {
            weight_total += weights[ch];
        }
    }
    let nrr_pct = if total_revenue > 0.0 && weight_total > 0.0 {
        let mut sum = 0.0;
        for ch in 0..3 {
            sum += weights[ch] * channels[ch].nrr_pct;
        }
        Some(sum / weight_total)
    } else {
        None
    };

    // Revenue split.
    let revenue_split_pct = if total_revenue > 0.0 {
        Some([
            channels[SS].revenue / total_revenue * 100.0,
            channels[SA].revenue / total_revenue * 100.0,
            channels[SL].revenue / total_revenue * 100.0,
        ])
    } else {
        None
    };

    // Magic number of the last quarter (H ≥ 12 > 6 always here).
    let mrr_end = last.revenue;
    let mrr_before = rows[h - 4].revenue;
    let mut prior_spend = 0.0;
    for t in (h - 5)..=(h - 3) {
        for ch in 0..3 {
            prior_spend += rows[t - 1].spend[ch];
        }
    }
    let (magic_number, magic_scale) = if prior_spend < HALF_CENT {
        (MagicNumber::NoPriorSpend, 0.0)
    } else {
        (
            MagicNumber::Ratio((12.0 * mrr_end - 12.0 * mrr_before) / prior_spend),
            12.0 * (mrr_end + mrr_before) / prior_spend,
        )
    };

    let mut ending_customers = 0.0;
    for ch in 0..3 {
        ending_customers += last.active[ch];
    }

    RefSummary {
        channels,
        blended_cac,
        fully_loaded_sa_cac,
        blended_ltv,
        blended_ltv_scale,
        blended_ltv_cac,
        blended_payback,
        trough,
        trough_is_fragile,
        cash_payback,
        cash_payback_is_fragile,
        break_even_month,
        break_even_is_fragile,
        nrr_pct,
        revenue_split_pct,
        magic_number,
        magic_scale,
        ending_mrr: last.revenue,
        ending_customers,
        total_new_customers: total_new,
        total_spend,
        total_revenue,
        total_gross_profit: total_gp,
        ending_cumulative_cash: last.cumulative_cash,
        ending_cumulative_scale: last.cumulative_scale,
        deals_lost_to_capacity: lost,
    }
}

// ===========================================================================
// Comparing the reference with the production model
// ===========================================================================

const REL_TOL: f64 = 1e-9;
const ABS_TOL: f64 = 1e-9;

type Check = Result<(), TestCaseError>;

fn fail(message: String) -> Check {
    Err(TestCaseError::fail(message))
}

/// Equal up to rounding; `scale` is the size of the terms the value is a
/// difference of (0 when it is not one).
fn same(what: &str, reference: f64, production: f64, scale: f64) -> Check {
    if within_rounding(reference, production, scale) {
        Ok(())
    } else {
        fail(format!(
            "{what}: reference {reference:e}, production {production:e}"
        ))
    }
}

fn same_option(what: &str, reference: Option<f64>, production: Option<f64>, scale: f64) -> Check {
    match (reference, production) {
        (None, None) => Ok(()),
        (Some(a), Some(b)) => same(what, a, b, scale),
        _ => fail(format!(
            "{what}: reference {reference:?}, production {production:?}"
        )),
    }
}

fn same_ltv(what: &str, reference: Ltv, production: Ltv, scale: f64) -> Check {
    if reference.is_capped() != production.is_capped() {
        return fail(format!(
            "{what}: reference {reference:?}, production {production:?}"
        ));
    }
    same(what, reference.dollars(), production.dollars(), scale)
}

fn same_ltv_cac(what: &str, reference: LtvCac, production: LtvCac, scale: f64) -> Check {
    match (reference, production) {
        (LtvCac::FreeAcquisition, LtvCac::FreeAcquisition) => Ok(()),
        (LtvCac::Ratio(a), LtvCac::Ratio(b)) => same(what, a, b, scale),
        _ => fail(format!(
            "{what}: reference {reference:?}, production {production:?}"
        )),
    }
}

fn same_payback(what: &str, reference: Payback, production: Payback) -> Check {
    match (reference, production) {
        (Payback::Never, Payback::Never) => Ok(()),
        (Payback::Months(a), Payback::Months(b)) => same(what, a, b, 0.0),
        _ => fail(format!(
            "{what}: reference {reference:?}, production {production:?}"
        )),
    }
}

fn label(ch: usize) -> &'static str {
    CHANNELS[ch].label()
}

/// Sign-ups, activations, PQLs, opportunities, new customers, capacity,
/// lost deals and spend: the same under both billings.
fn check_funnel_rows(reference: &Reference, production: &Projection) -> Check {
    let h = reference.rows.len();
    if production.rows.len() != h {
        return fail(format!(
            "rows: reference {h}, production {}",
            production.rows.len()
        ));
    }
    for (index, (a, b)) in reference.rows.iter().zip(&production.rows).enumerate() {
        let m = index + 1;
        if b.month as usize != m {
            return fail(format!("row {index} is month {}", b.month));
        }
        same(&format!("month {m} sign-ups"), a.signups, b.signups, 0.0)?;
        same(
            &format!("month {m} activated"),
            a.activated,
            b.activated,
            0.0,
        )?;
        same(&format!("month {m} PQLs"), a.pqls, b.pqls, 0.0)?;
        same(
            &format!("month {m} sales-assisted opportunities"),
            a.opp_sa,
            b.opportunities.sales_assist,
            0.0,
        )?;
        same(
            &format!("month {m} sales-led opportunities"),
            a.opp_sl,
            b.opportunities.sales_led,
            0.0,
        )?;
        same(
            &format!("month {m} sales capacity"),
            a.capacity,
            b.sales_capacity,
            0.0,
        )?;
        same(
            &format!("month {m} deals lost to capacity"),
            a.lost,
            b.deals_lost_to_capacity,
            a.lost + a.new[SL],
        )?;
        for ch in 0..3 {
            same(
                &format!("month {m} {} new customers", label(ch)),
                a.new[ch],
                b.new_customers.get(CHANNELS[ch]),
                0.0,
            )?;
            same(
                &format!("month {m} {} spend", label(ch)),
                a.spend[ch],
                b.spend.get(CHANNELS[ch]),
                0.0,
            )?;
        }
    }
    Ok(())
}

/// Active customers, MRR, revenue, gross profit and cash, month by month.
fn check_money_rows(reference: &Reference, production: &Projection) -> Check {
    if production.rows.len() != reference.rows.len() {
        return fail("row count differs".to_string());
    }
    for (index, (a, b)) in reference.rows.iter().zip(&production.rows).enumerate() {
        let m = index + 1;
        for ch in 0..3 {
            same(
                &format!("month {m} {} active customers", label(ch)),
                a.active[ch],
                b.active_customers.get(CHANNELS[ch]),
                0.0,
            )?;
            same(
                &format!("month {m} {} MRR", label(ch)),
                a.mrr[ch],
                b.mrr.get(CHANNELS[ch]),
                0.0,
            )?;
        }
        same(&format!("month {m} revenue"), a.revenue, b.revenue, 0.0)?;
        same(
            &format!("month {m} gross profit"),
            a.gross_profit,
            b.gross_profit,
            0.0,
        )?;
        same(&format!("month {m} cash in"), a.cash_in, b.cash_in, 0.0)?;
        same(
            &format!("month {m} net cash"),
            a.net_cash,
            b.net_cash,
            a.net_scale,
        )?;
        same(
            &format!("month {m} cumulative cash"),
            a.cumulative_cash,
            b.cumulative_cash,
            a.cumulative_scale,
        )?;
    }
    Ok(())
}

/// Per-channel and total flows over the horizon, endings.
fn check_totals(reference: &Reference, production: &Projection) -> Check {
    let a = &reference.summary;
    let b = &production.summary;
    for ch in 0..3 {
        let ra = &a.channels[ch];
        let pb = b.channels.get(CHANNELS[ch]);
        let name = label(ch);
        if ra.enabled != pb.enabled {
            return fail(format!(
                "{name} enabled: reference {}, production {}",
                ra.enabled, pb.enabled
            ));
        }
        same(
            &format!("{name} new customers"),
            ra.new_customers,
            pb.new_customers,
            0.0,
        )?;
        same(&format!("{name} spend"), ra.spend, pb.spend, 0.0)?;
        same(&format!("{name} revenue"), ra.revenue, pb.revenue, 0.0)?;
        same(
            &format!("{name} ending customers"),
            ra.ending_customers,
            pb.ending_customers,
            0.0,
        )?;
        same(
            &format!("{name} ending MRR"),
            ra.ending_mrr,
            pb.ending_mrr,
            0.0,
        )?;
    }
    same("ending MRR", a.ending_mrr, b.ending_mrr, 0.0)?;
    same("ending ARR", 12.0 * a.ending_mrr, b.ending_arr, 0.0)?;
    same(
        "ending customers",
        a.ending_customers,
        b.ending_customers,
        0.0,
    )?;
    same(
        "total new customers",
        a.total_new_customers,
        b.total_new_customers,
        0.0,
    )?;
    same("total spend", a.total_spend, b.total_spend, 0.0)?;
    same("total revenue", a.total_revenue, b.total_revenue, 0.0)?;
    same(
        "total gross profit",
        a.total_gross_profit,
        b.total_gross_profit,
        0.0,
    )?;
    same(
        "ending cumulative cash",
        a.ending_cumulative_cash,
        b.ending_cumulative_cash,
        a.ending_cumulative_scale,
    )?;
    same(
        "deals lost to capacity",
        a.deals_lost_to_capacity,
        b.deals_lost_to_capacity,
        a.deals_lost_to_capacity + a.channels[SL].new_customers,
    )
}

/// Headline CAC per channel and blended: horizon spend ÷ horizon customers.
fn check_cac(reference: &Reference, production: &Projection) -> Check {
    let a = &reference.summary;
    let b = &production.summary;
    for ch in 0..3 {
        same_option(
            &format!("{} CAC", label(ch)),
            a.channels[ch].cac,
            b.channels.get(CHANNELS[ch]).cac,
            0.0,
        )?;
    }
    same_option("blended CAC", a.blended_cac, b.blended_cac, 0.0)?;

    // The labelled alternatives (issue 11 §3).
    for ch in 0..3 {
        if a.channels[ch].lag > 0 {
            same_option(
                &format!("{} lag-matched CAC", label(ch)),
                a.channels[ch].lag_matched_cac,
                b.channels.get(CHANNELS[ch]).cac_lag_matched,
                0.0,
            )?;
        }
    }
    same_option(
        "sales-assisted fully loaded CAC",
        a.fully_loaded_sa_cac,
        b.channels.sales_assist.cac_fully_loaded,
        0.0,
    )?;
    Ok(())
}

/// LTV per channel (value and whether capped), ARPA and NRR per enabled
/// channel. The spec says nothing about what a switched-off channel shows
/// there, so those are not compared (its flows are, in [`check_totals`]).
fn check_ltv(reference: &Reference, production: &Projection) -> Check {
    let a = &reference.summary;
    let b = &production.summary;
    for ch in 0..3 {
        if !a.channels[ch].enabled {
            continue;
        }
        let ra = &a.channels[ch];
        let pb = b.channels.get(CHANNELS[ch]);
        same(
            &format!("{} ARPA", label(ch)),
            ra.arpa,
            pb.arpa_per_month,
            0.0,
        )?;
        same_ltv(&format!("{} LTV", label(ch)), ra.ltv, pb.ltv, ra.ltv_scale)?;
        same(
            &format!("{} NRR 12 months", label(ch)),
            ra.nrr_pct,
            pb.nrr_12m_pct,
            0.0,
        )?;

        // The two conservative figures beside LTV (issue 11 §1).
        let r = &reference.read;
        same(
            &format!("{} LTV over 5 years", label(ch)),
            ra.ltv_5y,
            pb.ltv_five_years,
            0.0,
        )?;
        same_ltv(
            &format!("{} discounted LTV", label(ch)),
            reference_discounted_ltv(r.arpa[ch], r.gm, r.churn[ch], r.expansion[ch], 0.10),
            economics::discounted_ltv(
                r.arpa[ch],
                Share::from_fraction(r.gm),
                MonthlyRate::from_fraction(r.churn[ch]),
                MonthlyRate::from_fraction(r.expansion[ch]),
                10.0,
            ),
            ra.ltv_scale,
        )?;
    }
    Ok(())
}

/// LTV:CAC and CAC payback per channel; blended LTV, LTV:CAC and payback.
fn check_ratios(reference: &Reference, production: &Projection) -> Check {
    let a = &reference.summary;
    let b = &production.summary;
    for ch in 0..3 {
        let ra = &a.channels[ch];
        let pb = b.channels.get(CHANNELS[ch]);
        let name = label(ch);
        match (ra.ltv_cac, pb.ltv_cac) {
            (None, None) => {}
            (Some(x), Some(y)) => {
                let scale = ra.ltv_scale / ra.cac.unwrap_or(1.0).max(HALF_CENT);
                same_ltv_cac(&format!("{name} LTV:CAC"), x, y, scale)?;
            }
            (x, y) => return fail(format!("{name} LTV:CAC: reference {x:?}, production {y:?}")),
        }
        match (ra.payback, pb.payback) {
            (None, None) => {}
            (Some(x), Some(y)) => same_payback(&format!("{name} payback"), x, y)?,
            (x, y) => return fail(format!("{name} payback: reference {x:?}, production {y:?}")),
        }
    }
    match (a.blended_ltv, b.blended_ltv) {
        (None, None) => {}
        (Some(x), Some(y)) => same_ltv("blended LTV", x, y, a.blended_ltv_scale)?,
        (x, y) => return fail(format!("blended LTV: reference {x:?}, production {y:?}")),
    }
    match (a.blended_ltv_cac, b.blended_ltv_cac) {
        (None, None) => {}
        (Some(x), Some(y)) => {
            let scale = a.blended_ltv_scale / a.blended_cac.unwrap_or(1.0).max(HALF_CENT);
            same_ltv_cac("blended LTV:CAC", x, y, scale)?;
        }
        (x, y) => {
            return fail(format!(
                "blended LTV:CAC: reference {x:?}, production {y:?}"
            ))
        }
    }
    match (a.blended_payback, b.blended_payback) {
        (None, None) => Ok(()),
        (Some(x), Some(y)) => same_payback("blended payback", x, y),
        (x, y) => fail(format!(
            "blended payback: reference {x:?}, production {y:?}"
        )),
    }
}

/// Trough, cash payback and break-even month (skipped where a tie or a
/// threshold sits within rounding).
fn check_cash_summary(reference: &Reference, production: &Projection) -> Check {
    let a = &reference.summary;
    let b = &production.summary;
    if !a.trough_is_fragile {
        match (a.trough, b.trough) {
            (None, None) => {}
            (Some((month, dollars)), Some(t)) => {
                if month != t.month {
                    return fail(format!(
                        "trough month: reference {month}, production {}",
                        t.month
                    ));
                }
                let scale = reference.rows[month as usize - 1].cumulative_scale;
                same("trough dollars", dollars, t.dollars, scale)?;
            }
            (x, y) => return fail(format!("trough: reference {x:?}, production {y:?}")),
        }
        if !a.cash_payback_is_fragile && a.cash_payback != b.cash_payback {
            return fail(format!(
                "cash payback: reference {:?}, production {:?}",
                a.cash_payback, b.cash_payback
            ));
        }
    }
    if !a.break_even_is_fragile && a.break_even_month != b.break_even_month {
        return fail(format!(
            "break-even month: reference {:?}, production {:?}",
            a.break_even_month, b.break_even_month
        ));
    }
    Ok(())
}

/// NRR (overall), revenue split and magic number.
fn check_growth(reference: &Reference, production: &Projection) -> Check {
    let a = &reference.summary;
    let b = &production.summary;
    same_option("NRR 12 months", a.nrr_pct, b.nrr_12m_pct, 0.0)?;
    match (a.revenue_split_pct, b.revenue_split_pct) {
        (None, None) => {}
        (Some(x), Some(y)) => {
            for ch in 0..3 {
                same(
                    &format!("{} revenue split %", label(ch)),
                    x[ch],
                    y.get(CHANNELS[ch]),
                    0.0,
                )?;
            }
        }
        (x, y) => return fail(format!("revenue split: reference {x:?}, production {y:?}")),
    }
    match (a.magic_number, b.magic_number) {
        (MagicNumber::NoPriorSpend, MagicNumber::NoPriorSpend) => Ok(()),
        (MagicNumber::Ratio(x), MagicNumber::Ratio(y)) => same("magic number", x, y, a.magic_scale),
        (x, y) => fail(format!("magic number: reference {x:?}, production {y:?}")),
    }
}

// ===========================================================================
// Random valid scenarios
// ===========================================================================

/// A uniform draw spread over a range: each end 5 % of the time, otherwise
/// linear, or cubed for money-sized ranges so everyday values come up often.
fn spread(min: f64, max: f64, whole: bool, u: f64) -> f64 {
    let v = if u < 0.05 {
        min
    } else if u > 0.95 {
        max
    } else {
        let t = (u - 0.05) / 0.9;
        if max - min > 1_000.0 {
            min + t * t * t * (max - min)
        } else {
            min + t * (max - min)
        }
    };
    let v = if whole { v.round() } else { v };
    v.clamp(min, max)
}

/// Sets a field, which the range check must accept.
fn put(i: &mut ScenarioInputs, id: FieldId, value: f64) {
    if let Err(e) = i.set(id, value) {
        panic!("{} = {value}: {e}", id.slug());
    }
}

fn finish(mut i: ScenarioInputs, billing: Billing, horizon: u32, on: [bool; 3]) -> ScenarioInputs {
    put(&mut i, FieldId::HorizonMonths, f64::from(horizon));
    i.billing = billing;
    for ch in 0..3 {
        i.set_enabled(CHANNELS[ch], on[ch]);
    }
    i
}

/// Every field anywhere in its range.
fn wide(billing: Billing) -> impl Strategy<Value = ScenarioInputs> {
    (
        proptest::collection::vec(0.0..=1.0f64, FieldId::ALL.len()),
        12u32..=60,
        any::<[bool; 3]>(),
    )
        .prop_map(move |(draws, horizon, on)| {
            let mut i = preset(Motion::HybridFreemiumEnterprise);
            for (spec, u) in fields().iter().zip(draws) {
                let r = spec.range;
                put(&mut i, spec.id, spread(r.min, r.max, r.whole, u));
            }
            finish(i, billing, horizon, on)
        })
}

/// A preset of a random motion with every field moved by −50 %…+50 %.
fn realistic(billing: Billing) -> impl Strategy<Value = ScenarioInputs> {
    (
        0..Motion::ALL.len(),
        proptest::collection::vec(0.5..=1.5f64, FieldId::ALL.len()),
        12u32..=60,
        any::<[bool; 3]>(),
    )
        .prop_map(move |(motion, factors, horizon, on)| {
            let mut i = preset(Motion::ALL[motion]);
            for (spec, factor) in fields().iter().zip(factors) {
                let r = spec.range;
                let mut v = i.get(spec.id) * factor;
                if r.whole {
                    v = v.round();
                }
                put(&mut i, spec.id, v.clamp(r.min, r.max));
            }
            finish(i, billing, horizon, on)
        })
}

fn scenario(billing: Billing) -> impl Strategy<Value = ScenarioInputs> {
    prop_oneof![1 => wide(billing), 2 => realistic(billing)]
}

fn any_billing() -> impl Strategy<Value = ScenarioInputs> {
    prop_oneof![scenario(Billing::Monthly), scenario(Billing::AnnualPrepaid)]
}

fn run(i: &ScenarioInputs, check: fn(&Reference, &Projection) -> Check) -> Check {
    let production = simulate(i);
    let reference = reference(i);
    check(&reference, &production)
}

// ===========================================================================
// Properties: production against the reference
// ===========================================================================

proptest! {
    // No regression files: a failure prints its scenario in the test output.
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Spec §1 and §3 (spend): the funnel does not depend on billing.
    #[test]
    fn funnel_and_spend_rows_match_the_reference_month_by_month(i in any_billing()) {
        run(&i, check_funnel_rows)?;
    }

    /// Spec §2–§3, monthly billing.
    #[test]
    fn monthly_billing_customers_mrr_and_cash_match_the_reference_month_by_month(
        i in scenario(Billing::Monthly)
    ) {
        run(&i, check_money_rows)?;
    }

    /// Spec §2–§3, annual prepaid billing: cohorts renew once a year.
    #[test]
    fn annual_billing_customers_mrr_and_cash_match_the_reference_month_by_month(
        i in scenario(Billing::AnnualPrepaid)
    ) {
        run(&i, check_money_rows)?;
    }

    /// Spec §4 flows and endings, monthly billing.
    #[test]
    fn monthly_billing_horizon_totals_and_endings_match_the_reference(
        i in scenario(Billing::Monthly)
    ) {
        run(&i, check_totals)?;
    }

    /// Spec §4 flows and endings, annual prepaid billing.
    #[test]
    fn annual_billing_horizon_totals_and_endings_match_the_reference(
        i in scenario(Billing::AnnualPrepaid)
    ) {
        run(&i, check_totals)?;
    }

    /// Spec §4: headline CAC = horizon spend ÷ horizon customers.
    #[test]
    fn headline_cac_is_horizon_spend_over_horizon_customers(i in any_billing()) {
        run(&i, check_cac)?;
    }

    /// Spec §4: LTV is the formula's value whenever finite, capped only when
    /// not; ARPA and channel NRR as read.
    #[test]
    fn channel_ltv_arpa_and_nrr_match_the_reference(i in any_billing()) {
        run(&i, check_ltv)?;
    }

    /// Spec §4: LTV:CAC, CAC payback, and the blended figures.
    #[test]
    fn ltv_cac_payback_and_blended_figures_match_the_reference(i in any_billing()) {
        run(&i, check_ratios)?;
    }

    /// Spec §4: trough, cash payback, break-even, monthly billing.
    #[test]
    fn monthly_billing_trough_cash_payback_and_break_even_match_the_reference(
        i in scenario(Billing::Monthly)
    ) {
        run(&i, check_cash_summary)?;
    }

    /// Spec §4: trough, cash payback, break-even, annual prepaid billing.
    #[test]
    fn annual_billing_trough_cash_payback_and_break_even_match_the_reference(
        i in scenario(Billing::AnnualPrepaid)
    ) {
        run(&i, check_cash_summary)?;
    }

    /// Spec §4: NRR, revenue split and magic number, monthly billing.
    #[test]
    fn monthly_billing_nrr_revenue_split_and_magic_number_match_the_reference(
        i in scenario(Billing::Monthly)
    ) {
        run(&i, check_growth)?;
    }

    /// Spec §4: NRR, revenue split and magic number, annual prepaid billing.
    #[test]
    fn annual_billing_nrr_revenue_split_and_magic_number_match_the_reference(
        i in scenario(Billing::AnnualPrepaid)
    ) {
        run(&i, check_growth)?;
    }

    /// The LTV formula of `economics` against the reference, over the quick
    /// calculator's ranges.
    #[test]
    fn economics_ltv_matches_the_reference(
        arpa in 0.0..=1_000_000.0f64,
        gm in 0.0..=100.0f64,
        // Enterprise-grade churn and small expansion often, so that the
        // cases between "finite" and "capped" come up in every run.
        churn in prop_oneof![0.0..=100.0f64, 0.0..=3.0f64],
        expansion in prop_oneof![Just(0.0), 0.0..=100.0f64, 0.0..=3.0f64],
    ) {
        let (c, e, g) = (churn / 100.0, expansion / 100.0, gm / 100.0);
        let expected = reference_ltv(arpa, g, c, e);
        let actual = economics::ltv(
            arpa,
            Share::from_percent(gm),
            MonthlyRate::from_percent(churn),
            MonthlyRate::from_percent(expansion),
        );
        same_ltv("LTV", expected, actual, ltv_scale(expected, c, e))?;
    }

    /// Lifetime, CAC payback, LTV:CAC and the churn conversions of
    /// `economics` against the reference.
    #[test]
    fn economics_lifetime_payback_ltv_cac_and_churn_conversion_match_the_reference(
        arpa in 0.0..=1_000_000.0f64,
        gm in 0.0..=100.0f64,
        churn in 0.0..=100.0f64,
        cac in prop_oneof![Just(0.0), 0.0..=0.01f64, 0.0..=100_000_000.0f64],
        ltv_dollars in 0.0..=1e9f64,
    ) {
        let c = churn / 100.0;
        match (reference_lifetime(c), economics::lifetime(MonthlyRate::from_percent(churn))) {
            (Lifetime::Unbounded, Lifetime::Unbounded) => {}
            (Lifetime::Months(x), Lifetime::Months(y)) => same("lifetime", x, y, 0.0)?,
            (x, y) => return fail(format!("lifetime: reference {x:?}, production {y:?}")),
        }
        same_payback(
            "payback",
            reference_payback(cac, arpa, gm / 100.0),
            economics::cac_payback(cac, arpa, Share::from_percent(gm)),
        )?;
        let ltv = Ltv::Finite(ltv_dollars);
        same_ltv_cac("LTV:CAC", reference_ltv_cac(ltv, cac), economics::ltv_cac(ltv, cac), 0.0)?;
        same(
            "annual churn",
            reference_annual_churn(c),
            economics::annual_churn_from_monthly(MonthlyRate::from_percent(churn)).fraction(),
            0.0,
        )?;
        same(
            "monthly churn",
            reference_monthly_churn(c),
            economics::monthly_churn_from_annual(AnnualRate::from_percent(churn)).fraction(),
            0.0,
        )?;
    }
}

/// Every channel mix (all eight, all off included) under both billings on
/// every preset at three horizons: the funnel, the monthly-billing rows and
/// the monthly-billing totals agree with the reference.
#[test]
fn every_channel_mix_of_every_preset_matches_the_reference_under_monthly_billing() {
    for motion in Motion::ALL {
        for mask in 0..8u32 {
            for horizon in [12u32, 37, 60] {
                let on = [mask & 1 != 0, mask & 2 != 0, mask & 4 != 0];
                let i = finish(preset(motion), Billing::Monthly, horizon, on);
                for check in [check_funnel_rows, check_money_rows, check_totals] {
                    if let Err(e) = run(&i, check) {
                        panic!("{motion:?}, channels {on:?}, {horizon} months: {e}");
                    }
                }
            }
        }
    }
}

// ===========================================================================
// The reference itself, on scenarios worked by hand
// ===========================================================================

fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
    (actual - expected).abs() <= tolerance
}

macro_rules! assert_close {
    ($actual:expr, $expected:expr, $tolerance:expr) => {{
        let (a, e): (f64, f64) = ($actual, $expected);
        assert!(
            close(a, e, $tolerance),
            "{} = {a}, expected {e}",
            stringify!($actual)
        );
    }};
}

/// Every channel off, monthly billing; then the given fields.
fn hand(horizon: u32, settings: &[(FieldId, f64)], on: [bool; 3], billing: Billing) -> Reference {
    let mut i = finish(
        preset(Motion::HybridFreemiumEnterprise),
        billing,
        horizon,
        on,
    );
    // Neutral values first, so only what a test sets matters.
    let neutral = [
        (FieldId::SsAcquisitionSpend, 0.0),
        (FieldId::SsCostPerSignup, 1.0),
        (FieldId::SsOrganicSignups, 0.0),
        (FieldId::SsViralCoefficient, 0.0),
        (FieldId::SsConversionLag, 0.0),
        (FieldId::SsExpansionPct, 0.0),
        (FieldId::SaPqlPct, 0.0),
        (FieldId::SaCostPerMonth, 0.0),
        (FieldId::SlPipelineSpend, 0.0),
        (FieldId::SlSalesCycle, 0.0),
        (FieldId::SlAccountExecutives, 0.0),
        (FieldId::SlAeRamp, 0.0),
        (FieldId::SlExpansionPct, 0.0),
        (FieldId::GrossMarginPct, 100.0),
    ];
    for (id, v) in neutral.iter().chain(settings) {
        put(&mut i, *id, *v);
    }
    reference(&i)
}

/// 100 organic sign-ups a month, half activate, 10 % of those pay $100 a
/// month from the same month, 10 % churn, 80 % margin, no spend.
fn self_serve_by_hand() -> Reference {
    hand(
        12,
        &[
            (FieldId::SsOrganicSignups, 100.0),
            (FieldId::SsActivationPct, 50.0),
            (FieldId::SsFreeToPaidPct, 10.0),
            (FieldId::SsArpa, 100.0),
            (FieldId::SsChurnPct, 10.0),
            (FieldId::GrossMarginPct, 80.0),
        ],
        [true, false, false],
        Billing::Monthly,
    )
}

#[test]
fn reference_self_serve_customers_build_up_as_worked_by_hand() {
    // activated = 100 × 0.5 = 50; new = 50 × 0.1 = 5 a month.
    // active: 5; 5 × 0.9 + 5 = 9.5; 9.5 × 0.9 + 5 = 13.55; 13.55 × 0.9 + 5 = 17.195.
    // MRR = active × $100 (no expansion): 500, 950, 1,355, 1,719.5.
    // net cash = revenue − 20 % cost of service − $0 spend: 400, 760, 1,084;
    // cumulative 400, 1,160, 2,244.
    let r = self_serve_by_hand();
    let rows = &r.rows;
    assert_close!(rows[0].activated, 50.0, 1e-12);
    assert_close!(rows[0].new[SS], 5.0, 1e-12);
    for (row, active) in rows.iter().zip([5.0, 9.5, 13.55, 17.195]) {
        assert_close!(row.active[SS], active, 1e-9);
        assert_close!(row.mrr[SS], active * 100.0, 1e-7);
    }
    assert_close!(rows[2].net_cash, 1_084.0, 1e-7);
    assert_close!(rows[2].cumulative_cash, 2_244.0, 1e-7);
    // LTV = 100 × 0.8 ÷ 0.1 = $800; CAC = $0 ÷ 60 = 0 → free acquisition,
    // payback 0 months; break-even in month 1; never below zero; NRR
    // 0.9^12 = 28.24 %; no spend before the last quarter → no magic number.
    let s = &r.summary;
    assert!(matches!(s.channels[SS].ltv, Ltv::Finite(_)));
    assert_close!(s.channels[SS].ltv.dollars(), 800.0, 1e-9);
    assert_eq!(s.channels[SS].cac, Some(0.0));
    assert_eq!(s.channels[SS].ltv_cac, Some(LtvCac::FreeAcquisition));
    assert_eq!(s.channels[SS].payback, Some(Payback::Months(0.0)));
    assert_eq!(s.break_even_month, Some(1));
    assert_eq!(s.trough, None);
    assert_eq!(s.cash_payback, CashPayback::NeverNegative);
    assert_close!(s.channels[SS].nrr_pct, 28.242_953_648_1, 1e-9);
    assert_eq!(s.magic_number, MagicNumber::NoPriorSpend);
}

#[test]
fn reference_viral_sign_ups_compound_as_worked_by_hand() {
    // paid = $1,000 ÷ $10 = 100 a month; k = 0.5:
    // 100; 100 + 0.5 × 100 = 150; 100 + 75 = 175; 100 + 87.5 = 187.5.
    let r = hand(
        12,
        &[
            (FieldId::SsAcquisitionSpend, 1_000.0),
            (FieldId::SsCostPerSignup, 10.0),
            (FieldId::SsViralCoefficient, 0.5),
        ],
        [true, false, false],
        Billing::Monthly,
    );
    // Ten million addressable accounts slow the referrals of month t by the
    // share reached before it: 100, 100 + 50 × (1 − 100 ÷ 10⁷), …
    let market: f64 = 10_000_000.0;
    let mut expected = Vec::new();
    let (mut reached, mut last): (f64, f64) = (0.0, 0.0);
    for _ in 0..4 {
        let now = 100.0 + 0.5 * last * (1.0 - reached / market);
        expected.push(now);
        reached += now;
        last = now;
    }
    for (e, hand) in expected.iter().zip([100.0, 150.0, 175.0, 187.5]) {
        assert!((e - hand).abs() < 0.01, "{e} is about {hand}");
    }
    for (row, signups) in r.rows.iter().zip(expected) {
        assert_close!(row.signups, signups, 1e-9);
        assert_eq!(row.spend, [1_000.0, 0.0, 0.0]);
    }
}

/// Referrals slow as the addressable market fills: 1,000 accounts, no paid
/// or organic sign-ups beyond a first 100, k = 2. Month 1: 100 organic.
/// Month 2: 100 + 2 × 100 × (1 − 100 ÷ 1,000) = 280. Month 3: 100 + 2 × 280
/// × (1 − 380 ÷ 1,000) = 447.2. A k of 2 would otherwise double every month
/// without end.
#[test]
fn reference_viral_sign_ups_slow_as_the_market_fills() {
    let r = hand(
        12,
        &[
            (FieldId::SsOrganicSignups, 100.0),
            (FieldId::SsViralCoefficient, 2.0),
            (FieldId::SsMarketAccounts, 1_000.0),
        ],
        [true, false, false],
        Billing::Monthly,
    );
    for (row, signups) in r.rows.iter().zip([100.0, 280.0, 447.2]) {
        assert_close!(row.signups, signups, 1e-9);
    }
    // Once the market is reached only the organic sign-ups are left.
    let last = r.rows.last().map_or(0.0, |row| row.signups);
    assert_close!(last, 100.0, 1e-9);
}

/// Self-serve with PQLs: spend $1,000 at $10 → 100 paid + 100 organic
/// sign-ups, all activate; 20 % become PQLs, half of those opportunities,
/// 40 % won; the rest convert at 10 %; lag 2 months; sales-assist $2,000 a
/// month; 12 months.
fn sales_assist_by_hand() -> Reference {
    hand(
        12,
        &[
            (FieldId::SsAcquisitionSpend, 1_000.0),
            (FieldId::SsCostPerSignup, 10.0),
            (FieldId::SsOrganicSignups, 100.0),
            (FieldId::SsActivationPct, 100.0),
            (FieldId::SsFreeToPaidPct, 10.0),
            (FieldId::SsConversionLag, 2.0),
            (FieldId::SsArpa, 100.0),
            (FieldId::SsChurnPct, 5.0),
            (FieldId::SaPqlPct, 20.0),
            (FieldId::SaPqlToOpportunityPct, 50.0),
            (FieldId::SaWinPct, 40.0),
            (FieldId::SaArpa, 500.0),
            (FieldId::SaCostPerMonth, 2_000.0),
        ],
        [true, true, false],
        Billing::Monthly,
    )
}

#[test]
fn reference_conversion_lag_and_pqls_split_the_funnel_as_worked_by_hand() {
    // activated 200; PQLs 200 × 0.2 = 40; opportunities 20;
    // self-serve new = 200 × 0.8 × 0.1 = 16, sales-assisted new = 20 × 0.4
    // = 8, both from month 3 (lag 2).
    let r = sales_assist_by_hand();
    for (index, row) in r.rows.iter().enumerate() {
        assert_close!(row.pqls, 40.0, 1e-9);
        assert_close!(row.opp_sa, 20.0, 1e-9);
        let (ss, sa) = if index < 2 { (0.0, 0.0) } else { (16.0, 8.0) };
        assert_close!(row.new[SS], ss, 1e-9);
        assert_close!(row.new[SA], sa, 1e-9);
    }
}

#[test]
fn reference_cac_headline_lag_matched_and_fully_loaded_as_worked_by_hand() {
    // 12 months, customers from month 3: N_ss = 10 × 16 = 160, N_sa = 80.
    // Headline: self-serve $12,000 ÷ 160 = $75; sales-assisted $24,000 ÷ 80
    // = $300; blended $36,000 ÷ 240 = $150.
    // Lag-matched (l = 2): spend of months 1..10 ÷ customers of months 3..12:
    // $10,000 ÷ 160 = $62.50 and $20,000 ÷ 80 = $250.
    // Fully loaded sales-assisted: ($24,000 + 0.2 × $12,000) ÷ 80 = $330.
    let s = sales_assist_by_hand().summary;
    assert_close!(s.channels[SS].cac.unwrap_or(f64::NAN), 75.0, 1e-9);
    assert_close!(s.channels[SA].cac.unwrap_or(f64::NAN), 300.0, 1e-9);
    assert_close!(s.blended_cac.unwrap_or(f64::NAN), 150.0, 1e-9);
    assert_close!(
        s.channels[SS].lag_matched_cac.unwrap_or(f64::NAN),
        62.5,
        1e-9
    );
    assert_close!(
        s.channels[SA].lag_matched_cac.unwrap_or(f64::NAN),
        250.0,
        1e-9
    );
    assert_close!(s.fully_loaded_sa_cac.unwrap_or(f64::NAN), 330.0, 1e-9);
}

/// Sales-led: $10,000 of pipeline at $1,000 → 10 opportunities a month,
/// 30 % won after one month; 2 AEs at $120,000 a year, 1 deal a month each,
/// 2-month ramp; ACV $12,000; 1 % churn; 80 % margin; 12 months.
fn sales_led_by_hand() -> Reference {
    hand(
        12,
        &[
            (FieldId::SlPipelineSpend, 10_000.0),
            (FieldId::SlCostPerOpportunity, 1_000.0),
            (FieldId::SlWinPct, 30.0),
            (FieldId::SlSalesCycle, 1.0),
            (FieldId::SlAcv, 12_000.0),
            (FieldId::SlAccountExecutives, 2.0),
            (FieldId::SlAeLoadedCost, 120_000.0),
            (FieldId::SlAeCapacity, 1.0),
            (FieldId::SlAeRamp, 2.0),
            (FieldId::SlChurnPct, 1.0),
            (FieldId::GrossMarginPct, 80.0),
        ],
        [false, false, true],
        Billing::Monthly,
    )
}

#[test]
fn reference_sales_led_capacity_ramp_and_cac_as_worked_by_hand() {
    // Month 1: nothing closes yet (cycle 1); capacity 2 × 1 × 1/2 = 1.
    // Month 2 on: 3 deals would close, capacity 2 → 2 won, 1 lost.
    // Spend $10,000 + 2 × $10,000 = $30,000 a month.
    let r = sales_led_by_hand();
    assert_close!(r.rows[0].capacity, 1.0, 1e-12);
    assert_close!(r.rows[0].new[SL], 0.0, 1e-12);
    for row in &r.rows[1..] {
        assert_close!(row.capacity, 2.0, 1e-12);
        assert_close!(row.new[SL], 2.0, 1e-12);
        assert_close!(row.lost, 1.0, 1e-12);
        assert_close!(row.spend[SL], 30_000.0, 1e-9);
    }
    // Active: month 2: 2; month 3: 2 × 0.99 + 2 = 3.98.
    assert_close!(r.rows[2].active[SL], 3.98, 1e-12);
    // N = 11 × 2 = 22, P = 12 × $30,000 = $360,000: headline CAC
    // $16,363.64; lag-matched (S = 1) $330,000 ÷ 22 = $15,000.
    // LTV = $1,000 × 0.8 ÷ 0.01 = $80,000, finite (not capped at 60 × $800);
    // payback $16,363.64 ÷ $800 = 20.45 months; 11 deals lost.
    let s = &r.summary;
    let sl = &s.channels[SL];
    assert_close!(sl.cac.unwrap_or(f64::NAN), 360_000.0 / 22.0, 1e-9);
    assert_close!(sl.lag_matched_cac.unwrap_or(f64::NAN), 15_000.0, 1e-9);
    assert!(matches!(sl.ltv, Ltv::Finite(_)));
    assert_close!(sl.ltv.dollars(), 80_000.0, 1e-7);
    // ARPA = ACV ÷ 12 = $1,000; the lag of the channel is its sales cycle.
    assert_close!(r.read.arpa[SL], 1_000.0, 1e-12);
    assert_eq!(sl.lag, 1);
    // Five years: $800 × (1 − 0.99^60) ÷ 0.01 = $36,227.47 (geometric series).
    assert_close!(sl.ltv_5y, 800.0 * (1.0 - 0.99f64.powi(60)) / 0.01, 1e-6);
    match sl.payback {
        Some(Payback::Months(m)) => assert_close!(m, 20.454_545_454_5, 1e-9),
        other => panic!("payback {other:?}"),
    }
    assert_close!(s.deals_lost_to_capacity, 11.0, 1e-9);
}

#[test]
fn reference_annual_prepaid_cohorts_renew_once_a_year_as_worked_by_hand() {
    // 1 new self-serve customer a month at $100, 10 % churn, 5 % expansion,
    // 100 % margin, no spend, annual prepaid, 13 months.
    // Months 1–12: nobody leaves mid-year, so active = t and MRR = $100 t;
    // each month's new cohort pays 12 × $100 = $1,200 up front.
    // Month 13: cohort 1 renews: 0.9^12 = 0.282 429 5 customers, MRR
    // $100 × 0.95^12 = $54.036 0; active 12 + 0.282 429 5; MRR $1,254.036 0;
    // cash in $1,200 + 12 × $54.036 0 = $1,848.432 1.
    let r = hand(
        13,
        &[
            (FieldId::SsOrganicSignups, 10.0),
            (FieldId::SsActivationPct, 100.0),
            (FieldId::SsFreeToPaidPct, 10.0),
            (FieldId::SsArpa, 100.0),
            (FieldId::SsChurnPct, 10.0),
            (FieldId::SsExpansionPct, 5.0),
        ],
        [true, false, false],
        Billing::AnnualPrepaid,
    );
    for (index, row) in r.rows[..12].iter().enumerate() {
        let t = index as f64 + 1.0;
        assert_close!(row.active[SS], t, 1e-9);
        assert_close!(row.mrr[SS], 100.0 * t, 1e-9);
        assert_close!(row.cash_in, 1_200.0, 1e-9);
    }
    assert_close!(r.rows[11].cumulative_cash, 14_400.0, 1e-9);
    let m13 = &r.rows[12];
    assert_close!(m13.active[SS], 12.282_429_536_481, 1e-9);
    assert_close!(m13.mrr[SS], 1_254.036_008_766, 1e-8);
    assert_close!(m13.cash_in, 1_848.432_105_195, 1e-8);
}

#[test]
fn reference_trough_cash_payback_break_even_and_magic_number_as_worked_by_hand() {
    // 1 new self-serve customer a month at $100, no churn, 50 % margin;
    // the sales-assisted team costs $120 a month and finds no PQLs (share 0).
    // Net cash(t) = $100 t − $50 t − $120 = $50 t − $120:
    // −70, −20, +30, +80 → cumulative −70, −90, −60, +20.
    // Trough month 2 at −$90; back at ≥ 0 in month 4; gross profit $50 t
    // covers $120 from month 3.
    // Magic (12 months): 12 × ($1,200 − $900) ÷ (3 × $120) = 10.
    // Blended CAC $1,440 ÷ 12 = $120; LTV capped at $50 × 60 = $3,000 (no
    // churn); blended LTV:CAC 25; blended payback $120 ÷ $50 = 2.4 months.
    // NRR: month H − 12 = 0 has no MRR, so month H weighs: 100 %.
    let r = hand(
        12,
        &[
            (FieldId::SsOrganicSignups, 100.0),
            (FieldId::SsActivationPct, 100.0),
            (FieldId::SsFreeToPaidPct, 1.0),
            (FieldId::SsArpa, 100.0),
            (FieldId::SsChurnPct, 0.0),
            (FieldId::SaCostPerMonth, 120.0),
            (FieldId::GrossMarginPct, 50.0),
        ],
        [true, true, false],
        Billing::Monthly,
    );
    for (row, cumulative) in r.rows.iter().zip([-70.0, -90.0, -60.0, 20.0]) {
        assert_close!(row.cumulative_cash, cumulative, 1e-9);
    }
    let s = &r.summary;
    assert_eq!(s.trough.map(|(m, _)| m), Some(2));
    assert_close!(s.trough.map_or(f64::NAN, |(_, d)| d), -90.0, 1e-9);
    assert_eq!(s.cash_payback, CashPayback::PaidBackIn(4));
    assert_eq!(s.break_even_month, Some(3));
    match s.magic_number {
        MagicNumber::Ratio(x) => assert_close!(x, 10.0, 1e-9),
        other => panic!("magic number {other:?}"),
    }
    assert_close!(s.blended_cac.unwrap_or(f64::NAN), 120.0, 1e-9);
    assert_eq!(s.blended_ltv, Some(Ltv::Capped(3_000.0)));
    assert_eq!(s.blended_ltv_cac, Some(LtvCac::Ratio(25.0)));
    assert_eq!(s.blended_payback, Some(Payback::Months(2.4)));
    assert_eq!(s.channels[SA].cac, None);
    assert_close!(s.nrr_pct.unwrap_or(f64::NAN), 100.0, 1e-9);
    assert_eq!(s.revenue_split_pct, Some([100.0, 0.0, 0.0]));
}

#[test]
fn reference_nrr_weighs_channels_by_mrr_twelve_months_before_the_end() {
    // Self-serve: 1 new a month at $100, 10 % churn → NRR 0.9^12 = 28.243 %;
    // its MRR at month 12 = $100 × (1 − 0.9^12) ÷ 0.1 = $717.570.
    // Sales-led: 10 opportunities, 10 % won, no cycle, ample capacity → 1 new
    // a month at $1,200 ACV = $100 MRR, no churn → NRR 100 %, MRR(12) $1,200.
    // Horizon 24: weights are month 12's MRR:
    // (717.570 × 28.243 + 1,200 × 100) ÷ 1,917.570 = 73.148 %
    // (month 24's MRR would give 80.112 %).
    let r = hand(
        24,
        &[
            (FieldId::SsOrganicSignups, 10.0),
            (FieldId::SsActivationPct, 100.0),
            (FieldId::SsFreeToPaidPct, 10.0),
            (FieldId::SsArpa, 100.0),
            (FieldId::SsChurnPct, 10.0),
            (FieldId::SlPipelineSpend, 10_000.0),
            (FieldId::SlCostPerOpportunity, 1_000.0),
            (FieldId::SlWinPct, 10.0),
            (FieldId::SlAcv, 1_200.0),
            (FieldId::SlAccountExecutives, 1.0),
            (FieldId::SlAeCapacity, 100.0),
            (FieldId::SlChurnPct, 0.0),
        ],
        [true, false, true],
        Billing::Monthly,
    );
    assert_close!(r.rows[11].mrr[SS], 717.570_463_519, 1e-8);
    assert_close!(r.summary.nrr_pct.unwrap_or(f64::NAN), 73.147_929_637, 1e-8);
}

// ===========================================================================
// The reference's unit economics against published worked examples
// ===========================================================================

/// David Skok, For Entrepreneurs, "SaaS Metrics 2.0 – Detailed Definitions":
/// LTV = ARPA × gross margin % ÷ churn. Enterprise-grade churn examples
/// (≤ 1.5 %/month) from AbraCalc, "Customer LTV: $1,000 ARPA, 75% Margin, 1%
/// Churn" ($75,000) and "Customer LTV: $2,000 ARPA, 60% Margin, 0.5% Churn"
/// ($240,000), and Pulse RevOps, "How do I calculate LTV when expansion is
/// meaningful?" ($1,226 × 0.78 ÷ 0.014 = $68,306). None is capped.
#[test]
fn reference_ltv_is_skoks_formula_and_never_capped_at_enterprise_churn() {
    let v = reference_ltv(1_000.0, 0.75, 0.01, 0.0);
    assert!(matches!(v, Ltv::Finite(_)));
    assert_close!(v.dollars(), 75_000.0, 1e-6);
    let v = reference_ltv(2_000.0, 0.60, 0.005, 0.0);
    assert!(matches!(v, Ltv::Finite(_)));
    assert_close!(v.dollars(), 240_000.0, 1e-6);
    let v = reference_ltv(1_226.0, 0.78, 0.014, 0.0);
    assert!(matches!(v, Ltv::Finite(_)));
    assert_close!(v.dollars(), 68_306.0, 0.5);
    // Issue 11, item 1 (the issue's own hand calculation): $2,000, 75 %,
    // 0.8 % → $187,500, not the $90,000 of a 60-month cap.
    let v = reference_ltv(2_000.0, 0.75, 0.008, 0.0);
    assert!(matches!(v, Ltv::Finite(_)));
    assert_close!(v.dollars(), 187_500.0, 1e-6);
}

/// PRODUCT.md: with expansion LTV = ARPA × GM ÷ (churn − expansion), capped
/// at 60 months of gross profit only when churn is 0 or expansion ≥ churn.
/// Getfairview, "LTV calculator": when expansion equals or exceeds churn the
/// expansion-adjusted formula goes infinite, so cap the lifetime (60–84
/// months).
#[test]
fn reference_ltv_with_expansion_divides_by_net_churn_and_caps_only_the_infinite_case() {
    // $100 × 0.8 ÷ (0.05 − 0.01) = $2,000.
    let v = reference_ltv(100.0, 0.8, 0.05, 0.01);
    assert!(matches!(v, Ltv::Finite(_)));
    assert_close!(v.dollars(), 2_000.0, 1e-9);
    assert_eq!(reference_ltv(100.0, 0.8, 0.0, 0.0), Ltv::Capped(4_800.0));
    assert_eq!(reference_ltv(100.0, 0.8, 0.02, 0.02), Ltv::Capped(4_800.0));
    assert_eq!(reference_ltv(100.0, 0.8, 0.02, 0.05), Ltv::Capped(4_800.0));
    // No gross profit: 0, not capped.
    assert_eq!(reference_ltv(0.0, 0.8, 0.0, 0.0), Ltv::Finite(0.0));
}

/// David Skok, "SaaS Metrics 2.0 – Detailed Definitions": a 3 % monthly
/// churn gives a lifetime of 1 ÷ 0.03 ≈ 33 months; 20 % annual churn gives 5
/// years (the formula is the same per period).
#[test]
fn reference_lifetime_is_one_over_churn_as_in_skoks_example() {
    match reference_lifetime(0.03) {
        Lifetime::Months(m) => assert_close!(m, 33.333_333_333, 1e-6),
        Lifetime::Unbounded => panic!("3 % churn has a lifetime"),
    }
    match reference_lifetime(0.20) {
        Lifetime::Months(m) => assert_close!(m, 5.0, 1e-12),
        Lifetime::Unbounded => panic!("20 % churn has a lifetime"),
    }
    assert_eq!(reference_lifetime(0.0), Lifetime::Unbounded);
}

/// Churnkey, "Convert Annual To Monthly Churn: Calculator, Formula,
/// Benchmarks": monthly 1 % ↔ annual 11.36 %, 2 % ↔ 21.53 %, 5 % ↔ 45.96 %,
/// 10 % ↔ 71.76 % (annual = 1 − (1 − m)^12, monthly = 1 − (1 − a)^(1/12)).
#[test]
fn reference_churn_conversion_matches_churnkeys_table() {
    for (monthly, annual) in [
        (0.01, 0.1136),
        (0.02, 0.2153),
        (0.05, 0.4596),
        (0.10, 0.7176),
    ] {
        assert_close!(reference_annual_churn(monthly), annual, 0.000_05);
        assert_close!(reference_monthly_churn(annual), monthly, 0.000_05);
    }
    // Round trip, exact up to rounding.
    assert_close!(
        reference_monthly_churn(reference_annual_churn(0.013)),
        0.013,
        1e-12
    );
}

/// CAC payback = CAC ÷ (ARPA × GM): Callculator, "Pre-Seed Payback
/// Calculator" (CAC $600, ARPU $120, 80 % → $96 a month, 6.25 months);
/// PricingNest, "CAC Payback Period Calculator" (CAC $1,200, ARPA $200,
/// 80 % → 7.5 months).
#[test]
fn reference_payback_matches_published_examples() {
    assert_close!(
        reference_payback(600.0, 120.0, 0.8)
            .months()
            .unwrap_or(f64::NAN),
        6.25,
        1e-12
    );
    assert_close!(
        reference_payback(1_200.0, 200.0, 0.8)
            .months()
            .unwrap_or(f64::NAN),
        7.5,
        1e-12
    );
    assert_eq!(reference_payback(600.0, 0.004, 1.0), Payback::Never);
    assert_eq!(
        reference_ltv_cac(Ltv::Finite(300.0), 0.004),
        LtvCac::FreeAcquisition
    );
}

/// David Skok, "What's your TRUE customer lifetime value (LTV)? – DCF
/// provides the answer" (discount future gross profit; 10 % a year
/// suggested). Per period the spec's infinite sum Σ_{k≥1} gp g^(k−1) ÷
/// (1 + d)^k = gp ÷ (d + c − e) is the margin multiple of Gupta, Lehmann &
/// Stuart ("Valuing Customers", JMR 2004) divided by retention: their
/// m × r ÷ (1 + i − r) counts a first margin only once the customer is
/// retained, ours counts month 1 (already paid). Ealhamed Frameworks Library,
/// "The CLV Formula": at r = 80 %, i = 10 % the multiple is 2.67 periods of
/// margin. With retention 1 both give the perpetuity margin ÷ i (Farris et
/// al., "Marketing Metrics", as quoted in the Solutioninn CLV question).
#[test]
fn reference_discounted_ltv_agrees_with_the_published_margin_multiple() {
    // A 10 % rate per period (month): the annual rate is 1.1^12 − 1.
    let annual = 1.1f64.powi(12) - 1.0;
    let v = reference_discounted_ltv(1.0, 1.0, 0.2, 0.0, annual);
    assert!(matches!(v, Ltv::Finite(_)));
    assert_close!(v.dollars() * 0.8, 2.67, 0.005);
    // Retention 1 (no churn): $1 ÷ 0.1 = $10 of margin in perpetuity.
    let v = reference_discounted_ltv(1.0, 1.0, 0.0, 0.0, annual);
    assert_close!(v.dollars(), 10.0, 1e-9);
    // Hand check at a 10 % annual rate: d = 1.1^(1/12) − 1 = 0.797 414 %;
    // $100 × 0.8 ÷ (0.007 974 14 + 0.03) = $2,106.70, below the
    // undiscounted $2,666.67.
    let v = reference_discounted_ltv(100.0, 0.8, 0.03, 0.0, 0.10);
    assert_close!(
        v.dollars(),
        80.0 / (1.1f64.powf(1.0 / 12.0) - 1.0 + 0.03),
        1e-9
    );
    assert_close!(v.dollars(), 2_106.70, 0.005);
    // Expansion beyond churn + discount: the 60-month discounted sum,
    // capped; with no discount and no net churn it is 60 months of gp.
    assert_eq!(
        reference_discounted_ltv(100.0, 0.8, 0.02, 0.02, 0.0),
        Ltv::Capped(4_800.0)
    );
    assert!(reference_discounted_ltv(100.0, 0.8, 0.01, 0.05, 0.10).is_capped());
}

/// PRODUCT.md: LTV over 5 years = one customer's gross profit over 60
/// months, churn and expansion applied month by month. Checked against the
/// geometric series gp × (1 − g^60) ÷ (1 − g), worked here by hand.
#[test]
fn reference_ltv_over_five_years_sums_sixty_months_of_gross_profit() {
    // No churn, no expansion: 60 × $80 = $4,800.
    assert_close!(reference_ltv_5y(100.0, 0.8, 0.0, 0.0), 4_800.0, 1e-9);
    // 2 % churn: $80 × (1 − 0.98^60) ÷ 0.02 = $2,809.79 (< $4,000 LTV).
    assert_close!(reference_ltv_5y(100.0, 0.8, 0.02, 0.0), 2_809.787_429, 1e-5);
    // Churn equal to expansion: g = 1, 60 months of gp again.
    assert_close!(reference_ltv_5y(100.0, 0.8, 0.03, 0.03), 4_800.0, 1e-9);
    // 100 % churn: only month 1 earns.
    assert_close!(reference_ltv_5y(100.0, 0.8, 1.0, 0.0), 80.0, 1e-12);
    // Enterprise churn 0.8 % (issue 11): five years is well below $187,500.
    let five_years = reference_ltv_5y(2_000.0, 0.75, 0.008, 0.0);
    assert_close!(
        five_years,
        1_500.0 * (1.0 - 0.992f64.powi(60)) / 0.008,
        1e-6
    );
    assert!(five_years < 187_500.0);
}
