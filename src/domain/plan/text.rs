//! The free-text fields of playbook rules and the pilot: their length limit
//! and the checks that refuse a blank or over-long entry.

use thiserror::Error;

use crate::domain::input::FieldError;

/// Longest text allowed in a rule or pilot field, in characters.
pub const MAX_TEXT_CHARS: usize = 80;

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

/// Checks one text field of a stored rule or pilot and names it in the error.
pub(super) fn text_field(field: String, value: &str, required: bool) -> Result<(), FieldError> {
    let result = if required {
        check_text(value).map(|_| ())
    } else {
        check_optional_text(value).map(|_| ())
    };
    result.map_err(|e| FieldError::new(field, e.to_string()))
}
