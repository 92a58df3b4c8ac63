//! The projection's warnings, its summary figures as tiles, and the
//! per-channel table, each figure with its formula and benchmark reading.
//!
//! Two things keep the readings honest: while a scenario input holds a
//! refused entry the figures say "Not updated" (a [`StaleNote`] and each
//! tile), and when the reality check finds a number no real company shows
//! the summary says the projection is not credible and withholds every
//! positive reading ([`Credibility::reading`]).

use leptos::prelude::*;

use super::format::{count, ltv, ltv_cac, money, money_cents, number, payback, percent, DASH};
use crate::components::data_table::{DataTable, Scroll};
use crate::components::focus::scroll_to_and_focus;
use crate::components::kpi::{Kpi, VerdictBadge};
use crate::components::stale_note::StaleNote;
use crate::domain::economics::{
    formula, verdict_ltv, verdict_ltv_cac, verdict_magic_number, verdict_nrr,
    verdict_payback_within, Lifetime, Ltv, Verdict, LTV_CAP_MONTHS,
};
use crate::domain::insight::{sanity_checks, Credibility};
use crate::domain::methods::MethodId;
use crate::domain::sim::{CashPayback, Channel, ChannelSummary, MagicNumber, Projection, Summary};
use crate::state::derived::use_scenario_inputs;
use crate::state::stale::{use_stale, FieldGroup};

/// Under blended LTV: why it is capped, when it is, and the conservative
/// figure beside it.
fn blended_ltv_note(s: &Summary) -> Option<String> {
    let five = s.blended_ltv_five_years?;
    let five = format!("LTV over 5 years: {}.", money(five));
    if !s.blended_ltv.is_some_and(|l| l.is_capped()) {
        return Some(five);
    }
    let capped: Vec<&str> = Channel::ALL
        .into_iter()
        .filter(|ch| {
            let c = s.channels.get(*ch);
            c.enabled && c.new_customers > 0.0 && c.ltv.is_capped()
        })
        .map(Channel::label)
        .collect();
    Some(format!(
        "Includes a capped LTV ({}): {} of gross profit, because churn is not above expansion and the formula has no finite value. {five}",
        capped.join(", "),
        crate::domain::format::months(LTV_CAP_MONTHS, 0)
    ))
}

/// Under blended CAC: the lag-matched alternative, where a channel has a lag.
fn blended_cac_note(s: &Summary) -> Option<String> {
    s.blended_cac_lag_matched.map(|c| {
        format!(
            "Lag-matched alternative: {} (spend of the last months, whose deals close after the horizon, left out).",
            money_cents(c)
        )
    })
}

fn channel_ltv_note(l: Ltv) -> Option<impl IntoView> {
    l.is_capped()
        .then(|| view! { <span class="cell-note">"capped at 60 months (no finite value)"</span> })
}

/// The alternatives under a channel's CAC: lag-matched, and for
/// sales-assisted what it counts and the fully loaded figure.
fn channel_cac_notes(ch: Channel, c: &ChannelSummary) -> impl IntoView {
    let lag = c.cac_lag_matched.map(|v| {
        view! { <span class="cell-note">{format!("lag-matched {}", money(v))}</span> }
    });
    let loaded = (ch == Channel::SalesAssist)
        .then_some(c.cac_fully_loaded)
        .flatten()
        .map(|v| {
            view! {
                <span class="cell-note">"sales-assist cost only"</span>
                <span class="cell-note">{format!("fully loaded {}", money(v))}</span>
            }
        });
    (lag, loaded)
}

/// Warnings, tiles and the per-channel table.
#[component]
pub fn SummaryPanel(projection: Memo<Projection>) -> impl IntoView {
    let summary = Memo::new(move |_| projection.with(|p| p.summary));
    let warnings = Memo::new(move |_| {
        projection.with(|p| p.warnings.iter().map(|w| w.message()).collect::<Vec<_>>())
    });
    let s = move || summary.get();
    let inputs = use_scenario_inputs();
    let credibility = Memo::new(move |_| {
        inputs.with(|i| projection.with(|p| Credibility::of(&sanity_checks(i, &p.summary))))
    });
    // Every reading shown goes through the credibility of the projection.
    let rated = move |v: Verdict| credibility.with(|c| c.reading(v));

    let cash_payback = move || match s().cash_payback {
        CashPayback::NeverNegative => "Never below zero".to_string(),
        CashPayback::PaidBackIn(m) => format!("Month {m}"),
        CashPayback::NotWithinHorizon => "Not within the horizon".to_string(),
    };
    let trough = move || {
        s().trough.map_or_else(
            || "Never below zero".to_string(),
            |t| format!("{} in month {}", money(t.dollars), t.month),
        )
    };
    let break_even = move || {
        s().break_even_month.map_or_else(
            || "Not within the horizon".to_string(),
            |m| format!("Month {m}"),
        )
    };
    let magic = move || match s().magic_number {
        MagicNumber::Ratio(r) => number(r, 2),
        MagicNumber::NoPriorSpend => "No spend".to_string(),
        MagicNumber::NotEnoughMonths => "Horizon too short".to_string(),
    };
    let magic_verdict = move || match s().magic_number {
        MagicNumber::Ratio(r) => Some(rated(verdict_magic_number(r))),
        _ => None,
    };
    let split = move || {
        s().revenue_split_pct.map_or_else(
            || "No revenue yet".to_string(),
            |split| {
                Channel::ALL
                    .iter()
                    .filter(|ch| s().channels.get(**ch).enabled)
                    .map(|ch| format!("{} {}", ch.label(), percent(split.get(*ch), 0)))
                    .collect::<Vec<_>>()
                    .join(" · ")
            },
        )
    };

    let stale = use_stale();
    view! {
        <div class="sim-summary" data-testid="sim-summary" data-stale=move || stale.with(|s| !s.is_empty()).to_string()>
            <div class="sim-warnings" role="status" aria-live="polite" data-testid="sim-warnings">
                <Show when=move || warnings.with(|w| !w.is_empty())>
                    <ul>
                        {move || warnings.get().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                    </ul>
                </Show>
            </div>
            <h3 id="sim-summary-heading" tabindex="-1">"Summary over the horizon"</h3>
            <StaleNote group=FieldGroup::Scenario testid="sim-stale"/>
            <NotCredible credibility/>
            <div class="kpi-grid">
                <Kpi label="ARR at the end" id="sim-arr"
                    value=Signal::derive(move || money(s().ending_arr))
                    formula="ARR = 12 × MRR of the last month".to_string()
                    note=Signal::derive(move || Some(format!("{} paying customers at the end.", count(s().ending_customers))))/>
                <Kpi label="Blended CAC" id="sim-blended-cac" method=MethodId::BlendedCac
                    value=Signal::derive(move || s().blended_cac.map_or_else(|| DASH.to_string(), money_cents))
                    formula=format!("{}, both over the horizon", formula::BLENDED_CAC)
                    note=Signal::derive(move || blended_cac_note(&s()))/>
                <Kpi label="Blended LTV" id="sim-blended-ltv" method=MethodId::Ltv
                    value=Signal::derive(move || s().blended_ltv.map_or_else(|| DASH.to_string(), ltv))
                    formula=format!("{}; channels weighted by new customers", formula::LTV)
                    note=Signal::derive(move || blended_ltv_note(&s()))
                    verdict=Signal::derive(move || s().blended_ltv.map(verdict_ltv).map(rated))/>
                <Kpi label="Blended LTV:CAC" id="sim-ltv-cac" method=MethodId::LtvCac
                    value=Signal::derive(move || s().blended_ltv_cac.map_or_else(|| DASH.to_string(), ltv_cac))
                    formula=formula::LTV_CAC.to_string()
                    verdict=Signal::derive(move || s().blended_ltv_cac.map(verdict_ltv_cac).map(rated))/>
                <Kpi label="CAC payback (months, on gross margin)" id="sim-payback" method=MethodId::Payback
                    value=Signal::derive(move || s().blended_payback.map_or_else(|| DASH.to_string(), payback))
                    formula=format!("{}; ARPA weighted by new customers", formula::PAYBACK)
                    verdict=Signal::derive(move || {
                        let s = s();
                        s.blended_payback
                            .map(|p| verdict_payback_within(p, s.blended_lifetime.unwrap_or(Lifetime::Unbounded)))
                            .map(rated)
                    })/>
                <Kpi label="Cash back to zero (cash payback)" id="sim-cash-payback" method=MethodId::CashPayback compact=true
                    value=Signal::derive(cash_payback)
                    formula=formula::CASH_PAYBACK.to_string()/>
                <Kpi label="Cash trough" id="sim-trough" method=MethodId::Billing compact=true
                    value=Signal::derive(trough)
                    formula="Trough = the lowest cumulative cash: cash in − cost of service − sales & marketing spend, summed month by month".to_string()/>
                <Kpi label="Monthly break-even" id="sim-break-even" method=MethodId::BreakEven compact=true
                    value=Signal::derive(break_even)
                    formula=formula::BREAK_EVEN.to_string()/>
                <Kpi label="NRR over 12 months" id="sim-nrr" method=MethodId::Nrr
                    value=Signal::derive(move || s().nrr_12m_pct.map_or_else(|| DASH.to_string(), |v| percent(v, 1)))
                    formula=formula::NRR.to_string()
                    verdict=Signal::derive(move || s().nrr_12m_pct.and_then(verdict_nrr).map(rated))/>
                <Kpi label="Magic number (last quarter)" id="sim-magic" method=MethodId::MagicNumber
                    value=Signal::derive(magic)
                    formula=formula::MAGIC_NUMBER.to_string()
                    verdict=Signal::derive(magic_verdict)/>
                <Kpi label="Revenue split" id="sim-split" compact=true
                    value=Signal::derive(split)
                    formula="Share of each channel in the revenue of the whole horizon".to_string()/>
            </div>
            <ChannelSummaryTable summary credibility/>
        </div>
    }
}

/// Per-channel figures, one row per switched-on channel, and the blended row.
#[component]
fn ChannelSummaryTable(summary: Memo<Summary>, credibility: Memo<Credibility>) -> impl IntoView {
    let rated = move |v: Verdict| credibility.with(|c| c.reading(v));
    let rows = move || {
        let s = summary.get();
        Channel::ALL
            .into_iter()
            .filter(|ch| s.channels.get(*ch).enabled)
            .map(|ch| {
                let c = s.channels.get(ch);
                view! {
                    <tr data-channel=ch.slug()>
                        <th scope="row">{ch.label()}</th>
                        <td class="num">{count(c.new_customers)}</td>
                        <td class="num">{c.cac.map_or_else(|| "no customers".to_string(), money)}{channel_cac_notes(ch, &c)}</td>
                        <td class="num">
                            {money(c.ltv.dollars())}{channel_ltv_note(c.ltv)}
                            <span class="cell-note">{format!("5 years {}", money(c.ltv_five_years))}</span>
                        </td>
                        <td class="num">
                            {c.ltv_cac.map_or_else(|| DASH.to_string(), ltv_cac)}<br/>
                            {c.ltv_cac.map(|v| view! { <VerdictBadge verdict=rated(verdict_ltv_cac(v))/> })}
                        </td>
                        <td class="num">
                            {c.payback.map_or_else(|| DASH.to_string(), payback)}<br/>
                            {c.payback.map(|v| view! { <VerdictBadge verdict=rated(verdict_payback_within(v, c.lifetime))/> })}
                        </td>
                        <td class="num">{percent(c.nrr_12m_pct, 1)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let blended = move || {
        let s = summary.get();
        view! {
            <tr class="blended-row">
                <th scope="row">"Blended"</th>
                <td class="num">{count(s.total_new_customers)}</td>
                <td class="num">{s.blended_cac.map_or_else(|| DASH.to_string(), money)}</td>
                <td class="num">{s.blended_ltv.map_or_else(|| DASH.to_string(), |l| money(l.dollars()))}</td>
                <td class="num">{s.blended_ltv_cac.map_or_else(|| DASH.to_string(), ltv_cac)}</td>
                <td class="num">{s.blended_payback.map_or_else(|| DASH.to_string(), payback)}</td>
                <td class="num">{s.nrr_12m_pct.map_or_else(|| DASH.to_string(), |v| percent(v, 1))}</td>
            </tr>
        }
    };
    view! {
        <h3>"By channel"</h3>
        <DataTable
            columns=[
                "Channel", "Customers won", "CAC", "LTV", "LTV:CAC", "Payback (months)",
                "NRR, 12 months",
            ]
            caption="Customers, CAC, LTV, LTV:CAC, payback and retention per channel"
            class="channel-summary"
            cards=true
            testid="sim-channel-table"
            scroll=Scroll::Region("Figures by channel")
        >
            {rows}
            {blended}
        </DataTable>
        <ul class="formulas">
            <li>{formula::CHANNEL_CAC}"."</li>
            <li>{formula::LAG_MATCHED_CAC}"."</li>
            <li>{formula::SALES_ASSIST_CAC}"."</li>
            <li>{formula::SALES_ASSIST_CAC_LOADED}"."</li>
            <li>{formula::LTV}"; "{formula::LTV_CAPPED}"."</li>
            <li>{formula::LTV_FIVE_YEARS}"."</li>
            <li>{formula::PAYBACK}"."</li>
            <li>{formula::NRR}"."</li>
            <li>"Readings: LTV:CAC and payback bands as named in each reading; a payback longer than the customer lifetime is always poor; sales-led CAC includes the account executives' cost."</li>
        </ul>
    }
}

/// "Not credible": when the reality check finds a number no real company
/// shows, the summary says so above its figures, names the numbers with a
/// way to each, and (through [`Credibility::reading`]) shows no healthy
/// reading until they are fixed.
#[component]
fn NotCredible(credibility: Memo<Credibility>) -> impl IntoView {
    let issues = move || match credibility.get() {
        Credibility::Credible => Vec::new(),
        Credibility::NotCredible(issues) => issues,
    };
    view! {
        <div role="status" aria-live="polite" data-testid="sim-credibility">
            <Show when=move || !credibility.with(Credibility::is_credible)>
                <div class="not-credible">
                    <p>
                        <strong>"Not credible: "</strong>
                        {move || {
                            let n = issues().len();
                            if n == 1 {
                                "this projection rests on a number no real company shows, so its readings are withheld until it is fixed.".to_string()
                            } else {
                                format!("this projection rests on {n} numbers no real company shows, so its readings are withheld until they are fixed.")
                            }
                        }}
                    </p>
                    <ul>
                        {move || issues()
                            .into_iter()
                            .map(|w| {
                                let field = w.field;
                                view! {
                                    <li>
                                        {w.message}
                                        {field.map(|f| view! {
                                            " "
                                            <button type="button" class="link-button"
                                                on:click=move |_| scroll_to_and_focus(f.slug())>
                                                {format!("Go to {}", f.spec().label)}
                                            </button>
                                        })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            </Show>
        </div>
    }
}
