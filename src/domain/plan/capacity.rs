//! The sales capacity a playbook implies: the volumes it works from (typed
//! or taken from the simulator), the accounts each rule flags, and the
//! people needed to work them, as a range because rules may overlap.

use serde::{Deserialize, Serialize};

use super::playbook::PqlRule;
use crate::domain::format;
use crate::domain::input::{check, FieldError, Range, Unit};
use crate::domain::sim::{free_accounts_paying, Projection, ScenarioInputs};

/// Allowed active free accounts per month.
pub const ACTIVE_RANGE: Range = Range::new(0.0, 100_000_000.0).in_unit(Unit::Count);
/// Allowed accounts one SDR/AE/CSM can work per month (at least one, so the
/// head-count division is always defined).
pub const PER_REP_RANGE: Range = Range::new(1.0, 10_000.0).in_unit(Unit::Count);
/// Allowed number of people working flagged accounts (0 means nobody yet).
pub const REPS_RANGE: Range = Range::new(0.0, 10_000.0).in_unit(Unit::Count);

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
///
/// ```
/// use gtm_workbench::domain::motion::Motion;
/// use gtm_workbench::domain::plan::active_free_accounts;
/// use gtm_workbench::domain::sim::{preset, MonthRow, Projection};
///
/// let mut inputs = preset(Motion::ProductLed);
/// inputs.self_serve.free_to_paid_pct = 4.0;
/// inputs.self_serve.conversion_lag_months = 1;
/// inputs.sales_assist.enabled = false;
/// // 100 accounts activate every month.
/// let month = MonthRow { activated: 100.0, ..MonthRow::default() };
/// let projection = Projection { rows: vec![month; 12], ..Projection::default() };
/// // Three months active: this month's 100 all free, the two older cohorts
/// // past the one-month lag keep 96 % each: 100 + 96 + 96 = 292.
/// let active = active_free_accounts(&inputs, &projection, 3);
/// assert!(active.is_some_and(|a| (a - 292.0).abs() < 1e-9));
///
/// inputs.self_serve.enabled = false;
/// assert_eq!(active_free_accounts(&inputs, &projection, 3), None);
/// ```
pub fn active_free_accounts(
    inputs: &ScenarioInputs,
    projection: &Projection,
    free_active_months: u32,
) -> Option<f64> {
    if !inputs.self_serve.enabled {
        return None;
    }
    let paying = free_accounts_paying(inputs).fraction();
    let lag = inputs.self_serve.conversion_lag_months as usize;
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

/// Estimates how many accounts the rules flag per month and the people needed
/// to work them.
///
/// Per rule: flagged = active × share_pct ÷ 100. Human load = the rules whose
/// owner is not automation. Capacity = reps × accounts per rep. See
/// [`PqlEstimate`] for the overlap bounds. Non-finite or negative inputs count
/// as 0 and shares are clamped to 0–100, so every output is finite.
///
/// ```
/// use gtm_workbench::domain::plan::{default_rules, estimate, CapacityStatus, PqlVolumes};
/// // The four starting rules flag 8 %, 2 %, 1 % and 3 % of 2,000 active free
/// // accounts: 160 + 40 + 20 + 60 = 280 a month at most, 160 at least.
/// // The 8 % rule is automated, so people work 40 + 20 + 60 = 120 at most
/// // (60 at least): ⌈120 ÷ 100⌉ = 2 people, within a team of 2 × 100.
/// let volumes = PqlVolumes {
///     active_free_accounts: 2_000.0,
///     accounts_per_rep: 100.0,
///     reps: 2.0,
///     ..PqlVolumes::default()
/// };
/// let e = estimate(&default_rules(), &volumes);
/// assert_eq!((e.flagged_upper, e.flagged_lower), (280.0, 160.0));
/// assert_eq!((e.human_upper, e.human_lower), (120.0, 60.0));
/// assert_eq!((e.people_needed_upper, e.people_needed_lower), (2, 1));
/// assert_eq!(e.capacity_per_month, 200.0);
/// assert_eq!(e.status, CapacityStatus::Within);
/// ```
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
