//! Goal seek: every range of one input's values that gives CAC payback
//! within N months or LTV:CAC of at least X, found by the model with every
//! other input held; the value nearest today's, to apply; and how believable
//! that value is against the benchmark bands.

use leptos::prelude::*;

use super::super::format::{level_class, level_word};
use super::{field_name, field_value, reading_text};
use crate::components::number_field::NumberField;
use crate::domain::insight::{
    goal_seek, SeekStatus, Target, GOAL_SEEK_FIELDS, LTV_CAC_TARGET_RANGE, PAYBACK_TARGET_RANGE,
};
use crate::domain::sim::{fields, FieldId, ScenarioInputs};
use crate::state::use_workbench;

/// The payback target a switch to payback starts from, months.
const DEFAULT_PAYBACK_TARGET: f64 = 12.0;
/// The LTV:CAC target a switch to LTV:CAC starts from.
const DEFAULT_LTV_CAC_TARGET: f64 = 3.0;

/// Every input the goal seek can move: the usual six first, then the rest
/// in form order (not the horizon).
fn goal_fields() -> Vec<FieldId> {
    let mut out = GOAL_SEEK_FIELDS.to_vec();
    out.extend(
        fields()
            .iter()
            .map(|f| f.id)
            .filter(|id| *id != FieldId::HorizonMonths && !GOAL_SEEK_FIELDS.contains(id)),
    );
    out
}

/// The goal seek form and its answer.
#[component]
pub fn GoalSeekPanel(inputs: Memo<ScenarioInputs>) -> impl IntoView {
    let wb = use_workbench();
    let field = Memo::new(move |_| wb.insight.with(|i| i.goal_field));
    let target = Memo::new(move |_| wb.insight.with(|i| i.goal_target));
    let is_payback = Memo::new(move |_| matches!(target.get(), Target::PaybackBelow(_)));
    let target_value = Signal::derive(move || match target.get() {
        Target::PaybackBelow(m) => m,
        Target::LtvCacAbove(x) => x,
    });
    let result = Memo::new(move |_| inputs.with(|i| goal_seek(i, field.get(), target.get())));
    let set_target_value = Callback::new(move |v: f64| {
        wb.insight.update(|i| {
            i.goal_target = match i.goal_target {
                Target::PaybackBelow(_) => Target::PaybackBelow(v),
                Target::LtvCacAbove(_) => Target::LtvCacAbove(v),
            };
        });
    });
    let choose = move |payback: bool| {
        wb.insight.update(|i| {
            i.goal_target = if payback {
                Target::PaybackBelow(DEFAULT_PAYBACK_TARGET)
            } else {
                Target::LtvCacAbove(DEFAULT_LTV_CAC_TARGET)
            };
        });
    };
    // The value to apply: the nearest one that meets the target, when it
    // is not today's already.
    let to_apply = Memo::new(move |_| {
        result.with(|r| match (r.status, r.nearest) {
            (SeekStatus::Reached, Some(v)) if v != r.current_value => Some((r.field, v)),
            _ => None,
        })
    });
    let apply = move |_| {
        if let Some((field, v)) = to_apply.get_untracked() {
            wb.simulate.update(|s| {
                let _ = s.inputs.set(field, v);
            });
        }
    };

    view! {
        <section class="insight-part" aria-labelledby="goal-heading">
            <h3 id="goal-heading">"Goal seek: what it would take"</h3>
            <p class="section-lede">
                "Pick a target and one input. The model tries values of that input across its whole range, "
                "everything else as entered, and narrows in on every range of values that reaches the target. "
                "A result can get worse past a point (more pipeline than the sellers can close), so there may "
                "be a ceiling as well as a floor, or more than one range."
            </p>
            <div class="insight-controls goal-form">
                <fieldset class="output-picker">
                    <legend>"Target"</legend>
                    <label for="goal-kind-payback">
                        <input type="radio" id="goal-kind-payback" name="goal-kind"
                            prop:checked=move || is_payback.get()
                            on:change=move |_| choose(true)/>
                        "CAC payback of at most … months"
                    </label>
                    <label for="goal-kind-ltv-cac">
                        <input type="radio" id="goal-kind-ltv-cac" name="goal-kind"
                            prop:checked=move || !is_payback.get()
                            on:change=move |_| choose(false)/>
                        "LTV:CAC of at least …"
                    </label>
                </fieldset>
                {move || if is_payback.get() {
                    view! {
                        <NumberField label="Payback target (months)" value=target_value
                            range=PAYBACK_TARGET_RANGE on_valid=set_target_value id="goal-target"/>
                    }.into_any()
                } else {
                    view! {
                        <NumberField label="LTV:CAC target" value=target_value
                            range=LTV_CAC_TARGET_RANGE on_valid=set_target_value id="goal-target"/>
                    }.into_any()
                }}
                <div class="field">
                    <label for="goal-field">"Input to change"</label>
                    <select id="goal-field"
                        on:change:target=move |ev| {
                            if let Some(id) = FieldId::from_slug(&ev.target().value()) {
                                wb.insight.update(|i| i.goal_field = id);
                            }
                        }>
                        {goal_fields().into_iter().map(|id| view! {
                            <option value=id.slug() selected=move || field.get() == id>{field_name(id)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="goal-answer" role="status" aria-live="polite" data-testid="goal-answer">
                {move || result.with(|r| {
                    let output = r.target.output();
                    view! {
                        <p class="goal-message" data-testid="goal-message">{r.message.clone()}</p>
                        <dl class="goal-figures">
                            <dt>"Today"</dt>
                            <dd>
                                {format!("{} = {}", field_name(r.field), field_value(r.field, r.current_value))}
                                " → "{reading_text(output, &r.current)}
                            </dd>
                            {(!r.intervals.is_empty()).then(|| view! {
                                <dt>"Values that meet the target"</dt>
                                <dd>
                                    <ul class="goal-ranges" data-testid="goal-ranges">
                                        {r.intervals.iter().map(|i| view! {
                                            <li>{i.describe(r.field)}</li>
                                        }).collect_view()}
                                    </ul>
                                </dd>
                            })}
                            {r.nearest.map(|v| view! {
                                <dt>"Nearest to today"</dt>
                                <dd data-testid="goal-value">
                                    {format!("{} = {}", field_name(r.field), field_value(r.field, v))}
                                    {r.achieved.map(|a| format!(" → {}", reading_text(output, &a)))}
                                    {(v == r.current_value).then_some(" (today's value)")}
                                </dd>
                            })}
                        </dl>
                        {r.realism.clone().map(|real| view! {
                            <div class=format!("goal-realism {}", level_class(real.level))>
                                <p>
                                    <span class="verdict-word">{level_word(real.level)}</span>
                                    " — how realistic the needed value is against published bands:"
                                </p>
                                <ul>
                                    {real.notes.into_iter().map(|n| view! {
                                        <li>
                                            <span class="verdict-word">{level_word(n.level)}</span>": "{n.text}" "
                                            <span class="verdict-source">"Source: "{n.source}</span>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </div>
                        })}
                    }
                })}
            </div>
            <button type="button" on:click=apply disabled=move || to_apply.with(Option::is_none)>
                "Use this value in the scenario"
            </button>
            <p class="formula">
                "Payback = CAC ÷ (ARPA × gross margin); LTV:CAC = LTV ÷ CAC."
                {move || result.with(|r| {
                    let bisection = if r.iterations > 0 {
                        format!("; the ends of each range found by bisection in {} steps", r.iterations)
                    } else {
                        String::new()
                    };
                    (r.runs > 1).then(|| format!(" {} runs of the model{bisection}.", r.runs))
                })}
            </p>
        </section>
    }
}
