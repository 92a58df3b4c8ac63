//! Times the Measure import natively (issue 15: a 100,000-row file must
//! import in under 2 s in the release build; the wasm figure is measured in
//! the browser separately):
//!
//! - `measure_import_100k_native_ms`: a 100,000-row Baremetrics-template
//!   file, generated in memory by `gtm_workbench::domain::measure::sample`
//!   (the sample's parameters with 2,300 new customers a month), read
//!   in steps of 5,000 rows, measured and turned into figures; median of 5
//!   runs, milliseconds.
//! - `measure_step_5k_max_ms`: the slowest single step of 5,000 rows in
//!   those runs (what one animation frame would hold), milliseconds.
//!
//! Run: `cargo run --release --example bench_measure`. Prints one
//! `name value` line per figure; times are reported, not asserted.
//! `-- --write PATH` only writes the 100,000-row file to PATH, for the
//! browser benchmark (`tests/e2e/bench/measure-bench.mjs`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::hint::black_box;
    use std::time::Instant;

    use gtm_workbench::domain::measure::sample as measure_sample;
    use gtm_workbench::domain::measure::{detect, Choices, ImportOptions, Importer, Outcome};

    const ROWS: usize = 100_000;
    const STEP: usize = 5_000;

    let params = measure_sample::Params {
        new_per_month: 2_300.0,
        ..measure_sample::SAMPLE
    };
    let rows = measure_sample::generate(&params, ROWS);
    let bytes = measure_sample::to_csv(&rows);
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, path] = args.as_slice() {
        if flag == "--write" {
            if let Err(e) = std::fs::write(path, &bytes) {
                eprintln!("could not write {path}: {e}");
                std::process::exit(1);
            }
            println!("{path}: {} rows, {} bytes", rows.len(), bytes.len());
            return;
        }
    }
    let headers: Vec<String> = measure_sample::HEADER
        .iter()
        .map(|h| (*h).to_string())
        .collect();
    let (format, _) = detect(&headers);

    let mut times = Vec::new();
    let mut slowest_step = 0.0_f64;
    for _ in 0..5 {
        let input = bytes.clone();
        let start = Instant::now();
        let Ok(mut importer) = Importer::new("bench.csv", input, &format, ImportOptions::default())
        else {
            eprintln!("the generated file was not accepted");
            std::process::exit(1);
        };
        loop {
            let t = Instant::now();
            let progress = importer.step(STEP);
            slowest_step = slowest_step.max(t.elapsed().as_secs_f64() * 1e3);
            if progress.done {
                break;
            }
        }
        let Outcome::Ready(imported) = importer.finish(&Choices::default()) else {
            eprintln!("the generated file did not import");
            std::process::exit(1);
        };
        black_box(imported.measurement.figures());
        times.push(start.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    println!("measure_rows {}", rows.len());
    println!("measure_bytes {}", bytes.len());
    println!(
        "measure_import_100k_native_ms {:.1}",
        times[times.len() / 2]
    );
    println!("measure_step_5k_max_ms {slowest_step:.1}");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
