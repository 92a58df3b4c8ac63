//! Local storage: load at start, save, and keep what cannot be read. The
//! only module that touches the browser's storage.
//!
//! Reads and writes of the document go through `gloo-storage` (typed: the
//! document is JSON, written and read as a `RawValue`, so the exact text
//! is kept to compare with other tabs). Every call copes with storage that
//! is missing, blocked (private modes, sandboxed frames) or full: the app
//! then keeps working in memory. `gloo_storage::LocalStorage::raw()` panics
//! when storage is blocked, so nothing here calls it before [`available`]
//! said storage can be used.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage as _};
use serde_json::value::RawValue;
use web_sys::Storage;

use super::schema::{Decode, DecodeError};
use crate::domain::state::AppState;

/// The key the state document lives under.
pub const KEY: &str = "gtm-workbench";
/// Where an unreadable document is moved, so it is never thrown away.
pub const BACKUP_KEY: &str = "gtm-workbench.unreadable";

/// Where this tab keeps a shared copy that is open in place of the user's
/// data (session storage: it lasts for the tab, reloads included).
pub const SHARED_COPY_KEY: &str = "gtm-workbench.shared-copy";

/// Session storage, if this page may use it.
fn session_storage() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The shared copy this tab keeps, if any.
pub fn read_shared_copy() -> Option<String> {
    session_storage()?.get_item(SHARED_COPY_KEY).ok().flatten()
}

/// Keeps `raw` as this tab's shared copy.
///
/// # Errors
/// A message when session storage is blocked or full.
pub fn write_shared_copy(raw: &str) -> Result<(), String> {
    session_storage()
        .ok_or_else(|| "session storage is not available".to_string())?
        .set_item(SHARED_COPY_KEY, raw)
        .map_err(|_| "session storage refused the copy (it may be full)".to_string())
}

/// Forgets this tab's shared copy.
pub fn clear_shared_copy() {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(SHARED_COPY_KEY);
    }
}

/// What went wrong while loading, for the notice the app shows.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadProblem {
    /// Local storage cannot be used at all; changes live only in memory.
    Blocked,
    /// The stored document could not be read; it was moved to [`BACKUP_KEY`]
    /// (when `backed_up`) and the app started with defaults.
    Unreadable {
        /// Why it could not be read.
        error: DecodeError,
        /// Whether the copy under [`BACKUP_KEY`] was written.
        backed_up: bool,
        /// The raw text, offered for download.
        raw: String,
    },
    /// The document was written by a newer version; it is left untouched and
    /// this tab does not save.
    Newer {
        /// The version found.
        version: u64,
    },
    /// A document is stored, but the part of the app that reads it could
    /// not be fetched (offline before the first visit finished): it is left
    /// untouched and this tab does not save.
    NoReader,
}

/// The result of [`load`].
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The state to start with.
    pub state: AppState,
    /// The raw text now under [`KEY`], if any; used to notice writes by other tabs.
    pub raw: Option<String>,
    /// What went wrong, if anything.
    pub problem: Option<LoadProblem>,
}

/// Local storage, if this page may use it. Never panics: `window.localStorage`
/// itself throws in some browsers when storage is blocked.
pub fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether local storage can be used here; checked before every call into
/// `gloo-storage`, whose handle panics when it cannot.
pub fn available() -> bool {
    local_storage().is_some()
}

/// Reads the text stored under `key`: through `gloo-storage` when it is
/// JSON (every document the app writes is), else as plain text so an
/// unreadable copy is still kept. `None` when absent or blocked.
pub fn read_raw(key: &str) -> Option<String> {
    if !available() {
        return None;
    }
    match LocalStorage::get::<Box<RawValue>>(key) {
        Ok(raw) => Some(raw.get().to_string()),
        Err(StorageError::KeyNotFound(_)) => None,
        Err(_) => local_storage()?.get_item(key).ok().flatten(),
    }
}

/// Writes the document `raw` (JSON text) under `key` through
/// `gloo-storage`, verbatim.
///
/// # Errors
/// A message when storage is blocked or full, or `raw` is not JSON.
pub fn write_raw(key: &str, raw: &str) -> Result<(), String> {
    if !available() {
        return Err("local storage is not available".to_string());
    }
    let value = RawValue::from_string(raw.to_string())
        .map_err(|_| "the data to save is not valid JSON".to_string())?;
    LocalStorage::set(key, value)
        .map_err(|_| "local storage refused the write (it may be full or blocked)".to_string())
}

/// Whether this browser holds a document or this tab a shared copy, i.e.
/// whether start-up needs the reader (read as plain text, not parsed).
pub fn holds_data() -> bool {
    let stored = local_storage().is_some_and(|s| matches!(s.get_item(KEY), Ok(Some(_))));
    stored || read_shared_copy().is_some()
}

/// Loads the state at start-up with `decode`, the document reader (`None`
/// when it could not be had). Nothing stored gives defaults; an unreadable
/// document is moved to [`BACKUP_KEY`]; a newer one, or any one when there
/// is no reader, is left alone.
pub fn load(decode: Option<Decode>) -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded {
            state: AppState::default(),
            raw: None,
            problem: Some(LoadProblem::Blocked),
        };
    };
    let raw = match storage.get_item(KEY) {
        // The text byte for byte, so an unreadable copy is kept exactly as
        // it was (gloo-storage would parse it first).
        Ok(Some(raw)) => raw,
        Ok(None) => {
            return Loaded {
                state: AppState::default(),
                raw: None,
                problem: None,
            }
        }
        Err(_) => {
            return Loaded {
                state: AppState::default(),
                raw: None,
                problem: Some(LoadProblem::Blocked),
            }
        }
    };
    let Some(decode) = decode else {
        return Loaded {
            state: AppState::default(),
            raw: Some(raw),
            problem: Some(LoadProblem::NoReader),
        };
    };
    match decode(&raw) {
        Ok(state) => Loaded {
            state,
            raw: Some(raw),
            problem: None,
        },
        Err(DecodeError::NewerVersion(version)) => Loaded {
            state: AppState::default(),
            raw: Some(raw),
            problem: Some(LoadProblem::Newer { version }),
        },
        Err(error) => {
            // Remove first, then back up: a large document would not fit twice.
            let _ = storage.remove_item(KEY);
            let backed_up = storage.set_item(BACKUP_KEY, &raw).is_ok();
            if !backed_up {
                // Put it back rather than lose it; the app will not overwrite it
                // until the user has had the chance to download it.
                let _ = storage.set_item(KEY, &raw);
            }
            Loaded {
                state: AppState::default(),
                raw: if backed_up { None } else { Some(raw.clone()) },
                problem: Some(LoadProblem::Unreadable {
                    error,
                    backed_up,
                    raw,
                }),
            }
        }
    }
}
