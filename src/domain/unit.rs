//! What a typed or shown number measures. Every numeric field declares one
//! [`Unit`] (on its [`Range`](crate::domain::input::Range)), and the same
//! value decides how the field reads text ([`crate::domain::input`]) and how
//! the app writes the number ([`crate::domain::format`]).

/// The unit of a number. One list for every field in the app: the
/// simulator's inputs, the quick calculator, CAC by channel, the plan and the
/// insight tools.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Dollars.
    Dollars,
    /// Dollars per month.
    DollarsPerMonth,
    /// Dollars per year.
    DollarsPerYear,
    /// Percent (a typed 35 means 35%).
    Percent,
    /// Percent per month.
    PercentPerMonth,
    /// Months.
    Months,
    /// Weeks.
    Weeks,
    /// A count (people, accounts, sign-ups per month, deals per month).
    Count,
    /// A plain ratio (viral coefficient, LTV:CAC).
    Ratio,
    /// A number with no unit of its own (a rule threshold whose unit is
    /// typed beside it, a seed).
    Number,
}

impl Unit {
    /// Whether the value is an amount of dollars (`$` and the k/M suffixes
    /// are read).
    pub fn is_money(self) -> bool {
        matches!(
            self,
            Unit::Dollars | Unit::DollarsPerMonth | Unit::DollarsPerYear
        )
    }

    /// Whether the value is a percentage (a trailing `%` is read).
    pub fn is_percent(self) -> bool {
        matches!(self, Unit::Percent | Unit::PercentPerMonth)
    }

    /// Whether "k" (thousand) and "M" (million) may follow the number: money
    /// and counts only. In a field of months "12m" would more likely mean
    /// twelve months than twelve million, so there no suffix is read.
    pub fn takes_suffixes(self) -> bool {
        self.is_money() || self == Unit::Count
    }

    /// How a message names the field's unit: "This field is {in dollars}".
    pub fn field_phrase(self) -> &'static str {
        match self {
            Unit::Dollars | Unit::DollarsPerMonth | Unit::DollarsPerYear => "is in dollars",
            Unit::Percent | Unit::PercentPerMonth => "is in percent",
            Unit::Months => "is in months",
            Unit::Weeks => "is in weeks",
            Unit::Count => "is a count",
            Unit::Ratio => "is a ratio",
            Unit::Number => "takes a plain number",
        }
    }
}
