//! Where each workspace of the navigation stands, read from the workbench:
//! the route picks the slice, [`crate::domain::steps`] says what it means.

use leptos::prelude::*;

use super::Workbench;
use crate::domain::assess::Outcome;
use crate::domain::steps::{self, StepStatus};
use crate::routes::Route;

/// The status of `route`'s step, tracked: a closure calling this re-runs
/// when that slice changes. `outcome` is the shared Assess outcome
/// ([`super::derived::use_outcome`]), so the questionnaire is not scored
/// twice. `None` for a page that is not a workspace (the methods page).
pub fn status(
    wb: Workbench,
    route: Route,
    outcome: impl FnOnce() -> Outcome,
) -> Option<StepStatus> {
    Some(match route {
        Route::Assess => {
            let progress = wb.assess.with(|a| a.progress());
            steps::assess(progress, matches!(outcome(), Outcome::Ready(_)))
        }
        Route::Compare => wb.compare.with(steps::compare),
        Route::Measure => wb.measure.with(steps::measure),
        Route::Simulate => wb.simulate.with(steps::simulate),
        Route::Plan => wb.plan.with(steps::plan),
        Route::Workshop => wb.workshop.with(steps::workshop),
        Route::Methods => return None,
    })
}
