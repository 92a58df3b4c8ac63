//! The table scaffold the pages share: column headings, a caption (for
//! screen readers only, or shown), and the box that lets a wide table scroll
//! sideways on a phone. The rows are the page's own.

use std::borrow::Cow;

use leptos::prelude::*;

/// A column heading of a [`DataTable`].
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    title: Cow<'static, str>,
    class: Option<&'static str>,
    hidden: bool,
}

impl Column {
    /// A column of figures, aligned like them (`class="num"`).
    pub fn num(title: impl Into<Cow<'static, str>>) -> Self {
        Column {
            title: title.into(),
            class: Some("num"),
            hidden: false,
        }
    }

    /// A column whose heading only screen readers need (a column of buttons).
    pub fn unseen(title: &'static str) -> Self {
        Column {
            hidden: true,
            ..Column::from(title)
        }
    }

    fn view(self) -> impl IntoView {
        let title = if self.hidden {
            view! { <span class="sr-only">{self.title}</span> }.into_any()
        } else {
            self.title.into_any()
        };
        view! { <th scope="col" class=self.class>{title}</th> }
    }
}

impl From<&'static str> for Column {
    fn from(title: &'static str) -> Self {
        Column {
            title: Cow::Borrowed(title),
            class: None,
            hidden: false,
        }
    }
}

impl From<String> for Column {
    fn from(title: String) -> Self {
        Column {
            title: Cow::Owned(title),
            class: None,
            hidden: false,
        }
    }
}

/// The column headings of a [`DataTable`], left to right: fixed (`["Month",
/// "MRR ($)"]`) or following the state ([`Columns::live`]).
#[derive(Clone, Copy)]
pub struct Columns(Signal<Vec<Column>>);

impl Columns {
    /// Headings recomputed whenever the signals `columns` reads change (one
    /// column per compared scenario).
    pub fn live(columns: impl Fn() -> Vec<Column> + Send + Sync + 'static) -> Self {
        Columns(Signal::derive(columns))
    }
}

impl From<Vec<Column>> for Columns {
    fn from(columns: Vec<Column>) -> Self {
        Columns(Signal::stored(columns))
    }
}

impl<C: Into<Column>, const N: usize> From<[C; N]> for Columns {
    fn from(columns: [C; N]) -> Self {
        Columns::from(columns.into_iter().map(Into::into).collect::<Vec<_>>())
    }
}

/// How a [`DataTable`] sits in the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scroll {
    /// No box: the page lays the table out (as cards on a phone).
    #[default]
    None,
    /// A box that scrolls sideways.
    Box,
    /// A box that scrolls sideways, in the tab order and named (its
    /// `aria-label`), so keyboard users can scroll it too.
    Region(&'static str),
}

/// A table with its headings; `children` are the rows of its body.
#[component]
pub fn DataTable(
    /// The column headings.
    #[prop(into)]
    columns: Columns,
    /// What the table holds; read by screen readers only, unless
    /// `caption_shown`.
    #[prop(optional, into)]
    caption: Option<Signal<String>>,
    /// Whether the caption is shown on screen too.
    #[prop(optional)]
    caption_shown: bool,
    /// The table's class.
    #[prop(optional)]
    class: Option<&'static str>,
    /// The table's `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
    /// The box around the table.
    #[prop(optional)]
    scroll: Scroll,
    /// Whether the scroll box is drawn as a card.
    #[prop(optional)]
    card: bool,
    /// Rows under the body (a total), in a `<tfoot>`.
    #[prop(optional, into)]
    foot: Option<ViewFn>,
    /// The rows of the body.
    children: Children,
) -> impl IntoView {
    let caption = caption.map(|text| {
        let class = (!caption_shown).then_some("sr-only");
        view! { <caption class=class>{text}</caption> }
    });
    let table = view! {
        <table class=class data-testid=testid>
            {caption}
            <thead>
                <tr>{move || columns.0.get().into_iter().map(Column::view).collect_view()}</tr>
            </thead>
            <tbody>{children()}</tbody>
            {foot.map(|foot| view! { <tfoot>{foot.run()}</tfoot> })}
        </table>
    };
    let box_class = if card {
        "table-scroll card"
    } else {
        "table-scroll"
    };
    match scroll {
        Scroll::None => table.into_any(),
        Scroll::Box => view! { <div class=box_class>{table}</div> }.into_any(),
        Scroll::Region(name) => view! {
            <div class=box_class tabindex="0" role="region" aria-label=name>{table}</div>
        }
        .into_any(),
    }
}

/// A body row of plain texts, the first one the row's heading.
pub fn text_row<const N: usize>(cells: [String; N]) -> impl IntoView {
    let mut cells = cells.into_iter();
    let heading = cells.next();
    view! {
        <tr>
            <th scope="row">{heading}</th>
            {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
        </tr>
    }
}
