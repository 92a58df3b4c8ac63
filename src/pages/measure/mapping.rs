//! The column-mapping step for a file the importer does not recognise: the
//! kind of file (a subscription list or a monthly table), which column holds
//! each field (prefilled with the guesses from the headers), and a preview
//! of the first rows with the fields each column was given.

use leptos::prelude::*;

use super::import::{import_with_mapping, Flow};
use crate::components::data_table::{Column, Columns, DataTable, Scroll};
use crate::domain::measure::{
    guess_mapping, guess_table_mapping, Format, ListField, ListKind, TableField,
};
use crate::state::use_workbench;

/// A field of either kind of file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    List(ListField),
    Table(TableField),
}

impl Field {
    fn label(self) -> &'static str {
        match self {
            Field::List(f) => f.label(),
            Field::Table(f) => f.label(),
        }
    }

    fn required(self) -> bool {
        match self {
            Field::List(f) => f.required(),
            Field::Table(f) => f.required(),
        }
    }
}

/// The fields of `format`, in the order the step shows them.
fn fields(format: &Format) -> Vec<Field> {
    match format {
        Format::Subscriptions { .. } => ListField::ALL.into_iter().map(Field::List).collect(),
        Format::MonthlyTable(_) => TableField::ALL.into_iter().map(Field::Table).collect(),
    }
}

/// The column `format` maps `field` to.
fn column_of(format: &Format, field: Field) -> Option<String> {
    match (format, field) {
        (Format::Subscriptions { mapping, .. }, Field::List(f)) => {
            mapping.get(f).map(str::to_string)
        }
        (Format::MonthlyTable(t), Field::Table(f)) => t.get(f).map(str::to_string),
        _ => None,
    }
}

/// `format` with `field` mapped to `column`.
fn with_column(mut format: Format, field: Field, column: Option<String>) -> Format {
    match (&mut format, field) {
        (Format::Subscriptions { mapping, kind }, Field::List(f)) => {
            mapping.set(f, column);
            // A mapping the person changed is theirs, not a known export's.
            *kind = ListKind::Mapped;
        }
        (Format::MonthlyTable(t), Field::Table(f)) => t.set(f, column),
        _ => {}
    }
    format
}

/// The fields a column holds, for the preview's headings.
fn fields_of_column(format: &Format, header: &str) -> Vec<&'static str> {
    fields(format)
        .into_iter()
        .filter(|f| column_of(format, *f).as_deref() == Some(header))
        .map(Field::label)
        .collect()
}

/// Labels of the required fields without a column.
fn missing(format: &Format) -> Vec<&'static str> {
    match format {
        Format::Subscriptions { mapping, .. } => mapping
            .missing()
            .into_iter()
            .map(ListField::label)
            .collect(),
        Format::MonthlyTable(t) => t.missing().into_iter().map(TableField::label).collect(),
    }
}

/// The first letter in upper case.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The mapping step.
#[component]
pub fn MappingStep(
    /// The page's import flow (its inspection and format).
    flow: Flow,
) -> impl IntoView {
    let wb = use_workbench();
    let headers = Memo::new(move |_| {
        flow.inspection
            .with(|i| i.as_ref().map(|i| i.headers.clone()).unwrap_or_default())
    });
    let preview = Memo::new(move |_| {
        flow.inspection
            .with(|i| i.as_ref().map(|i| i.preview.clone()).unwrap_or_default())
    });
    let is_table = Memo::new(move |_| {
        flow.format
            .with(|f| matches!(f, Some(Format::MonthlyTable(_))))
    });
    let set_kind = move |table: bool| {
        let h = headers.get_untracked();
        flow.format.set(Some(if table {
            Format::MonthlyTable(guess_table_mapping(&h))
        } else {
            Format::Subscriptions {
                kind: ListKind::Mapped,
                mapping: guess_mapping(&h),
            }
        }));
    };
    let still_missing = Memo::new(move |_| {
        flow.format
            .with(|f| f.as_ref().map(missing).unwrap_or_default())
    });
    let in_cents = move || {
        flow.format.with(|f| match f {
            Some(Format::Subscriptions { mapping, .. }) => mapping.amount_in_cents,
            _ => false,
        })
    };
    let set_cents = move |on: bool| {
        flow.format.update(|f| {
            if let Some(Format::Subscriptions { mapping, kind }) = f {
                mapping.amount_in_cents = on;
                *kind = ListKind::Mapped;
            }
        });
    };
    let selects = move || {
        let Some(format) = flow.format.get() else {
            return ().into_any();
        };
        let h = headers.get();
        fields(&format)
            .into_iter()
            .enumerate()
            .map(|(i, field)| {
                let id = format!("measure-map-{i}");
                let label_for = id.clone();
                let chosen = column_of(&format, field).unwrap_or_default();
                let label = if field.required() {
                    format!("{} (required)", sentence(field.label()))
                } else {
                    sentence(field.label())
                };
                let options = h
                    .iter()
                    .map(|name| {
                        let selected = *name == chosen;
                        view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
                    })
                    .collect_view();
                view! {
                    <div class="field">
                        <label for=label_for>{label}</label>
                        <select id=id on:change:target=move |ev| {
                            let value = ev.target().value();
                            let column = (!value.is_empty()).then_some(value);
                            flow.format.update(|f| {
                                if let Some(current) = f.take() {
                                    *f = Some(with_column(current, field, column));
                                }
                            });
                        }>
                            <option value="" selected=chosen.is_empty()>"Not in the file"</option>
                            {options}
                        </select>
                    </div>
                }
            })
            .collect_view()
            .into_any()
    };
    let columns = Columns::live(move || {
        let format = flow.format.get();
        headers
            .get()
            .into_iter()
            .map(|h| {
                let given = format
                    .as_ref()
                    .map(|f| fields_of_column(f, &h))
                    .unwrap_or_default();
                if given.is_empty() {
                    Column::from(h)
                } else {
                    Column::from(format!("{h} → {}", given.join(", ")))
                }
            })
            .collect()
    });
    let rows = move || {
        preview
            .get()
            .into_iter()
            .map(|row| view! { <tr>{row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> })
            .collect_view()
    };
    view! {
        <div class="measure-mapping" data-testid="measure-mapping">
            <h3>"Which column holds what?"</h3>
            <p>
                "This file is not one of the exports read without setup, so say what its columns hold. "
                "The choices below are guesses from the column names; the preview shows the first rows."
            </p>
            <fieldset class="measure-kind">
                <legend>"The file has"</legend>
                <label>
                    <input type="radio" name="measure-kind" prop:checked=move || !is_table.get()
                        on:change=move |_| set_kind(false)/>
                    " one row per subscription (a subscription list)"
                </label>
                <label>
                    <input type="radio" name="measure-kind" prop:checked=move || is_table.get()
                        on:change=move |_| set_kind(true)/>
                    " one row per month (a monthly metrics table)"
                </label>
            </fieldset>
            <div class="measure-map-grid">{selects}</div>
            <Show when=move || !is_table.get()>
                <label class="measure-cents">
                    <input type="checkbox" prop:checked=in_cents
                        on:change:target=move |ev| set_cents(ev.target().checked())/>
                    " Amounts are in cents (hundredths of the currency)"
                </label>
            </Show>
            <DataTable columns caption="The first rows of the file, with the field each column holds"
                caption_shown=true class="measure-preview" testid="measure-preview"
                scroll=Scroll::Region("Preview of the file")>
                {rows}
            </DataTable>
            <p class="field-error" role="status" hidden=move || still_missing.with(Vec::is_empty)>
                {move || format!("Still to choose: {}.", still_missing.get().join(", "))}
            </p>
            <div class="measure-buttons">
                <button type="button" disabled=move || !still_missing.with(Vec::is_empty)
                    on:click=move |_| import_with_mapping(flow, wb)>
                    "Import with these columns"
                </button>
                <button type="button" on:click=move |_| flow.cancel()>"Cancel"</button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn choosing_a_column_makes_the_mapping_the_persons_own() {
        let format = Format::Subscriptions {
            kind: ListKind::Stripe,
            mapping: guess_mapping(&h(&["Account", "Price", "Signup"])),
        };
        let changed = with_column(format, Field::List(ListField::Plan), Some("Price".into()));
        assert!(matches!(
            changed,
            Format::Subscriptions {
                kind: ListKind::Mapped,
                ..
            }
        ));
        assert_eq!(fields_of_column(&changed, "Price").len(), 2);
    }

    #[test]
    fn the_missing_fields_are_the_required_ones_without_a_column() {
        let table = Format::MonthlyTable(guess_table_mapping(&h(&["Month", "MRR"])));
        assert_eq!(missing(&table), vec![TableField::Customers.label()]);
    }
}
