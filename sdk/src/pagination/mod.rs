//! Paging through list operations as streams: one page at a time, in constant memory.
//!
//! The two list operations page differently, and both are handled by one stream implementation.
//! A small adapter (one per list request) only says how to ask for a page and how to read the next
//! position from a response:
//!
//! | Request | Position sent | Stops when |
//! |---|---|---|
//! | [`ListTeamConnectionsRequest`] | `page[number]` (from [`Paginator::start_page`], default 0) | `meta.page.next_number` is `null`, or `meta.page.number` ≥ `meta.page.last_number`, or the response has no `meta.page` |
//! | [`ListOrgConnectionsRequest`] | `offset` (from [`Paginator::start_offset`], default 0), advanced by the number of items received | the offset reaches `meta.page.total_filtered_count` (else `total_count`), or a page is empty |
//!
//! A short page is **not** an end signal: the Team Connections API can return fewer items than
//! `page[size]` before its last page, and a full page can be the last one. The page size (`page_size`,
//! `limit`) and every filter set on the request are sent unchanged with every page; the position
//! (`page_number`, `offset`) is set by the paginator on every request, so a value set on the request
//! itself is replaced.
//!
//! ```no_run
//! use datadog_connections::{ClientBuilder, Error};
//! use futures_util::{StreamExt, TryStreamExt};
//!
//! # async fn run() -> Result<(), Error> {
//! let client = ClientBuilder::from_env().enable_preview("ListTeamConnections").build()?;
//!
//! // Item by item; only one page is held in memory at a time.
//! let mut connections = client.list_team_connections().page_size(100).into_stream();
//! while let Some(connection) = connections.try_next().await? {
//!     println!("{}", connection.id);
//! }
//!
//! // Whole pages, with their `meta`, starting at offset 200, at most 50 pages.
//! let mut pages = client.list_org_connections().limit(100).paginate().start_offset(200).max_pages(50).pages();
//! while let Some(page) = pages.next().await {
//!     println!("{} connections", page?.data.len());
//! }
//!
//! // Everything at once, failing rather than holding more than 10 000 items.
//! let all = client.list_org_connections().collect_all(10_000).await?;
//! # let _ = all;
//! # Ok(())
//! # }
//! ```
//!
//! # Safety bounds
//!
//! - **Repeated pages.** A server that ignores the position would make a naive loop run forever. The
//!   stream ends with an error when a page starts with the same item as the page before it, or when
//!   a Team Connections page names a next page number that is not after the one just requested.
//! - **Page bound.** A stream fetches at most [`DEFAULT_MAX_PAGES`] pages unless
//!   [`Paginator::max_pages`] says otherwise; when the server still reports more pages after that,
//!   the stream ends with an error instead of stopping silently.
//! - **Collection cap.** [`Items::collect_all`] (and the `collect_all` methods built on it) fails
//!   when there are more items than the cap, rather than truncating. To take at most `n` items
//!   on purpose, use `into_stream().take(n)`.
//!
//! These errors are [`Error::Pagination`] with the list operation's id and a reason that names the
//! page, offset or cap (displayed as `<operation>: pagination stopped: <reason>`). After any
//! error, including an API error for one page, the stream ends.
//!
//! [`ListTeamConnectionsRequest`]: crate::operations::ListTeamConnectionsRequest
//! [`ListOrgConnectionsRequest`]: crate::operations::ListOrgConnectionsRequest

mod org;
mod team;

use crate::Error;
use futures_core::Stream;
use futures_util::stream::{self, BoxStream, StreamExt, TryStreamExt};
use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

/// How many pages a stream fetches at most, unless [`Paginator::max_pages`] sets another bound.
///
/// With the largest page sizes (100 team connections, 1000 org connections) this is a million or
/// ten million items: far beyond any real listing, so reaching it means the server keeps announcing
/// pages that do not end.
pub const DEFAULT_MAX_PAGES: usize = 10_000;

/// The adapter between a list request and the one pagination loop. Sealed: implemented only by the
/// SDK's list requests.
mod sealed {
    use crate::Error;
    use std::future::Future;

    /// What to do after a page.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Step {
        /// This was the last page.
        Stop,
        /// Fetch the page at this position next.
        Next(i64),
        /// The response names this position as the next one, but it is not after the position just
        /// requested: following it would fetch a page again.
        Repeats(i64),
    }

    /// A list request that the pagination loop can drive.
    pub trait PageSource: Clone + Send + Sync + 'static {
        /// A whole response.
        type Page: Send + 'static;
        /// One item of a page.
        type Item: Send + 'static;
        /// The operation id, for errors and traces.
        const OPERATION: &'static str;

        /// Sends the request for the page at `position` (a page number or an offset).
        fn fetch(self, position: i64) -> impl Future<Output = Result<Self::Page, Error>> + Send;

        /// Where to go after `page`, which was requested at `position`.
        fn step(page: &Self::Page, position: i64) -> Step;

        /// The id of the page's first item, for the repeated-page guard.
        fn first_id(page: &Self::Page) -> Option<String>;

        /// The page's items.
        fn into_items(page: Self::Page) -> Vec<Self::Item>;

        /// The position in words, for error messages: `page 3`, `offset 200`.
        fn describe(position: i64) -> String;
    }
}

use sealed::{PageSource, Step};

/// A list request that can be paged through: [`ListTeamConnectionsRequest`] and
/// [`ListOrgConnectionsRequest`]. This trait is sealed; it only appears in bounds.
///
/// [`ListTeamConnectionsRequest`]: crate::operations::ListTeamConnectionsRequest
/// [`ListOrgConnectionsRequest`]: crate::operations::ListOrgConnectionsRequest
pub trait Paginate: PageSource {}

impl<R: PageSource> Paginate for R {}

/// Pagination settings for one list request; created by the request's `paginate()` method.
///
/// It does nothing until it is turned into a stream with [`pages`](Self::pages) or
/// [`into_stream`](Self::into_stream), or collected with [`collect_all`](Self::collect_all). Those
/// streams end after the last page or the first error, and keep returning `None` after that.
#[derive(Debug, Clone)]
#[must_use = "a paginator does nothing until it is turned into a stream"]
pub struct Paginator<R> {
    request: R,
    start: i64,
    max_pages: usize,
}

impl<R: Paginate> Paginator<R> {
    pub(crate) fn new(request: R) -> Self {
        Paginator { request, start: 0, max_pages: DEFAULT_MAX_PAGES }
    }

    /// Fetches at most `max_pages` pages (at least one); the default is [`DEFAULT_MAX_PAGES`].
    ///
    /// When the server still reports more pages after the last one allowed, the stream yields that
    /// page and then ends with an error, so a listing is never cut short without notice.
    pub fn max_pages(mut self, max_pages: usize) -> Self {
        self.max_pages = max_pages.max(1);
        self
    }

    /// A stream of whole responses, `meta` included, one request per page.
    ///
    /// The stream is `'static` and `Send` (it owns a clone of the client) and holds one page at a
    /// time. It ends after the last page, or after the first error.
    pub fn pages(self) -> Pages<R::Page> {
        Pages { inner: page_stream(self), operation: R::OPERATION }
    }

    /// A stream of the items of every page, in order.
    ///
    /// It fetches the next page only when the items of the current one have been taken, and ends
    /// after the last item or after the first error.
    pub fn into_stream(self) -> Items<R::Item> {
        let items =
            self.pages().map_ok(|page| stream::iter(R::into_items(page).into_iter().map(Ok))).try_flatten().boxed();
        Items { inner: items, operation: R::OPERATION }
    }

    /// Collects every item into a `Vec`, failing when there are more than `max_items`.
    ///
    /// See [`Items::collect_all`].
    ///
    /// # Errors
    ///
    /// The first error of any page, a [safety bound](self#safety-bounds), or more than `max_items`
    /// items.
    pub async fn collect_all(self, max_items: usize) -> Result<Vec<R::Item>, Error> {
        self.into_stream().collect_all(max_items).await
    }
}

/// The state of the pagination loop between two pages.
enum State {
    /// Fetch the page at `position`.
    Fetch { position: i64, fetched: usize, previous_first: Option<String> },
    /// Yield this error, then end.
    Fail(Error),
    /// The stream has ended.
    Done,
}

/// The one pagination loop, shared by every list request.
fn page_stream<R: Paginate>(paginator: Paginator<R>) -> BoxStream<'static, Result<R::Page, Error>> {
    let Paginator { request, start, max_pages } = paginator;
    let initial = State::Fetch { position: start, fetched: 0, previous_first: None };
    stream::unfold(initial, move |state: State| {
        let request = request.clone();
        async move {
            let (position, fetched, previous_first) = match state {
                State::Done => return None,
                State::Fail(error) => return Some((Err(error), State::Done)),
                State::Fetch { position, fetched, previous_first } => (position, fetched, previous_first),
            };
            tracing::debug!(operation = R::OPERATION, position, "fetching page");
            let page = match request.fetch(position).await {
                Ok(page) => page,
                Err(error) => return Some((Err(error), State::Done)),
            };
            let fetched = fetched + 1;
            let first = R::first_id(&page);
            if let (Some(previous), Some(first)) = (&previous_first, &first) {
                if previous == first {
                    let reason = format!(
                        "the server repeated a page: {} starts with the same item ({first}) as the page before it",
                        R::describe(position),
                    );
                    return Some((Err(stopped::<R>(reason)), State::Done));
                }
            }
            let next = match R::step(&page, position) {
                Step::Stop => State::Done,
                Step::Repeats(next) => State::Fail(stopped::<R>(format!(
                    "the server repeated {}: {} names it as the next page",
                    R::describe(next),
                    R::describe(position),
                ))),
                Step::Next(next) if fetched >= max_pages => State::Fail(stopped::<R>(format!(
                    "reached the bound of {max_pages} pages, and the server reports more from {}; \
                     raise it with Paginator::max_pages",
                    R::describe(next),
                ))),
                Step::Next(next) => State::Fetch { position: next, fetched, previous_first: first },
            };
            Some((Ok(page), next))
        }
    })
    .fuse() // polling after the end keeps returning `None`
    .boxed()
}

/// A pagination error of operation `R`.
fn stopped<R: Paginate>(reason: String) -> Error {
    Error::Pagination { operation: R::OPERATION, reason }
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
        f.debug_struct("Pages").field("operation", &self.operation).finish_non_exhaustive()
    }
}

/// A stream of list items across pages; see [`Paginator::into_stream`].
///
/// `Unpin`, `Send` and `'static`: use it with `StreamExt::next` or `TryStreamExt::try_next` directly.
#[must_use = "streams do nothing unless polled"]
pub struct Items<T> {
    inner: BoxStream<'static, Result<T, Error>>,
    operation: &'static str,
}

impl<T> Stream for Items<T> {
    type Item = Result<T, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}

impl<T> fmt::Debug for Items<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items").field("operation", &self.operation).finish_non_exhaustive()
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
    /// # Errors
    ///
    /// The stream's first error, or [`Error::Pagination`] (`more than N items`) when the stream
    /// holds more than `max_items` items.
    pub async fn collect_all(mut self, max_items: usize) -> Result<Vec<T>, Error> {
        let mut items = Vec::new();
        while let Some(item) = self.inner.next().await {
            let item = item?;
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

    /// A fake source: `pages[position]` is the page at that position (items, step).
    #[derive(Clone)]
    struct Fake {
        pages: Arc<Vec<(Vec<&'static str>, Step)>>,
        calls: Arc<AtomicUsize>,
    }

    impl PageSource for Fake {
        type Page = (Vec<&'static str>, Step);
        type Item = &'static str;
        const OPERATION: &'static str = "Fake";

        async fn fetch(self, position: i64) -> Result<Self::Page, Error> {
            self.calls.fetch_add(1, Ordering::SeqCst);
            let page = usize::try_from(position).ok().and_then(|p| self.pages.get(p).cloned());
            page.ok_or(Error::InvalidRequest { operation: "Fake", reason: format!("no page {position}") })
        }

        fn step(page: &Self::Page, _position: i64) -> Step {
            page.1
        }

        fn first_id(page: &Self::Page) -> Option<String> {
            page.0.first().map(|s| (*s).to_owned())
        }

        fn into_items(page: Self::Page) -> Vec<Self::Item> {
            page.0
        }

        fn describe(position: i64) -> String {
            format!("page {position}")
        }
    }

    fn fake(pages: Vec<(Vec<&'static str>, Step)>) -> (Paginator<Fake>, Arc<AtomicUsize>) {
        let calls = Arc::new(AtomicUsize::new(0));
        (Paginator::new(Fake { pages: Arc::new(pages), calls: Arc::clone(&calls) }), calls)
    }

    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread().build().map(|rt| rt.block_on(future)).unwrap()
    }

    #[test]
    fn follows_steps_and_stops() {
        let (p, calls) =
            fake(vec![(vec!["a", "b"], Step::Next(1)), (vec!["c"], Step::Next(2)), (vec!["d", "e"], Step::Stop)]);
        assert_eq!(block_on(p.collect_all(10)).unwrap(), ["a", "b", "c", "d", "e"]);
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[test]
    fn cap_is_an_error_and_exact_cap_is_fine() {
        let pages = vec![(vec!["a", "b"], Step::Next(1)), (vec!["c"], Step::Stop)];
        let (p, _) = fake(pages.clone());
        assert_eq!(block_on(p.collect_all(3)).unwrap().len(), 3);
        let (p, _) = fake(pages);
        let err = block_on(p.collect_all(2)).unwrap_err().to_string();
        assert!(err.contains("more than 2 items"), "{err}");
    }

    #[test]
    fn repeated_first_item_and_backwards_step_are_errors() {
        let (p, calls) = fake(vec![(vec!["a"], Step::Next(1)), (vec!["a"], Step::Next(2))]);
        let err = block_on(p.collect_all(10)).unwrap_err().to_string();
        assert!(err.contains("repeated a page: page 1 starts with the same item (a)"), "{err}");
        assert_eq!(calls.load(Ordering::SeqCst), 2);

        let (p, calls) = fake(vec![(vec!["a"], Step::Repeats(0))]);
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
    fn max_pages_bounds_the_requests() {
        let (p, calls) = fake(vec![(vec!["a"], Step::Next(1)), (vec!["b"], Step::Next(2)), (vec!["c"], Step::Stop)]);
        let mut items = p.max_pages(2).into_stream();
        assert_eq!(block_on(items.next()).unwrap().unwrap(), "a");
        assert_eq!(block_on(items.next()).unwrap().unwrap(), "b");
        let err = block_on(items.next()).unwrap().unwrap_err().to_string();
        assert!(err.contains("bound of 2 pages") && err.contains("from page 2"), "{err}");
        assert!(block_on(items.next()).is_none());
        assert_eq!(calls.load(Ordering::SeqCst), 2);

        // Exactly max_pages pages is not an error.
        let (p, _) = fake(vec![(vec!["a"], Step::Next(1)), (vec!["b"], Step::Stop)]);
        assert_eq!(block_on(p.max_pages(2).collect_all(5)).unwrap(), ["a", "b"]);
    }

    #[test]
    fn an_error_ends_the_stream() {
        let (p, calls) = fake(vec![(vec!["a"], Step::Next(5))]);
        let mut items = p.into_stream();
        assert!(block_on(items.next()).unwrap().is_ok());
        assert!(block_on(items.next()).unwrap().is_err());
        assert!(block_on(items.next()).is_none());
        assert!(block_on(items.next()).is_none(), "fused: safe to poll after the end");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }
}
