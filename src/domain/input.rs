//! Parsing at the edge: a form field keeps its raw text and derives a
//! validated number from it, with a message that reads well beside the field.

use thiserror::Error;

/// Why a typed value was not accepted. The messages are shown beside the field.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum InputError {
    /// Nothing was typed.
    #[error("Enter a number.")]
    Empty,
    /// The text is not a number.
    #[error("“{0}” is not a number.")]
    NotANumber(String),
    /// The value is below the smallest allowed.
    #[error("Must be at least {min}.")]
    BelowMin {
        /// The smallest allowed value.
        min: f64,
    },
    /// The value is above the largest allowed.
    #[error("Must be at most {max}.")]
    AboveMax {
        /// The largest allowed value.
        max: f64,
    },
    /// A whole number was required.
    #[error("Must be a whole number.")]
    NotWhole,
}

/// The allowed range of a numeric field, inclusive at both ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// Whether only whole numbers are allowed.
    pub whole: bool,
}

impl Range {
    /// A range of real numbers.
    pub const fn new(min: f64, max: f64) -> Self {
        Range {
            min,
            max,
            whole: false,
        }
    }

    /// A range of whole numbers.
    pub const fn whole(min: f64, max: f64) -> Self {
        Range {
            min,
            max,
            whole: true,
        }
    }

    /// Whether `value` is finite and inside the range.
    pub fn contains(&self, value: f64) -> bool {
        value.is_finite()
            && value >= self.min
            && value <= self.max
            && (!self.whole || value.fract() == 0.0)
    }

    /// Parses typed text into a number inside the range. Accepts surrounding
    /// spaces, thousands separators (`1,200`), a leading `$` and a trailing `%`.
    ///
    /// # Errors
    /// [`InputError`] naming what is wrong; never a silent zero.
    pub fn parse(&self, raw: &str) -> Result<f64, InputError> {
        let cleaned: String = raw
            .trim()
            .trim_start_matches('$')
            .trim_end_matches('%')
            .chars()
            .filter(|c| *c != ',' && *c != '_' && !c.is_whitespace())
            .collect();
        if cleaned.is_empty() {
            return Err(InputError::Empty);
        }
        let value: f64 = cleaned
            .parse()
            .map_err(|_| InputError::NotANumber(raw.trim().to_string()))?;
        if !value.is_finite() {
            return Err(InputError::NotANumber(raw.trim().to_string()));
        }
        if value < self.min {
            return Err(InputError::BelowMin { min: self.min });
        }
        if value > self.max {
            return Err(InputError::AboveMax { max: self.max });
        }
        if self.whole && value.fract() != 0.0 {
            return Err(InputError::NotWhole);
        }
        Ok(value)
    }
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
    if !range.contains(value) {
        return Err(FieldError::new(
            field,
            format!("{value} is outside {}–{}", range.min, range.max),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_money_and_percent_forms() {
        let r = Range::new(0.0, 1e9);
        assert_eq!(r.parse(" $1,200 "), Ok(1200.0));
        assert_eq!(r.parse("3.5%"), Ok(3.5));
    }

    #[test]
    fn parse_rejects_text_instead_of_returning_zero() {
        let r = Range::new(0.0, 100.0);
        assert_eq!(r.parse("abc"), Err(InputError::NotANumber("abc".into())));
        assert_eq!(r.parse(""), Err(InputError::Empty));
        assert_eq!(r.parse("NaN"), Err(InputError::NotANumber("NaN".into())));
        assert_eq!(r.parse("inf"), Err(InputError::NotANumber("inf".into())));
        assert_eq!(r.parse("101"), Err(InputError::AboveMax { max: 100.0 }));
        assert_eq!(r.parse("-1"), Err(InputError::BelowMin { min: 0.0 }));
        assert_eq!(
            Range::whole(1.0, 60.0).parse("2.5"),
            Err(InputError::NotWhole)
        );
    }
}
