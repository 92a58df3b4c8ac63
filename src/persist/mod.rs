//! The stored format and the only code that touches local storage.
//!
//! `schema`, `explain` (why a document could not be read, in words) and
//! `share` are pure and natively tested; `storage` and `files` talk to the
//! browser (they compile natively but only run in it).

pub mod explain;
pub mod files;
pub mod schema;
pub mod share;
pub mod storage;
