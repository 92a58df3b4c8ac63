//! The brief: what a scenario says, written from its own figures, and what
//! needs attention first. It opens the plan's one-page report and the top of
//! Simulate.
//!
//! # What it holds
//! - Three sentences, each built from numbers of the projection:
//!   1. the **motion**: the motion planned for, ARR at the horizon, paying
//!      customers and which channels bring the revenue;
//!   2. the **payback**: blended CAC and CAC payback (CAC ÷ (ARPA × gross
//!      margin), months), read against the average customer lifetime (a
//!      payback longer than the lifetime loses money on every customer) and
//!      the usual 12-month bar;
//!   3. **when cash turns**: the lowest point of cumulative cash, the first
//!      month whose gross profit covers its spend (monthly cash-flow
//!      break-even), and the month cumulative cash is back at zero.
//! - When the reality check finds a number no real company shows, a caveat
//!   saying the figures rest on it.
//! - At most three items of "what needs attention first", each with what is
//!   wrong, the action it suggests and the input it points at.
//!
//! # How the items are ranked
//! Every item has an **effect**: how far the headline results hang on its
//! input, measured by the tornado ([`crate::domain::insight::tornado`]) —
//! the largest, over LTV:CAC, payback and ARR at the horizon, of
//! |result with the input raised − result with it lowered| ÷ |result as it
//! is| (the base floored at 1 month, 1× and $1,000 so a zero base does not
//! divide by zero). Reality-check findings come first, largest effect first:
//! a projection that rests on an impossible number is not worth tuning.
//! Then the inputs that move the weakest result most (payback when it is
//! past the bar or the lifetime, else LTV:CAC when under 3, else ARR when
//! cash does not come back; otherwise payback, as the numbers to check), in
//! the tornado's order, their effect measured on that result alone. A move
//! that would trip a reality check (or lift the gross margin above the
//! published band) is not suggested, and an input is listed once.
//!
//! Nothing here praises: a sentence states a figure and what it is measured
//! against, and changes when the figures do.

use crate::domain::benchmarks::{
    Segment, CARD_TRIAL_TO_PAID_PCT, FREEMIUM_TO_PAID_PCT, GROSS_MARGIN_PCT, LTV_CAC_HEALTHY,
    PAYBACK_BAR_MONTHS, WIN_RATE_PCT,
};
use crate::domain::economics::{Lifetime, LtvCac, Payback};
use crate::domain::format;
use crate::domain::insight::{
    sanity_checks, Output, Reading, SanityId, SanityWarning, Sensitivity, TornadoRow,
};
use crate::domain::motion::Motion;
use crate::domain::sim::{simulate, CashPayback, Channel, FieldId, ScenarioInputs, Summary};

/// The most items "what needs attention first" lists.
pub const MAX_ATTENTION: usize = 3;

/// Below this share of revenue (%), a channel is not named in the motion
/// sentence.
const NAMED_SHARE_PCT: f64 = 0.5;

/// Where an attention item comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Source {
    /// A reality-check finding.
    RealityCheck(SanityId),
    /// An input that moves this result most (the tornado).
    Sensitivity(Output),
}

/// Said when no item needs attention.
pub const NOTHING_STANDS_OUT: &str =
    "Nothing stands out: no input is implausible, and none moves the result when changed.";

/// One thing that needs attention.
#[derive(Clone, Debug, PartialEq)]
pub struct Attention {
    /// What is wrong, with the numbers.
    pub problem: String,
    /// What to do about it.
    pub action: String,
    /// The input to change, when one is to blame.
    pub field: Option<FieldId>,
    /// How far the headline results hang on that input (see the module
    /// docs); 0 when no single input is to blame. Always finite, ≥ 0.
    pub effect: f64,
    /// Where it comes from.
    pub source: Source,
}

/// What a scenario says and what needs attention first.
#[derive(Clone, Debug, PartialEq)]
pub struct Brief {
    /// Motion, payback, when cash turns: one sentence each.
    pub sentences: [String; 3],
    /// Said when the reality check found numbers no real company shows.
    pub caveat: Option<String>,
    /// At most [`MAX_ATTENTION`] items, most important first.
    pub attention: Vec<Attention>,
}

/// Writes the brief of a scenario: `motion` is the motion planned for (the
/// Assess result or the one picked), `summary` the projection of `inputs`,
/// `sensitivity` the tornado of the same inputs.
pub fn brief(
    motion: Option<Motion>,
    inputs: &ScenarioInputs,
    summary: &Summary,
    sensitivity: &Sensitivity,
) -> Brief {
    let warnings = sanity_checks(inputs, summary);
    let caveat = match warnings.len() {
        0 => None,
        1 => Some(
            "One input is outside what real companies report, so these figures are not credible until it is fixed."
                .to_string(),
        ),
        n => Some(format!(
            "{n} inputs are outside what real companies report, so these figures are not credible until they are fixed."
        )),
    };
    Brief {
        sentences: [
            motion_sentence(motion, inputs, summary),
            payback_sentence(summary),
            cash_sentence(inputs, summary),
        ],
        caveat,
        attention: attention(inputs, summary, sensitivity, &warnings),
    }
}

/// Sentence 1: the motion, ARR at the horizon, customers, revenue mix.
fn motion_sentence(motion: Option<Motion>, inputs: &ScenarioInputs, summary: &Summary) -> String {
    let lead = match motion {
        Some(m) => format!("Planned as “{}”, the scenario", m.label()),
        None => "With no motion chosen yet, the scenario".to_string(),
    };
    let months = inputs.horizon_months;
    if summary.ending_arr <= 0.0 {
        return format!(
            "{lead} brings no revenue in {months} months: no channel wins a paying customer."
        );
    }
    format!(
        "{lead} reaches {} of ARR after {months} months with {} paying customers{}.",
        format::money(summary.ending_arr),
        format::count(summary.ending_customers),
        revenue_mix(summary),
    )
}

/// ", self-serve bringing 70% of revenue and sales-led 30%", ", all of it
/// from sales-led", or "" when no channel has revenue.
fn revenue_mix(summary: &Summary) -> String {
    let Some(split) = summary.revenue_split_pct else {
        return String::new();
    };
    let mut shares: Vec<(Channel, f64)> = Channel::ALL
        .into_iter()
        .map(|ch| (ch, split.get(ch)))
        .filter(|(_, pct)| pct.is_finite() && *pct >= NAMED_SHARE_PCT)
        .collect();
    shares.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut parts = shares.iter().enumerate().map(|(i, (ch, pct))| {
        let name = lower_first(ch.label());
        if i == 0 {
            format!("{name} bringing {} of revenue", format::percent(*pct, 0))
        } else {
            format!("{name} {}", format::percent(*pct, 0))
        }
    });
    match shares.as_slice() {
        [] => String::new(),
        [(only, pct)] if *pct >= 99.5 => format!(", all of it from {}", lower_first(only.label())),
        _ => {
            let all: Vec<String> = parts.by_ref().collect();
            match all.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!(", {} and {last}", rest.join(", "))
                }
                Some((last, _)) => format!(", {last}"),
                None => String::new(),
            }
        }
    }
}

/// Sentence 2: blended CAC and payback against the lifetime and the bar.
fn payback_sentence(summary: &Summary) -> String {
    let cac = summary.blended_cac.map(format::money);
    match (summary.blended_payback, cac) {
        (None, _) | (_, None) => {
            "No customer is won within the horizon, so there is no acquisition cost to pay back."
                .to_string()
        }
        (Some(Payback::Never), Some(cac)) => format!(
            "Customers bring no gross profit, so the {cac} each one costs to win is never paid back."
        ),
        (Some(Payback::Months(m)), Some(cac)) => {
            let lead = format!(
                "Winning a customer costs {cac}, paid back from gross profit in {}",
                format::months(m, 1)
            );
            let lifetime = match summary.blended_lifetime {
                Some(Lifetime::Months(l)) => Some(l),
                _ => None,
            };
            match lifetime {
                Some(l) if m > l => format!(
                    "{lead}: longer than the {} an average customer stays, so each new customer loses money.",
                    format::months(l, 1)
                ),
                _ if m <= PAYBACK_BAR_MONTHS => format!(
                    "{lead}, inside the usual {}-month bar.",
                    format::count(PAYBACK_BAR_MONTHS)
                ),
                _ => {
                    let segment = Segment::from_arpa(weighted_arpa(summary));
                    let band = segment.payback();
                    let usual = if band.contains(m) {
                        format!(
                            "within the {} months usual for {} plans",
                            band.span(),
                            segment.label()
                        )
                    } else {
                        format!(
                            "while {} plans usually take {} months",
                            segment.label(),
                            band.span()
                        )
                    };
                    format!(
                        "{lead}: {} past the usual {}-month bar, {usual}.",
                        format::months(m - PAYBACK_BAR_MONTHS, 1),
                        format::count(PAYBACK_BAR_MONTHS)
                    )
                }
            }
        }
    }
}

/// ARPA weighted by each channel's new customers, $/month (0 without any).
fn weighted_arpa(summary: &Summary) -> f64 {
    let (mut revenue, mut customers) = (0.0, 0.0);
    for ch in Channel::ALL {
        let c = summary.channels.get(ch);
        if c.enabled && c.new_customers > 0.0 {
            revenue += c.arpa_per_month * c.new_customers;
            customers += c.new_customers;
        }
    }
    if customers > 0.0 && revenue.is_finite() {
        revenue / customers
    } else {
        0.0
    }
}

/// Sentence 3: the trough, monthly break-even and cash back at zero.
fn cash_sentence(inputs: &ScenarioInputs, summary: &Summary) -> String {
    let months = inputs.horizon_months;
    let break_even = match summary.break_even_month {
        Some(b) => format!("monthly cash flow turns positive in month {b}"),
        None => format!("monthly cash flow does not turn positive within {months} months"),
    };
    match (summary.trough, summary.cash_payback) {
        (_, CashPayback::NeverNegative) | (None, _) => format!(
            "Cumulative cash never goes below zero, and {break_even}; it ends at {}.",
            format::money(summary.ending_cumulative_cash)
        ),
        (Some(t), CashPayback::PaidBackIn(p)) => format!(
            "Cash is lowest in month {} at {}; {break_even}, and the cash spent is back by month {p}.",
            t.month,
            format::money(t.dollars)
        ),
        (Some(t), CashPayback::NotWithinHorizon) => format!(
            "Cash is lowest in month {} at {}; {break_even}, and cumulative cash is still {} at month {months}, so the spend is not recovered within the horizon.",
            t.month,
            format::money(t.dollars),
            format::money(summary.ending_cumulative_cash)
        ),
    }
}

/// The first letter in lower case, unless the word is an acronym.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.clone().next()) {
        (Some(c), Some(d)) if !d.is_uppercase() => c.to_lowercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// The floor of each result's base when an effect is measured against it.
fn effect_floor(output: Output) -> f64 {
    match output {
        Output::LtvCac => 1.0,
        Output::Payback => 1.0,
        Output::EndingArr => 1_000.0,
    }
}

/// How far `field` moves the headline results (see the module docs): over
/// every result, or only `output` when one is given.
fn field_effect(sensitivity: &Sensitivity, field: FieldId, output: Option<Output>) -> f64 {
    sensitivity
        .charts
        .iter()
        .filter(|chart| output.is_none_or(|o| o == chart.output))
        .flat_map(|chart| {
            let base = chart.base.shown.abs().max(effect_floor(chart.output));
            chart
                .rows
                .iter()
                .filter(move |r| r.field == field)
                .map(move |r| r.swing() / base)
        })
        .filter(|e| e.is_finite())
        .fold(0.0, f64::max)
}

/// The result whose movers are listed, and whether it is weak.
fn lever_output(summary: &Summary) -> (Output, bool) {
    let lifetime = match summary.blended_lifetime {
        Some(Lifetime::Months(l)) => l,
        _ => f64::INFINITY,
    };
    match summary.blended_payback {
        Some(Payback::Never) => return (Output::Payback, true),
        Some(Payback::Months(m)) if m > PAYBACK_BAR_MONTHS || m > lifetime => {
            return (Output::Payback, true)
        }
        _ => {}
    }
    if let Some(LtvCac::Ratio(r)) = summary.blended_ltv_cac {
        if r < LTV_CAC_HEALTHY {
            return (Output::LtvCac, true);
        }
    }
    if summary.cash_payback == CashPayback::NotWithinHorizon {
        return (Output::EndingArr, true);
    }
    (Output::Payback, false)
}

/// A result's reading in words: "14.3 months", "3.2×", "$1,200,000", or
/// what stands in for it.
fn reading_text(output: Output, reading: &Reading) -> String {
    match (reading.exact, reading.note) {
        (None, Some(note)) => note.text().to_string(),
        (None, None) => "no value".to_string(),
        (Some(v), _) => match output {
            Output::LtvCac => format!("{}×", format::number(v, 1)),
            Output::Payback => format::months(v, 1),
            Output::EndingArr => format::money(v),
        },
    }
}

/// The name of a result inside a sentence.
fn output_name(output: Output) -> &'static str {
    match output {
        Output::LtvCac => "LTV:CAC",
        Output::Payback => "CAC payback",
        Output::EndingArr => "ARR at the horizon",
    }
}

/// An input's name inside a sentence: its channel and label in lower case,
/// without the unit the label ends with: `the sales-led win rate`,
/// `the self-serve ARPA`, `the gross margin`.
pub fn sentence_name(field: FieldId) -> String {
    let spec = field.spec();
    let label = match spec.label.rfind(" (") {
        Some(i) if spec.label.ends_with(')') => &spec.label[..i],
        _ => spec.label,
    };
    let label = lower_first(label);
    match spec.channel {
        Some(ch) => {
            let channel = lower_first(ch.label());
            let channel = channel.split(" (").next().unwrap_or_default().to_string();
            if label.starts_with(&channel) {
                format!("the {label}")
            } else {
                format!("the {channel} {label}")
            }
        }
        None => format!("the {label}"),
    }
}

/// An input's value with its unit, e.g. `$50/month`, `3.5%/month`.
fn value_text(field: FieldId, value: f64) -> String {
    format::figure_in(value, field.spec().unit)
}

/// What a reality-check finding suggests doing.
fn sanity_action(id: SanityId) -> String {
    match id {
        SanityId::GrossMarginTooHigh => format!(
            "Enter the margin left after hosting, support and onboarding; software companies report {}.",
            GROSS_MARGIN_PCT.percent()
        ),
        SanityId::FreeToPaidTooHigh => format!(
            "Use the conversion you measure: freemium plans convert {}, trials that ask for a card {}.",
            FREEMIUM_TO_PAID_PCT.percent(),
            CARD_TRIAL_TO_PAID_PCT.percent()
        ),
        SanityId::ChurnTooLowForSmb => format!(
            "Check churn against your cancellations; small-business plans lose {} a month.",
            Segment::Smb.churn_text()
        ),
        SanityId::PaybackBeyondLifetime => {
            "Cut what a customer costs to win, or keep customers longer, until payback is shorter than their stay."
                .to_string()
        }
        SanityId::ViralSelfSustaining => {
            "Use a viral coefficient measured from real invitations; loops that last sit well under 1."
                .to_string()
        }
        SanityId::WinRateTooHigh => format!(
            "Take the win rate from your own pipeline; {} is common.",
            WIN_RATE_PCT.percent()
        ),
        SanityId::AcvCycleMismatch => {
            "Match the sales cycle to the contract size, or sell small contracts without a field team."
                .to_string()
        }
        SanityId::NrrTooHigh => {
            "Bring expansion down (or churn up) to what your existing accounts show.".to_string()
        }
        SanityId::LtvCacTooHigh => {
            "Add what acquisition really costs (salaries, tools, agencies) to the spend inputs."
                .to_string()
        }
        SanityId::SellerCapacityTooHigh => {
            "Lower the deals one seller closes a month, or check the contract value.".to_string()
        }
    }
}

fn from_warning(w: &SanityWarning, sensitivity: &Sensitivity) -> Attention {
    Attention {
        problem: w.message.clone(),
        action: sanity_action(w.id),
        field: w.field,
        effect: w.field.map_or(0.0, |f| field_effect(sensitivity, f, None)),
        source: Source::RealityCheck(w.id),
    }
}

/// The better end of a tornado row for `output`: (input value, reading).
fn better_end(output: Output, row: &TornadoRow) -> (f64, Reading) {
    let low_better = if output.higher_is_better() {
        row.at_low.shown > row.at_high.shown
    } else {
        row.at_low.shown < row.at_high.shown
    };
    if low_better {
        (row.low_value, row.at_low)
    } else {
        (row.high_value, row.at_high)
    }
}

fn from_lever(
    output: Output,
    weak: bool,
    first: bool,
    row: &TornadoRow,
    sensitivity: &Sensitivity,
) -> Attention {
    let name = sentence_name(row.field);
    let now = value_text(row.field, row.base_value);
    let base = reading_text(output, &row.base);
    let swing = format::figure(sensitivity.swing.percent());
    let (problem, action) = if weak {
        let (to, reading) = better_end(output, row);
        let verb = if to < row.base_value {
            "Lower"
        } else {
            "Raise"
        };
        let how = if first {
            "moves it most"
        } else {
            "also moves it"
        };
        (
            format!(
                "{} is {base}, and {name} (now {now}) {how}.",
                capitalise(output_name(output))
            ),
            format!(
                "{verb} {name} to {}: {} becomes {}.",
                value_text(row.field, to),
                output_name(output),
                reading_text(output, &reading)
            ),
        )
    } else {
        let (mut lo, mut hi) = (row.at_low, row.at_high);
        if lo.shown > hi.shown {
            std::mem::swap(&mut lo, &mut hi);
        }
        let how = if first {
            "hangs most on"
        } else {
            "also hangs on"
        };
        (
            format!(
                "{} {how} {name} (now {now}): {swing}% either way gives between {} and {}.",
                capitalise(output_name(output)),
                reading_text(output, &lo),
                reading_text(output, &hi)
            ),
            format!("Check {name} against your own records before relying on the plan."),
        )
    };
    Attention {
        problem,
        action,
        field: Some(row.field),
        effect: field_effect(sensitivity, row.field, Some(output)),
        source: Source::Sensitivity(output),
    }
}

/// Whether moving `field` to `value` would trip a reality check that the
/// scenario does not trip now: such a move is not suggested (raising a
/// margin of 80 % by a fifth gives 96 %, which no software company has).
fn trips_new_check(
    inputs: &ScenarioInputs,
    field: FieldId,
    value: f64,
    now: &[SanityWarning],
) -> bool {
    // Margins above the published band are not a lever, even below the
    // reality check's 95 % ceiling.
    if field == FieldId::GrossMarginPct && value > GROSS_MARGIN_PCT.hi {
        return true;
    }
    let mut moved = inputs.clone();
    if moved.set(field, value).is_err() {
        return true;
    }
    let projection = simulate(&moved);
    sanity_checks(&moved, &projection.summary)
        .iter()
        .any(|w| !now.iter().any(|n| n.id == w.id))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The ranked items (see the module docs).
fn attention(
    inputs: &ScenarioInputs,
    summary: &Summary,
    sensitivity: &Sensitivity,
    warnings: &[SanityWarning],
) -> Vec<Attention> {
    let mut found: Vec<Attention> = warnings
        .iter()
        .map(|w| from_warning(w, sensitivity))
        .collect();
    // Stable: equal effects keep the reality check's order.
    found.sort_by(|a, b| b.effect.total_cmp(&a.effect));
    let mut items: Vec<Attention> = Vec::new();
    for item in found {
        let repeated = item.field.is_some()
            && items
                .iter()
                .any(|i| i.field == item.field && i.source == item.source);
        if !repeated {
            items.push(item);
        }
    }
    let (output, weak) = lever_output(summary);
    if let Some(chart) = sensitivity.chart(output) {
        for row in &chart.rows {
            if items.len() >= MAX_ATTENTION {
                break;
            }
            if items.iter().any(|i| i.field == Some(row.field)) {
                continue;
            }
            if weak && trips_new_check(inputs, row.field, better_end(output, row).0, warnings) {
                continue;
            }
            let first = !items
                .iter()
                .any(|i| matches!(i.source, Source::Sensitivity(_)));
            items.push(from_lever(output, weak, first, row, sensitivity));
        }
    }
    items.truncate(MAX_ATTENTION);
    items
}
