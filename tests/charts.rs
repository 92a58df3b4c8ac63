//! Charts render natively to SVG strings; these tests read the strings.
#![cfg(not(target_arch = "wasm32"))]
// Helpers outside #[test] functions unwrap too: a panic there fails the test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use gtm_workbench::charts::{
    describe, format_compact, trough, BandChart, Chart, ChartSpec, DivergingBarChart,
    GroupedBarChart, HeatmapChart, LineChart, Mark, MarkKind, Palette, Rgb, Series,
    StackedAreaChart, TornadoChart, TornadoRow, Unit,
};
use proptest::prelude::*;

const HOSTILE: &str = "\"><script>alert(1)</script>";

fn ramp(n: usize, step: f64) -> Vec<f64> {
    (0..n).map(|m| m as f64 * step).collect()
}

fn mrr_chart(series: Vec<Series>) -> StackedAreaChart {
    StackedAreaChart {
        spec: ChartSpec::new(
            "MRR by channel",
            "Month",
            "MRR ($ per month)",
            Unit::Dollars,
        ),
        series,
    }
}

fn cash_chart(series: Vec<Series>, marks: Vec<Mark>) -> LineChart {
    LineChart {
        spec: ChartSpec::new(
            "Cumulative cash",
            "Month",
            "Cumulative cash ($)",
            Unit::Dollars,
        ),
        series,
        marks,
    }
}

fn bar_chart(categories: Vec<String>, series: Vec<Series>) -> GroupedBarChart {
    GroupedBarChart {
        spec: ChartSpec::new(
            "CAC vs LTV by channel",
            "Channel",
            "Dollars per customer ($)",
            Unit::Dollars,
        ),
        categories,
        series,
    }
}

fn tornado_chart(base: f64, rows: Vec<TornadoRow>) -> TornadoChart {
    TornadoChart {
        spec: ChartSpec::new(
            "Sensitivity of LTV:CAC",
            "LTV:CAC at the horizon (×)",
            "Input moved ±20%",
            Unit::Ratio,
        ),
        base,
        low_label: "Input −20%".to_owned(),
        high_label: "Input +20%".to_owned(),
        rows,
    }
}

fn band_chart(p10: Vec<f64>, p50: Vec<f64>, p90: Vec<f64>) -> BandChart {
    BandChart {
        spec: ChartSpec::new(
            "MRR across simulated runs",
            "Month",
            "MRR ($ per month)",
            Unit::Dollars,
        ),
        name: "MRR".to_owned(),
        p10,
        p50,
        p90,
    }
}

fn movements_chart(categories: Vec<String>, series: Vec<Series>) -> DivergingBarChart {
    DivergingBarChart {
        spec: ChartSpec::new(
            "MRR movements",
            "Month",
            "MRR change ($ per month)",
            Unit::Dollars,
        ),
        categories,
        series,
    }
}

fn heatmap_chart(rows: Vec<(String, Vec<f64>)>) -> HeatmapChart {
    HeatmapChart {
        spec: ChartSpec::new(
            "Logo retention by start month",
            "Months since the start",
            "Start month",
            Unit::Percent,
        ),
        rows,
        full: 100.0,
    }
}

/// A retention triangle: row `r` has `n − r` cells falling from 100.
fn triangle(n: usize) -> Vec<(String, Vec<f64>)> {
    (0..n)
        .map(|r| {
            let cells = (0..n - r).map(|c| 100.0 * 0.95f64.powi(c as i32)).collect();
            (format!("Month {}", r + 1), cells)
        })
        .collect()
}

/// A J-shaped cumulative cash curve: down for 8 months, then up.
fn j_curve(n: usize) -> Vec<f64> {
    (1..=n)
        .map(|m| {
            let m = m as f64;
            -20_000.0 * m.min(8.0) + 800.0 * (m - 8.0).max(0.0).powi(2)
        })
        .collect()
}

/// Every chart kind, drawn from the given series names (user text).
fn all_charts(names: [&str; 3], title: &str, light: &Palette) -> Vec<(String, String, String)> {
    all_charts_at(names, title, light, gtm_workbench::charts::VIEW_WIDTH)
}

/// Every chart kind, drawn for a room `width` px wide.
fn all_charts_at(
    names: [&str; 3],
    title: &str,
    light: &Palette,
    width: u32,
) -> Vec<(String, String, String)> {
    let [a, b, c] = names;
    let mut stacked = mrr_chart(vec![
        Series::new(a, ramp(24, 100.0)),
        Series::new(b, ramp(24, 50.0)),
        Series::new(c, ramp(24, 20.0)),
    ]);
    stacked.spec.title = title.to_owned();
    let mut line = cash_chart(
        vec![
            Series::new(a, j_curve(36)),
            Series::new(b, ramp(36, -1000.0)),
        ],
        vec![
            Mark::trough(0, &j_curve(36), Unit::Dollars).expect("the J-curve dips"),
            Mark::break_even(0, 20),
        ],
    );
    line.spec.title = title.to_owned();
    let mut bars = bar_chart(
        vec![a.to_owned(), b.to_owned()],
        vec![
            Series::new("CAC", vec![300.0, 2000.0]),
            Series::new(c, vec![1900.0, 9000.0]),
        ],
    );
    bars.spec.title = title.to_owned();
    let mut tornado = tornado_chart(
        3.0,
        vec![TornadoRow::new(a, 2.0, 4.0), TornadoRow::new(b, 2.8, 3.1)],
    );
    tornado.spec.title = title.to_owned();
    tornado.low_label = c.to_owned();
    let mut band = band_chart(ramp(24, 80.0), ramp(24, 100.0), ramp(24, 130.0));
    band.spec.title = title.to_owned();
    band.name = a.to_owned();
    let mut movements = movements_chart(
        (1..=24).map(|m| format!("M{m}")).collect(),
        vec![
            Series::new(a, ramp(24, 100.0)),
            Series::new(b, ramp(24, -40.0)),
            Series::new(c, ramp(24, 10.0)),
        ],
    );
    movements.spec.title = title.to_owned();
    let mut rows = triangle(12);
    rows[0].0 = a.to_owned();
    let mut heat = heatmap_chart(rows);
    heat.spec.title = title.to_owned();
    heat.spec.y_label = b.to_owned();
    vec![
        (
            "movements".to_owned(),
            movements.svg_at(light, width),
            movements.text_alternative(),
        ),
        (
            "heatmap".to_owned(),
            heat.svg_at(light, width),
            heat.text_alternative(),
        ),
        (
            "stacked".to_owned(),
            stacked.svg_at(light, width),
            stacked.text_alternative(),
        ),
        (
            "line".to_owned(),
            line.svg_at(light, width),
            line.text_alternative(),
        ),
        (
            "bars".to_owned(),
            bars.svg_at(light, width),
            bars.text_alternative(),
        ),
        (
            "tornado".to_owned(),
            tornado.svg_at(light, width),
            tornado.text_alternative(),
        ),
        (
            "band".to_owned(),
            band.svg_at(light, width),
            band.text_alternative(),
        ),
    ]
}

/// Texts drawn in the SVG (the content of every `<text>` element), unescaped
/// only for `&amp;` so assertions read naturally.
fn drawn_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|chunk| {
            let start = chunk.find('>')? + 1;
            let end = chunk.find("</text>")?;
            chunk
                .get(start..end)
                .map(|t| t.trim().replace("&amp;", "&"))
        })
        .collect()
}

fn assert_clean_numbers(what: &str, text: &str) {
    assert!(!text.contains("NaN"), "{what} contains NaN: {text}");
    assert!(
        !text.to_ascii_lowercase().contains("inf"),
        "{what} contains inf: {text}"
    );
}

fn font_sizes(svg: &str) -> Vec<f64> {
    svg.split("font-size=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next()?.parse().ok())
        .collect()
}

// ---------------------------------------------------------------- content

#[test]
fn stacked_area_svg_names_its_title_every_series_and_both_axes() {
    let chart = mrr_chart(vec![
        Series::new("Self-serve", ramp(36, 1000.0)),
        Series::new("Sales-assisted", ramp(36, 400.0)),
        Series::new("Sales-led", ramp(36, 250.0)),
    ]);
    let texts = drawn_texts(&chart.svg(&Palette::light()));
    for expected in [
        "MRR by channel",
        "Self-serve",
        "Sales-assisted",
        "Sales-led",
        "Month",
        "MRR ($ per month)",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing from {texts:?}"
        );
    }
    // Totals reach 35 × 1650 = $57.75k, so the y axis shows compact dollars.
    assert!(texts.iter().any(|t| t == "$20k"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "$40k"), "{texts:?}");
}

#[test]
fn cash_curve_marks_and_labels_the_trough_and_break_even() {
    let cash = j_curve(36);
    let marks = vec![
        Mark::trough(0, &cash, Unit::Dollars).expect("the curve goes below zero"),
        Mark::break_even(0, 15),
    ];
    let chart = cash_chart(vec![Series::new("Base plan", cash)], marks);
    let svg = chart.svg(&Palette::light());
    let texts = drawn_texts(&svg);
    assert!(
        texts
            .iter()
            .any(|t| t == "Trough: \u{2212}$160k in month 8"),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t == "Monthly break-even: month 15"),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t == "Base plan"));
    assert!(texts.iter().any(|t| t == "Cumulative cash ($)"));
    // Negative ticks carry a minus sign.
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with('\u{2212}') && t.contains('$')),
        "{texts:?}"
    );
    // The accent colour (marks) is used.
    assert!(
        svg.contains("#B3261E"),
        "trough/break-even not drawn in accent"
    );
}

#[test]
fn trough_is_the_lowest_value_below_zero_with_its_month() {
    assert_eq!(trough(&[5.0, -3.0, -7.0, -7.0, 2.0]), Some((3, -7.0)));
    assert_eq!(
        trough(&[f64::NAN, -1.0, f64::NEG_INFINITY]),
        Some((2, -1.0))
    );
    assert_eq!(trough(&[0.0, 4.0, 9.0]), None);
    assert_eq!(trough(&[]), None);
    assert!(Mark::trough(0, &[1.0, 2.0], Unit::Dollars).is_none());
    let mark = Mark::trough(2, &[-1.0, -2500.0, 10.0], Unit::Dollars).expect("dips");
    assert_eq!(mark.series, 2);
    assert_eq!(mark.month, 2);
    assert_eq!(mark.kind, MarkKind::Point);
    assert_eq!(mark.label, "Trough: \u{2212}$2.5k in month 2");
}

#[test]
fn overlaid_scenarios_get_distinct_colours_and_marker_shapes() {
    let chart = cash_chart(
        vec![
            Series::new("Plan A", j_curve(24)),
            Series::new("Plan B", ramp(24, 500.0)),
            Series::new("Plan C", ramp(24, -500.0)),
        ],
        vec![],
    );
    let palette = Palette::light();
    let svg = chart.svg(&palette);
    for i in 0..3 {
        let Rgb(r, g, b) = palette.series_color(i);
        let hex = format!("#{r:02X}{g:02X}{b:02X}");
        assert!(svg.contains(&hex), "series {i} colour {hex} not used");
    }
    // Circle, square and triangle markers: circles, rects and polygons.
    assert!(svg.contains("<circle"));
    assert!(svg.matches("<rect").count() > 2);
    assert!(svg.contains("<polygon"));
    assert!(
        !svg.contains("stroke-dasharray"),
        "lines are told apart without dashes"
    );
}

#[test]
fn active_customers_use_plain_counts_on_the_axis() {
    let chart = LineChart {
        spec: ChartSpec::new(
            "Active customers by channel",
            "Month",
            "Active customers",
            Unit::Count,
        ),
        series: vec![
            Series::new("Self-serve", ramp(12, 150.0)),
            Series::new("Sales-led", ramp(12, 3.0)),
        ],
        marks: vec![],
    };
    let texts = drawn_texts(&chart.svg(&Palette::dark()));
    assert!(texts.iter().any(|t| t == "Active customers"));
    assert!(texts.iter().any(|t| t == "Sales-led"));
    assert!(texts.iter().any(|t| t == "1k"), "{texts:?}");
    assert!(
        texts.iter().all(|t| !t.starts_with('$')),
        "counts are not dollars"
    );
}

#[test]
fn grouped_bars_name_each_category_and_label_each_value() {
    let chart = bar_chart(
        vec!["Self-serve".to_owned(), "Sales-led".to_owned()],
        vec![
            Series::new("CAC", vec![310.0, 18_500.0]),
            Series::new("LTV", vec![1_900.0, 64_000.0]),
        ],
    );
    let texts = drawn_texts(&chart.svg(&Palette::light()));
    for expected in [
        "CAC vs LTV by channel",
        "CAC",
        "LTV",
        "Self-serve",
        "Sales-led",
        "Channel",
        "Dollars per customer ($)",
        "$310",
        "$18.5k",
        "$1.9k",
        "$64k",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing from {texts:?}"
        );
    }
}

#[test]
fn tornado_rows_are_drawn_largest_swing_first() {
    let chart = tornado_chart(
        3.0,
        vec![
            TornadoRow::new("Win rate", 2.9, 3.1),
            TornadoRow::new("Monthly churn", 4.5, 2.0),
            TornadoRow::new("ARPA", 2.4, 3.6),
        ],
    );
    let svg = chart.svg(&Palette::light());
    let texts = drawn_texts(&svg);
    let position = |name: &str| {
        texts
            .iter()
            .position(|t| t == name)
            .unwrap_or_else(|| panic!("{name} not drawn: {texts:?}"))
    };
    // Swings: churn 2.5, ARPA 1.2, win rate 0.2; drawn top to bottom.
    assert!(position("Monthly churn") < position("ARPA"));
    assert!(position("ARPA") < position("Win rate"));
    let words = chart.text_alternative();
    let at = |name: &str| words.find(name).unwrap_or(usize::MAX);
    assert!(at("Monthly churn") < at("ARPA") && at("ARPA") < at("Win rate"));
    for expected in [
        "Input −20%",
        "Input +20%",
        "Base: 3×",
        "4.5×",
        "2×",
        "LTV:CAC at the horizon (×)",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} missing from {texts:?}"
        );
    }
}

#[test]
fn band_chart_shades_p10_to_p90_and_draws_the_median() {
    let chart = band_chart(ramp(60, 70.0), ramp(60, 100.0), ramp(60, 140.0));
    let svg = chart.svg(&Palette::light());
    let texts = drawn_texts(&svg);
    assert!(texts.iter().any(|t| t == "MRR across simulated runs"));
    assert!(texts.iter().any(|t| t.contains("P10–P90")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("P50")), "{texts:?}");
    assert!(svg.contains("<polygon"), "the band is a filled polygon");
    assert!(svg.contains("opacity=\"0.3\""), "the band is translucent");
    assert!(svg.contains("<polyline"), "the median is a line");
    let words = chart.text_alternative();
    assert!(words.contains("$5.9k"), "{words}"); // median, month 60
    assert!(
        words.contains("$4.1k") && words.contains("$8.3k"),
        "{words}"
    );
}

/// Movements: gains stack up from zero, losses down, and each month's net
/// is a dash where the bar's parts add up to.
#[test]
fn movement_bars_stack_gains_up_losses_down_and_mark_the_net() {
    let chart = movements_chart(
        vec!["Jan 2025".to_owned(), "Feb 2025".to_owned()],
        vec![
            Series::new("New", vec![1000.0, 800.0]),
            Series::new("Expansion", vec![200.0, 100.0]),
            Series::new("Churned", vec![-300.0, -1500.0]),
        ],
    );
    let svg = chart.svg(&Palette::light());
    let texts = drawn_texts(&svg);
    for name in [
        "New",
        "Expansion",
        "Churned",
        "Net change",
        "Jan 2025",
        "Feb 2025",
    ] {
        assert!(texts.iter().any(|t| t == name), "{name}: {texts:?}");
    }
    assert!(
        texts.iter().any(|t| t.starts_with('\u{2212}')),
        "a negative tick: {texts:?}"
    );
    let words = chart.text_alternative();
    assert!(words.contains("New $1.8k"), "{words}");
    assert!(words.contains("Churned \u{2212}$1.8k"), "{words}");
    assert!(
        words.contains("largest net change is $900 in Jan 2025"),
        "{words}"
    );
    assert!(
        words.contains("smallest \u{2212}$600 in Feb 2025"),
        "{words}"
    );
}

/// Many months: names are thinned so they do not overlap, never more than a
/// dozen.
#[test]
fn movement_bars_over_many_months_write_at_most_a_dozen_names() {
    let months: Vec<String> = (0..120).map(|i| format!("Mon {i:03}")).collect();
    let chart = movements_chart(months.clone(), vec![Series::new("New", vec![5.0; 120])]);
    let texts = drawn_texts(&chart.svg(&Palette::light()));
    let written = months.iter().filter(|m| texts.contains(m)).count();
    assert!((2..=12).contains(&written), "{written} names written");
}

/// The heatmap: more kept is darker, the triangle's empty corner stays
/// empty, and every cell's shade comes from the background and the first
/// series colour.
#[test]
fn heatmap_shades_more_kept_darker_and_leaves_the_corner_empty() {
    let palette = Palette::light();
    let chart = heatmap_chart(vec![
        ("Jan 2025".to_owned(), vec![100.0, 50.0]),
        ("Feb 2025".to_owned(), vec![100.0]),
    ]);
    let svg = chart.svg(&palette);
    let fills: Vec<&str> = svg
        .split("<rect")
        .skip(1)
        .filter_map(|r| r.split("fill=\"").nth(1)?.split('"').next())
        .collect();
    let full = palette.series_color(0);
    let full_hex = format!("#{:02X}{:02X}{:02X}", full.0, full.1, full.2);
    let count = |hex: &str| fills.iter().filter(|f| f.eq_ignore_ascii_case(hex)).count();
    // Two full cells and the legend's swatch; the half cell lighter.
    assert_eq!(count(&full_hex), 3, "{fills:?}");
    let texts = drawn_texts(&svg);
    assert!(texts.iter().any(|t| t == "Jan 2025") && texts.iter().any(|t| t == "Feb 2025"));
    assert!(
        texts.iter().any(|t| t == "Months since the start"),
        "{texts:?}"
    );
    let words = chart.text_alternative();
    assert!(
        words.contains("2 rows from Jan 2025 to Feb 2025"),
        "{words}"
    );
    assert!(
        words.contains("Jan 2025 stands at 50% after 1 month"),
        "{words}"
    );
}

// ------------------------------------------------------ the SVG document

#[test]
fn every_svg_has_a_fixed_view_box_and_an_accessible_title_first() {
    for (kind, svg, _) in all_charts(
        ["One", "Two", "Three"],
        "A chart & its title",
        &Palette::light(),
    ) {
        assert!(svg.starts_with("<svg "), "{kind}");
        let open = svg.split('>').next().unwrap_or_default();
        assert!(open.contains("viewBox=\"0 0 720 450\""), "{kind}: {open}");
        assert!(open.contains("width=\"720\""), "{kind}");
        assert!(open.contains("role=\"img\""), "{kind}");
        let after_open = svg.get(open.len() + 1..).unwrap_or_default();
        assert!(
            after_open.starts_with("<title>A chart &amp; its title</title>"),
            "{kind}: {}",
            after_open.get(..80).unwrap_or(after_open)
        );
        assert!(svg.trim_end().ends_with("</svg>"), "{kind}");
        // Inline style attributes would need 'unsafe-inline' in the CSP.
        assert!(!svg.contains("style="), "{kind} has a style attribute");
        assert!(svg.contains("font-family=\"sans-serif\""), "{kind}");
    }
}

#[test]
fn hostile_names_and_titles_come_out_escaped() {
    let charts = all_charts([HOSTILE, "A & B", "<b>bold</b>"], HOSTILE, &Palette::dark());
    for (kind, svg, words) in charts {
        assert!(!svg.contains("<script"), "{kind} has a raw <script");
        assert!(!svg.contains("<b>"), "{kind} has a raw <b>");
        assert!(svg.contains("&lt;script&gt;"), "{kind} lost the name");
        assert!(!svg.contains("A & B"), "{kind} has a raw ampersand in text");
        assert!(
            svg.contains("\"&gt;") || svg.contains("&quot;&gt;"),
            "{kind}"
        );
        // The text alternative is plain text for the UI to escape, with the
        // name intact.
        assert!(words.contains(HOSTILE), "{kind}: {words}");
    }
    let marked = cash_chart(
        vec![Series::new("x", j_curve(12))],
        vec![Mark {
            series: 0,
            month: 3,
            label: HOSTILE.to_owned(),
            kind: MarkKind::Point,
        }],
    );
    assert!(!marked.svg(&Palette::light()).contains("<script"));
}

#[test]
fn control_characters_in_names_never_reach_the_svg() {
    let chart = mrr_chart(vec![Series::new("Self\u{0}serve\nline", ramp(6, 10.0))]);
    let svg = chart.svg(&Palette::light());
    assert!(!svg.contains('\u{0}'));
    let texts = drawn_texts(&svg);
    assert!(texts.iter().any(|t| t == "Self serve line"), "{texts:?}");
}

// ------------------------------------------------------ degenerate input

fn degenerate_inputs() -> Vec<(&'static str, Vec<f64>)> {
    vec![
        ("empty", vec![]),
        ("one point", vec![42.0]),
        ("constant", vec![7.0; 24]),
        ("all zeros", vec![0.0; 24]),
        ("negative", ramp(24, -1000.0)),
        ("huge", vec![1e12; 36]),
        ("beyond f64 sense", vec![1e300, -1e300, 5.0]),
        ("not a number", vec![f64::NAN; 12]),
        (
            "mixed",
            vec![f64::NAN, 1.0, f64::INFINITY, -2.0, f64::NEG_INFINITY, 3.0],
        ),
        ("tiny span", vec![1.0, 1.0 + 1e-15, 1.0]),
        ("negative zero", vec![-0.0, -0.0]),
    ]
}

#[test]
fn degenerate_data_never_panics_nor_prints_nan_or_infinity() {
    for palette in [Palette::light(), Palette::dark(), Palette::projector()] {
        for (case, values) in degenerate_inputs() {
            let series = vec![
                Series::new("A", values.clone()),
                Series::new("B", values.iter().map(|v| v * 2.0).collect()),
            ];
            let outputs: Vec<(String, String)> = vec![
                {
                    let c = mrr_chart(series.clone());
                    (c.svg(&palette), c.text_alternative())
                },
                {
                    let marks = Mark::trough(0, &values, Unit::Dollars)
                        .into_iter()
                        .chain([Mark::break_even(0, 3), Mark::break_even(5, 999)])
                        .collect();
                    let c = cash_chart(series.clone(), marks);
                    (c.svg(&palette), c.text_alternative())
                },
                {
                    let categories = (0..values.len().min(6))
                        .map(|i| format!("Channel {i}"))
                        .collect();
                    let c = bar_chart(categories, series.clone());
                    (c.svg(&palette), c.text_alternative())
                },
                {
                    let base = values.first().copied().unwrap_or(f64::NAN);
                    let rows = values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| TornadoRow::new(format!("Input {i}"), *v, -*v))
                        .collect();
                    let c = tornado_chart(base, rows);
                    (c.svg(&palette), c.text_alternative())
                },
                {
                    let c = band_chart(
                        values.clone(),
                        values.iter().map(|v| v * 1.5).collect(),
                        values.iter().map(|v| v * 3.0).collect(),
                    );
                    (c.svg(&palette), c.text_alternative())
                },
                {
                    let categories = (0..values.len()).map(|i| format!("M{i}")).collect();
                    let c = movements_chart(categories, series.clone());
                    (c.svg(&palette), c.text_alternative())
                },
                {
                    let c = heatmap_chart(vec![
                        ("A".to_owned(), values.clone()),
                        ("B".to_owned(), values.iter().map(|v| -v).collect()),
                    ]);
                    (c.svg(&palette), c.text_alternative())
                },
            ];
            for (svg, words) in outputs {
                assert_clean_numbers(case, &svg);
                assert_clean_numbers(case, &words);
                assert!(svg.contains("</svg>"), "{case}: unfinished SVG");
                assert!(!words.is_empty(), "{case}: no text alternative");
            }
        }
    }
}

#[test]
fn constant_and_zero_series_still_get_a_readable_axis() {
    // plotters would map a range with min == max to a single tick; the chart
    // widens it so the line sits inside a labelled axis.
    for (values, below, above) in [
        (vec![0.0; 12], "$0", "$1"),
        (vec![7.0; 12], "$0", "$8"),
        (vec![-50.0; 12], "\u{2212}$60", "$0"),
    ] {
        let texts = drawn_texts(
            &cash_chart(vec![Series::new("A", values.clone())], vec![]).svg(&Palette::light()),
        );
        assert!(texts.iter().any(|t| t == below), "{values:?}: {texts:?}");
        assert!(texts.iter().any(|t| t == above), "{values:?}: {texts:?}");
    }
}

#[test]
fn empty_charts_say_there_is_nothing_to_show() {
    let chart = mrr_chart(vec![]);
    let texts = drawn_texts(&chart.svg(&Palette::light()));
    assert!(texts.iter().any(|t| t == "MRR by channel"));
    assert!(texts.iter().any(|t| t.contains("No data")), "{texts:?}");
    assert!(chart.text_alternative().contains("No data"));
    let nan_only = cash_chart(vec![Series::new("A", vec![f64::NAN; 5])], vec![]);
    assert!(drawn_texts(&nan_only.svg(&Palette::light()))
        .iter()
        .any(|t| t.contains("No data")));
}

#[test]
fn huge_values_are_written_compactly_on_the_axis() {
    let chart = mrr_chart(vec![Series::new("A", vec![0.0, 5e11, 1e12])]);
    let texts = drawn_texts(&chart.svg(&Palette::light()));
    assert!(
        texts.iter().any(|t| t.starts_with('$') && t.ends_with('T')),
        "{texts:?}"
    );
    assert!(texts.iter().all(|t| t.chars().count() < 40));
}

#[test]
fn many_series_keep_the_legend_to_a_few_rows() {
    let series: Vec<Series> = (0..40)
        .map(|i| Series::new(format!("Scenario number {i}"), ramp(12, i as f64)))
        .collect();
    let svg = cash_chart(series, vec![]).svg(&Palette::projector());
    let texts = drawn_texts(&svg);
    assert!(texts
        .iter()
        .any(|t| t.starts_with('+') && t.contains("more")));
    assert!(texts.iter().any(|t| t == "Scenario number 0"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_numbers_render_without_nan_or_infinity(
        values in prop::collection::vec(
            prop_oneof![
                4 => -1e13f64..1e13,
                1 => Just(f64::NAN),
                1 => Just(f64::INFINITY),
                1 => Just(f64::NEG_INFINITY),
                1 => Just(0.0),
                1 => any::<f64>(),
            ],
            0..70,
        ),
        break_even in 0usize..80,
    ) {
        let series = vec![Series::new("A", values.clone()), Series::new("B", values.iter().rev().copied().collect())];
        let line = cash_chart(series.clone(), vec![Mark::break_even(0, break_even)]);
        let stacked = mrr_chart(series.clone());
        let band = band_chart(values.clone(), values.clone(), values.iter().map(|v| -v).collect());
        let rows = values.chunks(2).map(|c| TornadoRow::new("r", c.first().copied().unwrap_or(0.0), c.last().copied().unwrap_or(0.0))).collect();
        let tornado = tornado_chart(values.first().copied().unwrap_or(1.0), rows);
        for (svg, words) in [
            (line.svg(&Palette::light()), line.text_alternative()),
            (stacked.svg(&Palette::dark()), stacked.text_alternative()),
            (band.svg(&Palette::projector()), band.text_alternative()),
            (tornado.svg(&Palette::light()), tornado.text_alternative()),
        ] {
            prop_assert!(!svg.contains("NaN") && !svg.to_ascii_lowercase().contains("inf"));
            prop_assert!(!words.contains("NaN") && !words.to_ascii_lowercase().contains("inf"));
        }
    }

    #[test]
    fn compact_numbers_are_short_and_finite(value in any::<f64>()) {
        let text = format_compact(value, Unit::Dollars);
        prop_assert!(text.chars().count() <= 8, "{text}");
        prop_assert!(!text.contains("NaN") && !text.contains("inf"));
    }
}

// ------------------------------------------------------ text alternatives

#[test]
fn stacked_text_alternative_gives_the_growth_and_each_share() {
    let chart = mrr_chart(vec![
        Series::new("Self-serve", vec![0.0, 10_000.0, 31_000.0]),
        Series::new("Sales-led", vec![0.0, 5_000.0, 19_000.0]),
    ]);
    let words = chart.text_alternative();
    assert!(words.starts_with("MRR by channel"), "{words}");
    assert!(
        words.contains("from $0 in month 1 to $50k in month 3"),
        "{words}"
    );
    assert!(words.contains("Self-serve 62%"), "{words}");
    assert!(words.contains("Sales-led 38%"), "{words}");
}

#[test]
fn line_text_alternative_names_the_low_point_and_the_marks() {
    let cash = j_curve(24);
    let chart = cash_chart(
        vec![Series::new("Base plan", cash.clone())],
        vec![
            Mark::trough(0, &cash, Unit::Dollars).expect("dips"),
            Mark::break_even(0, 14),
        ],
    );
    let words = chart.text_alternative();
    assert!(
        words.contains("Base plan goes from \u{2212}$20k in month 1"),
        "{words}"
    );
    assert!(words.contains("lowest \u{2212}$160k in month 8"), "{words}");
    assert!(words.contains("Monthly break-even: month 14"), "{words}");
}

#[test]
fn bar_text_alternative_lists_every_value() {
    let chart = bar_chart(
        vec!["Self-serve".to_owned()],
        vec![
            Series::new("CAC", vec![250.0]),
            Series::new("LTV", vec![f64::NAN]),
        ],
    );
    let words = chart.text_alternative();
    assert!(
        words.contains("Self-serve: CAC $250, LTV no value"),
        "{words}"
    );
}

// ------------------------------------------------------ numbers

#[test]
fn compact_format_matches_the_house_style() {
    let cases = [
        (12_300.0, Unit::Dollars, "$12.3k"),
        (1_234_567.0, Unit::Dollars, "$1.2M"),
        (-4_500.0, Unit::Dollars, "\u{2212}$4.5k"),
        (45_200.0, Unit::Dollars, "$45.2k"),
        (999.96, Unit::Dollars, "$1k"),
        (999_960.0, Unit::Dollars, "$1M"),
        (250_000.0, Unit::Dollars, "$250k"),
        (0.0, Unit::Dollars, "$0"),
        (-0.001, Unit::Dollars, "$0"),
        (4.5, Unit::Dollars, "$4.5"),
        (1e12, Unit::Dollars, "$1T"),
        (1e18, Unit::Dollars, "$1,000T"),
        (3.25, Unit::Ratio, "3.25×"),
        (1_500.0, Unit::Count, "1.5k"),
        (45.0, Unit::Percent, "45%"),
        (14.5, Unit::Months, "14.5"),
        (f64::NAN, Unit::Dollars, "n/a"),
    ];
    for (value, unit, expected) in cases {
        assert_eq!(format_compact(value, unit), expected, "{value}");
    }
    assert_eq!(describe(14.5, Unit::Months), "14.5 months");
    assert_eq!(describe(1.0, Unit::Months), "1 month");
}

// ------------------------------------------------------ palettes

#[test]
fn the_three_palettes_differ_and_change_the_drawing() {
    let (light, dark, projector) = (Palette::light(), Palette::dark(), Palette::projector());
    assert_ne!(light, dark);
    assert_ne!(light, projector);
    assert_ne!(dark, projector);
    assert_ne!(light.background, dark.background);
    assert!(projector.line_width > light.line_width);
    assert!(projector.font_px > light.font_px);
    let chart = cash_chart(vec![Series::new("A", j_curve(12))], vec![]);
    let svgs = [chart.svg(&light), chart.svg(&dark), chart.svg(&projector)];
    assert_ne!(svgs[0], svgs[1]);
    assert_ne!(svgs[0], svgs[2]);
    assert_ne!(svgs[1], svgs[2]);
    assert!(
        svgs[1].contains("fill=\"#0D1117\""),
        "dark background drawn"
    );
    assert!(
        svgs[2].contains("stroke-width=\"4\""),
        "thick projector lines"
    );
}

#[test]
fn type_is_large_enough_for_a_projector() {
    for (palette, least) in [
        (Palette::light(), 14.0),
        (Palette::dark(), 14.0),
        (Palette::projector(), 18.0),
    ] {
        for (kind, svg, _) in all_charts(["One", "Two", "Three"], "Title", &palette) {
            let sizes = font_sizes(&svg);
            assert!(sizes.len() > 5, "{kind}: too little text");
            for size in sizes {
                assert!(size >= least - 0.01, "{kind}: font-size {size} < {least}");
            }
        }
    }
}

/// Issue 14: chart text was about 6 px on a phone, a 720 px drawing scaled
/// into 350 px. Drawn for the room it gets, a chart's width attribute and
/// viewBox are that room, so its type shows at the palette's size: 12 px
/// or more at any width, the projector's 18 px on the projector theme.
#[test]
fn charts_drawn_for_a_phone_keep_their_type_size() {
    for width in [280, 344, 500] {
        for (palette, least) in [(Palette::light(), 12.0), (Palette::projector(), 18.0)] {
            for (kind, svg, _) in all_charts_at(["One", "Two", "Three"], "Title", &palette, width) {
                let (w, h) = gtm_workbench::charts::view_size(width);
                assert!(
                    svg.contains(&format!(
                        "width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\""
                    )),
                    "{kind} at {width}: not drawn for its room"
                );
                let sizes = font_sizes(&svg);
                assert!(sizes.len() > 5, "{kind}: too little text");
                for size in sizes {
                    assert!(
                        size >= least - 0.01,
                        "{kind} at {width}: font-size {size} < {least}"
                    );
                }
            }
        }
    }
}

#[test]
fn palette_colours_have_enough_contrast_with_their_background() {
    for (name, palette, text_least) in [
        ("light", Palette::light(), 4.5),
        ("dark", Palette::dark(), 4.5),
        ("projector", Palette::projector(), 7.0),
    ] {
        let bg = palette.background;
        assert!(
            palette.text.contrast_with(bg) >= text_least,
            "{name}: text contrast {}",
            palette.text.contrast_with(bg)
        );
        assert!(palette.accent.contrast_with(bg) >= 4.5, "{name}: accent");
        for (i, colour) in palette.series.iter().enumerate() {
            let ratio = colour.contrast_with(bg);
            assert!(
                ratio >= 3.0,
                "{name}: series {i} {colour:?} contrast {ratio:.2}"
            );
        }
        for (i, a) in palette.series.iter().enumerate() {
            for b in palette.series.iter().skip(i + 1) {
                assert_ne!(a, b, "{name}: repeated series colour");
            }
        }
    }
    // The contrast formula itself: black on white is 21:1.
    let ratio = Rgb(0, 0, 0).contrast_with(Rgb(255, 255, 255));
    assert!((ratio - 21.0).abs() < 1e-9);
}
