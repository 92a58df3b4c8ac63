//! The diverging bar per factor under the result: drawn as SVG elements
//! (not images) so it stays sharp on a projector and takes the theme's
//! colours. The spectrum gauge above it is a shared component.

use leptos::prelude::*;

use crate::components::spectrum_gauge::{PAD, W};
use crate::domain::assess::{signed, FactorResult, Lean};

/// One bar per factor: product-led to the left of the centre line, sales-led
/// to the right, length = the factor's lean. The factor's name sits above
/// its bar so that long names need no truncation.
#[component]
pub fn FactorBars(#[prop(into)] factors: Signal<Vec<FactorResult>>) -> impl IntoView {
    const ROW: f64 = 46.0;
    const TOP: f64 = 22.0;
    let centre = W / 2.0;
    let half = W / 2.0 - PAD;
    let height = move || factors.with(|f| f.len() as f64 * ROW + TOP + 4.0);
    let summary = move || {
        factors.with(|list| {
            list.iter()
                .map(|f| match f.lean {
                    Some(l) if f.weight > 0 => {
                        format!(
                            "{}: {} ({})",
                            f.factor.label(),
                            Lean::from_value(l).phrase(),
                            signed(l)
                        )
                    }
                    Some(_) => format!("{}: left out", f.factor.label()),
                    None => format!("{}: no answers yet", f.factor.label()),
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
    };
    view! {
        <svg class="factor-bars" viewBox=move || format!("0 0 {W} {}", height()) role="img"
            aria-label=move || format!("Lean of each factor. {}", summary())
            data-testid="assess-factor-chart" preserveAspectRatio="xMidYMid meet">
            <text class="axis-label" x=PAD y="14" text-anchor="start">"← product-led"</text>
            <text class="axis-label" x=W - PAD y="14" text-anchor="end">"sales-led →"</text>
            {move || {
                factors
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let y = TOP + i as f64 * ROW;
                        let lean = f.lean.unwrap_or(0.0).clamp(-100.0, 100.0);
                        let len = lean.abs() / 100.0 * half;
                        let x = if lean < 0.0 { centre - len } else { centre };
                        let class = if f.weight == 0 || f.lean.is_none() {
                            "bar bar-muted"
                        } else if lean < 0.0 {
                            "bar bar-plg"
                        } else {
                            "bar bar-slg"
                        };
                        let value = match (f.lean, f.weight) {
                            (None, _) => "no answers".to_string(),
                            (Some(_), 0) => "left out".to_string(),
                            (Some(l), _) => signed(l),
                        };
                        view! {
                            <text class="bar-label" x=PAD y=y + 14.0>{f.factor.label()}</text>
                            <text class="bar-value" x=W - PAD y=y + 14.0 text-anchor="end">{value}</text>
                            <rect class=class x=x y=y + 20.0 width=len.max(1.5) height="18"></rect>
                        }
                    })
                    .collect_view()
            }}
            <line class="centre-line" x1=centre x2=centre y1=TOP y2=move || height() - 2.0></line>
        </svg>
    }
}
