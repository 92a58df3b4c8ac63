//! The simulator's inputs: presets per motion, the shared inputs (horizon,
//! gross margin, billing) and one group per channel with its on/off switch,
//! all rendered from the domain's field list.

use leptos::prelude::*;

use super::format::{level_class, level_word};
use crate::components::number_field::NumberField;
use crate::domain::compare::short_anchor;
use crate::domain::motion::Motion;
use crate::domain::sim::{
    field_reading, fields, preset, Billing, Channel, FieldId, FieldReading, FieldSpec,
    PresetChange, ScenarioInputs,
};
use crate::state::history::offer_undo;
use crate::state::notices::{Notice, NoticeKey, NoticeLevel};
use crate::state::stale::use_invalid_fields;
use crate::state::{try_set, use_workbench, Workbench};

/// The inputs a field's reading reads besides the field itself.
fn reading_also_reads(id: FieldId) -> &'static [FieldId] {
    match id {
        FieldId::SaWinPct => &[FieldId::SaPqlToOpportunityPct],
        _ => &[],
    }
}

/// One numeric input from its descriptor, with the short anchor other pages
/// link to, its benchmark reading and, while it holds a value Measure put
/// there, where that value came from. The reading is of the stored value, so
/// while the field (or an input the reading reads) holds a refused entry it
/// is hidden rather than shown for a number the person has already
/// replaced.
#[component]
fn SimField(spec: &'static FieldSpec, inputs: Memo<ScenarioInputs>) -> impl IntoView {
    let wb = use_workbench();
    let id = spec.id;
    let value = Memo::new(move |_| inputs.with(|i| i.get(id)));
    let provenance = Memo::new(move |_| {
        wb.simulate
            .with(|s| s.provenance_of(id).map(|p| p.source.clone()))
    });
    // The field has read and range-checked the text; `set_input` is the one
    // writer (a typed value is the person's: its provenance goes). It
    // refuses only what the field would have refused, so its message, if
    // any, stays beside the field rather than in the banner.
    let refused: RwSignal<Option<String>> = RwSignal::new(None);
    let registry = use_invalid_fields();
    let invalid = move || {
        registry.is_some_and(|r| {
            std::iter::once(id)
                .chain(reading_also_reads(id).iter().copied())
                .any(|f| r.is_invalid(f.slug()))
        })
    };
    let reading = Memo::new(move |_| {
        if invalid() {
            return None;
        }
        inputs.with(|i| field_reading(id, i))
    });
    let on_valid = Callback::new(move |v| {
        let result = try_set(wb.simulate, |s| s.set_input(id, v));
        refused.set(result.and_then(|r| r.err()).map(|e| e.to_string()));
    });
    view! {
        <div class="sim-field">
            {short_anchor(id).map(|a| view! { <span class="anchor" id=a></span> })}
            <NumberField label=spec.label value=value range=spec.range on_valid id=spec.slug help=spec.help/>
            {move || provenance.get().map(|source| view! {
                <p class="field-provenance" data-testid=format!("provenance-{}", spec.slug)>{source}</p>
            })}
            {move || refused.get().map(|e| view! {
                <p class="field-error" role="alert">{format!("{}: {e}", spec.label)}</p>
            })}
            {move || reading.get().map(|FieldReading { lead, verdict: v }| view! {
                <p class=format!("field-reading {}", level_class(v.level))
                    data-testid=format!("reading-{}", spec.slug)>
                    {lead.map(|l| format!("{l} "))}
                    <span class="verdict-word">{level_word(v.level)}</span>
                    ": "{v.text}" "
                    <span class="verdict-source">"Source: "{v.source}</span>
                </p>
            })}
        </div>
    }
}

/// Where a preset was asked for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum PresetSource {
    /// A preset button.
    Button,
    /// "Model this motion" on Assess.
    Assessment,
}

/// Puts the motion's preset into the scenario as one undoable step, and
/// says what it changed, with Undo.
pub(super) fn apply_preset(wb: Workbench, motion: Motion, source: PresetSource) {
    let before = wb.simulate.with_untracked(|s| s.inputs.clone());
    let change = PresetChange::between(&before, &preset(motion));
    let step = wb
        .history
        .act(wb, format!("the {} preset", motion.label()), || {
            wb.simulate.update(|s| s.apply_preset(motion));
        });
    let from = match source {
        PresetSource::Button => "",
        PresetSource::Assessment => " from your assessment",
    };
    match step {
        Some(step) => offer_undo(
            wb,
            &step,
            format!(
                "Applied the {} preset{from}: {}. Replace its numbers with your own.",
                motion.label(),
                change.sentence()
            ),
        ),
        None => wb.notify(Notice::new(
            NoticeKey::SimulatePreset,
            NoticeLevel::Info,
            format!(
                "The {} preset{from} is already in place; nothing changed.",
                motion.label()
            ),
        )),
    }
}

/// The preset buttons; the one matching the current inputs is pressed.
#[component]
fn Presets(inputs: Memo<ScenarioInputs>) -> impl IntoView {
    let wb = use_workbench();
    let active =
        Memo::new(move |_| inputs.with(|i| Motion::ALL.into_iter().find(|m| preset(*m) == *i)));
    let chosen = Memo::new(move |_| wb.assess.with(|a| a.chosen_motion));
    view! {
        <div class="presets" role="group" aria-labelledby="sim-presets-label">
            <p id="sim-presets-label" class="presets-label">"Start from a preset (replaces the inputs below)"</p>
            <div class="preset-buttons">
                {Motion::ALL
                    .into_iter()
                    .map(|m| view! {
                        <button type="button"
                            aria-pressed=move || if active.get() == Some(m) { "true" } else { "false" }
                            on:click=move |_| apply_preset(wb, m, PresetSource::Button)>
                            {m.label()}
                            <Show when=move || chosen.get() == Some(m)>
                                <span class="preset-chosen">" (your assessment)"</span>
                            </Show>
                        </button>
                    })
                    .collect_view()}
            </div>
        </div>
    }
}

/// One channel's group: the switch and its inputs.
#[component]
fn ChannelGroup(channel: Channel, inputs: Memo<ScenarioInputs>) -> impl IntoView {
    let wb = use_workbench();
    let enabled = Memo::new(move |_| inputs.with(|i| i.is_enabled(channel)));
    let switch_id = format!("sim-on-{}", channel.slug());
    let label_for = switch_id.clone();
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        wb.simulate.update(|s| s.inputs.set_enabled(channel, on));
    };
    view! {
        <fieldset class="channel-group" class:channel-off=move || !enabled.get()
            data-channel=channel.slug()>
            <legend>{channel.label()}</legend>
            <label class="switch" for=label_for>
                <input type="checkbox" role="switch" id=switch_id
                    prop:checked=move || enabled.get() on:change=toggle/>
                {format!(" {} channel on", channel.label())}
            </label>
            <Show when=move || !enabled.get()>
                <p class="channel-off-note">
                    "Switched off: these numbers are kept but not used."
                    <span class="channel-off-phone">" Switch it on to see and change them."</span>
                </p>
            </Show>
            <div class="field-grid">
                {fields()
                    .iter()
                    .filter(|f| f.channel == Some(channel))
                    .map(|spec| view! { <SimField spec inputs/> })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// All the simulator's inputs.
#[component]
pub fn ScenarioInputsPanel(inputs: Memo<ScenarioInputs>) -> impl IntoView {
    let wb = use_workbench();
    let billing = Memo::new(move |_| inputs.with(|i| i.billing));
    let set_billing = move |b: Billing| wb.simulate.update(|s| s.inputs.billing = b);
    view! {
        <div class="sim-inputs">
            <Presets inputs/>
            <fieldset class="channel-group shared-group">
                <legend>"Shared"</legend>
                <div class="field-grid">
                    {fields()
                        .iter()
                        .filter(|f| f.channel.is_none())
                        .map(|spec| view! { <SimField spec inputs/> })
                        .collect_view()}
                </div>
                <fieldset class="billing">
                    <legend>"Billing"</legend>
                    {Billing::ALL
                        .into_iter()
                        .map(|b| view! {
                            <label>
                                <input type="radio" name="sim-billing"
                                    prop:checked=move || billing.get() == b
                                    on:change=move |_| set_billing(b)/>
                                {format!(" {}", b.label())}
                            </label>
                        })
                        .collect_view()}
                    <p class="field-help" data-testid="billing-convention">{Billing::CONVENTION}</p>
                </fieldset>
            </fieldset>
            {Channel::ALL
                .into_iter()
                .map(|channel| view! { <ChannelGroup channel inputs/> })
                .collect_view()}
        </div>
    }
}
