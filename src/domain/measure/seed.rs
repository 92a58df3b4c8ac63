//! "Start the simulator from these": the measured figures put into the
//! scenario's inputs, each with a note of where it came from
//! ([`Provenance`]).
//!
//! **What is filled**, for each of the model's channels that receives
//! measured customers ([`ModelChannel`]; a file's own acquisition channels
//! are assigned to one of them, [`ChannelTarget`]):
//! - ARPA (self-serve, and sales-assisted when it is on, at the same value)
//!   or ACV = 12 × ARPA (sales-led);
//! - churn and expansion: the rates LTV uses ([`Figures::ltv_rates`]):
//!   churn = logo churn + max(0, contraction − expansion), expansion =
//!   max(0, expansion − contraction), so the model's MRR moves by
//!   (1 − churn + expansion) a month as the measured MRR of staying and
//!   leaving customers did;
//! - **new customers a month**, which the model does not take directly:
//!   - self-serve: organic sign-ups are set so that, once the funnel is
//!     steady, the model wins the measured number a month with the person's
//!     own paid spend, cost per sign-up, viral coefficient, activation and
//!     conversion: sign-ups settle at (paid + organic) ÷ (1 − viral
//!     coefficient) and each brings activation × ((1 − PQL share) ×
//!     free-to-paid + PQL share × PQL→opportunity × PQL win rate)
//!     customers, so organic = new a month × (1 − k) ÷ that − paid;
//!   - sales-led: the cost per qualified opportunity is set so that the
//!     person's pipeline spend and win rate give the measured deals a month:
//!     cost per opportunity = pipeline spend × win rate ÷ new a month;
//!
//!   either way the spend stays the person's, so the model's CAC is their
//!   spend ÷ the measured customers (and referrals slow a little later on,
//!   as the model's addressable market fills);
//! - the channels that receive no measured customers are switched off (the
//!   sales-assisted channel goes with self-serve), so the model's new
//!   customers are the measured ones only.
//!
//! **What is kept**: spend (acquisition, pipeline, sales-assist cost,
//! account executives) and every funnel rate are the person's, and the
//! gross margin is theirs to confirm: a subscription export holds no costs.
//! A gross margin confirmed on Measure is carried over as such.
//!
//! Values outside a field's range are brought inside it, and a note says so.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::date::YearMonth;
use super::metrics::{figures, Figures, Measured, RetentionSource};
use super::series::MonthRow;
use super::Measurement;
use crate::domain::format;
use crate::domain::sim::{Channel, FieldId, Provenance, ScenarioInputs};

/// The model channel measured customers are put in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelChannel {
    /// Self-serve (with sales-assisted, when it is on).
    #[default]
    SelfServe,
    /// Sales-led.
    SalesLed,
}

impl ModelChannel {
    /// Both, in the order the page shows them.
    pub const ALL: [ModelChannel; 2] = [ModelChannel::SelfServe, ModelChannel::SalesLed];

    /// The simulator channel.
    pub fn channel(self) -> Channel {
        match self {
            ModelChannel::SelfServe => Channel::SelfServe,
            ModelChannel::SalesLed => Channel::SalesLed,
        }
    }

    /// The name shown on the page.
    pub fn label(self) -> &'static str {
        self.channel().label()
    }

    /// A stable identifier, for option values.
    pub fn slug(self) -> &'static str {
        self.channel().slug()
    }

    /// Parses [`ModelChannel::slug`].
    pub fn from_slug(slug: &str) -> Option<ModelChannel> {
        ModelChannel::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// A first guess from a file's channel name: names that speak of a
    /// sales team go to sales-led, everything else to self-serve.
    pub fn guess(name: &str) -> ModelChannel {
        const SALES_WORDS: [&str; 8] = [
            "sales",
            "outbound",
            "sdr",
            "bdr",
            "account executive",
            "enterprise",
            "field",
            "partner",
        ];
        let lower = name.to_lowercase();
        if SALES_WORDS.iter().any(|w| lower.contains(w)) && !lower.contains("self") {
            ModelChannel::SalesLed
        } else {
            ModelChannel::SelfServe
        }
    }
}

/// Where one of the file's acquisition channels goes. Saved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelTarget {
    /// The channel's name as the measurement writes it.
    pub name: String,
    /// The model channel its customers go to.
    pub target: ModelChannel,
}

/// The model channel of the file channel `name`: the person's choice, else
/// the guess from its name.
pub fn target_of(name: &str, targets: &[ChannelTarget]) -> ModelChannel {
    targets
        .iter()
        .find(|t| t.name == name)
        .map_or_else(|| ModelChannel::guess(name), |t| t.target)
}

/// One thing the seeding changed, for the list the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The input, when it is a number field (`None` for a channel switch).
    pub field: Option<FieldId>,
    /// What was changed, e.g. `Self-serve ARPA ($/month)`.
    pub label: String,
    /// The new value, written.
    pub value: String,
    /// Why, in a few words.
    pub why: String,
}

/// The scenario filled from a measurement.
#[derive(Clone, Debug, PartialEq)]
pub struct Seeded {
    /// The scenario's inputs with the measured values in.
    pub inputs: ScenarioInputs,
    /// Where each filled value came from, one entry per field set.
    pub provenance: Vec<Provenance>,
    /// What was set, in order.
    pub changes: Vec<Change>,
    /// What was not set and why, what was clamped, what to confirm.
    pub notes: Vec<String>,
}

/// "sample-subscriptions.csv, Nov 2024 – Oct 2026, 3,110 subscriptions":
/// the file, the months it covers (first start to the last complete month)
/// and how many rows went into the figures.
pub fn source_line(m: &Measurement) -> String {
    let s = &m.source;
    let rows = match s.format {
        super::Format::MonthlyTable(_) => {
            let n = s.rows_used as f64;
            if s.rows_used == 1 {
                "1 table row".to_string()
            } else {
                format!("{} table rows", format::count(n))
            }
        }
        super::Format::Subscriptions { .. } => {
            if s.rows_used == 1 {
                "1 subscription".to_string()
            } else {
                format!("{} subscriptions", format::count(s.rows_used as f64))
            }
        }
    };
    format!(
        "{}, {} – {}, {rows}",
        s.file_name,
        s.first_date.month().label(),
        m.last_month.label()
    )
}

/// Adds up rows of the same month; an optional part only when every row
/// has it.
fn sum_rows(month: YearMonth, rows: &[&MonthRow]) -> MonthRow {
    fn all<T: Copy + std::iter::Sum<T>>(values: impl Iterator<Item = Option<T>>) -> Option<T> {
        values
            .collect::<Option<Vec<T>>>()
            .map(|v| v.into_iter().sum())
    }
    MonthRow {
        month,
        mrr: rows.iter().map(|r| r.mrr).sum(),
        customers: rows
            .iter()
            .map(|r| r.customers)
            .fold(0u32, u32::saturating_add),
        start_mrr: all(rows.iter().map(|r| r.start_mrr)),
        start_customers: all(rows.iter().map(|r| r.start_customers)),
        new_customers: all(rows.iter().map(|r| r.new_customers)),
        reactivated_customers: all(rows.iter().map(|r| r.reactivated_customers)),
        churned_customers: all(rows.iter().map(|r| r.churned_customers)),
        new_mrr: all(rows.iter().map(|r| r.new_mrr)),
        expansion_mrr: all(rows.iter().map(|r| r.expansion_mrr)),
        contraction_mrr: all(rows.iter().map(|r| r.contraction_mrr)),
        churned_mrr: all(rows.iter().map(|r| r.churned_mrr)),
        reactivation_mrr: all(rows.iter().map(|r| r.reactivation_mrr)),
        spend: all(rows.iter().map(|r| r.spend)),
    }
}

/// Several series added up month by month (the channels assigned to one
/// model channel), in month order.
pub fn merge_series(parts: &[&[MonthRow]]) -> Vec<MonthRow> {
    let mut by_month: BTreeMap<YearMonth, Vec<&MonthRow>> = BTreeMap::new();
    for part in parts {
        for row in *part {
            by_month.entry(row.month).or_default().push(row);
        }
    }
    by_month
        .into_iter()
        .map(|(month, rows)| sum_rows(month, &rows))
        .collect()
}

/// The measured customers of one model channel: their figures and the file
/// channels they come from (empty when the file names none).
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// The model channel.
    pub target: ModelChannel,
    /// The figures of its customers.
    pub figures: Figures,
    /// The file's channels in it.
    pub channels: Vec<String>,
}

/// The measured customers split by the model channel they go to: one group
/// (`default`) when the file names no channels, else one per model channel
/// that receives at least one file channel.
pub fn groups(m: &Measurement, default: ModelChannel, targets: &[ChannelTarget]) -> Vec<Group> {
    if m.channels.is_empty() {
        return vec![Group {
            target: default,
            figures: m.figures(),
            channels: Vec::new(),
        }];
    }
    ModelChannel::ALL
        .into_iter()
        .filter_map(|target| {
            let members: Vec<_> = m
                .channels
                .iter()
                .filter(|c| target_of(&c.name, targets) == target)
                .collect();
            if members.is_empty() {
                return None;
            }
            let parts: Vec<&[MonthRow]> = members.iter().map(|c| c.series.as_slice()).collect();
            let merged = merge_series(&parts);
            Some(Group {
                target,
                figures: figures(&merged, RetentionSource::Channel, m.last_month),
                channels: members.iter().map(|c| c.name.clone()).collect(),
            })
        })
        .collect()
}

/// Builds the seeded scenario step by step.
struct Seeder {
    inputs: ScenarioInputs,
    provenance: Vec<Provenance>,
    changes: Vec<Change>,
    notes: Vec<String>,
}

impl Seeder {
    /// Sets `id` to `value` brought inside the field's range, records where
    /// it came from and what changed.
    fn put(&mut self, id: FieldId, value: f64, source: String, why: String) {
        let spec = id.spec();
        let range = spec.range;
        let kept = if value.is_finite() {
            value.clamp(range.min, range.max)
        } else {
            range.min
        };
        if kept != value {
            self.notes.push(format!(
                "{} would be {}, outside what the field takes; it was set to {}.",
                spec.label,
                format::figure_in(value, spec.unit),
                format::figure_in(kept, spec.unit)
            ));
        }
        if self.inputs.set(id, kept).is_err() {
            // Only a whole-number field could refuse a clamped value, and
            // none of the seeded fields is one; say so rather than guess.
            self.notes.push(format!("{} could not be set.", spec.label));
            return;
        }
        let stored = self.inputs.get(id);
        self.provenance.retain(|p| p.field != id);
        self.provenance.push(Provenance {
            field: id,
            value: stored,
            source,
        });
        self.changes.push(Change {
            field: Some(id),
            label: spec.label.to_string(),
            value: format::figure_in(stored, spec.unit),
            why,
        });
    }

    fn switch(&mut self, channel: Channel, on: bool, why: &str) {
        if self.inputs.is_enabled(channel) != on {
            self.inputs.set_enabled(channel, on);
            self.changes.push(Change {
                field: None,
                label: format!("{} channel", channel.label()),
                value: if on { "on" } else { "off" }.to_string(),
                why: why.to_string(),
            });
        }
    }

    /// ARPA (or ACV), churn and expansion of one group.
    fn revenue(&mut self, group: &Group, from: &str) {
        let f = &group.figures;
        let label = group.target.label();
        match (&f.arpa, group.target) {
            (Measured::Value(arpa), ModelChannel::SelfServe) => {
                self.put(
                    FieldId::SsArpa,
                    *arpa,
                    format!("Measured from {from}"),
                    "ARPA measured".to_string(),
                );
                if self.inputs.sales_assist.enabled {
                    self.put(
                        FieldId::SaArpa,
                        *arpa,
                        format!("The self-serve ARPA measured from {from}"),
                        "same as self-serve: the file does not tell them apart".to_string(),
                    );
                }
            }
            (Measured::Value(arpa), ModelChannel::SalesLed) => self.put(
                FieldId::SlAcv,
                *arpa * 12.0,
                format!("12 × the ARPA measured from {from}"),
                "12 × the measured ARPA".to_string(),
            ),
            (Measured::Unavailable(why), _) => {
                self.notes.push(format!("{label} ARPA was not set: {why}"));
            }
        }
        let (churn_id, expansion_id) = match group.target {
            ModelChannel::SelfServe => (FieldId::SsChurnPct, FieldId::SsExpansionPct),
            ModelChannel::SalesLed => (FieldId::SlChurnPct, FieldId::SlExpansionPct),
        };
        match f.ltv_rates() {
            Some((churn, expansion)) => {
                let net_contraction =
                    churn.fraction() > f.logo_churn.value().map_or(0.0, |p| p.rate.fraction());
                let churn_source = if net_contraction {
                    format!("Logo churn plus the net contraction, measured from {from}")
                } else {
                    format!("Logo churn measured from {from}")
                };
                self.put(
                    churn_id,
                    churn.percent(),
                    churn_source,
                    "monthly logo churn, pooled over the last 12 complete months".to_string(),
                );
                self.put(
                    expansion_id,
                    expansion.percent(),
                    format!("Expansion minus contraction, measured from {from}"),
                    "monthly expansion net of contraction".to_string(),
                );
            }
            None => {
                let why = match &f.logo_churn {
                    Measured::Unavailable(u) => u.to_string(),
                    Measured::Value(_) => String::new(),
                };
                self.notes
                    .push(format!("{label} churn and expansion were not set: {why}"));
            }
        }
    }

    /// Organic sign-ups so the steady funnel wins `n` customers a month.
    fn self_serve_volume(&mut self, n: f64, from: &str) {
        let ss = &self.inputs.self_serve;
        let sa = &self.inputs.sales_assist;
        let k = ss.viral_coefficient;
        let pql = if sa.enabled { sa.pql_pct / 100.0 } else { 0.0 };
        let conversion = (1.0 - pql) * ss.free_to_paid_pct / 100.0
            + pql * sa.pql_to_opportunity_pct / 100.0 * sa.win_pct / 100.0;
        let per_signup = ss.activation_pct / 100.0 * conversion;
        let paid = ss.acquisition_spend_per_month / ss.cost_per_signup.max(0.01);
        if k >= 1.0 {
            self.notes.push(
                "Organic sign-ups were not set: with a viral coefficient of 1 or more the model's sign-ups grow without limit, so no number of them gives a steady count of new customers.".to_string(),
            );
            return;
        }
        if per_signup <= 0.0 {
            self.notes.push(
                "Organic sign-ups were not set: with the activation and conversion rates in Simulate no sign-up becomes a customer. Set them first, then start again.".to_string(),
            );
            return;
        }
        let needed = n * (1.0 - k) / per_signup;
        let organic = needed - paid;
        if organic < 0.0 {
            self.notes.push(format!(
                "Your paid sign-ups alone ({} a month) already bring more than the {} customers a month measured; organic sign-ups were set to 0. Lower the acquisition spend to match.",
                format::number(paid, 1),
                format::number(n, 1)
            ));
        }
        self.put(
            FieldId::SsOrganicSignups,
            organic.max(0.0),
            format!(
                "Set so the model wins {} customers a month, as measured from {from}",
                format::number(n, 1)
            ),
            format!(
                "with your paid sign-ups, viral coefficient, activation and conversion, the model then wins {} customers a month",
                format::number(n, 1)
            ),
        );
    }

    /// Cost per opportunity so the pipeline spend wins `n` deals a month.
    fn sales_led_volume(&mut self, n: f64, from: &str) {
        let sl = &self.inputs.sales_led;
        let (spend, win) = (sl.pipeline_spend_per_month, sl.win_pct / 100.0);
        let sellers = sl.account_executives;
        let capacity = f64::from(sellers) * sl.ae_capacity_deals_per_month;
        if spend <= 0.0 || win <= 0.0 {
            self.notes.push(
                "The cost per opportunity was not set: it needs a pipeline spend and a win rate above 0 in Simulate.".to_string(),
            );
            return;
        }
        self.put(
            FieldId::SlCostPerOpportunity,
            spend * win / n,
            format!(
                "Set so your pipeline spend and win rate give {} deals a month, as measured from {from}",
                format::number(n, 1)
            ),
            format!(
                "your pipeline spend × win rate ÷ the {} deals a month measured",
                format::number(n, 1)
            ),
        );
        if capacity < n {
            self.notes.push(format!(
                "{} account executives close at most {} deals a month, fewer than the {} measured: the model loses the rest. Add sellers in Simulate.",
                format::count(f64::from(sellers)),
                format::number(capacity, 1),
                format::number(n, 1)
            ));
        }
    }

    fn volume(&mut self, group: &Group, from: &str) {
        let label = group.target.label();
        match &group.figures.new_customers_per_month {
            Measured::Value(n) if *n > 0.0 => match group.target {
                ModelChannel::SelfServe => self.self_serve_volume(*n, from),
                ModelChannel::SalesLed => self.sales_led_volume(*n, from),
            },
            Measured::Value(_) => self.notes.push(format!(
                "{label}: no customers were won in the last 12 complete months, so the new customers a month were not set."
            )),
            Measured::Unavailable(why) => self
                .notes
                .push(format!("{label}: new customers a month were not set: {why}")),
        }
    }
}

/// The scenario `current` with the measured values of `m` filled in (see
/// the module docs for what is set and how). `default` is the model
/// channel for a file without channels; `targets` assigns a file's
/// channels; a `gross_margin_pct` confirmed on Measure is carried over.
pub fn seed_scenario(
    m: &Measurement,
    current: &ScenarioInputs,
    default: ModelChannel,
    targets: &[ChannelTarget],
    gross_margin_pct: Option<f64>,
) -> Seeded {
    let groups = groups(m, default, targets);
    let mut s = Seeder {
        inputs: current.clone(),
        provenance: Vec::new(),
        changes: Vec::new(),
        notes: Vec::new(),
    };
    let has = |t: ModelChannel| groups.iter().any(|g| g.target == t);
    let why_on = "measured customers go here";
    let why_off = "no measured customers go here";
    for target in ModelChannel::ALL {
        let on = has(target);
        s.switch(target.channel(), on, if on { why_on } else { why_off });
    }
    if !has(ModelChannel::SelfServe) {
        s.switch(
            Channel::SalesAssist,
            false,
            "it needs the self-serve channel's free accounts",
        );
    }
    let line = source_line(m);
    for group in &groups {
        let from = if group.channels.is_empty() {
            line.clone()
        } else {
            format!("{line} (channels: {})", group.channels.join(", "))
        };
        s.revenue(group, &from);
        s.volume(group, &from);
    }
    match gross_margin_pct {
        Some(gm) => s.put(
            FieldId::GrossMarginPct,
            gm,
            "Confirmed by you on Measure (a subscription export holds no costs)".to_string(),
            "the gross margin you confirmed".to_string(),
        ),
        None => s.notes.push(format!(
            "Gross margin stays at {} from Simulate: a subscription export holds no costs, so confirm it.",
            format::percent(current.gross_margin_pct, 1)
        )),
    }
    s.notes.push(
        "Spend stays as you set it in Simulate (acquisition, pipeline, sales-assist and sellers): confirm it, since the model's CAC is that spend ÷ the measured customers.".to_string(),
    );
    if let Measured::Value(cac) = &m.figures().cac {
        s.notes.push(format!(
            "The file's own spend gives a CAC of {} over {}.",
            money_in(cac.per_customer, &m.source.currency),
            format::months(f64::from(cac.months), 0)
        ));
    }
    let currency = m.source.currency.trim();
    if !currency.is_empty() && !currency.eq_ignore_ascii_case("usd") {
        s.notes.push(format!(
            "The file's amounts are in {}; the simulator writes them with $ but they are carried as they are.",
            currency.to_uppercase()
        ));
    }
    Seeded {
        inputs: s.inputs,
        provenance: s.provenance,
        changes: s.changes,
        notes: s.notes,
    }
}

/// Money in the measurement's currency: `$12,345` for dollars (or no
/// currency), `12,345 EUR` for any other.
pub fn money_in(value: f64, currency: &str) -> String {
    let c = currency.trim();
    if c.is_empty() || c.eq_ignore_ascii_case("usd") {
        format::money(value)
    } else {
        format!("{} {}", format::number(value, 0), c.to_uppercase())
    }
}

/// Money to the cent in the measurement's currency: `$89.50`, `89.50 EUR`.
pub fn money_cents_in(value: f64, currency: &str) -> String {
    let c = currency.trim();
    if c.is_empty() || c.eq_ignore_ascii_case("usd") {
        format::money_cents(value)
    } else {
        format!("{} {}", format::number(value, 2), c.to_uppercase())
    }
}
