//! The Workshop workspace (`/workshop`): a room of people answers the Assess
//! questionnaire, one after another on the shared screen (presenter mode) or
//! on their own devices (answer codes), and the facilitator sees the room's
//! result beside each person's own, where they disagree, and how the result
//! moves when the weights change.
//!
//! Everything shown is computed by [`crate::domain::workshop`]: one
//! [`Analysis`] per change of the participants or of the weights in force.

mod codes;
mod heatmap;
mod participants;
mod presenter;
mod results;
mod spread;
mod weights;

use leptos::prelude::*;

use crate::domain::assess::{progress, Weights};
use crate::domain::workshop::{Analysis, WorkshopState};
use crate::state::{try_set, use_workbench, Workbench};

use codes::CodesPanel;
use heatmap::HeatmapPanel;
use participants::ParticipantsPanel;
use presenter::{Presenter, PresenterOverlay, PresenterStart};
use results::ResultsTable;
use spread::{DiscussFirst, FactorSpreads};
use weights::WeightsPanel;

pub(crate) use crate::components::spectrum_gauge::SpectrumGauge;

/// Adds the person named in the `name` field: on success the field and
/// `error` are cleared and the new id returned; a refused name (blank, taken,
/// the room full) leaves the field as typed and says why in `error`.
fn add_person(
    wb: Workbench,
    name: RwSignal<String>,
    error: RwSignal<Option<String>>,
) -> Option<u32> {
    let typed = name.get_untracked();
    match try_set(wb.workshop, |w| w.add(&typed))? {
        Ok(id) => {
            name.set(String::new());
            error.set(None);
            Some(id)
        }
        Err(e) => {
            error.set(Some(e.to_string()));
            None
        }
    }
}

/// "7 of 20 answered" for one participant's answers, or "" if unknown.
fn answered_text(state: &WorkshopState, id: u32) -> String {
    state
        .participant(id)
        .map(|p| progress(&p.answers).text())
        .unwrap_or_default()
}

/// The Workshop page.
#[component]
pub fn WorkshopPage() -> impl IntoView {
    let wb = use_workbench();
    // The weights in force: the facilitator's for this session, or Assess's.
    let weights = Memo::new(move |_| {
        let own: Weights = wb.assess.with(|a| a.weights);
        wb.workshop.with(|w| w.weights(&own))
    });
    let analysis: Memo<Analysis> =
        Memo::new(move |_| wb.workshop.with(|w| w.analyze(&weights.get())));
    let presenter = Presenter::new(wb);
    provide_context(presenter);
    let count = move || wb.workshop.with(|w| w.participants.len());

    view! {
        <section class="page workshop">
            <h1>"Workshop: decide as a team"</h1>
            <p class="lede">
                "Everyone in the room answers the same questions, on the shared screen or on their own "
                "phone. The page then puts the team’s result beside each person’s, shows where views "
                "differ, and lets you change the weights while you talk it through."
            </p>
            <div class="workshop-setup">
                <ParticipantsPanel/>
                <PresenterStart/>
            </div>
            <CodesPanel/>
            <div class="workshop-analysis">
                <div class="workshop-main">
                    <h2 id="workshop-results-heading">"Results"</h2>
                    <Show when=move || { count() >= 1 }>
                        <ResultsTable analysis=analysis/>
                    </Show>
                    <Show
                        when=move || { count() >= 2 }
                        fallback=move || view! {
                            <p class="workshop-empty card" data-testid="workshop-too-few">
                                {move || if count() == 0 {
                                    "Add at least two people to compare views. Once each has answered, the \
                                     team’s result, the spread of answers and the heatmap appear here."
                                } else {
                                    "Add at least two people to compare views: with one person there is no \
                                     team result and nothing to disagree about yet."
                                }}
                            </p>
                        }
                    >
                        <DiscussFirst analysis=analysis/>
                        <HeatmapPanel analysis=analysis/>
                        <FactorSpreads analysis=analysis/>
                    </Show>
                </div>
                <WeightsPanel weights=weights analysis=analysis/>
            </div>
            <PresenterOverlay analysis=analysis/>
        </section>
    }
}
