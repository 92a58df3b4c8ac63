//! Times the simulator and the insight tools natively (issue 7, speed):
//!
//! - `sim_3x60_native_us`: one simulation each of three presets (product-led,
//!   freemium-to-enterprise hybrid, sales-led) over 60 months; median of
//!   2,000 runs, microseconds.
//! - `mc_10k_x60_native_ms`: a Monte Carlo run of 10,000 draws × 60 months
//!   on the hybrid preset with six ranged inputs; median of 5 runs,
//!   milliseconds. Budget: under 100 ms.
//! - `tornado_native_us`: the ±20 % sensitivity of the hybrid preset over 60
//!   months; median of 200 runs, microseconds.
//! - `goal_seek_native_us`: the win rate that gives 12-month payback on the
//!   same scenario; median of 200 runs, microseconds.
//!
//! Run: `cargo run --release --example bench_sim`. Prints one `name value`
//! line per figure; times are reported, not asserted. Exits with status 1
//! if the Monte Carlo median is over its budget.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::hint::black_box;
    use std::time::Instant;

    use gtm_workbench::domain::insight::{
        goal_seek, run, tornado, InputRange, Swing, Target, UncertaintySpec, DEFAULT_DRAWS,
    };
    use gtm_workbench::domain::motion::Motion;
    use gtm_workbench::domain::sim::{preset, simulate, FieldId, ScenarioInputs};

    const MC_BUDGET_MS: f64 = 100.0;

    /// Median of `runs` timings of `f`, in microseconds.
    fn median_us(runs: usize, mut f: impl FnMut()) -> f64 {
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed().as_secs_f64() * 1e6
            })
            .collect();
        times.sort_by(f64::total_cmp);
        times.get(times.len() / 2).copied().unwrap_or(0.0)
    }

    let at_60 = |m: Motion| ScenarioInputs {
        horizon_months: 60,
        ..preset(m)
    };
    let three = [
        at_60(Motion::ProductLed),
        at_60(Motion::HybridFreemiumEnterprise),
        at_60(Motion::SalesLed),
    ];
    let hybrid = at_60(Motion::HybridFreemiumEnterprise);

    let sim_us = median_us(2_000, || {
        for s in &three {
            black_box(simulate(black_box(s)));
        }
    });
    println!("sim_3x60_native_us {sim_us:.1}");

    let spec = UncertaintySpec {
        ranges: [
            FieldId::SsChurnPct,
            FieldId::SsFreeToPaidPct,
            FieldId::SsArpa,
            FieldId::SlCostPerOpportunity,
            FieldId::SlWinPct,
            FieldId::SlSalesCycle,
        ]
        .iter()
        .map(|&f| InputRange::around(&hybrid, f, 0.25))
        .collect(),
    };
    let mut seed = 0;
    let mc_ms = median_us(5, || {
        seed += 1;
        black_box(run(black_box(&hybrid), &spec, DEFAULT_DRAWS, seed));
    }) / 1000.0;
    println!("mc_10k_x60_native_ms {mc_ms:.2}");

    let tornado_us = median_us(200, || {
        black_box(tornado(black_box(&hybrid), Swing::DEFAULT));
    });
    println!("tornado_native_us {tornado_us:.1}");

    let seek_us = median_us(200, || {
        black_box(goal_seek(
            black_box(&hybrid),
            FieldId::SlWinPct,
            Target::PaybackBelow(12.0),
        ));
    });
    println!("goal_seek_native_us {seek_us:.1}");

    if mc_ms > MC_BUDGET_MS {
        println!("mc_10k_x60 over its {MC_BUDGET_MS} ms budget");
        std::process::exit(1);
    }
    println!("mc_10k_x60 within its {MC_BUDGET_MS} ms budget");
}

/// The example only runs natively; the wasm32 build needs a `main` too.
#[cfg(target_arch = "wasm32")]
fn main() {}
