//! Every place in the app: the [`Route`] enum used by `<Routes>`, the
//! navigation and every in-app link, and [`href`], which adds the sub-path
//! the app is served under.

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    /// The questionnaire (also at `/`).
    Assess,
    /// The comparison table.
    Compare,
    /// The figures of a billing export.
    Measure,
    /// The simulator.
    Simulate,
    /// The plan.
    Plan,
    /// The workshop.
    Workshop,
    /// How the numbers are computed.
    Methods,
}

/// The app's name, the end of every page title.
pub const APP_NAME: &str = "GTM Workbench";

/// The title of the page shown for an unknown path.
pub const NOT_FOUND_TITLE: &str = "Page not found · GTM Workbench";

impl Route {
    /// The steps of the work, in order: what the navigation numbers and
    /// marks as done. A new workspace that is a step of the work is added
    /// here (and nowhere else in the navigation).
    pub const STEPS: [Route; 5] = [
        Route::Assess,
        Route::Compare,
        Route::Measure,
        Route::Simulate,
        Route::Plan,
    ];

    /// The workspace for a room, beside the steps rather than one of them.
    pub const ROOM: Route = Route::Workshop;

    /// Every route, for matching a path.
    pub const ALL: [Route; 7] = [
        Route::Assess,
        Route::Compare,
        Route::Measure,
        Route::Simulate,
        Route::Plan,
        Route::Workshop,
        Route::Methods,
    ];

    /// The path, starting with `/`, without the sub-path.
    pub fn path(self) -> &'static str {
        match self {
            Route::Assess => "/assess",
            Route::Compare => "/compare",
            Route::Measure => "/measure",
            Route::Simulate => "/simulate",
            Route::Plan => "/plan",
            Route::Workshop => "/workshop",
            Route::Methods => "/methods",
        }
    }

    /// The name in the navigation.
    pub fn label(self) -> &'static str {
        match self {
            Route::Assess => "Assess",
            Route::Compare => "Compare",
            Route::Measure => "Measure",
            Route::Simulate => "Simulate",
            Route::Plan => "Plan",
            Route::Workshop => "Workshop",
            Route::Methods => "How the numbers are computed",
        }
    }

    /// The path without its leading `/`: the segment `<Routes>` matches.
    pub fn segment(self) -> &'static str {
        self.path().trim_start_matches('/')
    }

    /// The link to this page, with the sub-path.
    pub fn href(self) -> String {
        href(self.path())
    }

    /// The link to an anchor on this page, e.g. `/methods#ltv`.
    pub fn href_to(self, anchor: &str) -> String {
        href(&format!("{}#{anchor}", self.path()))
    }

    /// The document title: `Assess · GTM Workbench`.
    pub fn title(self) -> String {
        format!("{} · {APP_NAME}", self.label())
    }

    /// The step number (1 for Assess), or `None` for a route that is not a
    /// step of the work ([`Route::ROOM`], the methods page).
    pub fn step(self) -> Option<usize> {
        Route::STEPS.iter().position(|r| *r == self).map(|i| i + 1)
    }

    /// The route at `path` (without the sub-path): `/` and `/assess` are
    /// Assess; a trailing slash is ignored; `None` for a path the app does
    /// not know (the not-found page).
    pub fn at(path: &str) -> Option<Route> {
        let path = path.trim_end_matches('/');
        if path.is_empty() {
            return Some(Route::Assess);
        }
        Route::ALL.into_iter().find(|r| r.path() == path)
    }

    /// The route of a browser path, which starts with the sub-path the app
    /// is served under (see [`set_base`]).
    pub fn of_location(pathname: &str) -> Option<Route> {
        let base = BASE.get().map(String::as_str).unwrap_or_default();
        Route::at(pathname.strip_prefix(base).unwrap_or(pathname))
    }
}

/// What a screen reader hears after a route change: "Opened Compare.", or
/// "Page not found." for an unknown path.
pub fn announcement(route: Option<Route>) -> String {
    route.map_or_else(
        || "Page not found.".to_string(),
        |r| format!("Opened {}.", r.label()),
    )
}

/// The document title for the route at a path, the not-found page included.
pub fn title_of(route: Option<Route>) -> String {
    route.map_or_else(|| NOT_FOUND_TITLE.to_string(), Route::title)
}

/// The path prefix the app is served under: `""` at the root of a host, or
/// e.g. `"/gtm"` when built with `--public-url /gtm/`. Set once at start.
static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Records the sub-path the app is served under (without the trailing
/// slash) and returns it; later calls keep the first value.
pub fn set_base(base: String) -> String {
    BASE.get_or_init(|| base).clone()
}

/// An in-app link for `path` (which starts with `/`), with the sub-path the
/// app is served under. Prefer [`Route::href`]; `use_navigate` adds the
/// prefix itself and takes the bare path.
pub fn href(path: &str) -> String {
    format!(
        "{}{path}",
        BASE.get().map(String::as_str).unwrap_or_default()
    )
}
