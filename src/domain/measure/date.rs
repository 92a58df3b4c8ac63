//! Calendar days and months, and reading the date styles billing exports
//! use: ISO dates and date-times, Unix seconds (or milliseconds), `D.M.Y`,
//! and `M/D/Y` vs `D/M/Y`, which cannot be told apart from one value and is
//! decided for the whole file ([`DateOrder`]).
//!
//! Calendar arithmetic (real days in a month, leap years, Unix time to a
//! date) comes from the `time` crate; this file only splits the text into
//! numbers.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The earliest year a date may have. Billing history from before 1970 is
/// far more likely to be a misread value (a Unix time in the wrong unit) than
/// real, and a bounded range keeps every month index small.
pub const MIN_YEAR: i32 = 1970;
/// The latest year a date may have.
pub const MAX_YEAR: i32 = 2100;

/// Why a date cell was not read. The messages are shown in the list of
/// skipped rows.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DateError {
    /// The text has no date shape we know.
    #[error("“{0}” is not a date we can read (use YYYY-MM-DD, a date-time, Unix seconds, or day/month/year)")]
    Unreadable(String),
    /// The numbers do not make a real calendar day (e.g. 31 April).
    #[error("“{0}” is not a real calendar date")]
    NotADay(String),
    /// The year is outside [`MIN_YEAR`]–[`MAX_YEAR`].
    #[error("“{0}” is outside the years 1970–2100")]
    OutOfRange(String),
    /// The value only fits the day/month order the rest of the file does not use.
    #[error("“{0}” does not fit the {1} order of the other dates in the file")]
    WrongOrder(String, &'static str),
}

/// A calendar day between [`MIN_YEAR`] and [`MAX_YEAR`]. Stored as its ISO
/// text, `"2024-11-30"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(time::Date);

impl Day {
    /// The day `year-month-day`, if it exists in the calendar and the year is
    /// in range.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Day> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return None;
        }
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day)
            .ok()
            .map(Day)
    }

    /// The UTC calendar day of a Unix time in seconds, if it is in range.
    pub fn from_unix_seconds(seconds: i64) -> Option<Day> {
        let date = time::OffsetDateTime::from_unix_timestamp(seconds)
            .ok()?
            .date();
        Day::from_ymd(date.year(), u8::from(date.month()), date.day())
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    pub fn month_number(self) -> u8 {
        u8::from(self.0.month())
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.0.day()
    }

    /// The calendar month this day falls in.
    pub fn month(self) -> YearMonth {
        YearMonth {
            year: self.year(),
            month: self.month_number(),
        }
    }

    /// `"YYYY-MM-DD"`.
    pub fn iso(self) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month_number(),
            self.day()
        )
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        match parse_date(&text) {
            Ok(Some(DateToken::Known(day))) => Ok(day),
            _ => Err(serde::de::Error::custom(format!(
                "“{text}” is not a YYYY-MM-DD date"
            ))),
        }
    }
}

/// A calendar month (`2024-11`), between [`MIN_YEAR`] and [`MAX_YEAR`].
/// Stored as its text, `"2024-11"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u8,
}

impl YearMonth {
    /// The month `year-month`, if `month` is 1–12 and the year is in range.
    pub fn new(year: i32, month: u8) -> Option<YearMonth> {
        ((MIN_YEAR..=MAX_YEAR).contains(&year) && (1..=12).contains(&month))
            .then_some(YearMonth { year, month })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Months since January of year 0: a number that counts up by one a
    /// month, for arithmetic.
    pub fn index(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }

    /// The month with the given [`index`](Self::index), clamped to the
    /// supported years.
    pub fn from_index(index: i32) -> YearMonth {
        let lo = MIN_YEAR * 12;
        let hi = MAX_YEAR * 12 + 11;
        let i = index.clamp(lo, hi);
        YearMonth {
            year: i.div_euclid(12),
            // 0..=11 + 1 always fits a u8.
            month: (i.rem_euclid(12) + 1) as u8,
        }
    }

    /// This month moved by `months` (negative goes back), clamped to the
    /// supported years.
    pub fn plus(self, months: i32) -> YearMonth {
        YearMonth::from_index(self.index().saturating_add(months))
    }

    /// Whole months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i32 {
        later.index() - self.index()
    }

    /// The first day of the month.
    pub fn first_day(self) -> Day {
        // Day 1 exists in every month of the supported years.
        Day::from_ymd(self.year, self.month, 1).unwrap_or(Day(time::Date::MIN))
    }

    /// The last day of the month.
    pub fn last_day(self) -> Day {
        let next = self.plus(1);
        if next == self {
            // December of the last supported year.
            return Day::from_ymd(self.year, 12, 31).unwrap_or(Day(time::Date::MIN));
        }
        let julian = next.first_day().0.to_julian_day() - 1;
        time::Date::from_julian_day(julian)
            .map(Day)
            .unwrap_or(Day(time::Date::MIN))
    }

    /// `"Nov 2024"`.
    pub fn label(self) -> String {
        let name = MONTH_ABBREVIATIONS
            .get(usize::from(self.month) - 1)
            .copied()
            .unwrap_or("?");
        format!("{name} {}", self.year)
    }
}

impl fmt::Display for YearMonth {
    /// `"YYYY-MM"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let parsed = text.split_once('-').and_then(|(y, m)| {
            let year = y.parse::<i32>().ok()?;
            let month = m.parse::<u8>().ok()?;
            (y.len() == 4 && m.len() == 2)
                .then_some(())
                .and(YearMonth::new(year, month))
        });
        parsed.ok_or_else(|| serde::de::Error::custom(format!("“{text}” is not a YYYY-MM month")))
    }
}

/// How the two numbers before the year in `03/04/2024` are read. A file
/// uses one order throughout; it is detected from values that fit only one
/// (a first number above 12 means day first) and asked for when no value
/// settles it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DateOrder {
    /// `MM/DD/YYYY`, as in the United States.
    MonthFirst,
    /// `DD/MM/YYYY`, as in most of the world.
    DayFirst,
}

impl DateOrder {
    /// `"month/day/year"` or `"day/month/year"`.
    pub fn label(self) -> &'static str {
        match self {
            DateOrder::MonthFirst => "month/day/year",
            DateOrder::DayFirst => "day/month/year",
        }
    }
}

/// One date cell, read as far as it can be without knowing the file's
/// [`DateOrder`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateToken {
    /// A date whose reading does not depend on the order.
    Known(Day),
    /// `a/b/year` where both `a` and `b` could be the month or the day.
    Slashed {
        /// The first number.
        a: u8,
        /// The second number.
        b: u8,
        /// The year, four digits.
        year: i32,
    },
}

impl DateToken {
    /// The order this value proves, if only one order gives a real day.
    pub(crate) fn proves(self) -> Option<DateOrder> {
        match self {
            DateToken::Known(_) => None,
            DateToken::Slashed { a, b, year } => {
                let month_first = Day::from_ymd(year, a, b).is_some();
                let day_first = Day::from_ymd(year, b, a).is_some();
                match (month_first, day_first) {
                    (true, false) => Some(DateOrder::MonthFirst),
                    (false, true) => Some(DateOrder::DayFirst),
                    _ => None,
                }
            }
        }
    }

    /// Whether the value reads the same under either order (`05/05/2024`)
    /// or does not need one.
    pub(crate) fn needs_order(self) -> bool {
        match self {
            DateToken::Known(_) => false,
            DateToken::Slashed { a, b, .. } => a != b,
        }
    }

    /// The day, under `order` where it matters. `raw` is the cell text, for
    /// the message.
    ///
    /// # Errors
    /// [`DateError::WrongOrder`] when the value is not a day under `order`.
    pub(crate) fn resolve(self, order: DateOrder, raw: &str) -> Result<Day, DateError> {
        match self {
            DateToken::Known(day) => Ok(day),
            DateToken::Slashed { a, b, year } => {
                let (month, day) = match order {
                    DateOrder::MonthFirst => (a, b),
                    DateOrder::DayFirst => (b, a),
                };
                Day::from_ymd(year, month, day)
                    .ok_or_else(|| DateError::WrongOrder(raw.to_string(), order.label()))
            }
        }
    }

    /// The day when the order cannot matter (a [`Known`](Self::Known) day or
    /// equal numbers).
    pub(crate) fn known(self) -> Option<Day> {
        match self {
            DateToken::Known(day) => Some(day),
            DateToken::Slashed { a, b, year } if a == b => Day::from_ymd(year, a, b),
            DateToken::Slashed { .. } => None,
        }
    }
}

/// Splits `text` into runs of ASCII digits and the single characters between
/// them: `"2024-01-05T10:00"` → `["2024", "-", "01", "-", "05", "T", …]`.
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let from = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push(&text[from..i]);
        } else {
            let width = text[i..].chars().next().map_or(1, char::len_utf8);
            out.push(&text[i..i + width]);
            i += width;
        }
    }
    out
}

/// A two-digit year as the POSIX `strptime` reads it: 69–99 → 1969–1999,
/// 00–68 → 2000–2068.
fn full_year(digits: &str) -> Option<i32> {
    let n: i32 = digits.parse().ok()?;
    match digits.len() {
        4 => Some(n),
        2 if n >= 69 => Some(1900 + n),
        2 => Some(2000 + n),
        _ => None,
    }
}

fn small(digits: &str) -> Option<u8> {
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok()
}

/// Whether what follows a date is a time of day (`T10:00`, ` 10:00:00 UTC`)
/// and not more date-like text.
fn is_time_tail(rest: &[&str]) -> bool {
    match rest {
        [] => true,
        [sep, digits, ..] if (*sep == "T" || *sep == " ") => {
            digits.bytes().all(|b| b.is_ascii_digit()) && digits.len() <= 2
        }
        _ => false,
    }
}

fn checked_day(year: i32, month: u8, day: u8, raw: &str) -> Result<Day, DateError> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::OutOfRange(raw.to_string()));
    }
    Day::from_ymd(year, month, day).ok_or_else(|| DateError::NotADay(raw.to_string()))
}

/// Reads one date cell. `Ok(None)` when it is empty.
///
/// Accepted: `YYYY-MM-DD` (also with `/` or `.`, and followed by a time such
/// as `T10:00:00Z` or ` 10:00`, which is ignored: the date as written is
/// the day), `YYYYMMDD`, Unix seconds (9–10 digits, a fraction allowed) or
/// milliseconds (12–13 digits) read in UTC, `DD.MM.YYYY` (day first, as
/// everywhere dots are used), and `A/B/YYYY` or `A-B-YYYY` (two-digit years
/// too), whose order the file decides.
///
/// # Errors
/// [`DateError`] naming what is wrong.
pub(crate) fn parse_date(text: &str) -> Result<Option<DateToken>, DateError> {
    let raw = text.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let unreadable = || DateError::Unreadable(raw.to_string());
    // The common case, YYYY-MM-DD, without splitting the text.
    let b = raw.as_bytes();
    let digit = |i: usize| b[i].is_ascii_digit();
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9].into_iter().all(digit)
    {
        let n = |from: usize, to: usize| {
            b[from..to]
                .iter()
                .fold(0i32, |acc, d| acc * 10 + i32::from(d - b'0'))
        };
        // Two digits always fit a u8.
        return checked_day(n(0, 4), n(5, 7) as u8, n(8, 10) as u8, raw)
            .map(|d| Some(DateToken::Known(d)));
    }
    let p = pieces(raw);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());

    // A bare number: Unix time or a compact ISO date.
    if p.len() == 1 || (p.len() == 3 && p[1] == "." && digits(p[2]) && digits(p[0])) {
        let whole = p[0];
        if !digits(whole) {
            return Err(unreadable());
        }
        return match whole.len() {
            8 if p.len() == 1 => {
                let (y, m, d) = (&whole[0..4], &whole[4..6], &whole[6..8]);
                let year = y.parse().map_err(|_| unreadable())?;
                let month = m.parse().map_err(|_| unreadable())?;
                let day = d.parse().map_err(|_| unreadable())?;
                checked_day(year, month, day, raw).map(|d| Some(DateToken::Known(d)))
            }
            9 | 10 | 12 | 13 => {
                let n: i64 = whole.parse().map_err(|_| unreadable())?;
                let seconds = if whole.len() >= 12 { n / 1000 } else { n };
                Day::from_unix_seconds(seconds)
                    .map(|d| Some(DateToken::Known(d)))
                    .ok_or_else(|| DateError::OutOfRange(raw.to_string()))
            }
            _ => Err(unreadable()),
        };
    }

    if p.len() < 5 || !digits(p[0]) || !digits(p[2]) || !digits(p[4]) {
        return Err(unreadable());
    }
    let (sep1, sep2) = (p[1], p[3]);
    if sep1 != sep2 || !matches!(sep1, "-" | "/" | ".") {
        return Err(unreadable());
    }
    if !is_time_tail(&p[5..]) {
        return Err(unreadable());
    }
    if p[0].len() == 4 {
        // Year first: always year-month-day.
        let year: i32 = p[0].parse().map_err(|_| unreadable())?;
        let month = small(p[2]).ok_or_else(unreadable)?;
        let day = small(p[4]).ok_or_else(unreadable)?;
        return checked_day(year, month, day, raw).map(|d| Some(DateToken::Known(d)));
    }
    let a = small(p[0]).ok_or_else(unreadable)?;
    let b = small(p[2]).ok_or_else(unreadable)?;
    let year = full_year(p[4]).ok_or_else(unreadable)?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::OutOfRange(raw.to_string()));
    }
    if sep1 == "." {
        return checked_day(year, b, a, raw).map(|d| Some(DateToken::Known(d)));
    }
    let token = DateToken::Slashed { a, b, year };
    let fits_either = Day::from_ymd(year, a, b).is_some() || Day::from_ymd(year, b, a).is_some();
    if !fits_either {
        return Err(DateError::NotADay(raw.to_string()));
    }
    Ok(Some(token.known().map_or(token, DateToken::Known)))
}

/// English month names and their three-letter forms, January first.
const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_from_name(word: &str) -> Option<u8> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .position(|name| *name == w || (w.len() >= 3 && name.starts_with(w) && w.len() <= 4))
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// One cell of a monthly table's month column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MonthToken {
    /// A month whose reading does not depend on the day/month order.
    Known(YearMonth),
    /// A full `A/B/YYYY` date: its month depends on the order.
    Date(DateToken),
}

/// Reads one cell of a month column: `2024-11`, `2024/11`, `202411`,
/// `11/2024`, `Nov 2024`, `November 2024`, `Nov-24`, `2024 Nov`, or any date
/// [`parse_date`] reads (its month is used). `Ok(None)` when empty.
///
/// # Errors
/// [`DateError`] naming what is wrong.
pub(crate) fn parse_month(text: &str) -> Result<Option<MonthToken>, DateError> {
    let raw = text.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let out_of_range = || DateError::OutOfRange(raw.to_string());
    let unreadable = || DateError::Unreadable(raw.to_string());
    let known = |year: i32, month: u8| {
        if !(1..=12).contains(&month) {
            return Err(unreadable());
        }
        YearMonth::new(year, month)
            .map(|m| Some(MonthToken::Known(m)))
            .ok_or_else(out_of_range)
    };

    // Month names: "Nov 2024", "November-2024", "Nov-24", "2024 Nov".
    let words: Vec<&str> = raw
        .split([' ', '-', '/', ',', '\''])
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() == 2 {
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let (name, year) = if digits(words[1]) {
            (words[0], words[1])
        } else {
            (words[1], words[0])
        };
        if let Some(month) = month_from_name(name) {
            if !digits(year) {
                return Err(unreadable());
            }
            let year = full_year(year).ok_or_else(unreadable)?;
            return known(year, month);
        }
    }

    let p = pieces(raw);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match p.as_slice() {
        [ym] if ym.len() == 6 && digits(ym) => {
            let year = ym[0..4].parse().map_err(|_| unreadable())?;
            let month = ym[4..6].parse().map_err(|_| unreadable())?;
            known(year, month)
        }
        [y, sep, m] if digits(y) && digits(m) && matches!(*sep, "-" | "/" | ".") => {
            if y.len() == 4 && m.len() <= 2 {
                known(
                    y.parse().map_err(|_| unreadable())?,
                    m.parse().map_err(|_| unreadable())?,
                )
            } else if m.len() == 4 && y.len() <= 2 {
                known(
                    m.parse().map_err(|_| unreadable())?,
                    y.parse().map_err(|_| unreadable())?,
                )
            } else {
                Err(unreadable())
            }
        }
        _ => match parse_date(raw)? {
            None => Ok(None),
            Some(DateToken::Known(day)) => Ok(Some(MonthToken::Known(day.month()))),
            Some(token) => Ok(Some(MonthToken::Date(token))),
        },
    }
}

/// What the date cells of a file say about its [`DateOrder`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct DateEvidence {
    /// Values that only fit month first.
    pub month_first: u64,
    /// Values that only fit day first.
    pub day_first: u64,
    /// Values that fit both and differ between them.
    pub undecided: u64,
    /// Up to three undecided values, to show when asking.
    pub examples: Vec<String>,
}

impl DateEvidence {
    /// Records one cell.
    pub(crate) fn observe(&mut self, token: DateToken, raw: &str) {
        match token.proves() {
            Some(DateOrder::MonthFirst) => self.month_first += 1,
            Some(DateOrder::DayFirst) => self.day_first += 1,
            None if token.needs_order() => {
                self.undecided += 1;
                if self.examples.len() < 3 {
                    self.examples.push(raw.trim().to_string());
                }
            }
            None => {}
        }
    }

    /// The order the file settles, if it does: the only order any value
    /// proves, or the one most values prove when both appear (the others are
    /// then skipped as not fitting). `None` when no value settles it.
    pub(crate) fn settled(&self) -> Option<DateOrder> {
        match (self.month_first, self.day_first) {
            (0, 0) => None,
            (m, d) if m >= d => Some(DateOrder::MonthFirst),
            _ => Some(DateOrder::DayFirst),
        }
    }

    /// Whether any value depends on the order at all.
    pub(crate) fn matters(&self) -> bool {
        self.month_first + self.day_first + self.undecided > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        match parse_date(text) {
            Ok(Some(DateToken::Known(d))) => d,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn iso_dates_and_date_times_read_as_the_written_day() {
        assert_eq!(day("2024-03-05").iso(), "2024-03-05");
        assert_eq!(day("2024-03-05T23:59:59Z").iso(), "2024-03-05");
        assert_eq!(day("2024-03-05 10:00").iso(), "2024-03-05");
        assert_eq!(day("2024/3/5").iso(), "2024-03-05");
        assert_eq!(day("20240305").iso(), "2024-03-05");
    }

    #[test]
    fn unix_seconds_and_milliseconds_read_in_utc() {
        // 1700000000 is 2023-11-14T22:13:20Z.
        assert_eq!(day("1700000000").iso(), "2023-11-14");
        assert_eq!(day("1700000000000").iso(), "2023-11-14");
        assert_eq!(day("1700000000.5").iso(), "2023-11-14");
    }

    #[test]
    fn impossible_days_and_far_years_are_refused() {
        assert!(matches!(
            parse_date("2024-02-30"),
            Err(DateError::NotADay(_))
        ));
        assert!(matches!(
            parse_date("1969-12-31"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(parse_date("soon"), Err(DateError::Unreadable(_))));
        assert!(matches!(
            parse_date("2024-01-05x"),
            Err(DateError::Unreadable(_))
        ));
    }

    #[test]
    fn slashed_dates_wait_for_the_order_unless_one_reading_is_impossible() {
        let t = parse_date("03/04/2024").ok().flatten();
        assert_eq!(
            t,
            Some(DateToken::Slashed {
                a: 3,
                b: 4,
                year: 2024
            })
        );
        let t = parse_date("13/04/2024")
            .ok()
            .flatten()
            .map(DateToken::proves);
        assert_eq!(t, Some(Some(DateOrder::DayFirst)));
        assert_eq!(day("05/05/24").iso(), "2024-05-05");
        assert_eq!(day("13.04.2024").iso(), "2024-04-13");
    }

    #[test]
    fn months_read_in_the_usual_spreadsheet_forms() {
        let m = |t: &str| match parse_month(t) {
            Ok(Some(MonthToken::Known(m))) => m.to_string(),
            other => panic!("{t}: {other:?}"),
        };
        for text in [
            "2024-11",
            "2024/11",
            "202411",
            "11/2024",
            "Nov 2024",
            "November 2024",
            "Nov-24",
            "2024 Nov",
            "2024-11-01",
        ] {
            assert_eq!(m(text), "2024-11", "{text}");
        }
    }

    #[test]
    fn last_day_of_february_follows_leap_years() {
        assert_eq!(
            YearMonth::new(2024, 2).map(|m| m.last_day().iso()),
            Some("2024-02-29".into())
        );
        assert_eq!(
            YearMonth::new(2023, 2).map(|m| m.last_day().iso()),
            Some("2023-02-28".into())
        );
    }
}
