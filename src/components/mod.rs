//! Small reusable pieces of UI.

pub mod data_menu;
pub mod header;
pub mod notices;
pub mod number_field;
pub mod share;
