//! The stored format and the only code that touches local storage.
//!
//! `schema` is pure and natively tested; `storage` and `files` talk to the
//! browser (they compile natively but only run in it).

pub mod files;
pub mod schema;
pub mod share;
pub mod storage;
