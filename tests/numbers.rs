//! Numbers as people type them and as the app writes them (PRODUCT.md,
//! "Conventions": "Numbers are read the way people type them … One
//! formatter writes every number"; issue 11 items 8 and 10, issue 14
//! "Plain messages").
#![cfg(not(target_arch = "wasm32"))]

use gtm_workbench::domain::economics::{ChurnBasis, UnitField, CHANNEL_SPEND_RANGE};
use gtm_workbench::domain::format;
use gtm_workbench::domain::input::{read_number, InputError, Range, Unit};
use gtm_workbench::domain::sim::{fields, FieldId, ScenarioInputs};
use proptest::prelude::*;

const ALL_UNITS: [Unit; 10] = [
    Unit::Dollars,
    Unit::DollarsPerMonth,
    Unit::DollarsPerYear,
    Unit::Percent,
    Unit::PercentPerMonth,
    Unit::Months,
    Unit::Weeks,
    Unit::Count,
    Unit::Ratio,
    Unit::Number,
];

fn money() -> Range {
    Range::new(0.0, 1e12).in_unit(Unit::Dollars)
}

fn percent() -> Range {
    Range::new(0.0, 100.0).in_unit(Unit::Percent)
}

fn count() -> Range {
    Range::new(0.0, 1e12).in_unit(Unit::Count)
}

fn message(range: Range, typed: &str) -> String {
    match range.read(typed) {
        Ok(r) => format!("accepted as {}", r.value),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_comma_before_exactly_three_digits_separates_thousands() {
    assert_eq!(money().parse("1,500"), Ok(1500.0));
    assert_eq!(money().parse("12,345,678"), Ok(12_345_678.0));
    assert_eq!(money().parse("123,456"), Ok(123_456.0));
    assert_eq!(count().parse("1,000,000"), Ok(1_000_000.0));
}

#[test]
fn any_other_comma_is_a_decimal_comma() {
    assert_eq!(percent().parse("1,5"), Ok(1.5));
    assert_eq!(percent().parse("0,75"), Ok(0.75));
    // Three digits after a leading zero cannot be a thousands group.
    assert_eq!(percent().parse("0,500"), Ok(0.5));
    assert_eq!(money().parse("12,3456"), Ok(12.3456));
    assert_eq!(money().parse(",5"), Ok(0.5));
    // With spaces grouping the thousands, the comma is the decimal.
    assert_eq!(money().parse("1 234,567"), Ok(1234.567));
}

#[test]
fn with_both_marks_the_last_one_is_the_decimal_separator() {
    assert_eq!(money().parse("1.234,5"), Ok(1234.5));
    assert_eq!(money().parse("1,234.5"), Ok(1234.5));
    assert_eq!(money().parse("1.000.000,25"), Ok(1_000_000.25));
    assert_eq!(money().parse("1,000,000.25"), Ok(1_000_000.25));
    // A lone point is a decimal point; several points group thousands.
    assert_eq!(money().parse("1.500"), Ok(1.5));
    assert_eq!(money().parse("1.234.567"), Ok(1_234_567.0));
}

#[test]
fn spaces_and_underscores_between_digits_group_thousands() {
    assert_eq!(money().parse("1 500"), Ok(1500.0));
    assert_eq!(money().parse("1\u{a0}500"), Ok(1500.0));
    assert_eq!(money().parse("1\u{202f}500\u{202f}000"), Ok(1_500_000.0));
    assert_eq!(money().parse("1_000_000"), Ok(1_000_000.0));
    assert_eq!(money().parse("  2 500,75 "), Ok(2500.75));
}

#[test]
fn dollar_signs_and_suffixes_are_read_in_money_fields() {
    assert_eq!(money().parse("$1,500"), Ok(1500.0));
    assert_eq!(money().parse("$ 1 500"), Ok(1500.0));
    assert_eq!(money().parse("1.5k"), Ok(1500.0));
    assert_eq!(money().parse("$10K"), Ok(10_000.0));
    assert_eq!(money().parse("$2.5M"), Ok(2_500_000.0));
    assert_eq!(money().parse("2m"), Ok(2_000_000.0));
    assert_eq!(money().parse("1,5 k"), Ok(1500.0));
    // The suffix moves the decimal point in the digits: no float drift.
    assert_eq!(money().parse("0.1k"), Ok(100.0));
    assert_eq!(money().parse("0.3M"), Ok(300_000.0));
    assert_eq!(count().parse("10k"), Ok(10_000.0));
}

#[test]
fn minus_signs_are_read_before_or_after_the_dollar() {
    let signed = Range::new(-1e6, 1e6).in_unit(Unit::Dollars);
    assert_eq!(signed.parse("-$5"), Ok(-5.0));
    assert_eq!(signed.parse("−$1,200"), Ok(-1200.0));
    assert_eq!(signed.parse("$-5"), Ok(-5.0));
    assert_eq!(signed.parse("+5"), Ok(5.0));
    let zero = signed.parse("-0").unwrap_or(f64::NAN);
    assert!(zero == 0.0 && zero.is_sign_positive(), "{zero}");
}

#[test]
fn percent_signs_are_read_in_percent_fields() {
    assert_eq!(percent().parse("50%"), Ok(50.0));
    assert_eq!(percent().parse("1,5 %"), Ok(1.5));
    let per_month = Range::new(0.0, 20.0).in_unit(Unit::PercentPerMonth);
    assert_eq!(per_month.parse("0.5%"), Ok(0.5));
}

#[test]
fn a_unit_that_does_not_fit_the_field_is_refused_with_a_message() {
    assert_eq!(
        message(money(), "50%"),
        "This field is in dollars; leave out the %."
    );
    assert_eq!(
        message(percent(), "$5"),
        "This field is in percent; leave out the $."
    );
    let months = Range::whole(12.0, 60.0).in_unit(Unit::Months);
    assert_eq!(
        message(months, "24%"),
        "This field is in months; leave out the %."
    );
    // "12m" in a field of months could mean twelve months: refused, not
    // read as twelve million.
    assert_eq!(
        months.read("12m"),
        Err(InputError::WrongSuffix {
            suffix: 'm',
            unit: Unit::Months
        })
    );
    assert_eq!(
        message(percent(), "5k"),
        "This field is in percent; write the number in full, without “k”."
    );
    assert_eq!(
        message(Range::new(0.0, 2.0).in_unit(Unit::Ratio), "$1"),
        "This field is a ratio; leave out the $."
    );
}

#[test]
fn separators_that_fit_no_single_reading_are_refused() {
    for typed in [
        "1,2,3",
        "1.2.3",
        "1,234,5",
        "1.234.5",
        "1,23,456",
        "1 23",
        "1,234.5.6",
    ] {
        assert_eq!(
            money().read(typed),
            Err(InputError::Ambiguous(typed.to_string())),
            "{typed}"
        );
    }
    assert_eq!(
        message(money(), "1,2,3"),
        "“1,2,3” can be read more than one way; write it like 1234.5 or 1,234.5."
    );
}

#[test]
fn what_is_not_a_number_is_refused_and_changes_nothing() {
    for typed in [
        "abc", "NaN", "inf", "-inf", "1e6", "$", "%", "-", ".", ",", "5$", "--5", "$$5", "1..5",
        "1,,5", "k",
    ] {
        assert!(
            matches!(money().read(typed), Err(InputError::NotANumber(_))),
            "{typed}: {:?}",
            money().read(typed)
        );
    }
    assert_eq!(money().read("   "), Err(InputError::Empty));
    let mut inputs = ScenarioInputs::default();
    let before = inputs.clone();
    assert!(inputs.set_text(FieldId::SsChurnPct, "1,2,3").is_err());
    assert!(inputs.set_text(FieldId::SsArpa, "50%").is_err());
    assert_eq!(inputs, before);
}

/// Issue 11 item 8: "1,5" typed as monthly churn became 15 %, and
/// "1.234,5" became 1.2345.
#[test]
fn a_decimal_comma_in_the_churn_field_is_one_and_a_half_percent_not_fifteen() {
    let mut inputs = ScenarioInputs::default();
    assert_eq!(inputs.set_text(FieldId::SsChurnPct, "1,5"), Ok(1.5));
    assert_eq!(inputs.get(FieldId::SsChurnPct), 1.5);
    assert_eq!(inputs.set_text(FieldId::SlAcv, "1.234,5"), Ok(1234.5));
    assert_eq!(inputs.get(FieldId::SlAcv), 1234.5);
}

#[test]
fn text_that_is_not_plain_says_how_it_was_read() {
    let note = |range: Range, typed: &str| range.read(typed).ok().and_then(|r| r.read_as);
    assert_eq!(note(percent(), "1,5"), Some("read as 1.5%".into()));
    assert_eq!(note(money(), "1,500"), Some("read as $1,500".into()));
    assert_eq!(note(money(), "$2.5k"), Some("read as $2,500".into()));
    assert_eq!(note(money(), "12,5"), Some("read as $12.50".into()));
    assert_eq!(note(count(), "2M"), Some("read as 2,000,000".into()));
    assert_eq!(note(percent(), "3%"), Some("read as 3%".into()));
    // Already plain: the field would show exactly this, so nothing to say.
    assert_eq!(note(money(), "1500"), None);
    assert_eq!(note(percent(), "1.5"), None);
    assert_eq!(note(percent(), " 2 "), None);
}

#[test]
fn limits_are_written_in_the_fields_unit() {
    assert_eq!(
        message(CHANNEL_SPEND_RANGE, "20000000000"),
        "Must be at most $10 billion."
    );
    assert_eq!(
        message(UnitField::Churn.range(), "140"),
        "Must be at most 100%."
    );
    assert_eq!(
        message(FieldId::HorizonMonths.spec().range, "6"),
        "Must be at least 12 months."
    );
    assert_eq!(
        message(FieldId::SsExpansionPct.spec().range, "25"),
        "Must be at most 20% a month."
    );
    assert_eq!(
        message(FieldId::SsAcquisitionSpend.spec().range, "-5"),
        "Must be at least $0 a month."
    );
    assert_eq!(
        message(FieldId::SsCostPerSignup.spec().range, "0"),
        "Must be at least $0.01."
    );
    // More digits than a number holds: beyond the limit, not a crash.
    assert_eq!(
        message(CHANNEL_SPEND_RANGE, &"9".repeat(400)),
        "Must be at most $10 billion."
    );
}

#[test]
fn a_thousands_comma_that_overshoots_says_how_to_type_the_decimal() {
    assert_eq!(
        message(UnitField::Churn.range(), "1,500"),
        "Must be at most 100%. The comma in “1,500” separates thousands; for a decimal, type 1.5."
    );
    // Over the limit either way: the plain message.
    assert_eq!(
        message(Range::new(0.0, 1.0).in_unit(Unit::Ratio), "5,000"),
        "Must be at most 1."
    );
}

#[test]
fn every_field_label_names_the_unit_the_field_reads() {
    for spec in fields() {
        assert_eq!(spec.range.unit, spec.unit, "{}", spec.slug);
        if spec.unit.is_money() {
            assert!(spec.label.contains('$'), "{}", spec.label);
        }
        if spec.unit.is_percent() {
            assert!(spec.label.contains('%'), "{}", spec.label);
        }
        if spec.unit == Unit::Months {
            assert!(spec.label.contains("months"), "{}", spec.label);
        }
    }
    for field in UnitField::ALL {
        let label = field.label(ChurnBasis::Monthly);
        let unit = field.range().unit;
        assert_eq!(unit.is_money(), label.contains('$'), "{label}");
        assert_eq!(unit.is_percent(), label.contains('%'), "{label}");
    }
}

proptest! {
    /// Whatever the app writes for a value in a field's range, the field
    /// reads back as the same value: the plain field text, the exact
    /// "read as" figure and the grouped figure with two decimals.
    #[test]
    fn what_the_app_writes_reads_back_as_the_same_value(
        unit_index in 0..ALL_UNITS.len(),
        signed in any::<bool>(),
        whole in any::<bool>(),
        t in 0.0..=1.0f64,
        decimals in 0u32..=4,
    ) {
        let unit = ALL_UNITS[unit_index];
        let min = if signed { -1e9 } else { 0.0 };
        let range = if whole { Range::whole(min, 1e9) } else { Range::new(min, 1e9) }.in_unit(unit);
        let scale = if whole { 1.0 } else { 10f64.powi(decimals as i32) };
        let x = (((min + (1e9 - min) * t) * scale).round() / scale).clamp(min, 1e9);
        prop_assert_eq!(range.parse(&format::input_text(x)), Ok(x));
        prop_assert_eq!(range.parse(&format::exact(x, unit)), Ok(x));
        let grouped = format::number(x, 4);
        prop_assert_eq!(range.parse(&grouped), Ok(x), "{}", grouped);
        prop_assert_eq!(range.read(&format::input_text(x)).ok().and_then(|r| r.read_as), None);
    }

    /// Every simulator field reads its own written value back.
    #[test]
    fn every_simulator_field_reads_back_what_it_shows(index in 0..29usize, t in 0.0..=1.0f64) {
        let spec = fields()[index % fields().len()];
        let v = if spec.range.whole {
            (spec.range.min + (spec.range.max - spec.range.min) * t).round()
        } else {
            ((spec.range.min + (spec.range.max - spec.range.min) * t) * 100.0).round() / 100.0
        }
        .clamp(spec.range.min, spec.range.max);
        prop_assert_eq!(spec.range.parse(&format::exact(v, spec.unit)), Ok(v));
        prop_assert_eq!(spec.range.parse(&format::input_text(v)), Ok(v));
    }

    /// No text makes the reader panic, and what it accepts is finite and in
    /// range.
    #[test]
    fn no_text_panics_the_reader(text in "\\PC{0,40}", unit_index in 0..ALL_UNITS.len()) {
        let range = Range::new(-1e6, 1e6).in_unit(ALL_UNITS[unit_index]);
        if let Ok(r) = range.read(&text) {
            prop_assert!(r.value.is_finite() && range.contains(r.value));
        }
        let _ = read_number(&text, ALL_UNITS[unit_index]);
    }

    /// Text built from the characters numbers are typed with: never a
    /// panic, never a non-finite value.
    #[test]
    fn number_like_text_never_panics_the_reader(
        text in "[-−+$ 0-9.,_%kKmM\u{a0}\u{202f}]{0,24}",
        unit_index in 0..ALL_UNITS.len(),
    ) {
        let unit = ALL_UNITS[unit_index];
        if let Ok(t) = read_number(&text, unit) {
            prop_assert!(!t.value.is_nan());
        }
        let range = Range::new(0.0, 1e9).in_unit(unit);
        if let Ok(r) = range.read(&text) {
            prop_assert!(r.value.is_finite() && range.contains(r.value));
        }
    }
}

// ------------------------------------------------------ one percent style

/// The contents of every string literal in a Rust source text (plain, raw
/// and byte strings), with comments and char literals skipped.
fn string_literals(src: &str) -> Vec<String> {
    let chars: Vec<char> = src.chars().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let starts = |i: usize, s: &str| s.chars().enumerate().all(|(k, c)| at(i + k) == c);
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let c = at(i);
        let ident_before = i > 0 && (at(i - 1).is_alphanumeric() || at(i - 1) == '_');
        if starts(i, "//") {
            while i < n && at(i) != '\n' {
                i += 1;
            }
        } else if starts(i, "/*") {
            let mut depth = 0;
            while i < n {
                if starts(i, "/*") {
                    depth += 1;
                    i += 2;
                } else if starts(i, "*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if !ident_before && (c == 'r' || (c == 'b' && at(i + 1) == 'r')) && {
            let mut j = i + if c == 'b' { 2 } else { 1 };
            while at(j) == '#' {
                j += 1;
            }
            at(j) == '"'
        } {
            let mut j = i + if c == 'b' { 2 } else { 1 };
            let mut hashes = 0;
            while at(j) == '#' {
                hashes += 1;
                j += 1;
            }
            let start = j + 1;
            let mut end = start;
            while end < n && !(at(end) == '"' && (1..=hashes).all(|k| at(end + k) == '#')) {
                end += 1;
            }
            out.push(chars[start..end.min(n)].iter().collect());
            i = end + 1 + hashes;
        } else if c == '"' || (c == 'b' && at(i + 1) == '"' && !ident_before) {
            let start = i + if c == 'b' { 2 } else { 1 };
            let mut end = start;
            while end < n && at(end) != '"' {
                end += if at(end) == '\\' { 2 } else { 1 };
            }
            out.push(chars[start..end.min(n)].iter().collect());
            i = end + 1;
        } else if c == '\'' {
            // A char literal ('"', '\'', '\u{2212}') or a lifetime ('a).
            if at(i + 1) == '\\' {
                let mut j = i + 2;
                if at(j) == '\'' {
                    j += 1;
                }
                while j < n && at(j) != '\'' {
                    j += 1;
                }
                i = j + 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_literal_scanner_finds_strings_and_skips_comments_and_chars() {
    let src = r##"
        // "in a comment 5 %"
        /* "in a block /* nested */ 6 %" */
        let q = '"'; let e = '\''; fn f<'a>() {}
        let a = "one {} %";
        let b = r#"raw "quoted" 7 %"#;
        let c = "escaped \" quote";
    "##;
    let found = string_literals(src);
    assert_eq!(
        found,
        vec![
            "one {} %".to_string(),
            "raw \"quoted\" 7 %".to_string(),
            "escaped \\\" quote".to_string()
        ]
    );
}

/// One percent style everywhere: "6%", never "6 %" (US English, like the
/// "$"). Fails on any string literal in src/ where a digit or a format
/// placeholder's "}" is followed by a space (also a no-break or narrow
/// no-break space) and "%".
#[test]
fn no_string_in_the_app_writes_a_space_before_a_percent_sign() {
    let mut files = Vec::new();
    rust_files(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 50, "found only {} source files", files.len());
    let mut offenders = Vec::new();
    for file in &files {
        let Ok(src) = std::fs::read_to_string(file) else {
            continue;
        };
        for literal in string_literals(&src) {
            let chars: Vec<char> = literal.chars().collect();
            let bad = chars.windows(3).any(|w| {
                (w[0].is_ascii_digit() || w[0] == '}')
                    && matches!(w[1], ' ' | '\u{a0}' | '\u{202f}')
                    && w[2] == '%'
            });
            if bad {
                offenders.push(format!("{}: {literal}", file.display()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "write percentages as \"6%\":\n{}",
        offenders.join("\n")
    );
}

/// One source of truth per band (issue 11, "How to prove it"): the
/// benchmark bands are written only by `src/domain/benchmarks.rs`. Any
/// other string literal in src/ that spells a band ("3–7%", "5–12") would
/// drift from the number the reading uses, so it fails here.
#[test]
fn no_benchmark_band_is_written_outside_the_benchmark_table() {
    use gtm_workbench::domain::benchmarks::*;
    let bands = [
        CHURN_SMB_PCT,
        CHURN_MID_MARKET_PCT,
        CHURN_ENTERPRISE_PCT,
        FREEMIUM_TO_PAID_PCT,
        OPT_IN_TRIAL_TO_PAID_PCT,
        CARD_TRIAL_TO_PAID_PCT,
        PQL_TO_PAID_PCT,
        MQL_TO_PAID_PCT,
        GROSS_MARGIN_PCT,
        WIN_RATE_PCT,
        PAYBACK_SMB_MONTHS,
        PAYBACK_MID_MARKET_MONTHS,
        PAYBACK_ENTERPRISE_MONTHS,
    ];
    let spelled: Vec<String> = bands.iter().map(|b| b.span()).collect();
    let mut files = Vec::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    rust_files(&src, &mut files);
    let table = src.join("domain").join("benchmarks.rs");
    let mut offenders = Vec::new();
    for file in files.iter().filter(|f| **f != table) {
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        for literal in string_literals(&text) {
            if let Some(band) = spelled.iter().find(|b| literal.contains(b.as_str())) {
                offenders.push(format!("{} writes {band}: {literal}", file.display()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "take these bands from domain::benchmarks:\n{}",
        offenders.join("\n")
    );
}
