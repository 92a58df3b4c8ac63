//! The Assess workspace (`/assess`, also `/`): the six-factor questionnaire
//! on the left, the live recommendation on the right.

pub(crate) mod gauge;
mod questionnaire;
mod result;
mod weights;

use leptos::prelude::*;

use crate::components::confirm::ConfirmButton;
use crate::domain::assess::{AssessState, PRICE_BANDS_NOTE};
use crate::state::use_workbench;

use questionnaire::Questionnaire;
use result::ResultPanel;
use weights::WeightsPanel;

/// The Assess page.
#[component]
pub fn AssessPage() -> impl IntoView {
    let wb = use_workbench();
    let progress = Memo::new(move |_| wb.assess.with(AssessState::progress));
    let has_answers = move || wb.assess.with(|s| !s.answers.is_empty());
    let clear = Callback::new(move |()| wb.assess.update(|s| s.answers.clear()));
    view! {
        <section class="page assess">
            <h1>"Assess: which growth motion fits you?"</h1>
            <p class="lede">
                "Answer a few questions about your customers, product, price, market, money and team. "
                "The recommendation on the right updates as you go and explains itself: what drives it, "
                "where your answers disagree, and what would change it."
            </p>
            <div class="assess-layout">
                <div class="assess-questions">
                    <div class="assess-toolbar">
                        <p class="progress" data-testid="assess-progress">
                            <strong>{move || progress.get().text()}</strong>
                        </p>
                        <progress
                            max=move || progress.get().total
                            value=move || progress.get().answered
                            aria-label="Questions answered"
                        ></progress>
                        <ConfirmButton
                            button="Clear answers…"
                            disabled=move || !has_answers()
                            label="Confirm clearing the answers"
                            question="Clear every answer?"
                            yes="Yes, clear"
                            on_confirm=clear
                        />
                    </div>
                    <details class="price-note">
                        <summary>"About the price bands"</summary>
                        <p>{PRICE_BANDS_NOTE}</p>
                    </details>
                    <Questionnaire/>
                    <WeightsPanel/>
                </div>
                <ResultPanel/>
            </div>
        </section>
    }
}
