//! Times the share-link decoder on the same 100,000 random and mutated
//! inputs as the fuzz test in `tests/share_codec.rs` (that file is included
//! below, so the two can never drift apart).
//!
//! Run: `cargo run --release --example decoder_fuzz`. Prints the total time,
//! the slowest input (time, length and kind), the time per kind and how many
//! inputs were accepted. The budget (issue 7) is no input over 100 ms; the
//! run exits with status 1 if one is.

#[cfg(not(target_arch = "wasm32"))]
#[allow(dead_code, unused_imports)]
#[path = "../tests/share_codec.rs"]
mod share_codec;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::collections::BTreeMap;
    use std::time::{Duration, Instant};

    use gtm_workbench::persist::share::decode;
    use share_codec::{for_each_fuzz_input, FUZZ_COUNT, FUZZ_SEED};

    const BUDGET: Duration = Duration::from_millis(100);

    #[derive(Default)]
    struct Kind {
        count: usize,
        total: Duration,
        max: Duration,
        accepted: usize,
    }

    let mut kinds: BTreeMap<&'static str, Kind> = BTreeMap::new();
    let mut total = Duration::ZERO;
    let mut slowest = (Duration::ZERO, 0usize, "");
    let mut over_budget = 0usize;
    let mut accepted = 0usize;
    let started = Instant::now();
    for_each_fuzz_input(FUZZ_COUNT, FUZZ_SEED, |input, kind| {
        let t = Instant::now();
        let ok = decode(input).is_ok();
        let dt = t.elapsed();
        total += dt;
        if dt > slowest.0 {
            slowest = (dt, input.len(), kind);
        }
        if dt > BUDGET {
            over_budget += 1;
        }
        accepted += usize::from(ok);
        let k = kinds.entry(kind).or_default();
        k.count += 1;
        k.total += dt;
        k.max = k.max.max(dt);
        k.accepted += usize::from(ok);
    });
    let wall = started.elapsed();

    println!("decoder fuzz: {FUZZ_COUNT} inputs, seed {FUZZ_SEED:#x}");
    println!(
        "total decode time {:.1} ms (run with input generation {:.1} ms)",
        ms(total),
        ms(wall)
    );
    println!(
        "slowest input: {:.3} ms, {} bytes long, kind \"{}\"",
        ms(slowest.0),
        slowest.1,
        slowest.2
    );
    println!("accepted {accepted}, refused {}", FUZZ_COUNT - accepted);
    println!(
        "{:<28}{:>8}{:>12}{:>12}{:>10}",
        "kind", "inputs", "mean ms", "max ms", "accepted"
    );
    for (name, k) in &kinds {
        let mean = if k.count == 0 {
            0.0
        } else {
            ms(k.total) / k.count as f64
        };
        println!(
            "{:<28}{:>8}{:>12.4}{:>12.3}{:>10}",
            name,
            k.count,
            mean,
            ms(k.max),
            k.accepted
        );
    }
    if over_budget > 0 {
        println!(
            "{over_budget} inputs took longer than {} ms",
            BUDGET.as_millis()
        );
        std::process::exit(1);
    }
    println!("every input under {} ms", BUDGET.as_millis());
}

#[cfg(not(target_arch = "wasm32"))]
fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The example only runs natively; the wasm32 build needs a `main` too.
#[cfg(target_arch = "wasm32")]
fn main() {}
