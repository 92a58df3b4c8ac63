//! One module per workspace, plus the not-found page.

pub mod assess;
pub mod compare;
pub mod not_found;
pub mod plan;
pub mod simulate;
pub mod workshop;
