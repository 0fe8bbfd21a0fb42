//! Org Connections pagination: `limit`/`offset`, stopping at `meta.page.total_filtered_count`.

use super::sealed::{PageSource, Step};
use super::{Items, Pages, Paginator};
use crate::models::{OrgConnection, OrgConnectionListResponse};
use crate::operations::ListOrgConnectionsRequest;
use crate::Error;
use std::future::Future;

impl PageSource for ListOrgConnectionsRequest {
    type Page = OrgConnectionListResponse;
    type Item = OrgConnection;
    const OPERATION: &'static str = "ListOrgConnections";

    fn fetch(self, position: i64) -> impl Future<Output = Result<Self::Page, Error>> + Send {
        self.offset(position).send()
    }

    /// The next offset is this one plus the number of items received (not `limit`: the server may
    /// cap it). The listing ends on an empty page, or when the next offset reaches
    /// `total_filtered_count` (the count matching the filters; `total_count` when it is absent).
    /// Without either count, it ends on the first empty page.
    fn step(page: &Self::Page, position: i64) -> Step {
        let received = i64::try_from(page.data.len()).unwrap_or(i64::MAX);
        if received == 0 {
            return Step::Stop;
        }
        let Some(next) = position.checked_add(received) else {
            return Step::Stop;
        };
        let counts = page.meta.as_ref().and_then(|meta| meta.page.as_ref());
        let total = counts.and_then(|counts| counts.total_filtered_count.or(counts.total_count));
        match total {
            Some(total) if next >= total => Step::Stop,
            _ => Step::Next(next),
        }
    }

    fn first_id(page: &Self::Page) -> Option<String> {
        page.data.first().map(|connection| connection.id.to_string())
    }

    fn into_items(page: Self::Page) -> Vec<Self::Item> {
        page.data
    }

    fn describe(position: i64) -> String {
        format!("offset {position}")
    }
}

/// Pagination (hand-written; see [`crate::pagination`]).
impl ListOrgConnectionsRequest {
    /// Pagination settings for this request: start offset, page bound; then a stream or a collection.
    ///
    /// Filters and `limit` (the page size) are sent with every page. `offset` is set by the
    /// paginator on every request, starting at [`Paginator::start_offset`] (default 0), so an
    /// `offset` set on this request is replaced.
    pub fn paginate(self) -> Paginator<Self> {
        Paginator::new(self)
    }

    /// Every page from offset 0, as whole responses (`meta` included); see [`Paginator::pages`].
    ///
    /// The offset advances by the number of items received. Stops when it reaches
    /// `meta.page.total_filtered_count` (`total_count` when that is absent), or on an empty page.
    pub fn pages(self) -> Pages<OrgConnectionListResponse> {
        self.paginate().pages()
    }

    /// Every org connection of every page from offset 0, one page in memory at a time; see
    /// [`Paginator::into_stream`].
    pub fn into_stream(self) -> Items<OrgConnection> {
        self.paginate().into_stream()
    }

    /// Every org connection, failing when there are more than `max_items`; see
    /// [`Items::collect_all`].
    ///
    /// # Errors
    ///
    /// The first error of any page, a [safety bound](crate::pagination#safety-bounds), or more than
    /// `max_items` items.
    pub async fn collect_all(self, max_items: usize) -> Result<Vec<OrgConnection>, Error> {
        self.paginate().collect_all(max_items).await
    }
}

impl Paginator<ListOrgConnectionsRequest> {
    /// The first offset to request (default 0).
    pub fn start_offset(mut self, offset: i64) -> Self {
        self.start = offset;
        self
    }
}
