//! From answer to action: the PQL playbook and the sales capacity it implies,
//! the metrics to track per motion with their formulas and, where the
//! simulator measures them, their current figure in the user's scenario; the
//! five-step rollout checklist, the pilot plan, and the Markdown export of the
//! one-page report (with the scenario by quarter).
//!
//! All of it is pure: the page passes numbers and strings in and renders what
//! comes out.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::benchmarks::{pilot_target, BenchmarkId};
use crate::domain::economics::{LtvCac, Payback};
use crate::domain::format;
use crate::domain::input::{check, FieldError, Range, Unit};
use crate::domain::motion::Motion;
use crate::domain::sim::{MagicNumber, MonthRow, Projection};

// ---------------------------------------------------------------------------
// PQL playbook
// ---------------------------------------------------------------------------

/// Longest text allowed in a rule or pilot field, in characters.
pub const MAX_TEXT_CHARS: usize = 80;
/// Most rules a playbook may hold (more would not fit the page or the team).
pub const MAX_RULES: usize = 20;
/// Allowed rule thresholds: any count, percentage or number of visits up to
/// a million. A plain number: the rule's unit is typed in its own field.
pub const THRESHOLD_RANGE: Range = Range::new(0.0, 1_000_000.0);
/// Allowed share of active free accounts a rule flags per month, in percent.
pub const SHARE_RANGE: Range = Range::new(0.0, 100.0).in_unit(Unit::Percent);
/// Allowed active free accounts per month.
pub const ACTIVE_RANGE: Range = Range::new(0.0, 100_000_000.0).in_unit(Unit::Count);
/// Allowed accounts one SDR/AE/CSM can work per month (at least one, so the
/// head-count division is always defined).
pub const PER_REP_RANGE: Range = Range::new(1.0, 10_000.0).in_unit(Unit::Count);
/// Allowed number of people working flagged accounts (0 means nobody yet).
pub const REPS_RANGE: Range = Range::new(0.0, 10_000.0).in_unit(Unit::Count);
/// Allowed pilot length in weeks.
pub const WEEKS_RANGE: Range = Range::whole(1.0, 104.0).in_unit(Unit::Weeks);
/// Most success metrics a pilot may list.
pub const MAX_PILOT_METRICS: usize = 10;

/// Owners the rule editor suggests; any other text is allowed too.
pub const OWNER_SUGGESTIONS: [&str; 5] = [
    "Marketing automation",
    "SDR",
    "Account executive",
    "Customer success",
    "Sales & product ops",
];

/// One playbook rule: when `signal` reaches `threshold` (in `unit`), do
/// `action`; `owner` is responsible.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PqlRule {
    /// Stable id, unique in the playbook.
    pub id: u32,
    /// The product behaviour watched, e.g. "Core features used by a free account".
    pub signal: String,
    /// The level at which the rule fires, in `unit` (≥ 0).
    pub threshold: f64,
    /// The unit of the threshold, e.g. "features", "users", "%".
    pub unit: String,
    /// What happens when the rule fires.
    pub action: String,
    /// Who acts: a team or role. An owner whose name contains "automation" or
    /// "automated" is a machine and needs no sales capacity.
    pub owner: String,
    /// Estimated share of active free accounts the rule flags per month, in
    /// percent (0–100). An editable assumption, not a measurement.
    pub share_pct: f64,
}

/// The editable fields of a rule, without its id. `Default` is a valid
/// placeholder rule that the user edits after adding it.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleDraft {
    /// See [`PqlRule::signal`].
    pub signal: String,
    /// See [`PqlRule::threshold`].
    pub threshold: f64,
    /// See [`PqlRule::unit`].
    pub unit: String,
    /// See [`PqlRule::action`].
    pub action: String,
    /// See [`PqlRule::owner`].
    pub owner: String,
    /// See [`PqlRule::share_pct`].
    pub share_pct: f64,
}

impl Default for RuleDraft {
    fn default() -> Self {
        RuleDraft {
            signal: "New signal".into(),
            threshold: 1.0,
            unit: "times".into(),
            action: "Describe what happens".into(),
            owner: "SDR".into(),
            share_pct: 1.0,
        }
    }
}

impl RuleDraft {
    fn into_rule(self, id: u32) -> PqlRule {
        PqlRule {
            id,
            signal: self.signal.trim().to_string(),
            threshold: self.threshold,
            unit: self.unit.trim().to_string(),
            action: self.action.trim().to_string(),
            owner: self.owner.trim().to_string(),
            share_pct: self.share_pct,
        }
    }
}

/// Why a typed rule or pilot text was refused; shown beside the field.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum TextError {
    /// The field is blank.
    #[error("Enter some text.")]
    Empty,
    /// The field is too long for the page.
    #[error("Keep it to {max} characters or fewer.")]
    TooLong {
        /// The limit, in characters.
        max: usize,
    },
}

/// Checks a required text field: not blank, at most [`MAX_TEXT_CHARS`]
/// characters once trimmed.
///
/// # Errors
/// [`TextError`] saying what is wrong.
pub fn check_text(raw: &str) -> Result<&str, TextError> {
    let t = raw.trim();
    if t.is_empty() {
        Err(TextError::Empty)
    } else if t.chars().count() > MAX_TEXT_CHARS {
        Err(TextError::TooLong {
            max: MAX_TEXT_CHARS,
        })
    } else {
        Ok(t)
    }
}

/// Checks an optional text field: may be blank, at most [`MAX_TEXT_CHARS`] characters.
///
/// # Errors
/// [`TextError::TooLong`] when it is too long.
pub fn check_optional_text(raw: &str) -> Result<&str, TextError> {
    let t = raw.trim();
    if t.chars().count() > MAX_TEXT_CHARS {
        Err(TextError::TooLong {
            max: MAX_TEXT_CHARS,
        })
    } else {
        Ok(t)
    }
}

fn text_field(field: String, value: &str, required: bool) -> Result<(), FieldError> {
    let result = if required {
        check_text(value).map(|_| ())
    } else {
        check_optional_text(value).map(|_| ())
    };
    result.map_err(|e| FieldError::new(field, e.to_string()))
}

/// Whether an owner is a machine (its name mentions automation), so the
/// accounts it handles cost no sales capacity.
pub fn owner_is_automated(owner: &str) -> bool {
    let o = owner.to_lowercase();
    o.contains("automation") || o.contains("automated")
}

impl PqlRule {
    /// Whether a person has to work the accounts this rule flags.
    pub fn needs_people(&self) -> bool {
        !owner_is_automated(&self.owner)
    }

    /// Checks one rule; `field` is its path, e.g. `plan.rules[2]`.
    ///
    /// # Errors
    /// [`FieldError`] naming the first bad field: a threshold that is not
    /// finite or outside [`THRESHOLD_RANGE`], a share outside [`SHARE_RANGE`],
    /// or a blank or over-long text.
    pub fn validate_at(&self, field: &str) -> Result<(), FieldError> {
        text_field(format!("{field}.signal"), &self.signal, true)?;
        check(
            &format!("{field}.threshold"),
            self.threshold,
            THRESHOLD_RANGE,
        )?;
        text_field(format!("{field}.unit"), &self.unit, true)?;
        text_field(format!("{field}.action"), &self.action, true)?;
        text_field(format!("{field}.owner"), &self.owner, true)?;
        check(&format!("{field}.share_pct"), self.share_pct, SHARE_RANGE)
    }
}

/// The four starting rules, after the PQL signal table of the second source
/// article (signals, thresholds, actions and owners are from there).
///
/// The shares are **our assumptions** (the article gives no volumes), chosen
/// so the broadest signal flags the most accounts: 8% of active free accounts
/// use 3+ core features in a month, 2% reach 10+ active users, 1% open billing
/// or enterprise settings 3+ times in a week, 3% grow usage 200%+ month over
/// month. Replace them with figures from your own analytics.
///
/// The article's billing rule fires at three visits in a week; that is the
/// default here.
pub fn default_rules() -> Vec<PqlRule> {
    vec![
        PqlRule {
            id: 1,
            signal: "Core features used by a free account".into(),
            threshold: 3.0,
            unit: "features".into(),
            action: "Automated emails that show what the paid plan adds".into(),
            owner: "Marketing automation".into(),
            share_pct: 8.0,
        },
        PqlRule {
            id: 2,
            signal: "Active users on one account".into(),
            threshold: 10.0,
            unit: "users".into(),
            action: "Alert an SDR to reach out to the team".into(),
            owner: "SDR".into(),
            share_pct: 2.0,
        },
        PqlRule {
            id: 3,
            signal: "Billing or enterprise settings opened in one week".into(),
            threshold: 3.0,
            unit: "visits".into(),
            action: "Task for an account executive to book a strategic call".into(),
            owner: "Account executive".into(),
            share_pct: 1.0,
        },
        PqlRule {
            id: 4,
            signal: "Usage growth month over month".into(),
            threshold: 200.0,
            unit: "%".into(),
            action: "Customer success checks account health and room to expand".into(),
            owner: "Customer success".into(),
            share_pct: 3.0,
        },
    ]
}

/// The volumes the estimate works from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PqlVolumes {
    /// Active free accounts per month (typed; replaced by the simulator's
    /// figure when `use_simulator` is on and a scenario exists).
    pub active_free_accounts: f64,
    /// Flagged accounts one person can work in a month.
    pub accounts_per_rep: f64,
    /// People available to work flagged accounts.
    pub reps: f64,
    /// Take the active free accounts from the simulator's self-serve funnel.
    pub use_simulator: bool,
    /// How long a free account stays active after it activates, in months:
    /// the window over which [`active_free_accounts`] counts the simulator's
    /// activations. Added in stored version 3.
    #[serde(default = "default_free_active_months")]
    pub free_active_months: u32,
}

/// Three months: a free account that activated is counted as active for
/// the month it activated and the two after (an assumption to replace with
/// your own retention of free users).
pub const DEFAULT_FREE_ACTIVE_MONTHS: u32 = 3;

/// Allowed months a free account stays active.
pub const FREE_ACTIVE_MONTHS_RANGE: Range = Range::whole(1.0, 24.0).in_unit(Unit::Months);

fn default_free_active_months() -> u32 {
    DEFAULT_FREE_ACTIVE_MONTHS
}

/// The formula behind [`active_free_accounts`], shown beside the figure.
pub const ACTIVE_FREE_FORMULA: &str = "Active free accounts = accounts activated in the last N months (N = how long a free account stays active) that have not started paying; from the conversion lag on, the paying share (self-serve free-to-paid, and PQLs won by sales assist) has left the free pool";

/// Active free accounts in the last month of a simulated scenario: the
/// stock the PQL rules' shares apply to (the rules look at every active
/// free account, not only this month's new ones).
///
/// With A(t) the accounts activated in month t, D = `free_active_months`,
/// L = the conversion lag, q = the PQL share (0 without sales assist),
/// p = (1 − q) × free-to-paid + q × PQL→opportunity × PQL win rate (the
/// share of an activated cohort that pays, from age L):
/// active = Σ_{k=0}^{D−1} A(H − k) × (1 − p if k ≥ L else 1).
/// `None` when the self-serve channel (and with it the free product) is off.
pub fn active_free_accounts(
    inputs: &crate::domain::sim::ScenarioInputs,
    projection: &Projection,
    free_active_months: u32,
) -> Option<f64> {
    if !inputs.self_serve.enabled {
        return None;
    }
    let ss = &inputs.self_serve;
    let sa = &inputs.sales_assist;
    let pct = |v: f64| (v / 100.0).clamp(0.0, 1.0);
    let q = if sa.enabled { pct(sa.pql_pct) } else { 0.0 };
    let paying =
        (1.0 - q) * pct(ss.free_to_paid_pct) + q * pct(sa.pql_to_opportunity_pct) * pct(sa.win_pct);
    let lag = ss.conversion_lag_months as usize;
    let active: f64 = projection
        .rows
        .iter()
        .rev()
        .take(free_active_months.max(1) as usize)
        .enumerate()
        .map(|(age, row)| {
            let still_free = if age >= lag { 1.0 - paying } else { 1.0 };
            row.activated * still_free
        })
        .sum();
    active.is_finite().then_some(active)
}

impl Default for PqlVolumes {
    /// 2,000 active free accounts, 100 accounts per person per month (about
    /// five a working day, an assumption), two people; the typed figure is
    /// used until the user opts in to the simulator's.
    fn default() -> Self {
        PqlVolumes {
            active_free_accounts: 2_000.0,
            accounts_per_rep: 100.0,
            reps: 2.0,
            use_simulator: false,
            free_active_months: DEFAULT_FREE_ACTIVE_MONTHS,
        }
    }
}

impl PqlVolumes {
    /// The same volumes with another count of active free accounts (e.g. the
    /// simulator's).
    pub fn with_active(&self, active_free_accounts: f64) -> PqlVolumes {
        PqlVolumes {
            active_free_accounts,
            ..self.clone()
        }
    }

    /// Checks the stored volumes.
    ///
    /// # Errors
    /// [`FieldError`] on `plan.volumes.*` for a non-finite or out-of-range number.
    pub fn validate(&self) -> Result<(), FieldError> {
        check(
            "plan.volumes.active_free_accounts",
            self.active_free_accounts,
            ACTIVE_RANGE,
        )?;
        check(
            "plan.volumes.accounts_per_rep",
            self.accounts_per_rep,
            PER_REP_RANGE,
        )?;
        check("plan.volumes.reps", self.reps, REPS_RANGE)?;
        check(
            "plan.volumes.free_active_months",
            f64::from(self.free_active_months),
            FREE_ACTIVE_MONTHS_RANGE,
        )
    }
}

/// What one rule is estimated to flag.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleEstimate {
    /// The rule's id.
    pub id: u32,
    /// Accounts flagged per month = active free accounts × share_pct ÷ 100.
    pub flagged_per_month: f64,
    /// Whether people (not automation) work these accounts.
    pub needs_people: bool,
}

/// The load on one human owner.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnerLoad {
    /// The owner as typed (rules whose owners differ only in case or
    /// surrounding spaces are grouped).
    pub owner: String,
    /// Upper bound of accounts per month: the sum over this owner's rules.
    pub accounts_per_month: f64,
    /// People needed at the given accounts per person, rounded up.
    pub people_needed: u32,
}

/// How the human workload compares with the team's capacity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CapacityStatus {
    /// Even if no two rules flag the same account, the team can handle it.
    Within,
    /// Over capacity if the rules flag different accounts, within it if they
    /// overlap fully.
    MaybeOver,
    /// Over capacity even if every rule flags the same accounts.
    Over,
}

/// The playbook's estimated volume and the sales capacity it implies.
///
/// **Overlap.** Rules may flag the same account in the same month, and the
/// workbench cannot know how often. So every total comes as a range: the
/// upper bound adds the rules up (no account flagged twice), the lower bound
/// takes the largest single rule (every account flagged by a smaller rule is
/// also flagged by the largest). Capacity is judged on the upper bound, the
/// cautious choice.
#[derive(Clone, Debug, PartialEq)]
pub struct PqlEstimate {
    /// One entry per rule, in playbook order.
    pub per_rule: Vec<RuleEstimate>,
    /// Upper bound of accounts flagged per month, all rules (sum).
    pub flagged_upper: f64,
    /// Lower bound of accounts flagged per month, all rules (largest rule).
    pub flagged_lower: f64,
    /// Upper bound of accounts per month that people must work (sum over
    /// rules with a human owner).
    pub human_upper: f64,
    /// Lower bound of accounts per month that people must work (largest
    /// human-owned rule).
    pub human_lower: f64,
    /// Accounts per month the team can work = reps × accounts per rep.
    pub capacity_per_month: f64,
    /// People needed for the upper bound = ⌈human_upper ÷ accounts per rep⌉.
    pub people_needed_upper: u32,
    /// People needed for the lower bound = ⌈human_lower ÷ accounts per rep⌉.
    pub people_needed_lower: u32,
    /// Load per human owner, in order of first appearance.
    pub by_owner: Vec<OwnerLoad>,
    /// The verdict.
    pub status: CapacityStatus,
    /// A sentence for the page when the team may be over capacity.
    pub warning: Option<String>,
}

/// A non-negative finite number, or 0 for anything else; the estimate takes
/// unvalidated numbers from the page and must never emit NaN.
fn clean(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 {
        x
    } else {
        0.0
    }
}

/// ⌈load ÷ per_rep⌉ as a head count. Rounds the quotient to 1e-9 first so that
/// floating-point noise (70.000000000001) does not add a person. Returns 0 for
/// no load and saturates at `u32::MAX`; `per_rep` ≤ 0 with a load counts as
/// one person per account (the page never sends that: see [`PER_REP_RANGE`]).
fn people_for(load: f64, per_rep: f64) -> u32 {
    if load <= 0.0 {
        return 0;
    }
    let per = if per_rep > 0.0 { per_rep } else { 1.0 };
    let q = ((load / per) * 1e9).round() / 1e9;
    let n = q.ceil();
    if n >= f64::from(u32::MAX) {
        u32::MAX
    } else {
        // n is finite, ≥ 0 and below u32::MAX here, so the cast is exact.
        n as u32
    }
}

/// Formats a typed quantity (a threshold, a share) for a sentence: as typed,
/// up to one decimal, thousands separated ([`format::number_trimmed`]); a
/// non-finite value reads as 0. Counts of accounts use [`format::count`].
pub fn format_quantity(x: f64) -> String {
    format::number_trimmed(if x.is_finite() { x } else { 0.0 }, 1)
}

/// Estimates how many accounts the rules flag per month and the people needed
/// to work them.
///
/// Per rule: flagged = active × share_pct ÷ 100. Human load = the rules whose
/// owner is not automation. Capacity = reps × accounts per rep. See
/// [`PqlEstimate`] for the overlap bounds. Non-finite or negative inputs count
/// as 0 and shares are clamped to 0–100, so every output is finite.
pub fn estimate(rules: &[PqlRule], volumes: &PqlVolumes) -> PqlEstimate {
    let active = clean(volumes.active_free_accounts);
    let per_rep = clean(volumes.accounts_per_rep);
    let reps = clean(volumes.reps);

    let per_rule: Vec<RuleEstimate> = rules
        .iter()
        .map(|r| RuleEstimate {
            id: r.id,
            // Multiply before dividing: 1000 × 7 ÷ 100 is exactly 70.
            flagged_per_month: active * clean(r.share_pct).min(100.0) / 100.0,
            needs_people: r.needs_people(),
        })
        .collect();

    let sum = |human_only: bool| -> f64 {
        per_rule
            .iter()
            .filter(|e| !human_only || e.needs_people)
            .map(|e| e.flagged_per_month)
            .sum()
    };
    let max = |human_only: bool| -> f64 {
        per_rule
            .iter()
            .filter(|e| !human_only || e.needs_people)
            .map(|e| e.flagged_per_month)
            .fold(0.0, f64::max)
    };
    let flagged_upper = sum(false);
    let flagged_lower = max(false);
    let human_upper = sum(true);
    let human_lower = max(true);
    let capacity_per_month = reps * per_rep;

    let mut by_owner: Vec<OwnerLoad> = Vec::new();
    for (rule, e) in rules.iter().zip(&per_rule) {
        if !e.needs_people {
            continue;
        }
        let key = rule.owner.trim().to_lowercase();
        match by_owner
            .iter_mut()
            .find(|o| o.owner.trim().to_lowercase() == key)
        {
            Some(o) => o.accounts_per_month += e.flagged_per_month,
            None => by_owner.push(OwnerLoad {
                owner: rule.owner.trim().to_string(),
                accounts_per_month: e.flagged_per_month,
                people_needed: 0,
            }),
        }
    }
    for o in &mut by_owner {
        o.people_needed = people_for(o.accounts_per_month, per_rep);
    }

    let people_needed_upper = people_for(human_upper, per_rep);
    let people_needed_lower = people_for(human_lower, per_rep);
    // A small tolerance so that a load equal to capacity up to rounding is "within".
    let over = |load: f64| load > capacity_per_month + 1e-9;
    let status = if over(human_lower) {
        CapacityStatus::Over
    } else if over(human_upper) {
        CapacityStatus::MaybeOver
    } else {
        CapacityStatus::Within
    };
    let cap = format::count(capacity_per_month);
    let warning = match status {
        CapacityStatus::Within => None,
        CapacityStatus::Over => Some(format!(
            "Over capacity: even if the rules overlap completely, people must work at least {} \
             accounts a month, and the team can handle {cap}. You need at least {} people, or \
             stricter thresholds.",
            format::count(human_lower),
            people_needed_lower,
        )),
        CapacityStatus::MaybeOver => Some(format!(
            "Possibly over capacity: if the rules flag different accounts, people must work up \
             to {} accounts a month, and the team can handle {cap}. That would take {} people.",
            format::count(human_upper),
            people_needed_upper,
        )),
    };

    PqlEstimate {
        per_rule,
        flagged_upper,
        flagged_lower,
        human_upper,
        human_lower,
        capacity_per_month,
        people_needed_upper,
        people_needed_lower,
        by_owner,
        status,
        warning,
    }
}

// ---------------------------------------------------------------------------
// Metrics to track
// ---------------------------------------------------------------------------

/// The simulator summary ids the page can show a current figure for; a
/// [`Metric`] with one of these ids is backed by the simulator.
pub const SIMULATOR_METRIC_IDS: [&str; 6] = [
    "cac_blended",
    "ltv_cac",
    "payback_months",
    "nrr_12m",
    "magic_number",
    "logo_churn",
];

/// A metric to track, with how it is computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Metric {
    /// Stable id; equal to the simulator summary id where the simulator has one.
    pub id: &'static str,
    /// Short name.
    pub name: &'static str,
    /// What it tells you, in one sentence.
    pub definition: &'static str,
    /// How to compute it.
    pub formula: &'static str,
    /// The benchmark band it is read against, where one is known (the row
    /// of [`crate::domain::benchmarks::table`] with its source).
    pub benchmark: Option<BenchmarkId>,
}

impl Metric {
    /// The simulator summary id with the current figure, if the simulator has one.
    pub fn simulator_id(&self) -> Option<&'static str> {
        SIMULATOR_METRIC_IDS.into_iter().find(|s| *s == self.id)
    }
}

static METRICS: [Metric; 21] = [
    Metric {
        id: "activation_rate",
        name: "Activation rate",
        definition: "Share of new sign-ups that reach the first moment of real value.",
        formula: "activated accounts ÷ sign-ups, same cohort",
        benchmark: None,
    },
    Metric {
        id: "time_to_value",
        name: "Time to value",
        definition: "How long a new account takes to get its first useful result.",
        formula: "median time from sign-up to the activation event",
        benchmark: None,
    },
    Metric {
        id: "free_to_paid",
        name: "Free-to-paid conversion",
        definition: "Share of free or trial accounts that start paying.",
        formula: "accounts that upgrade ÷ free accounts in the cohort",
        benchmark: Some(BenchmarkId::FreemiumToPaid),
    },
    Metric {
        id: "dau_mau",
        name: "DAU/MAU",
        definition: "How habitual use is: the share of monthly users active on a given day.",
        formula: "daily active users ÷ monthly active users",
        benchmark: None,
    },
    Metric {
        id: "viral_coefficient",
        name: "Viral coefficient",
        definition: "New users each user brings in through invitations.",
        formula: "invites sent per user × share of invites accepted",
        benchmark: Some(BenchmarkId::ViralCoefficient),
    },
    Metric {
        id: "pql_rate",
        name: "PQL rate",
        definition: "Share of active free accounts that match a playbook rule in a month.",
        formula: "PQLs ÷ active free accounts",
        benchmark: None,
    },
    Metric {
        id: "pql_to_opportunity",
        name: "PQL-to-opportunity rate",
        definition: "Share of flagged accounts that sales turns into a qualified opportunity.",
        formula: "opportunities from PQLs ÷ PQLs",
        benchmark: None,
    },
    Metric {
        id: "pql_to_paid",
        name: "PQL-to-paid conversion",
        definition: "Share of flagged accounts that end up paying.",
        formula: "PQLs that become paying ÷ PQLs",
        benchmark: Some(BenchmarkId::PqlToPaid),
    },
    Metric {
        id: "revenue_split",
        name: "Self-serve revenue share",
        definition: "How much new revenue arrives without a salesperson.",
        formula: "self-serve new MRR ÷ all new MRR",
        benchmark: None,
    },
    Metric {
        id: "seat_activation",
        name: "Seat activation",
        definition: "Share of purchased seats in real use after the sale.",
        formula: "active seats ÷ seats bought",
        benchmark: None,
    },
    Metric {
        id: "win_rate",
        name: "Win rate",
        definition: "Share of qualified opportunities that close as won.",
        formula: "deals won ÷ qualified opportunities closed (won + lost)",
        benchmark: Some(BenchmarkId::WinRate),
    },
    Metric {
        id: "sales_cycle",
        name: "Sales-cycle length",
        definition: "Time from the first qualified meeting to a signed contract.",
        formula: "average days from opportunity created to closed-won",
        benchmark: None,
    },
    Metric {
        id: "pipeline_coverage",
        name: "Pipeline coverage",
        definition: "Whether there is enough open pipeline to reach the target.",
        formula: "open pipeline value ÷ revenue target for the period",
        benchmark: None,
    },
    Metric {
        id: "avg_deal_size",
        name: "Average deal size",
        definition: "New annual contract value per won deal.",
        formula: "new bookings ÷ deals won",
        benchmark: None,
    },
    Metric {
        id: "quota_attainment",
        name: "Quota attainment",
        definition: "Share of ramped reps who reach their quota.",
        formula: "reps at or above quota ÷ ramped reps",
        benchmark: None,
    },
    Metric {
        id: "cac_blended",
        name: "Blended CAC",
        definition: "Cost of winning one customer across every channel, organic included.",
        formula: "all go-to-market spend ÷ all new customers",
        benchmark: None,
    },
    Metric {
        id: "payback_months",
        name: "CAC payback",
        definition: "Months of gross profit it takes to earn back the cost of a customer.",
        formula: "CAC ÷ (ARPA × gross margin)",
        benchmark: Some(BenchmarkId::Payback),
    },
    Metric {
        id: "ltv_cac",
        name: "LTV:CAC",
        definition: "Gross profit from a customer's lifetime per unit of acquisition cost.",
        formula: "LTV ÷ CAC, with LTV = ARPA × gross margin ÷ (monthly churn − expansion)",
        benchmark: Some(BenchmarkId::LtvCac),
    },
    Metric {
        id: "nrr_12m",
        name: "Net revenue retention (12 months)",
        definition: "Revenue kept and grown from last year's customers, new ones excluded.",
        formula: "(start MRR + expansion − contraction − churned MRR) ÷ start MRR",
        benchmark: Some(BenchmarkId::Nrr),
    },
    Metric {
        id: "magic_number",
        name: "Magic number",
        definition: "New annual revenue bought by each unit of sales and marketing spend.",
        formula: "net new ARR in a quarter ÷ the previous quarter's S&M spend",
        benchmark: Some(BenchmarkId::MagicNumber),
    },
    Metric {
        id: "logo_churn",
        name: "Monthly logo churn",
        definition: "Share of customers lost in a month.",
        formula: "customers lost in the month ÷ customers at the start of the month",
        benchmark: Some(BenchmarkId::LogoChurn),
    },
];

/// Every metric the workbench knows.
pub fn all_metrics() -> &'static [Metric] {
    &METRICS
}

/// The metric with this id, if there is one.
pub fn metric(id: &str) -> Option<&'static Metric> {
    METRICS.iter().find(|m| m.id == id)
}

/// The metrics worth tracking for a motion, most important first.
pub fn metrics_for(motion: Motion) -> Vec<Metric> {
    let ids: &[&str] = match motion {
        Motion::ProductLed => &[
            "activation_rate",
            "time_to_value",
            "free_to_paid",
            "dau_mau",
            "viral_coefficient",
            "nrr_12m",
            "logo_churn",
            "cac_blended",
            "payback_months",
            "ltv_cac",
        ],
        Motion::ProductLedSalesAssist => &[
            "activation_rate",
            "free_to_paid",
            "pql_rate",
            "pql_to_opportunity",
            "pql_to_paid",
            "revenue_split",
            "nrr_12m",
            "logo_churn",
            "cac_blended",
            "payback_months",
            "ltv_cac",
        ],
        Motion::HybridFreemiumEnterprise => &[
            "activation_rate",
            "free_to_paid",
            "pql_to_opportunity",
            "win_rate",
            "sales_cycle",
            "revenue_split",
            "nrr_12m",
            "logo_churn",
            "cac_blended",
            "payback_months",
            "ltv_cac",
            "magic_number",
        ],
        Motion::SalesLedProductAdoption => &[
            "win_rate",
            "sales_cycle",
            "pipeline_coverage",
            "seat_activation",
            "time_to_value",
            "nrr_12m",
            "logo_churn",
            "cac_blended",
            "payback_months",
            "ltv_cac",
            "magic_number",
        ],
        Motion::SalesLed => &[
            "win_rate",
            "sales_cycle",
            "pipeline_coverage",
            "avg_deal_size",
            "quota_attainment",
            "nrr_12m",
            "logo_churn",
            "cac_blended",
            "payback_months",
            "ltv_cac",
            "magic_number",
        ],
    };
    ids.iter().filter_map(|id| metric(id)).copied().collect()
}

/// `num ÷ den` when both are finite, `num` ≥ 0 and `den` > 0; `None`
/// otherwise (no customers, no sign-ups: the metric is undefined, not 0).
fn ratio(num: f64, den: f64) -> Option<f64> {
    if num.is_finite() && den.is_finite() && num >= 0.0 && den > 0.0 {
        let r = num / den;
        r.is_finite().then_some(r)
    } else {
        None
    }
}

/// Activation rate as a fraction (0.4 = 40%) = activated ÷ sign-ups.
/// `None` when there are no sign-ups.
pub fn activation_rate(activated: f64, signups: f64) -> Option<f64> {
    ratio(activated, signups)
}

/// Free-to-paid conversion as a fraction = upgraded ÷ free accounts.
/// `None` when there are no free accounts.
pub fn free_to_paid(upgraded: f64, free_accounts: f64) -> Option<f64> {
    ratio(upgraded, free_accounts)
}

/// PQL-to-paid conversion as a fraction = PQLs that paid ÷ PQLs. `None` without PQLs.
pub fn pql_to_paid(paid: f64, pqls: f64) -> Option<f64> {
    ratio(paid, pqls)
}

/// PQL-to-opportunity rate as a fraction = opportunities ÷ PQLs. `None` without PQLs.
pub fn pql_to_opportunity(opportunities: f64, pqls: f64) -> Option<f64> {
    ratio(opportunities, pqls)
}

/// Win rate as a fraction = won ÷ qualified opportunities closed. `None`
/// without opportunities.
pub fn win_rate(won: f64, opportunities: f64) -> Option<f64> {
    ratio(won, opportunities)
}

/// Pipeline coverage, a multiple (3.0 = "3×") = open pipeline value ÷ target
/// for the same period, both in the same currency. `None` when the target is 0.
pub fn pipeline_coverage(pipeline_value: f64, target: f64) -> Option<f64> {
    ratio(pipeline_value, target)
}

/// Net revenue retention as a fraction (1.1 = 110%) =
/// (start MRR + expansion − contraction − churned MRR) ÷ start MRR, all in
/// MRR over the same period. `None` when start MRR is 0, any input is
/// negative or not finite, or losses exceed what there was to lose.
pub fn nrr(start_mrr: f64, expansion: f64, contraction: f64, churned: f64) -> Option<f64> {
    let parts = [start_mrr, expansion, contraction, churned];
    if parts.iter().any(|x| !x.is_finite() || *x < 0.0) {
        return None;
    }
    ratio(start_mrr + expansion - contraction - churned, start_mrr)
}

/// Expansion rate as a fraction = expansion MRR ÷ start MRR. `None` when start MRR is 0.
pub fn expansion_rate(expansion: f64, start_mrr: f64) -> Option<f64> {
    ratio(expansion, start_mrr)
}

/// Monthly logo churn as a fraction = customers lost in the month ÷
/// customers at its start. `None` with no customers at the start.
pub fn logo_churn(lost: f64, customers_at_start: f64) -> Option<f64> {
    ratio(lost, customers_at_start)
}

/// CAC in currency per customer = spend ÷ new customers. `None` without new customers.
pub fn cac(spend: f64, new_customers: f64) -> Option<f64> {
    ratio(spend, new_customers)
}

/// CAC payback in months = CAC ÷ (ARPA per month × gross margin as a
/// fraction). `None` when the monthly gross profit per account is 0.
pub fn payback_months(cac: f64, arpa_per_month: f64, gross_margin: f64) -> Option<f64> {
    if !arpa_per_month.is_finite() || !gross_margin.is_finite() || arpa_per_month < 0.0 {
        return None;
    }
    ratio(cac, arpa_per_month * gross_margin)
}

/// LTV:CAC, a multiple = LTV ÷ CAC. `None` when CAC is 0.
pub fn ltv_cac(ltv: f64, cac: f64) -> Option<f64> {
    ratio(ltv, cac)
}

/// Magic number = net new ARR in a quarter ÷ the previous quarter's sales
/// and marketing spend (never net new ARR × 4). `None` when that spend is 0.
/// A negative net new ARR is allowed and gives a negative result.
pub fn magic_number(net_new_arr_quarter: f64, previous_quarter_spend: f64) -> Option<f64> {
    if net_new_arr_quarter < 0.0 {
        ratio(-net_new_arr_quarter, previous_quarter_spend).map(|r| -r)
    } else {
        ratio(net_new_arr_quarter, previous_quarter_spend)
    }
}

/// DAU/MAU as a fraction. `None` without monthly active users.
pub fn dau_mau(daily_active: f64, monthly_active: f64) -> Option<f64> {
    ratio(daily_active, monthly_active)
}

/// Viral coefficient = invites per user × acceptance rate (a fraction).
/// `None` when an input is negative or not finite.
pub fn viral_coefficient(invites_per_user: f64, acceptance_rate: f64) -> Option<f64> {
    let k = invites_per_user * acceptance_rate;
    (invites_per_user >= 0.0 && acceptance_rate >= 0.0 && k.is_finite()).then_some(k)
}

// ---------------------------------------------------------------------------
// Current figures from the simulator
// ---------------------------------------------------------------------------

/// How a simulator figure is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureUnit {
    /// US dollars per customer, to the cent: `$1,234.56`.
    DollarsPerCustomer,
    /// A plain multiple with two decimals: `3.25` (LTV:CAC, magic number).
    Ratio,
    /// Months with one decimal: `7.5 months`.
    Months,
    /// A percentage given in percent (2.5 means 2.5%), one decimal: `2.5%`.
    Percent,
}

/// A figure the simulator measured for the current scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    /// The value in `unit`; always finite.
    pub value: f64,
    /// How to write it.
    pub unit: FigureUnit,
    /// The figure rests on an LTV capped at 60 months of gross profit (churn
    /// at or below expansion, or so low the formula runs past five years).
    pub ltv_capped: bool,
}

impl Figure {
    /// The value with its unit, written as the Simulate page writes it:
    /// thousands separators, a real minus sign (−), `$1,234.56`, `3.25`,
    /// `7.5 months`, `2.5%`.
    pub fn text(&self) -> String {
        match self.unit {
            FigureUnit::DollarsPerCustomer => format::money_cents(self.value),
            FigureUnit::Ratio => format::number(self.value, 2),
            FigureUnit::Months => format::months(self.value, 1),
            FigureUnit::Percent => format::percent(self.value, 1),
        }
    }
}

/// Why the simulator has no figure for a metric it can measure. Each case is
/// a division the scenario leaves undefined; none of them is a zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoFigure {
    /// No customer is won within the horizon (CAC, LTV:CAC, payback).
    NoNewCustomers,
    /// Customers arrive but nothing is spent, so LTV:CAC has no denominator.
    FreeAcquisition,
    /// ARPA × gross margin is zero, so CAC is never earned back.
    NoGrossProfit,
    /// No recurring revenue to retain (NRR).
    NoRevenue,
    /// Nothing was spent in the quarter before the last (magic number).
    NoPriorSpend,
    /// The horizon is shorter than two quarters (magic number).
    HorizonTooShort,
    /// No paying customers at the start of the last month (logo churn).
    NoCustomersAtStart,
    /// The model handed back a number that cannot be shown (a guard: the
    /// simulator promises finite figures).
    Unusable,
}

impl NoFigure {
    /// A short phrase for the table cell, saying why there is no number.
    pub fn phrase(self) -> &'static str {
        match self {
            NoFigure::NoNewCustomers => "No customers won in this scenario yet",
            NoFigure::FreeAcquisition => "Free acquisition: nothing spent, so no ratio",
            NoFigure::NoGrossProfit => "Never paid back: a customer brings no gross profit",
            NoFigure::NoRevenue => "No revenue yet, so nothing to retain",
            NoFigure::NoPriorSpend => "Nothing spent in the quarter before the last",
            NoFigure::HorizonTooShort => "The horizon is shorter than two quarters",
            NoFigure::NoCustomersAtStart => "No paying customers at the start of the last month",
            NoFigure::Unusable => "No usable figure for this scenario",
        }
    }
}

/// The current figure of a metric in the user's Simulate scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CurrentFigure {
    /// The simulator measured it.
    Value(Figure),
    /// The simulator measures this metric, but not in this scenario.
    Missing(NoFigure),
    /// The simulator does not model this metric (its id is not in
    /// [`SIMULATOR_METRIC_IDS`]).
    NotMeasured,
}

/// How the simulator computes the figure for `metric_id`, for the page to
/// show beside the number; `None` for metrics it does not model.
pub fn simulator_formula(metric_id: &str) -> Option<&'static str> {
    Some(match metric_id {
        "cac_blended" => {
            "all go-to-market spend ÷ all new customers over the horizon, organic included; \
             only spend whose deals can close in time counts"
        }
        "ltv_cac" => {
            "blended LTV ÷ blended CAC, channels weighted by new customers; LTV counts at most \
             60 months of gross profit"
        }
        "payback_months" => "blended CAC ÷ (ARPA × gross margin), ARPA weighted by new customers",
        "nrr_12m" => {
            "(1 − monthly churn + monthly expansion)^12, channels weighted by their MRR a year \
             before the end"
        }
        "magic_number" => {
            "net new ARR of the last quarter ÷ sales & marketing spend of the quarter before"
        }
        "logo_churn" => {
            "customers lost in the last month ÷ paying customers at its start, all channels"
        }
        _ => return None,
    })
}

/// A figure, or [`NoFigure::Unusable`] if the value is not finite.
fn figure(value: f64, unit: FigureUnit, ltv_capped: bool) -> CurrentFigure {
    if value.is_finite() {
        CurrentFigure::Value(Figure {
            value,
            unit,
            ltv_capped,
        })
    } else {
        CurrentFigure::Missing(NoFigure::Unusable)
    }
}

/// Monthly logo churn of the last month, in percent, over all channels:
/// customers lost ÷ customers at the start of the month. The projection
/// keeps, per month, the customers at the end and the customers won; those
/// lost in month t are therefore active(t − 1) + new(t) − active(t) (the
/// model never churns customers won in the same month).
fn last_month_logo_churn(rows: &[MonthRow]) -> Result<f64, NoFigure> {
    let Some(last) = rows.last() else {
        return Err(NoFigure::NoCustomersAtStart);
    };
    // Month 1 starts with no customers, as the model does.
    let start = rows
        .len()
        .checked_sub(2)
        .and_then(|i| rows.get(i))
        .map_or(0.0, |r| r.active_customers.total());
    let won = last.new_customers.total();
    let end = last.active_customers.total();
    // Floating-point noise can make a churn-free month lose −1e-12 customers.
    let lost = (start + won - end).clamp(0.0, start.max(0.0));
    logo_churn(lost, start)
        .map(|f| f * 100.0)
        .ok_or(NoFigure::NoCustomersAtStart)
}

/// The current figure of metric `metric_id` in a simulator projection.
///
/// For the ids in [`SIMULATOR_METRIC_IDS`]:
/// - `cac_blended`: [`Summary::blended_cac`], $ per customer;
/// - `ltv_cac`: [`Summary::blended_ltv_cac`], a multiple (flagged when the
///   blended LTV is capped);
/// - `payback_months`: [`Summary::blended_payback`], months on gross margin;
/// - `nrr_12m`: [`Summary::nrr_12m_pct`], %;
/// - `magic_number`: [`Summary::magic_number`] of the last quarter;
/// - `logo_churn`: customers lost in the last month ÷ customers at its start,
///   %, over every channel (customer-weighted when channels churn at
///   different rates).
///
/// Logo churn is why this takes the whole [`Projection`] and not only its
/// [`Summary`]: the summary holds no churn figure, the monthly rows do.
/// Every other figure is read from the summary as Simulate shows it, so the
/// two pages always agree.
///
/// Where the scenario leaves a figure undefined the answer is
/// [`CurrentFigure::Missing`] with the reason; any other id is
/// [`CurrentFigure::NotMeasured`]. A returned value is always finite.
///
/// [`Summary`]: crate::domain::sim::Summary
/// [`Summary::blended_cac`]: crate::domain::sim::Summary::blended_cac
/// [`Summary::blended_ltv_cac`]: crate::domain::sim::Summary::blended_ltv_cac
/// [`Summary::blended_payback`]: crate::domain::sim::Summary::blended_payback
/// [`Summary::nrr_12m_pct`]: crate::domain::sim::Summary::nrr_12m_pct
/// [`Summary::magic_number`]: crate::domain::sim::Summary::magic_number
pub fn current_figure(metric_id: &str, projection: &Projection) -> CurrentFigure {
    let s = &projection.summary;
    let missing = CurrentFigure::Missing;
    match metric_id {
        "cac_blended" => match s.blended_cac {
            Some(cac) => figure(cac, FigureUnit::DollarsPerCustomer, false),
            None => missing(NoFigure::NoNewCustomers),
        },
        "ltv_cac" => {
            let capped = s.blended_ltv.is_some_and(|l| l.is_capped());
            match s.blended_ltv_cac {
                Some(LtvCac::Ratio(r)) => figure(r, FigureUnit::Ratio, capped),
                Some(LtvCac::FreeAcquisition) => missing(NoFigure::FreeAcquisition),
                None => missing(NoFigure::NoNewCustomers),
            }
        }
        "payback_months" => match s.blended_payback {
            Some(Payback::Months(m)) => figure(m, FigureUnit::Months, false),
            Some(Payback::Never) => missing(NoFigure::NoGrossProfit),
            None => missing(NoFigure::NoNewCustomers),
        },
        "nrr_12m" => match s.nrr_12m_pct {
            Some(pct) => figure(pct, FigureUnit::Percent, false),
            None => missing(NoFigure::NoRevenue),
        },
        "magic_number" => match s.magic_number {
            MagicNumber::Ratio(r) => figure(r, FigureUnit::Ratio, false),
            MagicNumber::NoPriorSpend => missing(NoFigure::NoPriorSpend),
            MagicNumber::NotEnoughMonths => missing(NoFigure::HorizonTooShort),
        },
        "logo_churn" => match last_month_logo_churn(&projection.rows) {
            Ok(pct) => figure(pct, FigureUnit::Percent, false),
            Err(why) => missing(why),
        },
        _ => CurrentFigure::NotMeasured,
    }
}

// ---------------------------------------------------------------------------
// Scenario by quarter (the figures behind the report's charts)
// ---------------------------------------------------------------------------

/// One quarter-end month of the scenario, for the report.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct QuarterRow {
    /// Month number, 1-based (3, 6, 9, … and the last month).
    pub month: u32,
    /// Total MRR at the end of the month, $ per month.
    pub mrr: f64,
    /// Paying customers at the end of the month.
    pub customers: f64,
    /// Cumulative cash at the end of the month, $ (negative while the
    /// go-to-market engine has consumed more than it brought in).
    pub cumulative_cash: f64,
}

/// The projection at every third month (3, 6, 9, …), plus the last month
/// when the horizon is not a whole number of quarters, so the table always
/// ends where the charts end. Non-finite numbers (which the simulator never
/// produces) become 0.
pub fn quarterly_rows(rows: &[MonthRow]) -> Vec<QuarterRow> {
    let finite = |x: f64| if x.is_finite() { x } else { 0.0 };
    let n = rows.len();
    rows.iter()
        .enumerate()
        .filter(|(i, _)| (i + 1) % 3 == 0 || i + 1 == n)
        .map(|(_, r)| QuarterRow {
            month: r.month,
            mrr: finite(r.mrr.total()),
            customers: finite(r.active_customers.total()),
            cumulative_cash: finite(r.cumulative_cash),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Rollout checklist
// ---------------------------------------------------------------------------

/// A task in a rollout step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    /// Stable id (`step.task`), kept in the saved ticks.
    pub id: String,
    /// What to do.
    pub text: String,
}

/// One of the five rollout steps with its tasks for a motion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Stable id of the step.
    pub id: &'static str,
    /// Title of the step.
    pub title: &'static str,
    /// The tasks for the chosen motion, 3–5 of them.
    pub tasks: Vec<Task>,
}

/// The five steps, in order: (id, title).
pub const STEPS: [(&str, &str); 5] = [
    ("audit", "Audit the current journey"),
    ("icp", "Define the ideal customer and buying journey"),
    ("align", "Align metrics and incentives"),
    ("tools", "Invest in the enabling tools"),
    ("culture", "Build the culture"),
];

// Motion bit masks for the task table, in `Motion::ALL` order.
const PL: u8 = 1;
const PLS: u8 = 2;
const HYB: u8 = 4;
const SLPA: u8 = 8;
const SL: u8 = 16;
const EVERY: u8 = PL | PLS | HYB | SLPA | SL;

fn bit(m: Motion) -> u8 {
    match m {
        Motion::ProductLed => PL,
        Motion::ProductLedSalesAssist => PLS,
        Motion::HybridFreemiumEnterprise => HYB,
        Motion::SalesLedProductAdoption => SLPA,
        Motion::SalesLed => SL,
    }
}

/// (step id, task id, motions it applies to, text). Task ids are saved: never
/// rename one; retire it and add a new id instead.
#[rustfmt::skip]
static TASKS: [(&str, &str, u8, &str); 38] = [
    // Audit the current journey.
    ("audit", "audit.map-journey", EVERY,
     "Map each step a customer takes today, from first contact to first invoice."),
    ("audit", "audit.lead-sources", EVERY,
     "List where last quarter's new customers came from and what each source cost."),
    ("audit", "audit.first-value", PL | PLS | HYB,
     "Time how long a new sign-up takes to get a first useful result."),
    ("audit", "audit.drop-off", PL | PLS,
     "Sign up as a stranger would and note every screen where people give up."),
    ("audit", "audit.go-live", SLPA | SL,
     "Measure the days from a signed contract to the customer's first real use."),
    ("audit", "audit.stage-times", HYB | SLPA | SL,
     "Record how long deals sit in each pipeline stage and where they stall."),
    ("audit", "audit.engaged-free", PLS | HYB,
     "Follow a busy free account: who notices it today, and how quickly?"),
    // Define the ideal customer and buying journey.
    ("icp", "icp.profile", EVERY,
     "Describe your best-fit customers: size, industry, who uses it, who pays."),
    ("icp", "icp.interviews", EVERY,
     "Interview five recent customers about the job they bought the product for."),
    ("icp", "icp.self-serve-path", PL | PLS | HYB,
     "Decide which customers should be able to buy without talking to anyone."),
    ("icp", "icp.activation-event", PL,
     "Pick the one action that shows a new user has got value; call it activation."),
    ("icp", "icp.pql-definition", PLS | HYB,
     "Agree which product behaviour makes an account worth a salesperson's time."),
    ("icp", "icp.buying-group", HYB | SLPA | SL,
     "Name the people in a typical buying group and what each needs to say yes."),
    ("icp", "icp.adoption-goal", SLPA,
     "Define good adoption for the first 90 days after a contract is signed."),
    // Align metrics and incentives.
    ("align", "align.pick-metrics", EVERY,
     "Choose three to five metrics from this page and publish their definitions."),
    ("align", "align.activation-targets", PL | PLS | HYB,
     "Give product and growth teams activation and engagement targets, not sign-ups."),
    ("align", "align.efficiency-headline", PL,
     "Report self-serve conversion and revenue per employee as headline results."),
    ("align", "align.pql-credit", PLS | HYB,
     "Credit sales for PQL revenue it closes and product for the PQLs it creates."),
    ("align", "align.shared-target", PLS | HYB | SLPA,
     "Set one revenue target that product, marketing and sales all answer for."),
    ("align", "align.pipeline-targets", HYB | SLPA | SL,
     "Set win-rate and pipeline-velocity targets for each sales team."),
    ("align", "align.adoption-pay", SLPA,
     "Tie part of account-team pay to usage after the sale, not only the signature."),
    ("align", "align.quota-design", SL,
     "Design quotas and commission that reward the deals you want most."),
    // Invest in the enabling tools.
    ("tools", "tools.product-analytics", PL | PLS | HYB | SLPA,
     "Track key product events (sign-up, activation, invites, upgrades) in analytics."),
    ("tools", "tools.experiments", PL,
     "Set up A/B tests for onboarding, the pricing page and upgrade prompts."),
    ("tools", "tools.in-app-help", PL | PLS | SLPA,
     "Add in-app guidance: checklists, tooltips and a searchable help centre."),
    ("tools", "tools.crm", HYB | SLPA | SL,
     "Set up the CRM with deal stages, entry and exit rules, and a forecast."),
    ("tools", "tools.usage-in-crm", PLS | HYB,
     "Send product usage into the CRM so reps see it beside each account."),
    ("tools", "tools.pql-alerts", PLS | HYB,
     "Create an alert or task for the owner when an account matches a playbook rule."),
    ("tools", "tools.enablement", SL,
     "Give reps call recording, a content library and a quoting (CPQ) tool."),
    ("tools", "tools.data-owners", HYB | SLPA | SL,
     "Name an owner for each data definition so all teams trust the same numbers."),
    // Build the culture.
    ("culture", "culture.funnel-review", EVERY,
     "Hold a monthly funnel review with product, marketing, sales and success."),
    ("culture", "culture.watch-users", PL | PLS | HYB,
     "Have every team watch real users try the product at least once a month."),
    ("culture", "culture.tickets-as-bugs", PL,
     "Treat each support question as a design problem to remove from the product."),
    ("culture", "culture.follow-up-sla", PLS | HYB,
     "Agree how fast a flagged account gets a reply, and review every miss."),
    ("culture", "culture.engineers-on-calls", SLPA | SL,
     "Bring product engineers onto customer calls to hear problems first-hand."),
    ("culture", "culture.shared-adoption", SLPA,
     "Make customer success and product jointly own adoption after go-live."),
    ("culture", "culture.written-playbook", SL,
     "Write the sales playbook down so results do not rest on a few stars."),
    ("culture", "culture.retros", HYB,
     "Run a quarterly retrospective on the handoff between self-serve and sales."),
];

/// The five rollout steps with the tasks that fit `motion` (3–5 per step;
/// some shared by every motion, some specific to it).
pub fn checklist(motion: Motion) -> Vec<Step> {
    let b = bit(motion);
    STEPS
        .iter()
        .map(|&(id, title)| Step {
            id,
            title,
            tasks: TASKS
                .iter()
                .filter(|t| t.0 == id && t.2 & b != 0)
                .map(|t| Task {
                    id: t.1.to_string(),
                    text: t.3.to_string(),
                })
                .collect(),
        })
        .collect()
}

/// Whether `id` is a task of any motion's checklist (ticks survive a change
/// of motion, so any of them may be saved).
pub fn is_task_id(id: &str) -> bool {
    TASKS.iter().any(|t| t.1 == id)
}

/// (ticked, total) tasks of `motion`'s checklist.
pub fn progress(motion: Motion, ticked: &BTreeSet<String>) -> (usize, usize) {
    let steps = checklist(motion);
    let total = steps.iter().map(|s| s.tasks.len()).sum();
    let done = steps
        .iter()
        .flat_map(|s| &s.tasks)
        .filter(|t| ticked.contains(&t.id))
        .count();
    (done, total)
}

// ---------------------------------------------------------------------------
// Pilot plan
// ---------------------------------------------------------------------------

/// A success metric of the pilot with its target, both free text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PilotMetric {
    /// What is measured, e.g. "PQL-to-paid conversion".
    pub name: String,
    /// The bar to clear, e.g. "≥ 8%".
    pub target: String,
}

/// A small, time-boxed test of the chosen motion on one segment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PilotPlan {
    /// The customers in the pilot, e.g. "design agencies under 50 staff".
    pub segment: String,
    /// The motion tested; `None` means the recommended one.
    pub motion: Option<Motion>,
    /// Length in weeks.
    pub weeks: u32,
    /// Success metrics with targets.
    pub metrics: Vec<PilotMetric>,
}

impl Default for PilotPlan {
    /// No segment yet, the recommended motion, one quarter (12 weeks).
    fn default() -> Self {
        PilotPlan {
            segment: String::new(),
            motion: None,
            weeks: 12,
            metrics: Vec::new(),
        }
    }
}

impl PilotPlan {
    /// Checks the stored pilot. Texts may be blank (a half-filled form is
    /// saved too) but not over-long.
    ///
    /// # Errors
    /// [`FieldError`] on `plan.pilot.*` for a length outside [`WEEKS_RANGE`],
    /// too many metrics, or an over-long text.
    pub fn validate(&self) -> Result<(), FieldError> {
        text_field("plan.pilot.segment".into(), &self.segment, false)?;
        check("plan.pilot.weeks", f64::from(self.weeks), WEEKS_RANGE)?;
        if self.metrics.len() > MAX_PILOT_METRICS {
            return Err(FieldError::new(
                "plan.pilot.metrics",
                format!(
                    "has {} entries; at most {MAX_PILOT_METRICS}",
                    self.metrics.len()
                ),
            ));
        }
        for (i, m) in self.metrics.iter().enumerate() {
            text_field(format!("plan.pilot.metrics[{i}].name"), &m.name, false)?;
            text_field(format!("plan.pilot.metrics[{i}].target"), &m.target, false)?;
        }
        Ok(())
    }
}

/// Suggested pilot metrics for a motion, with targets read off the
/// benchmark table (a starting point to edit).
pub fn suggested_pilot_metrics(motion: Motion) -> Vec<PilotMetric> {
    use BenchmarkId as B;
    let pairs: &[(&str, BenchmarkId)] = match motion {
        Motion::ProductLed => &[
            ("Free-to-paid conversion", B::FreemiumToPaid),
            ("CAC payback", B::Payback),
            ("Viral coefficient", B::ViralCoefficient),
        ],
        Motion::ProductLedSalesAssist | Motion::HybridFreemiumEnterprise => &[
            ("PQL-to-paid conversion", B::PqlToPaid),
            ("CAC payback", B::Payback),
            ("LTV:CAC", B::LtvCac),
        ],
        Motion::SalesLedProductAdoption | Motion::SalesLed => &[
            ("LTV:CAC", B::LtvCac),
            ("Magic number", B::MagicNumber),
            ("CAC payback", B::Payback),
        ],
    };
    pairs
        .iter()
        .map(|(n, id)| PilotMetric {
            name: (*n).to_string(),
            target: pilot_target(*id),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Saved state and its operations
// ---------------------------------------------------------------------------

/// Why a playbook edit was refused.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum PlanError {
    /// No rule has this id.
    #[error("There is no rule {0}.")]
    UnknownRule(u32),
    /// The playbook is full.
    #[error("A playbook holds at most {max} rules.")]
    TooManyRules {
        /// The limit.
        max: usize,
    },
    /// Rule ids have run out (after four billion additions).
    #[error("No more rule ids are available; reset the playbook.")]
    IdsExhausted,
    /// A field of the rule is invalid.
    #[error(transparent)]
    Invalid(#[from] FieldError),
}

/// The saved state of the Plan page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanState {
    /// The playbook, in display order.
    pub rules: Vec<PqlRule>,
    /// The id the next added rule gets; above every id in `rules`.
    pub next_rule_id: u32,
    /// Volumes for the estimate.
    pub volumes: PqlVolumes,
    /// The motion whose metrics are listed; `None` follows the assessment.
    pub metrics_motion: Option<Motion>,
    /// Ids of ticked checklist tasks.
    pub checklist: BTreeSet<String>,
    /// The pilot plan.
    pub pilot: PilotPlan,
}

impl Default for PlanState {
    /// The four default rules, default volumes, nothing ticked, an empty pilot.
    fn default() -> Self {
        let rules = default_rules();
        let next_rule_id = rules.iter().map(|r| r.id).max().unwrap_or(0) + 1;
        PlanState {
            rules,
            next_rule_id,
            volumes: PqlVolumes::default(),
            metrics_motion: None,
            checklist: BTreeSet::new(),
            pilot: PilotPlan::default(),
        }
    }
}

impl PlanState {
    /// Checks the stored state.
    ///
    /// # Errors
    /// [`FieldError`] naming the first bad field: too many rules, a duplicate
    /// rule id or one not below `next_rule_id`, a bad rule field, bad
    /// volumes, an unknown checklist task id, or a bad pilot.
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.rules.len() > MAX_RULES {
            return Err(FieldError::new(
                "plan.rules",
                format!("has {} rules; at most {MAX_RULES}", self.rules.len()),
            ));
        }
        for (i, r) in self.rules.iter().enumerate() {
            let field = format!("plan.rules[{i}]");
            if self.rules.iter().take(i).any(|o| o.id == r.id) {
                return Err(FieldError::new(
                    format!("{field}.id"),
                    format!("rule id {} is used twice", r.id),
                ));
            }
            if r.id >= self.next_rule_id {
                return Err(FieldError::new(
                    "plan.next_rule_id",
                    format!("must be above every rule id, but rule {} exists", r.id),
                ));
            }
            r.validate_at(&field)?;
        }
        self.volumes.validate()?;
        if let Some(id) = self.checklist.iter().find(|id| !is_task_id(id)) {
            return Err(FieldError::new(
                "plan.checklist",
                format!("“{id}” is not a checklist task"),
            ));
        }
        self.pilot.validate()
    }

    /// The rule with this id.
    pub fn rule(&self, id: u32) -> Option<&PqlRule> {
        self.rules.iter().find(|r| r.id == id)
    }

    fn position(&self, id: u32) -> Result<usize, PlanError> {
        self.rules
            .iter()
            .position(|r| r.id == id)
            .ok_or(PlanError::UnknownRule(id))
    }

    /// Adds a rule at the end of the playbook and returns its new id.
    ///
    /// # Errors
    /// [`PlanError::Invalid`] for a bad field, [`PlanError::TooManyRules`]
    /// when full, [`PlanError::IdsExhausted`] when no id is left. The state
    /// is unchanged on error.
    pub fn add_rule(&mut self, draft: RuleDraft) -> Result<u32, PlanError> {
        if self.rules.len() >= MAX_RULES {
            return Err(PlanError::TooManyRules { max: MAX_RULES });
        }
        let id = self.next_rule_id;
        let next = id.checked_add(1).ok_or(PlanError::IdsExhausted)?;
        let rule = draft.into_rule(id);
        rule.validate_at(&format!("plan.rules[{}]", self.rules.len()))?;
        self.rules.push(rule);
        self.next_rule_id = next;
        Ok(id)
    }

    /// Replaces the fields of rule `id`, keeping its id and place.
    ///
    /// # Errors
    /// [`PlanError::UnknownRule`] or [`PlanError::Invalid`]; the state is
    /// unchanged on error.
    pub fn update(&mut self, id: u32, draft: RuleDraft) -> Result<(), PlanError> {
        let i = self.position(id)?;
        let rule = draft.into_rule(id);
        rule.validate_at(&format!("plan.rules[{i}]"))?;
        if let Some(slot) = self.rules.get_mut(i) {
            *slot = rule;
        }
        Ok(())
    }

    /// Moves rule `id` one place up. Returns whether it moved (false when it
    /// is already first).
    ///
    /// # Errors
    /// [`PlanError::UnknownRule`].
    pub fn move_up(&mut self, id: u32) -> Result<bool, PlanError> {
        let i = self.position(id)?;
        if i == 0 {
            return Ok(false);
        }
        self.rules.swap(i - 1, i);
        Ok(true)
    }

    /// Moves rule `id` one place down. Returns whether it moved (false when
    /// it is already last).
    ///
    /// # Errors
    /// [`PlanError::UnknownRule`].
    pub fn move_down(&mut self, id: u32) -> Result<bool, PlanError> {
        let i = self.position(id)?;
        if i + 1 >= self.rules.len() {
            return Ok(false);
        }
        self.rules.swap(i, i + 1);
        Ok(true)
    }

    /// Removes rule `id` and returns it. Its id is not reused.
    ///
    /// # Errors
    /// [`PlanError::UnknownRule`].
    pub fn remove(&mut self, id: u32) -> Result<PqlRule, PlanError> {
        let i = self.position(id)?;
        Ok(self.rules.remove(i))
    }

    /// Puts the four default rules back, with fresh ids (so a page keyed by id
    /// never confuses them with removed ones).
    ///
    /// # Errors
    /// [`PlanError::IdsExhausted`] when no ids are left.
    pub fn reset_rules(&mut self) -> Result<(), PlanError> {
        let mut rules = Vec::new();
        let mut next = self.next_rule_id;
        for r in default_rules() {
            rules.push(PqlRule { id: next, ..r });
            next = next.checked_add(1).ok_or(PlanError::IdsExhausted)?;
        }
        self.rules = rules;
        self.next_rule_id = next;
        Ok(())
    }

    /// Ticks or unticks a task; unknown ids are ignored. Returns whether it
    /// is now ticked.
    pub fn toggle_task(&mut self, id: &str) -> bool {
        if self.checklist.remove(id) {
            false
        } else if is_task_id(id) {
            self.checklist.insert(id.to_string());
            true
        } else {
            false
        }
    }
}

// ---------------------------------------------------------------------------
// Markdown report
// ---------------------------------------------------------------------------

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
    /// Assess result: motion, position and confidence lines.
    pub assessment: Vec<String>,
    /// Key comparison rows.
    pub comparison: Vec<ReportRow>,
    /// Scenario summary lines (figures with their units).
    pub scenario: Vec<String>,
    /// The scenario at each quarter end (see [`quarterly_rows`]): the
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
pub const REPORT_SECTIONS: [&str; 7] = [
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

    out.push_str("## Assessment\n\n");
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
