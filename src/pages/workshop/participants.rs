//! The session's people: add, rename, remove (after an inline confirmation),
//! and start answering for one of them on the shared screen.

use leptos::prelude::*;

use crate::components::confirm::Confirm;
use crate::components::focus::focus_after_frame;
use crate::domain::workshop::{MAX_NAME_CHARS, MAX_PARTICIPANTS};
use crate::state::{try_set, use_workbench};

use super::presenter::Presenter;
use super::{add_person, answered_text};

/// The participants card.
#[component]
pub fn ParticipantsPanel() -> impl IntoView {
    let wb = use_workbench();
    let name = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let added: RwSignal<Option<String>> = RwSignal::new(None);
    let count = move || wb.workshop.with(|w| w.participants.len());
    let full = move || count() >= MAX_PARTICIPANTS;
    let ids = move || {
        wb.workshop
            .with(|w| w.participants.iter().map(|p| p.id).collect::<Vec<_>>())
    };

    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let joined = add_person(wb, name, error).map(|id| {
            let shown = wb.workshop.with_untracked(|w| {
                w.participant(id)
                    .map(|p| p.name.clone())
                    .unwrap_or_default()
            });
            format!("{shown} joined.")
        });
        added.set(joined);
    };

    view! {
        <section class="card workshop-people" aria-labelledby="people-heading">
            <h2 id="people-heading">"Who is taking part"</h2>
            <p class="hint">
                {move || format!("{} of {MAX_PARTICIPANTS} people.", count())}
                " Each person answers the Assess questions once; their answers stay on this device."
            </p>
            <form class="add-person" on:submit=add>
                <div class="field">
                    <label for="new-person">"Name"</label>
                    <div class="inline-row">
                        <input
                            id="new-person"
                            type="text"
                            autocomplete="off"
                            maxlength=MAX_NAME_CHARS * 2
                            prop:value=move || name.get()
                            on:input:target=move |ev| {
                                name.set(ev.target().value());
                                error.set(None);
                            }
                            aria-invalid=move || error.with(|e| e.is_some()).to_string()
                            aria-describedby="new-person-error"
                        />
                        <button type="submit" class="primary" disabled=full>"Add person"</button>
                    </div>
                    <p class="field-error" id="new-person-error" role="alert" hidden=move || error.with(|e| e.is_none())>
                        {move || error.get().unwrap_or_default()}
                    </p>
                    <p class="field-help" role="status">
                        {move || if full() {
                            format!("The workshop is full ({MAX_PARTICIPANTS} people). Remove someone to add another.")
                        } else {
                            added.get().unwrap_or_default()
                        }}
                    </p>
                </div>
            </form>
            <ul class="people-list" aria-label="Participants">
                <For each=ids key=|id| *id let:id>
                    <PersonRow id=id/>
                </For>
            </ul>
        </section>
    }
}

/// What a row is doing: showing, renaming or asking before removing.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RowMode {
    Show,
    Rename,
    ConfirmRemove,
}

/// One participant: name, progress and actions.
#[component]
fn PersonRow(id: u32) -> impl IntoView {
    let wb = use_workbench();
    let presenter = expect_context::<Presenter>();
    let mode = RwSignal::new(RowMode::Show);
    let draft = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let name = move || {
        wb.workshop.with(|w| {
            w.participant(id)
                .map(|p| p.name.clone())
                .unwrap_or_default()
        })
    };
    let answered = move || wb.workshop.with(|w| answered_text(w, id));
    let rename_id = format!("rename-{id}");
    let error_id = format!("rename-{id}-error");

    let start_rename = move |_| {
        draft.set(name());
        error.set(None);
        mode.set(RowMode::Rename);
        focus_after_frame(format!("rename-{id}"));
    };
    let back = move |focus: &'static str| {
        mode.set(RowMode::Show);
        focus_after_frame(format!("{focus}-{id}"));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = draft.get_untracked();
        match try_set(wb.workshop, |w| w.rename(id, &typed)).unwrap_or(Ok(())) {
            Ok(()) => back("rename-button"),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let remove = Callback::new(move |()| {
        // The row disappears with the participant; nothing to reset.
        wb.workshop.update(|w| {
            let _ = w.remove(id);
        });
        focus_after_frame("new-person");
    });

    view! {
        <li class="person" data-testid=format!("person-{id}")>
            {move || match mode.get() {
                RowMode::Show => view! {
                    <span class="person-name">{name}</span>
                    <span class="person-progress">{answered}</span>
                    <span class="person-actions">
                        <button type="button" on:click=move |ev| presenter.open_for(Some(id), &ev)>
                            "Answer on the shared screen"
                            <span class="sr-only">{move || format!(" for {}", name())}</span>
                        </button>
                        <button type="button" id=format!("rename-button-{id}") on:click=start_rename>
                            "Rename"<span class="sr-only">{move || format!(" {}", name())}</span>
                        </button>
                        <button type="button" id=format!("remove-button-{id}") on:click=move |_| {
                            mode.set(RowMode::ConfirmRemove);
                            focus_after_frame(format!("remove-yes-{id}"));
                        }>
                            "Remove"<span class="sr-only">{move || format!(" {}", name())}</span>
                        </button>
                    </span>
                }
                .into_any(),
                RowMode::Rename => {
                    let rename_id = rename_id.clone();
                    let error_id = error_id.clone();
                    view! {
                        <form class="rename" on:submit=save>
                            <label for=rename_id.clone()>{move || format!("New name for {}", name())}</label>
                            <input
                                id=rename_id
                                type="text"
                                autocomplete="off"
                                prop:value=move || draft.get()
                                on:input:target=move |ev| {
                                    draft.set(ev.target().value());
                                    error.set(None);
                                }
                                aria-invalid=move || error.with(|e| e.is_some()).to_string()
                                aria-describedby=error_id.clone()
                            />
                            <button type="submit" class="primary">"Save name"</button>
                            <button type="button" on:click=move |_| back("rename-button")>"Cancel"</button>
                            <p class="field-error" id=error_id role="alert" hidden=move || error.with(|e| e.is_none())>
                                {move || error.get().unwrap_or_default()}
                            </p>
                        </form>
                    }
                    .into_any()
                }
                RowMode::ConfirmRemove => view! {
                    <Confirm
                        label=move || format!("Confirm removing {}", name())
                        question=move || format!("Remove {} and their answers?", name())
                        yes="Yes, remove"
                        yes_id=format!("remove-yes-{id}")
                        on_yes=remove
                        on_cancel=Callback::new(move |()| back("remove-button"))
                    />
                }
                .into_any(),
            }}
        </li>
    }
}
