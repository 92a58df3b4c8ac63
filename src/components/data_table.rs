//! The table scaffold the pages share: column headings, a caption (for
//! screen readers only, or shown), the box that lets a wide table scroll
//! sideways, and the card layout that replaces it on a phone. The rows are
//! the page's own.
//!
//! **Cards.** With `cards`, a narrow screen (640 px or less, `style/main.css`)
//! shows each row as a card, each cell headed by its column's name. The
//! names come from the headings: the table writes each heading into its
//! cells' `data-label` itself, and again whenever rows change, so a page
//! writes its rows as plain `<td>`s and gets the card layout for free.

use std::borrow::Cow;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

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
        let hidden = self.hidden;
        let title = if hidden {
            view! { <span class="sr-only">{self.title}</span> }.into_any()
        } else {
            self.title.into_any()
        };
        view! { <th scope="col" class=self.class data-unseen=hidden.then_some("true")>{title}</th> }
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
    /// Whether each row becomes a card on a narrow screen (see the module
    /// docs).
    #[prop(optional)]
    cards: bool,
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
    let table_ref = NodeRef::<leptos::html::Table>::new();
    if cards {
        label_cells_of(table_ref, columns);
    }
    let class = match (class, cards) {
        (Some(c), true) => Some(format!("{c} cards")),
        (None, true) => Some("cards".to_string()),
        (c, false) => c.map(str::to_string),
    };
    let table = view! {
        <table class=class data-testid=testid node_ref=table_ref>
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

/// Writes each column heading into the `data-label` of the cells below it
/// (the card layout's cell headings), now and whenever the rows or the
/// headings change. Cells of a column whose heading only screen readers get
/// (a column of buttons) get no label.
fn label_cells_of(table: NodeRef<leptos::html::Table>, columns: Columns) {
    use wasm_bindgen::closure::Closure;

    type Callback = Closure<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>;
    let observer: StoredValue<Option<(web_sys::MutationObserver, Callback)>, LocalStorage> =
        StoredValue::new_local(None);
    Effect::new(move |_| {
        // Re-label when the headings change.
        columns.0.track();
        let Some(el) = table.get() else {
            return;
        };
        let el: web_sys::Element = el.into();
        label_cells(&el);
        if observer.with_value(Option::is_some) {
            return;
        }
        let target = el.clone();
        let callback: Callback = Closure::new(move |_: js_sys::Array, _| label_cells(&target));
        let Ok(mo) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) else {
            return;
        };
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        if mo.observe_with_options(&el, &options).is_ok() {
            observer.set_value(Some((mo, callback)));
        }
    });
    on_cleanup(move || {
        if let Some(Some(mo)) = observer.try_with_value(|o| o.as_ref().map(|(m, _)| m.clone())) {
            mo.disconnect();
        }
        observer.try_set_value(None);
    });
}

/// One pass of [`label_cells_of`]: body and foot cells get the text of the
/// heading above them (column spans counted); writing an attribute does not
/// change the child list, so the observer does not fire on its own work.
fn label_cells(table: &web_sys::Element) {
    let Ok(heads) = table.query_selector_all("thead th") else {
        return;
    };
    let titles: Vec<Option<String>> = (0..heads.length())
        .filter_map(|i| heads.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .map(|th| {
            let unseen = th.get_attribute("data-unseen").is_some();
            let text = th.text_content().unwrap_or_default();
            (!unseen).then(|| text.trim().to_string())
        })
        .collect();
    let Ok(rows) = table.query_selector_all("tbody tr, tfoot tr") else {
        return;
    };
    for row in (0..rows.length()).filter_map(|i| rows.item(i)) {
        let Ok(row) = row.dyn_into::<web_sys::Element>() else {
            continue;
        };
        let cells = row.children();
        let mut column = 0usize;
        for cell in (0..cells.length()).filter_map(|i| cells.item(i)) {
            let label = titles.get(column).cloned().flatten();
            match label {
                Some(l) if !l.is_empty() => {
                    if cell.get_attribute("data-label").as_deref() != Some(l.as_str()) {
                        let _ = cell.set_attribute("data-label", &l);
                    }
                }
                _ => {
                    let _ = cell.remove_attribute("data-label");
                }
            }
            let span = cell
                .get_attribute("colspan")
                .and_then(|c| c.parse::<usize>().ok())
                .unwrap_or(1)
                .max(1);
            column += span;
        }
    }
}
