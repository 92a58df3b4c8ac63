//! Native tests for share links and participant codes: round trips of every
//! payload kind, every way a link can be damaged or hostile (tampered,
//! truncated, oversized, wrong or newer version, non-finite numbers, zip
//! bomb), the participant code's length, and a fuzz run of 100,000 random
//! and mutated inputs.
//!
//! The fuzz inputs are built by [`for_each_fuzz_input`]; the example
//! `examples/decoder_fuzz.rs` includes this file to time the very same
//! inputs in a release build.
#![cfg(not(target_arch = "wasm32"))]
// Helpers outside #[test] functions unwrap too: a panic there fails the test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use gtm_workbench::domain::assess::{Weights, NOT_SURE, QUESTIONS};
use gtm_workbench::domain::motion::Motion;
use gtm_workbench::domain::sim::{preset, ScenarioInputs};
use gtm_workbench::domain::state::{AppState, Theme};
use gtm_workbench::domain::workshop::clean_name;
use gtm_workbench::persist::schema::{self, DecodeError, MAX_IMPORT_BYTES};
use gtm_workbench::persist::share::{
    bank_fingerprint, base64url_decode, base64url_encode, decode, encode, extract,
    participant_code, seal_json, seal_packed, ShareError, ShareKind, SharePayload, MAX_LINK_BYTES,
};
use proptest::prelude::*;

// ---------- helpers ----------

fn answers_from(choices: &[usize]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (q, c) in QUESTIONS.iter().zip(choices) {
        if *c < q.options.len() {
            out.insert(q.id.to_string(), q.options[*c].id.to_string());
        } else if *c == q.options.len() {
            out.insert(q.id.to_string(), NOT_SURE.to_string());
        }
    }
    out
}

/// Every question answered with its first option.
fn all_first() -> BTreeMap<String, String> {
    answers_from(&vec![0; QUESTIONS.len()])
}

fn rich_state() -> AppState {
    let mut s = AppState {
        theme: Theme::Dark,
        ..AppState::default()
    };
    s.assess.answers = all_first();
    s.assess.answers.insert("aud_tech".into(), NOT_SURE.into());
    s.assess.weights = Weights::uniform(7);
    s.assess.chosen_motion = Some(Motion::ProductLedSalesAssist);
    s.simulate.inputs = preset(Motion::SalesLed);
    s.simulate.save_as("Enterprise push").unwrap();
    s
}

fn scenario() -> SharePayload {
    SharePayload::Scenario {
        name: "Field team, annual billing".into(),
        inputs: preset(Motion::SalesLedProductAdoption),
    }
}

fn damaged(r: Result<SharePayload, ShareError>) -> bool {
    matches!(r, Err(ShareError::Damaged { .. }))
}

/// A packed answers body: fingerprint, one 4-bit value per question, name.
fn packed(values: &[u8], name: &[u8]) -> Vec<u8> {
    let mut out = bank_fingerprint().to_be_bytes().to_vec();
    let mut v = values.to_vec();
    v.resize(QUESTIONS.len(), 0);
    for pair in v.chunks(2) {
        out.push(pair[0] << 4 | pair.get(1).copied().unwrap_or(0));
    }
    out.push(name.len() as u8);
    out.extend_from_slice(name);
    out
}

fn scenario_json(name: &str, inputs: &ScenarioInputs, version: u64) -> String {
    serde_json::json!({"version": version, "data": {"name": name, "inputs": inputs}}).to_string()
}

// ---------- round trips ----------

#[test]
fn the_default_and_a_filled_in_state_survive_a_link() {
    for state in [AppState::default(), rich_state()] {
        let link = encode(&SharePayload::State(state.clone())).unwrap();
        assert!(link.starts_with("gtm1.s."));
        assert!(link.len() < 4000, "link is {} characters", link.len());
        assert_eq!(decode(&link), Ok(SharePayload::State(state)));
    }
}

#[test]
fn every_preset_scenario_survives_a_link() {
    for m in Motion::ALL {
        let p = SharePayload::Scenario {
            name: format!("{m:?} plan"),
            inputs: preset(m),
        };
        let link = encode(&p).unwrap();
        assert!(link.starts_with("gtm1.c."));
        assert_eq!(decode(&link), Ok(p));
    }
}

proptest! {
    #[test]
    fn any_set_of_answers_survives_a_participant_code(
        choices in prop::collection::vec(0usize..8, QUESTIONS.len()),
        name in "[A-Za-z0-9À-ž]([A-Za-z0-9À-ž .'-]{0,38}[A-Za-z0-9À-ž])?",
    ) {
        let answers = answers_from(&choices);
        let code = participant_code(&name, &answers).unwrap();
        prop_assert!(code.starts_with("gtm1.a."));
        prop_assert_eq!(
            decode(&code),
            Ok(SharePayload::Answers { name: Some(name.clone()), answers: answers.clone() })
        );
        // The same answers without a name, through encode.
        let p = SharePayload::Answers { name: None, answers };
        prop_assert_eq!(decode(&encode(&p).unwrap()), Ok(p));
    }

    #[test]
    fn any_answers_in_a_whole_state_survive_a_link(
        choices in prop::collection::vec(0usize..8, QUESTIONS.len()),
        w in 0u8..=10,
        dark in any::<bool>(),
    ) {
        let mut s = AppState::default();
        s.assess.answers = answers_from(&choices);
        s.assess.weights = Weights::uniform(w);
        s.theme = if dark { Theme::Dark } else { Theme::Projector };
        let link = encode(&SharePayload::State(s.clone())).unwrap();
        prop_assert_eq!(decode(&link), Ok(SharePayload::State(s)));
    }

    #[test]
    fn base64url_round_trips_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let text = base64url_encode(&bytes);
        prop_assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        prop_assert_eq!(text.len(), (bytes.len() * 4).div_ceil(3));
        prop_assert_eq!(base64url_decode(&text), Some(bytes));
    }
}

#[test]
fn base64url_matches_the_rfc_examples_and_is_strict() {
    // RFC 4648 §10 test vectors, without padding.
    for (plain, coded) in [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64url_encode(plain.as_bytes()), coded);
        assert_eq!(base64url_decode(coded), Some(plain.as_bytes().to_vec()));
    }
    assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    assert_eq!(base64url_decode("Zg=="), None, "no padding");
    assert_eq!(base64url_decode("Zm9v+"), None, "not the url alphabet");
    assert_eq!(base64url_decode("Zm9vY"), None, "impossible length");
    assert_eq!(base64url_decode("Zh"), None, "unused bits must be zero");
}

#[test]
fn a_participant_code_is_short() {
    let code = participant_code("Maria Lopez", &all_first()).unwrap();
    assert!(code.len() < 60, "{code} is {} characters", code.len());
    let nameless = encode(&SharePayload::Answers {
        name: None,
        answers: BTreeMap::new(),
    })
    .unwrap();
    // "gtm1.a." + base64 of fingerprint 2 + answers 10 + name length 1 + CRC 2.
    let bytes = 2 + QUESTIONS.len().div_ceil(2) + 1 + 2;
    assert_eq!(nameless.len(), 7 + (bytes * 4).div_ceil(3));
}

#[test]
fn a_code_pasted_as_a_url_or_broken_across_lines_still_opens() {
    let code = participant_code("Ana", &all_first()).unwrap();
    let expected = decode(&code).unwrap();
    let (head, tail) = code.split_at(20);
    for pasted in [
        format!("https://example.org/gtm/#share={code}"),
        format!("https://example.org/gtm/workshop#{code}"),
        format!("http://localhost:8080/?x=1#share={code}&from=mail"),
        format!("  {code}\n"),
        format!("{head}\n  {tail}"),
        format!("share={code}"),
    ] {
        assert_eq!(decode(&pasted), Ok(expected.clone()), "{pasted}");
    }
    assert_eq!(extract("https://a.b/#share=gtm1.a.XYZ&q"), "gtm1.a.XYZ");
}

// ---------- refusals ----------

#[test]
fn a_changed_character_anywhere_in_the_body_is_refused() {
    let links = [
        encode(&SharePayload::State(rich_state())).unwrap(),
        participant_code("Ana", &all_first()).unwrap(),
        encode(&scenario()).unwrap(),
    ];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for link in &links {
        let body_start = 7;
        for i in body_start..link.len() {
            let mut bytes = link.clone().into_bytes();
            let at = alphabet.iter().position(|c| *c == bytes[i]).unwrap();
            for shift in [1, 17, 32] {
                bytes[i] = alphabet[(at + shift) % 64];
                let tampered = String::from_utf8(bytes.clone()).unwrap();
                assert!(
                    damaged(decode(&tampered)),
                    "{} at {i} (+{shift}) gave {:?}",
                    &link[..7],
                    decode(&tampered)
                );
            }
        }
    }
}

#[test]
fn a_cut_off_link_is_refused_at_every_length() {
    let links = [
        encode(&SharePayload::State(AppState::default())).unwrap(),
        participant_code("Ana", &all_first()).unwrap(),
        encode(&scenario()).unwrap(),
    ];
    for link in &links {
        for n in 0..link.len() {
            let cut = &link[..n];
            let r = decode(cut);
            match n {
                0 => assert_eq!(r, Err(ShareError::Empty)),
                1 | 2 => assert_eq!(r, Err(ShareError::NotALink)),
                _ => assert!(damaged(r.clone()), "{n}: {r:?}"),
            }
        }
    }
}

#[test]
fn a_link_with_bytes_after_its_end_is_refused() {
    let link = encode(&SharePayload::State(AppState::default())).unwrap();
    assert!(damaged(decode(&format!("{link}AAAA"))));
    let code = participant_code("Ana", &all_first()).unwrap();
    assert!(damaged(decode(&format!("{code}AAAA"))));
    // A body with a dot in it.
    assert!(damaged(decode(&format!("{link}.x"))));
}

#[test]
fn an_oversized_link_is_refused_before_it_is_read() {
    let huge = format!("gtm1.s.{}", "A".repeat(MAX_LINK_BYTES));
    assert_eq!(decode(&huge), Err(ShareError::TooLong { len: huge.len() }));
    // The cap is on the text, even when it is not a link at all.
    let junk = "x".repeat(MAX_LINK_BYTES + 1);
    assert!(matches!(decode(&junk), Err(ShareError::TooLong { .. })));
    let at_cap = format!("gtm1.s.{}", "A".repeat(MAX_LINK_BYTES - 7));
    assert!(damaged(decode(&at_cap)), "exactly at the cap is read");
}

#[test]
fn a_zip_bomb_is_refused_at_the_unpacked_size_cap() {
    // 8 MiB of the same letter inside a JSON string: tiny once compressed.
    let bomb = format!(
        r#"{{"version":1,"data":"{}"}}"#,
        "A".repeat(8 * 1024 * 1024)
    );
    for kind in [ShareKind::State, ShareKind::Scenario] {
        let link = seal_json(kind, &bomb);
        assert!(link.len() < MAX_LINK_BYTES, "the link itself is small");
        assert_eq!(decode(&link), Err(ShareError::TooLarge));
    }
}

#[test]
fn the_unpacked_size_cap_is_exact() {
    let doc = schema::encode(&AppState::default()).unwrap();
    let pad = |n: usize| format!("{doc}{}", " ".repeat(n - doc.len()));
    let at = seal_json(ShareKind::State, &pad(MAX_IMPORT_BYTES));
    assert_eq!(decode(&at), Ok(SharePayload::State(AppState::default())));
    let over = seal_json(ShareKind::State, &pad(MAX_IMPORT_BYTES + 1));
    assert_eq!(decode(&over), Err(ShareError::TooLarge));
}

#[test]
fn wrong_and_newer_link_versions_are_told_apart() {
    let link = encode(&SharePayload::State(AppState::default())).unwrap();
    let body = &link["gtm1".len()..];
    assert_eq!(
        decode(&format!("gtm2{body}")),
        Err(ShareError::NewerVersion(2))
    );
    assert_eq!(
        decode(&format!("gtm17{body}")),
        Err(ShareError::NewerVersion(17))
    );
    assert_eq!(
        decode(&format!("gtm0{body}")),
        Err(ShareError::UnknownVersion("0".into()))
    );
    assert_eq!(
        decode(&format!("gtmx{body}")),
        Err(ShareError::UnknownVersion("x".into()))
    );
    assert_eq!(decode(&format!("abc1{body}")), Err(ShareError::NotALink));
    assert!(
        damaged(decode(&link.replacen(".s.", ".z.", 1))),
        "unknown kind"
    );
    assert!(decode("gtm2.s.x").unwrap_err().is_newer());
}

#[test]
fn a_newer_or_unknown_document_version_inside_the_link_is_refused() {
    let state = r#"{"version":4,"data":{}}"#;
    assert_eq!(
        decode(&seal_json(ShareKind::State, state)),
        Err(ShareError::NewerVersion(4))
    );
    let state0 = r#"{"version":0,"data":{}}"#;
    assert_eq!(
        decode(&seal_json(ShareKind::State, state0)),
        Err(ShareError::UnknownVersion("0".into()))
    );
    let inputs = preset(Motion::ProductLed);
    assert_eq!(
        decode(&seal_json(
            ShareKind::Scenario,
            &scenario_json("x", &inputs, 4)
        )),
        Err(ShareError::NewerVersion(4))
    );
    assert!(matches!(
        decode(&seal_json(
            ShareKind::Scenario,
            &scenario_json("x", &inputs, 0)
        )),
        Err(ShareError::UnknownVersion(_))
    ));
}

#[test]
fn links_made_by_the_version_1_app_still_open() {
    let inputs = preset(Motion::ProductLed);
    for version in [1, 2] {
        let link = seal_json(ShareKind::Scenario, &scenario_json("Old", &inputs, version));
        assert!(
            matches!(decode(&link), Ok(SharePayload::Scenario { ref name, .. }) if name == "Old"),
            "scenario document version {version}"
        );
    }
    let v1_state = include_str!("fixtures/v1.json");
    assert!(matches!(
        decode(&seal_json(ShareKind::State, v1_state)),
        Ok(SharePayload::State(_))
    ));
}

#[test]
fn non_finite_or_missing_numbers_inside_a_valid_link_are_refused() {
    let doc = schema::encode(&AppState::default()).unwrap();
    assert!(doc.contains("\"share_pct\":8.0"));
    for (bad, expect_json_error) in [
        ("1e999", true),
        ("null", false),
        ("NaN", true),
        ("-1e400", true),
    ] {
        let json = doc.replacen("\"share_pct\":8.0", &format!("\"share_pct\":{bad}"), 1);
        let r = decode(&seal_json(ShareKind::State, &json));
        if expect_json_error {
            assert!(
                matches!(r, Err(ShareError::Rejected(DecodeError::NotJson(_)))),
                "{bad}: {r:?}"
            );
        } else {
            assert!(
                matches!(r, Err(ShareError::Rejected(DecodeError::BadField(_)))),
                "{bad}: {r:?}"
            );
        }
    }
    let good = scenario_json("x", &preset(Motion::ProductLed), 1);
    let key = "\"gross_margin_pct\":";
    let at = good.find(key).unwrap() + key.len();
    let end = at + good[at..].find([',', '}']).unwrap();
    for bad in ["1e999", "null", "-5", "101"] {
        let json = format!("{}{bad}{}", &good[..at], &good[end..]);
        let r = decode(&seal_json(ShareKind::Scenario, &json));
        assert!(matches!(r, Err(ShareError::Rejected(_))), "{bad}: {r:?}");
    }
    assert!(decode(&seal_json(ShareKind::Scenario, &good)).is_ok());
}

#[test]
fn out_of_range_values_inside_a_valid_link_are_refused_like_an_import() {
    let doc = schema::encode(&AppState::default()).unwrap();
    let json = doc.replacen("\"pricing\":10", "\"pricing\":11", 1);
    assert!(matches!(
        decode(&seal_json(ShareKind::State, &json)),
        Err(ShareError::Rejected(DecodeError::OutOfRange(_)))
    ));
    let json = doc.replacen("\"theme\":\"light\"", "\"theme\":\"neon\"", 1);
    assert!(matches!(
        decode(&seal_json(ShareKind::State, &json)),
        Err(ShareError::Rejected(DecodeError::BadField(_)))
    ));
    let json = doc.replacen("{\"data\":{", "{\"data\":{\"extra\":1,", 1);
    assert!(matches!(
        decode(&seal_json(ShareKind::State, &json)),
        Err(ShareError::Rejected(DecodeError::BadField(_)))
    ));
    assert!(matches!(
        decode(&seal_json(ShareKind::State, "[1,2]")),
        Err(ShareError::Rejected(DecodeError::WrongShape(_)))
    ));
    let long_name = "n".repeat(61);
    let json = scenario_json(&long_name, &preset(Motion::ProductLed), 1);
    let r = decode(&seal_json(ShareKind::Scenario, &json));
    assert!(
        matches!(r, Err(ShareError::Rejected(DecodeError::OutOfRange(ref e))) if e.field == "scenario.name"),
        "{r:?}"
    );
}

#[test]
fn a_code_with_a_valid_checksum_but_impossible_answers_is_refused() {
    // aud_tech (4th question) has 3 options: value 5 does not exist.
    let bytes = packed(&[1, 2, 0, 5], b"Ana");
    let r = decode(&seal_packed(&bytes));
    assert!(
        matches!(r, Err(ShareError::Rejected(DecodeError::OutOfRange(ref e))) if e.field == "answers.aud_tech"),
        "{r:?}"
    );
    // Values 1, 2 and "Not sure" (15) are fine.
    let ok = decode(&seal_packed(&packed(&[1, 2, 0, 15], b"Ana"))).unwrap();
    let SharePayload::Answers { name, answers } = ok else {
        panic!("answers expected");
    };
    assert_eq!(name.as_deref(), Some("Ana"));
    assert_eq!(answers["aud_size"], "individuals");
    assert_eq!(answers["aud_signer"], "manager");
    assert_eq!(answers["aud_tech"], NOT_SURE);
    assert_eq!(answers.len(), 3);
}

#[test]
fn a_code_made_for_other_questions_is_refused_as_such() {
    let mut bytes = packed(&[1], b"Ana");
    bytes[0] ^= 0x01;
    assert_eq!(
        decode(&seal_packed(&bytes)),
        Err(ShareError::OtherQuestions)
    );
}

#[test]
fn a_code_with_a_bad_name_is_refused() {
    for (name, damaged_expected) in [
        (&b"A\nna"[..], false),
        (&b" Ana"[..], false),
        (&[0xff, 0xfe][..], true),
        (&"x".repeat(41).into_bytes()[..], false),
    ] {
        let r = decode(&seal_packed(&packed(&[1], name)));
        if damaged_expected {
            assert!(damaged(r.clone()), "{r:?}");
        } else {
            assert!(matches!(r, Err(ShareError::Rejected(_))), "{r:?}");
        }
    }
    // A name length that does not match the bytes that follow.
    let mut bytes = packed(&[1], b"Ana");
    let len_at = bytes.len() - 4;
    bytes[len_at] = 4;
    assert!(damaged(decode(&seal_packed(&bytes))));
    // Too short to hold the answers.
    assert!(damaged(decode(&seal_packed(&[1, 2, 3]))));
}

#[test]
fn nothing_invalid_is_ever_encoded() {
    let mut s = AppState::default();
    s.assess.weights.pricing = 11;
    assert!(matches!(
        encode(&SharePayload::State(s)),
        Err(ShareError::CannotShare(_))
    ));
    let mut s = AppState::default();
    s.simulate.inputs.gross_margin_pct = f64::NAN;
    assert!(matches!(
        encode(&SharePayload::State(s)),
        Err(ShareError::CannotShare(_))
    ));
    let mut bad = all_first();
    bad.insert("made_up".into(), "x".into());
    assert!(matches!(
        participant_code("Ana", &bad),
        Err(ShareError::CannotShare(_))
    ));
    assert!(matches!(
        participant_code("  ", &all_first()),
        Err(ShareError::CannotShare(_))
    ));
    assert!(matches!(
        participant_code(&"x".repeat(41), &all_first()),
        Err(ShareError::CannotShare(_))
    ));
    let mut inputs = preset(Motion::ProductLed);
    inputs.gross_margin_pct = f64::INFINITY;
    assert!(matches!(
        encode(&SharePayload::Scenario {
            name: "x".into(),
            inputs
        }),
        Err(ShareError::CannotShare(_))
    ));
    assert!(matches!(
        encode(&SharePayload::Scenario {
            name: " ".into(),
            inputs: preset(Motion::ProductLed)
        }),
        Err(ShareError::CannotShare(_))
    ));
    // The name is trimmed, as when a participant is added.
    let code = participant_code("  Ana ", &BTreeMap::new()).unwrap();
    assert_eq!(
        decode(&code),
        Ok(SharePayload::Answers {
            name: Some("Ana".into()),
            answers: BTreeMap::new()
        })
    );
    assert_eq!(clean_name("  Ana "), Ok("Ana".into()));
}

#[test]
fn every_question_fits_in_a_packed_code() {
    assert!(QUESTIONS.iter().all(|q| q.options.len() <= 14));
}

#[test]
fn error_messages_read_well() {
    let text = |e: ShareError| e.to_string();
    assert!(
        text(ShareError::Damaged { detail: "x" }).starts_with("This link is damaged or incomplete")
    );
    assert!(text(ShareError::NewerVersion(2)).starts_with("This link was made by a newer version"));
    assert!(text(ShareError::TooLong { len: 70000 }).starts_with("This link is too large"));
    assert!(text(ShareError::TooLarge).starts_with("This link is too large"));
    assert!(text(ShareError::NotALink).contains("not a GTM Workbench link"));
    for e in [
        decode("").unwrap_err(),
        decode("hello").unwrap_err(),
        decode("gtm1.a.AAAA").unwrap_err(),
        decode("gtm9.a.AAAA").unwrap_err(),
    ] {
        let t = text(e);
        assert!(t.ends_with('.'), "{t}");
        assert!(!t.contains("Err") && !t.contains("TINFL"), "{t}");
    }
}

// ---------- fuzz ----------

/// How many inputs the fuzz test and the example run.
pub const FUZZ_COUNT: usize = 100_000;

/// The seed of the fuzz inputs; fixed so a failure can be replayed.
pub const FUZZ_SEED: u64 = 0x5EED_2026_0611;

/// xorshift64: tiny, seeded, reproducible.
pub struct XorShift(u64);

impl XorShift {
    /// A generator; a zero seed is replaced (xorshift would stay at 0).
    pub fn new(seed: u64) -> Self {
        XorShift(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One input in this many is a zip bomb or the largest accepted link.
const HEAVY_EVERY: usize = 2_500;

const TEXT_PALETTE: &[u8] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.#=&?/: \ngtmsac{}[]\",";

/// Applies one random mutation to bytes: a bit flip, a cut, an insertion of
/// random bytes or the duplication of a slice.
fn mutate(rng: &mut XorShift, bytes: &mut Vec<u8>, palette: &[u8]) {
    match rng.below(5) {
        0 | 1 if !bytes.is_empty() => {
            let i = rng.below(bytes.len());
            bytes[i] ^= 1 << rng.below(8);
        }
        2 if !bytes.is_empty() => {
            let n = rng.below(bytes.len());
            bytes.truncate(n);
        }
        3 => {
            let at = rng.below(bytes.len() + 1);
            let n = 1 + rng.below(8);
            let insert: Vec<u8> = (0..n)
                .map(|_| {
                    if rng.below(4) == 0 {
                        rng.next_u64() as u8
                    } else {
                        *rng.pick(palette)
                    }
                })
                .collect();
            bytes.splice(at..at, insert);
        }
        _ if !bytes.is_empty() => {
            let from = rng.below(bytes.len());
            let len = 1 + rng.below((bytes.len() - from).min(64));
            let copy = bytes[from..from + len].to_vec();
            let at = rng.below(bytes.len() + 1);
            bytes.splice(at..at, copy);
        }
        _ => bytes.push(*rng.pick(palette)),
    }
}

fn mutated(rng: &mut XorShift, bytes: &[u8], palette: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for _ in 0..1 + rng.below(3) {
        mutate(rng, &mut out, palette);
    }
    out
}

/// Valid material the fuzz inputs start from.
struct Bases {
    links: Vec<String>,
    jsons: Vec<(ShareKind, String)>,
    packed: Vec<Vec<u8>>,
    bomb: String,
    largest: String,
}

fn bases() -> Bases {
    let state = rich_state();
    let mut links = vec![
        encode(&SharePayload::State(AppState::default())).unwrap(),
        encode(&SharePayload::State(state.clone())).unwrap(),
        participant_code("Ana", &all_first()).unwrap(),
        participant_code("Zoë Ngozi-Okafor", &answers_from(&[1, 2, 3, 0, 4, 1])).unwrap(),
        encode(&SharePayload::Answers {
            name: None,
            answers: BTreeMap::new(),
        })
        .unwrap(),
        encode(&scenario()).unwrap(),
    ];
    links.push(format!("https://example.org/gtm/#share={}", links[2]));
    let jsons = vec![
        (ShareKind::State, schema::encode(&state).unwrap()),
        (
            ShareKind::State,
            schema::encode(&AppState::default()).unwrap(),
        ),
        (
            ShareKind::Scenario,
            scenario_json("Pilot", &preset(Motion::HybridFreemiumEnterprise), 1),
        ),
    ];
    let packed = links[2..5]
        .iter()
        .map(|l| {
            let mut b = base64url_decode(&l[7..]).unwrap();
            b.truncate(b.len() - 2);
            b
        })
        .collect();
    let bomb = seal_json(
        ShareKind::State,
        &format!(
            r#"{{"version":1,"data":"{}"}}"#,
            "A".repeat(4 * 1024 * 1024)
        ),
    );
    let doc = schema::encode(&state).unwrap();
    let largest = seal_json(
        ShareKind::State,
        &format!("{doc}{}", " ".repeat(MAX_IMPORT_BYTES - doc.len())),
    );
    Bases {
        links,
        jsons,
        packed,
        bomb,
        largest,
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Calls `f` with `count` inputs for the decoder and the name of the kind of
/// each, the same ones for the same seed: random text, random bodies behind
/// a valid prefix, and valid links mutated as text, as bytes under the
/// base64 layer (so the checksum and the inflater meet them), as JSON
/// re-sealed with a valid checksum (so the parser and the validation meet
/// them) and as packed answers re-sealed; plus URL wrappers and oversized
/// texts, and now and then a zip bomb or the largest link that is accepted.
pub fn for_each_fuzz_input(count: usize, seed: u64, mut f: impl FnMut(&str, &'static str)) {
    let b = bases();
    let mut rng = XorShift::new(seed);
    for i in 0..count {
        let (kind, input) = fuzz_input(&mut rng, &b, i);
        f(&input, kind);
    }
}

/// One fuzz input and the name of its kind.
fn fuzz_input(rng: &mut XorShift, b: &Bases, i: usize) -> (&'static str, String) {
    let b64 = &TEXT_PALETTE[..64];
    // Every 2,500th input is one of the slowest kinds to refuse or accept:
    // each unpacks a full 1 MiB (rare, as in life, and heavy in a debug build).
    if i.is_multiple_of(HEAVY_EVERY) {
        return match (i / HEAVY_EVERY) % 3 {
            0 => ("zip bomb", b.bomb.clone()),
            1 => ("largest accepted", b.largest.clone()),
            _ => (
                "mutated zip bomb",
                text(&mutated(rng, b.bomb.as_bytes(), b64)),
            ),
        };
    }
    match rng.below(100) {
        0..=9 => {
            let n = rng.below(300);
            let bytes: Vec<u8> = (0..n)
                .map(|_| {
                    if rng.below(10) == 0 {
                        rng.next_u64() as u8
                    } else {
                        *rng.pick(TEXT_PALETTE)
                    }
                })
                .collect();
            ("random text", text(&bytes))
        }
        10..=19 => {
            let kind = *rng.pick(&["s", "a", "c", "x"]);
            let n = rng.below(if kind == "a" { 40 } else { 600 });
            let body: String = (0..n).map(|_| char::from(*rng.pick(b64))).collect();
            ("random body", format!("gtm1.{kind}.{body}"))
        }
        20..=54 => {
            let link = rng.pick(&b.links);
            let m = mutated(rng, link.as_bytes(), TEXT_PALETTE);
            ("link mutated as text", text(&m))
        }
        55..=69 => {
            let link = rng.pick(&b.links[..6]);
            let (head, body) = link.split_at(7);
            let bytes = base64url_decode(body).unwrap_or_default();
            let m = mutated(rng, &bytes, TEXT_PALETTE);
            (
                "link mutated as bytes",
                format!("{head}{}", base64url_encode(&m)),
            )
        }
        70..=84 => {
            let (kind, json) = rng.pick(&b.jsons);
            let palette = b"{}[]\":,0123456789.eE-+ nultrfasNaI\\";
            let m = mutated(rng, json.as_bytes(), palette);
            ("JSON mutated, re-sealed", seal_json(*kind, &text(&m)))
        }
        85..=94 => {
            let p = rng.pick(&b.packed);
            let all: Vec<u8> = (0..=255).collect();
            (
                "answers mutated, re-sealed",
                seal_packed(&mutated(rng, p, &all)),
            )
        }
        _ => match rng.below(3) {
            0 => (
                "URL wrapper",
                format!("https://x.org/app/#share={}&t=1", rng.pick(&b.links)),
            ),
            1 => {
                let link = rng.pick(&b.links);
                let copies = MAX_LINK_BYTES / link.len() + 1 + rng.below(2);
                ("oversized", link.repeat(copies))
            }
            _ => {
                let link = rng.pick(&b.links);
                let at = rng.below(link.len());
                ("line break", format!("{}\n  {}", &link[..at], &link[at..]))
            }
        },
    }
}

#[test]
fn the_decoder_returns_on_100_000_random_and_mutated_inputs() {
    let mut n = 0usize;
    let mut accepted = 0usize;
    for_each_fuzz_input(FUZZ_COUNT, FUZZ_SEED, |input, _| {
        // The assertion is that this returns: no panic, no hang.
        if decode(input).is_ok() {
            accepted += 1;
        }
        n += 1;
    });
    assert_eq!(n, FUZZ_COUNT);
    // Sanity: the corpus reaches the accepting path too, not only refusals.
    assert!(accepted > 0);
}

#[test]
fn the_fuzz_inputs_are_the_same_for_the_same_seed() {
    let mut first = Vec::new();
    for_each_fuzz_input(200, 7, |s, _| first.push(s.to_string()));
    let mut second = Vec::new();
    for_each_fuzz_input(200, 7, |s, _| second.push(s.to_string()));
    assert_eq!(first, second);
    let mut other = Vec::new();
    for_each_fuzz_input(200, 8, |s, _| other.push(s.to_string()));
    assert_ne!(first, other);
}
