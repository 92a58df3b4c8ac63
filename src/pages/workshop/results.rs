//! The team's result next to each person's own: one table, the team row
//! first, and the gauge at the team's position. A split room shows its two
//! camps instead of a team motion.

use leptos::prelude::*;

use crate::components::data_table::{Column, DataTable, Scroll};
use crate::domain::assess::{signed, Outcome};
use crate::domain::motion::Motion;
use crate::domain::workshop::{
    Analysis, Camp, GroupOutcome, ROOM_CONFIDENCE_FORMULA, ROOM_POSITION_FORMULA, SPLIT_RULE,
};

use super::SpectrumGauge;

/// "2 × Product-led, 1 × Hybrid: freemium to enterprise".
fn votes_text(votes: &[(Motion, usize)]) -> String {
    votes
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(m, n)| format!("{n} × {}", m.label()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Product-led (Ana, Ben)": a camp's motion and who is in it.
pub(super) fn camp_text(camp: &Camp) -> String {
    format!("{} ({})", camp.motion.label(), camp.names.join(", "))
}

/// The results table.
#[component]
pub fn ResultsTable(analysis: Memo<Analysis>) -> impl IntoView {
    let group = Memo::new(move |_| analysis.with(|a| a.group.clone()));
    let rows = move || {
        analysis.with(|a| {
            a.people
                .iter()
                .map(|p| {
                    let (motion, position, confidence) = match &p.outcome {
                        Outcome::Ready(x) => (
                            x.motion.label().to_string(),
                            signed(x.position),
                            format!("{}%", x.confidence),
                        ),
                        Outcome::NotEnough { scored, needed } => (
                            format!("Not enough answers ({scored} of {needed} needed)"),
                            "–".to_string(),
                            "–".to_string(),
                        ),
                    };
                    view! {
                        <tr>
                            <th scope="row">{p.name.clone()}</th>
                            <td>{motion}</td>
                            <td class="num">{position}</td>
                            <td class="num">{confidence}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let group_row = move || {
        match group.get() {
        GroupOutcome::Ready(g) => view! {
            <tr class="group-row" data-testid="group-row">
                <th scope="row">{format!("The team ({} people)", g.with_result)}</th>
                <td data-testid="group-motion">{g.motion.label()}</td>
                <td class="num" data-testid="group-position">{signed(g.position)}</td>
                <td class="num" data-testid="group-confidence">{format!("{}%", g.confidence)}</td>
            </tr>
        }
        .into_any(),
        GroupOutcome::Split { camps, room } => view! {
            <tr class="group-row" data-testid="group-row">
                <th scope="row">{format!("The team ({} people)", room.with_result)}</th>
                <td colspan="2" data-testid="group-motion">{format!(
                    "The room is split: {} and {}",
                    camps[0].motion.label(),
                    camps[1].motion.label()
                )}</td>
                <td class="num" data-testid="group-confidence">{format!("{}%", room.confidence)}</td>
            </tr>
        }
        .into_any(),
        GroupOutcome::NotEnough {
            with_result,
            needed,
        } => view! {
            <tr class="group-row" data-testid="group-row">
                <th scope="row">"The team"</th>
                <td colspan="3" data-testid="group-motion">{format!(
                    "Appears once {needed} people have a result of their own (now {with_result})."
                )}</td>
            </tr>
        }
        .into_any(),
    }
    };
    // Below the table: the gauge and the figures for a recommendation, or
    // the two camps for a split room (no gauge: its midpoint is nobody's).
    let below = move || {
        match group.get() {
        GroupOutcome::Ready(g) => {
            let position = g.position;
            let votes = votes_text(&g.votes);
            view! {
                <SpectrumGauge position=Signal::derive(move || position)/>
                <p class="hint">{format!(
                    "Own results: {votes}. Spread of own positions ±{:.0}.",
                    g.position_spread
                )}</p>
                <p class="formula" data-testid="room-confidence-formula">
                    {format!("Team confidence {}%. {ROOM_CONFIDENCE_FORMULA}", g.confidence)}
                </p>
            }
            .into_any()
        }
        GroupOutcome::Split { camps, room } => view! {
            <div class="room-split card" role="status" data-testid="room-split">
                <h4>"The room is split"</h4>
                <p>
                    "The team falls into two camps far apart, so there is no single recommendation. "
                    "Talk it through before choosing a motion."
                </p>
                <ul class="camp-list">
                    {camps.iter().map(|c| view! {
                        <li data-testid="room-camp">
                            <strong>{c.motion.label()}</strong>
                            {format!(
                                ": {} (average position {})",
                                c.names.join(", "),
                                signed(c.position)
                            )}
                        </li>
                    }).collect_view()}
                </ul>
                <p class="formula">{SPLIT_RULE}</p>
                <p class="formula" data-testid="room-confidence-formula">
                    {format!("Team confidence {}%. {ROOM_CONFIDENCE_FORMULA}", room.confidence)}
                </p>
            </div>
        }
        .into_any(),
        GroupOutcome::NotEnough { .. } => ().into_any(),
    }
    };
    view! {
        <section class="workshop-results" aria-labelledby="team-heading">
            <h3 id="team-heading">"The team and each person"</h3>
            <DataTable
                columns=[
                    Column::from("Who"),
                    Column::from("Motion"),
                    Column::num("Position"),
                    Column::num("Confidence"),
                ]
                caption="The team’s result and each person’s own result"
                class="results-table"
                testid="workshop-results"
                scroll=Scroll::Box
            >
                {group_row}
                {rows}
            </DataTable>
            {below}
            <p class="formula">
                "Position runs from −100 (fully product-led) to +100 (fully sales-led). "
                {ROOM_POSITION_FORMULA}
                " A person’s confidence is their own, as in Assess."
            </p>
        </section>
    }
}
