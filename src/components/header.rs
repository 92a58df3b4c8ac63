//! The header: product name, the five workspaces, the theme and data menus.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::{href, use_store};
use crate::components::data_menu::DataMenu;
use crate::domain::state::Theme;

/// The workspaces, in the order of the navigation.
pub const WORKSPACES: [(&str, &str); 5] = [
    ("/assess", "Assess"),
    ("/compare", "Compare"),
    ("/simulate", "Simulate"),
    ("/plan", "Plan"),
    ("/workshop", "Workshop"),
];

/// The page header.
#[component]
pub fn Header() -> impl IntoView {
    let store = use_store();
    view! {
        <header class="app-header">
            <A href=href("/assess") attr:class="brand">"GTM Workbench"</A>
            <nav aria-label="Workspaces">
                <ul>
                    {WORKSPACES
                        .into_iter()
                        .map(|(path, label)| view! { <li><A href=href(path)>{label}</A></li> })
                        .collect_view()}
                </ul>
            </nav>
            <div class="header-tools">
                <A href=href("/methods") attr:class="methods-link">"How the numbers are computed"</A>
                <label class="theme-picker">
                    "Theme "
                    <select
                        prop:value=move || store.theme.get().slug()
                        on:change:target=move |ev| {
                            if let Some(theme) = Theme::from_slug(&ev.target().value()) {
                                store.theme.set(theme);
                            }
                        }
                    >
                        {Theme::ALL
                            .into_iter()
                            .map(|t| view! {
                                <option value=t.slug() selected=move || store.theme.get() == t>
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
