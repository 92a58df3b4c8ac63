//! The Simulate workspace (`/simulate`).

use leptos::prelude::*;

/// The Simulate page.
#[component]
pub fn SimulatePage() -> impl IntoView {
    view! { <section class="page"><h1>"Simulate"</h1></section> }
}
