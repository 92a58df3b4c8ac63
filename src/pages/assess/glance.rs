//! The result at a glance, for a phone: one line in the questionnaire's
//! sticky toolbar naming the motion the answers point to, with a way to the
//! full result, so the person sees the recommendation move while answering
//! questions far above it. Wide screens have the result beside the
//! questions and hide this line (`style/assess.css`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::assess::Outcome;
use crate::state::derived::use_outcome;

/// Scrolls to the result panel's heading and gives it the focus, so the
/// next Tab continues inside the result.
fn go_to_result() {
    let Some(heading) = document()
        .get_element_by_id("result-heading")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    if !heading.has_attribute("tabindex") {
        let _ = heading.set_attribute("tabindex", "-1");
    }
    heading.scroll_into_view();
    let _ = heading.focus();
}

/// The line.
#[component]
pub fn ResultGlance() -> impl IntoView {
    let outcome = use_outcome();
    let text = move || match outcome.get() {
        Outcome::Ready(a) => format!("{} ({}% confident)", a.motion.label(), a.confidence),
        Outcome::NotEnough { .. } => "not yet: keep answering".to_string(),
    };
    view! {
        <p class="result-glance" data-testid="assess-glance">
            <span class="result-glance-label">"Your result: "</span>
            <strong>{text}</strong>
            " "
            <button type="button" class="link-button" on:click=move |_| go_to_result()>
                "See why"
            </button>
        </p>
    }
}
