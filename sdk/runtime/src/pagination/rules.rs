//! The stop rules: from what a page reports to the next position, for each pagination style.

/// How an operation pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// A page number parameter (`pageParam`).
    PageNumber,
    /// An offset parameter (`pageOffsetParam`), advanced by the number of items received.
    Offset,
    /// A cursor parameter (`cursorParam`) whose next value the response carries (`cursorPath`).
    Cursor,
}

/// An operation's pagination rules: data the generator derives from the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// The style.
    pub style: Style,
    /// The first page number (`pageStart`, default 0) or offset (0). Unused for cursors.
    pub start: i64,
    /// Whether a page shorter than the page size is the last one. `false` when the response's own
    /// page metadata decides (`next_number`, `last_number`, `total`): then only that metadata or an
    /// empty page ends the listing.
    pub stop_on_short_page: bool,
}

/// A position in a listing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Position {
    /// A page number or an offset.
    Number(i64),
    /// A cursor; `None` asks for the first page.
    Cursor(Option<String>),
}

/// What to do after a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// This was the last page.
    Stop,
    /// Fetch the page at this position next.
    Next(Position),
    /// The response names this position as the next one, but it is not after the position just
    /// requested: following it would fetch a page again.
    Repeats(Position),
}

/// What the rules read from one page; generated adapters fill in what their rules name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageInfo {
    received: usize,
    number: Option<i64>,
    next_number: Option<Option<i64>>,
    last_number: Option<i64>,
    total: Option<i64>,
    cursor: Option<String>,
}

impl PageInfo {
    /// A page with `received` items.
    pub fn new(received: usize) -> Self {
        PageInfo {
            received,
            ..PageInfo::default()
        }
    }

    /// The page number the response reports for itself.
    pub fn number(mut self, number: Option<i64>) -> Self {
        self.number = number;
        self
    }

    /// The next page number the response reports: `None` when it says nothing, `Some(None)` when it
    /// says `null` (there is no next page).
    pub fn next_number(mut self, next: Option<Option<i64>>) -> Self {
        self.next_number = next;
        self
    }

    /// The last page number the response reports.
    pub fn last_number(mut self, last: Option<i64>) -> Self {
        self.last_number = last;
        self
    }

    /// The number of items the listing has in all (for offsets).
    pub fn total(mut self, total: Option<i64>) -> Self {
        self.total = total;
        self
    }

    /// The cursor of the next page.
    pub fn cursor(mut self, cursor: Option<String>) -> Self {
        self.cursor = cursor;
        self
    }
}

impl Rules {
    /// The position of the first page.
    pub fn first_position(&self) -> Position {
        match self.style {
            Style::PageNumber | Style::Offset => Position::Number(self.start),
            Style::Cursor => Position::Cursor(None),
        }
    }

    /// The position in words, for errors and traces: `page 3`, `offset 200`, `cursor abc`.
    pub fn describe(&self, position: &Position) -> String {
        match (self.style, position) {
            (Style::Offset, Position::Number(n)) => format!("offset {n}"),
            (_, Position::Number(n)) => format!("page {n}"),
            (_, Position::Cursor(None)) => "the first page".to_owned(),
            // A cursor is the server's text: quoted and escaped, and shortened past 100 characters.
            (_, Position::Cursor(Some(cursor))) => match cursor.char_indices().nth(100) {
                Some((at, _)) => format!("cursor {:?}…", &cursor[..at]),
                None => format!("cursor {cursor:?}"),
            },
        }
    }

    /// Where to go after a page that was requested at `position` with `page_size`.
    pub fn step(&self, info: &PageInfo, position: &Position, page_size: Option<i64>) -> Step {
        let received = i64::try_from(info.received).unwrap_or(i64::MAX);
        let short = self.stop_on_short_page && page_size.is_some_and(|size| received < size);
        match (self.style, position) {
            (Style::PageNumber, Position::Number(requested)) if self.stop_on_short_page => {
                if received == 0 || short {
                    return Step::Stop;
                }
                requested
                    .checked_add(1)
                    .map_or(Step::Stop, |n| Step::Next(Position::Number(n)))
            }
            (Style::PageNumber, Position::Number(requested)) => {
                page_number_from_meta(info, *requested)
            }
            (Style::Offset, Position::Number(offset)) => {
                if received == 0 || short {
                    return Step::Stop;
                }
                let Some(next) = offset.checked_add(received) else {
                    return Step::Stop;
                };
                match info.total {
                    Some(total) if next >= total => Step::Stop,
                    _ => Step::Next(Position::Number(next)),
                }
            }
            (Style::Cursor, Position::Cursor(requested)) => match info.cursor.as_deref() {
                None | Some("") => Step::Stop,
                Some(_) if received == 0 || short => Step::Stop,
                Some(next) if requested.as_deref() == Some(next) => {
                    Step::Repeats(Position::Cursor(Some(next.to_owned())))
                }
                Some(next) => Step::Next(Position::Cursor(Some(next.to_owned()))),
            },
            // A position of another style (`start_cursor` on a numbered listing): nothing to follow.
            _ => Step::Stop,
        }
    }
}

/// Page numbers from the response's metadata: `next_number: null` or `number >= last_number` ends
/// the listing; a `next_number` that is not after the requested page is a repeat. Without
/// `next_number` and `last_number` there is no way to know whether more pages exist, so the listing
/// ends there: guessing `number + 1` could loop on a server that ignores the page parameter.
fn page_number_from_meta(info: &PageInfo, requested: i64) -> Step {
    let number = info.number.unwrap_or(requested);
    if info.last_number.is_some_and(|last| number >= last) {
        return Step::Stop;
    }
    match info.next_number {
        Some(None) => Step::Stop,
        Some(Some(next)) if next <= requested => Step::Repeats(Position::Number(next)),
        Some(Some(next)) => Step::Next(Position::Number(next)),
        // No next_number, but a last_number that is still ahead.
        None if info.last_number.is_some() => number
            .checked_add(1)
            .filter(|&n| n > requested)
            .map_or(Step::Stop, |n| Step::Next(Position::Number(n))),
        None => Step::Stop,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const META: Rules = Rules {
        style: Style::PageNumber,
        start: 0,
        stop_on_short_page: false,
    };
    const COUNTED: Rules = Rules {
        style: Style::PageNumber,
        start: 1,
        stop_on_short_page: true,
    };
    const OFFSET: Rules = Rules {
        style: Style::Offset,
        start: 0,
        stop_on_short_page: false,
    };
    const OFFSET_SHORT: Rules = Rules {
        style: Style::Offset,
        start: 0,
        stop_on_short_page: true,
    };
    const CURSOR: Rules = Rules {
        style: Style::Cursor,
        start: 0,
        stop_on_short_page: true,
    };

    fn n(position: i64) -> Position {
        Position::Number(position)
    }

    fn meta(number: Option<i64>, next: Option<Option<i64>>, last: Option<i64>) -> PageInfo {
        PageInfo::new(1)
            .number(number)
            .next_number(next)
            .last_number(last)
    }

    #[test]
    fn page_numbers_from_metadata() {
        let step = |info: PageInfo, at: i64| META.step(&info, &n(at), Some(1));
        // next_number decides, whatever the page size.
        assert_eq!(
            step(meta(Some(0), Some(Some(1)), Some(2)), 0),
            Step::Next(n(1))
        );
        assert_eq!(step(meta(Some(2), Some(None), Some(2)), 2), Step::Stop);
        assert_eq!(step(meta(Some(1), Some(None), None), 1), Step::Stop);
        // number >= last_number stops even when next_number says otherwise.
        assert_eq!(step(meta(Some(2), Some(Some(3)), Some(2)), 2), Step::Stop);
        // Without next_number, last_number still ahead: the following page.
        assert_eq!(step(meta(Some(0), None, Some(1)), 0), Step::Next(n(1)));
        assert_eq!(step(meta(Some(1), None, Some(1)), 1), Step::Stop);
        // Neither, or no metadata at all: stop after this page.
        assert_eq!(step(meta(Some(0), None, None), 0), Step::Stop);
        assert_eq!(step(PageInfo::new(5), 0), Step::Stop);
        // A next page that is not after the requested one is a repeat.
        assert_eq!(
            step(meta(Some(1), Some(Some(1)), Some(5)), 1),
            Step::Repeats(n(1))
        );
        assert_eq!(
            step(meta(Some(3), Some(Some(0)), None), 3),
            Step::Repeats(n(0))
        );
        // The requested position counts when the server omits number.
        assert_eq!(step(meta(None, Some(Some(4)), None), 3), Step::Next(n(4)));
        // A short page is not an end signal with metadata rules.
        assert_eq!(
            META.step(&meta(Some(0), Some(Some(1)), None), &n(0), Some(100)),
            Step::Next(n(1))
        );
    }

    #[test]
    fn page_numbers_by_counting() {
        assert_eq!(COUNTED.first_position(), n(1));
        assert_eq!(
            COUNTED.step(&PageInfo::new(10), &n(1), Some(10)),
            Step::Next(n(2))
        );
        assert_eq!(COUNTED.step(&PageInfo::new(9), &n(2), Some(10)), Step::Stop);
        assert_eq!(COUNTED.step(&PageInfo::new(0), &n(2), None), Step::Stop);
        assert_eq!(
            COUNTED.step(&PageInfo::new(3), &n(2), None),
            Step::Next(n(3))
        );
    }

    #[test]
    fn offsets() {
        assert_eq!(
            OFFSET.step(&PageInfo::new(2).total(Some(5)), &n(0), Some(2)),
            Step::Next(n(2))
        );
        assert_eq!(
            OFFSET.step(&PageInfo::new(1).total(Some(5)), &n(4), Some(2)),
            Step::Stop
        );
        // The server may cap the page below the limit: advance by what was received.
        assert_eq!(
            OFFSET.step(&PageInfo::new(1).total(Some(5)), &n(0), Some(2)),
            Step::Next(n(1))
        );
        assert_eq!(OFFSET.step(&PageInfo::new(0), &n(0), None), Step::Stop);
        assert_eq!(
            OFFSET.step(&PageInfo::new(3), &n(0), Some(10)),
            Step::Next(n(3))
        );
        assert_eq!(
            OFFSET_SHORT.step(&PageInfo::new(3), &n(0), Some(10)),
            Step::Stop
        );
        assert_eq!(
            OFFSET.step(&PageInfo::new(1), &n(i64::MAX), None),
            Step::Stop
        );
        assert_eq!(OFFSET.describe(&n(200)), "offset 200");
    }

    #[test]
    fn cursors() {
        let next = |c: &str| Position::Cursor(Some(c.to_owned()));
        assert_eq!(CURSOR.first_position(), Position::Cursor(None));
        let page = |cursor: Option<&str>| PageInfo::new(2).cursor(cursor.map(str::to_owned));
        assert_eq!(
            CURSOR.step(&page(Some("b")), &Position::Cursor(None), Some(2)),
            Step::Next(next("b"))
        );
        assert_eq!(CURSOR.step(&page(None), &next("b"), Some(2)), Step::Stop);
        assert_eq!(
            CURSOR.step(&page(Some("")), &next("b"), Some(2)),
            Step::Stop
        );
        assert_eq!(
            CURSOR.step(&page(Some("b")), &next("b"), Some(2)),
            Step::Repeats(next("b"))
        );
        assert_eq!(
            CURSOR.step(&page(Some("c")), &next("b"), Some(3)),
            Step::Stop,
            "short page"
        );
        assert_eq!(CURSOR.describe(&next("b")), "cursor \"b\"");
        let long = CURSOR.describe(&next(&"x\n".repeat(1000)));
        assert!(
            long.len() < 250 && long.ends_with('…') && !long.contains('\n'),
            "{long}"
        );
    }
}
