//! From answer to action: the PQL playbook and the sales capacity it implies,
//! the metrics to track per motion with their formulas and, where the
//! simulator measures them, their current figure in the user's scenario; the
//! five-step rollout checklist, the pilot plan, and the Markdown export of the
//! one-page report (with the scenario by quarter).
//!
//! All of it is pure: the page passes numbers and strings in and renders what
//! comes out. One file per concept; everything public is re-exported here, so
//! callers write `plan::estimate`, not `plan::capacity::estimate`:
//! - `playbook`: the PQL rules and the four starting ones;
//! - `capacity`: the volumes, the accounts flagged and the people needed;
//! - `metrics`: the metrics to track per motion and their formulas;
//! - `figures`: a metric's current figure in the Simulate scenario;
//! - `quarters`: the scenario at each quarter end;
//! - `checklist`: the five rollout steps and their tasks;
//! - `pilot`: the pilot plan and its suggested metrics;
//! - `state`: the saved Plan state and its edits;
//! - `report`: the one-page report as Markdown;
//! - `text`: the checks on free-text fields.

mod capacity;
mod checklist;
mod figures;
mod metrics;
mod pilot;
mod playbook;
mod quarters;
mod report;
mod state;
mod text;

pub use capacity::{
    active_free_accounts, estimate, CapacityStatus, OwnerLoad, PqlEstimate, PqlVolumes,
    RuleEstimate, ACTIVE_FREE_FORMULA, ACTIVE_RANGE, DEFAULT_FREE_ACTIVE_MONTHS,
    FREE_ACTIVE_MONTHS_RANGE, PER_REP_RANGE, REPS_RANGE,
};
pub use checklist::{checklist, is_task_id, progress, Step, Task, STEPS};
pub use figures::{current_figure, simulator_formula, CurrentFigure, Figure, FigureUnit, NoFigure};
pub use metrics::{
    activation_rate, all_metrics, cac, dau_mau, expansion_rate, free_to_paid, logo_churn, ltv_cac,
    magic_number, metric, metrics_for, nrr, payback_months, pipeline_coverage, pql_to_opportunity,
    pql_to_paid, viral_coefficient, win_rate, Metric, SIMULATOR_METRIC_IDS,
};
pub use pilot::{suggested_pilot_metrics, PilotMetric, PilotPlan, MAX_PILOT_METRICS, WEEKS_RANGE};
pub use playbook::{
    default_rules, format_quantity, owner_is_automated, PqlRule, RuleDraft, MAX_RULES,
    OWNER_SUGGESTIONS, SHARE_RANGE, THRESHOLD_RANGE,
};
pub use quarters::{quarterly_rows, QuarterRow};
pub use report::{
    report_checklist, report_markdown, ReportInput, ReportRow, ReportRule, ReportStep,
    REPORT_SECTIONS,
};
pub use state::{PlanError, PlanState};
pub use text::{check_optional_text, check_text, TextError, MAX_TEXT_CHARS};
