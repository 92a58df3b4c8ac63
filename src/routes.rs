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

impl Route {
    /// The workspaces, in the order of the navigation and of the work.
    pub const WORKSPACES: [Route; 6] = [
        Route::Assess,
        Route::Compare,
        Route::Measure,
        Route::Simulate,
        Route::Plan,
        Route::Workshop,
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
