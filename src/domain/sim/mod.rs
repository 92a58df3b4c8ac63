//! The scenario simulator: a month-by-month model of up to three
//! go-to-market channels, with presets per motion, named scenarios, a
//! comparison table and a CSV export.
//!
//! - [`inputs`]: what the user sets ([`ScenarioInputs`]), with a field list
//!   ([`fields`]) the UI renders and validates generically.
//! - [`model`]: [`simulate`] → [`Projection`] (monthly rows and a summary).
//! - [`presets`]: one [`ScenarioInputs`] per motion at public benchmark levels.
//! - [`state`]: the saved simulator state and named-scenario operations.
//! - [`provenance`]: where an input came from when it was not typed.
//! - [`compare`]: the side-by-side table of summary figures.
//! - [`csv`]: the monthly table as CSV.
//!
//! Built for repetition: [`simulate_into`] reuses its output buffers, so the
//! sensitivity and Monte Carlo runs planned next can call it thousands of
//! times without allocating.

pub mod compare;
pub mod csv;
pub mod inputs;
pub mod model;
pub mod presets;
pub mod provenance;
pub mod readings;
pub mod state;

pub use compare::{
    compare_summaries, ComparisonColumn, ComparisonRow, ComparisonTable, Metric, MetricValue,
};
pub use csv::{csv_field, monthly_csv, monthly_csv_named};
pub use inputs::{
    fields, Billing, FieldId, FieldSpec, SalesAssistInputs, SalesLedInputs, ScenarioInputs,
    SelfServeInputs, Unit,
};
pub use model::{
    free_accounts_paying, pql_to_paid, simulate, simulate_into, CashPayback, ChannelSummary,
    MagicNumber, MonthRow, Projection, Summary, Trough, Warning,
};
pub use presets::{preset, PresetChange};
pub use provenance::Provenance;
pub use readings::{field_reading, FieldReading};
pub use state::{NamedScenario, SimState, StateError, MAX_COMPARE, MAX_SCENARIOS};

/// One of the three channels the simulator models.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Channel {
    /// Self-serve (product-led): sign-ups that convert on their own.
    SelfServe,
    /// Sales-assisted: product-qualified leads from the free product, closed
    /// by a sales-assist team.
    SalesAssist,
    /// Sales-led: pipeline bought with marketing spend, closed by account
    /// executives.
    SalesLed,
}

impl Channel {
    /// All channels, product-led first.
    pub const ALL: [Channel; 3] = [Channel::SelfServe, Channel::SalesAssist, Channel::SalesLed];

    /// The name shown in the app.
    pub fn label(self) -> &'static str {
        match self {
            Channel::SelfServe => "Self-serve",
            Channel::SalesAssist => "Sales-assisted (PQL)",
            Channel::SalesLed => "Sales-led",
        }
    }

    /// A stable identifier (the serde name of the channel's inputs).
    pub fn slug(self) -> &'static str {
        match self {
            Channel::SelfServe => "self_serve",
            Channel::SalesAssist => "sales_assist",
            Channel::SalesLed => "sales_led",
        }
    }
}

/// One value per channel.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ByChannel<T> {
    /// Self-serve.
    pub self_serve: T,
    /// Sales-assisted (PQL).
    pub sales_assist: T,
    /// Sales-led.
    pub sales_led: T,
}

impl<T: Copy> ByChannel<T> {
    /// The same value for every channel.
    pub fn splat(value: T) -> Self {
        ByChannel {
            self_serve: value,
            sales_assist: value,
            sales_led: value,
        }
    }

    /// The value for one channel.
    pub fn get(&self, channel: Channel) -> T {
        match channel {
            Channel::SelfServe => self.self_serve,
            Channel::SalesAssist => self.sales_assist,
            Channel::SalesLed => self.sales_led,
        }
    }

    /// A mutable reference to one channel's value.
    pub fn get_mut(&mut self, channel: Channel) -> &mut T {
        match channel {
            Channel::SelfServe => &mut self.self_serve,
            Channel::SalesAssist => &mut self.sales_assist,
            Channel::SalesLed => &mut self.sales_led,
        }
    }

    /// Applies `f` to every channel's value.
    pub fn map<U>(&self, mut f: impl FnMut(Channel, T) -> U) -> ByChannel<U> {
        ByChannel {
            self_serve: f(Channel::SelfServe, self.self_serve),
            sales_assist: f(Channel::SalesAssist, self.sales_assist),
            sales_led: f(Channel::SalesLed, self.sales_led),
        }
    }
}

impl ByChannel<bool> {
    /// Whether any channel's value is true.
    pub fn any(&self) -> bool {
        self.self_serve || self.sales_assist || self.sales_led
    }
}

impl ByChannel<f64> {
    /// The sum over the three channels.
    pub fn total(&self) -> f64 {
        self.self_serve + self.sales_assist + self.sales_led
    }
}
