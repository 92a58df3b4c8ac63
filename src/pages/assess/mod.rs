//! The Assess workspace (`/assess`).

use leptos::prelude::*;

/// The Assess page.
#[component]
pub fn AssessPage() -> impl IntoView {
    view! { <section class="page"><h1>"Assess"</h1></section> }
}
