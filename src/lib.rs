//! GTM Workbench: decide between sales-led, product-led and hybrid growth,
//! and test the decision on your own numbers.
//!
//! Layers, dependencies pointing one way: `pages` and `components` (UI) →
//! `app` (state) → `domain` (pure); `persist` → `domain`; `charts` draws plain data.

pub mod app;
pub mod charts;
pub mod chunks;
pub mod components;
pub mod domain;
pub mod pages;
pub mod persist;
