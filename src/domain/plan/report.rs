//! The one-page report as Markdown: the formatted rows the page hands in and
//! the export that turns them into headings, lists and tables.

use std::collections::BTreeSet;

use super::checklist::checklist;
use super::pilot::PilotPlan;
use super::playbook::{format_quantity, PqlRule};
use super::quarters::QuarterRow;
use crate::domain::brief::{Brief, NOTHING_STANDS_OUT};
use crate::domain::format;
use crate::domain::motion::Motion;

/// One comparison row for the report, already formatted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportRow {
    /// The dimension.
    pub dimension: String,
    /// The sales-led cell.
    pub sales_led: String,
    /// The hybrid cell.
    pub hybrid: String,
    /// The product-led cell.
    pub product_led: String,
}

/// One playbook rule for the report, already formatted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportRule {
    /// The signal.
    pub signal: String,
    /// The threshold with its unit, e.g. "3 features".
    pub threshold: String,
    /// The action.
    pub action: String,
    /// The owner.
    pub owner: String,
    /// Accounts flagged per month, e.g. "40".
    pub flagged: String,
}

impl ReportRule {
    /// Formats a rule and its estimated monthly volume for the report.
    pub fn from_rule(rule: &PqlRule, flagged_per_month: f64) -> ReportRule {
        let unit = rule.unit.trim();
        let threshold = if unit == "%" {
            format!("{}%", format_quantity(rule.threshold))
        } else {
            format!("{} {unit}", format_quantity(rule.threshold))
        };
        ReportRule {
            signal: rule.signal.clone(),
            threshold,
            action: rule.action.clone(),
            owner: rule.owner.clone(),
            flagged: format::count(flagged_per_month),
        }
    }
}

/// One checklist step for the report: its title and (ticked, task text).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportStep {
    /// The step title.
    pub title: String,
    /// Tasks with whether they are ticked.
    pub tasks: Vec<(bool, String)>,
}

/// The checklist of `motion` with the saved ticks, ready for the report.
pub fn report_checklist(motion: Motion, ticked: &BTreeSet<String>) -> Vec<ReportStep> {
    checklist(motion)
        .into_iter()
        .map(|s| ReportStep {
            title: s.title.to_string(),
            tasks: s
                .tasks
                .into_iter()
                .map(|t| (ticked.contains(&t.id), t.text))
                .collect(),
        })
        .collect()
}

/// Everything the report shows, already formatted by the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportInput {
    /// The report title.
    pub title: String,
    /// The brief of the scenario (the page's "In brief"); `None`: not
    /// written yet.
    pub brief: Option<Brief>,
    /// Assess result: motion, position and confidence lines.
    pub assessment: Vec<String>,
    /// Key comparison rows.
    pub comparison: Vec<ReportRow>,
    /// Scenario summary lines (figures with their units).
    pub scenario: Vec<String>,
    /// The scenario at each quarter end (see [`quarterly_rows`](super::quarterly_rows)): the
    /// figures behind the printed charts, which Markdown cannot embed.
    /// Empty: no table.
    pub quarters: Vec<QuarterRow>,
    /// Playbook rules.
    pub rules: Vec<ReportRule>,
    /// Estimate lines under the playbook (totals, capacity, warning).
    pub estimate: Vec<String>,
    /// Metrics to track, one line each (name, formula, current figure).
    pub metrics: Vec<String>,
    /// Rollout checklist with ticks.
    pub checklist: Vec<ReportStep>,
    /// The pilot plan.
    pub pilot: PilotPlan,
    /// The pilot's motion as the page names it (the recommended one when
    /// `pilot.motion` is `None`).
    pub pilot_motion: String,
}

/// The section headings of the report, in order.
pub const REPORT_SECTIONS: [&str; 8] = [
    "In brief",
    "Assessment",
    "Key comparison",
    "Scenario",
    "PQL playbook",
    "Metrics to track",
    "Rollout checklist",
    "Pilot plan",
];

/// Text on one line: line breaks become spaces so a value cannot start a
/// new Markdown block.
fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A table cell: on one line, with `|` escaped so it does not split the cell.
fn cell(s: &str) -> String {
    one_line(s).replace('|', "\\|")
}

const NOTHING: &str = "_Nothing here yet._";

fn push_lines(out: &mut String, lines: &[String]) {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| one_line(l))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        out.push_str(NOTHING);
        out.push('\n');
    }
    for l in lines {
        out.push_str("- ");
        out.push_str(&l);
        out.push('\n');
    }
}

/// The scenario by quarter as a Markdown table (nothing when empty): month,
/// MRR and cumulative cash in whole dollars, paying customers as a whole
/// number.
fn push_quarters(out: &mut String, quarters: &[QuarterRow]) {
    if quarters.is_empty() {
        return;
    }
    out.push_str(
        "\n### Scenario by quarter\n\nThe figures behind the charts of the printed report.\n\n\
         | Month | MRR | Paying customers | Cumulative cash |\n|---:|---:|---:|---:|\n",
    );
    for q in quarters {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            q.month,
            format::money(q.mrr),
            format::count(q.customers),
            format::money(q.cumulative_cash)
        ));
    }
}

/// The brief as the page shows it: the three sentences, the caveat, then
/// what needs attention first as a numbered list.
fn push_brief(out: &mut String, brief: Option<&Brief>) {
    let Some(b) = brief else {
        out.push_str(NOTHING);
        out.push('\n');
        return;
    };
    out.push_str(&one_line(&b.sentences.join(" ")));
    out.push_str("\n\n");
    if let Some(c) = &b.caveat {
        out.push_str(&format!("**Not credible yet:** {}\n\n", one_line(c)));
    }
    out.push_str("### What needs attention first\n\n");
    if b.attention.is_empty() {
        out.push_str(NOTHING_STANDS_OUT);
        out.push('\n');
    }
    for (n, item) in b.attention.iter().enumerate() {
        out.push_str(&format!(
            "{}. {} {}\n",
            n + 1,
            one_line(&item.problem),
            one_line(&item.action)
        ));
    }
}

/// Builds the one-page report as Markdown. Every section in
/// [`REPORT_SECTIONS`] is always present (empty ones say so); the Scenario
/// section ends with a table of the scenario by quarter when
/// [`ReportInput::quarters`] has rows (charts cannot be embedded). Text is kept
/// as given except that line breaks inside a value become spaces and `|` in
/// table cells is escaped as `\|`.
pub fn report_markdown(input: &ReportInput) -> String {
    let mut out = String::new();
    let title = one_line(&input.title);
    out.push_str("# ");
    out.push_str(if title.is_empty() {
        "GTM Workbench report"
    } else {
        &title
    });
    out.push_str("\n\n");

    out.push_str("## In brief\n\n");
    push_brief(&mut out, input.brief.as_ref());

    out.push_str("\n## Assessment\n\n");
    push_lines(&mut out, &input.assessment);

    out.push_str("\n## Key comparison\n\n");
    if input.comparison.is_empty() {
        out.push_str(NOTHING);
        out.push('\n');
    } else {
        out.push_str("| Dimension | Sales-led | Hybrid | Product-led |\n|---|---|---|---|\n");
        for r in &input.comparison {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                cell(&r.dimension),
                cell(&r.sales_led),
                cell(&r.hybrid),
                cell(&r.product_led)
            ));
        }
    }

    out.push_str("\n## Scenario\n\n");
    push_lines(&mut out, &input.scenario);
    push_quarters(&mut out, &input.quarters);

    out.push_str("\n## PQL playbook\n\n");
    if input.rules.is_empty() {
        out.push_str(NOTHING);
        out.push('\n');
    } else {
        out.push_str(
            "| Signal | Threshold | Action | Owner | Accounts per month |\n|---|---|---|---|---|\n",
        );
        for r in &input.rules {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                cell(&r.signal),
                cell(&r.threshold),
                cell(&r.action),
                cell(&r.owner),
                cell(&r.flagged)
            ));
        }
    }
    if !input.estimate.is_empty() {
        out.push('\n');
        push_lines(&mut out, &input.estimate);
    }

    out.push_str("\n## Metrics to track\n\n");
    push_lines(&mut out, &input.metrics);

    out.push_str("\n## Rollout checklist\n\n");
    if input.checklist.is_empty() {
        out.push_str(NOTHING);
        out.push('\n');
    }
    for (n, step) in input.checklist.iter().enumerate() {
        out.push_str(&format!("### {}. {}\n\n", n + 1, one_line(&step.title)));
        for (done, text) in &step.tasks {
            out.push_str(if *done { "- [x] " } else { "- [ ] " });
            out.push_str(&one_line(text));
            out.push('\n');
        }
        out.push('\n');
    }
    if !input.checklist.is_empty() {
        // Drop the blank line after the last step; the next heading adds one.
        out.pop();
    }

    out.push_str("\n## Pilot plan\n\n");
    let p = &input.pilot;
    let segment = one_line(&p.segment);
    out.push_str(&format!(
        "- Segment: {}\n- Motion: {}\n- Duration: {} weeks\n",
        if segment.is_empty() {
            "not chosen yet"
        } else {
            &segment
        },
        one_line(&input.pilot_motion),
        p.weeks
    ));
    if !p.metrics.is_empty() {
        out.push_str("\n| Success metric | Target |\n|---|---|\n");
        for m in &p.metrics {
            out.push_str(&format!("| {} | {} |\n", cell(&m.name), cell(&m.target)));
        }
    }
    out
}
