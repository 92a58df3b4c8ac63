//! The PQL playbook: its rules (signal, threshold, action, owner and the
//! share of accounts each flags), the four starting rules, and their checks.

use serde::{Deserialize, Serialize};

use super::text::text_field;
use crate::domain::format;
use crate::domain::input::{check, FieldError, Range, Unit};

/// Most rules a playbook may hold (more would not fit the page or the team).
pub const MAX_RULES: usize = 20;
/// Allowed rule thresholds: any count, percentage or number of visits up to
/// a million. A plain number: the rule's unit is typed in its own field.
pub const THRESHOLD_RANGE: Range = Range::new(0.0, 1_000_000.0);
/// Allowed share of active free accounts a rule flags per month, in percent.
pub const SHARE_RANGE: Range = Range::new(0.0, 100.0).in_unit(Unit::Percent);

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
/// The rule this draft describes, with `id` and its texts trimmed.
impl RuleDraft {
    pub(super) fn into_rule(self, id: u32) -> PqlRule {
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

/// Formats a typed quantity (a threshold, a share) for a sentence: as typed,
/// up to one decimal, thousands separated ([`format::number_trimmed`]); a
/// non-finite value reads as 0. Counts of accounts use [`format::count`].
pub fn format_quantity(x: f64) -> String {
    format::number_trimmed(if x.is_finite() { x } else { 0.0 }, 1)
}
