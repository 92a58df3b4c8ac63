//! Parsing at the edge: a form field keeps its raw text and derives a
//! validated number from it, with a message that reads well beside the field.

use thiserror::Error;

use crate::domain::format;
pub use crate::domain::unit::Unit;

/// Why a typed value was not accepted. The messages are shown beside the
/// field; limits are written in the field's unit ("at most $10 billion").
#[derive(Clone, Debug, PartialEq, Error)]
pub enum InputError {
    /// Nothing was typed.
    #[error("Enter a number.")]
    Empty,
    /// The text is not a number (quoted, cut short when long).
    #[error("“{0}” is not a number.")]
    NotANumber(String),
    /// The separators allow more than one reading, e.g. "1,2,3", "1.2.3",
    /// "1,234,5".
    #[error("“{0}” can be read more than one way; write it like 1234.5 or 1,234.5.")]
    Ambiguous(String),
    /// A `$` or `%` that does not fit the field, e.g. "50%" in a dollar field.
    #[error("This field {}; leave out the {symbol}.", unit.field_phrase())]
    WrongSymbol {
        /// The symbol typed: `$` or `%`.
        symbol: char,
        /// The field's unit.
        unit: Unit,
    },
    /// A "k" or "M" suffix where it does not fit (anything but money and
    /// counts).
    #[error("This field {}; write the number in full, without “{suffix}”.", unit.field_phrase())]
    WrongSuffix {
        /// The suffix typed: `k`, `K`, `m` or `M`.
        suffix: char,
        /// The field's unit.
        unit: Unit,
    },
    /// The value is below the smallest allowed.
    #[error("Must be at least {}.", format::limit(*min, *unit))]
    BelowMin {
        /// The smallest allowed value.
        min: f64,
        /// The field's unit.
        unit: Unit,
    },
    /// The value is above the largest allowed.
    #[error("Must be at most {}.", format::limit(*max, *unit))]
    AboveMax {
        /// The largest allowed value.
        max: f64,
        /// The field's unit.
        unit: Unit,
    },
    /// Above the largest allowed because a comma was read as a thousands
    /// separator ("1,500" in a percent field), where reading it as a decimal
    /// comma would have fitted: says so and how to type the decimal.
    #[error(
        "Must be at most {}. The comma in “{typed}” separates thousands; for a decimal, type {decimal}.",
        format::limit(*max, *unit)
    )]
    CommaReadAsThousands {
        /// The largest allowed value.
        max: f64,
        /// The field's unit.
        unit: Unit,
        /// What was typed (trimmed).
        typed: String,
        /// The decimal reading, written with a point, e.g. `1.5`.
        decimal: String,
    },
    /// A whole number was required.
    #[error("Must be a whole number.")]
    NotWhole,
}

/// The allowed range of a numeric field, inclusive at both ends, and the
/// field's unit, which decides how typed text is read and how the limits
/// are written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// Whether only whole numbers are allowed.
    pub whole: bool,
    /// What the value measures.
    pub unit: Unit,
}

/// A typed number as a field read it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// The value, inside the field's range.
    pub value: f64,
    /// "read as 1.5%" when the text was not already written the way the
    /// field shows this value ([`format::input_text`]); `None` when it was.
    pub read_as: Option<String>,
}

impl Range {
    /// A range of real numbers with no unit ([`Unit::Number`]); give it one
    /// with [`Range::in_unit`].
    pub const fn new(min: f64, max: f64) -> Self {
        Range {
            min,
            max,
            whole: false,
            unit: Unit::Number,
        }
    }

    /// A range of whole numbers with no unit ([`Unit::Number`]).
    pub const fn whole(min: f64, max: f64) -> Self {
        Range {
            min,
            max,
            whole: true,
            unit: Unit::Number,
        }
    }

    /// The same range in `unit`.
    pub const fn in_unit(self, unit: Unit) -> Self {
        Range { unit, ..self }
    }

    /// Whether `value` is finite and inside the range.
    pub fn contains(&self, value: f64) -> bool {
        value.is_finite()
            && value >= self.min
            && value <= self.max
            && (!self.whole || value.fract() == 0.0)
    }

    /// Checks a number that did not come from typed text (a slider, a
    /// generated input) with the same messages as [`Range::read`].
    ///
    /// # Errors
    /// [`InputError`] when the value is not finite, outside the range, or
    /// not whole where a whole number is required.
    pub fn check(&self, value: f64) -> Result<f64, InputError> {
        if !value.is_finite() {
            return Err(InputError::NotANumber(value.to_string()));
        }
        if value < self.min {
            return Err(self.below_min());
        }
        if value > self.max {
            return Err(self.above_max());
        }
        if self.whole && value.fract() != 0.0 {
            return Err(InputError::NotWhole);
        }
        Ok(value)
    }

    fn above_max(&self) -> InputError {
        InputError::AboveMax {
            max: self.max,
            unit: self.unit,
        }
    }

    fn below_min(&self) -> InputError {
        InputError::BelowMin {
            min: self.min,
            unit: self.unit,
        }
    }

    /// Reads typed text the way people type numbers (see [`read_number`]),
    /// in the field's unit, and checks it against the range: the one road
    /// every typed number of the app takes.
    ///
    /// # Errors
    /// [`InputError`] naming what is wrong; never a silent zero.
    pub fn read(&self, raw: &str) -> Result<Reading, InputError> {
        let typed = read_number(raw, self.unit)?;
        // More digits than an f64 holds read as ±∞: beyond either limit.
        let checked = if typed.value == f64::INFINITY {
            Err(self.above_max())
        } else if typed.value == f64::NEG_INFINITY {
            Err(self.below_min())
        } else {
            self.check(typed.value)
        };
        let value = match checked {
            Ok(v) => v,
            Err(InputError::AboveMax { .. }) => {
                return Err(match typed.as_decimal_comma {
                    Some(alt) if self.contains(alt) => InputError::CommaReadAsThousands {
                        max: self.max,
                        unit: self.unit,
                        typed: quote(raw),
                        decimal: format::input_text(alt),
                    },
                    _ => self.above_max(),
                });
            }
            Err(e) => return Err(e),
        };
        let read_as = (raw.trim() != format::input_text(value))
            .then(|| format!("read as {}", format::exact(value, self.unit)));
        Ok(Reading { value, read_as })
    }

    /// [`Range::read`] without the note: just the value.
    ///
    /// # Errors
    /// As [`Range::read`].
    pub fn parse(&self, raw: &str) -> Result<f64, InputError> {
        self.read(raw).map(|r| r.value)
    }
}

/// A number read from text, before the range check.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Typed {
    /// The value.
    pub value: f64,
    /// When a lone comma was read as a thousands separator ("1,500"), the
    /// value it would have had as a decimal comma (1.5).
    pub as_decimal_comma: Option<f64>,
}

/// At most this many characters of a typed text (or of a file) are quoted
/// in a message, so a long paste does not fill the page.
pub const QUOTE_CHARS: usize = 24;

/// The typed text for a message: trimmed, cut to [`QUOTE_CHARS`] with "…",
/// control characters as spaces.
pub fn quote(raw: &str) -> String {
    let trimmed = raw.trim();
    let mut out: String = trimmed
        .chars()
        .take(QUOTE_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if trimmed.chars().count() > QUOTE_CHARS {
        out.push('…');
    }
    out
}

/// A separator between digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sep {
    Dot,
    Comma,
    /// A space of any kind (also no-break and narrow no-break) or `_`:
    /// only ever a group separator.
    Space,
}

/// Reads a number the way people type it (PRODUCT.md, "Numbers are read the
/// way people type them"):
///
/// - a comma followed by exactly three digits and nothing more, after one to
///   three digits that do not start with 0 and no other separator, separates
///   thousands: "1,500" = 1500; several commas separate thousands when every
///   group after the first has three digits: "12,345,678";
/// - any other lone comma is a decimal comma: "1,5" = 1.5, "0,75" = 0.75,
///   "0,500" = 0.5, "1 234,5" = 1234.5;
/// - with both "." and ",", the last one is the decimal separator and the
///   other separates thousands: "1.234,5" = 1234.5, "1,234.5" = 1234.5;
///   a lone "." is a decimal point ("1.500" = 1.5), several dots separate
///   thousands ("1.234.567");
/// - spaces (also no-break and narrow no-break spaces) and "_" between
///   digits separate thousands: "1 500", "1_000_000";
/// - a leading minus (− or -) or plus; a "$" at the start, also after the
///   sign, only in a money field; a trailing "%" only in a percent field;
/// - in money and count fields, a trailing "k"/"K" means thousand and
///   "m"/"M" million ("$2.5M", "10k"): "m" is read as million because
///   finance writes "$5m" that way and no field of those units takes
///   minutes or metres; fields of months read no suffix, where "12m" could
///   mean twelve months;
/// - fields of months and weeks read the unit's word after the number, as
///   the app writes it ("12 months", "1 week");
/// - grouping that fits no single reading ("1,2,3", "1.2.3", "1,234,5")
///   is refused, as are letters, exponents, "NaN" and "inf".
///
/// The suffix shifts the decimal point in the digits, so "0.1k" is exactly
/// 100.
///
/// # Errors
/// [`InputError::Empty`], [`InputError::NotANumber`],
/// [`InputError::Ambiguous`], [`InputError::WrongSymbol`],
/// [`InputError::WrongSuffix`]. The value is never NaN; more digits than
/// an f64 holds give ±∞, which [`Range::read`] refuses as beyond a limit.
pub fn read_number(raw: &str, unit: Unit) -> Result<Typed, InputError> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    let not_a_number = || InputError::NotANumber(quote(raw));

    // Leading sign and dollar sign, in either order: "-$5", "$-5", "- $ 5".
    let mut rest = text;
    let mut negative = false;
    let mut signed = false;
    let mut dollar = false;
    loop {
        rest = rest.trim_start();
        let mut chars = rest.chars();
        match chars.next() {
            Some(c @ ('-' | '−' | '+')) if !signed => {
                signed = true;
                negative = c != '+';
                rest = chars.as_str();
            }
            Some('$') if !dollar => {
                dollar = true;
                rest = chars.as_str();
            }
            _ => break,
        }
    }

    // Trailing percent sign and suffix: "5 %", "2.5M", "10 k".
    rest = rest.trim_end();
    let percent = match rest.strip_suffix('%') {
        Some(r) => {
            rest = r.trim_end();
            true
        }
        None => false,
    };
    // The unit's own word, as the app writes it: "12 months", "1 week".
    for word in unit_words(unit) {
        let tail = rest.len().saturating_sub(word.len());
        if rest.is_char_boundary(tail) && rest[tail..].eq_ignore_ascii_case(word) {
            rest = rest[..tail].trim_end();
            break;
        }
    }
    let mut suffix = None;
    if let Some(c) = rest.chars().last() {
        let shift = match c {
            'k' | 'K' => Some(3),
            'm' | 'M' => Some(6),
            _ => None,
        };
        if let Some(shift) = shift {
            suffix = Some((c, shift));
            rest = rest[..rest.len() - c.len_utf8()].trim_end();
        }
    }

    // Digit runs and the separators between them.
    let mut parts: Vec<String> = vec![String::new()];
    let mut seps: Vec<Sep> = Vec::new();
    for c in rest.chars() {
        let sep = match c {
            '0'..='9' => {
                if let Some(last) = parts.last_mut() {
                    last.push(c);
                }
                continue;
            }
            '.' => Sep::Dot,
            ',' => Sep::Comma,
            '_' => Sep::Space,
            c if c.is_whitespace() => Sep::Space,
            _ => return Err(not_a_number()),
        };
        seps.push(sep);
        parts.push(String::new());
    }
    if parts.iter().all(String::is_empty) {
        return Err(not_a_number());
    }

    let ambiguous = || InputError::Ambiguous(quote(raw));
    let count = |kind: Sep| seps.iter().filter(|s| **s == kind).count();
    let (dots, commas) = (count(Sep::Dot), count(Sep::Comma));
    let last_mark = seps.iter().rposition(|s| *s != Sep::Space);
    let first_part = parts.first().map_or("", String::as_str);
    let lone_comma_is_thousands = commas == 1
        && dots == 0
        && seps.len() == 1
        && (1..=3).contains(&first_part.len())
        && !first_part.starts_with('0')
        && parts.get(1).is_some_and(|p| p.len() == 3);
    let decimal_at = match last_mark {
        Some(i) if dots > 0 && commas > 0 => {
            let kind = seps[i];
            if count(kind) != 1 {
                return Err(ambiguous());
            }
            Some(i)
        }
        Some(i) if commas == 1 && !lone_comma_is_thousands => Some(i),
        Some(i) if dots == 1 && commas == 0 => Some(i),
        _ => None,
    };

    // Two separators in a row, or one at an end that is not the decimal
    // separator (".5" and "5." are fine, "1..5" and "5 " are not).
    let last = parts.len() - 1;
    let may_be_empty = |i: usize| {
        (i == 0 && decimal_at == Some(0))
            || (i == last && decimal_at.is_some() && decimal_at == last.checked_sub(1))
    };
    if parts
        .iter()
        .enumerate()
        .any(|(i, p)| p.is_empty() && !may_be_empty(i))
    {
        return Err(not_a_number());
    }

    // Split into the integer part (with its group separators) and the
    // fraction; nothing may follow the fraction.
    let (int_parts, int_seps, fraction) = match decimal_at {
        Some(i) => {
            if seps.len() > i + 1 {
                return Err(ambiguous());
            }
            (&parts[..=i], &seps[..i], parts[i + 1].as_str())
        }
        None => (&parts[..], &seps[..], ""),
    };
    // Every separator left in the integer part groups thousands: one kind
    // only, one to three digits first (not starting with 0), then threes.
    if let Some(kind) = int_seps.first() {
        let first = int_parts.first().map_or("", String::as_str);
        let grouped = int_seps.iter().all(|s| s == kind)
            && (1..=3).contains(&first.len())
            && !first.starts_with('0')
            && int_parts.iter().skip(1).all(|p| p.len() == 3);
        if !grouped {
            return Err(ambiguous());
        }
    }
    let integer: String = int_parts.concat();
    if integer.is_empty() && fraction.is_empty() {
        return Err(not_a_number());
    }

    if dollar && !unit.is_money() {
        return Err(InputError::WrongSymbol { symbol: '$', unit });
    }
    if percent && !unit.is_percent() {
        return Err(InputError::WrongSymbol { symbol: '%', unit });
    }
    let shift = match suffix {
        Some((c, _)) if !unit.takes_suffixes() => {
            return Err(InputError::WrongSuffix { suffix: c, unit })
        }
        Some((_, shift)) => shift,
        None => 0,
    };

    let value = decimal_value(&integer, fraction, shift, negative).ok_or_else(not_a_number)?;
    let as_decimal_comma = if lone_comma_is_thousands {
        let fraction = parts.get(1).map_or("", String::as_str);
        decimal_value(first_part, fraction, shift, negative)
    } else {
        None
    };
    Ok(Typed {
        value,
        as_decimal_comma,
    })
}

/// The words a field of `unit` may have after the number, longest first.
fn unit_words(unit: Unit) -> &'static [&'static str] {
    match unit {
        Unit::Months => &["months", "month"],
        Unit::Weeks => &["weeks", "week"],
        _ => &[],
    }
}

/// The value of `integer.fraction × 10^shift`, the shift done on the digits
/// so no rounding creeps in ("0.1" with shift 3 is exactly 100).
fn decimal_value(integer: &str, fraction: &str, shift: usize, negative: bool) -> Option<f64> {
    let mut digits = format!("{integer}{fraction}");
    let point = integer.len() + shift;
    while digits.len() < point {
        digits.push('0');
    }
    if digits.is_empty() {
        return None;
    }
    digits.insert(point, '.');
    // Only ASCII digits and one point: this parse cannot fail, but an error
    // would still come back as `None`, never a panic.
    let magnitude: f64 = digits.parse().ok()?;
    Some(if negative && magnitude != 0.0 {
        -magnitude
    } else {
        magnitude
    })
}

/// A stored value that failed validation, naming where it is and what is wrong.
/// Used when loading saved state and importing files.
#[derive(Clone, Debug, PartialEq, Error)]
#[error("{field}: {problem}")]
pub struct FieldError {
    /// Where the value sits, e.g. `simulate.inputs.churn_pct`.
    pub field: String,
    /// What is wrong with it, in words a user can act on.
    pub problem: String,
}

impl FieldError {
    /// Builds a [`FieldError`].
    pub fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        FieldError {
            field: field.into(),
            problem: problem.into(),
        }
    }
}

/// Checks a stored number against a range.
///
/// # Errors
/// [`FieldError`] when the value is not finite or outside the range.
pub fn check(field: &str, value: f64, range: Range) -> Result<(), FieldError> {
    if !value.is_finite() {
        return Err(FieldError::new(field, "is not a finite number"));
    }
    if range.whole && value.fract() != 0.0 {
        return Err(FieldError::new(
            field,
            format!("{} is not a whole number", format::input_text(value)),
        ));
    }
    if !range.contains(value) {
        return Err(FieldError::new(
            field,
            format!(
                "{} is outside {} to {}",
                format::exact(value, range.unit),
                format::limit(range.min, range.unit),
                format::limit(range.max, range.unit)
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_money_and_percent_forms_in_their_fields() {
        let money = Range::new(0.0, 1e9).in_unit(Unit::Dollars);
        assert_eq!(money.parse(" $1,200 "), Ok(1200.0));
        let share = Range::new(0.0, 100.0).in_unit(Unit::Percent);
        assert_eq!(share.parse("3.5%"), Ok(3.5));
    }

    #[test]
    fn parse_rejects_text_instead_of_returning_zero() {
        let r = Range::new(0.0, 100.0);
        assert_eq!(r.parse("abc"), Err(InputError::NotANumber("abc".into())));
        assert_eq!(r.parse(""), Err(InputError::Empty));
        assert_eq!(r.parse("NaN"), Err(InputError::NotANumber("NaN".into())));
        assert_eq!(r.parse("inf"), Err(InputError::NotANumber("inf".into())));
        assert_eq!(
            r.parse("101"),
            Err(InputError::AboveMax {
                max: 100.0,
                unit: Unit::Number
            })
        );
        assert_eq!(
            r.parse("-1"),
            Err(InputError::BelowMin {
                min: 0.0,
                unit: Unit::Number
            })
        );
        assert_eq!(
            Range::whole(1.0, 60.0).parse("2.5"),
            Err(InputError::NotWhole)
        );
    }

    #[test]
    fn a_long_paste_is_quoted_short() {
        let long = "x".repeat(500);
        let message = Range::new(0.0, 1.0)
            .parse(&long)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.chars().count() < 60, "{message}");
        assert!(message.contains('…'));
    }

    #[test]
    fn a_suffix_shifts_the_digits_without_rounding() {
        assert_eq!(decimal_value("0", "1", 3, false), Some(100.0));
        assert_eq!(decimal_value("", "5", 0, false), Some(0.5));
        assert_eq!(decimal_value("2", "", 6, true), Some(-2_000_000.0));
        assert_eq!(decimal_value("0", "", 0, true), Some(0.0));
        assert_eq!(decimal_value("", "", 0, false), None);
    }
}
