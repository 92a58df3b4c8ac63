//! GTM Workbench: decide between sales-led, product-led and hybrid growth,
//! and test the decision on your own numbers.
//!
//! Layers, dependencies pointing one way (a test in `tests/layers.rs` holds
//! them): `app` → `pages` → `components` and `charts` → `routes` and
//! `state` → `persist` → `domain`. Nothing imports a layer above its own,
//! and no page imports another page.

pub mod app;
pub mod charts;
pub mod components;
pub mod domain;
pub mod pages;
pub mod persist;
pub mod routes;
pub mod state;
