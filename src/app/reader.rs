//! The reader of stored documents ([`schema::decode`]: serde's readers of
//! every workspace's types, the migrations, the range checks and the plain
//! messages), which a first visit does not need: nothing is stored yet.
//! With the `split` feature it is a chunk of its own (src/app/chunks.rs
//! says how chunks work), about 37 KB gzip less before the first question.
//!
//! It is fetched before the app starts when this browser holds a document
//! or a shared copy ([`start`]), otherwise when the browser is first idle
//! ([`super::chunks::prefetch_when_idle`]); the service worker keeps it for
//! later visits. Until it is there, [`ready`] is `None` and every reader of
//! a document says so rather than guess: the saver leaves another tab's
//! data alone, an import waits for [`load`].

use crate::persist::schema::{self, Decode};
use crate::persist::storage;

thread_local! {
    /// The reader, once its chunk is in memory.
    static READY: std::cell::Cell<Option<Decode>> = const { std::cell::Cell::new(None) };
}

/// The reader, if its chunk has been loaded (always, without `split`).
pub fn ready() -> Option<Decode> {
    if cfg!(not(feature = "split")) {
        return Some(schema::decode);
    }
    READY.with(std::cell::Cell::get)
}

/// The chunk of the reader could not be fetched or instantiated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotLoaded;

/// The reader, fetching its chunk first if need be (a failure is not
/// remembered: the next call tries again).
///
/// # Errors
/// [`NotLoaded`] when the chunk cannot be had (offline on a first visit).
pub async fn load() -> Result<Decode, NotLoaded> {
    if let Some(decode) = ready() {
        return Ok(decode);
    }
    #[cfg(feature = "split")]
    {
        let decode = split::reader().await.map_err(|_| NotLoaded)?;
        READY.with(|cell| cell.set(Some(decode)));
        Ok(decode)
    }
    #[cfg(not(feature = "split"))]
    Ok(schema::decode)
}

/// Reads `raw` with the reader, fetching it first if need be.
///
/// # Errors
/// [`NotLoaded`] as for [`load`].
pub async fn decode(
    raw: &str,
) -> Result<Result<crate::domain::state::AppState, schema::DecodeError>, NotLoaded> {
    Ok(load().await?(raw))
}

/// Runs `start` once the app can read what this browser holds: at once
/// when nothing is stored (a first visit), else after the reader's chunk
/// has arrived or failed (the app then says it cannot show the data yet).
pub fn start(start: impl FnOnce() + 'static) {
    if !storage::holds_data() || ready().is_some() {
        start();
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let _ = load().await;
        start();
    });
}

#[cfg(feature = "split")]
mod split {
    use crate::persist::schema::{self, Decode};
    use leptos::wasm_split::SplitLoaderError;

    // The reader itself goes into the chunk with everything only it uses;
    // the main module keeps a pointer to it once loaded.
    #[leptos::wasm_split::wasm_split(reader, fallible, wasm_split_path = ::leptos::wasm_split)]
    pub fn reader() -> Result<Decode, SplitLoaderError> {
        Ok(schema::decode)
    }
}
