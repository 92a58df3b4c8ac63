//! Reading amounts, counts and billing intervals as billing exports and
//! spreadsheets write them, and turning a price per interval into MRR.
//!
//! The number itself is read by the app's one reader of typed numbers,
//! [`read_number`] (PRODUCT.md: `1,500` is fifteen hundred, `1,5` one and a
//! half, `1.234,5` is 1234.5; spaces and `_` group thousands; `k` and `M`
//! multiply). Around it, this file reads what exports add: a currency
//! symbol or ISO code before or after the number (the row's currency),
//! apostrophes grouping thousands (`1'234.50`), and the file-wide meaning
//! of `1.500`.
//!
//! One dot followed by exactly three digits (`1.500`) is a decimal point in
//! most exports and a thousands separator in some spreadsheets. It is read
//! as a decimal point, as everywhere in the app, unless the same file writes
//! decimal commas elsewhere (see [`Notation`]): then it is fifteen hundred.

use thiserror::Error;

use crate::domain::economics::MONEY_LIMIT;
use crate::domain::input::{read_number, InputError, Unit};

/// Average days in a month of the Gregorian calendar, 365.2425 ÷ 12: the
/// length used to turn daily and weekly prices into a monthly figure.
pub const DAYS_PER_MONTH: f64 = 365.2425 / 12.0;

/// The longest billing interval read, in months (ten years).
pub const MAX_INTERVAL_MONTHS: f64 = 120.0;

/// The largest quantity read on one subscription.
pub const MAX_QUANTITY: f64 = 1e9;

/// Why a number or interval cell was not read. Shown in the list of skipped
/// rows.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum AmountError {
    /// The text is not a number.
    #[error("“{0}” is not a number")]
    NotANumber(String),
    /// The separators allow more than one reading (`1,2,3`).
    #[error("“{0}” can be read more than one way (write it like 1234.5 or 1,234.5)")]
    Ambiguous(String),
    /// The number is below zero (a refund or credit is not a subscription).
    #[error("“{0}” is negative")]
    Negative(String),
    /// The number is beyond any real figure.
    #[error("“{0}” is too large to be real")]
    TooLarge(String),
    /// A count had a fraction.
    #[error("“{0}” is not a whole number")]
    NotWhole(String),
    /// The interval text is not one we know.
    #[error("“{0}” is not a billing interval we know (day, week, month, quarter or year)")]
    UnknownInterval(String),
    /// The interval is zero or longer than ten years.
    #[error("“{0}” is not a billing interval between a day and ten years")]
    IntervalOutOfRange(String),
}

/// How a number was written, for deciding what `1.500` means in this file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Notation {
    /// No separator that says anything (`49`, `1,500`, `1 500`).
    Plain,
    /// A decimal point was certainly used (`49.90`, `1,234.50`).
    DecimalPoint,
    /// A decimal comma or dot thousands were certainly used (`49,90`,
    /// `1.234,50`, `1.234.567`).
    DecimalComma,
    /// One dot and exactly three digits after it (`1.500`): read as 1.5
    /// unless the file uses decimal commas, then as 1500.
    DotThree,
}

/// A number read from a cell.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Number {
    /// The value with a dot read as a decimal point.
    pub value: f64,
    /// How it was written.
    pub notation: Notation,
    /// The currency its symbol or code names, as an ISO code where known
    /// (`$` → `USD`), else the text written.
    pub currency: Option<String>,
}

/// Tally of [`Notation`]s in a file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct NumberEvidence {
    /// Numbers that certainly used a decimal point.
    pub decimal_point: u64,
    /// Numbers that certainly used a decimal comma.
    pub decimal_comma: u64,
    /// Numbers like `1.500`.
    pub dot_three: u64,
}

impl NumberEvidence {
    /// Records one number.
    pub(crate) fn observe(&mut self, notation: Notation) {
        match notation {
            Notation::Plain => {}
            Notation::DecimalPoint => self.decimal_point += 1,
            Notation::DecimalComma => self.decimal_comma += 1,
            Notation::DotThree => self.dot_three += 1,
        }
    }

    /// Whether the file writes decimal commas (and never a decimal point),
    /// so that `1.500` means fifteen hundred.
    pub(crate) fn comma_decimal(&self) -> bool {
        self.decimal_comma > 0 && self.decimal_point == 0
    }
}

/// The ISO code for a currency symbol or code written beside an amount.
/// `None` when the text names no currency we can tell (`kr` is three).
pub(crate) fn currency_code(text: &str) -> Option<String> {
    let t = text.trim();
    let code = match t {
        "$" | "US$" | "USD" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" | "JP¥" => "JPY",
        "₹" => "INR",
        "C$" | "CA$" => "CAD",
        "A$" | "AU$" => "AUD",
        "R$" => "BRL",
        "₩" => "KRW",
        "zł" => "PLN",
        _ if t.len() == 3 && t.bytes().all(|b| b.is_ascii_alphabetic()) => {
            return Some(t.to_ascii_uppercase())
        }
        _ => return None,
    };
    Some(code.to_string())
}

/// How the digits and separators of a number (already read by
/// [`read_number`]) were written. `comma_was_thousands` = the reader took a
/// lone comma as a thousands separator (`1,500`).
fn notation(body: &str, comma_was_thousands: bool) -> Notation {
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let digits_after_dot = body.rsplit('.').next().map_or(0, str::len);
    match (dots, commas) {
        (0, 0) => Notation::Plain,
        (d, c) if d > 0 && c > 0 => {
            if body.rfind('.') > body.rfind(',') {
                Notation::DecimalPoint
            } else {
                Notation::DecimalComma
            }
        }
        (0, 1) if comma_was_thousands => Notation::Plain,
        (0, 1) => Notation::DecimalComma,
        (0, _) => Notation::Plain,
        (1, 0) if digits_after_dot == 3 && !body.starts_with('.') => Notation::DotThree,
        (1, 0) => Notation::DecimalPoint,
        // Several dots group thousands, as where commas are decimals.
        _ => Notation::DecimalComma,
    }
}

/// Reads one number cell. `Ok(None)` when empty. With `money`, a currency
/// symbol or code before or after the number is read as its currency; `k`
/// and `M` suffixes are read for money and counts alike.
///
/// # Errors
/// [`AmountError`] naming what is wrong; never a silent zero.
pub(crate) fn parse_number(text: &str, money: bool) -> Result<Option<Number>, AmountError> {
    let raw = text.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    // Most cells are plain digits (cents, counts): nothing to weigh.
    if raw.len() <= 15 && raw.bytes().all(|b| b.is_ascii_digit()) {
        let value = raw.parse::<u64>().map_or(f64::INFINITY, |v| v as f64);
        if value > MONEY_LIMIT {
            return Err(AmountError::TooLarge(raw.to_string()));
        }
        return Ok(Some(Number {
            value,
            notation: Notation::Plain,
            currency: None,
        }));
    }
    let not_a_number = || AmountError::NotANumber(raw.to_string());
    let first = raw
        .find(|c: char| c.is_ascii_digit())
        .ok_or_else(not_a_number)?;
    let last = raw
        .rfind(|c: char| c.is_ascii_digit())
        .ok_or_else(not_a_number)?;
    let mut body_start = first;
    // ".5" and ",5": the separator before the first digit belongs to it.
    if raw[..first].ends_with(['.', ',']) {
        body_start = first - 1;
    }
    let (prefix, body, suffix) = (
        &raw[..body_start],
        &raw[body_start..=last],
        &raw[last + 1..],
    );
    if prefix.contains(['-', '−', '(']) || suffix.contains(['-', '−']) {
        return Err(AmountError::Negative(raw.to_string()));
    }

    // What is left around the number once signs, spaces and a k/M suffix go
    // is the currency mark.
    let prefix: String = prefix
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '+')
        .collect();
    let mut suffix: String = suffix
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ')')
        .collect();
    let mut multiplier = String::new();
    if let Some(c) = suffix
        .chars()
        .last()
        .filter(|c| matches!(c, 'k' | 'K' | 'M'))
    {
        suffix.pop();
        multiplier.push(c);
    }
    let mark = format!("{prefix}{suffix}");
    let currency = if mark.is_empty() {
        None
    } else if !money || (!prefix.is_empty() && !suffix.is_empty()) {
        return Err(not_a_number());
    } else {
        Some(currency_code(&mark).ok_or_else(not_a_number)?)
    };

    // Apostrophes group thousands in Switzerland; the reader knows spaces.
    let digits = body.replace(['\'', '’'], " ");
    let typed =
        read_number(&format!("{digits}{multiplier}"), Unit::Count).map_err(|e| match e {
            InputError::Ambiguous(_) => AmountError::Ambiguous(raw.to_string()),
            _ => not_a_number(),
        })?;
    if !typed.value.is_finite() || typed.value > MONEY_LIMIT {
        return Err(AmountError::TooLarge(raw.to_string()));
    }
    Ok(Some(Number {
        value: typed.value,
        notation: notation(body, typed.as_decimal_comma.is_some()),
        currency,
    }))
}

/// Reads a count (quantity, customers): a non-negative number with no
/// currency. With `whole`, fractions are refused. `Ok(None)` when empty.
///
/// # Errors
/// [`AmountError`] naming what is wrong.
pub(crate) fn parse_count(text: &str, whole: bool) -> Result<Option<f64>, AmountError> {
    let Some(n) = parse_number(text, false)? else {
        return Ok(None);
    };
    if n.value > MAX_QUANTITY {
        return Err(AmountError::TooLarge(text.trim().to_string()));
    }
    // A count is never written with a decimal comma that means thousands,
    // so `1.500` here is one and a half, as written.
    if whole && n.value.fract() != 0.0 {
        return Err(AmountError::NotWhole(text.trim().to_string()));
    }
    Ok(Some(n.value))
}

/// Reads a billing interval and returns its length in months: `month`,
/// `monthly`, `year`, `annual`, `quarterly`, `week`, `day`, `3 months`,
/// `every 2 weeks`… `count` (from an interval-count column) multiplies it.
/// A day is 1 ÷ [`DAYS_PER_MONTH`] months and a week 7 ÷ [`DAYS_PER_MONTH`].
///
/// # Errors
/// [`AmountError::UnknownInterval`] for text we do not know;
/// [`AmountError::IntervalOutOfRange`] for lengths outside a day to ten
/// years.
pub(crate) fn parse_interval(text: &str, count: f64) -> Result<f64, AmountError> {
    let raw = text.trim();
    // The words exports use, without splitting the text.
    for (word, months) in [
        ("month", 1.0),
        ("year", 12.0),
        ("week", 7.0 / DAYS_PER_MONTH),
        ("day", 1.0 / DAYS_PER_MONTH),
    ] {
        if raw.eq_ignore_ascii_case(word) {
            return check_months(months * count, raw);
        }
    }
    let lower = raw.to_ascii_lowercase();
    let unknown = || AmountError::UnknownInterval(raw.to_string());
    let mut words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_' || c == '/')
        .filter(|w| !w.is_empty() && *w != "every" && *w != "per" && *w != "billed")
        .collect();
    let mut n = 1.0;
    if let [first, ..] = words.as_slice() {
        if let Ok(k) = first.parse::<u32>() {
            n = f64::from(k);
            words.remove(0);
        }
    }
    let unit = match words.as_slice() {
        [w] => *w,
        [a, b] if *a == "semi" || *a == "half" => {
            if matches!(*b, "annual" | "annually" | "year" | "yearly") {
                return check_months(6.0 * count, raw);
            }
            return Err(unknown());
        }
        _ => return Err(unknown()),
    };
    let months = match unit {
        "day" | "days" | "daily" | "d" => 1.0 / DAYS_PER_MONTH,
        "week" | "weeks" | "weekly" | "w" | "wk" => 7.0 / DAYS_PER_MONTH,
        "month" | "months" | "monthly" | "mo" | "mon" | "mth" | "m" => 1.0,
        "quarter" | "quarters" | "quarterly" | "q" => 3.0,
        "semiannual" | "semiannually" | "halfyearly" => 6.0,
        "year" | "years" | "yearly" | "annual" | "annually" | "yr" | "y" => 12.0,
        _ => return Err(unknown()),
    };
    check_months(months * n * count, raw)
}

fn check_months(months: f64, raw: &str) -> Result<f64, AmountError> {
    // A day is the shortest interval; allow for rounding below it.
    if (0.99 / DAYS_PER_MONTH..=MAX_INTERVAL_MONTHS).contains(&months) {
        Ok(months)
    } else {
        Err(AmountError::IntervalOutOfRange(raw.to_string()))
    }
}

/// MRR of one subscription = amount × quantity ÷ months in the billing
/// interval: an annual plan of 1,200 is 100 a month; a weekly plan of 10 is
/// 10 × 30.436875 ÷ 7 ≈ 43.48 a month. Finite and ≥ 0 for any input.
pub fn monthly_amount(amount: f64, quantity: f64, interval_months: f64) -> f64 {
    let value = amount * quantity / interval_months;
    if value.is_finite() && value > 0.0 {
        value.min(MONEY_LIMIT)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (f64, Notation, Option<String>) {
        match parse_number(text, true) {
            Ok(Some(n)) => (n.value, n.notation, n.currency),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn thousands_and_decimal_separators_follow_the_product_rule() {
        assert_eq!(read("1,500").0, 1500.0);
        assert_eq!(read("1,5").0, 1.5);
        assert_eq!(read("1.234,5").0, 1234.5);
        assert_eq!(read("1,234.56").0, 1234.56);
        assert_eq!(read("1 234,56").0, 1234.56);
        assert_eq!(read("1'234.50").0, 1234.5);
        assert_eq!(read("1,234,567").0, 1_234_567.0);
        assert_eq!(read("1.234.567").0, 1_234_567.0);
        assert_eq!(read("49.90").1, Notation::DecimalPoint);
        assert_eq!(read("49,90").1, Notation::DecimalComma);
        assert_eq!(read("1.500").1, Notation::DotThree);
        // As the app's number fields read them (issue 11): a leading zero
        // makes the comma a decimal one.
        assert_eq!(read("0,500").0, 0.5);
        assert_eq!(read("1,500").1, Notation::Plain);
        assert!(matches!(
            parse_number("1,234,5", true),
            Err(AmountError::Ambiguous(_))
        ));
    }

    #[test]
    fn currency_marks_name_the_currency() {
        assert_eq!(read("$49.00").2.as_deref(), Some("USD"));
        assert_eq!(read("49,00 €").2.as_deref(), Some("EUR"));
        assert_eq!(read("£1,200").2.as_deref(), Some("GBP"));
        assert_eq!(read("EUR 49").2.as_deref(), Some("EUR"));
        assert_eq!(read("12k").0, 12_000.0);
        assert_eq!(read("$1.2M").0, 1_200_000.0);
    }

    #[test]
    fn nonsense_negative_and_huge_amounts_are_refused() {
        assert!(matches!(
            parse_number("abc", true),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            parse_number("12abc34", true),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            parse_number("-5", true),
            Err(AmountError::Negative(_))
        ));
        assert!(matches!(
            parse_number("($5.00)", true),
            Err(AmountError::Negative(_))
        ));
        assert!(matches!(
            parse_number("1e400", true),
            Err(AmountError::NotANumber(_))
        ));
        assert!(matches!(
            parse_number("9999999999999", true),
            Err(AmountError::TooLarge(_))
        ));
        assert!(matches!(
            parse_number("5 USD", false),
            Err(AmountError::NotANumber(_))
        ));
    }

    #[test]
    fn intervals_become_months() {
        assert_eq!(parse_interval("month", 1.0), Ok(1.0));
        assert_eq!(parse_interval("Yearly", 1.0), Ok(12.0));
        assert_eq!(parse_interval("3 months", 1.0), Ok(3.0));
        assert_eq!(parse_interval("quarterly", 1.0), Ok(3.0));
        assert_eq!(parse_interval("month", 6.0), Ok(6.0));
        assert_eq!(parse_interval("week", 1.0), Ok(7.0 / DAYS_PER_MONTH));
        assert!(parse_interval("fortnight", 1.0).is_err());
        assert!(parse_interval("year", 11.0).is_err());
    }
}
