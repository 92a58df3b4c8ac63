//! The full scoring table as Markdown, generated from the bank so it can
//! never drift from what the code does.

use std::fmt::Write as _;

use super::factors::Factor;
use super::questions::{questions_for, NOT_SURE_LABEL, PRICE_BANDS_NOTE};
use super::scoring::{confidence_formula, BANDS};

/// A lean or band edge with its sign, to one decimal at most: "+60",
/// "-18.7", and "0" for zero (or anything that rounds to it).
pub fn signed(x: f64) -> String {
    let tenths = (x * 10.0).round() / 10.0;
    if tenths == 0.0 || !tenths.is_finite() {
        "0".to_string()
    } else {
        format!("{tenths:+}")
    }
}

/// Markdown with every option's lean, each factor's default weight and
/// reason, the motion bands and the formulas. Leans: −100 fully product-led,
/// +100 fully sales-led.
pub fn scoring_table() -> String {
    let mut s = String::new();
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = writeln!(s, "## Assess scoring table\n");
    let _ = writeln!(
        s,
        "Leans run from −100 (product-led) to +100 (sales-led). \
         “{NOT_SURE_LABEL}” counts as answered but has no lean.\n"
    );
    let _ = writeln!(
        s,
        "### Factor weights (default, 0–10; 0 leaves a factor out)\n"
    );
    let _ = writeln!(s, "| Factor | Default weight | Why |");
    let _ = writeln!(s, "|---|---:|---|");
    for f in Factor::ALL {
        let _ = writeln!(
            s,
            "| {} | {} | {} |",
            f.label(),
            f.default_weight(),
            f.weight_reason()
        );
    }
    for f in Factor::ALL {
        let _ = writeln!(s, "\n### {}\n", f.label());
        if f == Factor::Pricing {
            let _ = writeln!(s, "{PRICE_BANDS_NOTE}\n");
        }
        let _ = writeln!(s, "| Question | Option | Lean | Why |");
        let _ = writeln!(s, "|---|---|---:|---|");
        for q in questions_for(f) {
            for o in q.options {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} |",
                    q.prompt,
                    o.label,
                    signed(f64::from(o.lean)),
                    o.reason
                );
            }
        }
    }
    let _ = writeln!(s, "\n### Motion bands (position)\n");
    let _ = writeln!(s, "| Motion | From | To | Centre |");
    let _ = writeln!(s, "|---|---:|---:|---:|");
    for b in BANDS {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            b.motion.label(),
            signed(b.lo),
            signed(b.hi),
            signed(b.centre)
        );
    }
    let _ = writeln!(
        s,
        "\nA position on an edge goes to the outer motion (−60 is product-led, +20 is \
         sales-led with product adoption).\n\n\
         ### Formulas\n\n\
         - Factor lean = mean of its scored answers.\n\
         - Position = Σ(weight × factor lean) ÷ Σ weight, over factors with a lean and weight > 0.\n\
         - Fit of a motion = 100 − 1.25 × |position − band centre|, at least 0.\n\
         - {}\n\
         - A result needs at least one scored answer per counted factor \
         (6 with the default weights).",
        confidence_formula()
    );
    s
}
