//! The two SVG drawings of the result: the spectrum gauge with its marker,
//! and a diverging bar per factor. Drawn as SVG elements (not images) so they
//! stay sharp on a projector and take the theme's colours.

use leptos::prelude::*;

use crate::domain::assess::{lean_phrase, signed, FactorResult, BANDS};

/// Width of the drawing area in SVG units; the SVG scales to its container.
const W: f64 = 440.0;
/// Left and right margins of the scale.
const PAD: f64 = 16.0;

/// The x coordinate of a position −100..=100 on the scale.
fn x_of(position: f64) -> f64 {
    let p = position.clamp(-100.0, 100.0);
    PAD + (p + 100.0) / 200.0 * (W - 2.0 * PAD)
}

fn band_class(i: usize) -> &'static str {
    [
        "band-pl",
        "band-plsa",
        "band-hybrid",
        "band-slpa",
        "band-sl",
    ]
    .get(i)
    .copied()
    .unwrap_or("band-hybrid")
}

/// Short labels that fit under each band.
const BAND_SHORT: [&str; 5] = [
    "Product-led",
    "PLG + assist",
    "Hybrid",
    "SLG + product",
    "Sales-led",
];

/// The spectrum from −100 (product-led) to +100 (sales-led), its five bands
/// and a marker at `position`.
#[component]
pub fn SpectrumGauge(#[prop(into)] position: Signal<f64>) -> impl IntoView {
    let label = move || {
        format!(
            "Position {} on a scale from −100, fully product-led, to +100, fully sales-led.",
            signed(position.get())
        )
    };
    let marker = move || {
        let x = x_of(position.get());
        format!("{:.1},18 {:.1},4 {:.1},4", x, x - 9.0, x + 9.0)
    };
    view! {
        <svg class="gauge" viewBox=format!("0 0 {W} 96") role="img" aria-label=label
            data-testid="assess-gauge" preserveAspectRatio="xMidYMid meet">
            {BANDS
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    let x0 = x_of(b.lo);
                    let x1 = x_of(b.hi);
                    view! {
                        <rect class=band_class(i) x=x0 y="22" width=x1 - x0 height="26"></rect>
                        <text class="band-label" x=(x0 + x1) / 2.0 y="68" text-anchor="middle">
                            {BAND_SHORT.get(i).copied().unwrap_or("")}
                        </text>
                    }
                })
                .collect_view()}
            <text class="scale-label" x=PAD y="90" text-anchor="start">"−100"</text>
            <text class="scale-label" x=W / 2.0 y="90" text-anchor="middle">"0"</text>
            <text class="scale-label" x=W - PAD y="90" text-anchor="end">"+100"</text>
            <polygon class="marker" points=marker></polygon>
            <line class="marker-line" x1=move || x_of(position.get()) x2=move || x_of(position.get())
                y1="18" y2="50"></line>
        </svg>
    }
}

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
                        format!("{}: {} ({})", f.factor.label(), lean_phrase(l), signed(l))
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
