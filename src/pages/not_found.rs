//! The page for a path the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::Route;

/// Shown for an unknown path, with a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page not-found">
            <h1>"Page not found"</h1>
            <p>"There is no workspace at this address."</p>
            <p><A href=Route::Assess.href()>"Go to Assess"</A></p>
        </section>
    }
}
