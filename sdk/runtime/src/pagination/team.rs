//! Team Connections pagination: `page[number]`, stopping from `meta.page`.

use super::sealed::{PageSource, Step};
use super::{Items, Pages, Paginator};
use crate::models::{TeamConnection, TeamConnectionsResponse};
use crate::operations::ListTeamConnectionsRequest;
use crate::Error;
use std::future::Future;

impl PageSource for ListTeamConnectionsRequest {
    type Page = TeamConnectionsResponse;
    type Item = TeamConnection;
    const OPERATION: &'static str = "ListTeamConnections";

    fn fetch(self, position: i64) -> impl Future<Output = Result<Self::Page, Error>> + Send {
        self.page_number(position).send()
    }

    /// `next_number: null` or `number >= last_number` ends the listing; a `next_number` that is not
    /// after the requested page is a repeat. Without `meta.page` (or with neither `next_number` nor
    /// `last_number`) there is no way to know whether more pages exist, so the listing ends there:
    /// guessing `number + 1` could loop on a server that ignores `page[number]`.
    fn step(page: &Self::Page, position: i64) -> Step {
        let Some(meta) = page.meta.as_ref().and_then(|meta| meta.page.as_ref()) else {
            return Step::Stop;
        };
        let number = meta.number.unwrap_or(position);
        if meta.last_number.is_some_and(|last| number >= last) {
            return Step::Stop;
        }
        match meta.next_number {
            Some(None) => Step::Stop,
            Some(Some(next)) if next <= position => Step::Repeats(next),
            Some(Some(next)) => Step::Next(next),
            // No next_number, but a last_number that is still ahead.
            None if meta.last_number.is_some() => {
                number.checked_add(1).filter(|&n| n > position).map_or(Step::Stop, Step::Next)
            }
            None => Step::Stop,
        }
    }

    fn first_id(page: &Self::Page) -> Option<String> {
        page.data.as_ref()?.first().map(|connection| connection.id.clone())
    }

    fn into_items(page: Self::Page) -> Vec<Self::Item> {
        page.data.unwrap_or_default()
    }

    fn describe(position: i64) -> String {
        format!("page {position}")
    }
}

/// Pagination (hand-written; see [`crate::pagination`]).
impl ListTeamConnectionsRequest {
    /// Pagination settings for this request: start page, page bound; then a stream or a collection.
    ///
    /// Filters and `page_size` are sent with every page. `page[number]` is set by the paginator on
    /// every request, starting at [`Paginator::start_page`] (default 0), so a `page_number` set on
    /// this request is replaced.
    pub fn paginate(self) -> Paginator<Self> {
        Paginator::new(self)
    }

    /// Every page from page 0, as whole responses (`meta` included); see [`Paginator::pages`].
    ///
    /// Stops when `meta.page.next_number` is `null`, when `meta.page.number` reaches
    /// `meta.page.last_number`, or after a response without `meta.page`. A short page does not end
    /// the listing.
    pub fn pages(self) -> Pages<TeamConnectionsResponse> {
        self.paginate().pages()
    }

    /// Every team connection of every page from page 0, one page in memory at a time; see
    /// [`Paginator::into_stream`].
    pub fn into_stream(self) -> Items<TeamConnection> {
        self.paginate().into_stream()
    }

    /// Every team connection, failing when there are more than `max_items`; see
    /// [`Items::collect_all`].
    ///
    /// # Errors
    ///
    /// The first error of any page, a [safety bound](crate::pagination#safety-bounds), or more than
    /// `max_items` items.
    pub async fn collect_all(self, max_items: usize) -> Result<Vec<TeamConnection>, Error> {
        self.paginate().collect_all(max_items).await
    }
}

impl Paginator<ListTeamConnectionsRequest> {
    /// The first page number to request (default 0, the API's first page).
    pub fn start_page(mut self, page_number: i64) -> Self {
        self.start = page_number;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{ConnectionsPagePagination, ConnectionsResponseMeta};

    fn page(meta: Option<ConnectionsPagePagination>) -> TeamConnectionsResponse {
        let response = TeamConnectionsResponse::new().data(vec![TeamConnection::new("a".to_owned())]);
        match meta {
            Some(page) => response.meta(ConnectionsResponseMeta::new().page(page)),
            None => response,
        }
    }

    fn step(meta: Option<ConnectionsPagePagination>, position: i64) -> Step {
        <ListTeamConnectionsRequest as PageSource>::step(&page(meta), position)
    }

    #[test]
    fn stop_rules() {
        let p = ConnectionsPagePagination::new;
        // next_number decides, whatever the page size.
        assert_eq!(step(Some(p().number(0).next_number(Some(1)).last_number(2)), 0), Step::Next(1));
        assert_eq!(step(Some(p().number(2).next_number(None).last_number(2)), 2), Step::Stop);
        assert_eq!(step(Some(p().number(1).next_number(None)), 1), Step::Stop);
        // number >= last_number stops even when next_number says otherwise.
        assert_eq!(step(Some(p().number(2).next_number(Some(3)).last_number(2)), 2), Step::Stop);
        // Without next_number, last_number still ahead: the following page.
        assert_eq!(step(Some(p().number(0).last_number(1)), 0), Step::Next(1));
        assert_eq!(step(Some(p().number(1).last_number(1)), 1), Step::Stop);
        // Neither, or no meta at all: stop after this page.
        assert_eq!(step(Some(p().number(0)), 0), Step::Stop);
        assert_eq!(step(None, 0), Step::Stop);
        // A next page that is not after the requested one is a repeat.
        assert_eq!(step(Some(p().number(1).next_number(Some(1)).last_number(5)), 1), Step::Repeats(1));
        assert_eq!(step(Some(p().number(3).next_number(Some(0))), 3), Step::Repeats(0));
        // The requested position counts when the server omits number.
        assert_eq!(step(Some(p().next_number(Some(4))), 3), Step::Next(4));
    }
}
