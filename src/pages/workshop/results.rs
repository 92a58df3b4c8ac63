//! The team's result next to each person's own: one table, the team row
//! first, and the gauge at the team's position.

use leptos::prelude::*;

use crate::domain::assess::{signed, Outcome};
use crate::domain::motion::Motion;
use crate::domain::workshop::{Analysis, GroupOutcome};

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
    let group_row = move || match group.get() {
        GroupOutcome::Ready(g) => view! {
            <tr class="group-row" data-testid="group-row">
                <th scope="row">{format!("The team ({} people)", g.with_result)}</th>
                <td data-testid="group-motion">{g.motion.label()}</td>
                <td class="num" data-testid="group-position">{signed(g.position)}</td>
                <td class="num">{format!("spread ±{:.0}", g.position_spread)}</td>
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
    };
    view! {
        <section class="workshop-results" aria-labelledby="team-heading">
            <h3 id="team-heading">"The team and each person"</h3>
            <div class="table-scroll">
                <table class="results-table" data-testid="workshop-results">
                    <caption class="sr-only">"The team’s result and each person’s own result"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Who"</th>
                            <th scope="col">"Motion"</th>
                            <th scope="col" class="num">"Position"</th>
                            <th scope="col" class="num">"Confidence"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {group_row}
                        {rows}
                    </tbody>
                </table>
            </div>
            {move || group.get().result().map(|g| {
                let position = g.position;
                let votes = votes_text(&g.votes);
                view! {
                    <SpectrumGauge position=Signal::derive(move || position)/>
                    <p class="hint">{format!("Own results: {votes}.")}</p>
                }
            })}
            <p class="formula">
                "Position runs from −100 (fully product-led) to +100 (fully sales-led). Team position = "
                "Σ(weight × team factor lean) ÷ Σ weight, where a team factor lean is the mean of the "
                "people’s own factor leans. Spread = standard deviation of the people’s own positions. "
                "Confidence is each person’s own, as in Assess."
            </p>
        </section>
    }
}
