//! The PQL playbook editor: rules (signal → threshold → action → owner) that
//! can be added, edited, reordered and removed; the volumes the estimate
//! works from; and what the rules imply for the sales team.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::confirm::ConfirmButton;
use crate::components::data_table::{text_row, DataTable};
use crate::components::focus::{focus_after_frame, focus_first_after_frame};
use crate::components::number_field::NumberField;
use crate::components::text_field::TextField;
use crate::domain::plan::{
    format_quantity, CapacityStatus, PlanError, PqlEstimate, PqlRule, RuleDraft,
    ACTIVE_FREE_FORMULA, ACTIVE_RANGE, FREE_ACTIVE_MONTHS_RANGE, MAX_RULES, OWNER_SUGGESTIONS,
    PER_REP_RANGE, REPS_RANGE, SHARE_RANGE, THRESHOLD_RANGE,
};
use crate::routes::Route;
use crate::state::notices::{Notice, NoticeKey, NoticeLevel};
use crate::state::{try_set, use_workbench, Workbench};

use super::{number, range_text, typed};

/// The editable fields of a saved rule.
fn draft_of(rule: &PqlRule) -> RuleDraft {
    RuleDraft {
        signal: rule.signal.clone(),
        threshold: rule.threshold,
        unit: rule.unit.clone(),
        action: rule.action.clone(),
        owner: rule.owner.clone(),
        share_pct: rule.share_pct,
    }
}

fn report_error(wb: Workbench, result: Result<(), PlanError>) {
    if let Err(e) = result {
        wb.notify(Notice::new(
            NoticeKey::PlanRules,
            NoticeLevel::Error,
            e.to_string(),
        ));
    }
}

/// Applies `change` to rule `id` through the domain's checked update.
fn edit_rule(wb: Workbench, id: u32, change: impl FnOnce(&mut RuleDraft)) {
    let result = try_set(wb.plan, |p| {
        let Some(rule) = p.rule(id) else {
            return Err(None);
        };
        let mut draft = draft_of(rule);
        change(&mut draft);
        if draft == draft_of(rule) {
            // Nothing changed: leave the plan (and its readers) alone.
            return Err(None);
        }
        p.update(id, draft).map_err(Some)
    });
    if let Some(Err(Some(e))) = result {
        report_error(wb, Err(e));
    }
}

/// "3 features", "200%".
fn threshold_text(rule: &PqlRule) -> String {
    let unit = rule.unit.trim();
    if unit == "%" {
        format!("{}%", format_quantity(rule.threshold))
    } else {
        format!("{} {unit}", format_quantity(rule.threshold))
    }
}

/// The playbook section.
#[component]
pub(super) fn Playbook(
    estimate: Signal<PqlEstimate>,
    simulated: Signal<Option<f64>>,
) -> impl IntoView {
    let wb = use_workbench();
    let ids = move || {
        wb.plan
            .with(|p| p.rules.iter().map(|r| r.id).collect::<Vec<u32>>())
    };
    let full = move || wb.plan.with(|p| p.rules.len() >= MAX_RULES);
    let add = move |_| match try_set(wb.plan, |p| p.add_rule(RuleDraft::default())).unwrap_or(Ok(0))
    {
        Ok(id) => focus_after_frame(format!("rule-{id}-signal")),
        Err(e) => report_error(wb, Err(e)),
    };
    let restore = Callback::new(move |()| {
        report_error(wb, try_set(wb.plan, |p| p.reset_rules()).unwrap_or(Ok(())));
        focus_after_frame("plan-add-rule");
    });

    view! {
        <section class="plan-section" aria-labelledby="playbook-heading">
            <h2 id="playbook-heading">"PQL playbook"</h2>
            <p class="plan-intro">
                "A product-qualified lead (PQL) is a free account whose use of the product shows it is "
                "ready for more. Each rule names the signal, the level that triggers it, what happens "
                "then and who does it. The share is your guess of how many active free accounts reach "
                "the level in a month; replace it with figures from your analytics."
            </p>
            <datalist id="plan-owners">
                {OWNER_SUGGESTIONS.into_iter().map(|o| view! { <option value=o></option> }).collect_view()}
            </datalist>
            <ol class="plan-rules">
                <For each=ids key=|id| *id let:id>
                    <RuleEditor id=id estimate=estimate/>
                </For>
            </ol>
            <Show when=move || wb.plan.with(|p| p.rules.is_empty())>
                <p class="plan-empty">"No rules yet. Add one, or restore the four starting rules."</p>
            </Show>
            <div class="plan-buttons">
                <button type="button" id="plan-add-rule" class="primary" disabled=full on:click=add>
                    "Add a rule"
                </button>
                <ConfirmButton
                    button="Restore the starting rules…"
                    label="Confirm restoring the starting rules"
                    question="Replace every rule with the four starting ones?"
                    yes="Yes, replace"
                    on_confirm=restore
                />
                <Show when=full>
                    <p class="field-help">{format!("A playbook holds at most {MAX_RULES} rules.")}</p>
                </Show>
            </div>

            <h3>"Volumes"</h3>
            <Volumes simulated/>

            <h3>"What the rules imply"</h3>
            <EstimateSummary estimate=estimate/>
        </section>
    }
}

/// One rule as a small form.
#[component]
fn RuleEditor(id: u32, estimate: Signal<PqlEstimate>) -> impl IntoView {
    let wb = use_workbench();
    let rule = Memo::new(move |_| wb.plan.with(|p| p.rule(id).cloned()));
    let position = Memo::new(move |_| wb.plan.with(|p| p.rules.iter().position(|r| r.id == id)));
    let is_first = move || position.get() == Some(0);
    let is_last = move || {
        let count = wb.plan.with(|p| p.rules.len());
        position.get().is_none_or(|i| i + 1 >= count)
    };
    let text = move |f: fn(&PqlRule) -> String| {
        Signal::derive(move || rule.with(|r| r.as_ref().map(f).unwrap_or_default()))
    };
    let num = move |f: fn(&PqlRule) -> f64| {
        Signal::derive(move || rule.with(|r| r.as_ref().map_or(0.0, f)))
    };
    let signal_text = text(|r| r.signal.clone());
    let legend = move || {
        format!(
            "Rule {}: {}",
            position.get().map_or(0, |i| i + 1),
            signal_text.get()
        )
    };

    let flagged = move || {
        estimate.with(|e| {
            e.per_rule
                .iter()
                .find(|r| r.id == id)
                .map(|r| (r.flagged_per_month, r.needs_people))
        })
    };
    let active = move || wb.plan.with(|p| p.volumes.active_free_accounts);
    let result_line = move || {
        let Some((n, people)) = flagged() else {
            return String::new();
        };
        let share = rule.with(|r| r.as_ref().map_or(0.0, |r| r.share_pct));
        let who = if people {
            "worked by people"
        } else {
            "handled by automation, no people needed"
        };
        format!(
            "About {} accounts a month = {} active free accounts × {}% — {who}.",
            number(n),
            number(active()),
            format_quantity(share)
        )
    };
    let summary = move || {
        rule.with(|r| {
            r.as_ref()
                .map(|r| {
                    format!(
                        "When {} reaches {}: {} ({}).",
                        r.signal.to_lowercase(),
                        threshold_text(r),
                        r.action,
                        r.owner
                    )
                })
                .unwrap_or_default()
        })
    };

    let move_up = move |_| {
        let result = try_set(wb.plan, |p| p.move_up(id)).unwrap_or(Ok(false));
        report_error(wb, result.map(|_| ()));
        focus_first_after_frame(vec![format!("rule-{id}-up"), format!("rule-{id}-down")]);
    };
    let move_down = move |_| {
        let result = try_set(wb.plan, |p| p.move_down(id)).unwrap_or(Ok(false));
        report_error(wb, result.map(|_| ()));
        focus_first_after_frame(vec![format!("rule-{id}-down"), format!("rule-{id}-up")]);
    };
    let remove = move |_| {
        let result = try_set(wb.plan, |p| p.remove(id).map(|_| ())).unwrap_or(Ok(()));
        report_error(wb, result);
        focus_after_frame("plan-add-rule");
    };

    view! {
        <li class="plan-rule">
            <fieldset class="card">
                <legend>{legend}</legend>
                <div class="plan-rule-grid">
                    <TextField
                        label="Signal"
                        id=format!("rule-{id}-signal")
                        class="plan-wide"
                        value=signal_text
                        on_valid=Callback::new(move |v: String| edit_rule(wb, id, |d| d.signal = v))
                    />
                    <NumberField
                        label="Threshold"
                        id=format!("rule-{id}-threshold")
                        value=num(|r| r.threshold)
                        range=THRESHOLD_RANGE
                        on_valid=Callback::new(move |v: f64| edit_rule(wb, id, |d| d.threshold = v))
                    />
                    <TextField
                        label="Unit"
                        id=format!("rule-{id}-unit")
                        value=text(|r| r.unit.clone())
                        on_valid=Callback::new(move |v: String| edit_rule(wb, id, |d| d.unit = v))
                    />
                    <TextField
                        label="Action"
                        id=format!("rule-{id}-action")
                        class="plan-wide"
                        value=text(|r| r.action.clone())
                        on_valid=Callback::new(move |v: String| edit_rule(wb, id, |d| d.action = v))
                    />
                    <TextField
                        label="Owner"
                        id=format!("rule-{id}-owner")
                        list="plan-owners"
                        help="An owner named “automation” needs no people."
                        value=text(|r| r.owner.clone())
                        on_valid=Callback::new(move |v: String| edit_rule(wb, id, |d| d.owner = v))
                    />
                    <NumberField
                        label="Accounts flagged (% of active free, a month)"
                        id=format!("rule-{id}-share")
                        value=num(|r| r.share_pct)
                        range=SHARE_RANGE
                        on_valid=Callback::new(move |v: f64| edit_rule(wb, id, |d| d.share_pct = v))
                    />
                </div>
                <p class="plan-rule-summary">{summary}</p>
                <p class="plan-rule-result" data-testid="rule-estimate">{result_line}</p>
                <div class="plan-rule-buttons">
                    <button type="button" id=format!("rule-{id}-up") disabled=is_first on:click=move_up>
                        "Move up"<span class="sr-only">{move || format!(" {}", signal_text.get())}</span>
                    </button>
                    <button type="button" id=format!("rule-{id}-down") disabled=is_last on:click=move_down>
                        "Move down"<span class="sr-only">{move || format!(" {}", signal_text.get())}</span>
                    </button>
                    <button type="button" class="plan-remove" on:click=remove>
                        "Remove"<span class="sr-only">{move || format!(" {}", signal_text.get())}</span>
                    </button>
                </div>
            </fieldset>
        </li>
    }
}

/// The volumes the estimate works from.
#[component]
fn Volumes(simulated: Signal<Option<f64>>) -> impl IntoView {
    let wb = use_workbench();
    let vol = move |f: fn(&crate::domain::plan::PqlVolumes) -> f64| {
        Signal::derive(move || wb.plan.with(|p| f(&p.volumes)))
    };
    view! {
        <div class="field-grid plan-volumes">
            <NumberField
                label="Active free accounts a month"
                id="plan-active"
                value=vol(|v| v.active_free_accounts)
                range=ACTIVE_RANGE
                on_valid=Callback::new(move |v: f64| wb.plan.update(|p| p.volumes.active_free_accounts = v))
            />
            <NumberField
                label="Accounts one person can work a month"
                id="plan-per-rep"
                value=vol(|v| v.accounts_per_rep)
                range=PER_REP_RANGE
                help="About five a working day is 100 a month."
                on_valid=Callback::new(move |v: f64| wb.plan.update(|p| p.volumes.accounts_per_rep = v))
            />
            <NumberField
                label="People working flagged accounts"
                id="plan-reps"
                value=vol(|v| v.reps)
                range=REPS_RANGE
                help="SDRs, account executives and customer success together."
                on_valid=Callback::new(move |v: f64| wb.plan.update(|p| p.volumes.reps = v))
            />
        </div>
        // The simulator's self-serve funnel can supply the active free accounts.
        <div class="plan-sim-source" data-testid="plan-use-simulator">
            <input
                type="checkbox"
                id="plan-use-sim"
                disabled=move || simulated.get().is_none()
                prop:checked=move || simulated.get().is_some() && wb.plan.with(|p| p.volumes.use_simulator)
                aria-describedby="plan-use-sim-note"
                on:change:target=move |ev| {
                    let on = ev.target().checked();
                    wb.plan.update(|p| p.volumes.use_simulator = on);
                }
            />
            <label for="plan-use-sim">"Take the active free accounts from my Simulate scenario"</label>
            <Show when=move || simulated.get().is_some() && wb.plan.with(|p| p.volumes.use_simulator)>
                <NumberField
                    label="Months a free account stays active"
                    id="plan-free-active-months"
                    value=Signal::derive(move || wb.plan.with(|p| f64::from(p.volumes.free_active_months)))
                    range=FREE_ACTIVE_MONTHS_RANGE
                    help="The simulator counts accounts activated this many months back that have not started paying."
                    on_valid=Callback::new(move |v: f64| {
                        // The range lets only whole months from 1 to 24 through.
                        let months = v.round().clamp(1.0, 24.0) as u32;
                        wb.plan.update(|p| p.volumes.free_active_months = months);
                    })
                />
            </Show>
            <p class="field-help" id="plan-use-sim-note">
                {move || match simulated.get() {
                    Some(active) => view! {
                        {format!(
                            "Your scenario has about {} active free accounts in the last month of its horizon. ",
                            super::number(active)
                        )}
                        <span class="formula">{ACTIVE_FREE_FORMULA}"."</span>
                    }.into_any(),
                    None => view! {
                        "Switch on the self-serve channel in "
                        <A href=Route::Simulate.href()>"Simulate"</A>
                        " to use its numbers."
                    }.into_any(),
                }}
            </p>
        </div>
    }
}

/// Totals, people needed and the capacity verdict.
#[component]
fn EstimateSummary(estimate: Signal<PqlEstimate>) -> impl IntoView {
    let wb = use_workbench();
    let per_rep = move || wb.plan.with(|p| p.volumes.accounts_per_rep);
    let reps = move || wb.plan.with(|p| p.volumes.reps);
    let e = move || estimate.get();
    let status_text = move || {
        let e = e();
        match (e.status, e.warning) {
            (CapacityStatus::Within, _) | (_, None) => format!(
                "Within capacity: the team can work {} accounts a month, and the rules send people at most {}.",
                number(e.capacity_per_month),
                number(e.human_upper)
            ),
            (_, Some(w)) => w,
        }
    };
    let status_class = move || match e().status {
        CapacityStatus::Within => "plan-capacity plan-ok",
        CapacityStatus::MaybeOver => "plan-capacity plan-maybe",
        CapacityStatus::Over => "plan-capacity plan-over",
    };
    view! {
        <dl class="plan-figures">
            <div>
                <dt>"Accounts flagged a month"</dt>
                <dd class="plan-figure" data-testid="plan-flagged-total">
                    {move || range_text(e().flagged_lower, e().flagged_upper)}
                </dd>
                <dd class="plan-formula">
                    "From the largest single rule (if every account matches it too) to the sum of all rules (if no account matches two)."
                </dd>
            </div>
            <div>
                <dt>"Of those, worked by people"</dt>
                <dd class="plan-figure" data-testid="plan-human-total">
                    {move || range_text(e().human_lower, e().human_upper)}
                </dd>
                <dd class="plan-formula">"Rules whose owner is not automation."</dd>
            </div>
            <div>
                <dt>"Team capacity a month"</dt>
                <dd class="plan-figure" data-testid="plan-capacity-total">
                    {move || number(e().capacity_per_month)}
                </dd>
                <dd class="plan-formula">
                    {move || format!("= {} people × {} accounts each", typed(reps()), typed(per_rep()))}
                </dd>
            </div>
            <div>
                <dt>"People needed"</dt>
                <dd class="plan-figure" data-testid="plan-people-needed">
                    {move || {
                        let e = e();
                        range_text(f64::from(e.people_needed_lower), f64::from(e.people_needed_upper))
                    }}
                </dd>
                <dd class="plan-formula">
                    {move || format!("= accounts worked by people ÷ {}, rounded up", typed(per_rep()))}
                </dd>
            </div>
        </dl>
        <Show when=move || estimate.with(|e| !e.by_owner.is_empty())>
            <DataTable
                columns=["Owner", "Accounts a month", "People needed"]
                caption="Load per owner (if no account matches two rules)"
                caption_shown=true
                class="plan-owners"
            >
                {move || {
                    e().by_owner
                        .into_iter()
                        .map(|o| {
                            text_row([o.owner, number(o.accounts_per_month), o.people_needed.to_string()])
                        })
                        .collect_view()
                }}
            </DataTable>
        </Show>
        <p class=status_class role="status" data-testid="plan-capacity">{status_text}</p>
    }
}
