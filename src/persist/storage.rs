//! Local storage: load at start, save, and keep what cannot be read.
//!
//! Every call here copes with storage that is missing, blocked (private
//! modes, sandboxed frames) or full: the app then keeps working in memory.

use web_sys::Storage;

use super::schema::{self, DecodeError};
use crate::domain::state::AppState;

/// The key the state document lives under.
pub const KEY: &str = "gtm-workbench";
/// Where an unreadable document is moved, so it is never thrown away.
pub const BACKUP_KEY: &str = "gtm-workbench.unreadable";

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

/// Reads the raw document, `None` when absent or unreadable.
pub fn read_raw(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Writes the raw document.
///
/// # Errors
/// A message when storage is blocked or full.
pub fn write_raw(key: &str, raw: &str) -> Result<(), String> {
    let storage = local_storage().ok_or_else(|| "local storage is not available".to_string())?;
    storage
        .set_item(key, raw)
        .map_err(|_| "local storage refused the write (it may be full or blocked)".to_string())
}

/// Loads the state at start-up. Nothing stored gives defaults; an unreadable
/// document is moved to [`BACKUP_KEY`]; a newer one is left alone.
pub fn load() -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded {
            state: AppState::default(),
            raw: None,
            problem: Some(LoadProblem::Blocked),
        };
    };
    let raw = match storage.get_item(KEY) {
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
    match schema::decode(&raw) {
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
