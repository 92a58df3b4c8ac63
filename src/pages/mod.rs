//! One module per workspace, plus the not-found page.

pub mod not_found;
pub mod workspace_routes;
