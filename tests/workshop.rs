//! Native tests for the Workshop domain: participant operations and their
//! limits, validation of saved workshops, and the analysis (group result,
//! room confidence, split rooms, spreads, disagreement order, heatmap)
//! checked against hand computations from the formulas in the module docs
//! of `gtm_workbench::domain::workshop`.
#![cfg(not(target_arch = "wasm32"))]
// Helpers outside #[test] functions unwrap too: a panic there fails the test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use gtm_workbench::domain::assess::{
    assess, motion_at, Factor, Outcome, Weights, NOT_SURE, QUESTIONS,
};
use gtm_workbench::domain::motion::Motion;
use gtm_workbench::domain::workshop::{
    clean_name, edge_distance, room_confidence, Analysis, GroupOutcome, GroupResult, Participant,
    Received, WorkshopError, WorkshopState, MAX_NAME_CHARS, MAX_PARTICIPANTS, MIN_GROUP,
    SPLIT_MIN_GAP,
};
use proptest::prelude::*;

// ---------- helpers ----------

fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(q, o)| ((*q).to_string(), (*o).to_string()))
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(close(actual, expected), "{what}: {actual} ≠ {expected}");
}

/// Population standard deviation, written out for the hand computations.
fn sd(values: &[f64]) -> f64 {
    let n = values.len() as f64;
    let m = values.iter().sum::<f64>() / n;
    (values.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / n).sqrt()
}

/// Three people with clearly different views.
///
/// Leans (from the question bank):
/// - Ana: aud_size individuals −95, prod_ttv minutes −95, price_level
///   under_100 −90, mkt_known known −50, fund_runway bootstrapped −60,
///   cul_wins usage −75.
/// - Ben: aud_size enterprise 90, aud_signer procurement 95, prod_ttv months
///   90, price_level over_8k 100, mkt_known new 70, fund_runway funded 30;
///   no culture answer.
/// - Cy: aud_size mid 20, prod_ttv hours −40, prod_setup light −30,
///   price_level to_1k 0, mkt_known growing −10, fund_runway seed −10,
///   cul_wins both 0, cul_vision "Not sure".
fn three_people() -> WorkshopState {
    let mut w = WorkshopState::default();
    w.add_with_answers(
        "Ana",
        answers(&[
            ("aud_size", "individuals"),
            ("prod_ttv", "minutes"),
            ("price_level", "under_100"),
            ("mkt_known", "known"),
            ("fund_runway", "bootstrapped"),
            ("cul_wins", "usage"),
        ]),
    )
    .unwrap();
    w.add_with_answers(
        "Ben",
        answers(&[
            ("aud_size", "enterprise"),
            ("aud_signer", "procurement"),
            ("prod_ttv", "months"),
            ("price_level", "over_8k"),
            ("mkt_known", "new"),
            ("fund_runway", "funded"),
        ]),
    )
    .unwrap();
    w.add_with_answers(
        "Cy",
        answers(&[
            ("aud_size", "mid"),
            ("prod_ttv", "hours"),
            ("prod_setup", "light"),
            ("price_level", "to_1k"),
            ("mkt_known", "growing"),
            ("fund_runway", "seed"),
            ("cul_wins", "both"),
            ("cul_vision", NOT_SURE),
        ]),
    )
    .unwrap();
    w
}

// ---------- group result ----------

#[test]
fn room_factor_leans_are_the_mean_of_every_answer_given_by_people_with_a_result() {
    let w = three_people();
    let a = w.analyze(&Weights::uniform(1));
    let GroupOutcome::Ready(g) = &a.group else {
        panic!("expected a group result, got {:?}", a.group);
    };
    // Per factor, the mean over every scored answer (not over people).
    let audience = (-95.0 + 90.0 + 95.0 + 20.0) / 4.0; // 27.5; Ben gave two
    let product = (-95.0 + 90.0 - 40.0 - 30.0) / 4.0; // −18.75; Cy gave two
    let pricing = (-90.0 + 100.0 + 0.0) / 3.0;
    let market = (-50.0 + 70.0 - 10.0) / 3.0;
    let funding = (-60.0 + 30.0 - 10.0) / 3.0;
    let culture = (-75.0 + 0.0) / 2.0; // Ben did not answer it, Cy's "Not sure" carries nothing
    let expected = [audience, product, pricing, market, funding, culture];
    for (f, e) in g.factors.iter().zip(expected) {
        assert_close(f.lean.unwrap(), e, f.factor.slug());
    }
    let answers: Vec<usize> = g.factors.iter().map(|f| f.answers).collect();
    assert_eq!(answers, vec![4, 4, 3, 3, 3, 2]);
    assert_eq!(g.factors[5].people, 2);
    assert_eq!(g.factors[0].people, 3);
    let position = expected.iter().sum::<f64>() / 6.0;
    assert_close(g.position, position, "position");
    assert_close(g.position, -425.0 / 72.0, "position as a fraction");
    assert_eq!(g.motion, Motion::HybridFreemiumEnterprise);
    let sum: f64 = g.factors.iter().map(|f| f.contribution).sum();
    assert_close(sum, g.position, "contributions add up");

    // A mean over people, each counted once, would give audience 35/6 and
    // product −40/3 instead.
    assert!((g.factors[0].lean.unwrap() - 35.0 / 6.0).abs() > 20.0);

    let own: Vec<f64> = a
        .people
        .iter()
        .map(|p| p.outcome.assessment().unwrap().position)
        .collect();
    assert_close(own[0], -465.0 / 6.0, "Ana");
    assert_close(own[1], 382.5 / 5.0, "Ben");
    assert_close(own[2], -35.0 / 6.0, "Cy");
    assert_close(g.position_spread, sd(&own), "spread of own positions");
    assert_eq!(g.with_result, 3);
    let votes: BTreeMap<Motion, usize> = g.votes.iter().copied().collect();
    assert_eq!(votes[&Motion::ProductLed], 1);
    assert_eq!(votes[&Motion::HybridFreemiumEnterprise], 1);
    assert_eq!(votes[&Motion::SalesLed], 1);
    assert_eq!(votes[&Motion::ProductLedSalesAssist], 0);

    // Room confidence by hand: 19 scored answers of 3 × 20 (Ana 6, Ben 6,
    // Cy 7 with one "Not sure"); agreement 1 − spread/100; the position sits
    // 20 − 425/72 points from the edge at −20.
    assert_close(g.coverage, 19.0 / 60.0, "coverage");
    let margin = 0.5 + 0.5 * (20.0 - 425.0 / 72.0) / 20.0;
    let hand = 100.0 * (19.0 / 60.0) * (1.0 - sd(&own) / 100.0) * margin;
    assert_eq!(g.confidence, hand.round() as u8, "hand value {hand}");
}

#[test]
fn group_result_follows_the_facilitator_weights_and_leaves_out_weight_zero() {
    let w = three_people();
    let mut weights = Weights::uniform(0);
    weights.set(Factor::Audience, 10);
    weights.set(Factor::Pricing, 10);
    weights.set(Factor::Culture, 5);
    let a = w.analyze(&weights);
    let g = a.group.result().expect("a group result");
    let position = (10.0 * 27.5 + 10.0 * 10.0 / 3.0 + 5.0 * -37.5) / 25.0;
    assert_close(g.position, position, "weighted position");
    assert_eq!(g.factors[1].contribution, 0.0);
    // The lean is still reported for a factor left out.
    assert!(g.factors[1].lean.is_some());
}

#[test]
fn weights_in_force_are_the_facilitators_when_set() {
    let mut w = WorkshopState::default();
    let assess_weights = Weights::uniform(3);
    assert_eq!(w.weights(&assess_weights), assess_weights);
    w.facilitator_weights = Some(Weights::uniform(7));
    assert_eq!(w.weights(&assess_weights), Weights::uniform(7));
}

#[test]
fn group_result_waits_for_two_people_with_a_result_of_their_own() {
    let mut w = three_people();
    let keep = w.participants[0].id;
    for id in w.participants.iter().map(|p| p.id).collect::<Vec<_>>() {
        if id != keep {
            w.remove(id).unwrap();
        }
    }
    // One person, plus one who answered a single question.
    let partial = w.add("Dee").unwrap();
    w.set_answer(partial, "aud_size", "small").unwrap();
    let a = w.analyze(&Weights::default());
    assert_eq!(
        a.group,
        GroupOutcome::NotEnough {
            with_result: 1,
            needed: MIN_GROUP
        }
    );
    // Every weight 0: no result for anyone.
    let a = three_people().analyze(&Weights::uniform(0));
    assert!(matches!(a.group, GroupOutcome::NotEnough { .. }));
}

#[test]
fn a_person_without_a_result_of_their_own_does_not_move_the_room_until_they_have_one() {
    let mut w = three_people();
    let base = w
        .analyze(&Weights::uniform(1))
        .group
        .result()
        .unwrap()
        .clone();
    // Dee answers one pricing question only: no result of her own, so the
    // room is exactly as before; her lean still shows in the heatmap.
    let dee = w.add("Dee").unwrap();
    w.set_answer(dee, "price_level", "over_8k").unwrap();
    let a = w.analyze(&Weights::uniform(1));
    assert!(matches!(a.people[3].outcome, Outcome::NotEnough { .. }));
    let g = a.group.result().unwrap();
    assert_eq!(g.position, base.position);
    assert_eq!(g.factors[2].lean, base.factors[2].lean);
    assert_eq!(g.factors[2].answers, 3);
    assert_eq!(g.with_result, 3);
    assert_eq!(a.heatmap.cells[2][3].lean, Some(100.0));
    assert_close(
        a.heatmap.cells[2][3].offset.unwrap(),
        100.0 - 10.0 / 3.0,
        "Dee's pricing offset",
    );
    // She is one more person who has barely answered: coverage 20 of 80.
    assert_close(g.coverage, 20.0 / 80.0, "coverage with Dee");
    assert!(g.confidence < base.confidence);

    // With one sales-led answer per factor she has a result and counts:
    // pricing becomes (−90 + 100 + 0 + 100) / 4.
    for (q, o) in [
        ("aud_size", "enterprise"),
        ("prod_ttv", "months"),
        ("mkt_known", "new"),
        ("fund_runway", "funded"),
        ("cul_wins", "deals"),
    ] {
        w.set_answer(dee, q, o).unwrap();
    }
    let a = w.analyze(&Weights::uniform(1));
    let g = a.group.room().unwrap();
    assert_eq!(g.with_result, 4);
    assert_close(g.factors[2].lean.unwrap(), 110.0 / 4.0, "pricing with Dee");
    assert!(g.position > base.position);
}

/// A product-led participant who gives the second most product-led answer
/// on four questions and the most product-led answer everywhere else.
fn product_led_with_seconds(seconds: &[&str]) -> BTreeMap<String, String> {
    QUESTIONS
        .iter()
        .map(|q| {
            let i = usize::from(seconds.contains(&q.id));
            (q.id.to_string(), q.options[i].id.to_string())
        })
        .collect()
}

/// Issue 11, item 5: "two complete product-led participants plus one person
/// who answered only the price question move the room from PLG to
/// PLG-with-sales-assist". Written from that example with the default
/// weights: the partial answerer must not move the room at all.
#[test]
fn one_persons_single_pricing_answer_does_not_swing_a_product_led_room() {
    let weights = Weights::default();
    let mut w = WorkshopState::default();
    w.add_with_answers(
        "Ana",
        product_led_with_seconds(&["aud_size", "aud_signer", "prod_ttv", "prod_setup"]),
    )
    .unwrap();
    w.add_with_answers(
        "Ben",
        product_led_with_seconds(&["aud_size", "prod_ttv", "prod_value", "prod_viral"]),
    )
    .unwrap();
    let two = w.analyze(&weights);
    for p in &two.people {
        let own = p.outcome.assessment().unwrap();
        assert_eq!(own.motion, Motion::ProductLed, "{} is product-led", p.name);
        let scored: usize = own.factors.iter().map(|f| f.scored).sum();
        assert_eq!(scored, QUESTIONS.len(), "{} answered everything", p.name);
    }
    let before = two.group.result().unwrap().clone();
    assert_eq!(before.motion, Motion::ProductLed);

    w.add_with_answers("Cy", answers(&[("price_level", "over_8k")]))
        .unwrap();
    let three = w.analyze(&weights);
    let after = three.group.result().unwrap();
    assert_eq!(after.motion, Motion::ProductLed);
    assert_eq!(after.position, before.position);
    assert_eq!(after.with_result, 2);

    // The example is a sharp one: had Cy counted as a third person on
    // pricing (the mean of −80, −80 and +100, i.e. −20, in place of −80),
    // the room would have moved by 10/42 × 60 points into the next band.
    let pricing = after.factors[2].lean.unwrap();
    assert_close(pricing, -80.0, "pricing of the two");
    let per_person = after.position + 10.0 / 42.0 * (-20.0 - pricing);
    assert_eq!(motion_at(per_person), Motion::ProductLedSalesAssist);
}

#[test]
fn within_the_room_each_answer_counts_once() {
    // Ana answers everything the most product-led way; Bo has a result with
    // one sales-led answer per factor. On pricing Ana gave three answers
    // (−90, −90, −60) and Bo one (+100): the room is (−240 + 100) / 4 = −35,
    // where counting each person once would give (−80 + 100) / 2 = +10.
    let mut w = WorkshopState::default();
    let all_first: BTreeMap<String, String> = QUESTIONS
        .iter()
        .map(|q| (q.id.to_string(), q.options[0].id.to_string()))
        .collect();
    w.add_with_answers("Ana", all_first).unwrap();
    w.add_with_answers(
        "Bo",
        answers(&[
            ("aud_size", "enterprise"),
            ("prod_ttv", "months"),
            ("price_level", "over_8k"),
            ("mkt_known", "new"),
            ("fund_runway", "funded"),
            ("cul_wins", "deals"),
        ]),
    )
    .unwrap();
    let a = w.analyze(&Weights::default());
    let g = a.group.room().unwrap();
    assert_eq!(g.with_result, 2);
    assert_close(g.factors[2].lean.unwrap(), -35.0, "pricing");
    assert_eq!(g.factors[2].answers, 4);
    assert_eq!(g.factors[2].people, 2);
    // Audience: Ana −95, −95, −85, −75 and Bo +90.
    assert_close(
        g.factors[0].lean.unwrap(),
        (-95.0 - 95.0 - 85.0 - 75.0 + 90.0) / 5.0,
        "audience",
    );
}

// ---------- room confidence and split rooms ----------

/// Every question answered with option `pick(option count)`.
fn everyone_picks(pick: fn(usize) -> usize) -> BTreeMap<String, String> {
    QUESTIONS
        .iter()
        .map(|q| {
            (
                q.id.to_string(),
                q.options[pick(q.options.len())].id.to_string(),
            )
        })
        .collect()
}

/// The most product-led answer everywhere (the first option).
fn most_product_led() -> BTreeMap<String, String> {
    everyone_picks(|_| 0)
}

/// The most sales-led answer everywhere (the last option).
fn most_sales_led() -> BTreeMap<String, String> {
    everyone_picks(|n| n - 1)
}

fn room_of(people: &[(&str, BTreeMap<String, String>)]) -> WorkshopState {
    let mut w = WorkshopState::default();
    for (name, ans) in people {
        w.add_with_answers(name, ans.clone()).unwrap();
    }
    w
}

fn own_position(a: &Analysis, name: &str) -> f64 {
    a.people
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.outcome.assessment())
        .map(|x| x.position)
        .unwrap()
}

/// The formula in the module docs, read independently:
/// `100 × coverage × (1 − s/100) × (0.5 + 0.5 × min(d, 20)/20)`.
#[test]
fn room_confidence_falls_with_fewer_answers_more_disagreement_and_near_a_band_edge() {
    // Deep inside a band (d ≥ 20), full coverage, no spread: 100.
    assert_eq!(room_confidence(1.0, 0.0, -85.0), 100);
    assert_eq!(room_confidence(1.0, 0.0, 0.0), 100);
    // Half the answers: half the confidence.
    assert_eq!(room_confidence(0.5, 0.0, -85.0), 50);
    // People 40 points apart on average: × 0.6.
    assert_eq!(room_confidence(1.0, 40.0, -85.0), 60);
    // On the edge at −60 the margin halves it; 10 points in, × 0.75.
    assert_eq!(room_confidence(1.0, 0.0, -60.0), 50);
    assert_eq!(room_confidence(1.0, 0.0, -70.0), 75);
    assert_eq!(room_confidence(1.0, 0.0, 15.0), 63); // 5 from +20: 0.625
                                                     // The three terms multiply.
    assert_eq!(room_confidence(0.8, 25.0, 30.0), 45); // 0.8 × 0.75 × 0.75
                                                      // Out of range or non-finite inputs give the lowest reading of that term.
    assert_eq!(room_confidence(f64::NAN, 0.0, 0.0), 0);
    assert_eq!(room_confidence(1.0, f64::INFINITY, 0.0), 0);
    assert_eq!(room_confidence(1.0, 0.0, f64::NAN), 50);
    assert_eq!(room_confidence(7.0, -5.0, 0.0), 100);
    // The inner edges are −60, −20, 20 and 60; ±100 are ends, not edges.
    assert_eq!(edge_distance(-100.0), 40.0);
    assert_eq!(edge_distance(-20.0), 0.0);
    assert_eq!(edge_distance(5.0), 15.0);
    assert_eq!(edge_distance(100.0), 40.0);
}

#[test]
fn a_unanimous_room_has_high_confidence_and_is_not_split() {
    let w = room_of(&[
        ("Ana", most_product_led()),
        ("Ben", most_product_led()),
        ("Cy", most_product_led()),
        ("Dee", most_product_led()),
    ]);
    let a = w.analyze(&Weights::default());
    let GroupOutcome::Ready(g) = &a.group else {
        panic!("a unanimous room is a result, got {:?}", a.group);
    };
    assert_eq!(g.motion, Motion::ProductLed);
    assert_eq!(g.position_spread, 0.0);
    assert_eq!(g.coverage, 1.0);
    assert_close(g.position, own_position(&a, "Ana"), "everyone's position");
    // Only the margin is below 1: the room sits 16.7 points inside −60.
    let d = -60.0 - g.position;
    let hand = 100.0 * (0.5 + 0.5 * d.min(20.0) / 20.0);
    assert_eq!(g.confidence, hand.round() as u8);
    assert!(g.confidence >= 90, "{}", g.confidence);
    assert!(a.group.camps().is_none());

    // One more person who has not answered yet halves the coverage share
    // they stand for: 80 of 100 answers.
    let mut more = w.clone();
    more.add("Eve").unwrap();
    let g2 = more
        .analyze(&Weights::default())
        .group
        .result()
        .unwrap()
        .clone();
    assert_eq!(g2.position, g.position);
    assert_close(g2.coverage, 0.8, "coverage");
    assert_eq!(g2.confidence, (0.8 * hand).round() as u8);
}

#[test]
fn three_product_led_against_three_sales_led_is_a_split_room_naming_both_motions() {
    let w = room_of(&[
        ("Ana", most_product_led()),
        ("Ben", most_sales_led()),
        ("Cy", most_product_led()),
        ("Dee", most_sales_led()),
        ("Eli", most_product_led()),
        ("Fay", most_sales_led()),
    ]);
    let a = w.analyze(&Weights::default());
    let GroupOutcome::Split { camps, room } = &a.group else {
        panic!("expected a split room, got {:?}", a.group);
    };
    assert_eq!(camps[0].motion, Motion::ProductLed);
    assert_eq!(camps[0].names, vec!["Ana", "Cy", "Eli"]);
    assert_eq!(camps[1].motion, Motion::SalesLed);
    assert_eq!(camps[1].names, vec!["Ben", "Dee", "Fay"]);
    let ids: Vec<u32> = w.participants.iter().map(|p| p.id).collect();
    assert_eq!(camps[0].members, vec![ids[0], ids[2], ids[4]]);
    assert_close(camps[0].position, own_position(&a, "Ana"), "PLG camp");
    assert_close(camps[1].position, own_position(&a, "Ben"), "SLG camp");
    // No recommendation; the midpoint is kept only as a figure.
    assert!(a.group.result().is_none());
    assert_eq!(room.with_result, 6);
    assert!(room.position.abs() < 1.0, "midpoint {}", room.position);
    // Two camps about 153 points apart: agreement is about 0.23 at most.
    assert!(room.position_spread > 75.0);
    assert!(room.confidence <= 25, "{}", room.confidence);
}

#[test]
fn two_camps_in_neighbouring_motions_are_not_a_split() {
    // Three people at the product-led end and three who lean product-led
    // but less: the gap is wide enough, the motions are neighbours.
    let near: BTreeMap<String, String> = QUESTIONS
        .iter()
        .enumerate()
        .map(|(i, q)| {
            (
                q.id.to_string(),
                q.options[usize::from(i % 4 != 0)].id.to_string(),
            )
        })
        .collect();
    let w = room_of(&[
        ("Ana", most_product_led()),
        ("Ben", most_product_led()),
        ("Cy", most_product_led()),
        ("Dee", near.clone()),
        ("Eli", near.clone()),
        ("Fay", near),
    ]);
    let a = w.analyze(&Weights::default());
    let (far, close_by) = (own_position(&a, "Ana"), own_position(&a, "Dee"));
    assert_eq!(motion_at(far), Motion::ProductLed);
    assert_eq!(motion_at(close_by), Motion::ProductLedSalesAssist);
    assert!(
        close_by - far >= SPLIT_MIN_GAP,
        "the premise: a gap of {}",
        close_by - far
    );
    let GroupOutcome::Ready(g) = &a.group else {
        panic!("neighbouring camps are not a split, got {:?}", a.group);
    };
    assert_eq!(g.motion, motion_at(g.position));
}

#[test]
fn a_lone_dissenter_is_not_a_camp() {
    // Three against one: each camp needs two people.
    let w = room_of(&[
        ("Ana", most_product_led()),
        ("Ben", most_product_led()),
        ("Cy", most_product_led()),
        ("Dee", most_sales_led()),
    ]);
    assert!(matches!(
        w.analyze(&Weights::default()).group,
        GroupOutcome::Ready(_)
    ));
    // Ten against two: with 12 people a camp needs a quarter, 3.
    let mut people: Vec<(String, BTreeMap<String, String>)> = (0..10)
        .map(|i| (format!("P{i}"), most_product_led()))
        .collect();
    people.push(("S1".into(), most_sales_led()));
    people.push(("S2".into(), most_sales_led()));
    let refs: Vec<(&str, BTreeMap<String, String>)> = people
        .iter()
        .map(|(n, a)| (n.as_str(), a.clone()))
        .collect();
    let a = room_of(&refs).analyze(&Weights::default());
    assert!(matches!(a.group, GroupOutcome::Ready(_)), "{:?}", a.group);
    // Two against two is the smallest split.
    let a = room_of(&[
        ("Ana", most_product_led()),
        ("Ben", most_sales_led()),
        ("Cy", most_product_led()),
        ("Dee", most_sales_led()),
    ])
    .analyze(&Weights::default());
    let camps = a.group.camps().expect("two against two splits");
    assert_eq!(camps[0].names, vec!["Ana", "Cy"]);
    assert_eq!(camps[1].names, vec!["Ben", "Dee"]);
}

#[test]
fn people_without_a_result_are_in_no_camp() {
    let mut w = room_of(&[
        ("Ana", most_product_led()),
        ("Ben", most_sales_led()),
        ("Cy", most_product_led()),
        ("Dee", most_sales_led()),
    ]);
    w.add_with_answers("Eve", answers(&[("price_level", "to_1k")]))
        .unwrap();
    let a = w.analyze(&Weights::default());
    let camps = a.group.camps().expect("still split");
    let named: Vec<&String> = camps.iter().flat_map(|c| &c.names).collect();
    assert_eq!(named.len(), 4);
    assert!(!named.iter().any(|n| n.as_str() == "Eve"));
}

#[test]
fn each_persons_factor_leans_match_their_own_assessment() {
    let w = three_people();
    let weights = Weights::default();
    let a = w.analyze(&weights);
    for (col, p) in w.participants.iter().enumerate() {
        let own = assess(&p.answers, &weights);
        let own = own.assessment().unwrap();
        for (row, f) in own.factors.iter().enumerate() {
            assert_eq!(a.heatmap.cells[row][col].lean, f.lean, "{} {}", p.name, row);
        }
        assert_eq!(a.people[col].outcome, assess(&p.answers, &weights));
    }
}

// ---------- spreads ----------

#[test]
fn question_spread_lists_who_chose_what() {
    let a = three_people().analyze(&Weights::default());
    let q = a
        .questions
        .iter()
        .find(|q| q.question == "aud_size")
        .unwrap();
    let by: BTreeMap<&str, Vec<String>> = q
        .choices
        .iter()
        .map(|c| (c.option, c.names.clone()))
        .collect();
    assert_eq!(by["individuals"], vec!["Ana"]);
    assert_eq!(by["enterprise"], vec!["Ben"]);
    assert_eq!(by["mid"], vec!["Cy"]);
    assert!(by["small"].is_empty());
    assert!(by[NOT_SURE].is_empty());
    assert!(q.unanswered.is_empty());
    assert_eq!(q.choices.last().unwrap().option, NOT_SURE);
    assert_close(q.disagreement, (17450.0f64 / 3.0).sqrt(), "aud_size");
    assert_eq!(q.scored, 3);

    let v = a
        .questions
        .iter()
        .find(|q| q.question == "cul_vision")
        .unwrap();
    let not_sure = v.choices.iter().find(|c| c.option == NOT_SURE).unwrap();
    assert_eq!(not_sure.names, vec!["Cy"]);
    assert_eq!(v.unanswered, vec!["Ana", "Ben"]);
    assert_eq!(v.scored, 0);
    assert_eq!(v.disagreement, 0.0, "Not sure carries no lean");
    assert_eq!(v.mean_lean, None);

    let cw = a
        .questions
        .iter()
        .find(|q| q.question == "cul_wins")
        .unwrap();
    assert_close(cw.disagreement, 37.5, "two answers −75 and 0");
}

#[test]
fn questions_to_discuss_first_are_ordered_by_disagreement() {
    let a = three_people().analyze(&Weights::default());
    let order: Vec<&str> = a.discuss_first(6).iter().map(|q| q.question).collect();
    // Hand computed: price_level sd(−90,100,0)=77.60, prod_ttv
    // sd(−95,90,−40)=77.57, aud_size sd(−95,90,20)=76.27, mkt_known 49.89,
    // cul_wins 37.5, fund_runway 36.82.
    let hand = [
        sd(&[-90.0, 100.0, 0.0]),
        sd(&[-95.0, 90.0, -40.0]),
        sd(&[-95.0, 90.0, 20.0]),
        sd(&[-50.0, 70.0, -10.0]),
        sd(&[-75.0, 0.0]),
        sd(&[-60.0, 30.0, -10.0]),
    ];
    assert!(hand.windows(2).all(|p| p[0] > p[1]), "hand order {hand:?}");
    assert_eq!(
        order,
        vec![
            "price_level",
            "prod_ttv",
            "aud_size",
            "mkt_known",
            "cul_wins",
            "fund_runway"
        ]
    );
    // Questions answered by one person only, or not at all, are never listed.
    let all: Vec<&str> = a.discuss_first(100).iter().map(|q| q.question).collect();
    assert_eq!(all.len(), 6);
    assert!(!all.contains(&"aud_signer"));
    assert_eq!(a.discuss_first(2).len(), 2);
    assert!(a.discuss_first(0).is_empty());
}

#[test]
fn equal_disagreement_keeps_questionnaire_order() {
    let mut w = WorkshopState::default();
    w.add_with_answers(
        "Ana",
        answers(&[
            ("cul_roadmap", "data"),
            ("mkt_rivals", "self_serve"),
            ("fund_team", "product"),
        ]),
    )
    .unwrap();
    w.add_with_answers(
        "Ben",
        answers(&[
            ("cul_roadmap", "accounts"),
            ("mkt_rivals", "sales"),
            ("fund_team", "sales"),
        ]),
    )
    .unwrap();
    let a = w.analyze(&Weights::default());
    let order: Vec<(&str, f64)> = a
        .discuss_first(10)
        .iter()
        .map(|q| (q.question, q.disagreement))
        .collect();
    // fund_team ±75 → 75; mkt_rivals and cul_roadmap ±60 → 60 each, and
    // mkt_rivals comes first in the questionnaire.
    assert_eq!(
        order.iter().map(|(q, _)| *q).collect::<Vec<_>>(),
        vec!["fund_team", "mkt_rivals", "cul_roadmap"]
    );
    assert_close(order[0].1, 75.0, "fund_team");
    assert_close(order[1].1, 60.0, "mkt_rivals");
    assert_close(order[2].1, 60.0, "cul_roadmap");
}

#[test]
fn factor_spread_groups_people_by_lean_phrase() {
    let a = three_people().analyze(&Weights::default());
    let culture = &a.factors[5];
    assert_eq!(culture.factor, Factor::Culture);
    assert_eq!(culture.no_lean, vec!["Ben"]);
    assert_close(culture.disagreement, 37.5, "culture −75 and 0");
    assert_eq!(culture.lowest, Some(-75.0));
    assert_eq!(culture.highest, Some(0.0));
    let phrases: Vec<&str> = culture.by_phrase.iter().map(|(p, _)| *p).collect();
    assert_eq!(
        phrases,
        vec![
            "Strongly product-led",
            "Leans product-led",
            "Balanced",
            "Leans sales-led",
            "Strongly sales-led"
        ]
    );
    assert_eq!(culture.by_phrase[0].1, vec!["Ana"]);
    assert_eq!(culture.by_phrase[2].1, vec!["Cy"]);
    let audience = &a.factors[0];
    assert_eq!(audience.by_phrase[4].1, vec!["Ben"]); // 92.5
    assert_close(audience.group_lean.unwrap(), 27.5, "audience");
    assert_close(
        audience.disagreement,
        sd(&[-95.0, 92.5, 20.0]),
        "audience sd",
    );
}

#[test]
fn heatmap_is_factors_by_participants_with_offsets_from_the_group() {
    let w = three_people();
    let a = w.analyze(&Weights::default());
    let h = &a.heatmap;
    assert_eq!(h.factors, Factor::ALL.to_vec());
    assert_eq!(h.cells.len(), 6);
    assert!(h.cells.iter().all(|row| row.len() == 3));
    assert_eq!(h.names, vec!["Ana", "Ben", "Cy"]);
    assert_eq!(
        h.participants,
        w.participants.iter().map(|p| p.id).collect::<Vec<_>>()
    );
    // Ben on audience: 92.5 − 27.5.
    let cell = h.cells[0][1];
    assert_eq!(cell.lean, Some(92.5));
    assert_close(cell.offset.unwrap(), 65.0, "offset");
    assert_close(cell.distance().unwrap(), 65.0, "distance");
    // Ana on culture: −75 − (−37.5) = −37.5, distance 37.5.
    assert_close(h.cells[5][0].offset.unwrap(), -37.5, "Ana culture");
    assert_close(
        h.cells[5][0].distance().unwrap(),
        37.5,
        "Ana culture distance",
    );
    // Ben has no culture lean.
    assert_eq!(h.cells[5][1].lean, None);
    assert_eq!(h.cells[5][1].offset, None);
    assert_eq!(h.group[5], Some(-37.5));
}

#[test]
fn an_empty_workshop_analyses_to_empty_lists() {
    let a = WorkshopState::default().analyze(&Weights::default());
    assert!(a.people.is_empty());
    assert_eq!(a.heatmap.cells.len(), 6);
    assert!(a.heatmap.cells.iter().all(Vec::is_empty));
    assert!(a.discuss_first(5).is_empty());
    assert_eq!(a.questions.len(), QUESTIONS.len());
    assert!(matches!(
        a.group,
        GroupOutcome::NotEnough { with_result: 0, .. }
    ));
}

// ---------- operations and limits ----------

#[test]
fn a_workshop_takes_twelve_participants_and_refuses_the_thirteenth() {
    let mut w = WorkshopState::default();
    for i in 0..MAX_PARTICIPANTS {
        w.add(&format!("Person {i}")).unwrap();
    }
    assert_eq!(w.participants.len(), 12);
    assert_eq!(w.add("One more"), Err(WorkshopError::Full));
    assert_eq!(w.participants.len(), 12);
    assert!(w.validate().is_ok());
}

#[test]
fn names_are_trimmed_and_checked() {
    let mut w = WorkshopState::default();
    let id = w.add("  Ana  ").unwrap();
    assert_eq!(w.participant(id).unwrap().name, "Ana");
    assert_eq!(w.add(""), Err(WorkshopError::NameEmpty));
    assert_eq!(w.add("   "), Err(WorkshopError::NameEmpty));
    assert_eq!(w.add("a\nb"), Err(WorkshopError::NameControl));
    let forty: String = "é".repeat(MAX_NAME_CHARS);
    assert!(w.add(&forty).is_ok(), "40 characters (80 bytes) fit");
    let forty_one: String = "x".repeat(MAX_NAME_CHARS + 1);
    assert_eq!(w.add(&forty_one), Err(WorkshopError::NameTooLong));
    assert_eq!(clean_name(" Bo "), Ok("Bo".to_string()));
}

#[test]
fn a_name_already_taking_part_is_refused_ignoring_case() {
    let mut w = WorkshopState::default();
    let ana = w.add("Ana").unwrap();
    assert_eq!(
        w.add("ana"),
        Err(WorkshopError::DuplicateName("ana".to_string()))
    );
    let bo = w.add("Bo").unwrap();
    assert_eq!(
        w.rename(bo, "ANA"),
        Err(WorkshopError::DuplicateName("ANA".to_string()))
    );
    // Renaming to your own name in another case is fine.
    assert_eq!(w.rename(ana, "ANA"), Ok(()));
    assert_eq!(w.participant(ana).unwrap().name, "ANA");
    assert_eq!(
        w.rename(99, "Cy"),
        Err(WorkshopError::UnknownParticipant(99))
    );
}

#[test]
fn removed_ids_are_never_reused() {
    let mut w = WorkshopState::default();
    let a = w.add("Ana").unwrap();
    let b = w.add("Bo").unwrap();
    let removed = w.remove(a).unwrap();
    assert_eq!(removed.name, "Ana");
    let c = w.add("Cy").unwrap();
    assert!(c > b && c != a);
    assert_eq!(w.remove(a), Err(WorkshopError::UnknownParticipant(a)));
    assert!(w.validate().is_ok());
}

#[test]
fn answers_must_exist_in_the_question_bank() {
    let mut w = WorkshopState::default();
    let id = w.add("Ana").unwrap();
    assert_eq!(w.set_answer(id, "aud_size", "small"), Ok(()));
    assert_eq!(w.set_answer(id, "aud_size", NOT_SURE), Ok(()));
    assert_eq!(
        w.set_answer(id, "nope", "small"),
        Err(WorkshopError::UnknownQuestion("nope".to_string()))
    );
    assert!(matches!(
        w.set_answer(id, "aud_size", "huge"),
        Err(WorkshopError::UnknownOption { .. })
    ));
    assert_eq!(
        w.set_answer(42, "aud_size", "small"),
        Err(WorkshopError::UnknownParticipant(42))
    );
    assert_eq!(w.participant(id).unwrap().answers["aud_size"], NOT_SURE);
    w.clear_answer(id, "aud_size").unwrap();
    assert!(w.participant(id).unwrap().answers.is_empty());
    assert!(w
        .add_with_answers("Bo", answers(&[("aud_size", "gigantic")]))
        .is_err());
    assert!(w.participant(id + 1).is_none(), "nothing added on error");
}

#[test]
fn receiving_a_code_twice_replaces_the_answers_instead_of_adding_a_person() {
    let mut w = WorkshopState::default();
    let first = w
        .receive_answers("Ana", answers(&[("aud_size", "small")]))
        .unwrap();
    let Received::Added(id) = first else {
        panic!("expected Added, got {first:?}");
    };
    let again = w
        .receive_answers(" ana ", answers(&[("aud_size", "mid")]))
        .unwrap();
    assert_eq!(again, Received::Replaced(id));
    assert_eq!(w.participants.len(), 1);
    assert_eq!(w.participants[0].answers["aud_size"], "mid");
    assert_eq!(
        w.participants[0].name, "Ana",
        "the name stays as first given"
    );
}

// ---------- validation ----------

fn participant(id: u32, name: &str) -> Participant {
    Participant {
        id,
        name: name.to_string(),
        answers: BTreeMap::new(),
    }
}

fn field_of(w: &WorkshopState) -> String {
    w.validate().unwrap_err().field
}

#[test]
fn validate_rejects_bad_ids_names_and_answers_naming_the_field() {
    let good = WorkshopState {
        participants: vec![participant(1, "Ana"), participant(2, "Bo")],
        next_id: 3,
        facilitator_weights: None,
    };
    assert!(good.validate().is_ok());

    let mut w = good.clone();
    w.participants[1].id = 1;
    assert_eq!(field_of(&w), "workshop.participants[1].id");

    let mut w = good.clone();
    w.next_id = 2;
    assert_eq!(field_of(&w), "workshop.participants[1].id");

    let mut w = good.clone();
    w.participants[1].name = "ana".into();
    assert_eq!(field_of(&w), "workshop.participants[1].name");

    let mut w = good.clone();
    w.participants[0].name = " Ana".into();
    assert_eq!(field_of(&w), "workshop.participants[0].name");

    let mut w = good.clone();
    w.participants[0].name = String::new();
    assert_eq!(field_of(&w), "workshop.participants[0].name");

    let mut w = good.clone();
    w.participants[0].name = "x".repeat(41);
    assert_eq!(field_of(&w), "workshop.participants[0].name");

    let mut w = good.clone();
    w.participants[1].answers = answers(&[("made_up", "x")]);
    assert_eq!(field_of(&w), "workshop.participants[1].answers.made_up");

    let mut w = good.clone();
    w.participants[0].answers = answers(&[("aud_size", "huge")]);
    assert_eq!(field_of(&w), "workshop.participants[0].answers.aud_size");

    let mut w = good.clone();
    w.facilitator_weights = Some(Weights {
        pricing: 11,
        ..Weights::default()
    });
    assert_eq!(field_of(&w), "workshop.facilitator_weights.pricing");

    let mut w = good;
    w.participants = (1..=13).map(|i| participant(i, &format!("P{i}"))).collect();
    w.next_id = 14;
    assert_eq!(field_of(&w), "workshop.participants");
}

#[test]
fn saved_workshops_round_trip_and_unknown_fields_are_refused() {
    let w = three_people();
    let json = serde_json::to_string(&w).unwrap();
    let back: WorkshopState = serde_json::from_str(&json).unwrap();
    assert_eq!(back, w);
    let extra = json.replacen("\"next_id\"", "\"colour\":1,\"next_id\"", 1);
    assert!(serde_json::from_str::<WorkshopState>(&extra).is_err());
    let d = WorkshopState::default();
    assert!(d.validate().is_ok());
    assert_eq!(d.next_id, 1);
}

// ---------- properties ----------

/// A state from per-person choices: an index below the option count picks
/// that option, the next value is "Not sure", anything above leaves the
/// question unanswered.
fn state_from(choices: &[Vec<usize>]) -> WorkshopState {
    let mut w = WorkshopState::default();
    for (i, person) in choices.iter().enumerate() {
        let mut ans = BTreeMap::new();
        for (q, c) in QUESTIONS.iter().zip(person) {
            if *c < q.options.len() {
                ans.insert(q.id.to_string(), q.options[*c].id.to_string());
            } else if *c == q.options.len() {
                ans.insert(q.id.to_string(), NOT_SURE.to_string());
            }
        }
        w.add_with_answers(&format!("P{i}"), ans).unwrap();
    }
    w
}

/// The room's figures are finite and in range.
fn check_room(g: &GroupResult) -> Result<(), TestCaseError> {
    prop_assert!(g.position.is_finite() && g.position.abs() <= 100.0);
    prop_assert!(g.position_spread.is_finite() && (0.0..=100.0).contains(&g.position_spread));
    prop_assert_eq!(g.motion, motion_at(g.position));
    prop_assert!(g.confidence <= 100);
    prop_assert!(g.coverage.is_finite() && (0.0..=1.0).contains(&g.coverage));
    for f in &g.factors {
        prop_assert!(f.contribution.is_finite());
        prop_assert!(f.people <= g.with_result && f.answers >= f.people);
    }
    Ok(())
}

/// A split room's camps: everyone with a result in exactly one, two people
/// or a quarter each, product-led camp first, motions two bands apart.
fn check_camps(
    camps: &[gtm_workbench::domain::workshop::Camp; 2],
    a: &Analysis,
) -> Result<(), TestCaseError> {
    let with_result: Vec<u32> = a
        .people
        .iter()
        .filter(|p| p.outcome.assessment().is_some())
        .map(|p| p.id)
        .collect();
    let mut members: Vec<u32> = camps.iter().flat_map(|c| c.members.clone()).collect();
    members.sort_unstable();
    let mut expected = with_result.clone();
    expected.sort_unstable();
    prop_assert_eq!(members, expected);
    let least = 2usize.max(with_result.len().div_ceil(4));
    for c in camps {
        prop_assert!(c.members.len() >= least);
        prop_assert_eq!(c.members.len(), c.names.len());
        prop_assert!(c.position.is_finite() && c.position.abs() <= 100.0);
        prop_assert_eq!(c.motion, motion_at(c.position));
    }
    prop_assert!(camps[0].position < camps[1].position);
    let index = |m: Motion| Motion::ALL.iter().position(|x| *x == m).unwrap();
    prop_assert!(index(camps[1].motion) >= index(camps[0].motion) + 2);
    Ok(())
}

proptest! {
    #[test]
    fn room_confidence_is_within_0_to_100_and_moves_the_documented_way(
        coverage in 0.0f64..=1.0,
        spread in 0.0f64..=100.0,
        position in -100.0f64..=100.0,
        more in 0.0f64..=1.0,
    ) {
        let c = room_confidence(coverage, spread, position);
        prop_assert!(c <= 100);
        // More answers never lower it; more disagreement never raises it.
        prop_assert!(room_confidence((coverage + more).min(1.0), spread, position) >= c);
        prop_assert!(room_confidence(coverage, (spread + 100.0 * more).min(100.0), position) <= c);
        // Moving towards the nearest edge never raises it.
        let d = edge_distance(position);
        let edge = [-60.0f64, -20.0, 20.0, 60.0]
            .into_iter()
            .min_by(|a, b| (position - a).abs().total_cmp(&(position - b).abs()))
            .unwrap();
        prop_assert!(((position - edge).abs() - d).abs() < 1e-9);
        let nearer = position + (edge - position) * more;
        prop_assert!(room_confidence(coverage, spread, nearer) <= c);
    }

    #[test]
    fn rooms_of_two_extremes_split_exactly_when_each_side_is_big_enough(
        sides in prop::collection::vec(prop::bool::ANY, 2..=12),
    ) {
        let people: Vec<(String, BTreeMap<String, String>)> = sides
            .iter()
            .enumerate()
            .map(|(i, sales)| (format!("P{i}"), if *sales { most_sales_led() } else { most_product_led() }))
            .collect();
        let refs: Vec<(&str, BTreeMap<String, String>)> =
            people.iter().map(|(n, a)| (n.as_str(), a.clone())).collect();
        let a = room_of(&refs).analyze(&Weights::default());
        let sales = sides.iter().filter(|s| **s).count();
        let least = 2usize.max(sides.len().div_ceil(4));
        let expect_split = sales >= least && sides.len() - sales >= least;
        prop_assert_eq!(a.group.camps().is_some(), expect_split, "{:?}", a.group);
        if let Some(camps) = a.group.camps() {
            check_camps(camps, &a)?;
            prop_assert_eq!(camps[0].motion, Motion::ProductLed);
            prop_assert_eq!(camps[1].motion, Motion::SalesLed);
            prop_assert_eq!(camps[1].members.len(), sales);
        }
        check_room(a.group.room().unwrap())?;
    }

    #[test]
    fn every_number_of_the_analysis_is_finite_and_in_range(
        choices in prop::collection::vec(prop::collection::vec(0usize..8, QUESTIONS.len()), 0..=12),
        ws in prop::collection::vec(0u8..=10, 6),
    ) {
        let w = state_from(&choices);
        prop_assert!(w.validate().is_ok());
        let mut weights = Weights::default();
        for (f, v) in Factor::ALL.into_iter().zip(&ws) {
            weights.set(f, *v);
        }
        let a = w.analyze(&weights);
        if let Some(g) = a.group.room() {
            check_room(g)?;
        }
        prop_assert_eq!(a.group.result().is_some(), matches!(a.group, GroupOutcome::Ready(_)));
        if let Some(camps) = a.group.camps() {
            check_camps(camps, &a)?;
        }
        for q in &a.questions {
            prop_assert!(q.disagreement.is_finite() && (0.0..=100.0).contains(&q.disagreement));
            let named: usize = q.choices.iter().map(|c| c.names.len()).sum::<usize>() + q.unanswered.len();
            prop_assert_eq!(named, w.participants.len());
        }
        for f in &a.factors {
            prop_assert!(f.disagreement.is_finite() && (0.0..=100.0).contains(&f.disagreement));
        }
        prop_assert_eq!(a.heatmap.cells.len(), 6);
        for row in &a.heatmap.cells {
            prop_assert_eq!(row.len(), w.participants.len());
            for c in row {
                if let Some(o) = c.offset {
                    prop_assert!(o.is_finite() && o.abs() <= 200.0);
                }
            }
        }
        let top = a.discuss_first(5);
        for pair in top.windows(2) {
            prop_assert!(pair[0].disagreement >= pair[1].disagreement);
        }
    }
}
