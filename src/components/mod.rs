//! Small shared leaves of UI used by two or more pages: the validated field
//! (number and text), the data table, the confirm button, the weight slider,
//! focus helpers, a figure with its formula and reading (Kpi), the chart
//! figure, the projection charts and the spectrum gauge.

pub mod chart_figure;
pub mod confirm;
pub mod data_table;
pub mod field;
pub mod focus;
pub mod kpi;
pub mod number_field;
pub mod projection_charts;
pub mod spectrum_gauge;
pub mod text_field;
pub mod weight_slider;
