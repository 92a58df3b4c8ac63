//! The header: product name, the workspaces as the numbered steps of the
//! work (with where the person is and how far each step has got), the
//! workshop beside them, Undo and Redo, the theme and data menus.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::app::data_menu::DataMenu;
use crate::app::undo::UndoButtons;
use crate::domain::state::Theme;
use crate::routes::Route;
use crate::state::derived::use_outcome;
use crate::state::{steps, use_workbench};

/// One workspace in the navigation: its name (the step number is drawn by
/// the stylesheet; an ordered list already tells a screen reader the
/// position) and, under it, how far it has got, which is also the link's
/// description. The item where the person is carries `aria-current="page"`
/// (Assess also on `/`).
#[component]
fn WorkspaceLink(route: Route) -> impl IntoView {
    let wb = use_workbench();
    let outcome = use_outcome();
    let location = use_location();
    let current = Memo::new(move |_| {
        location
            .pathname
            .with(|p| Route::of_location(p) == Some(route))
    });
    let status = Memo::new(move |_| steps::status(wb, route, || outcome.get()));
    let status_id = format!("step-status-{}", route.segment());
    let described = status_id.clone();
    view! {
        <li class:current=move || current.get()
            data-status=move || status.with(|s| s.as_ref().map(|s| s.slug()))>
            <a href=route.href() aria-current=move || current.get().then_some("page")
                aria-describedby=described>
                {route.label()}
            </a>
            // Seen: "✓ 20 of 20 answered"; heard, as the link's description:
            // "20 of 20 answered, done" (a hidden element referenced by
            // aria-describedby is still read).
            {move || status.get().map(|s| {
                let heard = if s.is_done() {
                    format!("{}, done", s.text())
                } else {
                    s.text().to_string()
                };
                view! {
                    <span class="step-status" aria-hidden="true">
                        {s.is_done().then_some("✓ ")}
                        {s.text().to_string()}
                    </span>
                    <span id=status_id.clone() hidden>{heard}</span>
                }
            })}
        </li>
    }
}

/// The page header.
#[component]
pub fn Header() -> impl IntoView {
    let wb = use_workbench();
    view! {
        <header class="app-header">
            <A href=Route::Assess.href() attr:class="brand">"GTM Workbench"</A>
            <nav aria-label="Workspaces">
                <ol class="steps">
                    {Route::STEPS
                        .into_iter()
                        .map(|route| view! { <WorkspaceLink route/> })
                        .collect_view()}
                </ol>
                <ul class="room">
                    <WorkspaceLink route=Route::ROOM/>
                </ul>
            </nav>
            <div class="header-tools">
                <UndoButtons/>
                <A href=Route::Methods.href() attr:class="methods-link">{Route::Methods.label()}</A>
                <label class="theme-picker">
                    "Theme "
                    <select
                        prop:value=move || wb.theme.get().slug()
                        on:change:target=move |ev| {
                            if let Some(theme) = Theme::from_slug(&ev.target().value()) {
                                wb.theme.set(theme);
                            }
                        }
                    >
                        {Theme::ALL
                            .into_iter()
                            .map(|t| view! {
                                <option value=t.slug() selected=move || wb.theme.get() == t>
                                    {t.label()}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </label>
                <DataMenu/>
            </div>
        </header>
    }
}
