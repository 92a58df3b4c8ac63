//! A motion picker whose first option follows another choice ("Follow
//! Assess", "Recommended: …"): the plan's motion and the pilot's.

use leptos::prelude::*;

use crate::domain::motion::Motion;

/// A labelled `<select>` of the motions, led by a "follow" option that
/// stands for no choice of its own (`None`).
#[component]
pub(super) fn MotionSelect(
    /// The visible label.
    label: &'static str,
    /// The select's id.
    id: &'static str,
    /// Extra class on the field's wrapper.
    #[prop(optional)]
    class: Option<&'static str>,
    /// The id of a help text that describes the select.
    #[prop(optional)]
    described_by: Option<&'static str>,
    /// The motion picked here, if any.
    #[prop(into)]
    picked: Signal<Option<Motion>>,
    /// The text of the "follow" option.
    #[prop(into)]
    follow_label: Signal<String>,
    /// Called with each choice (`None`: follow).
    on_pick: Callback<Option<Motion>>,
) -> impl IntoView {
    let wrapper = match class {
        Some(extra) => format!("field {extra}"),
        None => "field".to_string(),
    };
    view! {
        <div class=wrapper>
            <label for=id>{label}</label>
            <select
                id=id
                aria-describedby=described_by
                on:change:target=move |ev| on_pick.run(Motion::from_slug(&ev.target().value()))
            >
                <option value="" selected=move || picked.get().is_none()>{follow_label}</option>
                {Motion::ALL
                    .into_iter()
                    .map(|m| view! {
                        <option value=m.slug() selected=move || picked.get() == Some(m)>{m.label()}</option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
