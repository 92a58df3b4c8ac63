//! The live result panel: the motion and what it means, the gauge, the
//! factor chart, warnings, what would flip it, and where to go next.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::assess::{confidence_formula, motion_description, signed, Assessment, Outcome};
use crate::routes::Route;
use crate::state::derived::use_outcome;
use crate::state::use_workbench;

use super::gauge::FactorBars;
use crate::components::spectrum_gauge::SpectrumGauge;

/// The result panel.
#[component]
pub fn ResultPanel() -> impl IntoView {
    let wb = use_workbench();
    let outcome = use_outcome();
    let all_weights_zero = move || wb.assess.with(|s| s.weights.active_count() == 0);
    // One sentence for screen readers, announced politely when it changes.
    let announcement = move || match outcome.get() {
        Outcome::Ready(a) => format!(
            "Recommendation: {}. Position {}, confidence {} percent.",
            a.motion.label(),
            signed(a.position),
            a.confidence
        ),
        Outcome::NotEnough { .. } => "No recommendation yet.".to_string(),
    };
    view! {
        <aside class="result card" aria-labelledby="result-heading" data-testid="assess-result">
            <h2 id="result-heading">"Your result"</h2>
            <p class="sr-only" aria-live="polite" aria-atomic="true">{announcement}</p>
            {move || match outcome.get() {
                Outcome::NotEnough { scored, needed } => {
                    let text = if all_weights_zero() {
                        "Every factor weight is 0, so there is nothing to score. Give at least one factor a weight.".to_string()
                    } else {
                        let more = needed.saturating_sub(scored);
                        format!(
                            "Answer {more} more question{} (other than “Not sure”) to see a recommendation. \
                             It needs about one real answer per factor, so the result is never a guess.",
                            if more == 1 { "" } else { "s" }
                        )
                    };
                    view! { <p class="not-enough" data-testid="assess-not-enough">{text}</p> }.into_any()
                }
                Outcome::Ready(a) => view! { <Recommendation assessment=a/> }.into_any(),
            }}
        </aside>
    }
}

#[component]
fn Recommendation(assessment: Assessment) -> impl IntoView {
    let wb = use_workbench();
    let navigate = use_navigate();
    let motion = assessment.motion;
    let position = assessment.position;
    let factors = assessment.factors.clone();
    let model = move |_| {
        wb.assess.update(|s| s.chosen_motion = Some(motion));
        navigate(
            &format!("{}?preset={}", Route::Simulate.path(), motion.slug()),
            Default::default(),
        );
    };
    let compare_href = format!(
        "{}?highlight={}",
        Route::Compare.href(),
        motion.column().slug()
    );
    view! {
        <p class="motion-name" data-testid="assess-motion">{motion.label()}</p>
        <p class="motion-description">{motion_description(motion)}</p>
        <dl class="result-figures">
            <div>
                <dt>"Position"</dt>
                <dd data-testid="assess-position">{signed(position)}</dd>
            </div>
            <div>
                <dt>"Confidence"</dt>
                <dd data-testid="assess-confidence" aria-describedby="confidence-breakdown">
                    {format!("{}%", assessment.confidence)}
                </dd>
            </div>
        </dl>
        <p class="formula" id="confidence-breakdown" data-testid="assess-confidence-breakdown">
            {assessment.confidence_parts.breakdown()}
        </p>
        <details class="formula" data-testid="assess-confidence-formula">
            <summary>"How confidence is worked out"</summary>
            <p>{confidence_formula()}</p>
        </details>
        <SpectrumGauge position=Signal::derive(move || position)/>
        <p class="formula">
            "Position = Σ(weight × factor lean) ÷ Σ weight; a factor’s lean is the mean of its answers, "
            "−100 (product-led) to +100 (sales-led)."
        </p>
        <h3>"What drives it"</h3>
        <FactorBars factors=Signal::derive(move || factors.clone())/>
        <ul class="factor-reasons">
            {assessment
                .factors
                .iter()
                .map(|f| {
                    let contribution = if f.weight == 0 || f.lean.is_none() {
                        String::new()
                    } else {
                        format!(" Contribution {} (weight {}).", signed(f.contribution), f.weight)
                    };
                    view! {
                        <li>
                            <strong>{f.factor.label()}": "</strong>
                            {f.why.clone()}
                            {contribution}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        {(!assessment.warnings.is_empty()).then(|| view! {
            <h3>"Answers that pull against each other"</h3>
            <ul class="warnings" data-testid="assess-warnings">
                {assessment.warnings.iter().map(|w| view! { <li>{w.message}</li> }).collect_view()}
            </ul>
        })}
        <h3>"What would change it"</h3>
        <p data-testid="assess-flip">
            {assessment.flip.sentence()}
        </p>
        <h3>"How well each motion fits"</h3>
        <ol class="ranking">
            {assessment
                .ranking
                .iter()
                .map(|(m, fit)| {
                    let current = *m == motion;
                    view! {
                        <li class:current=current>
                            <span>{m.label()}</span>
                            <meter min="0" max="100" value=*fit aria-label=format!("Fit of {}", m.label())></meter>
                            <span class="fit">{format!("{fit}%")}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <div class="next-steps">
            <a class="button" href=compare_href>"See it in Compare"</a>
            <button type="button" class="primary" on:click=model>"Model this motion"</button>
        </div>
    }
}
