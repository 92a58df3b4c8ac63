//! Native tests for the Assess scoring domain: the question bank, the
//! outcome rules, the properties of the position and the flip, and archetype
//! companies taken from the two source articles.
//!
//! Sources named in the archetype tests:
//! - "article 000": the eamped editorial guide to sales-led vs product-led
//!   growth for SaaS startups (2026), seed file `000_*.txt`.
//! - "article 002": the 2026 scaling guide that draws on OpenView and
//!   Forrester, seed file `002_*.txt`.
#![cfg(not(target_arch = "wasm32"))]
// Helpers outside #[test] functions unwrap too: a panic there fails the test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use gtm_workbench::domain::assess::{
    assess, confidence_formula, edge_distance, edge_margin, fit, flip_sentence, inner_edges,
    motion_at, motion_description, no_flip_sentence, position, progress, question, questions_for,
    rule_conditions, scoring_table, signed, warnings, AssessState, Assessment, ConfidenceParts,
    Factor, Flip, FlipOutcome, Outcome, Weights, BANDS, MARGIN_FLOOR, MARGIN_FULL_AT,
    MAX_FLIP_CHANGES, MAX_WEIGHT, NOT_SURE, QUESTIONS,
};
use gtm_workbench::domain::motion::Motion;
use proptest::prelude::*;

// ---------- helpers ----------

fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(q, o)| ((*q).to_string(), (*o).to_string()))
        .collect()
}

fn ready(outcome: &Outcome) -> &Assessment {
    match outcome {
        Outcome::Ready(a) => a,
        Outcome::NotEnough { scored, needed } => {
            panic!("expected a result, got NotEnough {{ scored: {scored}, needed: {needed} }}")
        }
    }
}

/// Every question answered with its most product-led (`first`) or most
/// sales-led option.
fn all_extreme(sales_led: bool) -> BTreeMap<String, String> {
    QUESTIONS
        .iter()
        .map(|q| {
            let o = if sales_led {
                q.options.last()
            } else {
                q.options.first()
            };
            (q.id.to_string(), o.map_or(NOT_SURE, |o| o.id).to_string())
        })
        .collect()
}

/// Builds answers from per-question choices: an index below the option count
/// picks that option, the next value is "Not sure", anything above leaves the
/// question unanswered.
fn from_choices(choices: &[usize]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (q, c) in QUESTIONS.iter().zip(choices) {
        let n = q.options.len();
        let c = c % (n + 2);
        if c < n {
            out.insert(q.id.to_string(), q.options[c].id.to_string());
        } else if c == n {
            out.insert(q.id.to_string(), NOT_SURE.to_string());
        }
    }
    out
}

fn weights_from(ws: &[u8]) -> Weights {
    let mut w = Weights::uniform(0);
    for (f, v) in Factor::ALL.iter().zip(ws) {
        w.set(*f, *v);
    }
    w
}

fn choices() -> impl Strategy<Value = Vec<usize>> {
    proptest::collection::vec(0usize..7, QUESTIONS.len())
}

fn weight_vec() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(0u8..=MAX_WEIGHT, Factor::ALL.len())
}

// ---------- the question bank ----------

#[test]
fn question_ids_are_unique_and_every_question_has_two_or_more_options_without_not_sure() {
    let mut ids = BTreeSet::new();
    for q in QUESTIONS {
        assert!(ids.insert(q.id), "duplicate question id {}", q.id);
        assert!(q.options.len() >= 2, "{} has fewer than 2 options", q.id);
        let mut opt_ids = BTreeSet::new();
        for o in q.options {
            assert!(
                opt_ids.insert(o.id),
                "duplicate option {} in {}",
                o.id,
                q.id
            );
            assert_ne!(o.id, NOT_SURE, "{} lists Not sure as an option", q.id);
        }
        assert!(q.accepts(NOT_SURE), "{} must accept Not sure", q.id);
    }
}

#[test]
fn every_factor_has_two_to_four_questions() {
    for f in Factor::ALL {
        let n = questions_for(f).count();
        assert!((2..=4).contains(&n), "{} has {n} questions", f.slug());
    }
    assert_eq!(
        QUESTIONS.len(),
        Factor::ALL
            .iter()
            .map(|f| questions_for(*f).count())
            .sum::<usize>()
    );
}

#[test]
fn option_leans_are_within_range_and_listed_product_led_first() {
    for q in QUESTIONS {
        for o in q.options {
            assert!(
                (-100..=100).contains(&o.lean),
                "{}.{} lean {}",
                q.id,
                o.id,
                o.lean
            );
        }
        for pair in q.options.windows(2) {
            assert!(
                pair[0].lean < pair[1].lean,
                "{} options not ordered by lean",
                q.id
            );
        }
    }
}

#[test]
fn texts_are_short_plain_and_present() {
    for q in QUESTIONS {
        assert!(
            q.prompt.ends_with('?') && q.prompt.len() <= 60,
            "prompt: {}",
            q.prompt
        );
        assert!(!q.hint.is_empty() && q.hint.len() <= 90, "hint: {}", q.hint);
        assert!(
            !q.topic.is_empty() && q.topic.len() <= 40,
            "topic: {}",
            q.topic
        );
        for o in q.options {
            assert!(
                !o.label.is_empty() && o.label.len() <= 60,
                "label: {}",
                o.label
            );
            assert!(
                o.reason.ends_with('.') && o.reason.len() <= 80,
                "reason: {}",
                o.reason
            );
        }
    }
}

// Source: article 000, "Critical Factors for Determining Your Growth Path",
// "3. Average Contract Value (ACV) and Pricing Strategy": under $100 a month
// points to PLG, $100–1000 a month to a hybrid, above $1000 a month to SLG.
#[test]
fn price_bands_follow_the_first_article_in_month_and_year_terms() {
    let q = question("price_level").expect("price question");
    let lean = |id: &str| q.option(id).expect("price option").lean;
    assert_eq!(motion_at(f64::from(lean("under_100"))), Motion::ProductLed);
    assert_eq!(
        motion_at(f64::from(lean("to_1k"))),
        Motion::HybridFreemiumEnterprise
    );
    assert!(lean("to_8k") >= 20 && lean("over_8k") >= 60);
    for o in q.options {
        assert!(
            o.label.contains("a month") && o.label.contains("a year"),
            "{}",
            o.label
        );
    }
}

#[test]
fn factor_slugs_round_trip_and_match_their_serde_names() {
    for f in Factor::ALL {
        assert_eq!(Factor::from_slug(f.slug()), Some(f));
        assert_eq!(
            serde_json::to_string(&f).expect("serialize"),
            format!("\"{}\"", f.slug())
        );
        assert!(!f.label().is_empty() && !f.weight_reason().is_empty());
    }
    assert_eq!(Factor::from_slug("nope"), None);
}

#[test]
fn default_weights_put_pricing_and_audience_highest_and_stay_in_range() {
    let w = Weights::default();
    w.validate().expect("defaults valid");
    let top = Factor::ALL.iter().map(|f| w.get(*f)).max().unwrap_or(0);
    assert_eq!(w.get(Factor::Pricing), top);
    assert_eq!(w.get(Factor::Audience), top);
    for f in [
        Factor::Product,
        Factor::Market,
        Factor::Funding,
        Factor::Culture,
    ] {
        assert!(w.get(f) < top && w.get(f) > 0, "{}", f.slug());
    }
}

// ---------- not enough answers ----------

#[test]
fn all_not_sure_gives_no_result() {
    let all_not_sure: BTreeMap<String, String> = QUESTIONS
        .iter()
        .map(|q| (q.id.to_string(), NOT_SURE.to_string()))
        .collect();
    assert_eq!(
        assess(&all_not_sure, &Weights::default()),
        Outcome::NotEnough {
            scored: 0,
            needed: 6
        }
    );
    assert_eq!(position(&all_not_sure, &Weights::default()), None);
    // …yet every one of them counts as answered.
    let p = progress(&all_not_sure);
    assert_eq!((p.answered, p.total), (QUESTIONS.len(), QUESTIONS.len()));
    assert_eq!(
        p.text(),
        format!("{n} of {n} answered", n = QUESTIONS.len())
    );
}

#[test]
fn all_weights_zero_gives_no_result_even_when_everything_is_answered() {
    let w = Weights::uniform(0);
    assert_eq!(w.active_count(), 0);
    assert!(matches!(
        assess(&all_extreme(true), &w),
        Outcome::NotEnough { scored: 0, .. }
    ));
}

#[test]
fn a_result_needs_one_scored_answer_per_counted_factor_on_average() {
    // Five concrete answers, all in the audience and product factors.
    let mut a = answers(&[
        ("aud_size", "small"),
        ("aud_signer", "user"),
        ("aud_people", "one"),
        ("prod_ttv", "minutes"),
        ("prod_setup", "none"),
        ("price_buy", NOT_SURE),
    ]);
    assert_eq!(
        assess(&a, &Weights::default()),
        Outcome::NotEnough {
            scored: 5,
            needed: 6
        }
    );
    a.insert("aud_tech".into(), "explore".into());
    assert!(matches!(assess(&a, &Weights::default()), Outcome::Ready(_)));
}

#[test]
fn answers_in_excluded_factors_do_not_count_toward_enough() {
    let mut w = Weights::default();
    w.set(Factor::Market, 0);
    w.set(Factor::Funding, 0);
    w.set(Factor::Culture, 0);
    let a = answers(&[
        ("mkt_known", "known"),
        ("mkt_rivals", "self_serve"),
        ("fund_team", "product"),
        ("cul_wins", "usage"),
        ("aud_size", "small"),
        ("prod_ttv", "minutes"),
    ]);
    assert_eq!(
        assess(&a, &w),
        Outcome::NotEnough {
            scored: 2,
            needed: 3
        }
    );
}

// ---------- bands and fit ----------

#[test]
fn band_edges_go_to_the_outer_motion() {
    assert_eq!(motion_at(-100.0), Motion::ProductLed);
    assert_eq!(motion_at(-60.0), Motion::ProductLed);
    assert_eq!(motion_at(-59.9), Motion::ProductLedSalesAssist);
    assert_eq!(motion_at(-20.0), Motion::ProductLedSalesAssist);
    assert_eq!(motion_at(-19.9), Motion::HybridFreemiumEnterprise);
    assert_eq!(motion_at(19.9), Motion::HybridFreemiumEnterprise);
    assert_eq!(motion_at(20.0), Motion::SalesLedProductAdoption);
    assert_eq!(motion_at(59.9), Motion::SalesLedProductAdoption);
    assert_eq!(motion_at(60.0), Motion::SalesLed);
    assert_eq!(motion_at(100.0), Motion::SalesLed);
}

#[test]
fn bands_tile_the_spectrum_and_each_centre_fits_its_motion_fully() {
    assert_eq!(BANDS[0].lo, -100.0);
    assert_eq!(BANDS[4].hi, 100.0);
    for pair in BANDS.windows(2) {
        assert_eq!(pair[0].hi, pair[1].lo);
    }
    for b in BANDS {
        assert_eq!(motion_at(b.centre), b.motion);
        assert_eq!(fit(b.motion, b.centre), 100);
        assert_eq!(fit(b.motion, b.hi), 75);
    }
    assert_eq!(fit(Motion::ProductLed, 80.0), 0);
}

#[test]
fn every_motion_has_a_distinct_description() {
    let texts: BTreeSet<&str> = Motion::ALL.iter().map(|m| motion_description(*m)).collect();
    assert_eq!(texts.len(), 5);
    assert!(texts.iter().all(|t| !t.is_empty() && t.len() <= 200));
}

// ---------- properties ----------

proptest! {
    #[test]
    fn position_ranking_and_confidence_stay_within_bounds(c in choices(), ws in weight_vec()) {
        let a = from_choices(&c);
        let w = weights_from(&ws);
        if let Outcome::Ready(r) = assess(&a, &w) {
            prop_assert!(r.position.is_finite() && (-100.0..=100.0).contains(&r.position));
            prop_assert_eq!(r.motion, motion_at(r.position));
            prop_assert!(r.confidence <= 100);
            let parts = r.confidence_parts;
            for x in [parts.coverage, parts.agreement, parts.margin] {
                prop_assert!(x.is_finite() && (0.0..=1.0).contains(&x), "{:?}", parts);
            }
            prop_assert!(parts.margin >= MARGIN_FLOOR);
            prop_assert_eq!(r.confidence, parts.percent());
            prop_assert_eq!(r.ranking.len(), 5);
            prop_assert_eq!(r.ranking[0].0, r.motion);
            let distinct: BTreeSet<Motion> = r.ranking.iter().map(|x| x.0).collect();
            prop_assert_eq!(distinct.len(), 5);
            for pair in r.ranking.windows(2) {
                prop_assert!(pair[0].1 >= pair[1].1);
            }
            let sum: f64 = r.factors.iter().map(|f| f.contribution).sum();
            prop_assert!((sum - r.position).abs() < 1e-9);
            for f in &r.factors {
                prop_assert!(f.contribution.is_finite());
                if f.weight == 0 {
                    prop_assert_eq!(f.contribution, 0.0);
                }
                if let Some(l) = f.lean {
                    prop_assert!(l.is_finite() && (-100.0..=100.0).contains(&l));
                }
                prop_assert!(!f.why.is_empty());
            }
            prop_assert_eq!(Some(r.position), position(&a, &w));
        } else {
            prop_assert_eq!(position(&a, &w), None);
        }
    }

    #[test]
    fn moving_one_answer_toward_sales_led_never_moves_the_position_toward_product_led(
        c in choices(), ws in weight_vec(), qi in 0usize..QUESTIONS.len(),
        i in 0usize..5, j in 0usize..5,
    ) {
        let q = &QUESTIONS[qi];
        let (lo, hi) = (i % q.options.len(), j % q.options.len());
        let (from, to) = if q.options[lo].lean <= q.options[hi].lean { (lo, hi) } else { (hi, lo) };
        let w = weights_from(&ws);
        let mut a = from_choices(&c);
        a.insert(q.id.to_string(), q.options[from].id.to_string());
        let before = position(&a, &w);
        a.insert(q.id.to_string(), q.options[to].id.to_string());
        let after = position(&a, &w);
        prop_assert_eq!(before.is_some(), after.is_some());
        if let (Some(b), Some(af)) = (before, after) {
            prop_assert!(af >= b, "{} → {}: {} fell to {}", q.options[from].id, q.options[to].id, b, af);
        }
    }

    #[test]
    fn a_factor_with_weight_zero_changes_nothing(
        c1 in choices(), c2 in choices(), ws in weight_vec(), fi in 0usize..6,
    ) {
        let excluded = Factor::ALL[fi];
        let mut w = weights_from(&ws);
        w.set(excluded, 0);
        let a1 = from_choices(&c1);
        // Same answers outside the excluded factor, different ones inside it.
        let mut a2 = a1.clone();
        for (q, c) in QUESTIONS.iter().zip(&c2) {
            if q.factor == excluded {
                a2.remove(q.id);
                let n = q.options.len();
                if c % (n + 2) < n {
                    a2.insert(q.id.to_string(), q.options[c % (n + 2)].id.to_string());
                } else if c % (n + 2) == n {
                    a2.insert(q.id.to_string(), NOT_SURE.to_string());
                }
            }
        }
        match (assess(&a1, &w), assess(&a2, &w)) {
            (Outcome::Ready(r1), Outcome::Ready(r2)) => {
                prop_assert_eq!(r1.position, r2.position);
                prop_assert_eq!(r1.motion, r2.motion);
                prop_assert_eq!(&r1.ranking, &r2.ranking);
                prop_assert_eq!(r1.confidence, r2.confidence);
                prop_assert_eq!(&r1.flip, &r2.flip);
                for (f1, f2) in r1.factors.iter().zip(&r2.factors) {
                    prop_assert_eq!(f1.contribution, f2.contribution);
                    if f1.factor != excluded {
                        prop_assert_eq!(f1, f2);
                    }
                }
            }
            (o1, o2) => prop_assert_eq!(o1, o2),
        }
    }
}

// ---------- the flip: a plain search to compare with ----------

/// What a deliberately plain search finds: every set of one, then two, then
/// three answered questions (in factors that count), each moved to every
/// other concrete option, scored with the public `position`. Written from
/// the rule in issue 11, item 7, without the production search's running
/// sums.
struct Plain {
    /// The fewest changes that give another motion, if three or fewer do.
    fewest: Option<usize>,
    /// The flip the rule picks among those: smallest |position move|, then
    /// questionnaire order of (question, option) pairs.
    best: Option<(f64, Vec<(usize, usize)>)>,
    /// The lowest and highest positions any tried set of changes reaches.
    lo: f64,
    hi: f64,
}

fn plain_search(a: &BTreeMap<String, String>, w: &Weights, max: usize) -> Plain {
    let p0 = position(a, w).expect("the answers have a result");
    let m0 = motion_at(p0);
    let changeable: Vec<usize> = (0..QUESTIONS.len())
        .filter(|&i| w.get(QUESTIONS[i].factor) > 0 && a.contains_key(QUESTIONS[i].id))
        .collect();
    let mut out = Plain {
        fewest: None,
        best: None,
        lo: p0,
        hi: p0,
    };
    for k in 1..=max {
        for qs in subsets(&changeable, k) {
            // Every combination of other options for these questions.
            let mut picks = vec![0usize; k];
            loop {
                let current_ok = qs.iter().zip(&picks).all(|(&qi, &oi)| {
                    a.get(QUESTIONS[qi].id).map(String::as_str)
                        != Some(QUESTIONS[qi].options[oi].id)
                });
                if current_ok {
                    let mut t = a.clone();
                    for (&qi, &oi) in qs.iter().zip(&picks) {
                        let q = &QUESTIONS[qi];
                        t.insert(q.id.to_string(), q.options[oi].id.to_string());
                    }
                    let p = position(&t, w).expect("changes keep a result");
                    out.lo = out.lo.min(p);
                    out.hi = out.hi.max(p);
                    if motion_at(p) != m0 {
                        let key: Vec<(usize, usize)> =
                            qs.iter().copied().zip(picks.iter().copied()).collect();
                        let moved = (p - p0).abs();
                        let better = match &out.best {
                            None => true,
                            Some((bm, bk)) => moved < *bm || (moved == *bm && key < *bk),
                        };
                        if better {
                            out.best = Some((moved, key));
                        }
                    }
                }
                // Next combination of option indices (odometer).
                let mut d = 0;
                while d < k {
                    picks[d] += 1;
                    if picks[d] < QUESTIONS[qs[d]].options.len() {
                        break;
                    }
                    picks[d] = 0;
                    d += 1;
                }
                if d == k {
                    break;
                }
            }
        }
        if out.best.is_some() {
            out.fewest = Some(k);
            return out;
        }
    }
    out
}

/// All k-element subsets of `items`, in lexicographic order.
fn subsets(items: &[usize], k: usize) -> Vec<Vec<usize>> {
    if k == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for (i, &x) in items.iter().enumerate() {
        for mut rest in subsets(&items[i + 1..], k - 1) {
            rest.insert(0, x);
            out.push(rest);
        }
    }
    out
}

/// Checks a flip outcome against the plain search.
fn check_against_plain(
    a: &BTreeMap<String, String>,
    w: &Weights,
    r: &Assessment,
) -> Result<(), TestCaseError> {
    let plain = plain_search(a, w, MAX_FLIP_CHANGES);
    match &r.flip {
        FlipOutcome::Found(flip) => {
            prop_assert_eq!(
                Some(flip.changes.len()),
                plain.fewest,
                "{}",
                flip_sentence(flip)
            );
            let (moved, key) = plain.best.clone().expect("plain search found one");
            prop_assert_eq!((flip.position - r.position).abs(), moved);
            let expected: Vec<(&str, &str)> = key
                .iter()
                .map(|&(qi, oi)| (QUESTIONS[qi].id, QUESTIONS[qi].options[oi].id))
                .collect();
            prop_assert_eq!(&flip.changes, &expected);
            let again = assess(&flip.apply(a), w);
            prop_assert_eq!(ready(&again).motion, flip.to);
            prop_assert_ne!(flip.to, r.motion);
            for (q, o) in &flip.changes {
                prop_assert!(a.contains_key(*q), "flip touches unanswered {}", q);
                prop_assert_ne!(*o, NOT_SURE);
            }
            prop_assert!(flip_sentence(flip).contains(flip.to.label()));
        }
        FlipOutcome::None { reason } => {
            prop_assert_eq!(plain.fewest, None);
            for e in &reason.edges {
                let closest = if e.edge < r.position {
                    plain.lo
                } else {
                    plain.hi
                };
                prop_assert!((e.closest - closest).abs() < 1e-9);
                prop_assert_eq!(motion_at(e.closest), r.motion);
            }
            prop_assert!(!no_flip_sentence(reason).is_empty());
        }
    }
    Ok(())
}

/// Every question answered with one of the two options at one end of it:
/// complete answer sets whose position sits deep in a band more often than
/// uniformly random ones do.
fn one_ended() -> impl Strategy<Value = BTreeMap<String, String>> {
    (
        any::<bool>(),
        proptest::collection::vec(0usize..2, QUESTIONS.len()),
    )
        .prop_map(|(sales, picks)| {
            QUESTIONS
                .iter()
                .zip(picks)
                .map(|(q, i)| {
                    let n = q.options.len();
                    let o = if sales { n - 1 - i } else { i };
                    (q.id.to_string(), q.options[o].id.to_string())
                })
                .collect()
        })
}

proptest! {
    // Issue 11, item 7: the flip is the fewest answers changed, then the
    // smallest move of the position, then questionnaire order; up to three.
    #[test]
    fn the_flip_is_what_a_plain_search_finds_for_any_answers_and_weights(
        c in choices(), ws in weight_vec(),
    ) {
        let a = from_choices(&c);
        let w = weights_from(&ws);
        if let Outcome::Ready(r) = assess(&a, &w) {
            check_against_plain(&a, &w, &r)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn on_complete_answer_sets_the_flip_is_what_a_plain_search_finds(
        a in one_ended(), ws in weight_vec(), default in any::<bool>(),
    ) {
        let w = if default { Weights::default() } else { weights_from(&ws) };
        if let Outcome::Ready(r) = assess(&a, &w) {
            check_against_plain(&a, &w, &r)?;
        }
    }
}

// ---------- confidence ----------

fn from_json(json: &str) -> BTreeMap<String, String> {
    serde_json::from_str(json).expect("answer set")
}

#[test]
fn confidence_falls_with_fewer_answers() {
    let full = all_extreme(false);
    let half: BTreeMap<String, String> = full
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, kv)| (kv.0.clone(), kv.1.clone()))
        .collect();
    let w = Weights::default();
    let c_full = ready(&assess(&full, &w)).confidence;
    let c_half = ready(&assess(&half, &w)).confidence;
    assert!(c_half < c_full, "{c_half} !< {c_full}");
}

#[test]
fn confidence_falls_when_factors_disagree() {
    let pl = all_extreme(false);
    let sl = all_extreme(true);
    // Audience, product and pricing sales-led; the rest product-led.
    let split: BTreeMap<String, String> = QUESTIONS
        .iter()
        .map(|q| {
            let src = match q.factor {
                Factor::Audience | Factor::Product | Factor::Pricing => &sl,
                _ => &pl,
            };
            (q.id.to_string(), src.get(q.id).cloned().unwrap_or_default())
        })
        .collect();
    let w = Weights::uniform(5);
    let agreed = ready(&assess(&pl, &w)).confidence;
    let split_c = ready(&assess(&split, &w)).confidence;
    assert!(split_c + 30 < agreed, "{split_c} vs {agreed}");
}

/// Issue 11, item 6: a result a hair inside a band edge is a near coin toss
/// with the neighbouring motion. Two complete answer sets (coverage 1 both),
/// both sales-led with product adoption: one 0.14 points inside the +60 edge
/// whose answers agree slightly *better* than those of the other, which sits
/// at +40.3, 19.7 points inside. The old formula (coverage × agreement of
/// the factor leans) gave them 90 % and 83 %.
#[test]
fn an_answer_set_hugging_a_band_edge_is_less_confident_than_one_deep_in_the_same_band() {
    let w = Weights::default();
    let edge = from_json(
        r#"{"aud_people":"several","aud_signer":"executive","aud_size":"enterprise","aud_tech":"guided",
        "cul_roadmap":"accounts","cul_vision":"few","cul_wins":"both","fund_runway":"funded",
        "fund_sellers":"few","fund_team":"sales","mkt_crowd":"locked","mkt_known":"new",
        "mkt_rivals":"sales","price_buy":"quote","price_growth":"upsell","price_level":"to_8k",
        "prod_setup":"project","prod_ttv":"months","prod_value":"company","prod_viral":"no"}"#,
    );
    let deep = from_json(
        r#"{"aud_people":"several","aud_signer":"executive","aud_size":"mid","aud_tech":"mixed",
        "cul_roadmap":"mix","cul_vision":"few","cul_wins":"both","fund_runway":"funded",
        "fund_sellers":"few","fund_team":"sales","mkt_crowd":"locked","mkt_known":"new",
        "mkt_rivals":"sales","price_buy":"quote","price_growth":"upsell","price_level":"to_8k",
        "prod_setup":"integration","prod_ttv":"days","prod_value":"team","prod_viral":"no"}"#,
    );
    let e = ready(&assess(&edge, &w)).clone();
    let d = ready(&assess(&deep, &w)).clone();
    assert_eq!(e.motion, Motion::SalesLedProductAdoption);
    assert_eq!(d.motion, Motion::SalesLedProductAdoption);
    assert!(edge_distance(e.position) < 0.2, "{}", e.position);
    assert!(edge_distance(d.position) > 19.0, "{}", d.position);
    assert_eq!(e.confidence_parts.coverage, d.confidence_parts.coverage);
    assert!(e.confidence_parts.agreement >= d.confidence_parts.agreement);
    assert!(
        e.confidence + 20 < d.confidence,
        "edge {} vs deep {}",
        e.confidence,
        d.confidence
    );
}

/// The margin as issue 11, item 6 asks and the module docs publish it:
/// 0.5 on an inner edge, 1 from half a band (20 points) inside, linear in
/// between; ±100 are not edges.
#[test]
fn the_margin_is_half_on_an_edge_and_full_from_half_a_band_inside() {
    for e in [-60.0, -20.0, 20.0, 60.0] {
        assert_eq!(edge_margin(e), MARGIN_FLOOR);
    }
    assert_eq!(inner_edges(), [-60.0, -20.0, 20.0, 60.0]);
    assert_eq!(edge_margin(0.0), 1.0);
    assert_eq!(edge_margin(70.0), 0.75);
    assert_eq!(edge_margin(-25.0), 0.625);
    for p in [-100.0, -80.0, 80.0, 100.0] {
        assert_eq!(edge_margin(p), 1.0, "{p}");
    }
    let text = confidence_formula();
    assert!(
        text.contains(&format!("{MARGIN_FLOOR} on the edge")),
        "{text}"
    );
    assert!(text.contains(&format!("{MARGIN_FULL_AT} points")), "{text}");
    assert!(scoring_table().contains(&text));
}

/// Issue 11, item 6: answers within one factor that pull opposite ways (a
/// single decider, yet a buying committee signs) lower confidence against
/// the same factor answered consistently. With only the audience factor
/// counting, the two sets sit at +7.5 and −7.5, so their margins are equal
/// and only agreement differs.
#[test]
fn a_single_decider_beside_a_buying_committee_lowers_confidence() {
    let contradictory = answers(&[
        ("aud_people", "one"),
        ("aud_signer", "procurement"),
        ("aud_size", "mid"),
        ("aud_tech", "mixed"),
    ]);
    let consistent = answers(&[
        ("aud_people", "few"),
        ("aud_signer", "manager"),
        ("aud_size", "mid"),
        ("aud_tech", "mixed"),
    ]);
    let mut only_audience = Weights::uniform(0);
    only_audience.set(Factor::Audience, 10);
    let c = ready(&assess(&contradictory, &only_audience)).clone();
    let k = ready(&assess(&consistent, &only_audience)).clone();
    assert_eq!(c.position, 7.5);
    assert_eq!(k.position, -7.5);
    assert_eq!(c.confidence_parts.margin, k.confidence_parts.margin);
    assert_eq!(c.confidence_parts.coverage, k.confidence_parts.coverage);
    assert!(
        c.confidence + 20 < k.confidence,
        "{} vs {}",
        c.confidence,
        k.confidence
    );

    // The same contrast inside a whole mid-market answer set, default weights.
    let mut whole_c = mid_market_tool();
    let mut whole_k = mid_market_tool();
    for (q, o) in &contradictory {
        whole_c.insert(q.clone(), o.clone());
    }
    for (q, o) in &consistent {
        whole_k.insert(q.clone(), o.clone());
    }
    let w = Weights::default();
    let wc = ready(&assess(&whole_c, &w)).clone();
    let wk = ready(&assess(&whole_k, &w)).clone();
    assert_eq!(wc.motion, wk.motion);
    assert!(wc.confidence_parts.agreement < wk.confidence_parts.agreement);
    assert!(
        wc.confidence < wk.confidence,
        "{} vs {}",
        wc.confidence,
        wk.confidence
    );
}

proptest! {
    /// Issue 11, item 6: with coverage and agreement held, confidence never
    /// falls as the position moves from an inner edge toward the middle of
    /// its band (for the outer bands, on toward ±100).
    #[test]
    fn confidence_never_falls_as_the_position_moves_from_an_edge_inward(
        edge_i in 0usize..4, upward in any::<bool>(),
        t1 in 0.0f64..=40.0, t2 in 0.0f64..=40.0,
        coverage in 0.0f64..=1.0, agreement in 0.0f64..=1.0,
    ) {
        let edge = inner_edges()[edge_i];
        // Inward: above the edge into the upper band, or below into the lower.
        let dir = if upward { 1.0 } else { -1.0 };
        let outer = (edge_i == 3 && upward) || (edge_i == 0 && !upward);
        let half = if outer { 40.0 } else { 20.0 };
        let (near, far) = if t1 <= t2 { (t1, t2) } else { (t2, t1) };
        let (near, far) = (near.min(half), far.min(half));
        let p_near = edge + dir * near;
        let p_far = edge + dir * far;
        if near > 0.0 {
            prop_assert_eq!(motion_at(p_near), motion_at(p_far));
        }
        prop_assert!(edge_margin(p_far) >= edge_margin(p_near));
        let at = |p: f64| ConfidenceParts { coverage, agreement, margin: edge_margin(p) }.percent();
        prop_assert!(at(p_far) >= at(p_near), "{} at {} vs {} at {}", at(p_far), p_far, at(p_near), p_near);
    }

    /// The figure follows a plain reading of the published formula: every
    /// scored answer weighs w_f / n_f, the spread is their weighted standard
    /// deviation around the position, and the margin comes from the
    /// distance to the nearest of −60, −20, +20, +60.
    #[test]
    fn confidence_follows_a_plain_reading_of_the_published_formula(
        c in choices(), ws in weight_vec(),
    ) {
        let a = from_choices(&c);
        let w = weights_from(&ws);
        let Outcome::Ready(r) = assess(&a, &w) else { return Ok(()); };
        let mut leans: Vec<(f64, f64)> = Vec::new(); // (lean, weight)
        let (mut scored, mut asked) = (0usize, 0usize);
        for f in Factor::ALL.iter().filter(|f| w.get(**f) > 0) {
            let mine: Vec<f64> = questions_for(*f)
                .filter_map(|q| q.option(a.get(q.id)?))
                .map(|o| f64::from(o.lean))
                .collect();
            asked += questions_for(*f).count();
            scored += mine.len();
            for l in &mine {
                leans.push((*l, f64::from(w.get(*f)) / mine.len() as f64));
            }
        }
        let total: f64 = leans.iter().map(|x| x.1).sum();
        let p: f64 = leans.iter().map(|x| x.0 * x.1).sum::<f64>() / total;
        prop_assert!((p - r.position).abs() < 1e-9);
        let s = (leans.iter().map(|x| x.1 * (x.0 - p).powi(2)).sum::<f64>() / total).sqrt();
        let d = [-60.0f64, -20.0, 20.0, 60.0].iter().map(|e| (p - e).abs()).fold(f64::MAX, f64::min);
        let coverage = scored as f64 / asked as f64;
        let agreement = 1.0 - s / 100.0;
        let margin = 0.5 + 0.5 * (d / 20.0).min(1.0);
        prop_assert!((r.confidence_parts.coverage - coverage).abs() < 1e-9);
        prop_assert!((r.confidence_parts.agreement - agreement).abs() < 1e-9);
        prop_assert!((r.confidence_parts.margin - margin).abs() < 1e-9);
        let expected = 100.0 * coverage * agreement * margin;
        prop_assert!((f64::from(r.confidence) - expected).abs() <= 0.5 + 1e-9, "{} vs {}", r.confidence, expected);
    }
}

// ---------- per-factor explanation ----------

#[test]
fn factor_explanations_name_the_strongest_answer_and_excluded_factors() {
    let mut w = Weights::default();
    w.set(Factor::Culture, 0);
    let a = all_extreme(true);
    let r = ready(&assess(&a, &w)).clone();
    let audience = &r.factors[0];
    assert_eq!(audience.factor, Factor::Audience);
    let strongest = question("aud_signer")
        .and_then(|q| q.option("procurement"))
        .expect("option");
    assert!(audience.why.contains(strongest.reason), "{}", audience.why);
    assert!(audience.why.starts_with("Strongly sales-led"));
    let culture = r
        .factors
        .iter()
        .find(|f| f.factor == Factor::Culture)
        .expect("culture");
    assert_eq!(culture.contribution, 0.0);
    assert!(culture.why.contains("weight is 0"));
}

// ---------- warnings ----------

#[test]
fn contradiction_rules_refer_only_to_real_questions_and_options() {
    for (id, conds) in rule_conditions() {
        for (qid, opts) in conds {
            let q = question(qid).unwrap_or_else(|| panic!("{id}: unknown question {qid}"));
            for o in *opts {
                assert!(q.option(o).is_some(), "{id}: {qid} has no option {o}");
            }
        }
    }
}

#[test]
fn a_low_monthly_price_sold_to_large_enterprises_is_flagged() {
    let w = warnings(&answers(&[
        ("price_level", "under_100"),
        ("aud_size", "enterprise"),
        ("aud_signer", "procurement"),
    ]));
    let ids: Vec<&str> = w.iter().map(|x| x.id).collect();
    assert!(ids.contains(&"low_price_enterprise") && ids.contains(&"low_price_procurement"));
}

#[test]
fn a_high_acv_with_no_sales_capacity_is_flagged() {
    let w = warnings(&answers(&[
        ("price_level", "over_8k"),
        ("fund_sellers", "nobody"),
    ]));
    assert_eq!(
        w.iter().map(|x| x.id).collect::<Vec<_>>(),
        ["high_price_no_sellers"]
    );
}

#[test]
fn a_long_time_to_value_with_a_self_serve_plan_is_flagged() {
    let w = warnings(&answers(&[("prod_ttv", "months"), ("price_buy", "trial")]));
    assert_eq!(
        w.iter().map(|x| x.id).collect::<Vec<_>>(),
        ["slow_value_self_serve"]
    );
}

#[test]
fn not_sure_never_triggers_a_warning_and_consistent_answers_raise_none() {
    let a = answers(&[("price_level", NOT_SURE), ("aud_size", "enterprise")]);
    assert!(warnings(&a).is_empty());
    assert!(warnings(&all_extreme(true)).is_empty());
    assert!(warnings(&all_extreme(false)).is_empty());
}

// ---------- the flip: sentences and worked examples ----------

#[test]
fn flip_sentences_read_as_one_plain_sentence() {
    let one = Flip {
        changes: vec![("price_level", "to_1k")],
        to: Motion::HybridFreemiumEnterprise,
        position: 0.0,
    };
    assert_eq!(
        flip_sentence(&one),
        "If the price per customer were “$100–1,000 a month ($1.2K–12K a year)”, \
         the recommendation would be Hybrid: freemium to enterprise."
    );
    let two = Flip {
        changes: vec![("aud_signer", "procurement"), ("fund_sellers", "team")],
        to: Motion::SalesLed,
        position: 70.0,
    };
    assert_eq!(
        flip_sentence(&two),
        "If the person who signs were “A buying committee or procurement” and your sales \
         capacity were “A sales team with a manager”, the recommendation would be Sales-led."
    );
    let three = Flip {
        changes: vec![
            ("aud_signer", "procurement"),
            ("mkt_rivals", "sales"),
            ("fund_sellers", "team"),
        ],
        to: Motion::SalesLed,
        position: 61.0,
    };
    assert_eq!(
        flip_sentence(&three),
        "If the person who signs were “A buying committee or procurement”, how rivals sell \
         were “Through sales teams and demos” and your sales capacity were “A sales team with \
         a manager”, the recommendation would be Sales-led."
    );
}

#[test]
fn a_company_near_a_band_edge_gets_a_one_answer_flip_to_the_neighbouring_motion() {
    // Every answer at its most sales-led except a well-known, crowded market
    // and a product people use on their own: about 10 points inside sales-led.
    let mut a = all_extreme(true);
    a.insert("mkt_known".into(), "known".into());
    a.insert("mkt_crowd".into(), "crowded".into());
    a.insert("mkt_rivals".into(), "mixed".into());
    a.insert("fund_runway".into(), "seed".into());
    let w = Weights::default();
    let r = ready(&assess(&a, &w)).clone();
    assert_eq!(r.motion, Motion::SalesLed);
    let flip = r.flip.flip().cloned().expect("a flip");
    assert_eq!(flip.changes.len(), 1, "{}", flip_sentence(&flip));
    assert_eq!(flip.to, Motion::SalesLedProductAdoption);
    assert_eq!(ready(&assess(&flip.apply(&a), &w)).motion, flip.to);
}

#[test]
fn a_company_deep_inside_a_band_needs_two_changes_when_no_single_one_will_do() {
    let a = all_extreme(false);
    let w = Weights::default();
    let r = ready(&assess(&a, &w)).clone();
    // About −77 with the default weights; no single answer moves the
    // position by more than about 15 points when all 20 are answered.
    assert!(r.position < -75.0, "{}", r.position);
    assert_eq!(plain_search(&a, &w, 1).fewest, None);
    let flip = r.flip.flip().cloned().expect("a flip");
    assert_eq!(flip.changes.len(), 2, "{}", flip_sentence(&flip));
}

/// Issue 11, item 7: turning "Not sure" into an answer is one change, not a
/// free one. Here the product's value is "Not sure" and the position is
/// −62.7. Answering it "team" (lean 0) would flip the result with a lean
/// move of 0, which the old cost (|new − old| with "Not sure" as 0) picked;
/// but it moves the position 3.3 points, while changing what counts as a win
/// from "usage" to "both" moves it only 3.0 points.
#[test]
fn filling_in_a_not_sure_is_one_change_like_any_other_not_a_free_one() {
    let a = from_json(
        r#"{"aud_people":"one","aud_signer":"user","aud_size":"not_sure","aud_tech":"explore",
        "cul_roadmap":"mix","cul_vision":"thousands","cul_wins":"usage","fund_runway":"seed",
        "fund_sellers":"few","fund_team":"product","mkt_crowd":"crowded","mkt_known":"known",
        "mkt_rivals":"mixed","price_buy":"free_plan","price_growth":"usage","price_level":"under_100",
        "prod_setup":"none","prod_ttv":"minutes","prod_value":"not_sure","prod_viral":"some"}"#,
    );
    let w = Weights::default();
    let r = ready(&assess(&a, &w)).clone();
    assert_eq!(r.motion, Motion::ProductLed);
    let mut filled = a.clone();
    filled.insert("prod_value".into(), "team".into());
    let p_filled = position(&filled, &w).expect("result");
    assert_eq!(motion_at(p_filled), Motion::ProductLedSalesAssist);
    let flip = r.flip.flip().cloned().expect("a flip");
    assert_eq!(flip.changes, vec![("cul_wins", "both")]);
    assert!((flip.position - r.position).abs() < (p_filled - r.position).abs());
}

/// Issue 11, item 7: a "Not sure" turned into an answer can itself be the
/// flip, as one change. The team's strength is "Not sure" at +20.6, just
/// inside sales-led with product adoption.
#[test]
fn a_not_sure_turned_into_an_answer_can_be_the_one_change_that_flips_it() {
    let a = from_json(
        r#"{"aud_people":"many","aud_signer":"procurement","aud_size":"enterprise","aud_tech":"guided",
        "cul_roadmap":"data","cul_vision":"thousands","cul_wins":"deals","fund_runway":"funded",
        "fund_sellers":"nobody","fund_team":"not_sure","mkt_crowd":"crowded","mkt_known":"new",
        "mkt_rivals":"sales","price_buy":"tiers_plus","price_growth":"usage","price_level":"to_8k",
        "prod_setup":"project","prod_ttv":"minutes","prod_value":"task","prod_viral":"no"}"#,
    );
    let w = Weights::default();
    let r = ready(&assess(&a, &w)).clone();
    assert_eq!(r.motion, Motion::SalesLedProductAdoption);
    let flip = r.flip.flip().cloned().expect("a flip");
    assert_eq!(flip.changes, vec![("fund_team", "product")]);
    assert_eq!(flip.to, Motion::HybridFreemiumEnterprise);
    assert_eq!(plain_search(&a, &w, 3).fewest, Some(1));
}

/// Issue 11, item 7: the search goes on to three changes. At +51.8, no
/// single answer and no pair reaches the +60 edge of sales-led; three do.
#[test]
fn a_company_that_needs_three_changes_gets_a_three_answer_flip() {
    let a = from_json(
        r#"{"aud_people":"many","aud_signer":"executive","aud_size":"enterprise","aud_tech":"guided",
        "cul_roadmap":"mix","cul_vision":"thousands","cul_wins":"deals","fund_runway":"funded",
        "fund_sellers":"few","fund_team":"both","mkt_crowd":"locked","mkt_known":"growing",
        "mkt_rivals":"mixed","price_buy":"contract","price_growth":"upsell","price_level":"to_8k",
        "prod_setup":"project","prod_ttv":"days","prod_value":"company","prod_viral":"no"}"#,
    );
    let w = Weights::default();
    let r = ready(&assess(&a, &w)).clone();
    assert_eq!(r.motion, Motion::SalesLedProductAdoption);
    assert_eq!(plain_search(&a, &w, 2).fewest, None);
    let flip = r.flip.flip().cloned().expect("a flip");
    assert_eq!(flip.changes.len(), 3, "{}", flip_sentence(&flip));
    assert_eq!(ready(&assess(&flip.apply(&a), &w)).motion, flip.to);
    assert_eq!(flip.to, Motion::SalesLed);
}

/// Issue 11, item 7: when three answers cannot move the result, say why.
/// With these weights this product-led-with-sales-assist company sits at
/// −49.2; the plain search shows three changes reach −59.5 at the lowest and
/// −22.5 at the highest, short of both edges.
#[test]
fn when_three_answers_cannot_move_the_result_the_reason_says_how_far_they_get() {
    let a = from_json(
        r#"{"aud_people":"one","aud_signer":"manager","aud_size":"small","aud_tech":"explore",
        "cul_roadmap":"data","cul_vision":"thousands","cul_wins":"both","fund_runway":"seed",
        "fund_sellers":"few","fund_team":"product","mkt_crowd":"crowded","mkt_known":"known",
        "mkt_rivals":"self_serve","price_buy":"free_plan","price_growth":"usage","price_level":"under_100",
        "prod_setup":"none","prod_ttv":"hours","prod_value":"team","prod_viral":"core"}"#,
    );
    let w = weights_from(&[9, 9, 4, 10, 7, 6]);
    let r = ready(&assess(&a, &w)).clone();
    assert_eq!(r.motion, Motion::ProductLedSalesAssist);
    let FlipOutcome::None { reason } = &r.flip else {
        panic!("expected no flip, got {:?}", r.flip);
    };
    let plain = plain_search(&a, &w, 3);
    assert_eq!(plain.fewest, None);
    assert_eq!(reason.edges.len(), 2);
    let (low, high) = (&reason.edges[0], &reason.edges[1]);
    assert_eq!((low.edge, low.beyond), (-60.0, Motion::ProductLed));
    assert_eq!(
        (high.edge, high.beyond),
        (-20.0, Motion::HybridFreemiumEnterprise)
    );
    assert!((low.closest - plain.lo).abs() < 1e-9 && (high.closest - plain.hi).abs() < 1e-9);
    assert_eq!(reason.unanswered, 0);
    // The factors named as holding it above −60 lean less product-led than
    // −60: their terms w·(lean + 60)/Σw are positive.
    for f in &low.holding {
        let fr = r.factors.iter().find(|x| x.factor == *f).expect("factor");
        assert!(fr.lean.expect("lean") > -60.0, "{}", f.slug());
    }
    let text = r.flip.sentence();
    assert_eq!(text, no_flip_sentence(reason));
    assert!(text.starts_with("At -49.2, no change of up to three answers leads to another motion."));
    assert!(
        text.contains("to -59.5, short of the -60 edge of Product-led"),
        "{text}"
    );
    assert!(
        text.contains("to -22.5, short of the -20 edge of Hybrid"),
        "{text}"
    );
    assert!(text.contains(low.holding[0].label()), "{text}");

    // Unanswered questions are named as left out of the search.
    let mut partial = a.clone();
    partial.remove("prod_viral");
    if let FlipOutcome::None { reason } = &ready(&assess(&partial, &w)).flip {
        assert_eq!(reason.unanswered, 1);
        assert!(no_flip_sentence(reason).contains("one question left unanswered"));
    }
}

/// Measures the flip search (run with `cargo test --release --test
/// assess_scoring -- --ignored --nocapture flip_search_statistics`): the
/// share of random complete answer sets with no flip, how many changes the
/// flips take, and the slowest `assess` call natively.
#[test]
#[ignore]
fn flip_search_statistics() {
    use std::time::Instant;
    // xorshift64: a fixed, dependency-free sample.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    // Best of 20 runs of `assess`, in milliseconds, to keep out scheduler noise.
    let best_of_20 = |a: &BTreeMap<String, String>, w: &Weights| {
        (0..20)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(assess(a, w));
                t.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::INFINITY, f64::min)
    };
    for (name, weights_random) in [("default weights", false), ("random weights", true)] {
        let n = 200_000;
        let (mut none, mut by_k) = (0usize, [0usize; 4]);
        // The 20 slowest single runs, timed again below.
        let mut slowest: Vec<(f64, BTreeMap<String, String>, Weights)> = Vec::new();
        for _ in 0..n {
            let a: BTreeMap<String, String> = QUESTIONS
                .iter()
                .map(|q| {
                    (
                        q.id.to_string(),
                        q.options[next(q.options.len())].id.to_string(),
                    )
                })
                .collect();
            let mut w = Weights::default();
            if weights_random {
                for f in Factor::ALL {
                    w.set(f, next(11) as u8);
                }
            }
            let t = Instant::now();
            let o = assess(&a, &w);
            let el = t.elapsed().as_secs_f64() * 1e3;
            if slowest.len() < 20 || el > slowest[slowest.len() - 1].0 {
                slowest.push((el, a.clone(), w));
                slowest.sort_by(|x, y| y.0.total_cmp(&x.0));
                slowest.truncate(20);
            }
            match o.assessment().map(|r| &r.flip) {
                Some(FlipOutcome::Found(f)) => by_k[f.changes.len()] += 1,
                Some(FlipOutcome::None { .. }) => none += 1,
                None => {}
            }
        }
        let worst = slowest
            .iter()
            .map(|(_, a, w)| best_of_20(a, w))
            .fold(0.0, f64::max);
        println!(
            "{name}: {n} complete sets, no flip {none} ({:.3} %), flips by changes {:?}, \
             slowest assess {worst:.3} ms (the 20 slowest re-timed, best of 20 each)",
            100.0 * none as f64 / n as f64,
            &by_k[1..]
        );
    }
    // The worst case for time: a complete set where no triple flips, so every
    // triple is tried. Best of 20 runs each, to keep out scheduler noise.
    let a = from_json(
        r#"{"aud_people":"one","aud_signer":"manager","aud_size":"small","aud_tech":"explore",
        "cul_roadmap":"data","cul_vision":"thousands","cul_wins":"both","fund_runway":"seed",
        "fund_sellers":"few","fund_team":"product","mkt_crowd":"crowded","mkt_known":"known",
        "mkt_rivals":"self_serve","price_buy":"free_plan","price_growth":"usage","price_level":"under_100",
        "prod_setup":"none","prod_ttv":"hours","prod_value":"team","prod_viral":"core"}"#,
    );
    let w = weights_from(&[9, 9, 4, 10, 7, 6]);
    let o = assess(&a, &w);
    assert!(matches!(
        o.assessment().map(|r| &r.flip),
        Some(FlipOutcome::None { .. })
    ));
    let best = best_of_20(&a, &w);
    println!("full search, no flip within three changes: {best:.3} ms (best of 20)");
    let mut edge = (0.0, 0usize);
    let mut deep = (0.0, 0usize);
    for _ in 0..50_000 {
        let a: BTreeMap<String, String> = QUESTIONS
            .iter()
            .map(|q| {
                (
                    q.id.to_string(),
                    q.options[next(q.options.len())].id.to_string(),
                )
            })
            .collect();
        if let Some(r) = assess(&a, &Weights::default()).assessment() {
            let d = edge_distance(r.position);
            if d < 2.0 {
                edge = (edge.0 + f64::from(r.confidence), edge.1 + 1);
            } else if d > 15.0 {
                deep = (deep.0 + f64::from(r.confidence), deep.1 + 1);
            }
        }
    }
    println!(
        "mean confidence within 2 points of an edge {:.1} (n {}), more than 15 inside {:.1} (n {})",
        edge.0 / edge.1 as f64,
        edge.1,
        deep.0 / deep.1 as f64,
        deep.1
    );
}

// ---------- saved state ----------

#[test]
fn default_state_is_valid_and_round_trips_through_json() {
    let mut s = AssessState::default();
    s.validate().expect("default valid");
    s.answers.insert("aud_size".into(), "small".into());
    s.answers.insert("prod_ttv".into(), NOT_SURE.into());
    s.chosen_motion = Some(Motion::ProductLedSalesAssist);
    s.validate().expect("valid");
    let json = serde_json::to_string(&s).expect("serialize");
    assert!(json.contains("\"product_led_sales_assist\""));
    let back: AssessState = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(back, s);
    assert_eq!(s.progress().answered, 2);
}

#[test]
fn validate_rejects_unknown_question_and_option_ids_naming_the_field() {
    let mut s = AssessState::default();
    s.answers.insert("aud_shoe_size".into(), "small".into());
    let e = s.validate().expect_err("unknown question");
    assert_eq!(e.field, "assess.answers.aud_shoe_size");

    let mut s = AssessState::default();
    s.answers.insert("aud_size".into(), "galactic".into());
    let e = s.validate().expect_err("unknown option");
    assert_eq!(e.field, "assess.answers.aud_size");
    assert!(e.problem.contains("galactic"));
}

#[test]
fn validate_rejects_weights_above_ten_and_serde_rejects_unknown_fields() {
    let json = r#"{"answers":{},"weights":{"audience":10,"product":8,"pricing":11,"market":5,"funding":4,"culture":5},"chosen_motion":null}"#;
    let s: AssessState = serde_json::from_str(json).expect("parses");
    let e = s.validate().expect_err("weight 11");
    assert_eq!(e.field, "assess.weights.pricing");

    let extra = r#"{"answers":{},"weights":{"audience":10,"product":8,"pricing":10,"market":5,"funding":4,"culture":5},"chosen_motion":null,"mood":"sunny"}"#;
    assert!(serde_json::from_str::<AssessState>(extra).is_err());
    let negative = r#"{"answers":{},"weights":{"audience":-1,"product":8,"pricing":10,"market":5,"funding":4,"culture":5},"chosen_motion":null}"#;
    assert!(serde_json::from_str::<AssessState>(negative).is_err());
}

#[test]
fn set_clamps_weights_to_ten() {
    let mut w = Weights::default();
    w.set(Factor::Market, 99);
    assert_eq!(w.get(Factor::Market), 10);
    w.validate().expect("valid");
}

// ---------- the scoring table ----------

#[test]
fn scoring_table_lists_every_option_lean_weight_and_band() {
    let t = scoring_table();
    for q in QUESTIONS {
        for o in q.options {
            let row = format!(
                "| {} | {} | {} |",
                q.prompt,
                o.label,
                signed(f64::from(o.lean))
            );
            assert!(t.contains(&row), "missing row {row}");
        }
    }
    for f in Factor::ALL {
        assert!(t.contains(&format!("| {} | {} |", f.label(), f.default_weight())));
    }
    assert!(t.contains("$100 a month") && t.contains("$100K"));
    assert_eq!(signed(0.0), "0");
    assert_eq!(signed(-40.0), "-40");
    assert_eq!(signed(60.0), "+60");
    assert_eq!(signed(-18.730_158), "-18.7");
    assert_eq!(signed(0.04), "0");
    for b in BANDS {
        assert!(t.contains(&format!(
            "| {} | {:+} | {:+} |",
            b.motion.label(),
            b.lo,
            b.hi
        )));
    }
}

// ---------- archetypes from the source articles ----------

fn assert_lands(name: &str, a: &BTreeMap<String, String>, expected: Motion) {
    AssessState {
        answers: a.clone(),
        ..AssessState::default()
    }
    .validate()
    .expect("archetype answers are valid");
    let r = ready(&assess(a, &Weights::default())).clone();
    assert_eq!(
        r.motion,
        expected,
        "{name}: position {:.1}, expected {}",
        r.position,
        expected.label()
    );
    assert!(r.warnings.is_empty(), "{name}: {:?}", r.warnings);
}

// Source: article 002, "The Sales-Led Growth (SLG) Mindset" (ideal contexts:
// enterprise CRM sales, regulated industries such as healthcare and finance)
// and "When Sales-Led Growth is Essential" (committees, compliance, six- or
// seven-figure contracts).
#[test]
fn an_enterprise_crm_for_a_regulated_industry_is_sales_led() {
    let a = answers(&[
        ("aud_size", "enterprise"),
        ("aud_signer", "procurement"),
        ("aud_people", "many"),
        ("aud_tech", "guided"),
        ("prod_ttv", "months"),
        ("prod_setup", "project"),
        ("prod_value", "company"),
        ("prod_viral", "no"),
        ("price_level", "over_8k"),
        ("price_buy", "contract"),
        ("price_growth", "upsell"),
        ("mkt_known", "known"),
        ("mkt_rivals", "sales"),
        ("mkt_crowd", "some"),
        ("fund_runway", "funded"),
        ("fund_team", "sales"),
        ("fund_sellers", "team"),
        ("cul_wins", "deals"),
        ("cul_vision", "few"),
        ("cul_roadmap", "accounts"),
    ]);
    assert_lands("enterprise CRM", &a, Motion::SalesLed);
}

// Source: article 002, "The Product-Led Growth (PLG) Mindset" (Slack and
// Figma: individuals adopt the tool and spread it inside their company with
// no sales conversation) and "When Product-Led Growth Excels" (low
// time-to-value, tech-savvy buyers who self-educate).
#[test]
fn a_figma_like_collaborative_design_tool_is_product_led() {
    let a = answers(&[
        ("aud_size", "individuals"),
        ("aud_signer", "user"),
        ("aud_people", "one"),
        ("aud_tech", "explore"),
        ("prod_ttv", "minutes"),
        ("prod_setup", "none"),
        ("prod_value", "task"),
        ("prod_viral", "core"),
        ("price_level", "under_100"),
        ("price_buy", "free_plan"),
        ("price_growth", "usage"),
        ("mkt_known", "known"),
        ("mkt_rivals", "self_serve"),
        ("mkt_crowd", "crowded"),
        ("fund_runway", "seed"),
        ("fund_team", "product"),
        ("fund_sellers", "nobody"),
        ("cul_wins", "usage"),
        ("cul_vision", "mass"),
        ("cul_roadmap", "data"),
    ]);
    assert_lands("Figma-like design tool", &a, Motion::ProductLed);
}

// Source: article 000, "Common Hybrid Strategies and Examples",
// "3. Freemium-to-Enterprise Model" (Slack: teams start free; growing teams
// that need SSO or data retention upgrade in the product or meet sales).
#[test]
fn a_slack_like_team_chat_with_an_enterprise_plan_is_freemium_to_enterprise() {
    let a = answers(&[
        ("aud_size", "mid"),
        ("aud_signer", "manager"),
        ("aud_people", "few"),
        ("aud_tech", "mixed"),
        ("prod_ttv", "minutes"),
        ("prod_setup", "light"),
        ("prod_value", "team"),
        ("prod_viral", "core"),
        ("price_level", "to_1k"),
        ("price_buy", "tiers_plus"),
        ("price_growth", "upgrade"),
        ("mkt_known", "growing"),
        ("mkt_rivals", "mixed"),
        ("mkt_crowd", "crowded"),
        ("fund_runway", "funded"),
        ("fund_team", "both"),
        ("fund_sellers", "team"),
        ("cul_wins", "both"),
        ("cul_vision", "thousands"),
        ("cul_roadmap", "mix"),
    ]);
    assert_lands("Slack-like team chat", &a, Motion::HybridFreemiumEnterprise);
}

// Source: article 000, "Common Hybrid Strategies and Examples",
// "1. Product-Led with Sales Assist" (a project management tool with a
// generous free tier; usage marks product-qualified leads for sales outreach);
// article 002, "Building a Product-Led Sales Motion".
#[test]
fn a_project_management_tool_with_pql_outreach_is_product_led_with_sales_assist() {
    let a = answers(&[
        ("aud_size", "small"),
        ("aud_signer", "manager"),
        ("aud_people", "few"),
        ("aud_tech", "explore"),
        ("prod_ttv", "hours"),
        ("prod_setup", "light"),
        ("prod_value", "team"),
        ("prod_viral", "core"),
        ("price_level", "to_1k"),
        ("price_buy", "free_plan"),
        ("price_growth", "upgrade"),
        ("mkt_known", "known"),
        ("mkt_rivals", "self_serve"),
        ("mkt_crowd", "crowded"),
        ("fund_runway", "seed"),
        ("fund_team", "product"),
        ("fund_sellers", "few"),
        ("cul_wins", "usage"),
        ("cul_vision", "thousands"),
        ("cul_roadmap", "data"),
    ]);
    assert_lands("PM tool with PQLs", &a, Motion::ProductLedSalesAssist);
}

// Source: article 000, "Common Hybrid Strategies and Examples",
// "2. Sales-Led with Product Adoption" (an AI analytics platform for large
// corporations, sold by enterprise sales, adopted through guided onboarding
// and in-app tutorials).
#[test]
fn an_ai_analytics_platform_sold_to_corporations_is_sales_led_with_product_adoption() {
    let a = answers(&[
        ("aud_size", "enterprise"),
        ("aud_signer", "executive"),
        ("aud_people", "several"),
        ("aud_tech", "mixed"),
        ("prod_ttv", "hours"),
        ("prod_setup", "integration"),
        ("prod_value", "company"),
        ("prod_viral", "some"),
        ("price_level", "to_8k"),
        ("price_buy", "quote"),
        ("price_growth", "upsell"),
        ("mkt_known", "growing"),
        ("mkt_rivals", "sales"),
        ("mkt_crowd", "some"),
        ("fund_runway", "funded"),
        ("fund_team", "both"),
        ("fund_sellers", "team"),
        ("cul_wins", "both"),
        ("cul_vision", "few"),
        ("cul_roadmap", "mix"),
    ]);
    assert_lands("AI analytics platform", &a, Motion::SalesLedProductAdoption);
}

// Source: article 000, "Critical Factors for Determining Your Growth Path":
// "1. Target Audience and Customer Profile" (individuals, tech-savvy users),
// "3. Average Contract Value (ACV) and Pricing Strategy" (under $100 a month)
// and "5. Funding and Resource Availability" (bootstrapped, strengths in
// product and engineering).
#[test]
fn a_bootstrapped_developer_tool_under_100_a_month_is_product_led() {
    let a = answers(&[
        ("aud_size", "individuals"),
        ("aud_signer", "user"),
        ("aud_people", "one"),
        ("aud_tech", "explore"),
        ("prod_ttv", "minutes"),
        ("prod_setup", "light"),
        ("prod_value", "task"),
        ("prod_viral", "some"),
        ("price_level", "under_100"),
        ("price_buy", "trial"),
        ("price_growth", "usage"),
        ("mkt_known", "known"),
        ("mkt_rivals", "self_serve"),
        ("mkt_crowd", "crowded"),
        ("fund_runway", "bootstrapped"),
        ("fund_team", "product"),
        ("fund_sellers", "nobody"),
        ("cul_wins", "usage"),
        ("cul_vision", "mass"),
        ("cul_roadmap", "data"),
    ]);
    assert_lands("bootstrapped developer tool", &a, Motion::ProductLed);
}

// Source: article 000, "Critical Factors for Determining Your Growth Path",
// "4. Market Maturity and Competitive Landscape" (a new category must be
// taught to the market) and "2. Product Complexity and Value Proposition"
// (deep integration); article 002's comparison table, "Ideal for Product
// Type" (enterprise security, ERP).
#[test]
fn an_enterprise_security_platform_in_a_new_category_is_sales_led() {
    let a = answers(&[
        ("aud_size", "enterprise"),
        ("aud_signer", "procurement"),
        ("aud_people", "several"),
        ("aud_tech", "guided"),
        ("prod_ttv", "months"),
        ("prod_setup", "integration"),
        ("prod_value", "company"),
        ("prod_viral", "no"),
        ("price_level", "over_8k"),
        ("price_buy", "contract"),
        ("price_growth", "upsell"),
        ("mkt_known", "new"),
        ("mkt_rivals", "sales"),
        ("mkt_crowd", "some"),
        ("fund_runway", "funded"),
        ("fund_team", "sales"),
        ("fund_sellers", "team"),
        ("cul_wins", "deals"),
        ("cul_vision", "few"),
        ("cul_roadmap", "accounts"),
    ]);
    assert_lands("security platform, new category", &a, Motion::SalesLed);
}

// Source: article 000, "Critical Factors for Determining Your Growth Path",
// "3. Average Contract Value (ACV) and Pricing Strategy" ($100–1000 a month
// is the prime zone for hybrids: self-serve lower tiers, sales for larger
// teams) and "1. Target Audience and Customer Profile" (mid-market).
fn mid_market_tool() -> BTreeMap<String, String> {
    answers(&[
        ("aud_size", "mid"),
        ("aud_signer", "manager"),
        ("aud_people", "few"),
        ("aud_tech", "mixed"),
        ("prod_ttv", "hours"),
        ("prod_setup", "light"),
        ("prod_value", "team"),
        ("prod_viral", "some"),
        ("price_level", "to_1k"),
        ("price_buy", "tiers_plus"),
        ("price_growth", "upgrade"),
        ("mkt_known", "growing"),
        ("mkt_rivals", "mixed"),
        ("mkt_crowd", "some"),
        ("fund_runway", "seed"),
        ("fund_team", "both"),
        ("fund_sellers", "few"),
        ("cul_wins", "both"),
        ("cul_vision", "thousands"),
        ("cul_roadmap", "mix"),
    ])
}

#[test]
fn a_mid_market_tool_at_100_to_1000_a_month_is_a_hybrid() {
    assert_lands(
        "mid-market tool",
        &mid_market_tool(),
        Motion::HybridFreemiumEnterprise,
    );
}

#[test]
fn archetypes_with_only_six_answers_still_land_but_with_low_confidence() {
    // One answer per factor from the Figma-like tool: enough for a result,
    // but coverage is 6 of 20, so confidence stays under a third.
    let a = answers(&[
        ("aud_signer", "user"),
        ("prod_ttv", "minutes"),
        ("price_level", "under_100"),
        ("mkt_rivals", "self_serve"),
        ("fund_team", "product"),
        ("cul_vision", "mass"),
    ]);
    let r = ready(&assess(&a, &Weights::default())).clone();
    assert_eq!(r.motion, Motion::ProductLed);
    assert!(r.confidence <= 30, "{}", r.confidence);
}
