//! Share links and participant codes, pure: the whole state, a set of answers
//! or one scenario carried in the URL fragment, never sent to a server.
//!
//! # Format (link version 1)
//! `gtm1.<kind>.<body>`: the link version, one letter for the kind and the
//! body in base64url without padding (`A–Z a–z 0–9 - _`). The UI places it
//! after `#share=` (or `#`); [`decode`] also accepts it pasted as a whole URL.
//! Every body ends with a CRC-16/CCITT-FALSE (big-endian) of the bytes before
//! it, so any one changed character is caught before anything is unpacked
//! (deflate alone ignores the padding bits of its last byte).
//!
//! - `s` — the whole state; `c` — one named scenario. Body: the zlib stream
//!   (deflate plus an Adler-32 checksum of the unpacked text) of a JSON document
//!   `{"version": N, "data": …}` of the stored format: for `s` exactly what
//!   [`schema::encode`] writes, for `c` `data` is `{"name", "inputs"}`.
//! - `a` — answers, also the participant code a person sends back, packed so
//!   it stays short (27 characters plus about 4 per 3 bytes of the name:
//!   42 for "Maria Lopez"):
//!   - 2 bytes: fingerprint of the question bank (CRC-16 of every question
//!     and option id in order), so a code made for another set of questions
//!     is refused instead of misread;
//!   - one 4-bit value per question in bank order, high half of the byte
//!     first, padded with 0: 0 unanswered, 1–14 the option's place in the
//!     question (1 = first), 15 "Not sure";
//!   - 1 byte: length of the name in UTF-8 bytes (0 = no name), then the name;
//!   - 2 bytes: the CRC.
//!
//! # Decoding, in order
//! 1. Size cap on the text before anything else: [`MAX_LINK_BYTES`].
//! 2. The code is taken out of a pasted URL ([`extract`]); whitespace dropped.
//! 3. Link version: older or unparsable → [`ShareError::UnknownVersion`],
//!    newer → [`ShareError::NewerVersion`] (the body is not read).
//! 4. Strict base64url (canonical trailing bits), then integrity: the CRC;
//!    for `s`/`c` also the zlib stream, inflated with a cap of
//!    [`MAX_IMPORT_BYTES`] so a zip bomb stops at 1 MiB, its Adler-32 checked
//!    and no byte allowed after it.
//! 5. Validation exactly like an import: `s` through [`schema::decode`]
//!    (versions, migrations, types, finite numbers, ranges); `c` the same
//!    version rules, then [`ScenarioInputs::validate`] and the name check;
//!    `a` every answer against the question bank via [`AssessState::validate`]
//!    and the name like a workshop participant's.

use std::collections::BTreeMap;

use miniz_oxide::deflate::compress_to_vec_zlib;
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::domain::assess::{AssessState, NOT_SURE, QUESTIONS};
use crate::domain::economics::check_name;
use crate::domain::input::FieldError;
use crate::domain::sim::ScenarioInputs;
use crate::domain::state::AppState;
use crate::domain::workshop::clean_name;
use crate::persist::schema::{self, DecodeError, CURRENT_VERSION, MAX_IMPORT_BYTES};

/// The link format this build writes (the `1` of `gtm1.`).
pub const LINK_VERSION: u64 = 1;

/// The longest text [`decode`] reads, in bytes (64 KiB; a link is ASCII, so
/// also characters). Checked before any decoding.
pub const MAX_LINK_BYTES: usize = 64 * 1024;

/// Every link and code starts with this, then the link version.
const PREFIX: &str = "gtm";

/// The 4-bit value of "Not sure" in a packed answer.
const NOT_SURE_NIBBLE: u8 = 15;

/// The most options a question can have and still be packed (1–14).
const MAX_PACKED_OPTIONS: usize = 14;

/// zlib level: the smallest output; the inputs are a few tens of KB at most.
const COMPRESSION_LEVEL: u8 = 9;

/// What a link carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareKind {
    /// The whole state (letter `s`).
    State,
    /// Answers, with an optional name (letter `a`); also a participant code.
    Answers,
    /// One named scenario (letter `c`).
    Scenario,
}

impl ShareKind {
    /// The letter after the version in the link.
    pub fn letter(self) -> char {
        match self {
            ShareKind::State => 's',
            ShareKind::Answers => 'a',
            ShareKind::Scenario => 'c',
        }
    }

    /// Parses [`ShareKind::letter`]; `None` for anything else.
    pub fn from_letter(letter: &str) -> Option<ShareKind> {
        match letter {
            "s" => Some(ShareKind::State),
            "a" => Some(ShareKind::Answers),
            "c" => Some(ShareKind::Scenario),
            _ => None,
        }
    }
}

/// The contents of a share link.
// One value per opened link: the size of the state variant costs nothing,
// and unboxed it matches the way the rest of the app holds `AppState`.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum SharePayload {
    /// Everything the user has entered.
    State(AppState),
    /// Assess answers (question id → option id or [`NOT_SURE`]), with the
    /// name of the person who gave them when it is a participant code.
    Answers {
        /// The participant's name (1–40 characters, trimmed), if any.
        name: Option<String>,
        /// Question id → option id, or [`NOT_SURE`].
        answers: BTreeMap<String, String>,
    },
    /// One scenario of the simulator.
    Scenario {
        /// Its name (1–60 characters).
        name: String,
        /// Its inputs.
        inputs: ScenarioInputs,
    },
}

impl SharePayload {
    /// The kind of link this payload makes.
    pub fn kind(&self) -> ShareKind {
        match self {
            SharePayload::State(_) => ShareKind::State,
            SharePayload::Answers { .. } => ShareKind::Answers,
            SharePayload::Scenario { .. } => ShareKind::Scenario,
        }
    }
}

/// Why a link could not be made or opened. The messages are for the user.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum ShareError {
    /// Nothing to read.
    #[error("Paste a link or a code first.")]
    Empty,
    /// Does not start with `gtm` and a version.
    #[error("This is not a GTM Workbench link or code.")]
    NotALink,
    /// The text is longer than [`MAX_LINK_BYTES`] (or the link made would be).
    #[error("This link is too large to open ({len} characters; the limit is {MAX_LINK_BYTES}).")]
    TooLong {
        /// Its length in bytes.
        len: usize,
    },
    /// The contents unpack to more than [`MAX_IMPORT_BYTES`] (zip bomb or not).
    #[error("This link is too large to open: its contents unpack to more than 1 MiB.")]
    TooLarge,
    /// Bad characters, a wrong checksum, cut off, or extra bytes: the link
    /// was changed or not copied whole.
    #[error(
        "This link is damaged or incomplete. Copy the whole link again, or ask for a new one."
    )]
    Damaged {
        /// Which check failed, for logs and tests; not shown to the user.
        detail: &'static str,
    },
    /// A link version or a document version above what this build reads.
    #[error("This link was made by a newer version of GTM Workbench. Reload the page to update the app, then open the link again.")]
    NewerVersion(u64),
    /// A version this app never wrote.
    #[error("This link is in a format this app does not know (version “{0}”).")]
    UnknownVersion(String),
    /// A participant code made for a different question bank.
    #[error("This code was made with a different set of questions, so its answers cannot be read here. Please answer again in this version of the app.")]
    OtherQuestions,
    /// Intact, but the contents fail the checks an import gets.
    #[error("This link holds data the app cannot accept: {0}.")]
    Rejected(DecodeError),
    /// [`encode`]: the value is out of range or not finite.
    #[error("This cannot be shared: {0}.")]
    CannotShare(String),
}

impl ShareError {
    /// Whether a newer build made the link (the UI suggests reloading).
    pub fn is_newer(&self) -> bool {
        matches!(self, ShareError::NewerVersion(_))
    }
}

fn damaged(detail: &'static str) -> ShareError {
    ShareError::Damaged { detail }
}

fn rejected(field: impl Into<String>, problem: impl Into<String>) -> ShareError {
    ShareError::Rejected(DecodeError::OutOfRange(FieldError::new(field, problem)))
}

/// Makes the fragment text for a payload, e.g. `gtm1.s.eN…`.
///
/// # Errors
/// [`ShareError::CannotShare`] when a value fails validation (nothing
/// invalid is ever written), [`ShareError::TooLong`] when the link would be
/// longer than [`decode`] accepts.
pub fn encode(payload: &SharePayload) -> Result<String, ShareError> {
    let text = match payload {
        SharePayload::State(state) => {
            let json = schema::encode(state).map_err(|e| ShareError::CannotShare(e.to_string()))?;
            seal_json(ShareKind::State, &json)
        }
        SharePayload::Answers { name, answers } => {
            seal_packed(&pack_answers(name.as_deref(), answers)?)
        }
        SharePayload::Scenario { name, inputs } => {
            check_scenario(name, inputs).map_err(|e| ShareError::CannotShare(e.to_string()))?;
            let doc = serde_json::json!({
                "version": CURRENT_VERSION,
                "data": ScenarioRef { name, inputs },
            });
            let json =
                serde_json::to_string(&doc).map_err(|e| ShareError::CannotShare(e.to_string()))?;
            seal_json(ShareKind::Scenario, &json)
        }
    };
    if text.len() > MAX_LINK_BYTES {
        return Err(ShareError::TooLong { len: text.len() });
    }
    Ok(text)
}

/// The short code a participant sends back to the facilitator: their name
/// and answers as an `a` link, e.g. `gtm1.a.gfMRERER…` (27 characters plus
/// about 4 per 3 bytes of the name). Same as [`encode`] of
/// [`SharePayload::Answers`] with the name, which is trimmed.
///
/// # Errors
/// [`ShareError::CannotShare`] when the name is blank, too long or has
/// control characters, or an answer is not in the question bank.
pub fn participant_code(
    name: &str,
    answers: &BTreeMap<String, String>,
) -> Result<String, ShareError> {
    Ok(seal_packed(&pack_answers(Some(name), answers)?))
}

/// Reads a link, a code, or a whole URL holding one, validated exactly like
/// an import (see the module docs for the order of the checks).
///
/// # Errors
/// A [`ShareError`] whose message can be shown as it is.
pub fn decode(text: &str) -> Result<SharePayload, ShareError> {
    if text.len() > MAX_LINK_BYTES {
        return Err(ShareError::TooLong { len: text.len() });
    }
    let code = extract(text);
    if code.is_empty() {
        return Err(ShareError::Empty);
    }
    let Some(rest) = code.strip_prefix(PREFIX) else {
        return Err(ShareError::NotALink);
    };
    let mut parts = rest.splitn(3, '.');
    let version = parts.next().unwrap_or_default();
    if version.is_empty() {
        return Err(damaged("cut off after the prefix"));
    }
    check_link_version(version)?;
    let (Some(kind), Some(body)) = (parts.next(), parts.next()) else {
        return Err(damaged("cut off before the body"));
    };
    let kind = ShareKind::from_letter(kind).ok_or(damaged("unknown kind"))?;
    let sealed = base64url_decode(body).ok_or(damaged("not base64url"))?;
    let bytes = unseal(&sealed)?;
    match kind {
        ShareKind::Answers => unpack_answers(bytes),
        ShareKind::State => {
            let json = unseal_json(bytes)?;
            schema::decode(&json)
                .map(SharePayload::State)
                .map_err(from_schema)
        }
        ShareKind::Scenario => decode_scenario(&unseal_json(bytes)?),
    }
}

/// The code inside pasted text: the part after `#` and after `share=` when
/// present (up to a following `&`), with all whitespace removed (mail
/// programs break long links across lines).
pub fn extract(text: &str) -> String {
    let mut s = text.trim();
    if let Some(i) = s.find('#') {
        s = s.get(i + 1..).unwrap_or_default();
    }
    const KEY: &str = "share=";
    if let Some(i) = s.find(KEY) {
        s = s.get(i + KEY.len()..).unwrap_or_default();
        if let Some(j) = s.find('&') {
            s = s.get(..j).unwrap_or_default();
        }
    }
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn check_link_version(version: &str) -> Result<(), ShareError> {
    if version.is_empty() || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::UnknownVersion(short(version)));
    }
    match version.parse::<u64>() {
        Ok(LINK_VERSION) => Ok(()),
        Ok(v) if v > LINK_VERSION => Err(ShareError::NewerVersion(v)),
        // All digits but beyond u64: from the future or nonsense, and a
        // "newer version" message at least tells the user what to try.
        Err(_) => Err(ShareError::NewerVersion(u64::MAX)),
        Ok(_) => Err(ShareError::UnknownVersion(short(version))),
    }
}

/// A piece of untrusted text cut to a length that fits in a message.
fn short(text: &str) -> String {
    match text.char_indices().nth(12) {
        Some((i, _)) => format!("{}…", text.get(..i).unwrap_or_default()),
        None => text.to_string(),
    }
}

fn from_schema(e: DecodeError) -> ShareError {
    match e {
        DecodeError::NewerVersion(v) => ShareError::NewerVersion(v),
        DecodeError::TooLarge(_) => ShareError::TooLarge,
        DecodeError::UnknownVersion(v) => ShareError::UnknownVersion(short(&v)),
        other => ShareError::Rejected(other),
    }
}

// ---------- JSON kinds (s, c) ----------

/// The container of the `s` and `c` kinds without any validation of the
/// JSON: zlib-compress, base64url, prefix. [`encode`] uses it after
/// validating; tests and tools use it to build links with chosen contents.
pub fn seal_json(kind: ShareKind, json: &str) -> String {
    seal(
        kind,
        &compress_to_vec_zlib(json.as_bytes(), COMPRESSION_LEVEL),
    )
}

/// `gtm1.<letter>.` and the base64url of the body followed by its CRC.
fn seal(kind: ShareKind, body: &[u8]) -> String {
    let mut bytes = Vec::with_capacity(body.len() + 2);
    bytes.extend_from_slice(body);
    bytes.extend_from_slice(&crc16(body).to_be_bytes());
    format!(
        "{PREFIX}{LINK_VERSION}.{}.{}",
        kind.letter(),
        base64url_encode(&bytes)
    )
}

/// The body without its CRC, once the CRC matches.
fn unseal(sealed: &[u8]) -> Result<&[u8], ShareError> {
    let Some((body, crc)) = sealed.split_at_checked(sealed.len().saturating_sub(2)) else {
        return Err(damaged("too short"));
    };
    if crc.len() != 2 || crc16(body).to_be_bytes().as_slice() != crc {
        return Err(damaged("checksum"));
    }
    Ok(body)
}

/// Inflates a zlib stream to UTF-8 text, refusing more than
/// [`MAX_IMPORT_BYTES`] of output as soon as it is reached.
fn unseal_json(body: &[u8]) -> Result<String, ShareError> {
    let bytes = inflate_limited(body, MAX_IMPORT_BYTES)?;
    String::from_utf8(bytes).map_err(|_| damaged("not UTF-8"))
}

fn inflate_limited(body: &[u8], limit: usize) -> Result<Vec<u8>, ShareError> {
    let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER
        | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let cap = limit.saturating_add(1); // one byte more tells "over the limit"
    let mut out = vec![0u8; body.len().saturating_mul(4).clamp(1024, cap)];
    // The decompressor holds its Huffman tables (~10 KB): keep it off the stack.
    let mut state = Box::<DecompressorOxide>::default();
    let mut input = body;
    let mut out_pos = 0;
    loop {
        let (status, consumed, written) = decompress(&mut state, input, &mut out, out_pos, flags);
        out_pos = out_pos.saturating_add(written);
        input = input.get(consumed..).unwrap_or_default();
        match status {
            TINFLStatus::Done => {
                if out_pos > limit {
                    return Err(ShareError::TooLarge);
                }
                if !input.is_empty() {
                    return Err(damaged("bytes after the end of the data"));
                }
                out.truncate(out_pos);
                return Ok(out);
            }
            TINFLStatus::HasMoreOutput => {
                if out.len() >= cap {
                    return Err(ShareError::TooLarge);
                }
                let grown = out.len().saturating_mul(2).min(cap);
                out.resize(grown, 0);
            }
            TINFLStatus::Adler32Mismatch => return Err(damaged("checksum")),
            _ => return Err(damaged("not a complete compressed stream")),
        }
    }
}

/// `data` of a `c` link, as written.
#[derive(Serialize)]
struct ScenarioRef<'a> {
    name: &'a str,
    inputs: &'a ScenarioInputs,
}

/// `data` of a `c` link, as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenarioDoc {
    name: String,
    inputs: ScenarioInputs,
}

/// A `c` link's `data` under the name `scenario`, for the messages.
#[derive(Deserialize)]
struct ScenarioDocIn {
    scenario: ScenarioDoc,
}

fn check_scenario(name: &str, inputs: &ScenarioInputs) -> Result<(), FieldError> {
    check_name("scenario.name", name)?;
    inputs
        .validate()
        .map_err(|e| FieldError::new(format!("scenario.inputs.{}", e.field), e.problem))
}

/// The version rules of [`schema::decode`] applied to a scenario document.
fn decode_scenario(json: &str) -> Result<SharePayload, ShareError> {
    let doc: Value =
        serde_json::from_str(json).map_err(|e| ShareError::Rejected(schema::not_json(&e, json)))?;
    let Value::Object(mut map) = doc else {
        return Err(ShareError::Rejected(DecodeError::WrongShape(
            "expected an object".into(),
        )));
    };
    let version = match map.get("version") {
        Some(Value::Number(n)) => n.as_u64(),
        Some(_) => None,
        None => {
            return Err(ShareError::Rejected(DecodeError::WrongShape(
                "no version".into(),
            )))
        }
    };
    match version {
        Some(v) if v > CURRENT_VERSION => return Err(ShareError::NewerVersion(v)),
        // A scenario document is the same in versions 1 to 3 (version 2
        // added the insight settings to the state, version 3 two settings
        // outside the scenario). A later format that changes it adds its
        // migration here, as schema::migrate does for the state.
        Some(1..=CURRENT_VERSION) => {}
        _ => {
            let shown = map.get("version").map(Value::to_string).unwrap_or_default();
            return Err(ShareError::UnknownVersion(short(&shown)));
        }
    }
    let data = map
        .remove("data")
        .ok_or_else(|| ShareError::Rejected(DecodeError::WrongShape("no data".into())))?;
    // Read inside `{"scenario": …}` so a message names `scenario.…` paths
    // as the shared scenario's entries.
    let wrapped = serde_json::json!({ "scenario": data });
    let doc = schema::typed::<ScenarioDocIn>(&wrapped)
        .map_err(ShareError::Rejected)?
        .scenario;
    check_scenario(&doc.name, &doc.inputs)
        .map_err(|e| ShareError::Rejected(DecodeError::OutOfRange(e)))?;
    Ok(SharePayload::Scenario {
        name: doc.name,
        inputs: doc.inputs,
    })
}

// ---------- answers (a) ----------

/// The packed answers of an `a` link with the CRC appended, prefixed, in
/// base64url. [`encode`] uses it; tests use it to build codes with chosen
/// bytes that pass the checksum.
pub fn seal_packed(packed: &[u8]) -> String {
    seal(ShareKind::Answers, packed)
}

/// CRC-16 of every question id and its option ids, in bank order.
pub fn bank_fingerprint() -> u16 {
    let mut text = Vec::new();
    for q in QUESTIONS {
        text.extend_from_slice(q.id.as_bytes());
        text.push(b':');
        for o in q.options {
            text.extend_from_slice(o.id.as_bytes());
            text.push(b',');
        }
        text.push(b';');
    }
    crc16(&text)
}

/// Packs answers and a name (without the CRC), after checking them.
fn pack_answers(
    name: Option<&str>,
    answers: &BTreeMap<String, String>,
) -> Result<Vec<u8>, ShareError> {
    let state = AssessState {
        answers: answers.clone(),
        ..AssessState::default()
    };
    state
        .validate()
        .map_err(|e| ShareError::CannotShare(e.to_string()))?;
    let name = match name {
        Some(n) => clean_name(n).map_err(|e| ShareError::CannotShare(e.to_string()))?,
        None => String::new(),
    };
    let name_len = u8::try_from(name.len())
        .map_err(|_| ShareError::CannotShare("the name is too long".into()))?;

    let mut out = bank_fingerprint().to_be_bytes().to_vec();
    let mut nibbles = Vec::with_capacity(QUESTIONS.len() + 1);
    for q in QUESTIONS {
        let value = match answers.get(q.id).map(String::as_str) {
            None => 0,
            Some(NOT_SURE) => NOT_SURE_NIBBLE,
            Some(oid) => {
                let place = q.options.iter().position(|o| o.id == oid).unwrap_or(0);
                if place >= MAX_PACKED_OPTIONS {
                    return Err(ShareError::CannotShare(format!(
                        "the question “{}” has more options than a code can hold",
                        q.id
                    )));
                }
                // position() found it (validate passed), so 1 ..= 14.
                u8::try_from(place + 1).unwrap_or(0)
            }
        };
        nibbles.push(value);
    }
    for pair in nibbles.chunks(2) {
        let hi = pair.first().copied().unwrap_or(0);
        let lo = pair.get(1).copied().unwrap_or(0);
        out.push(hi << 4 | lo);
    }
    out.push(name_len);
    out.extend_from_slice(name.as_bytes());
    Ok(out)
}

fn unpack_answers(bytes: &[u8]) -> Result<SharePayload, ShareError> {
    let packed_len = QUESTIONS.len().div_ceil(2);
    // fingerprint + answers + name length (the CRC is already checked and gone)
    if bytes.len() < 2 + packed_len + 1 {
        return Err(damaged("too short"));
    }
    let Some((fingerprint, rest)) = bytes.split_at_checked(2) else {
        return Err(damaged("too short"));
    };
    if bank_fingerprint().to_be_bytes().as_slice() != fingerprint {
        return Err(ShareError::OtherQuestions);
    }
    let Some((packed, rest)) = rest.split_at_checked(packed_len) else {
        return Err(damaged("too short"));
    };
    let mut answers = BTreeMap::new();
    for (i, q) in QUESTIONS.iter().enumerate() {
        let byte = packed.get(i / 2).copied().unwrap_or(0);
        let value = if i % 2 == 0 { byte >> 4 } else { byte & 0x0f };
        let option = match value {
            0 => continue,
            NOT_SURE_NIBBLE => NOT_SURE,
            n => match q.options.get(usize::from(n) - 1) {
                Some(o) => o.id,
                None => {
                    return Err(rejected(
                        format!("answers.{}", q.id),
                        format!("option number {n} does not exist"),
                    ))
                }
            },
        };
        answers.insert(q.id.to_string(), option.to_string());
    }
    if QUESTIONS.len() % 2 == 1 && packed.last().is_some_and(|b| b & 0x0f != 0) {
        return Err(damaged("padding"));
    }
    let Some((&name_len, name_bytes)) = rest.split_first() else {
        return Err(damaged("no name length"));
    };
    if name_bytes.len() != usize::from(name_len) {
        return Err(damaged("name length"));
    }
    let name = std::str::from_utf8(name_bytes).map_err(|_| damaged("name not UTF-8"))?;
    let name = if name.is_empty() {
        None
    } else {
        match clean_name(name) {
            Ok(clean) if clean == name => Some(clean),
            Ok(_) => return Err(rejected("name", "has spaces at the start or end")),
            Err(e) => return Err(rejected("name", e.to_string())),
        }
    };
    // The same check an imported assessment gets.
    let state = AssessState {
        answers,
        ..AssessState::default()
    };
    state
        .validate()
        .map_err(|e| ShareError::Rejected(DecodeError::OutOfRange(e)))?;
    Ok(SharePayload::Answers {
        name,
        answers: state.answers,
    })
}

/// CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF): catches every
/// error burst of up to 16 bits, so any one changed character of a link
/// (6 bits).
fn crc16(bytes: &[u8]) -> u16 {
    let mut crc: u16 = 0xffff;
    for &b in bytes {
        crc ^= u16::from(b) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

// ---------- base64url ----------

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url (RFC 4648 §5) without padding: 3 bytes → 4 characters.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b0 = chunk.first().copied().unwrap_or(0);
        let b1 = chunk.get(1).copied().unwrap_or(0);
        let b2 = chunk.get(2).copied().unwrap_or(0);
        let n = u32::from(b0) << 16 | u32::from(b1) << 8 | u32::from(b2);
        let chars = chunk.len() + 1; // 1 byte → 2 chars, 2 → 3, 3 → 4
        for k in 0..chars {
            let index = (n >> (18 - 6 * k)) & 63;
            out.push(char::from(ALPHABET[index as usize]));
        }
    }
    out
}

fn sextet(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes base64url without padding, strictly: `None` for any character
/// outside the alphabet (padding included), a length that cannot occur, or
/// unused trailing bits that are not zero (so each byte string has exactly
/// one text and a changed last character is never ignored).
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for chunk in bytes.chunks(4) {
        let mut n: u32 = 0;
        for (k, c) in chunk.iter().enumerate() {
            n |= sextet(*c)? << (18 - 6 * k);
        }
        let [_, b0, b1, b2] = n.to_be_bytes();
        match chunk.len() {
            4 => out.extend_from_slice(&[b0, b1, b2]),
            3 if b2 == 0 => out.extend_from_slice(&[b0, b1]),
            2 if b1 == 0 && b2 == 0 => out.push(b0),
            _ => return None,
        }
    }
    Some(out)
}
