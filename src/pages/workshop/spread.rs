//! Where the team disagrees: the questions to discuss first, then per factor
//! the spread of the people's leans and, per question, who said what.

use leptos::prelude::*;

use crate::domain::assess::{question, signed, Factor, NOT_SURE_LABEL};
use crate::domain::workshop::{Analysis, FactorSpread, QuestionSpread};

/// How many questions are marked "discuss first".
const DISCUSS_FIRST: usize = 3;

/// The label of an option of question `qid` ("Not sure" for anything else).
fn option_label(qid: &str, oid: &str) -> &'static str {
    question(qid)
        .and_then(|q| q.option(oid))
        .map_or(NOT_SURE_LABEL, |o| o.label)
}

fn prompt(qid: &str) -> &'static str {
    question(qid).map_or("", |q| q.prompt)
}

/// A disagreement figure in lean points, whole numbers.
fn points(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.0}")
    } else {
        "0".to_string()
    }
}

/// The ids of the questions to discuss first, most disagreement first.
fn discuss_ids(a: &Analysis) -> Vec<&'static str> {
    a.discuss_first(DISCUSS_FIRST)
        .into_iter()
        .map(|q| q.question)
        .collect()
}

/// The top questions by disagreement.
#[component]
pub fn DiscussFirst(analysis: Memo<Analysis>) -> impl IntoView {
    let top = Memo::new(move |_| {
        analysis.with(|a| {
            a.discuss_first(DISCUSS_FIRST)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="discuss-first" aria-labelledby="discuss-heading">
            <h3 id="discuss-heading">"Discuss first"</h3>
            <p class="formula">
                "The questions where the answers lie furthest apart: disagreement = standard deviation of "
                "the leans of the answers given (0 = everyone agrees, 100 = opposite ends), “Not sure” left out."
            </p>
            {move || {
                let list = top.get();
                if list.is_empty() {
                    view! {
                        <p data-testid="discuss-none">
                            "No disagreement yet: on every question answered by two or more people, they gave the same lean."
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <ol class="discuss-list" data-testid="discuss-first">
                            {list
                                .into_iter()
                                .map(|q| view! {
                                    <li>
                                        <QuestionBlock spread=q marked=true/>
                                    </li>
                                })
                                .collect_view()}
                        </ol>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// Who chose what on one question.
#[component]
fn QuestionBlock(spread: QuestionSpread, marked: bool) -> impl IntoView {
    let qid = spread.question;
    let chosen: Vec<_> = spread
        .choices
        .iter()
        .filter(|c| !c.names.is_empty())
        .map(|c| {
            let lean = c
                .lean
                .map(|l| format!(" ({})", signed(f64::from(l))))
                .unwrap_or_default();
            view! {
                <li>
                    <span class="choice-label">{format!("{}{lean}", option_label(qid, c.option))}": "</span>
                    <span class="choice-names">{c.names.join(", ")}</span>
                </li>
            }
        })
        .collect();
    let nobody: Vec<&str> = spread
        .choices
        .iter()
        .filter(|c| c.names.is_empty() && c.lean.is_some())
        .map(|c| option_label(qid, c.option))
        .collect();
    let unanswered = spread.unanswered.join(", ");
    view! {
        <div class="question-spread" data-question=qid data-testid=format!("spread-{qid}")>
            <p class="question-prompt">
                {marked.then(|| view! { <span class="badge">"Discuss first"</span>" " })}
                <strong>{prompt(qid)}</strong>
                <span class="disagreement">{format!(" · disagreement {}", points(spread.disagreement))}</span>
            </p>
            <ul class="choices">
                {chosen}
                {(!unanswered.is_empty()).then(|| view! {
                    <li class="muted">"Not answered yet: "{unanswered}</li>
                })}
            </ul>
            {(!nobody.is_empty()).then(|| view! {
                <p class="muted nobody">{format!("Nobody chose: {}.", nobody.join("; "))}</p>
            })}
        </div>
    }
}

/// The spread of one factor and its questions.
#[component]
fn FactorBlock(
    spread: FactorSpread,
    questions: Vec<QuestionSpread>,
    discuss: Vec<&'static str>,
) -> impl IntoView {
    let factor: Factor = spread.factor;
    let range = match (spread.lowest, spread.highest) {
        (Some(lo), Some(hi)) => format!("from {} to {}", signed(lo), signed(hi)),
        _ => "no leans yet".to_string(),
    };
    let team = spread
        .group_lean
        .map_or("no team lean yet".to_string(), |g| {
            format!("team {}", signed(g))
        });
    let phrases: Vec<_> = spread
        .by_phrase
        .iter()
        .filter(|(_, names)| !names.is_empty())
        .map(|(phrase, names)| view! { <li><span class="choice-label">{*phrase}": "</span>{names.join(", ")}</li> })
        .collect();
    let no_lean = spread.no_lean.join(", ");
    let marked_here = questions
        .iter()
        .filter(|q| discuss.contains(&q.question))
        .count();
    let summary = if marked_here > 0 {
        format!(
            "Who answered what ({} questions, {marked_here} to discuss first)",
            questions.len()
        )
    } else {
        format!("Who answered what ({} questions)", questions.len())
    };
    view! {
        <section class="factor-spread" data-testid=format!("factor-spread-{}", factor.slug())>
            <h4>{factor.label()}</h4>
            <p class="factor-figures">
                {format!("{team} · {range} · disagreement {}", points(spread.disagreement))}
            </p>
            <ul class="choices">
                {phrases}
                {(!no_lean.is_empty()).then(|| view! { <li class="muted">"No lean yet: "{no_lean}</li> })}
            </ul>
            <details>
                <summary>{summary}</summary>
                {questions
                    .into_iter()
                    .map(|q| {
                        let marked = discuss.contains(&q.question);
                        view! { <QuestionBlock spread=q marked=marked/> }
                    })
                    .collect_view()}
            </details>
        </section>
    }
}

/// Per factor: the spread of leans, then per question who said what.
#[component]
pub fn FactorSpreads(analysis: Memo<Analysis>) -> impl IntoView {
    // Only what this section shows: a weight change leaves it as it is, so
    // the parts someone opened stay open.
    let parts = Memo::new(move |_| {
        analysis.with(|a| (a.factors.clone(), a.questions.clone(), discuss_ids(a)))
    });
    view! {
        <section class="factor-spreads" aria-labelledby="spread-heading">
            <h3 id="spread-heading">"Views per factor"</h3>
            <p class="formula">
                "A person’s factor lean is the mean lean of their answers on that factor, −100 (product-led) "
                "to +100 (sales-led). Disagreement = standard deviation of those leans across the people."
            </p>
            {move || parts.with(|(factors, questions, discuss)| {
                factors
                    .iter()
                    .map(|f| {
                        let of_factor: Vec<QuestionSpread> = questions
                            .iter()
                            .filter(|q| q.factor == f.factor)
                            .cloned()
                            .collect();
                        view! { <FactorBlock spread=f.clone() questions=of_factor discuss=discuss.clone()/> }
                    })
                    .collect_view()
            })}
        </section>
    }
}
