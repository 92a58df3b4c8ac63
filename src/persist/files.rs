//! Files in and out of the browser: downloads made from a string, and text
//! read from a picked file. Nothing leaves the machine.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, Url};

use crate::domain::format;

/// Offers `content` as a download named `filename`.
///
/// # Errors
/// A message when the browser refuses to create the file.
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    let fail = |what: &str| format!("The download could not be started ({what}).");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| fail("blob"))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("document"))?;
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .dyn_into()
        .map_err(|_| fail("link"))?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = Url::revoke_object_url(&url);
    Ok(())
}

/// Reads a picked file as text, refusing files over `max_bytes` before
/// reading them.
///
/// # Errors
/// A message naming the problem (too large, unreadable).
pub async fn read_text(file: File, max_bytes: usize) -> Result<String, String> {
    let size = file.size();
    if size > max_bytes as f64 {
        return Err(format!(
            "The file is {} MiB; files over {} MiB are refused.",
            format::number(size / 1_048_576.0, 1),
            format::number(max_bytes as f64 / 1_048_576.0, 0)
        ));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| "The file could not be read.".to_string())?;
    text.as_string()
        .ok_or_else(|| "The file is not text.".to_string())
}

/// Today's date as `YYYY-MM-DD`, for file names.
pub fn today() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}
