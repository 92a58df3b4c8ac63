//! Writes `tests/fixtures/measure/sample-subscriptions.csv`: the sample
//! export behind "Try with sample data" as a file, for the browser tests to
//! upload. The app makes the same bytes itself
//! (`gtm_workbench::domain::measure::sample`, where the plans, annual share,
//! churn, growth and seed are documented).
//!
//! Run: `cargo run --example gen_measure_sample` (from the repository root).
//! `tests/measure.rs` checks that the committed file is what this writes.

use gtm_workbench::domain::measure::sample as measure_sample;

fn main() {
    let rows = measure_sample::generate(&measure_sample::SAMPLE, usize::MAX);
    let bytes = measure_sample::to_csv(&rows);
    let path = "tests/fixtures/measure/sample-subscriptions.csv";
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
