//! Which typed inputs are refused right now, so that the figures they feed
//! can say they are not up to date.
//!
//! A refused entry never reaches the state (the validated field of
//! `components/field.rs` keeps it), so the
//! figures keep the last valid numbers. That is safe, but silent: without a
//! marker a person reads old figures as the answer to what they just typed.
//! So each field of a [`FieldGroup`] registers whether its text is refused,
//! and the group's figures ask [`InvalidFields::invalid_in`] (or
//! [`use_stale`]) and say "Not updated: fix …" until it is valid again.
//!
//! Nothing here is saved or synced: a field registers a *signal* of its own
//! validity when it mounts and drops it when it unmounts, and every reader
//! derives from those signals.

use leptos::prelude::*;

/// A set of inputs whose figures move together; provided as context (with
/// `<Provider value=FieldGroup::…>`) around the fields and the figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldGroup {
    /// Simulate's quick unit-economics calculator.
    Calculator,
    /// Simulate's CAC-by-channel table.
    ChannelCac,
    /// Simulate's scenario inputs: the projection and all it feeds.
    Scenario,
    /// Plan's playbook rules and volumes: the PQL estimate.
    Playbook,
}

/// One refused input, for the "Not updated" note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidField {
    /// The input's DOM id (to focus it).
    pub id: String,
    /// Its visible label.
    pub label: String,
}

#[derive(Clone)]
struct Entry {
    key: u64,
    group: FieldGroup,
    field: InvalidField,
    invalid: Signal<bool>,
}

/// The registry of one page's inputs. The page provides it
/// ([`InvalidFields::provide`]); fields inside a [`FieldGroup`] register.
#[derive(Clone, Copy)]
pub struct InvalidFields {
    entries: RwSignal<Vec<Entry>>,
    next_key: StoredValue<u64>,
}

impl InvalidFields {
    /// A new, empty registry, provided as context for the current owner's
    /// descendants.
    pub fn provide() -> Self {
        let registry = InvalidFields {
            entries: RwSignal::new(Vec::new()),
            next_key: StoredValue::new(0),
        };
        provide_context(registry);
        registry
    }

    /// Adds a field whose text is refused whenever `invalid` is true, and
    /// returns the key that removes it.
    pub fn register(
        &self,
        group: FieldGroup,
        id: String,
        label: String,
        invalid: Signal<bool>,
    ) -> u64 {
        let key = self.next_key.get_value();
        self.next_key.set_value(key.wrapping_add(1));
        let entry = Entry {
            key,
            group,
            field: InvalidField { id, label },
            invalid,
        };
        self.entries.try_update(|e| e.push(entry));
        key
    }

    /// Removes the field registered under `key` (when it unmounts; a page
    /// being torn down may already have dropped the registry).
    pub fn unregister(&self, key: u64) {
        self.entries.try_update(|e| e.retain(|x| x.key != key));
    }

    /// The refused inputs of `group`, in the order they appear (tracked).
    pub fn invalid_in(&self, group: FieldGroup) -> Vec<InvalidField> {
        self.entries
            .try_with(|entries| {
                entries
                    .iter()
                    .filter(|e| e.group == group && e.invalid.get())
                    .map(|e| e.field.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether the input with DOM id `id` holds a refused text (tracked).
    pub fn is_invalid(&self, id: &str) -> bool {
        self.entries
            .try_with(|entries| entries.iter().any(|e| e.field.id == id && e.invalid.get()))
            .unwrap_or(false)
    }
}

/// The page's registry, if it has one.
pub fn use_invalid_fields() -> Option<InvalidFields> {
    use_context::<InvalidFields>()
}

/// Registers a field in the enclosing [`FieldGroup`], if there is one and
/// the page keeps a registry, until the field unmounts.
pub fn register_field(id: String, label: String, invalid: Signal<bool>) {
    if let (Some(registry), Some(group)) = (use_invalid_fields(), use_context::<FieldGroup>()) {
        let key = registry.register(group, id, label, invalid);
        on_cleanup(move || registry.unregister(key));
    }
}

/// The refused inputs of the enclosing [`FieldGroup`] (empty outside one),
/// for a figure that shows "Not updated" while there are any.
pub fn use_stale() -> Signal<Vec<InvalidField>> {
    let registry = use_invalid_fields();
    let group = use_context::<FieldGroup>();
    Signal::derive(move || match (registry, group) {
        (Some(r), Some(g)) => r.invalid_in(g),
        _ => Vec::new(),
    })
}

/// "Not updated: fix Churn (%) and ARPA ($/month)." for the inputs named.
pub fn not_updated_text(fields: &[InvalidField]) -> String {
    let labels: Vec<&str> = fields.iter().map(|f| f.label.as_str()).collect();
    let list = match labels.as_slice() {
        [] => return String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    format!("Not updated: fix {list}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(label: &str) -> InvalidField {
        InvalidField {
            id: label.to_lowercase(),
            label: label.to_string(),
        }
    }

    #[test]
    fn the_note_names_every_refused_input() {
        assert_eq!(not_updated_text(&[]), "");
        assert_eq!(
            not_updated_text(&[field("Churn (%)")]),
            "Not updated: fix Churn (%)."
        );
        assert_eq!(
            not_updated_text(&[field("A"), field("B"), field("C")]),
            "Not updated: fix A, B and C."
        );
    }

    #[test]
    fn a_field_counts_only_while_its_text_is_refused_and_until_it_unmounts() {
        let owner = Owner::new();
        owner.with(|| {
            let registry = InvalidFields::provide();
            let bad = RwSignal::new(false);
            let key = registry.register(
                FieldGroup::Scenario,
                "churn".into(),
                "Churn (%)".into(),
                bad.into(),
            );
            assert!(registry.invalid_in(FieldGroup::Scenario).is_empty());
            bad.set(true);
            assert_eq!(
                registry.invalid_in(FieldGroup::Scenario),
                vec![InvalidField {
                    id: "churn".into(),
                    label: "Churn (%)".into()
                }]
            );
            assert!(registry.is_invalid("churn"));
            // Another group's figures are not affected.
            assert!(registry.invalid_in(FieldGroup::Calculator).is_empty());
            registry.unregister(key);
            assert!(!registry.is_invalid("churn"));
        });
    }
}
