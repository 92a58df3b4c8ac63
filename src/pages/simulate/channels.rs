//! CAC by channel: spend and new customers per channel, each channel's CAC,
//! and the blended CAC over every row, organic customers included.

use leptos::prelude::*;

use super::format::{count, money, money_cents};
use crate::components::data_table::{Column, DataTable, Scroll};
use crate::components::number_field::NumberField;
use crate::domain::economics::{
    blended_cac, channel_totals, formula, ChannelRow, CHANNEL_CUSTOMERS_RANGE, CHANNEL_SPEND_RANGE,
    MAX_CHANNEL_ROWS, ORGANIC_ROW_NAME,
};
use crate::domain::sim::{SimState, StateError};
use crate::state::{try_set, use_workbench};

/// The CAC-by-channel table.
#[component]
pub fn ChannelTable() -> impl IntoView {
    let wb = use_workbench();
    let rows = Memo::new(move |_| wb.simulate.with(|s| s.channels.clone()));
    let ids = Memo::new(move |_| rows.with(|r| r.iter().map(|c| c.id).collect::<Vec<_>>()));
    let new_name = RwSignal::new(String::new());
    let add_error: RwSignal<Option<String>> = RwSignal::new(None);

    let add =
        move |name: String| match try_set(wb.simulate, |s| s.add_channel(&name)).unwrap_or(Ok(0)) {
            Ok(_) => {
                new_name.set(String::new());
                add_error.set(None);
            }
            Err(e) => add_error.set(Some(e.to_string())),
        };
    let has_organic = move || rows.with(|r| r.iter().any(|c| c.name == ORGANIC_ROW_NAME));
    let full = move || rows.with(|r| r.len() >= MAX_CHANNEL_ROWS);
    let totals = move || rows.with(|r| channel_totals(r));
    let blended = move || {
        rows.with(|r| blended_cac(r))
            .map_or_else(|| "No customers yet".to_string(), money_cents)
    };

    view! {
        <section class="channel-cac" aria-labelledby="cac-heading">
            <h2 id="cac-heading">"CAC by channel"</h2>
            <p class="section-lede">
                "Enter one period's spend and new customers per channel. Customers nobody paid for belong in the "
                "organic row: they count in the blended CAC, which is what the business as a whole pays per customer."
            </p>
            <DataTable
                columns=[
                    Column::from("Channel"),
                    Column::from("Spend ($)"),
                    Column::from("New customers"),
                    Column::from("CAC ($)"),
                    Column::unseen("Actions"),
                ]
                caption="Spend, new customers and CAC per channel, with the blended CAC"
                class="channel-table"
                scroll=Scroll::Region("CAC by channel table")
                card=true
                foot=move || view! {
                    <tr class="blended-row">
                        <th scope="row">"Blended (all rows)"</th>
                        <td data-testid="cac-total-spend">{move || money(totals().0)}</td>
                        <td data-testid="cac-total-customers">{move || count(totals().1)}</td>
                        <td class="num">
                            <span class="kpi-value small" tabindex="0" data-testid="blended-cac"
                                role="group" aria-label=move || format!("Blended CAC {}", blended())
                                aria-describedby="blended-cac-formula">
                                {blended}
                            </span>
                        </td>
                        <td></td>
                    </tr>
                }
            >
                <For each=move || ids.get() key=|id| *id let:id>
                    <ChannelRowView id rows/>
                </For>
            </DataTable>
            <ul class="formulas">
                <li>{formula::CHANNEL_CAC}"."</li>
                <li id="blended-cac-formula">{formula::BLENDED_CAC}"."</li>
            </ul>
            <form class="add-channel no-print" on:submit=move |ev| {
                ev.prevent_default();
                add(new_name.get_untracked());
            }>
                <div class="field">
                    <label for="cac-new-channel">"New channel name"</label>
                    <input id="cac-new-channel" type="text" maxlength="60" autocomplete="off"
                        prop:value=move || new_name.get()
                        on:input:target=move |ev| new_name.set(ev.target().value())
                        aria-describedby="cac-add-error"/>
                </div>
                <button type="submit" disabled=full>"Add channel"</button>
                <Show when=move || !has_organic()>
                    <button type="button" disabled=full
                        on:click=move |_| add(ORGANIC_ROW_NAME.to_string())>
                        "Add the organic / unattributed row"
                    </button>
                </Show>
                <p class="field-error" id="cac-add-error" role="alert" hidden=move || add_error.with(Option::is_none)>
                    {move || add_error.get().unwrap_or_default()}
                </p>
            </form>
        </section>
    }
}

/// One row: editable name, spend and customers, its CAC and a remove button.
#[component]
fn ChannelRowView(id: u32, rows: Memo<Vec<ChannelRow>>) -> impl IntoView {
    let wb = use_workbench();
    let row = move |f: fn(&ChannelRow) -> f64| {
        Memo::new(move |_| rows.with(|r| r.iter().find(|c| c.id == id).map_or(0.0, f)))
    };
    // The field has checked the range; the state refuses only an unknown row.
    let setter = move |set: fn(&mut SimState, u32, f64) -> Result<(), StateError>| {
        Callback::new(move |v| {
            try_set(wb.simulate, |s| set(s, id, v));
        })
    };
    let spend = row(|c| c.spend);
    let customers = row(|c| c.customers);
    let name = Memo::new(move |_| {
        rows.with(|r| {
            r.iter()
                .find(|c| c.id == id)
                .map(|c| c.name.clone())
                .unwrap_or_default()
        })
    });
    let is_organic = move || name.with(|n| n == ORGANIC_ROW_NAME);
    let cac = move || {
        rows.with(|r| r.iter().find(|c| c.id == id).and_then(ChannelRow::cac))
            .map_or_else(|| "no customers".to_string(), money_cents)
    };
    // The name as typed; a blank or too long name shows its problem and is
    // not stored.
    let raw_name: RwSignal<Option<String>> = RwSignal::new(None);
    let name_error: RwSignal<Option<String>> = RwSignal::new(None);
    let name_id = format!("cac-name-{id}");
    let error_id = format!("cac-name-{id}-error");
    let on_name = move |typed: String| {
        let result = try_set(wb.simulate, |s| s.rename_channel(id, &typed));
        name_error.set(result.and_then(|r| r.err()).map(|e| e.to_string()));
        raw_name.set(Some(typed));
    };
    let remove = move |_| {
        wb.simulate.update(|s| {
            let _ = s.remove_channel(id);
        });
    };
    let described = error_id.clone();
    view! {
        <tr>
            <th scope="row" class="channel-name">
                <label class="sr-only" for=name_id.clone()>"Channel name"</label>
                <input id=name_id type="text" maxlength="80" autocomplete="off"
                    prop:value=move || raw_name.get().unwrap_or_else(|| name.get())
                    aria-invalid=move || if name_error.with(Option::is_some) { "true" } else { "false" }
                    aria-describedby=described
                    on:input:target=move |ev| on_name(ev.target().value())
                    on:blur=move |_| if name_error.with_untracked(Option::is_none) { raw_name.set(None) }/>
                <p class="field-error" id=error_id role="alert" hidden=move || name_error.with(Option::is_none)>
                    {move || name_error.get().unwrap_or_default()}
                </p>
                <Show when=is_organic>
                    <p class="field-help">"Customers no paid channel can claim; no spend."</p>
                </Show>
            </th>
            <td>
                <NumberField label="Spend ($)" value=spend range=CHANNEL_SPEND_RANGE
                    on_valid=setter(SimState::set_channel_spend) id=format!("cac-spend-{id}")/>
            </td>
            <td>
                <NumberField label="New customers" value=customers range=CHANNEL_CUSTOMERS_RANGE
                    on_valid=setter(SimState::set_channel_customers) id=format!("cac-customers-{id}")/>
            </td>
            <td class="num" data-testid=format!("cac-row-{id}")>{cac}</td>
            <td>
                <button type="button" class="link-button" on:click=remove
                    aria-label=move || format!("Remove {}", name.get())>
                    "Remove"
                </button>
            </td>
        </tr>
    }
}
