//! One chart on the page: its SVG in the theme's palette, its text
//! alternative as the caption, and a button to download it.

use leptos::prelude::*;

use crate::charts::{Chart, Palette};
use crate::domain::state::Theme;
use crate::persist::files;
use crate::state::notices::{Notice, NoticeKey, NoticeLevel};
use crate::state::use_workbench;

/// The chart palette for an app theme.
pub fn palette_for(theme: Theme) -> Palette {
    match theme {
        Theme::Light => Palette::light(),
        Theme::Dark => Palette::dark(),
        Theme::Projector => Palette::projector(),
    }
}

/// One chart: the SVG, its text alternative as the caption, and a button to
/// download it.
#[component]
pub fn ChartFigure<C>(
    /// The chart data.
    chart: Memo<C>,
    /// Used for the file name and the test id (`chart-<slug>`).
    slug: &'static str,
) -> impl IntoView
where
    C: Chart + Clone + PartialEq + Send + Sync + 'static,
{
    let wb = use_workbench();
    let palette = Memo::new(move |_| palette_for(wb.theme.get()));
    let svg = Memo::new(move |_| palette.with(|p| chart.with(|c| c.svg(p))));
    let alt = Memo::new(move |_| chart.with(Chart::text_alternative));
    let title = Memo::new(move |_| chart.with(|c| c.spec().title.clone()));
    let download = move |_| {
        let name = format!("{slug}-{}.svg", files::today());
        let content = svg.get_untracked();
        if let Err(message) = files::download(&name, "image/svg+xml", &content) {
            wb.notify(Notice::new(
                NoticeKey::SimulateSvg,
                NoticeLevel::Error,
                message,
            ));
        }
    };
    view! {
        <figure class="chart" data-testid=format!("chart-{slug}")>
            <div class="chart-svg" inner_html=move || svg.get()></div>
            <figcaption>
                <span class="chart-alt">{move || alt.get()}</span>
                <button type="button" class="chart-download no-print" on:click=download
                    aria-label=move || format!("Download SVG: {}", title.get())>
                    "Download SVG"
                </button>
            </figcaption>
        </figure>
    }
}
