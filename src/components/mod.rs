//! Small shared leaves of UI used by two or more pages: the brief written
//! from the figures, the validated field
//! (number and text), the data table, the confirm button, the weight slider,
//! focus helpers, a figure with its formula and reading (Kpi), the chart
//! figure, the projection charts, the spectrum gauge and the "not updated"
//! note.

pub mod brief;
pub mod chart_figure;
pub mod confirm;
pub mod data_table;
pub mod field;
pub mod focus;
pub mod kpi;
pub mod number_field;
pub mod projection_charts;
pub mod spectrum_gauge;
pub mod stale_note;
pub mod text_field;
pub mod weight_slider;
