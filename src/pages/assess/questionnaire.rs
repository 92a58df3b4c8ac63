//! The questions, grouped by factor: each a radio group with its hint.

use leptos::prelude::*;

use crate::domain::assess::{questions_for, Factor, Question, NOT_SURE, NOT_SURE_LABEL};
use crate::state::use_workbench;

/// All questions, one section per factor.
#[component]
pub fn Questionnaire() -> impl IntoView {
    Factor::ALL
        .into_iter()
        .enumerate()
        .map(|(i, factor)| {
            let heading_id = format!("factor-{}", factor.slug());
            let labelled_by = heading_id.clone();
            view! {
                <section class="factor" aria-labelledby=labelled_by>
                    <h2 id=heading_id>{format!("{}. {}", i + 1, factor.label())}</h2>
                    {questions_for(factor).map(|q| view! { <QuestionView question=q/> }).collect_view()}
                </section>
            }
        })
        .collect_view()
}

/// One question as a radio group: the legend is the question, the hint says
/// why it matters.
#[component]
fn QuestionView(question: &'static Question) -> impl IntoView {
    let wb = use_workbench();
    let hint_id = format!("hint-{}", question.id);
    let described_by = hint_id.clone();
    let chosen = Memo::new(move |_| wb.assess.with(|s| s.answers.get(question.id).cloned()));
    let choose = move |option: &'static str| {
        wb.assess.update(|s| {
            s.answers
                .insert(question.id.to_string(), option.to_string());
        });
    };
    let options = question
        .options
        .iter()
        .map(|o| (o.id, o.label))
        .chain(std::iter::once((NOT_SURE, NOT_SURE_LABEL)));
    view! {
        <fieldset class="question" aria-describedby=described_by data-question=question.id>
            <legend>{question.prompt}</legend>
            <p class="hint" id=hint_id>{question.hint}</p>
            <div class="options">
                {options
                    .map(|(id, label)| {
                        let input_id = format!("q-{}-{}", question.id, id);
                        let label_for = input_id.clone();
                        view! {
                            <label class="option" class:not-sure=id == NOT_SURE for=label_for>
                                <input
                                    type="radio"
                                    id=input_id
                                    name=question.id
                                    value=id
                                    prop:checked=move || chosen.get().as_deref() == Some(id)
                                    on:change=move |_| choose(id)
                                />
                                <span>{label}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}
