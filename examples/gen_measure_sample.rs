//! Writes `public/sample-subscriptions.csv`, the sample export behind "Try
//! with sample data": a Baremetrics-template subscription list made by the
//! generator in `examples/support/measure_sample.rs` with its `SAMPLE`
//! parameters (plans, annual share, churn, growth and seed are documented
//! there).
//!
//! Run: `cargo run --example gen_measure_sample` (from the repository root).
//! `tests/measure.rs` checks that the committed file is what this writes.

#[path = "support/measure_sample.rs"]
#[allow(dead_code)]
mod measure_sample;

fn main() {
    let rows = measure_sample::generate(&measure_sample::SAMPLE, usize::MAX);
    let bytes = measure_sample::to_csv(&rows);
    let path = "public/sample-subscriptions.csv";
    match std::fs::write(path, &bytes) {
        Ok(()) => println!(
            "{path}: {} subscriptions, {} bytes",
            rows.len(),
            bytes.len()
        ),
        Err(e) => {
            eprintln!("could not write {path}: {e}");
            std::process::exit(1);
        }
    }
}
