//! The header: product name, the six workspaces, the theme and data menus.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::data_menu::DataMenu;
use crate::domain::state::Theme;
use crate::routes::Route;
use crate::state::use_workbench;

/// The page header.
#[component]
pub fn Header() -> impl IntoView {
    let wb = use_workbench();
    view! {
        <header class="app-header">
            <A href=Route::Assess.href() attr:class="brand">"GTM Workbench"</A>
            <nav aria-label="Workspaces">
                <ul>
                    {Route::WORKSPACES
                        .into_iter()
                        .map(|route| view! { <li><A href=route.href()>{route.label()}</A></li> })
                        .collect_view()}
                </ul>
            </nav>
            <div class="header-tools">
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
