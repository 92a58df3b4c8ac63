//! Small shared leaves of UI used by two or more pages: the validated
//! number field, and (as the structure settles) the chart figure, the
//! spectrum gauge, tables, confirm buttons and focus helpers.

pub mod chart_figure;
pub mod number_field;
pub mod projection_charts;
pub mod spectrum_gauge;
