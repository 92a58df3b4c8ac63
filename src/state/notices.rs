//! The messages shown under the header: what they say, how serious they
//! are, which kind they are (one of each kind at a time) and what their
//! button does. The list itself is [`super::Workbench::notices`]; the shell
//! draws it.

/// Which kind of message a notice is. A new notice replaces the shown one
/// of the same kind; the slug is the notice's `data-notice` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoticeKey {
    /// A download failed.
    Download,
    /// The plan's report could not be made or saved.
    PlanReport,
    /// A playbook rule edit was refused.
    PlanRules,
    /// A share link: made, opened, refused.
    Share,
    /// A shared copy is open in place of the user's data.
    SharedCopy,
    /// The monthly table's CSV.
    SimulateCsv,
    /// A chart's SVG.
    SimulateSvg,
    /// A preset was applied.
    SimulatePreset,
    /// A named scenario was saved, loaded or refused.
    SimulateScenario,
    /// The export failed.
    Export,
    /// An import, a reset or their undo.
    Import,
    /// Changes live in this tab only.
    MemoryOnly,
    /// Storage holds data from a newer version.
    Newer,
    /// Another tab saved.
    OtherTab,
    /// A change could not be saved.
    SaveInvalid,
    /// The saved data could not be read.
    Unreadable,
    /// A new version of the app is ready.
    Update,
}

impl NoticeKey {
    /// The stable name, used as the `data-notice` attribute.
    pub fn slug(self) -> &'static str {
        match self {
            NoticeKey::Download => "download",
            NoticeKey::PlanReport => "plan-report",
            NoticeKey::PlanRules => "plan-rules",
            NoticeKey::Share => "share",
            NoticeKey::SharedCopy => "shared-copy",
            NoticeKey::SimulateCsv => "simulate-csv",
            NoticeKey::SimulateSvg => "simulate-svg",
            NoticeKey::SimulatePreset => "simulate-preset",
            NoticeKey::SimulateScenario => "simulate-scenario",
            NoticeKey::Export => "export",
            NoticeKey::Import => "import",
            NoticeKey::MemoryOnly => "memory-only",
            NoticeKey::Newer => "newer",
            NoticeKey::OtherTab => "other-tab",
            NoticeKey::SaveInvalid => "save-invalid",
            NoticeKey::Unreadable => "unreadable",
            NoticeKey::Update => "update",
        }
    }
}

/// How serious a notice is; it sets the colour and the ARIA role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeLevel {
    /// Something happened that the user may want to know.
    Info,
    /// Something did not work as expected but nothing is lost.
    Warning,
    /// Something failed.
    Error,
}

/// What a notice's button does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// Asks the waiting service worker to take over; the page then reloads.
    ReloadToUpdate,
    /// Makes a shared copy opened in this tab the user's own data, or goes back.
    KeepSharedCopy,
}

/// One message.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Which kind of message it is; a new notice replaces one of the same kind.
    pub key: NoticeKey,
    /// How serious it is.
    pub level: NoticeLevel,
    /// The text.
    pub text: String,
    /// A file offered for download: (file name, content).
    pub download: Option<(String, String)>,
    /// A button that acts on the notice.
    pub action: Option<NoticeAction>,
}

impl Notice {
    /// A notice without a download or a button.
    pub fn new(key: NoticeKey, level: NoticeLevel, text: impl Into<String>) -> Self {
        Notice {
            key,
            level,
            text: text.into(),
            download: None,
            action: None,
        }
    }

    /// Adds a button.
    pub fn with_action(mut self, action: NoticeAction) -> Self {
        self.action = Some(action);
        self
    }

    /// Adds a file to download.
    pub fn with_download(mut self, name: impl Into<String>, content: String) -> Self {
        self.download = Some((name.into(), content));
        self
    }
}
