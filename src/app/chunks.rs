//! The workspaces that load on demand: Compare, Measure, Simulate, Plan,
//! Workshop and the methods page each live in their own WebAssembly chunk,
//! fetched the first time the workspace opens (or earlier, when the browser is idle). Assess stays in
//! the main module, so the first question needs no chunk.
//!
//! **How a chunk gets made.** With the cargo feature `split` (every Trunk
//! build), each workspace's view is a `#[wasm_split]` function: the compiler
//! leaves it as an import, and `wasm-split-cli` (run by tools/bin/wasm-bindgen
//! before the real wasm-bindgen) moves its code into a file of its own, with a
//! small JavaScript loader that fetches it. Without the feature (`cargo test`)
//! the pages are ordinary routes.
//!
//! **A chunk that fails to load.** The `#[lazy_route]` macro of Leptos 0.8
//! panics when the fetch fails, which stops the whole app. The routes here are
//! written out by hand with the `fallible` form of `wasm_split`, so a failed
//! fetch becomes [`ChunkFailed`]: a notice in place of the workspace with
//! "Try again", while the header, the other workspaces and the data stay
//! usable. The service worker keeps every chunk for offline use, so this is
//! only seen when the network drops before the first visit has finished.

use leptos::prelude::*;

/// A workspace compiled into its own chunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chunk {
    /// The comparison table.
    Compare,
    /// The figures of a billing export.
    Measure,
    /// The scenario simulator.
    Simulate,
    /// The plan and its report.
    Plan,
    /// The workshop room.
    Workshop,
    /// How the numbers are computed (the formulas page).
    Methods,
}

impl Chunk {
    /// Every chunk, in the order they are fetched when the browser is idle
    /// (the simulator first: it is the largest and the most visited).
    pub const ALL: [Chunk; 6] = [
        Chunk::Simulate,
        Chunk::Compare,
        Chunk::Plan,
        Chunk::Measure,
        Chunk::Workshop,
        Chunk::Methods,
    ];

    /// The workspace's name as the navigation shows it.
    pub fn label(self) -> &'static str {
        match self {
            Chunk::Compare => "Compare",
            Chunk::Measure => "Measure",
            Chunk::Simulate => "Simulate",
            Chunk::Plan => "Plan",
            Chunk::Workshop => "Workshop",
            Chunk::Methods => "How the numbers are computed",
        }
    }
}

// The views of the lazy routes: `compare()`, `measure()`, `simulate()`,
// `plan()`, `workshop()`, `methods()` (lazy with the `split` feature, the
// page itself without).
pub use lazy::{compare, measure, methods, plan, simulate, workshop};

/// After the first paint, loads every chunk in turn whenever the browser is
/// idle, so that opening a workspace later is instant and works even if the
/// network has gone by then. A failure is ignored here: the workspace tries
/// again when it is opened. Does nothing without the `split` feature.
pub fn prefetch_when_idle() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        // The reader of saved data first: the first save needs no reader,
        // but an import or another tab's save does.
        lazy::idle().await;
        let _ = super::reader::load().await;
        for chunk in Chunk::ALL {
            lazy::idle().await;
            let _ = lazy::load(chunk).await;
        }
    });
}

/// Shown in place of a workspace whose chunk could not be fetched.
#[component]
pub fn ChunkFailed(
    /// The workspace whose chunk did not arrive.
    chunk: Chunk,
) -> impl IntoView {
    #[derive(Clone, Copy, PartialEq)]
    enum Attempt {
        First,
        Loading,
        FailedAgain,
        Loaded,
    }
    let attempt = RwSignal::new(Attempt::First);
    let retry = move |_| {
        if attempt.get_untracked() == Attempt::Loading {
            return;
        }
        attempt.set(Attempt::Loading);
        leptos::task::spawn_local(async move {
            let next = if lazy::load(chunk).await.is_ok() {
                Attempt::Loaded
            } else {
                Attempt::FailedAgain
            };
            attempt.set(next);
        });
    };
    // Only loading the workspace replaces the notice; the other changes
    // update it in place, so the button keeps the focus.
    let loaded = Memo::new(move |_| attempt.get() == Attempt::Loaded);
    move || {
        if loaded.get() {
            // The chunk is in memory now: its view resolves at once.
            return Suspend::new(send_wrapper::SendWrapper::new(lazy::view(chunk))).into_any();
        }
        view! {
            <section class="page chunk-failed" role="alert">
                <h1>{format!("{} did not load", chunk.label())}</h1>
                <p>
                    "This workspace is downloaded the first time it opens, and that download failed: \
                     the connection may have dropped. Your data is safe in this browser, and the other \
                     workspaces still work."
                </p>
                <Show when=move || attempt.get() == Attempt::FailedAgain>
                    <p>"Still no connection. Check it and try once more."</p>
                </Show>
                // aria-disabled, not disabled: a disabled button drops the focus.
                <button
                    type="button"
                    on:click=retry
                    aria-disabled=move || (attempt.get() == Attempt::Loading).to_string()
                >
                    {move || if attempt.get() == Attempt::Loading { "Loading…" } else { "Try again" }}
                </button>
            </section>
        }
        .into_any()
    }
}

/// The split itself (feature `split`): one fallible split function per
/// workspace, and a hand-written `LazyRoute` for each.
#[cfg(feature = "split")]
mod lazy {
    use leptos::prelude::*;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};
    use leptos_router::{ChooseView, Lazy, LazyRoute};

    use super::{Chunk, ChunkFailed};
    use crate::pages::compare::ComparePage;
    use crate::pages::measure::MeasurePage;
    use crate::pages::methods::MethodsPage;
    use crate::pages::plan::PlanPage;
    use crate::pages::simulate::SimulatePage;
    use crate::pages::workshop::WorkshopPage;

    /// The view of the `/compare` route.
    pub fn compare() -> impl ChooseView {
        Lazy::<CompareRoute>::new()
    }

    /// The view of the `/measure` route.
    pub fn measure() -> impl ChooseView {
        Lazy::<MeasureRoute>::new()
    }

    /// The view of the `/simulate` route.
    pub fn simulate() -> impl ChooseView {
        Lazy::<SimulateRoute>::new()
    }

    /// The view of the `/plan` route.
    pub fn plan() -> impl ChooseView {
        Lazy::<PlanRoute>::new()
    }

    /// The view of the `/workshop` route.
    pub fn workshop() -> impl ChooseView {
        Lazy::<WorkshopRoute>::new()
    }

    /// The view of the `/methods` route.
    pub fn methods() -> impl ChooseView {
        Lazy::<MethodsRoute>::new()
    }

    // Each function below is what moves into its chunk: the workspace's
    // whole view, with everything only it uses. `fallible` makes a failed
    // fetch an `Err` instead of a panic.
    #[wasm_split(compare, fallible, wasm_split_path = ::leptos::wasm_split, preload(load_compare))]
    fn compare_view() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <ComparePage/> }.into_any())
    }

    #[wasm_split(measure, fallible, wasm_split_path = ::leptos::wasm_split, preload(load_measure))]
    fn measure_view() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <MeasurePage/> }.into_any())
    }

    #[wasm_split(simulate, fallible, wasm_split_path = ::leptos::wasm_split, preload(load_simulate))]
    fn simulate_view() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <SimulatePage/> }.into_any())
    }

    #[wasm_split(plan, fallible, wasm_split_path = ::leptos::wasm_split, preload(load_plan))]
    fn plan_view() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <PlanPage/> }.into_any())
    }

    #[wasm_split(workshop, fallible, wasm_split_path = ::leptos::wasm_split, preload(load_workshop))]
    fn workshop_view() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <WorkshopPage/> }.into_any())
    }

    #[wasm_split(methods, fallible, wasm_split_path = ::leptos::wasm_split, preload(load_methods))]
    fn methods_view() -> Result<AnyView, SplitLoaderError> {
        Ok(view! { <MethodsPage/> }.into_any())
    }

    /// Fetches and instantiates the chunk (at most once; a failure is not
    /// remembered, so the next call tries again), and the stylesheets of
    /// the lazy workspaces.
    pub async fn load(chunk: Chunk) -> Result<(), SplitLoaderError> {
        let styles = deferred_styles();
        let loaded = match chunk {
            Chunk::Compare => load_compare().await,
            Chunk::Measure => load_measure().await,
            Chunk::Simulate => load_simulate().await,
            Chunk::Plan => load_plan().await,
            Chunk::Workshop => load_workshop().await,
            Chunk::Methods => load_methods().await,
        };
        styles.await;
        loaded
    }

    /// The workspace, or the notice when its chunk cannot be had.
    pub async fn view(chunk: Chunk) -> AnyView {
        let styles = deferred_styles();
        let loaded = match chunk {
            Chunk::Compare => compare_view().await,
            Chunk::Measure => measure_view().await,
            Chunk::Simulate => simulate_view().await,
            Chunk::Plan => plan_view().await,
            Chunk::Workshop => workshop_view().await,
            Chunk::Methods => methods_view().await,
        };
        styles.await;
        loaded.unwrap_or_else(|_| view! { <ChunkFailed chunk/> }.into_any())
    }

    /// Turns on the stylesheets index.html links `disabled` (those of the
    /// five lazy workspaces, which Assess does not need: not fetched before
    /// the first question), once, and returns a future that resolves when
    /// each has loaded or failed. The stylesheets are not split per
    /// workspace: they share rules, so they are turned on together.
    fn deferred_styles() -> impl std::future::Future<Output = ()> {
        let all = STYLES.with(|styles| {
            styles
                .borrow_mut()
                .get_or_insert_with(turn_on_styles)
                .clone()
        });
        let done = wasm_bindgen_futures::JsFuture::from(all);
        async move {
            let _ = done.await;
        }
    }

    /// Removes `disabled` from each deferred stylesheet (the browser then
    /// fetches it) and returns a promise of them all having loaded or failed.
    fn turn_on_styles() -> js_sys::Promise {
        use wasm_bindgen::JsCast;
        let each = js_sys::Array::new();
        if let Ok(links) = document().query_selector_all("link[data-deferred-style]") {
            for i in 0..links.length() {
                let Some(link) = links
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                each.push(&js_sys::Promise::new(&mut |resolve, _| {
                    // An unstyled workspace beats none: an error also resolves.
                    let _ = link.add_event_listener_with_callback("load", &resolve);
                    let _ = link.add_event_listener_with_callback("error", &resolve);
                }));
                let _ = link.remove_attribute("disabled");
            }
        }
        js_sys::Promise::all(&each)
    }

    thread_local! {
        /// The deferred stylesheets' loading, once they are turned on.
        static STYLES: std::cell::RefCell<Option<js_sys::Promise>> = const { std::cell::RefCell::new(None) };
    }

    /// Resolves when the browser is next idle, or after two seconds at most
    /// (a page that keeps the browser busy, e.g. a focused control on
    /// Assess in Chromium, may otherwise never be idle), or a second later
    /// where `requestIdleCallback` does not exist.
    pub async fn idle() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let window = window();
            let has_idle =
                js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
            let _ = if has_idle {
                let options = web_sys::IdleRequestOptions::new();
                options.set_timeout(2000);
                window
                    .request_idle_callback_with_options(&resolve, &options)
                    .map(|_| ())
            } else {
                window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1000)
                    .map(|_| ())
            };
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }

    // The router preloads a route before it leaves the current page, so the
    // page in view stays until the chunk is there. `data` carries nothing:
    // every workspace reads the shared workbench.
    macro_rules! lazy_route {
        ($route:ident, $chunk:expr) => {
            /// The lazily loaded route of one workspace.
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_: Self) -> AnyView {
                    view($chunk).await
                }

                async fn preload() {
                    // A failure shows when the view asks for the chunk again.
                    let _ = load($chunk).await;
                }
            }
        };
    }

    lazy_route!(CompareRoute, Chunk::Compare);
    lazy_route!(MeasureRoute, Chunk::Measure);
    lazy_route!(SimulateRoute, Chunk::Simulate);
    lazy_route!(PlanRoute, Chunk::Plan);
    lazy_route!(WorkshopRoute, Chunk::Workshop);
    lazy_route!(MethodsRoute, Chunk::Methods);
}

/// Without the `split` feature every workspace is an ordinary route.
#[cfg(not(feature = "split"))]
mod lazy {
    use leptos::prelude::*;
    use leptos_router::ChooseView;

    use super::Chunk;
    use crate::pages::compare::ComparePage;
    use crate::pages::measure::MeasurePage;
    use crate::pages::methods::MethodsPage;
    use crate::pages::plan::PlanPage;
    use crate::pages::simulate::SimulatePage;
    use crate::pages::workshop::WorkshopPage;

    /// The view of the `/compare` route.
    pub fn compare() -> impl ChooseView {
        ComparePage
    }

    /// The view of the `/measure` route.
    pub fn measure() -> impl ChooseView {
        MeasurePage
    }

    /// The view of the `/simulate` route.
    pub fn simulate() -> impl ChooseView {
        SimulatePage
    }

    /// The view of the `/plan` route.
    pub fn plan() -> impl ChooseView {
        PlanPage
    }

    /// The view of the `/workshop` route.
    pub fn workshop() -> impl ChooseView {
        WorkshopPage
    }

    /// The view of the `/methods` route.
    pub fn methods() -> impl ChooseView {
        MethodsPage
    }

    /// Nothing to fetch: every page is in the main module.
    pub async fn load(_: Chunk) -> Result<(), std::convert::Infallible> {
        Ok(())
    }

    /// The workspace itself.
    pub async fn view(chunk: Chunk) -> AnyView {
        match chunk {
            Chunk::Compare => view! { <ComparePage/> }.into_any(),
            Chunk::Measure => view! { <MeasurePage/> }.into_any(),
            Chunk::Simulate => view! { <SimulatePage/> }.into_any(),
            Chunk::Plan => view! { <PlanPage/> }.into_any(),
            Chunk::Workshop => view! { <WorkshopPage/> }.into_any(),
            Chunk::Methods => view! { <MethodsPage/> }.into_any(),
        }
    }
}
