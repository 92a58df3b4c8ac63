//! The spectrum from −100 (product-led) to +100 (sales-led) with its five
//! bands and a marker at a position: the result of Assess, of each workshop
//! participant and of the room. Drawn as SVG elements so it stays sharp on
//! a projector and takes the theme's colours.

use leptos::prelude::*;

use crate::domain::assess::{signed, BANDS};

/// Width of the drawing area in SVG units; the SVG scales to its container.
pub const W: f64 = 440.0;
/// Left and right margins of the scale.
pub const PAD: f64 = 16.0;

/// The x coordinate of a position −100..=100 on the scale.
pub fn x_of(position: f64) -> f64 {
    let p = position.clamp(-100.0, 100.0);
    PAD + (p + 100.0) / 200.0 * (W - 2.0 * PAD)
}

/// The CSS class of the band at index `i` of [`BANDS`].
pub fn band_class(i: usize) -> &'static str {
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
pub fn SpectrumGauge(
    /// Where the marker sits: −100 (fully product-led) to +100 (fully sales-led).
    #[prop(into)]
    position: Signal<f64>,
) -> impl IntoView {
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
