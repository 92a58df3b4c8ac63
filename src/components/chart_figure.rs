//! One chart on the page: its SVG in the theme's palette, drawn for the
//! width it gets, its text alternative as the caption, and a button to
//! download it.
//!
//! The width is measured (a `ResizeObserver` on the chart's box) and the
//! chart redrawn for it ([`Chart::svg_at`]), so its type keeps the palette's
//! size on a phone instead of shrinking with a scaled-down 720 px drawing.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::charts::{Chart, Palette, VIEW_WIDTH};
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

/// Widths are redrawn in steps of this many px (rounded down, so the
/// drawing is never wider than its room and its type never shrinks).
const WIDTH_STEP: u32 = 8;

/// The width to draw for a box `client_width` px wide: rounded down to
/// [`WIDTH_STEP`]; `None` while the box has no width (hidden, not laid out).
fn drawn_width(client_width: i32) -> Option<u32> {
    let w = u32::try_from(client_width).ok()?;
    Some(w / WIDTH_STEP * WIDTH_STEP).filter(|w| *w > 0)
}

/// Keeps `width` at the drawn width of the element behind `node`, from its
/// first layout on, until the component unmounts.
fn track_width(node: NodeRef<leptos::html::Div>, width: RwSignal<Option<u32>>) {
    type Callback = Closure<dyn FnMut(js_sys::Array, web_sys::ResizeObserver)>;
    let observer: StoredValue<Option<(web_sys::ResizeObserver, Callback)>, LocalStorage> =
        StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(el) = node.get() else {
            return;
        };
        if observer.with_value(Option::is_some) {
            return;
        }
        let el: web_sys::Element = el.into();
        let target = el.clone();
        let callback: Callback = Closure::new(move |_: js_sys::Array, _| {
            let w = drawn_width(target.client_width());
            if w.is_some() && width.try_get_untracked() != Some(w) {
                // Redrawn in the next frame: the new drawing changes the
                // box's height, which must not land inside this round of
                // resize notifications (the browser reports that as a loop).
                request_animation_frame(move || {
                    width.try_set(w);
                });
            }
        });
        let Ok(ro) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
            return;
        };
        ro.observe(&el);
        observer.set_value(Some((ro, callback)));
    });
    on_cleanup(move || {
        if let Some(Some(ro)) = observer.try_with_value(|o| o.as_ref().map(|(r, _)| r.clone())) {
            ro.disconnect();
        }
        observer.try_set_value(None);
    });
}

/// One chart: the SVG, its text alternative as the caption, and a button to
/// download it (the download is the 720 px drawing, whatever the screen).
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
    let node = NodeRef::<leptos::html::Div>::new();
    let width: RwSignal<Option<u32>> = RwSignal::new(None);
    track_width(node, width);
    let svg = Memo::new(move |_| {
        let w = width.get().unwrap_or(VIEW_WIDTH);
        palette.with(|p| chart.with(|c| c.svg_at(p, w)))
    });
    let alt = Memo::new(move |_| chart.with(Chart::text_alternative));
    let title = Memo::new(move |_| chart.with(|c| c.spec().title.clone()));
    let download = move |_| {
        let name = format!("{slug}-{}.svg", files::today());
        let content = palette.with_untracked(|p| chart.with_untracked(|c| c.svg(p)));
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
            <div class="chart-svg" node_ref=node inner_html=move || svg.get()></div>
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_is_drawn_no_wider_than_its_box() {
        assert_eq!(drawn_width(0), None);
        assert_eq!(drawn_width(-5), None);
        assert_eq!(drawn_width(350), Some(344));
        assert_eq!(drawn_width(344), Some(344));
        assert_eq!(drawn_width(3), None);
    }
}
