//! The route views: each workspace page, wrapped so the router can mount it.

use leptos::prelude::*;

/// `/` and `/assess`.
#[component]
pub fn AssessRoute() -> impl IntoView {
    view! { <section class="page"><h1>"Assess"</h1></section> }
}

/// `/compare`.
#[component]
pub fn CompareRoute() -> impl IntoView {
    view! { <section class="page"><h1>"Compare"</h1></section> }
}

/// `/simulate`.
#[component]
pub fn SimulateRoute() -> impl IntoView {
    view! { <section class="page"><h1>"Simulate"</h1></section> }
}

/// `/plan`.
#[component]
pub fn PlanRoute() -> impl IntoView {
    view! { <section class="page"><h1>"Plan"</h1></section> }
}

/// `/workshop`.
#[component]
pub fn WorkshopRoute() -> impl IntoView {
    view! { <section class="page"><h1>"Workshop"</h1></section> }
}
