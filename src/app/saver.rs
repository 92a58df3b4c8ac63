//! Saving the document: what a save does, apart from when it happens.
//!
//! [`Saver::flush`] encodes the [`Workbench`] and writes it through a
//! [`Backend`] unless nothing changed, the tab does not save, or another
//! tab wrote first — in which case that tab's document is adopted, never
//! overwritten. [`Saver::other_tab_saved`] handles the `storage` event. The
//! debounce timer and the page events live in `<App/>`; this part runs
//! natively under a reactive `Owner`, so its tests need no browser.

use leptos::prelude::*;

use crate::persist::schema::{self, Decode};
use crate::persist::storage::{self, LoadProblem};
use crate::state::notices::{Notice, NoticeKey, NoticeLevel};
use crate::state::{SaveMode, Workbench};

/// Where the document is kept: local storage in the browser, memory in tests.
pub trait Backend {
    /// The text stored under the document's key, if any.
    fn read(&self) -> Option<String>;
    /// Stores `raw` under the document's key.
    ///
    /// # Errors
    /// A message when storage refuses (blocked, full).
    fn write(&self, raw: &str) -> Result<(), String>;
    /// Keeps `raw` as this tab's shared copy ([`SaveMode::SharedCopy`]),
    /// apart from the document.
    ///
    /// # Errors
    /// A message when storage refuses.
    fn write_copy(&self, raw: &str) -> Result<(), String>;
}

/// Local storage, through [`crate::persist::storage`].
pub struct LocalStorage;

impl Backend for LocalStorage {
    fn read(&self) -> Option<String> {
        storage::read_raw(storage::KEY)
    }

    fn write(&self, raw: &str) -> Result<(), String> {
        storage::write_raw(storage::KEY, raw)
    }

    fn write_copy(&self, raw: &str) -> Result<(), String> {
        storage::write_shared_copy(raw)
    }
}

/// What one [`Saver::flush`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flushed {
    /// The document was written.
    Written,
    /// It equals what is stored already.
    Unchanged,
    /// This tab does not save ([`SaveMode::MemoryOnly`] or
    /// [`SaveMode::Paused`]).
    NotSaving,
    /// A shared copy is open: it was kept for this tab, the document left
    /// alone.
    CopyKept,
    /// A value could not be saved; a notice says so.
    Invalid,
    /// Another tab had written since; its document was adopted.
    AdoptedOtherTab,
    /// Another tab wrote data this one cannot read; this tab stops saving.
    OtherTabUnreadable,
    /// Another tab wrote, and the reader of documents is not loaded yet:
    /// nothing was written, and the next flush tries again.
    OtherTabNotReadYet,
    /// Storage refused the write; the tab now keeps changes in memory.
    Refused,
}

/// Writes the workbench's document through a backend.
pub struct Saver<B: Backend> {
    wb: Workbench,
    backend: B,
    /// The text this tab last read or wrote under the key; a different text
    /// there means another tab has saved since.
    last_raw: Option<String>,
    /// The reader of documents, once it is loaded (src/app/reader.rs).
    reader: fn() -> Option<Decode>,
}

impl<B: Backend> Saver<B> {
    /// A saver for `wb`; `last_raw` is the text found at start, `reader`
    /// gives the reader of another tab's document when it is loaded.
    pub fn new(
        wb: Workbench,
        backend: B,
        last_raw: Option<String>,
        reader: fn() -> Option<Decode>,
    ) -> Self {
        Saver {
            wb,
            backend,
            last_raw,
            reader,
        }
    }

    /// Saves now. See [`Flushed`] for what can happen.
    pub fn flush(&mut self) -> Flushed {
        let wb = self.wb;
        let mode = wb.save_mode.get_untracked();
        if mode != SaveMode::Saving && mode != SaveMode::SharedCopy {
            return Flushed::NotSaving;
        }
        let raw = match schema::encode(&wb.snapshot_untracked()) {
            Ok(raw) => raw,
            Err(error) => {
                wb.notify(Notice::new(
                    NoticeKey::SaveInvalid,
                    NoticeLevel::Error,
                    format!("Your latest change was not saved: {error}."),
                ));
                return Flushed::Invalid;
            }
        };
        if mode == SaveMode::SharedCopy {
            if let Err(reason) = self.backend.write_copy(&raw) {
                wb.notify(Notice::new(
                    NoticeKey::SaveInvalid,
                    NoticeLevel::Warning,
                    format!("The shared copy could not be kept for a reload: {reason}."),
                ));
            }
            return Flushed::CopyKept;
        }
        let stored = self.backend.read();
        if stored.is_some() && stored != self.last_raw {
            // Another tab saved after we last looked and its `storage` event
            // has not reached us yet: never overwrite its newer data.
            return self.adopt(stored.unwrap_or_default());
        }
        if self.last_raw.as_deref() == Some(raw.as_str()) {
            return Flushed::Unchanged;
        }
        match self.backend.write(&raw) {
            Ok(()) => {
                self.last_raw = Some(raw);
                Flushed::Written
            }
            Err(reason) => {
                wb.save_mode.set(SaveMode::MemoryOnly);
                wb.notify(memory_only_notice(&reason));
                Flushed::Refused
            }
        }
    }

    /// Another tab wrote `raw` under the key (`None`: it removed it).
    pub fn other_tab_saved(&mut self, raw: Option<String>) {
        match raw {
            Some(raw) if self.last_raw.as_deref() != Some(raw.as_str()) => {
                self.adopt(raw);
            }
            Some(_) => {}
            None => self.last_raw = None,
        }
    }

    /// Takes the document another tab saved, if it can be read. Without a
    /// reader yet, `last_raw` stays as it was, so the next flush sees the
    /// other tab's text again and tries once more.
    fn adopt(&mut self, raw: String) -> Flushed {
        let wb = self.wb;
        let Some(decode) = (self.reader)() else {
            return Flushed::OtherTabNotReadYet;
        };
        match decode(&raw) {
            // A shared copy is on screen: the other tab's data is the user's
            // own, which comes back when they leave the copy.
            Ok(state) if wb.save_mode.get_untracked() == SaveMode::SharedCopy => {
                self.last_raw = Some(raw);
                wb.previous.set(Some(state));
                wb.notify(Notice::new(
                    NoticeKey::OtherTab,
                    NoticeLevel::Info,
                    "Another tab saved changes to your data; the shared copy stays open here.",
                ));
                Flushed::AdoptedOtherTab
            }
            Ok(state) => {
                self.last_raw = Some(raw);
                wb.replace(state);
                wb.notify(Notice::new(
                    NoticeKey::OtherTab,
                    NoticeLevel::Info,
                    "Another tab saved changes; this tab now shows them.",
                ));
                Flushed::AdoptedOtherTab
            }
            Err(error) => {
                wb.save_mode.set(SaveMode::Paused);
                wb.notify(Notice::new(
                    NoticeKey::OtherTab,
                    NoticeLevel::Warning,
                    format!(
                        "Another tab saved data this tab cannot read ({error}). \
                         This tab will not overwrite it; its changes are kept in memory only."
                    ),
                ));
                Flushed::OtherTabUnreadable
            }
        }
    }
}

/// The notice for a tab that keeps its changes in memory only.
pub fn memory_only_notice(reason: &str) -> Notice {
    Notice::new(
        NoticeKey::MemoryOnly,
        NoticeLevel::Warning,
        format!(
            "Changes are kept in this tab only and will be lost when it closes: {reason}. \
             Use Data → Export to keep a copy."
        ),
    )
}

/// The notice for what went wrong at start, and the save mode it implies.
pub fn load_notice(problem: &LoadProblem) -> (Notice, SaveMode) {
    match problem {
        LoadProblem::Blocked => (
            memory_only_notice("this browser does not allow local storage here"),
            SaveMode::MemoryOnly,
        ),
        LoadProblem::Unreadable {
            error,
            backed_up,
            raw,
        } => {
            let kept = if *backed_up {
                "A copy was kept in this browser and can be downloaded."
            } else {
                "It was left where it was and can be downloaded; nothing will be saved until you reset."
            };
            let notice = Notice::new(
                NoticeKey::Unreadable,
                NoticeLevel::Warning,
                format!("Your saved data could not be read, so the app started fresh: {error}. {kept}"),
            )
            .with_download("gtm-workbench-unreadable.json", raw.clone());
            let mode = if *backed_up {
                SaveMode::Saving
            } else {
                SaveMode::Paused
            };
            (notice, mode)
        }
        LoadProblem::Newer { version } => (
            Notice::new(
                NoticeKey::Newer,
                NoticeLevel::Warning,
                format!(
                    "This browser holds data saved by a newer version of GTM Workbench (format {version}). \
                     This version cannot read it and will not overwrite it; changes made here are not saved."
                ),
            ),
            SaveMode::Paused,
        ),
        LoadProblem::NoReader => (
            Notice::new(
                NoticeKey::Unreadable,
                NoticeLevel::Warning,
                "Your saved data is not shown: the part of the app that reads it did not download. \
                 It is safe and unchanged. Reload the page once you are online; until then, \
                 changes made here are not saved.",
            ),
            SaveMode::Paused,
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;
    use crate::domain::state::{AppState, Theme};

    /// Storage in memory, shared with the test so it can play another tab.
    #[derive(Clone, Default)]
    struct Memory {
        stored: Rc<RefCell<Option<String>>>,
        copy: Rc<RefCell<Option<String>>>,
        refuse: Rc<RefCell<bool>>,
    }

    impl Backend for Memory {
        fn read(&self) -> Option<String> {
            self.stored.borrow().clone()
        }
        fn write(&self, raw: &str) -> Result<(), String> {
            if *self.refuse.borrow() {
                return Err("storage is full".into());
            }
            *self.stored.borrow_mut() = Some(raw.to_string());
            Ok(())
        }
        fn write_copy(&self, raw: &str) -> Result<(), String> {
            *self.copy.borrow_mut() = Some(raw.to_string());
            Ok(())
        }
    }

    fn with_saver(test: impl FnOnce(Workbench, Memory, &mut Saver<Memory>)) {
        let owner = Owner::new();
        owner.with(|| {
            let wb = Workbench::new(AppState::default());
            let memory = Memory::default();
            let mut saver = Saver::new(wb, memory.clone(), None, || Some(schema::decode));
            test(wb, memory, &mut saver);
        });
    }

    fn decoded(memory: &Memory) -> Option<AppState> {
        memory.read().and_then(|raw| schema::decode(&raw).ok())
    }

    #[test]
    fn a_change_is_written_once_and_an_unchanged_document_is_not_rewritten() {
        with_saver(|wb, memory, saver| {
            wb.theme.set(Theme::Dark);
            assert_eq!(saver.flush(), Flushed::Written);
            assert_eq!(decoded(&memory).map(|s| s.theme), Some(Theme::Dark));
            assert_eq!(saver.flush(), Flushed::Unchanged);
        });
    }

    #[test]
    fn another_tabs_newer_save_is_adopted_not_overwritten() {
        with_saver(|wb, memory, saver| {
            assert_eq!(saver.flush(), Flushed::Written);
            // The other tab writes a projector-theme document.
            let other = AppState {
                theme: Theme::Projector,
                ..AppState::default()
            };
            let raw = schema::encode(&other).unwrap_or_default();
            *memory.stored.borrow_mut() = Some(raw.clone());
            wb.theme.set(Theme::Dark);
            assert_eq!(saver.flush(), Flushed::AdoptedOtherTab);
            assert_eq!(wb.theme.get_untracked(), Theme::Projector);
            assert_eq!(memory.read(), Some(raw), "the other tab's text is kept");
            assert!(wb
                .notices
                .get_untracked()
                .iter()
                .any(|n| n.key == NoticeKey::OtherTab));
        });
    }

    #[test]
    fn another_tabs_save_waits_for_the_reader_and_is_never_overwritten() {
        thread_local! {
            static LOADED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        }
        fn reader() -> Option<Decode> {
            LOADED
                .with(std::cell::Cell::get)
                .then_some(schema::decode as Decode)
        }
        let owner = Owner::new();
        owner.with(|| {
            let wb = Workbench::new(AppState::default());
            let memory = Memory::default();
            let mut saver = Saver::new(wb, memory.clone(), None, reader);
            assert_eq!(saver.flush(), Flushed::Written);
            let other = AppState {
                theme: Theme::Projector,
                ..AppState::default()
            };
            let raw = schema::encode(&other).unwrap_or_default();
            *memory.stored.borrow_mut() = Some(raw.clone());
            saver.other_tab_saved(Some(raw.clone()));
            wb.theme.set(Theme::Dark);
            assert_eq!(saver.flush(), Flushed::OtherTabNotReadYet);
            assert_eq!(
                memory.read(),
                Some(raw.clone()),
                "the other tab's text stays"
            );
            assert_eq!(saver.flush(), Flushed::OtherTabNotReadYet, "and again");
            LOADED.with(|l| l.set(true));
            assert_eq!(saver.flush(), Flushed::AdoptedOtherTab);
            assert_eq!(wb.theme.get_untracked(), Theme::Projector);
            assert_eq!(memory.read(), Some(raw));
        });
    }

    #[test]
    fn unreadable_data_from_another_tab_pauses_saving_and_is_left_alone() {
        with_saver(|wb, memory, saver| {
            assert_eq!(saver.flush(), Flushed::Written);
            *memory.stored.borrow_mut() = Some("{not json".into());
            wb.theme.set(Theme::Dark);
            assert_eq!(saver.flush(), Flushed::OtherTabUnreadable);
            assert_eq!(wb.save_mode.get_untracked(), SaveMode::Paused);
            assert_eq!(memory.read().as_deref(), Some("{not json"));
            assert_eq!(saver.flush(), Flushed::NotSaving);
        });
    }

    #[test]
    fn a_refused_write_keeps_changes_in_memory_and_says_so() {
        with_saver(|wb, memory, saver| {
            *memory.refuse.borrow_mut() = true;
            wb.theme.set(Theme::Dark);
            assert_eq!(saver.flush(), Flushed::Refused);
            assert_eq!(wb.save_mode.get_untracked(), SaveMode::MemoryOnly);
            assert!(wb
                .notices
                .get_untracked()
                .iter()
                .any(|n| n.key == NoticeKey::MemoryOnly));
            assert_eq!(wb.theme.get_untracked(), Theme::Dark, "nothing is lost");
        });
    }

    #[test]
    fn an_invalid_value_is_not_saved_and_the_stored_document_stays_readable() {
        with_saver(|wb, memory, saver| {
            assert_eq!(saver.flush(), Flushed::Written);
            wb.simulate.update(|s| s.inputs.gross_margin_pct = f64::NAN);
            assert_eq!(saver.flush(), Flushed::Invalid);
            assert!(decoded(&memory).is_some(), "the stored copy still decodes");
        });
    }

    #[test]
    fn a_storage_event_with_the_same_text_changes_nothing() {
        with_saver(|wb, memory, saver| {
            wb.theme.set(Theme::Dark);
            assert_eq!(saver.flush(), Flushed::Written);
            saver.other_tab_saved(memory.read());
            assert!(wb.notices.get_untracked().is_empty());
        });
    }

    #[test]
    fn a_shared_copy_is_kept_apart_and_the_saved_document_left_alone() {
        with_saver(|wb, memory, saver| {
            assert_eq!(saver.flush(), Flushed::Written);
            let own = memory.read();
            wb.save_mode.set(SaveMode::SharedCopy);
            wb.theme.set(Theme::Projector);
            assert_eq!(saver.flush(), Flushed::CopyKept);
            assert_eq!(memory.read(), own, "the user's document is untouched");
            let kept = memory
                .copy
                .borrow()
                .clone()
                .and_then(|raw| schema::decode(&raw).ok());
            assert_eq!(kept.map(|s| s.theme), Some(Theme::Projector));
        });
    }

    #[test]
    fn another_tabs_save_during_a_shared_copy_becomes_the_data_to_go_back_to() {
        with_saver(|wb, memory, saver| {
            assert_eq!(saver.flush(), Flushed::Written);
            wb.save_mode.set(SaveMode::SharedCopy);
            wb.theme.set(Theme::Projector);
            let other = AppState {
                theme: Theme::Dark,
                ..AppState::default()
            };
            saver.other_tab_saved(schema::encode(&other).ok());
            assert_eq!(
                wb.theme.get_untracked(),
                Theme::Projector,
                "the copy stays on screen"
            );
            assert_eq!(
                wb.previous.get_untracked().map(|s| s.theme),
                Some(Theme::Dark)
            );
            let _ = memory;
        });
    }
}
