//! The QR code of a share link, drawn as SVG: one black path on a white
//! square with the four-module quiet zone the standard asks for, so a phone
//! reads it off a projector. Encoded by `qrcodegen` (byte mode, error
//! correction level L, the smallest code that holds the text). Only the
//! share menu's lazy chunk calls it (src/app/share.rs).

use std::fmt::Write as _;

use qrcodegen::{QrCode, QrCodeEcc};
use thiserror::Error;

/// Light modules around the code, on each side (the standard's minimum).
const QUIET_ZONE: i32 = 4;

/// The most bytes a QR code holds (version 40, level L, byte mode).
pub const MAX_QR_BYTES: usize = 2_953;

/// Why no QR code was drawn.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum QrError {
    /// The text does not fit in the largest QR code.
    #[error("the link is {len} characters long, more than the {MAX_QR_BYTES} a QR code holds; send the link itself")]
    TooLong {
        /// The text's length in bytes.
        len: usize,
    },
}

/// The QR code of `text` as an SVG document, `role="img"` with a label, its
/// modules one unit each (the viewBox is the code's size plus the quiet
/// zone), dark modules joined into horizontal runs of one path.
///
/// # Errors
/// [`QrError::TooLong`] above [`MAX_QR_BYTES`].
pub fn svg(text: &str) -> Result<String, QrError> {
    let code = QrCode::encode_text(text, QrCodeEcc::Low)
        .map_err(|_| QrError::TooLong { len: text.len() })?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && code.get_module(x, y) {
                x += 1;
            }
            let run = x - start;
            let _ = write!(
                path,
                "M{},{}h{run}v1h-{run}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE
            );
        }
    }
    let side = size + 2 * QUIET_ZONE;
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" \
         shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code of the link\">\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#ffffff\"/>\
         <path d=\"{path}\" fill=\"#000000\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The modules the path draws, read back from its `M x,y h n` runs.
    fn dark_modules(svg: &str) -> Vec<(i32, i32)> {
        let Some(d) = svg.split("d=\"").nth(1).and_then(|r| r.split('"').next()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for run in d.split('M').filter(|r| !r.is_empty()) {
            let mut parts = run.split(['h', 'v', ',']);
            let (Some(x), Some(y), Some(n)) = (parts.next(), parts.next(), parts.next()) else {
                continue;
            };
            let (Ok(x), Ok(y), Ok(n)) = (x.parse::<i32>(), y.parse::<i32>(), n.parse::<i32>())
            else {
                continue;
            };
            out.extend((x..x + n).map(|xx| (xx - QUIET_ZONE, y - QUIET_ZONE)));
        }
        out
    }

    #[test]
    fn the_svg_draws_exactly_the_dark_modules_of_the_code() {
        let text = "http://127.0.0.1:8080/simulate#share=gtm1.c.eNqrVkrOzyvJzFOyUlA";
        let Ok(svg) = svg(text) else {
            panic!("a short link fits");
        };
        let Ok(code) = QrCode::encode_text(text, QrCodeEcc::Low) else {
            panic!("encodes");
        };
        let mut expected = Vec::new();
        for y in 0..code.size() {
            for x in 0..code.size() {
                if code.get_module(x, y) {
                    expected.push((x, y));
                }
            }
        }
        assert_eq!(dark_modules(&svg), expected);
        let side = code.size() + 2 * QUIET_ZONE;
        assert!(svg.contains(&format!("viewBox=\"0 0 {side} {side}\"")));
        assert!(svg.contains("aria-label=\"QR code of the link\""));
    }

    #[test]
    fn a_link_too_long_for_any_qr_code_is_refused_with_its_length() {
        let long = "a".repeat(MAX_QR_BYTES + 1);
        assert_eq!(
            svg(&long),
            Err(QrError::TooLong {
                len: MAX_QR_BYTES + 1
            })
        );
        assert!(svg(&"a".repeat(MAX_QR_BYTES)).is_ok());
    }
}
