//! The divergence heatmap: factors down, people across, the team last. A
//! cell's colour is the person's lean on the factor, from product-led to
//! sales-led; its outline says how far that lean sits from the team's.
//! The same figures follow as a table for screen readers and print.

use leptos::prelude::*;

use crate::components::data_table::{Column, DataTable};
use crate::domain::assess::{signed, Lean};
use crate::domain::workshop::{Analysis, HeatCell, Heatmap};

/// A distance from the team (lean points) from which a cell is outlined as
/// differing. Presentation only: the figures themselves are in the cells.
const DIFFERS: f64 = 25.0;
/// A distance from which the outline is heavy: far from the team.
const FAR: f64 = 50.0;

const LABEL_W: f64 = 320.0;
const COL_W: f64 = 96.0;
const ROW_H: f64 = 58.0;
const HEAD_H: f64 = 44.0;
const GAP: f64 = 18.0;
const PAD: f64 = 6.0;
/// Longest name shown in a column head; the full name is in the cell titles
/// and the table.
const NAME_CHARS: usize = 10;

/// The colour class of a lean: five steps from product-led to sales-led.
fn lean_class(lean: Option<f64>) -> &'static str {
    match lean {
        None => "hm-none",
        Some(l) => match Lean::from_value(l) {
            Lean::StronglyProductLed => "hm-spl",
            Lean::LeansProductLed => "hm-lpl",
            Lean::Balanced => "hm-bal",
            Lean::LeansSalesLed => "hm-lsl",
            Lean::StronglySalesLed => "hm-ssl",
        },
    }
}

/// The outline class for a distance from the team.
fn distance_class(cell: &HeatCell) -> &'static str {
    match cell.distance() {
        Some(d) if d >= FAR => " hm-far",
        Some(d) if d >= DIFFERS => " hm-differs",
        _ => "",
    }
}

/// "Maria Lopez" → "Maria Lop…" when longer than [`NAME_CHARS`].
fn short_name(name: &str) -> String {
    if name.chars().count() <= NAME_CHARS {
        name.to_string()
    } else {
        let cut: String = name.chars().take(NAME_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// "12 points more sales-led than the team" and the like.
fn offset_text(offset: Option<f64>) -> String {
    match offset {
        None => String::new(),
        Some(o) if o.abs() < 0.5 => "level with the team".to_string(),
        Some(o) if o > 0.0 => format!("{:.0} points more sales-led than the team", o.abs()),
        Some(o) => format!("{:.0} points more product-led than the team", o.abs()),
    }
}

/// What a cell says in words.
fn cell_words(cell: &HeatCell) -> String {
    match cell.lean {
        None => "no answers on this factor".to_string(),
        Some(l) => {
            let offset = offset_text(cell.offset);
            if offset.is_empty() {
                format!(
                    "{} ({})",
                    signed(l),
                    Lean::from_value(l).phrase().to_lowercase()
                )
            } else {
                format!(
                    "{} ({}), {offset}",
                    signed(l),
                    Lean::from_value(l).phrase().to_lowercase()
                )
            }
        }
    }
}

/// The SVG.
fn heatmap_svg(h: &Heatmap) -> impl IntoView {
    let n = h.names.len();
    let width = LABEL_W + n as f64 * COL_W + GAP + COL_W + PAD;
    let height = HEAD_H + h.factors.len() as f64 * ROW_H + PAD;
    let team_x = LABEL_W + n as f64 * COL_W + GAP;
    let heads = h
        .names
        .iter()
        .enumerate()
        .map(|(j, name)| {
            let x = LABEL_W + (j as f64 + 0.5) * COL_W;
            view! {
                <g>
                    <title>{name.clone()}</title>
                    <text class="hm-head" x=x y=HEAD_H - 14.0 text-anchor="middle">{short_name(name)}</text>
                </g>
            }
        })
        .collect_view();
    let rows = h
        .factors
        .iter()
        .enumerate()
        .map(|(i, factor)| {
            let y = HEAD_H + i as f64 * ROW_H;
            let cells = h
                .cells
                .get(i)
                .map(|row| {
                    row.iter()
                        .enumerate()
                        .map(|(j, cell)| {
                            let x = LABEL_W + j as f64 * COL_W;
                            let name = h.names.get(j).cloned().unwrap_or_default();
                            let title = format!("{name}, {}: {}", factor.label(), cell_words(cell));
                            let class = format!("hm-cell {}{}", lean_class(cell.lean), distance_class(cell));
                            let text = cell.lean.map_or("–".to_string(), signed);
                            view! {
                                <g class=class>
                                    <title>{title}</title>
                                    <rect x=x + 4.0 y=y + 4.0 width=COL_W - 8.0 height=ROW_H - 8.0 rx="5"></rect>
                                    <text x=x + COL_W / 2.0 y=y + ROW_H / 2.0 + 6.0 text-anchor="middle">{text}</text>
                                </g>
                            }
                        })
                        .collect_view()
                })
                .unwrap_or_default();
            let team = h.group.get(i).copied().flatten();
            let team_title = format!(
                "The team, {}: {}",
                factor.label(),
                team.map_or("no counted answers on this factor".to_string(), |g| format!(
                    "{} ({})",
                    signed(g),
                    Lean::from_value(g).phrase().to_lowercase()
                ))
            );
            view! {
                <g>
                    <text class="hm-factor" x="0" y=y + ROW_H / 2.0 + 6.0>{factor.label()}</text>
                    {cells}
                    <g class=format!("hm-cell hm-team {}", lean_class(team))>
                        <title>{team_title}</title>
                        <rect x=team_x + 4.0 y=y + 4.0 width=COL_W - 8.0 height=ROW_H - 8.0 rx="5"></rect>
                        <text x=team_x + COL_W / 2.0 y=y + ROW_H / 2.0 + 6.0 text-anchor="middle">
                            {team.map_or("–".to_string(), signed)}
                        </text>
                    </g>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="heatmap"
            viewBox=format!("0 0 {width} {height}")
            style:width=format!("min(100%, {:.2}em)", width / 16.0)
            role="img"
            aria-labelledby="heatmap-heading"
            aria-describedby="heatmap-how"
            data-testid="workshop-heatmap"
            preserveAspectRatio="xMinYMin meet"
        >
            {heads}
            <g>
                <title>"The team: the mean of every answer given by the people with a result"</title>
                <text class="hm-head hm-team-head" x=team_x + COL_W / 2.0 y=HEAD_H - 14.0 text-anchor="middle">"Team"</text>
            </g>
            {rows}
            <line class="hm-divider" x1=team_x - GAP / 2.0 x2=team_x - GAP / 2.0 y1="4" y2=height - PAD></line>
        </svg>
    }
}

/// The same figures as a table.
fn heatmap_table(h: &Heatmap) -> impl IntoView {
    let columns: Vec<Column> = std::iter::once(Column::from("Factor"))
        .chain(h.names.iter().cloned().map(Column::from))
        .chain(std::iter::once(Column::from("Team")))
        .collect();
    let rows = h
        .factors
        .iter()
        .enumerate()
        .map(|(i, factor)| {
            let cells = h
                .cells
                .get(i)
                .map(|row| {
                    row.iter()
                        .map(|c| view! { <td>{cell_words(c)}</td> })
                        .collect_view()
                })
                .unwrap_or_default();
            let team = h.group.get(i).copied().flatten();
            view! {
                <tr>
                    <th scope="row">{factor.label()}</th>
                    {cells}
                    <td>{team.map_or("no counted answers".to_string(), signed)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable
            columns=columns
            caption="Lean on each factor, −100 (product-led) to +100 (sales-led), and the distance from the team"
            caption_shown=true
            class="heatmap-table"
            testid="heatmap-table"
        >
            {rows}
        </DataTable>
    }
}

/// The heatmap with its legend and table.
#[component]
pub fn HeatmapPanel(analysis: Memo<Analysis>) -> impl IntoView {
    let heatmap = Memo::new(move |_| analysis.with(|a| a.heatmap.clone()));
    view! {
        <section class="heatmap-panel" aria-labelledby="heatmap-heading">
            <h3 id="heatmap-heading">"Where each person stands, factor by factor"</h3>
            <p class="formula" id="heatmap-how">
                "Each cell is a person’s lean on a factor: the mean lean of their answers, −100 (product-led) "
                "to +100 (sales-led). The outline shows the distance from the team’s lean on that factor "
                "(person − team): dashed from 25 points, heavy from 50. The last column is the team."
            </p>
            <div class="heatmap-scroll">{move || heatmap.with(|h| heatmap_svg(h).into_any())}</div>
            <ul class="heatmap-legend" aria-label="Legend">
                <li><span class="swatch hm-spl"></span>"Strongly product-led (−100 to −50)"</li>
                <li><span class="swatch hm-lpl"></span>"Leans product-led"</li>
                <li><span class="swatch hm-bal"></span>"Balanced (−15 to +15)"</li>
                <li><span class="swatch hm-lsl"></span>"Leans sales-led"</li>
                <li><span class="swatch hm-ssl"></span>"Strongly sales-led (+50 to +100)"</li>
                <li><span class="swatch hm-none"></span>"No answers"</li>
                <li><span class="swatch outline-differs"></span>"25–49 points from the team"</li>
                <li><span class="swatch outline-far"></span>"50 points or more from the team"</li>
            </ul>
            <details class="heatmap-alt">
                <summary>"The heatmap as a table"</summary>
                <div class="table-scroll">{move || heatmap.with(|h| heatmap_table(h).into_any())}</div>
            </details>
        </section>
    }
}
