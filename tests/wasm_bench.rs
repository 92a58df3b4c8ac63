//! The same simulations as `examples/bench_sim.rs`, timed in WebAssembly in
//! headless Chromium, so the native/wasm ratio can be reported. A benchmark,
//! not a test: it prints figures and asserts nothing about time. Run by
//! `make bench` (`cargo test --release --target wasm32-unknown-unknown --test
//! wasm_bench`); `make test` does not run it.
#![cfg(target_arch = "wasm32")]

use std::hint::black_box;

use gtm_workbench::domain::insight::{run, InputRange, UncertaintySpec, DEFAULT_DRAWS};
use gtm_workbench::domain::motion::Motion;
use gtm_workbench::domain::sim::{preset, simulate, FieldId, ScenarioInputs};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = now_ms();
            f();
            now_ms() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(0.0)
}

#[wasm_bindgen_test]
fn bench_simulations_in_webassembly() {
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
    // performance.now() is coarse in browsers: time 200 batches of 10 runs.
    let sim_ms = median_ms(200, || {
        for _ in 0..10 {
            for s in &three {
                black_box(simulate(black_box(s)));
            }
        }
    }) / 10.0;
    console_log!("sim_3x60_wasm_us {:.1}", sim_ms * 1000.0);

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
    let mc_ms = median_ms(5, || {
        seed += 1;
        black_box(run(black_box(&hybrid), &spec, DEFAULT_DRAWS, seed));
    });
    console_log!("mc_10k_x60_wasm_ms {mc_ms:.2}");
}
