//! Pure domain code: scoring, comparison data, simulation, formulas and
//! validation. Nothing here knows about the browser, so all of it is tested
//! natively with `cargo test`.

pub mod assess;
pub mod benchmarks;
pub mod brief;
pub mod compare;
pub mod economics;
pub mod format;
pub mod input;
pub mod insight;
pub mod measure;
pub mod methods;
pub mod motion;
pub mod plan;
pub mod sim;
pub mod state;
pub mod steps;
pub mod unit;
pub mod workshop;
