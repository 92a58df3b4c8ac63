//! The projection's charts as plain chart data: MRR by channel, the
//! cumulative-cash J-curve, CAC vs LTV per channel and active customers.
//! Shared by Simulate and the printed plan, so both draw the same figures.

use crate::charts::{ChartSpec, GroupedBarChart, LineChart, Mark, Series, StackedAreaChart, Unit};
use crate::domain::sim::{CashPayback, Channel, MonthRow, Projection};

/// The channels switched on in a projection (all three when none is, so an
/// empty chart still has a legend).
fn shown_channels(p: &Projection) -> Vec<Channel> {
    let on: Vec<Channel> = Channel::ALL
        .into_iter()
        .filter(|ch| p.summary.channels.get(*ch).enabled)
        .collect();
    if on.is_empty() {
        Channel::ALL.to_vec()
    } else {
        on
    }
}

fn per_channel(p: &Projection, f: impl Fn(&MonthRow, Channel) -> f64) -> Vec<Series> {
    shown_channels(p)
        .into_iter()
        .map(|ch| Series::new(ch.label(), p.rows.iter().map(|r| f(r, ch)).collect()))
        .collect()
}

/// MRR by channel, stacked.
pub fn mrr_chart(p: &Projection) -> StackedAreaChart {
    StackedAreaChart {
        spec: ChartSpec::new(
            "MRR by channel",
            "Month",
            "MRR ($ per month)",
            Unit::Dollars,
        ),
        series: per_channel(p, |r, ch| r.mrr.get(ch)),
    }
}

/// Cumulative cash with its trough, the monthly break-even and the month
/// cash is back at zero, each marked only where it happens within the
/// horizon, with the months the summary tiles show.
pub fn cash_chart(p: &Projection) -> LineChart {
    let values: Vec<f64> = p.rows.iter().map(|r| r.cumulative_cash).collect();
    let mut marks: Vec<Mark> = Mark::trough(0, &values, Unit::Dollars)
        .into_iter()
        .collect();
    if let Some(m) = p.summary.break_even_month {
        marks.push(Mark::break_even(0, m as usize));
    }
    if let CashPayback::PaidBackIn(m) = p.summary.cash_payback {
        marks.push(Mark::back_to_zero(0, m as usize));
    }
    LineChart {
        spec: ChartSpec::new(
            "Cumulative cash (J-curve)",
            "Month",
            "Cumulative cash ($)",
            Unit::Dollars,
        ),
        series: vec![Series::new("Cumulative cash", values)],
        marks,
    }
}

/// CAC and LTV per channel with customers, and blended.
pub fn cac_ltv_chart(p: &Projection) -> GroupedBarChart {
    let s = &p.summary;
    let mut categories = Vec::new();
    let mut cac = Vec::new();
    let mut ltv = Vec::new();
    for ch in Channel::ALL {
        let c = s.channels.get(ch);
        if let (true, Some(value)) = (c.enabled, c.cac) {
            categories.push(ch.label().to_string());
            cac.push(value);
            ltv.push(c.ltv.dollars());
        }
    }
    if let (Some(b_cac), Some(b_ltv)) = (s.blended_cac, s.blended_ltv) {
        categories.push("Blended".to_string());
        cac.push(b_cac);
        ltv.push(b_ltv.dollars());
    }
    GroupedBarChart {
        spec: ChartSpec::new(
            "CAC vs LTV by channel",
            "Channel",
            "Dollars per customer ($)",
            Unit::Dollars,
        ),
        categories,
        series: vec![Series::new("CAC", cac), Series::new("LTV", ltv)],
    }
}

/// Paying customers by channel.
pub fn customers_chart(p: &Projection) -> LineChart {
    LineChart {
        spec: ChartSpec::new(
            "Active customers by channel",
            "Month",
            "Paying customers",
            Unit::Count,
        ),
        series: per_channel(p, |r, ch| r.active_customers.get(ch)),
        marks: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{Chart, Palette};
    use crate::domain::motion::Motion;
    use crate::domain::sim::{preset, simulate};

    #[test]
    fn charts_show_only_the_switched_on_channels() {
        let p = simulate(&preset(Motion::ProductLed));
        let mrr = mrr_chart(&p);
        assert_eq!(mrr.series.len(), 1);
        assert_eq!(
            mrr.series.first().map(|s| s.values.len()),
            Some(p.rows.len())
        );
        let svg = mrr.svg(&Palette::light());
        assert!(svg.contains("MRR by channel"));
    }

    #[test]
    fn the_cash_chart_marks_the_trough_of_a_j_curve() {
        let p = simulate(&preset(Motion::SalesLed));
        let chart = cash_chart(&p);
        assert!(chart.marks.iter().any(|m| m.label.starts_with("Trough")));
    }

    /// Issue 14: the J-curve said "Break-even: month 19" where cumulative
    /// cash was still −$1.5M while the cash-payback tile said "not within
    /// the horizon". The two are named apart, and each is marked only when
    /// it happens, with the month the summary has.
    #[test]
    fn monthly_break_even_and_cash_back_to_zero_are_named_apart_and_match_the_summary() {
        let mut inputs = preset(Motion::SalesLed);
        inputs.horizon_months = 60;
        let p = simulate(&inputs);
        // Over five years the sales-led preset breaks even and gets back to
        // zero, in that order.
        assert!(matches!(
            (p.summary.break_even_month, p.summary.cash_payback),
            (Some(b), CashPayback::PaidBackIn(z)) if b < z
        ));
        let chart = cash_chart(&p);
        let labels: Vec<&str> = chart.marks.iter().map(|m| m.label.as_str()).collect();
        match p.summary.break_even_month {
            Some(m) => assert!(labels.contains(&format!("Monthly break-even: month {m}").as_str())),
            None => assert!(!labels.iter().any(|l| l.contains("break-even"))),
        }
        match p.summary.cash_payback {
            CashPayback::PaidBackIn(m) => {
                assert!(labels.contains(&format!("Cash back to zero: month {m}").as_str()));
                // Back at zero: the curve is at or above zero in that month.
                assert!(p.rows[m as usize - 1].cumulative_cash >= 0.0);
            }
            _ => assert!(!labels.iter().any(|l| l.starts_with("Cash back to zero"))),
        }
        // A short horizon that ends in the hole marks no return to zero.
        inputs.horizon_months = 12;
        let short = simulate(&inputs);
        assert_eq!(short.summary.cash_payback, CashPayback::NotWithinHorizon);
        assert!(!cash_chart(&short)
            .marks
            .iter()
            .any(|m| m.label.starts_with("Cash back to zero")));
    }
}
