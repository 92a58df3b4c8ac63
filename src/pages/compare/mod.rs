//! The Compare workspace (`/compare`).

use leptos::prelude::*;

/// The Compare page.
#[component]
pub fn ComparePage() -> impl IntoView {
    view! { <section class="page"><h1>"Compare"</h1></section> }
}
