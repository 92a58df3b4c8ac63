//! The Plan workspace (`/plan`).

use leptos::prelude::*;

/// The Plan page.
#[component]
pub fn PlanPage() -> impl IntoView {
    view! { <section class="page"><h1>"Plan"</h1></section> }
}
