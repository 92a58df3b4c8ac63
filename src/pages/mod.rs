//! One module per workspace, plus the methods and not-found pages.

pub mod assess;
pub mod compare;
pub mod measure;
pub mod methods;
pub mod not_found;
pub mod plan;
pub mod simulate;
pub mod workshop;
