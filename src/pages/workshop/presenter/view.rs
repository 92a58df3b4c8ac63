//! The dialog and its three stages: who answers, one question, the result.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::assess::{
    motion_description, progress, signed, Outcome, Question, NOT_SURE, QUESTIONS,
};
use crate::domain::workshop::{Analysis, GroupOutcome, MAX_PARTICIPANTS};
use crate::state::use_workbench;

use super::super::add_person;
use super::super::results::camp_text;
use super::super::SpectrumGauge;
use super::dom::{call_quietly, dialog, focus_marked, DIALOG_ID};
use super::{choice_count, choice_id, choice_label, Presenter, Stage};

/// The card on the page with the button that starts presenter mode.
#[component]
pub fn PresenterStart() -> impl IntoView {
    let presenter = expect_context::<Presenter>();
    view! {
        <section class="card workshop-presenter-start" aria-labelledby="presenter-start-heading">
            <h2 id="presenter-start-heading">"Answer together on the big screen"</h2>
            <p>
                "Presenter mode fills the screen with one question at a time in large, high-contrast type. "
                "Pick whose turn it is; they answer out loud or take the keyboard. Their result appears "
                "at the end, next to the team’s so far."
            </p>
            <p class="hint">
                "Keys: ← → question, ↑ ↓ answer, Enter choose, 1–9 answer by number, ? key list, Esc leave."
            </p>
            <button
                type="button"
                class="primary big"
                node_ref=presenter.start_button
                on:click=move |ev| presenter.open_for(None, &ev)
            >
                "Start presenter mode"
            </button>
        </section>
    }
}

/// The full-screen dialog, when open.
#[component]
pub fn PresenterOverlay(analysis: Memo<Analysis>) -> impl IntoView {
    let presenter = expect_context::<Presenter>();
    view! {
        <Show when=move || presenter.open.get()>
            <PresenterDialog analysis=analysis/>
        </Show>
    }
}

#[component]
fn PresenterDialog(analysis: Memo<Analysis>) -> impl IntoView {
    let wb = use_workbench();
    let p = expect_context::<Presenter>();
    let root: NodeRef<html::Div> = NodeRef::new();

    // Mounted: lock the page behind, try full screen, take the focus.
    Effect::new(move |_| {
        let Some(el) = root.get() else {
            return;
        };
        if let Some(html) = document().document_element() {
            let _ = html.class_list().add_1("presenter-open");
        }
        call_quietly(&el, "requestFullscreen");
        focus_marked();
    });
    // Keys pressed while the focus is outside the dialog (on the page body
    // just after a button that had it was replaced) still reach it.
    let stray_keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let inside = match (
            dialog(),
            ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()),
        ) {
            (Some(d), Some(target)) => d.contains(Some(&target)),
            _ => true,
        };
        if !inside {
            p.keydown(&ev);
        }
    });
    on_cleanup(move || {
        stray_keys.remove();
        if let Some(html) = document().document_element() {
            let _ = html.class_list().remove_1("presenter-open");
        }
    });

    let on_fullscreen = move |_| {
        let full = document().fullscreen_element().is_some();
        if full {
            p.fullscreen.set(true);
        } else if p.fullscreen.get_untracked() {
            // The browser left full screen (its own Esc): leave with it.
            p.fullscreen.set(false);
            p.close();
        }
    };

    // The participant answering, if still in the workshop.
    let who = Memo::new(move |_| {
        p.who
            .get()
            .filter(|id| wb.workshop.with(|w| w.participant(*id).is_some()))
    });
    let stage = move || match (p.stage.get(), who.get()) {
        (Stage::Question(_) | Stage::Reveal, None) => Stage::Pick,
        (s, _) => s,
    };

    view! {
        <div
            id=DIALOG_ID
            class="presenter"
            data-theme="projector"
            role="dialog"
            aria-modal="true"
            aria-label="Presenter mode"
            tabindex="-1"
            node_ref=root
            on:keydown=move |ev| p.keydown(&ev)
            on:fullscreenchange=on_fullscreen
        >
            <div class="presenter-bar">
                <p class="presenter-title">"Presenter mode"</p>
                <div class="presenter-tools">
                    <button type="button" aria-expanded=move || p.keys.get().to_string()
                        aria-controls="presenter-keys" on:click=move |_| p.keys.update(|k| *k = !*k)>
                        "Keys (?)"
                    </button>
                    <button type="button" on:click=move |_| p.close()>"Leave (Esc)"</button>
                </div>
            </div>
            <KeyList/>
            <p class="sr-only" role="status" aria-live="polite">{move || p.status.get()}</p>
            {move || match stage() {
                Stage::Pick => view! { <PickStage/> }.into_any(),
                Stage::Question(i) => match (QUESTIONS.get(i), who.get()) {
                    (Some(q), Some(id)) => view! { <QuestionStage index=i question=q who=id/> }.into_any(),
                    _ => view! { <PickStage/> }.into_any(),
                },
                Stage::Reveal => match who.get() {
                    Some(id) => view! { <RevealStage who=id analysis=analysis/> }.into_any(),
                    None => view! { <PickStage/> }.into_any(),
                },
            }}
        </div>
    }
}

/// The list of keys, toggled with `?`.
#[component]
fn KeyList() -> impl IntoView {
    let p = expect_context::<Presenter>();
    view! {
        <div id="presenter-keys" class="presenter-keys" hidden=move || !p.keys.get()
            data-testid="presenter-keys">
            <h2>"Keys"</h2>
            <dl>
                <div><dt>"← →"</dt><dd>"Previous / next question"</dd></div>
                <div><dt>"↑ ↓"</dt><dd>"Move between the answers"</dd></div>
                <div><dt>"Space, Enter"</dt><dd>"Choose the highlighted answer"</dd></div>
                <div><dt>"1 – 9"</dt><dd>"Choose answer 1, 2, 3…; the last is “Not sure”"</dd></div>
                <div><dt>"?"</dt><dd>"Show or hide this list"</dd></div>
                <div><dt>"Esc"</dt><dd>"Hide this list, or leave presenter mode"</dd></div>
            </dl>
        </div>
    }
}

/// "Who answers now?": the participants, and a field to add someone.
#[component]
fn PickStage() -> impl IntoView {
    let wb = use_workbench();
    let p = expect_context::<Presenter>();
    let name = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let people = move || {
        wb.workshop.with(|w| {
            w.participants
                .iter()
                .map(|x| (x.id, x.name.clone(), progress(&x.answers).text()))
                .collect::<Vec<_>>()
        })
    };
    let full = move || {
        wb.workshop
            .with(|w| w.participants.len() >= MAX_PARTICIPANTS)
    };
    let has_people = move || wb.workshop.with(|w| !w.participants.is_empty());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(id) = add_person(wb, name, error) {
            p.start_person(id);
        }
    };
    view! {
        <div class="presenter-stage presenter-pick">
            <h2>"Who answers now?"</h2>
            <Show when=has_people>
                <ul class="pick-list">
                    {move || {
                        let suggested = p.suggested.get();
                        let first = people().first().map(|x| x.0);
                        people()
                            .into_iter()
                            .map(|(id, name, answered)| {
                                let marked = suggested.or(first) == Some(id);
                                view! {
                                    <li>
                                        <button type="button" class="pick" data-pick="true"
                                            data-autofocus=marked.to_string()
                                            on:click=move |_| p.start_person(id)>
                                            <span class="pick-name">{name}</span>
                                            <span class="pick-progress">{answered}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
            <form class="pick-new" on:submit=add>
                <label for="presenter-new-name">
                    {move || if has_people() { "Or someone new:" } else { "Name of the first person to answer:" }}
                </label>
                <input id="presenter-new-name" type="text" autocomplete="off"
                    data-autofocus=move || (!has_people()).to_string()
                    prop:value=move || name.get()
                    on:input:target=move |ev| { name.set(ev.target().value()); error.set(None); }
                    aria-invalid=move || error.with(|e| e.is_some()).to_string()
                    aria-describedby="presenter-new-name-error"
                    disabled=full
                />
                <button type="submit" disabled=full>"Add and start"</button>
                <p class="field-error" id="presenter-new-name-error" role="alert"
                    hidden=move || error.with(|e| e.is_none())>
                    {move || error.get().unwrap_or_default()}
                </p>
            </form>
        </div>
    }
}

/// One question with big answer buttons.
#[component]
fn QuestionStage(index: usize, question: &'static Question, who: u32) -> impl IntoView {
    let wb = use_workbench();
    let p = expect_context::<Presenter>();
    let total = QUESTIONS.len();
    let name = move || {
        wb.workshop.with(|w| {
            w.participant(who)
                .map(|x| x.name.clone())
                .unwrap_or_default()
        })
    };
    let answered = Memo::new(move |_| {
        wb.workshop.with(|w| {
            w.participant(who)
                .map(|x| progress(&x.answers).answered)
                .unwrap_or(0)
        })
    });
    let chosen = Memo::new(move |_| {
        wb.workshop.with(|w| {
            w.participant(who)
                .and_then(|x| x.answers.get(question.id).cloned())
        })
    });
    let factor_no = crate::domain::assess::Factor::ALL
        .iter()
        .position(|f| *f == question.factor)
        .map_or(0, |i| i + 1);
    let width = move || {
        let share = answered.get() as f64 / total.max(1) as f64 * 100.0;
        format!("{share:.1}%")
    };
    view! {
        <div class="presenter-stage presenter-question">
            <div class="presenter-progress-row">
                <p class="presenter-who">"Answering: " <strong data-testid="presenter-who">{name}</strong></p>
                <p class="presenter-count">{format!("Question {} of {total}", index + 1)}</p>
            </div>
            <div class="presenter-progress" role="progressbar" aria-label=move || format!("Answered by {}", name())
                aria-valuemin="0" aria-valuemax=total aria-valuenow=move || answered.get()
                aria-valuetext=move || format!("{} of {total} answered", answered.get())>
                <div class="presenter-progress-fill" style:width=width></div>
            </div>
            <p class="presenter-factor">{format!("Factor {factor_no} of 6 · {}", question.factor.label())}</p>
            <h2 id="presenter-prompt" class="presenter-prompt">{question.prompt}</h2>
            <p class="presenter-hint">{question.hint}</p>
            <div class="presenter-options" role="radiogroup" aria-labelledby="presenter-prompt">
                {(0..choice_count(question))
                    .map(|k| {
                        let id = choice_id(question, k).unwrap_or(NOT_SURE);
                        let checked = move || chosen.with(|c| c.as_deref() == Some(id));
                        let roving = move || p.cursor.get() == k;
                        view! {
                            <button
                                type="button"
                                role="radio"
                                class="presenter-option"
                                class:not-sure=id == NOT_SURE
                                data-choice=k.to_string()
                                data-autofocus=move || roving().to_string()
                                aria-checked=move || checked().to_string()
                                tabindex=move || if roving() { "0" } else { "-1" }
                                on:focus=move |_| p.cursor.set(k)
                                on:click=move |_| p.choose(k)
                            >
                                <span class="option-key" aria-hidden="true">{(k + 1).to_string()}</span>
                                <span class="option-label">{choice_label(question, k)}</span>
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="presenter-nav">
                <button type="button" disabled=index == 0 on:click=move |_| p.previous()>"← Previous"</button>
                <button type="button" on:click=move |_| p.next()>
                    {if index + 1 == total { "See the result →" } else { "Skip →" }}
                </button>
            </div>
        </div>
    }
}

/// The person's result and the room's so far.
#[component]
fn RevealStage(who: u32, analysis: Memo<Analysis>) -> impl IntoView {
    let p = expect_context::<Presenter>();
    let person = Memo::new(move |_| {
        analysis.with(|a| {
            a.people
                .iter()
                .find(|x| x.id == who)
                .map(|x| (x.name.clone(), x.outcome.clone()))
        })
    });
    let group = Memo::new(move |_| analysis.with(|a| a.group.clone()));
    let name = move || person.with(|x| x.as_ref().map(|x| x.0.clone()).unwrap_or_default());
    view! {
        <div class="presenter-stage presenter-reveal">
            <div class="reveal-grid">
                <section class="reveal-card" aria-labelledby="reveal-person">
                    {move || {
                        let heading = view! { <h2 id="reveal-person">{format!("{}’s result", name())}</h2> };
                        match person.get().map(|x| x.1) {
                            Some(Outcome::Ready(a)) => {
                                let position = a.position;
                                view! {
                                    <div class="reveal-text">
                                        {heading}
                                        <p class="reveal-motion" data-testid="reveal-motion">{a.motion.label()}</p>
                                        <p class="reveal-figures">
                                            "Position " <strong data-testid="reveal-position">{signed(position)}</strong>
                                            " · confidence " <strong>{format!("{}%", a.confidence)}</strong>
                                        </p>
                                    </div>
                                    <div class="reveal-gauge">
                                        <SpectrumGauge position=Signal::derive(move || position)/>
                                    </div>
                                    <p class="reveal-description">{motion_description(a.motion)}</p>
                                }
                                .into_any()
                            }
                            Some(Outcome::NotEnough { scored, needed }) => view! {
                                <div class="reveal-text wide">
                                    {heading}
                                    <p class="reveal-motion" data-testid="reveal-motion">"No result yet"</p>
                                    <p>{format!(
                                        "A result needs about one real answer per factor: {scored} given, {needed} needed. \
                                         “Not sure” counts as no answer."
                                    )}</p>
                                </div>
                            }
                            .into_any(),
                            None => view! {
                                <div class="reveal-text wide">
                                    {heading}
                                    <p>"This person has left the workshop."</p>
                                </div>
                            }
                            .into_any(),
                        }
                    }}
                </section>
                <section class="reveal-card" aria-labelledby="reveal-room">
                    {move || match group.get() {
                        GroupOutcome::Ready(g) => {
                            let position = g.position;
                            view! {
                                <div class="reveal-text">
                                    <h2 id="reveal-room">"The team so far"</h2>
                                    <p class="reveal-motion" data-testid="reveal-group-motion">{g.motion.label()}</p>
                                    <p class="reveal-figures">
                                        "Position " <strong>{signed(position)}</strong>
                                        {format!(
                                            " · confidence {}% · {} people with a result",
                                            g.confidence, g.with_result
                                        )}
                                    </p>
                                </div>
                                <div class="reveal-gauge">
                                    <SpectrumGauge position=Signal::derive(move || position)/>
                                </div>
                            }
                            .into_any()
                        }
                        GroupOutcome::Split { camps, room } => view! {
                            <div class="reveal-text wide">
                                <h2 id="reveal-room">"The team so far"</h2>
                                <p class="reveal-motion" data-testid="reveal-group-motion">"The room is split"</p>
                                <p class="reveal-figures">{format!(
                                    "{} · {} · confidence {}%",
                                    camp_text(&camps[0]),
                                    camp_text(&camps[1]),
                                    room.confidence
                                )}</p>
                            </div>
                        }
                        .into_any(),
                        GroupOutcome::NotEnough { with_result, needed } => view! {
                            <div class="reveal-text wide">
                                <h2 id="reveal-room">"The team so far"</h2>
                                <p class="reveal-motion" data-testid="reveal-group-motion">"Not yet"</p>
                                <p>{format!(
                                    "The team’s result appears once {needed} people have a result of their own \
                                     (now {with_result})."
                                )}</p>
                            </div>
                        }
                        .into_any(),
                    }}
                </section>
            </div>
            <div class="presenter-nav">
                <button type="button" on:click=move |_| p.previous()>"← Back to the questions"</button>
                <button type="button" class="primary" data-autofocus="true"
                    on:click=move |_| p.go_pick(p.next_person(Some(who)))>
                    "Next person →"
                </button>
            </div>
        </div>
    }
}
