//! The stored format, pure: `{ "version": N, "data": … }`.
//!
//! A shipped version is never edited. A new version gets a number, a pure
//! migration from the one before, and a fixture file in `tests/fixtures/`
//! that a test decodes forever.

use serde_json::Value;
use thiserror::Error;

use super::explain;
use crate::domain::input::FieldError;
use crate::domain::state::AppState;

/// The version this build writes.
pub const CURRENT_VERSION: u64 = 3;

/// The largest file or link the app will read, in bytes (1 MiB).
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;

/// Why a stored or imported document could not be used.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum DecodeError {
    /// Nothing but whitespace.
    #[error("the data is empty")]
    Empty,
    /// Larger than [`MAX_IMPORT_BYTES`].
    #[error("the data is {0} bytes, more than the 1 MiB limit")]
    TooLarge(usize),
    /// Not JSON at all, or cut off; the text says where, in words
    /// ([`explain::not_json`]).
    #[error("{0}")]
    NotJson(String),
    /// JSON, but not an object with `version` and `data`.
    #[error("the data is not a GTM Workbench document ({0})")]
    WrongShape(String),
    /// A version number this build never wrote, and not a newer one.
    #[error("the version {0} is not one this app has ever written")]
    UnknownVersion(String),
    /// Written by a newer build of the app.
    #[error("the data was saved by a newer version of the app (format {0}; this one reads up to {CURRENT_VERSION})")]
    NewerVersion(u64),
    /// A field holds the wrong type or an id this build does not know (e.g.
    /// a simulator input's slug), or a number is missing (`null`); the text
    /// names the entry by its label and says what is wrong
    /// ([`explain::bad_field`]).
    #[error("{0}")]
    BadField(String),
    /// A value is outside what the app accepts (the message names the
    /// entry by its label: [`explain::out_of_range`]).
    #[error("{}", explain::out_of_range(.0))]
    OutOfRange(FieldError),
}

impl DecodeError {
    /// Whether the document came from a newer build, which must not be overwritten.
    pub fn is_newer(&self) -> bool {
        matches!(self, DecodeError::NewerVersion(_))
    }
}

/// Why the state could not be written.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum EncodeError {
    /// A number is not finite or out of range; saving it would corrupt the store.
    #[error("a value cannot be saved: {0}")]
    Invalid(FieldError),
    /// Serialisation failed (does not happen for well-formed state).
    #[error("the state could not be written ({0})")]
    Serde(String),
}

/// Serialises the state as the current version.
///
/// # Errors
/// [`EncodeError::Invalid`] when a value is out of range or not finite: it is
/// checked before writing because serde_json writes NaN as `null`, which
/// would make the saved document unreadable.
pub fn encode(state: &AppState) -> Result<String, EncodeError> {
    state.validate().map_err(EncodeError::Invalid)?;
    let data = serde_json::to_value(state).map_err(|e| EncodeError::Serde(e.to_string()))?;
    let doc = serde_json::json!({ "version": CURRENT_VERSION, "data": data });
    serde_json::to_string(&doc).map_err(|e| EncodeError::Serde(e.to_string()))
}

/// The signature of [`decode`], for code that is handed the reader rather
/// than calling it (the app loads it on demand: src/app/reader.rs).
pub type Decode = fn(&str) -> Result<AppState, DecodeError>;

/// Reads a stored or imported document, migrating older versions.
///
/// # Errors
/// A [`DecodeError`] naming the problem; the caller keeps the raw text.
pub fn decode(raw: &str) -> Result<AppState, DecodeError> {
    if raw.len() > MAX_IMPORT_BYTES {
        return Err(DecodeError::TooLarge(raw.len()));
    }
    if raw.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let doc: Value = serde_json::from_str(raw).map_err(|e| not_json(&e, raw))?;
    let Value::Object(mut map) = doc else {
        return Err(DecodeError::WrongShape("expected an object".into()));
    };
    let version = match map.get("version") {
        None => return Err(DecodeError::WrongShape("no version".into())),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) => v,
            None => return Err(DecodeError::UnknownVersion(n.to_string())),
        },
        Some(other) => return Err(DecodeError::UnknownVersion(short(other))),
    };
    let data = map
        .remove("data")
        .ok_or_else(|| DecodeError::WrongShape("no data".into()))?;
    if version > CURRENT_VERSION {
        return Err(DecodeError::NewerVersion(version));
    }
    let data = migrate(version, data)?;
    let state: AppState = typed(&data)?;
    state.validate().map_err(DecodeError::OutOfRange)?;
    Ok(state)
}

/// A JSON syntax error of `raw`, in words ([`explain::not_json`]).
pub fn not_json(error: &serde_json::Error, raw: &str) -> DecodeError {
    DecodeError::NotJson(explain::not_json(
        &error.to_string(),
        error.line(),
        error.column(),
        error.classify() == serde_json::error::Category::Eof,
        raw,
    ))
}

/// Reads `data` as a `T`, naming the entry that does not fit by its label
/// ([`explain::bad_field`]) rather than by serde's message alone.
///
/// The value is written out as compact JSON and read from that text, so
/// serde's error carries a position, which [`explain::path_at`] turns into
/// the path of the entry: a reader of the whole document is compiled once
/// (reading from a `Value` would not say where, and tracking the path
/// during the read would compile the reader a second time).
///
/// # Errors
/// [`DecodeError::BadField`].
pub fn typed<T: serde::de::DeserializeOwned>(data: &Value) -> Result<T, DecodeError> {
    let text = data.to_string();
    serde_json::from_str(&text).map_err(|e| {
        let message = e.to_string();
        // serde_json adds " at line L column C"; the position is read apart.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m);
        let at = explain::path_at(&text, e.column());
        DecodeError::BadField(explain::bad_field(data, &at, message))
    })
}

/// Brings `data` of `version` up to [`CURRENT_VERSION`], one step at a time.
fn migrate(version: u64, data: Value) -> Result<Value, DecodeError> {
    match version {
        // Version 2 added `insight`, which reads as its default when absent:
        // the data itself needs no change.
        1 => migrate(2, data),
        2 => migrate(3, to_v3(data)),
        3 => Ok(data),
        other => Err(DecodeError::UnknownVersion(other.to_string())),
    }
}

/// Version 3: the quick calculator's expansion accepts at most 20 % a
/// month, like every simulator channel (version 2 allowed 100 %); a larger
/// stored value is brought down to 20 %. `simulate.ltv_discount_rate_pct`
/// is new and reads as "none" when absent.
fn to_v3(mut data: Value) -> Value {
    let max = crate::domain::economics::EXPANSION_RANGE.max;
    if let Some(expansion) = data
        .pointer_mut("/simulate/unit/expansion_pct")
        .filter(|v| v.as_f64().is_some_and(|x| x > max))
    {
        *expansion = Value::from(max);
    }
    data
}

/// A JSON value cut to a length that fits in a message.
fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(24) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_default_state_decodes_to_itself() {
        let state = AppState::default();
        let raw = encode(&state).expect("default state encodes");
        assert_eq!(decode(&raw), Ok(state));
    }

    #[test]
    fn a_string_version_is_unknown_not_newer() {
        let err = decode(r#"{"version":"1","data":{}}"#).unwrap_err();
        assert!(matches!(err, DecodeError::UnknownVersion(_)));
    }
}
