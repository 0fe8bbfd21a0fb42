//! Paging through list operations as streams: one page at a time, in constant memory.
//!
//! One loop drives every paginated operation of every generated crate. The generator derives each
//! operation's adapter from the document's `x-pagination` annotation (`limitParam`, `pageParam`,
//! `pageStart`, `pageOffsetParam`, `cursorParam`, `cursorPath`, `resultsPath`) and from the stop
//! rules its configuration names (`meta.page.next_number`, `meta.page.total_filtered_count`…): the
//! adapter only sends the request for a position and reads a [`PageInfo`] from the response. The
//! rules that turn a page into the next position are here, written once, as data ([`Rules`]):
//!
//! | style | position sent | next position | ends when |
//! |---|---|---|---|
//! | [`Style::PageNumber`] | page number, from [`Rules::start`] | `next_number`, else the page after the one received | `next_number` is `null`, the page number reaches `last_number`, the response reports neither (with those rules), or (without them) a page is empty or shorter than the page size |
//! | [`Style::Offset`] | offset, from 0 | this offset plus the items received | the next offset reaches `total`, a page is empty, or (without a total) a page is shorter than the page size |
//! | [`Style::Cursor`] | the cursor read from the previous page (none at first) | the response's cursor | the cursor is absent, `null` or empty, a page is empty, or (when the page size decides) a page is shorter than the page size |
//!
//! With rules that read the response's page metadata, a short page is **not** an end signal: some
//! APIs return fewer items than the page size before their last page. The page size and every
//! filter set on the request are sent unchanged with every page; the position is set by the
//! paginator on every request, so a value set on the request itself is replaced.
//!
//! # Safety bounds
//!
//! - **Repeated pages.** A server that ignores the position would make a naive loop run forever. The
//!   stream ends with an error when a page starts with the same item as any earlier page (not only
//!   the one before it: a server alternating two pages is caught on the third), when a page names
//!   a next position that is not after the one just requested, or when it names a position the
//!   stream has already fetched (a cursor cycle). What has been seen is kept as 64-bit hashes, at
//!   most [`SEEN_CAPACITY`] of each kind, so the memory this takes is bounded (about 2 MB at most).
//! - **Page bound.** A stream fetches at most [`DEFAULT_MAX_PAGES`] pages unless
//!   [`Paginator::max_pages`] says otherwise; when the server still reports more pages after that,
//!   the stream ends with an error instead of stopping silently.
//! - **Collection cap.** [`Items::collect_all`] (and the `collect_all` methods built on it) fails
//!   when there are more items than the cap, rather than truncating. To take at most `n` items
//!   on purpose, use `into_stream().take(n)`.
//! - **Collection byte budget.** The item cap alone does not bound memory: a few pages of huge
//!   items would pass it. `collect_all` also fails once the response bodies of the pages it has
//!   read (decompressed, as the client reads them) add up to more than
//!   [`Paginator::max_collect_bytes`] (default [`DEFAULT_MAX_COLLECT_BYTES`], 256 MiB), so what
//!   it holds stays within that plus one page (itself at most the client's response body limit).
//!   A stream consumed item by item holds one page at a time and has no such budget.
//!
//! These errors are [`Error::Pagination`] with the operation's id and a reason that names the
//! page, offset, cursor, cap or budget (displayed as `<operation>: pagination stopped: <reason>`). After
//! any error, including an API error for one page, the stream ends.

mod rules;

use crate::Error;
use futures_core::Stream;
use futures_util::stream::{self, BoxStream, StreamExt, TryStreamExt};
pub use rules::{PageInfo, Position, Rules, Step, Style};
use std::cell::Cell;
use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::future::Future;
use std::hash::{BuildHasher, BuildHasherDefault, Hash};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

/// How many pages a stream fetches at most, unless [`Paginator::max_pages`] sets another bound.
///
/// With page sizes in the hundreds this is millions of items: far beyond any real listing, so
/// reaching it means the server keeps announcing pages that do not end.
pub const DEFAULT_MAX_PAGES: usize = 10_000;

/// How many positions, and how many first items, a stream remembers to detect a repeat anywhere
/// in it (as 64-bit hashes). Past that, earlier ones are still remembered and new ones are not:
/// with the default page bound the stream never gets there.
pub const SEEN_CAPACITY: usize = 65_536;

/// How many bytes of response bodies `collect_all` reads across all pages, unless
/// [`Paginator::max_collect_bytes`] sets another budget: 256 MiB.
///
/// Eight pages at the client's default body limit (32 MiB), and far more than any real listing's
/// pages (a listing of 100,000 items of 1 KiB is about 100 MB).
pub const DEFAULT_MAX_COLLECT_BYTES: u64 = 256 * 1024 * 1024;

tokio::task_local! {
    /// The response body bytes the client has read inside a page fetch (see [`record_body_bytes`]).
    static BODY_BYTES: Cell<u64>;
}

/// Adds `bytes` to the count of the page fetch this task is in, if it is in one. The client calls
/// it for every 2xx body it reads, so the pagination loop learns how large each page was without
/// anything in the generated adapters.
pub(crate) fn record_body_bytes(bytes: usize) {
    let bytes = u64::try_from(bytes).unwrap_or(u64::MAX);
    let _ = BODY_BYTES.try_with(|count| count.set(count.get().saturating_add(bytes)));
}

/// What a stream has seen, as hashes (bounded by [`SEEN_CAPACITY`]): the positions fetched, and
/// each page's first item with the number of the page it started.
#[derive(Default)]
struct Seen {
    positions: HashSet<u64>,
    first_items: HashMap<u64, usize>,
}

impl Seen {
    fn hash<T: Hash + ?Sized>(value: &T) -> u64 {
        // SipHash with fixed keys: deterministic, and collisions are ~2⁻⁶⁴ per pair.
        BuildHasherDefault::<DefaultHasher>::default().hash_one(value)
    }

    fn has_position(&self, position: &Position) -> bool {
        self.positions.contains(&Self::hash(position))
    }

    fn record_position(&mut self, position: &Position) {
        if self.positions.len() < SEEN_CAPACITY {
            self.positions.insert(Self::hash(position));
        }
    }

    /// Records page number `page` (1-based) starting with `first`; returns the page that started
    /// with it before, if one did.
    fn record_first_item(&mut self, first: &str, page: usize) -> Option<usize> {
        let hash = Self::hash(first);
        if let Some(&earlier) = self.first_items.get(&hash) {
            return Some(earlier);
        }
        if self.first_items.len() < SEEN_CAPACITY {
            self.first_items.insert(hash, page);
        }
        None
    }
}

/// A paginated operation's request builder, as the pagination loop drives it. Generated crates
/// implement it for each operation with an `x-pagination` annotation.
pub trait PageSource: Clone + Send + Sync + 'static {
    /// A whole response.
    type Page: Send + 'static;
    /// One item of a page.
    type Item: Send + 'static;
    /// The operation id, for errors and traces.
    const OPERATION: &'static str;
    /// How the operation pages and when it ends.
    const RULES: Rules;

    /// Sends the request for the page at `position`.
    fn fetch(self, position: Position) -> impl Future<Output = Result<Self::Page, Error>> + Send;

    /// The page size this request asks for (the value set on it, else the documented default),
    /// when the rules end on a short page.
    fn page_size(&self) -> Option<i64>;

    /// What the rules read from a page.
    fn page_info(page: &Self::Page) -> PageInfo;

    /// A key of the page's first item (its id, or its JSON), for the repeated-page guard.
    fn first_id(page: &Self::Page) -> Option<String>;

    /// The page's items.
    fn into_items(page: Self::Page) -> Vec<Self::Item>;
}

/// Pagination settings for one list request; created by the request's `paginate()` method.
///
/// It does nothing until it is turned into a stream with [`pages`](Self::pages) or
/// [`into_stream`](Self::into_stream), or collected with [`collect_all`](Self::collect_all). Those
/// streams end after the last page or the first error, and keep returning `None` after that.
#[derive(Debug, Clone)]
#[must_use = "a paginator does nothing until it is turned into a stream"]
pub struct Paginator<R> {
    request: R,
    start: Position,
    max_pages: usize,
    max_collect_bytes: u64,
}

impl<R: PageSource> Paginator<R> {
    /// Pagination of `request`, from the first position its rules define.
    pub fn new(request: R) -> Self {
        Paginator {
            request,
            start: R::RULES.first_position(),
            max_pages: DEFAULT_MAX_PAGES,
            max_collect_bytes: DEFAULT_MAX_COLLECT_BYTES,
        }
    }

    /// The first page number to request (page-number style; default [`Rules::start`]).
    pub fn start_page(mut self, page_number: i64) -> Self {
        self.start = Position::Number(page_number);
        self
    }

    /// The first offset to request (offset style; default 0).
    pub fn start_offset(mut self, offset: i64) -> Self {
        self.start = Position::Number(offset);
        self
    }

    /// The cursor to start from (cursor style; default none: the first page).
    pub fn start_cursor(mut self, cursor: impl Into<String>) -> Self {
        self.start = Position::Cursor(Some(cursor.into()));
        self
    }

    /// Fetches at most `max_pages` pages (at least one); the default is [`DEFAULT_MAX_PAGES`].
    ///
    /// When the server still reports more pages after the last one allowed, the stream yields that
    /// page and then ends with an error, so a listing is never cut short without notice.
    pub fn max_pages(mut self, max_pages: usize) -> Self {
        self.max_pages = max_pages.max(1);
        self
    }

    /// The most response body bytes (decompressed) that [`collect_all`](Self::collect_all) reads
    /// across all pages; the default is [`DEFAULT_MAX_COLLECT_BYTES`] (256 MiB).
    ///
    /// `collect_all` fails with [`Error::Pagination`] (naming the budget and the page) as soon as
    /// the pages read add up to more, so it holds at most this plus one page. Streams consumed item
    /// by item ([`pages`](Self::pages), [`into_stream`](Self::into_stream)) hold one page at a time
    /// and ignore it, except when the items are collected with [`Items::collect_all`].
    pub fn max_collect_bytes(mut self, bytes: u64) -> Self {
        self.max_collect_bytes = bytes;
        self
    }

    /// A stream of whole responses, `meta` included, one request per page.
    ///
    /// The stream is `'static` and `Send` (it owns a clone of the client) and holds one page at a
    /// time. It ends after the last page, or after the first error.
    pub fn pages(self) -> Pages<R::Page> {
        Pages {
            inner: page_stream(self, Arc::default()),
            operation: R::OPERATION,
        }
    }

    /// A stream of the items of every page, in order.
    ///
    /// It fetches the next page only when the items of the current one have been taken, and ends
    /// after the last item or after the first error.
    pub fn into_stream(self) -> Items<R::Item> {
        let bytes = Arc::new(PageBytes::default());
        let max_collect_bytes = self.max_collect_bytes;
        let items = page_stream(self, Arc::clone(&bytes))
            .map_ok(|page| stream::iter(R::into_items(page).into_iter().map(Ok)))
            .try_flatten()
            .boxed();
        Items {
            inner: items,
            operation: R::OPERATION,
            bytes,
            max_collect_bytes,
        }
    }

    /// Collects every item into a `Vec`, failing when there are more than `max_items`.
    ///
    /// See [`Items::collect_all`].
    ///
    /// # Errors
    ///
    /// The first error of any page, a [safety bound](self#safety-bounds), more than `max_items`
    /// items, or pages whose bodies add up to more than
    /// [`max_collect_bytes`](Self::max_collect_bytes).
    pub async fn collect_all(self, max_items: usize) -> Result<Vec<R::Item>, Error> {
        self.into_stream().collect_all(max_items).await
    }
}

/// The state of the pagination loop between two pages.
enum State {
    /// Fetch the page at `position`.
    Fetch {
        position: Position,
        fetched: usize,
        seen: Box<Seen>,
    },
    /// Yield this error, then end.
    Fail(Error),
    /// The stream has ended.
    Done,
}

/// What a stream's pages have weighed so far: the response body bytes read, and the pages.
#[derive(Debug, Default)]
struct PageBytes {
    bytes: AtomicU64,
    pages: AtomicU64,
}

/// The one pagination loop, shared by every list request; it adds each page's body bytes to
/// `weighed`.
fn page_stream<R: PageSource>(
    paginator: Paginator<R>,
    weighed: Arc<PageBytes>,
) -> BoxStream<'static, Result<R::Page, Error>> {
    let Paginator {
        request,
        start,
        max_pages,
        max_collect_bytes: _,
    } = paginator;
    let initial = State::Fetch {
        position: start,
        fetched: 0,
        seen: Box::default(),
    };
    stream::unfold(initial, move |state: State| {
        let request = request.clone();
        let weighed = Arc::clone(&weighed);
        async move {
            let (position, fetched, mut seen) = match state {
                State::Done => return None,
                State::Fail(error) => return Some((Err(error), State::Done)),
                State::Fetch { position, fetched, seen } => (position, fetched, seen),
            };
            let rules = R::RULES;
            tracing::debug!(operation = R::OPERATION, position = %rules.describe(&position), "fetching page");
            let page_size = request.page_size();
            seen.record_position(&position);
            let fetch = async {
                let page = request.fetch(position.clone()).await;
                (page, BODY_BYTES.with(Cell::get))
            };
            let (page, bytes) = BODY_BYTES.scope(Cell::new(0), fetch).await;
            weighed.bytes.fetch_add(bytes, Ordering::Relaxed);
            weighed.pages.fetch_add(1, Ordering::Relaxed);
            let page = match page {
                Ok(page) => page,
                Err(error) => return Some((Err(error), State::Done)),
            };
            let fetched = fetched + 1;
            if let Some(first) = R::first_id(&page) {
                if let Some(earlier) = seen.record_first_item(&first, fetched) {
                    let which = if earlier + 1 == fetched {
                        "the page before it".to_owned()
                    } else {
                        format!("page {earlier} of this stream, {} pages earlier", fetched - earlier)
                    };
                    let reason = format!(
                        "the server repeated a page: {} starts with the same item ({}) as {which}",
                        rules.describe(&position),
                        shorten(&first),
                    );
                    return Some((Err(stopped::<R>(reason)), State::Done));
                }
            }
            let next = match rules.step(&R::page_info(&page), &position, page_size) {
                Step::Stop => State::Done,
                Step::Repeats(next) => State::Fail(stopped::<R>(format!(
                    "the server repeated {}: {} names it as the next page",
                    rules.describe(&next),
                    rules.describe(&position),
                ))),
                Step::Next(next) if seen.has_position(&next) => State::Fail(stopped::<R>(format!(
                    "the server repeated {}: {} names it as the next page, and this stream has already fetched it",
                    rules.describe(&next),
                    rules.describe(&position),
                ))),
                Step::Next(next) if fetched >= max_pages => State::Fail(stopped::<R>(format!(
                    "reached the bound of {max_pages} pages, and the server reports more from {}; \
                     raise it with Paginator::max_pages",
                    rules.describe(&next),
                ))),
                Step::Next(next) => State::Fetch { position: next, fetched, seen },
            };
            Some((Ok(page), next))
        }
    })
    .fuse() // polling after the end keeps returning `None`
    .boxed()
}

/// An item key for an error message: at most 100 characters (it comes from the server).
fn shorten(key: &str) -> String {
    match key.char_indices().nth(100) {
        Some((at, _)) => format!("{}…", &key[..at]),
        None => key.to_owned(),
    }
}

/// A pagination error of operation `R`.
fn stopped<R: PageSource>(reason: String) -> Error {
    Error::Pagination {
        operation: R::OPERATION,
        reason,
    }
}

/// A stream of whole list responses, one per page; see [`Paginator::pages`].
///
/// `Unpin`, `Send` and `'static`: use it with `StreamExt::next` or `TryStreamExt::try_next` directly.
#[must_use = "streams do nothing unless polled"]
pub struct Pages<P> {
    inner: BoxStream<'static, Result<P, Error>>,
    operation: &'static str,
}

impl<P> Stream for Pages<P> {
    type Item = Result<P, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}

impl<P> fmt::Debug for Pages<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pages")
            .field("operation", &self.operation)
            .finish_non_exhaustive()
    }
}

/// A stream of list items across pages; see [`Paginator::into_stream`].
///
/// `Unpin`, `Send` and `'static`: use it with `StreamExt::next` or `TryStreamExt::try_next` directly.
#[must_use = "streams do nothing unless polled"]
pub struct Items<T> {
    inner: BoxStream<'static, Result<T, Error>>,
    operation: &'static str,
    /// What the pages read so far weighed, for `collect_all`'s byte budget.
    bytes: Arc<PageBytes>,
    max_collect_bytes: u64,
}

impl<T> Stream for Items<T> {
    type Item = Result<T, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}

impl<T> fmt::Debug for Items<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("operation", &self.operation)
            .field("max_collect_bytes", &self.max_collect_bytes)
            .finish_non_exhaustive()
    }
}

impl<T> Items<T> {
    /// Collects the remaining items into a `Vec`, failing when there are more than `max_items`.
    ///
    /// The cap is an error, not a truncation: a listing that is silently cut short looks complete,
    /// and whatever acts on it (a cleanup, say) would act on part of the data. To knowingly take at
    /// most `n` items, use `StreamExt::take(n)` instead. To know whether there is an item after
    /// the `max_items`-th, the next page may have to be fetched.
    ///
    /// The response bodies of the pages read must also add up to at most the paginator's
    /// [`max_collect_bytes`](Paginator::max_collect_bytes) (default
    /// [`DEFAULT_MAX_COLLECT_BYTES`]): the item cap alone would let a few pages of huge items
    /// through.
    ///
    /// # Errors
    ///
    /// The stream's first error, or [`Error::Pagination`] when the stream holds more than
    /// `max_items` items (`more than N items`) or its pages more than the byte budget (`the pages
    /// read add up to more than N bytes`).
    pub async fn collect_all(mut self, max_items: usize) -> Result<Vec<T>, Error> {
        let mut items = Vec::new();
        while let Some(item) = self.inner.next().await {
            let item = item?;
            let bytes = self.bytes.bytes.load(Ordering::Relaxed);
            if bytes > self.max_collect_bytes {
                let pages = match self.bytes.pages.load(Ordering::Relaxed) {
                    1 => "the page".to_owned(),
                    n => format!("the {n} pages"),
                };
                return Err(Error::Pagination {
                    operation: self.operation,
                    reason: format!(
                        "{pages} read add up to {bytes} bytes of response bodies, more than \
                         {} (the collect_all byte budget); raise it with \
                         Paginator::max_collect_bytes or process the stream item by item",
                        self.max_collect_bytes
                    ),
                });
            }
            if items.len() == max_items {
                return Err(Error::Pagination {
                    operation: self.operation,
                    reason: format!(
                        "more than {max_items} items (the collect_all cap); raise the cap or process the stream item by item"
                    ),
                });
            }
            items.push(item);
        }
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    /// A fake source: `pages[position]` is the page at that position (items, next page number;
    /// `None` for the last page).
    #[derive(Clone)]
    struct Fake {
        pages: Arc<Vec<(Vec<&'static str>, Option<i64>)>>,
        calls: Arc<AtomicUsize>,
    }

    impl PageSource for Fake {
        type Page = (Vec<&'static str>, Option<i64>);
        type Item = &'static str;
        const OPERATION: &'static str = "Fake";
        const RULES: Rules = Rules {
            style: Style::PageNumber,
            start: 0,
            stop_on_short_page: false,
        };

        async fn fetch(self, position: Position) -> Result<Self::Page, Error> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            let Position::Number(position) = position else {
                unreachable!("numbered")
            };
            let page = usize::try_from(position)
                .ok()
                .and_then(|p| self.pages.get(p).cloned());
            page.ok_or(Error::InvalidRequest {
                operation: "Fake",
                reason: format!("no page {position}"),
            })
        }

        fn page_size(&self) -> Option<i64> {
            None
        }

        fn page_info(page: &Self::Page) -> PageInfo {
            PageInfo::new(page.0.len()).next_number(Some(page.1))
        }

        fn first_id(page: &Self::Page) -> Option<String> {
            page.0.first().map(|s| (*s).to_owned())
        }

        fn into_items(page: Self::Page) -> Vec<Self::Item> {
            page.0
        }
    }

    fn fake(pages: Vec<(Vec<&'static str>, Option<i64>)>) -> (Paginator<Fake>, Arc<AtomicUsize>) {
        let calls = Arc::new(AtomicUsize::new(0));
        (
            Paginator::new(Fake {
                pages: Arc::new(pages),
                calls: Arc::clone(&calls),
            }),
            calls,
        )
    }

    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .map(|rt| rt.block_on(future))
            .unwrap()
    }

    #[test]
    fn follows_steps_and_stops() {
        let (p, calls) = fake(vec![
            (vec!["a", "b"], Some(1)),
            (vec!["c"], Some(2)),
            (vec!["d", "e"], None),
        ]);
        assert_eq!(
            block_on(p.collect_all(10)).unwrap(),
            ["a", "b", "c", "d", "e"]
        );
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[test]
    fn cap_is_an_error_and_exact_cap_is_fine() {
        let pages = vec![(vec!["a", "b"], Some(1)), (vec!["c"], None)];
        let (p, _) = fake(pages.clone());
        assert_eq!(block_on(p.collect_all(3)).unwrap().len(), 3);
        let (p, _) = fake(pages);
        let err = block_on(p.collect_all(2)).unwrap_err().to_string();
        assert!(err.contains("more than 2 items"), "{err}");
    }

    #[test]
    fn repeated_first_item_and_backwards_step_are_errors() {
        let (p, calls) = fake(vec![(vec!["a"], Some(1)), (vec!["a"], Some(2))]);
        let err = block_on(p.collect_all(10)).unwrap_err().to_string();
        assert!(
            err.contains("repeated a page: page 1 starts with the same item (a)"),
            "{err}"
        );
        assert_eq!(calls.load(Ordering::SeqCst), 2);

        let (p, calls) = fake(vec![(vec!["a"], Some(0))]);
        let mut pages = p.pages();
        assert!(block_on(pages.next()).unwrap().is_ok());
        let err = block_on(pages.next()).unwrap().unwrap_err().to_string();
        assert_eq!(
            err,
            "Fake: pagination stopped: the server repeated page 0: page 0 names it as the next page"
        );
        assert!(block_on(pages.next()).is_none());
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_page_repeated_anywhere_is_caught_not_only_the_previous_one() {
        // A server alternating two pages: A, B, A, B, … with page numbers that keep increasing.
        let pages = (0..10_000)
            .map(|i| (vec![if i % 2 == 0 { "a" } else { "b" }], Some(i + 1)))
            .collect();
        let (p, calls) = fake(pages);
        let mut items = p.into_stream();
        assert_eq!(block_on(items.next()).unwrap().unwrap(), "a");
        assert_eq!(block_on(items.next()).unwrap().unwrap(), "b");
        let err = block_on(items.next()).unwrap().unwrap_err().to_string();
        assert!(
            err.contains(
                "repeated a page: page 2 starts with the same item (a) as page 1 of this stream, 2 pages earlier"
            ),
            "{err}"
        );
        assert!(block_on(items.next()).is_none());
        assert_eq!(
            calls.load(Ordering::SeqCst),
            3,
            "no duplicate item was handed out"
        );
    }

    /// A page of the cursor source: the cursor it is at, its items, the next cursor.
    type CursorPage = (
        Option<&'static str>,
        Vec<&'static str>,
        Option<&'static str>,
    );

    /// A cursor source: `pages[cursor]` is the page at that cursor (items, next cursor).
    #[derive(Clone)]
    struct Cursors {
        pages: Arc<Vec<CursorPage>>,
        calls: Arc<AtomicUsize>,
    }

    impl PageSource for Cursors {
        type Page = (Vec<&'static str>, Option<&'static str>);
        type Item = &'static str;
        const OPERATION: &'static str = "Cursors";
        const RULES: Rules = Rules {
            style: Style::Cursor,
            start: 0,
            stop_on_short_page: false,
        };

        async fn fetch(self, position: Position) -> Result<Self::Page, Error> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            let Position::Cursor(cursor) = position else {
                unreachable!("cursors")
            };
            let page = self
                .pages
                .iter()
                .find(|(at, _, _)| at.map(str::to_owned) == cursor);
            page.map(|(_, items, next)| (items.clone(), *next))
                .ok_or(Error::InvalidRequest {
                    operation: "Cursors",
                    reason: format!("no page at {cursor:?}"),
                })
        }

        fn page_size(&self) -> Option<i64> {
            None
        }

        fn page_info(page: &Self::Page) -> PageInfo {
            PageInfo::new(page.0.len()).cursor(page.1.map(str::to_owned))
        }

        fn first_id(page: &Self::Page) -> Option<String> {
            page.0.first().map(|s| (*s).to_owned())
        }

        fn into_items(page: Self::Page) -> Vec<Self::Item> {
            page.0
        }
    }

    #[test]
    fn a_cursor_cycle_is_caught() {
        let calls = Arc::new(AtomicUsize::new(0));
        let source = Cursors {
            pages: Arc::new(vec![
                (None, vec!["a"], Some("x")),
                (Some("x"), vec!["b"], Some("y")),
                (Some("y"), vec!["c"], Some("x")),
            ]),
            calls: Arc::clone(&calls),
        };
        let err = block_on(Paginator::new(source).collect_all(100))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "Cursors: pagination stopped: the server repeated cursor \"x\": cursor \"y\" names it as \
             the next page, and this stream has already fetched it"
        );
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[test]
    fn seen_memory_is_bounded() {
        let mut seen = Seen::default();
        for i in 0..SEEN_CAPACITY + 10 {
            seen.record_position(&Position::Number(i as i64));
            assert_eq!(seen.record_first_item(&i.to_string(), i + 1), None);
        }
        assert_eq!(seen.positions.len(), SEEN_CAPACITY);
        assert_eq!(seen.first_items.len(), SEEN_CAPACITY);
        assert_eq!(
            seen.record_first_item("0", 1),
            Some(1),
            "early ones are kept"
        );
    }

    #[test]
    fn max_pages_bounds_the_requests() {
        let (p, calls) = fake(vec![
            (vec!["a"], Some(1)),
            (vec!["b"], Some(2)),
            (vec!["c"], None),
        ]);
        let mut items = p.max_pages(2).into_stream();
        assert_eq!(block_on(items.next()).unwrap().unwrap(), "a");
        assert_eq!(block_on(items.next()).unwrap().unwrap(), "b");
        let err = block_on(items.next()).unwrap().unwrap_err().to_string();
        assert!(
            err.contains("bound of 2 pages") && err.contains("from page 2"),
            "{err}"
        );
        assert!(block_on(items.next()).is_none());
        assert_eq!(calls.load(Ordering::SeqCst), 2);

        // Exactly max_pages pages is not an error.
        let (p, _) = fake(vec![(vec!["a"], Some(1)), (vec!["b"], None)]);
        assert_eq!(block_on(p.max_pages(2).collect_all(5)).unwrap(), ["a", "b"]);
    }

    #[test]
    fn an_error_ends_the_stream() {
        let (p, calls) = fake(vec![(vec!["a"], Some(5))]);
        let mut items = p.into_stream();
        assert!(block_on(items.next()).unwrap().is_ok());
        assert!(block_on(items.next()).unwrap().is_err());
        assert!(block_on(items.next()).is_none());
        assert!(
            block_on(items.next()).is_none(),
            "fused: safe to poll after the end"
        );
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }
}
