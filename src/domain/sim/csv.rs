//! The monthly table as CSV (RFC 4180: comma-separated, CRLF line ends,
//! fields quoted when they need it).

use std::fmt::Write as _;

use super::model::{MonthRow, Projection};
use super::Channel;

/// Quotes one text field for CSV: wraps it in double quotes (doubling any
/// inside) when it holds a comma, quote or line break, and puts an
/// apostrophe before a leading `=`, `+`, `-`, `@`, tab or carriage return so
/// a spreadsheet does not run the text as a formula.
pub fn csv_field(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// Column headers, in order.
fn headers() -> Vec<String> {
    let mut h: Vec<String> = [
        "Month",
        "Sign-ups",
        "Activated",
        "PQLs",
        "Opportunities: sales-assisted",
        "Opportunities: sales-led",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    let per_channel = [
        ("New customers", ""),
        ("Active customers", ""),
        ("MRR", " ($)"),
        ("ARR", " ($)"),
        ("Spend", " ($)"),
    ];
    for (what, unit) in per_channel {
        for ch in Channel::ALL {
            h.push(format!("{what}: {}{unit}", ch.label()));
        }
    }
    for s in [
        "Revenue ($)",
        "Gross profit ($)",
        "Cash in ($)",
        "Net cash ($)",
        "Cumulative cash ($)",
        "Sales capacity (deals)",
        "Deals lost to capacity",
    ] {
        h.push(s.to_string());
    }
    h
}

fn push_row(out: &mut String, prefix: Option<&str>, r: &MonthRow) {
    if let Some(p) = prefix {
        out.push_str(p);
        out.push(',');
    }
    // Writing to a String cannot fail.
    let _ = write!(out, "{}", r.month);
    let arr = r.arr();
    let mut cells = vec![r.signups, r.activated, r.pqls];
    cells.push(r.opportunities.sales_assist);
    cells.push(r.opportunities.sales_led);
    for by in [r.new_customers, r.active_customers, r.mrr, arr, r.spend] {
        cells.extend(Channel::ALL.iter().map(|&ch| by.get(ch)));
    }
    cells.extend([
        r.revenue,
        r.gross_profit,
        r.cash_in,
        r.net_cash,
        r.cumulative_cash,
        r.sales_capacity,
        r.deals_lost_to_capacity,
    ]);
    for v in cells {
        let _ = write!(out, ",{v:.2}");
    }
    out.push_str("\r\n");
}

/// The monthly table: a header row, then one row per month. Numbers have two
/// decimals and no thousands separators.
pub fn monthly_csv(projection: &Projection) -> String {
    let header: Vec<String> = headers().iter().map(|h| csv_field(h)).collect();
    let mut out = header.join(",");
    out.push_str("\r\n");
    for r in &projection.rows {
        push_row(&mut out, None, r);
    }
    out
}

/// Like [`monthly_csv`] with a first column holding the scenario name,
/// safely quoted, on every row — for files that combine scenarios.
pub fn monthly_csv_named(name: &str, projection: &Projection) -> String {
    let name = csv_field(name);
    let mut header: Vec<String> = vec!["Scenario".to_string()];
    header.extend(headers().iter().map(|h| csv_field(h)));
    let mut out = header.join(",");
    out.push_str("\r\n");
    for r in &projection.rows {
        push_row(&mut out, Some(&name), r);
    }
    out
}
