//! Why a document could not be read, in the reader's terms: which entry of
//! the workbench is wrong (its label, not its JSON path) and what is wrong
//! with it, quoting at most a few characters of what the file holds.
//!
//! Pure: the stored format's decoder ([`super::schema::decode`]) calls it
//! with the parser's error and the document; nothing here touches storage.
//!
//! - [`not_json`]: a syntax error, by line and character, in words
//!   ("line 1, character 14 has a tab or line break inside quoted text").
//! - [`bad_field`]: a value of the wrong type, an unknown name, a missing
//!   entry ("the value for Self-serve ARPA ($/month) in the current
//!   scenario (Simulate) is text (“lots”); it must be a number").
//! - [`place`]: a path such as `simulate.scenarios[1].inputs.sales_led.win_pct`
//!   as the person knows the entry ("Sales-led: Win rate (%) in saved
//!   scenario 2 (Simulate)"); also used for values out of range.

use serde_json::Value;

use crate::domain::assess::{Factor, QUESTIONS};
use crate::domain::economics::{ChurnBasis, UnitField};
use crate::domain::input::FieldError;
use crate::domain::sim::FieldId;

/// At most this many characters of the file are quoted in a message.
pub use crate::domain::input::QUOTE_CHARS;

/// One step of a path into the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A named entry of an object.
    Key(String),
    /// A position in a list, from 0.
    Index(usize),
}

/// `text` for a message: control characters as spaces, cut to
/// [`QUOTE_CHARS`] characters with "…", in curly quotes.
pub fn quote(text: &str) -> String {
    format!("“{}”", crate::domain::input::quote(text))
}

/// Splits a dotted path with list positions (`plan.rules[2].share_pct`)
/// into steps.
pub fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut rest = part;
        if let Some(open) = rest.find('[') {
            let (key, tail) = rest.split_at(open);
            if !key.is_empty() {
                out.push(Step::Key(key.to_string()));
            }
            rest = tail;
            while let Some(tail) = rest.strip_prefix('[') {
                let Some(close) = tail.find(']') else {
                    out.push(Step::Key(rest.to_string()));
                    rest = "";
                    break;
                };
                match tail[..close].parse::<usize>() {
                    Ok(i) => out.push(Step::Index(i)),
                    Err(_) => out.push(Step::Key(tail[..close].to_string())),
                }
                rest = &tail[close + 1..];
            }
            if !rest.is_empty() {
                out.push(Step::Key(rest.to_string()));
            }
        } else {
            out.push(Step::Key(rest.to_string()));
        }
    }
    out
}

/// "the second", for list positions in sentences: 1-based, as a number.
fn nth(index: usize) -> String {
    (index + 1).to_string()
}

/// A key the app did not write, quoted.
fn key_text(key: &str) -> String {
    quote(key)
}

/// A stored key as words: `share_pct` → "share (%)", `active_free_accounts`
/// → "active free accounts".
fn words(key: &str) -> String {
    let (stem, unit) = if let Some(s) = key.strip_suffix("_pct") {
        (s, " (%)")
    } else if let Some(s) = key.strip_suffix("_per_month") {
        (s, " (per month)")
    } else if let Some(s) = key.strip_suffix("_per_year") {
        (s, " (per year)")
    } else {
        (key, "")
    };
    let text = stem.replace('_', " ");
    if text.chars().all(|c| c.is_ascii_lowercase() || c == ' ') && !text.is_empty() {
        format!("{text}{unit}")
    } else {
        key_text(key)
    }
}

fn key_at(steps: &[Step], i: usize) -> Option<&str> {
    match steps.get(i) {
        Some(Step::Key(k)) => Some(k.as_str()),
        _ => None,
    }
}

fn index_at(steps: &[Step], i: usize) -> Option<usize> {
    match steps.get(i) {
        Some(Step::Index(n)) => Some(*n),
        _ => None,
    }
}

/// The rest of a path from `from` as dotted keys (`self_serve.churn_pct`).
fn dotted(steps: &[Step], from: usize) -> String {
    steps
        .iter()
        .skip(from)
        .map(|s| match s {
            Step::Key(k) => k.clone(),
            Step::Index(i) => i.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// A scenario's entry (the part of the path after `inputs`).
fn scenario_entry(steps: &[Step], from: usize) -> String {
    let slug = dotted(steps, from);
    if let Some(field) = FieldId::from_slug(&slug) {
        return field.name();
    }
    let channel = match key_at(steps, from) {
        Some("self_serve") => Some("self-serve"),
        Some("sales_assist") => Some("sales-assisted (PQL)"),
        Some("sales_led") => Some("sales-led"),
        _ => None,
    };
    match (channel, key_at(steps, from + 1)) {
        (Some(ch), Some("enabled")) => format!("whether the {ch} channel is on"),
        (Some(ch), Some(key)) => format!("the {ch} {}", words(key)),
        (Some(ch), None) => format!("the {ch} channel"),
        (None, Some(_)) | (None, None) => match key_at(steps, from) {
            Some("billing") => "Billing".to_string(),
            Some(key) => words(key),
            None => "the inputs".to_string(),
        },
    }
}

/// Where `steps` points, as the person knows it: the entry's label and the
/// workspace it is in, e.g. "Sales-led: Win rate (%) in saved scenario 2
/// (Simulate)". Names the app did not write are quoted, cut short.
pub fn place(steps: &[Step]) -> String {
    let top = key_at(steps, 0);
    let second = key_at(steps, 1);
    match (top, second) {
        (None, _) => "the document".to_string(),
        (Some("theme"), _) => "the theme".to_string(),
        (Some("assess"), Some("answers")) => match key_at(steps, 2) {
            Some(id) => match QUESTIONS.iter().find(|q| q.id == id) {
                Some(q) => format!("the answer about {} (Assess)", q.topic),
                None => format!("the answer to question {} (Assess)", key_text(id)),
            },
            None => "the answers (Assess)".to_string(),
        },
        (Some("assess"), Some("weights")) => match key_at(steps, 2) {
            Some(slug) => match Factor::from_slug(slug) {
                Some(f) => format!("the weight of {} (Assess)", f.label()),
                None => format!("the weight {} (Assess)", key_text(slug)),
            },
            None => "the factor weights (Assess)".to_string(),
        },
        (Some("assess"), Some("chosen_motion")) => "the motion chosen to model (Assess)".into(),
        (Some("compare"), _) => match index_at(steps, 2) {
            Some(i) => format!("pinned row {} (Compare)", nth(i)),
            None => "the pinned rows (Compare)".to_string(),
        },
        (Some("simulate"), Some("inputs")) => {
            format!(
                "{} in the current scenario (Simulate)",
                scenario_entry(steps, 2)
            )
        }
        (Some("simulate"), Some("scenarios")) => match (index_at(steps, 2), key_at(steps, 3)) {
            (Some(i), Some("inputs")) => format!(
                "{} in saved scenario {} (Simulate)",
                scenario_entry(steps, 4),
                nth(i)
            ),
            (Some(i), Some("name")) => format!("the name of saved scenario {} (Simulate)", nth(i)),
            (Some(i), _) => format!("saved scenario {} (Simulate)", nth(i)),
            (None, _) => "the saved scenarios (Simulate)".to_string(),
        },
        (Some("simulate"), Some("unit")) => {
            let label = key_at(steps, 2).map(|key| {
                UnitField::ALL
                    .into_iter()
                    .find(|f| f.slug() == key)
                    .map_or_else(|| words(key), |f| f.label(ChurnBasis::Monthly).to_string())
            });
            match label {
                Some(l) => format!("{l} in the quick calculator (Simulate)"),
                None => "the quick calculator (Simulate)".to_string(),
            }
        }
        (Some("simulate"), Some("channels")) => match (index_at(steps, 2), key_at(steps, 3)) {
            (Some(i), Some(key)) => format!(
                "the {} of row {} of CAC by channel (Simulate)",
                match key {
                    "name" => "channel name".to_string(),
                    "spend" => "spend".to_string(),
                    "customers" => "customers won".to_string(),
                    other => words(other),
                },
                nth(i)
            ),
            (Some(i), None) => format!("row {} of CAC by channel (Simulate)", nth(i)),
            _ => "CAC by channel (Simulate)".to_string(),
        },
        (Some("simulate"), Some("ltv_discount_rate_pct")) => {
            "the LTV discount rate (Simulate)".to_string()
        }
        (Some("simulate"), Some("compare")) => "the scenarios picked to compare (Simulate)".into(),
        (Some("plan"), Some("rules")) => match (index_at(steps, 2), key_at(steps, 3)) {
            (Some(i), Some(key)) => format!(
                "the {} of playbook rule {} (Plan)",
                match key {
                    "share_pct" => "share of accounts (%)".to_string(),
                    other => words(other),
                },
                nth(i)
            ),
            (Some(i), None) => format!("playbook rule {} (Plan)", nth(i)),
            _ => "the playbook rules (Plan)".to_string(),
        },
        (Some("plan"), Some("volumes")) => {
            let what = match key_at(steps, 2) {
                Some("reps") => "the people working flagged accounts".to_string(),
                Some("accounts_per_rep") => "the accounts one person works a month".to_string(),
                Some("active_free_accounts") => "the active free accounts".to_string(),
                Some("free_active_months") => "the months a free account counts as active".into(),
                Some("use_simulator") => "whether the volumes come from Simulate".to_string(),
                Some(other) => words(other),
                None => "the playbook volumes".to_string(),
            };
            format!("{what} (Plan)")
        }
        (Some("plan"), Some("pilot")) => match (key_at(steps, 2), index_at(steps, 3)) {
            (Some("metrics"), Some(i)) => format!("success metric {} of the pilot (Plan)", nth(i)),
            (Some(key), _) => format!("the pilot's {} (Plan)", words(key)),
            (None, _) => "the pilot plan (Plan)".to_string(),
        },
        (Some("plan"), Some("checklist")) => "the rollout checklist (Plan)".to_string(),
        (Some("plan"), Some("metrics_motion")) => "the motion planned for (Plan)".to_string(),
        (Some("workshop"), Some("participants")) => match (index_at(steps, 2), key_at(steps, 3)) {
            (Some(i), Some("name")) => format!("the name of participant {} (Workshop)", nth(i)),
            (Some(i), Some("answers")) => {
                format!("the answers of participant {} (Workshop)", nth(i))
            }
            (Some(i), _) => format!("participant {} (Workshop)", nth(i)),
            (None, _) => "the participants (Workshop)".to_string(),
        },
        (Some("workshop"), _) => "the workshop settings (Workshop)".to_string(),
        (Some("insight"), key) => {
            let what = match key {
                Some("swing_pct") => "the sensitivity's swing (%)".to_string(),
                Some("draws") => "the number of uncertainty runs".to_string(),
                Some("seed") => "the uncertainty seed".to_string(),
                Some("uncertainty") => "an uncertainty range".to_string(),
                Some("goal_field") => "the goal seek's input".to_string(),
                Some("goal_target") => "the goal seek's target".to_string(),
                Some("tornado_output") => "the result the sensitivity explains".to_string(),
                Some(other) => words(other),
                None => "the test-the-plan settings".to_string(),
            };
            format!("{what} (Simulate)")
        }
        // Share links: a scenario document and a set of answers.
        (Some("scenario"), Some("name")) => "the shared scenario's name".to_string(),
        (Some("scenario"), Some("inputs")) => {
            format!("{} in the shared scenario", scenario_entry(steps, 2))
        }
        (Some("answers"), Some(id)) => match QUESTIONS.iter().find(|q| q.id == id) {
            Some(q) => format!("the shared answer about {}", q.topic),
            None => format!("the shared answer to question {}", key_text(id)),
        },
        (Some(other), _) => format!("the entry {}", key_text(other)),
    }
}

/// A value out of range ([`FieldError`]) in the person's terms: "the value
/// for Gross margin (%) in the current scenario (Simulate) is out of range:
/// 120% is outside 0% to 100%".
pub fn out_of_range(error: &FieldError) -> String {
    let here = place(&steps(&error.field));
    let problem = error.problem.trim();
    let verb = problem.split(' ').next().unwrap_or_default();
    if matches!(verb, "is" | "has" | "contains" | "holds") {
        format!("the value for {here} {problem}")
    } else {
        format!("the value for {here} is out of range: {problem}")
    }
}

/// A value as the person would describe it: text (quoted, cut short), a
/// number, true or false, empty, a list or a group of values.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "empty (null)".to_string(),
        Value::Bool(b) => format!("{b}"),
        Value::Number(n) => format!("the number {}", quote(&n.to_string())),
        Value::String(s) => format!("text ({})", quote(s)),
        Value::Array(_) => "a list".to_string(),
        Value::Object(_) => "a group of values".to_string(),
    }
}

/// What serde expected, in words.
fn expected(text: &str) -> String {
    let text = text.trim();
    match text {
        "f64" | "f32" => "a number".to_string(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number of 0 or more".to_string(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".to_string(),
        "a boolean" => "true or false".to_string(),
        "a string" | "a borrowed string" | "a char" => "text in double quotes".to_string(),
        "a sequence" => "a list in square brackets".to_string(),
        "a map" => "a group of named values in curly brackets".to_string(),
        t if t.starts_with("struct ") => "a group of named values in curly brackets".to_string(),
        t if t.starts_with("enum ") => "one of the names the app offers".to_string(),
        t if t.starts_with("one of ") => {
            let names: Vec<&str> = t["one of ".len()..]
                .split(", ")
                .map(|n| n.trim_matches('`'))
                .collect();
            let listed = names.join(", ");
            if listed.chars().count() > 120 {
                "one of the names the app offers".to_string()
            } else {
                format!("one of: {listed}")
            }
        }
        other => {
            let cut: String = other.chars().take(80).collect();
            cut
        }
    }
}

/// The value at `steps` in `doc`, if the path leads anywhere.
fn value_at<'a>(doc: &'a Value, steps: &[Step]) -> Option<&'a Value> {
    let mut node = doc;
    for step in steps {
        node = match step {
            Step::Key(k) => node.get(k.as_str())?,
            Step::Index(i) => node.get(*i)?,
        };
    }
    Some(node)
}

/// The first text between backticks in `text`.
fn backticked(text: &str) -> Option<&str> {
    let start = text.find('`')? + 1;
    let len = text[start..].find('`')?;
    Some(&text[start..start + len])
}

/// A value the document holds at `steps` that the app cannot use, with
/// serde's message `message`, in the person's terms: what is wrong and
/// where. `doc` is the document's `data`, to quote the value itself.
pub fn bad_field(doc: &Value, at: &[Step], message: &str) -> String {
    let here = place(at);
    let value = value_at(doc, at);
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let want = rest.rsplit_once(", expected ").map_or("", |(_, e)| e);
        let found = value.map_or_else(|| "of another kind".to_string(), describe);
        return format!(
            "the value for {here} is {found}; it must be {}",
            expected(want)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let want = rest.rsplit_once(", expected ").map_or("", |(_, e)| e);
        let found = value.map_or_else(String::new, |v| format!(" ({})", describe(v)));
        return format!(
            "the value for {here}{found} is not allowed; it must be {}",
            expected(want)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let want = rest.split_once(", expected ").map_or("", |(_, e)| e);
        let count = rest.split(',').next().unwrap_or_default();
        return format!(
            "{here} has {count} entries; it must have {}",
            expected(want)
        );
    }
    if message.starts_with("unknown variant ") {
        let name = backticked(message).unwrap_or_default();
        let want = message.split_once(", expected ").map_or("", |(_, e)| e);
        return format!(
            "the value for {here} is {}, which the app does not know; it must be {}",
            quote(name),
            expected(want)
        );
    }
    if message.starts_with("unknown field ") {
        let name = backticked(message).unwrap_or_default();
        return format!(
            "{here} holds an entry the app does not know ({})",
            quote(name)
        );
    }
    if message.starts_with("missing field ") {
        let name = backticked(message).unwrap_or_default();
        // The position may be on the object's last entry: the object that
        // misses one is the nearest enclosing object.
        let mut full = at.to_vec();
        while !full.is_empty() && !value_at(doc, &full).is_some_and(Value::is_object) {
            full.pop();
        }
        full.push(Step::Key(name.to_string()));
        return format!("the value for {} is missing", place(&full));
    }
    if message.starts_with("duplicate field ") {
        let name = backticked(message).unwrap_or_default();
        return format!("{here} holds {} twice", quote(name));
    }
    // A message of the app's own (e.g. an unknown simulator input), already
    // in words: kept, cut short.
    let own: String = message.chars().take(120).collect();
    format!("the value for {here} is refused: {own}")
}

/// The path of the entry at byte `column` (1-based, as serde_json counts)
/// of `text`, a document on one line: which object keys and list positions
/// enclose that place. serde_json reports a value of the wrong kind just
/// after reading it, and a missing entry at the end of its object, so the
/// path leads to the entry (or to the object that misses one).
pub fn path_at(text: &str, column: usize) -> Vec<Step> {
    enum Frame {
        Object { key: Option<String>, want_key: bool },
        List { index: usize },
    }
    let bytes = text.as_bytes();
    let end = column.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                want_key: true,
            }),
            b'[' => stack.push(Frame::List { index: 0 }),
            b'}' | b']' if i + 1 < end => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::List { index }) => *index += 1,
                Some(Frame::Object { want_key, .. }) => *want_key = true,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { want_key, .. }) = stack.last_mut() {
                    *want_key = false;
                }
            }
            b'"' => {
                // Structural bytes never occur inside a multi-byte character,
                // so a scan by bytes is exact.
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, want_key }) = stack.last_mut() {
                    if *want_key {
                        *key = Some(
                            String::from_utf8_lossy(&bytes[start..j.min(bytes.len())]).into_owned(),
                        );
                    }
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    stack
        .into_iter()
        .filter_map(|frame| match frame {
            Frame::Object {
                key: Some(key),
                want_key: false,
            } => Some(Step::Key(key)),
            Frame::Object { .. } => None,
            Frame::List { index } => Some(Step::Index(index)),
        })
        .collect()
}

/// A JSON syntax error in words, by line and character, with at most a few
/// characters of the text around it. `message` is serde_json's text,
/// `line` and `column` its position (1-based), `eof` whether the text ended
/// early, `raw` the whole text.
pub fn not_json(message: &str, line: usize, column: usize, eof: bool, raw: &str) -> String {
    let at = format!("line {line}, character {column}");
    if eof {
        return format!(
            "the data is not valid JSON: it stops in the middle (at {at}), as if cut off"
        );
    }
    let near = excerpt(raw, line, column);
    let what = if message.starts_with("control character") {
        return format!(
            "the data is not valid JSON: {at} has a tab, line break or other control character inside quoted text, which JSON allows only written as \\t or \\n"
        );
    } else if message.starts_with("trailing comma") {
        format!("{at} has a comma just before a closing bracket")
    } else if message.starts_with("trailing characters") {
        format!("there is more text after the end of the document, from {at}")
    } else if message.starts_with("key must be a string") {
        format!("a name at {at} is not in double quotes")
    } else if message.starts_with("expected value") {
        format!("{at} does not start a value (text goes in double quotes, numbers without)")
    } else if message.starts_with("expected `:`") {
        format!("a name at {at} is not followed by a colon")
    } else if message.starts_with("expected `,` or") {
        format!("a comma or a closing bracket is missing at {at}")
    } else if message.starts_with("invalid escape") {
        format!("a backslash at {at} does not start a valid escape such as \\n")
    } else if message.starts_with("invalid number") || message.starts_with("number out of range") {
        format!("the number at {at} cannot be read")
    } else if message.starts_with("recursion limit") {
        "its lists and groups are nested too deeply".to_string()
    } else {
        format!("there is a problem at {at}")
    };
    match near {
        Some(near) => format!("the data is not valid JSON: {what}, near {near}"),
        None => format!("the data is not valid JSON: {what}"),
    }
}

/// At most [`QUOTE_CHARS`] characters of line `line` ending at `column`
/// (both 1-based), quoted; `None` when the line is blank there.
fn excerpt(raw: &str, line: usize, column: usize) -> Option<String> {
    let text = raw.lines().nth(line.checked_sub(1)?)?;
    let chars: Vec<char> = text.chars().collect();
    let end = column.min(chars.len());
    let start = end.saturating_sub(QUOTE_CHARS);
    let piece: String = chars.get(start..end)?.iter().collect();
    if piece.trim().is_empty() {
        return None;
    }
    let lead = if start > 0 { "…" } else { "" };
    let inner = quote(&piece);
    Some(format!("“{lead}{}", inner.trim_start_matches('“')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_keys_and_positions() {
        assert_eq!(
            steps("simulate.scenarios[2].inputs.sales_led.win_pct"),
            vec![
                Step::Key("simulate".into()),
                Step::Key("scenarios".into()),
                Step::Index(2),
                Step::Key("inputs".into()),
                Step::Key("sales_led".into()),
                Step::Key("win_pct".into()),
            ]
        );
        assert_eq!(steps(""), Vec::<Step>::new());
    }

    #[test]
    fn a_position_in_the_text_gives_the_path_of_its_entry() {
        let text = r#"{"a":{"b":[1,{"c":"x"}],"d":2},"e":[]}"#;
        let at = |needle: &str| text.find(needle).map_or(0, |i| i + needle.len());
        assert_eq!(
            path_at(text, at(r#""c":"x""#)),
            vec![
                Step::Key("a".into()),
                Step::Key("b".into()),
                Step::Index(1),
                Step::Key("c".into())
            ]
        );
        assert_eq!(
            path_at(text, at(r#""d":2"#)),
            vec![Step::Key("a".into()), Step::Key("d".into())]
        );
        // Just after a name, before its value (an unknown entry): the
        // object that holds it.
        assert_eq!(
            path_at(text, at(r#"{"a":{"b""#)),
            vec![Step::Key("a".into())]
        );
    }

    #[test]
    fn a_quote_is_cut_short_and_has_no_control_characters() {
        assert_eq!(quote("lots"), "“lots”");
        let long = "x".repeat(500);
        let q = quote(&long);
        assert!(q.chars().count() <= QUOTE_CHARS + 3, "{q}");
        assert_eq!(quote("a\tb"), "“a b”");
    }
}
