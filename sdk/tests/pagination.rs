//! Pagination streams against a loopback replay server: stop rules of both styles, the
//! repeated-page guard, the page bound, the collection cap, and exactly which requests were sent.
//!
//! Cassettes come from `tests/pagination-cassettes/` (scenarios only pagination needs) and
//! `tests/cassettes/` (the shared page-by-page scenario). The replay server answers a request that
//! matches no unused interaction with a 599, so a stream that asked for one page too many fails.

use datadog_connections::models::{OrgConnection, TeamConnection};
use datadog_connections::pagination::{Items, Pages, Paginator, DEFAULT_MAX_PAGES};
use datadog_connections::{Client, Error};
use datadog_connections_replay::{Cassette, ReplayServer};
use futures_util::{StreamExt, TryStreamExt};
use std::path::PathBuf;

const SINK_ORG: &str = "83999dcd-7f97-11f0-8de1-1ecf66f1aa85";
const PAGE_BY_PAGE: &str =
    "../cassettes/list_team_connections/List-team-connections-page-by-page-returns-OK-response";

/// Loads `tests/pagination-cassettes/<name>.json` (or a path relative to that folder).
fn cassette(name: &str) -> Cassette {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/pagination-cassettes")
        .join(format!("{name}.json"));
    Cassette::load(&path).unwrap_or_else(|e| panic!("{e}"))
}

/// A replay server for the cassette, and a client pointed at it with every Preview enabled.
async fn serve(name: &str) -> (ReplayServer, Client, Cassette) {
    let cassette = cassette(name);
    let server = ReplayServer::start(cassette.interactions.clone())
        .await
        .expect("bind loopback");
    let client = Client::builder()
        .base_url(server.base_url())
        .api_key("test-api-key")
        .app_key("test-app-key")
        .enable_all_previews()
        .build()
        .expect("client");
    (server, client, cassette)
}

/// The query strings the server received, in order, with the pairs sorted by name.
fn sent(server: &ReplayServer) -> Vec<String> {
    server
        .received()
        .iter()
        .map(|request| {
            let mut pairs: Vec<String> = request
                .query
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            pairs.sort();
            format!("{} {}?{}", request.method, request.path, pairs.join("&"))
        })
        .collect()
}

fn team_queries(size: u32, numbers: &[u32], filters: &str) -> Vec<String> {
    numbers
        .iter()
        .map(|n| {
            format!("GET /api/v2/team/connections?{filters}page[number]={n}&page[size]={size}")
        })
        .collect()
}

fn org_queries(offsets: &[u32], filters: &str) -> Vec<String> {
    offsets
        .iter()
        .map(|o| format!("GET /api/v2/org_connections?limit=2&offset={o}{filters}"))
        .collect()
}

/// Asserts nothing was unmatched and exactly `unused` interactions were left over.
fn assert_clean(server: &ReplayServer, unused: &[usize]) {
    let mismatches = server.mismatches();
    assert!(
        mismatches.is_empty(),
        "unexpected request:\n{}",
        mismatches[0]
    );
    assert_eq!(server.unused(), unused, "interactions never requested");
}

/// The ids of the items of the cassette's responses, in order (interactions `range`).
fn recorded_ids(cassette: &Cassette, range: std::ops::Range<usize>) -> Vec<String> {
    cassette.interactions[range]
        .iter()
        .flat_map(|i| {
            let body: serde_json::Value = serde_json::from_str(&i.response.body).expect("JSON");
            body["data"].as_array().cloned().unwrap_or_default()
        })
        .map(|item| item["id"].as_str().expect("id").to_owned())
        .collect()
}

fn team_ids(items: &[TeamConnection]) -> Vec<String> {
    items.iter().map(|c| c.id.clone()).collect()
}

fn org_ids(items: &[OrgConnection]) -> Vec<String> {
    items.iter().map(|c| c.id.to_string()).collect()
}

fn pagination_error(error: &Error) -> String {
    match error {
        Error::Pagination { reason, .. } => format!("pagination stopped: {reason}"),
        other => panic!("expected a pagination error, got {other:?}"),
    }
}

// ---- Team Connections: page[number], stopping from meta.page ----

#[tokio::test]
async fn team_keeps_going_after_a_short_page_and_stops_on_a_full_last_page() {
    let (server, client, cassette) = serve("team-short-middle-page-full-last-page").await;
    let request = client
        .list_team_connections()
        .page_size(2)
        .filter_sources(["github"]);

    let items: Vec<TeamConnection> = request
        .into_stream()
        .try_collect()
        .await
        .expect("all pages");

    // Page 1 has one item (short, not last); page 2 is full and its next_number is null. A client
    // that stopped on a short page would miss page 2; one that waited for a short page would ask
    // for page 3 and get a 599.
    assert_eq!(team_ids(&items), recorded_ids(&cassette, 0..3));
    assert_eq!(items.len(), 5);
    assert_eq!(
        sent(&server),
        team_queries(2, &[0, 1, 2], "filter[sources]=github&")
    );
    assert_clean(&server, &[]);
}

#[tokio::test]
async fn team_pages_yield_whole_responses_with_meta() {
    let (server, client, _) = serve("team-short-middle-page-full-last-page").await;
    let pages: Vec<_> = client
        .list_team_connections()
        .page_size(2)
        .filter_sources(["github"])
        .pages()
        .try_collect()
        .await
        .expect("pages");

    let shape: Vec<(Option<i64>, usize)> = pages
        .iter()
        .map(|p| {
            (
                p.meta
                    .as_ref()
                    .and_then(|m| m.page.as_ref())
                    .and_then(|p| p.number),
                p.data.as_ref().map_or(0, Vec::len),
            )
        })
        .collect();
    assert_eq!(shape, [(Some(0), 2), (Some(1), 1), (Some(2), 2)]);
    assert_clean(&server, &[]);
}

#[tokio::test]
async fn team_shared_page_by_page_cassette() {
    let (server, client, cassette) = serve(PAGE_BY_PAGE).await;
    let items = client
        .list_team_connections()
        .page_size(2)
        .collect_all(100)
        .await
        .expect("all pages");
    assert_eq!(team_ids(&items), recorded_ids(&cassette, 0..3));
    assert_eq!(sent(&server), team_queries(2, &[0, 1, 2], ""));
    assert_clean(&server, &[]);
}

#[tokio::test]
async fn team_start_page_skips_earlier_pages() {
    let (server, client, cassette) = serve(PAGE_BY_PAGE).await;
    let items = client
        .list_team_connections()
        .page_size(2)
        .paginate()
        .start_page(1)
        .collect_all(100)
        .await
        .expect("pages 1-2");
    assert_eq!(team_ids(&items), recorded_ids(&cassette, 1..3));
    assert_eq!(sent(&server), team_queries(2, &[1, 2], ""));
    assert_clean(&server, &[0]);
}

#[tokio::test]
async fn team_stops_at_last_number_when_next_number_is_absent() {
    let (server, client, cassette) = serve("team-last-number-without-next-number").await;
    let items = client
        .list_team_connections()
        .page_size(2)
        .collect_all(100)
        .await
        .expect("pages");
    assert_eq!(team_ids(&items), recorded_ids(&cassette, 0..2));
    assert_eq!(sent(&server), team_queries(2, &[0, 1], ""));
    assert_clean(&server, &[]);
}

#[tokio::test]
async fn team_response_without_meta_is_the_last_page() {
    let (server, client, _) = serve("team-without-meta").await;
    let items = client
        .list_team_connections()
        .page_size(2)
        .collect_all(100)
        .await
        .expect("page");
    assert_eq!(items.len(), 2);
    assert_eq!(sent(&server), team_queries(2, &[0], ""));
    assert_clean(&server, &[]);
}

#[tokio::test]
async fn team_server_ignoring_page_number_is_caught_by_the_first_item_guard() {
    let (server, client, _) = serve("team-server-ignores-page-number").await;
    let mut items = client.list_team_connections().page_size(2).into_stream();

    let mut ok = 0;
    let error = loop {
        match items.next().await.expect("an error before the end") {
            Ok(_) => ok += 1,
            Err(error) => break error,
        }
    };
    assert_eq!(ok, 2, "the first page's items come through");
    let reason = pagination_error(&error);
    assert!(
        reason.starts_with(
            "pagination stopped: the server repeated a page: page 1 starts with the same item"
        ),
        "{reason}"
    );
    assert!(
        error.to_string().starts_with("ListTeamConnections: "),
        "{error}"
    );
    assert!(
        items.next().await.is_none(),
        "the stream ends after the error"
    );
    assert_eq!(sent(&server), team_queries(2, &[0, 1], ""));
    assert_clean(&server, &[]);
}

#[tokio::test]
async fn team_next_number_that_is_not_ahead_is_a_repeat() {
    let (server, client, cassette) = serve("team-next-number-repeats-page").await;
    let mut items = client.list_team_connections().page_size(2).into_stream();

    let mut ids = Vec::new();
    while let Some(item) = items.next().await {
        match item {
            Ok(item) => ids.push(item.id),
            Err(error) => {
                assert_eq!(
                    pagination_error(&error),
                    "pagination stopped: the server repeated page 1: page 1 names it as the next page"
                );
                break;
            }
        }
    }
    assert_eq!(
        ids,
        recorded_ids(&cassette, 0..2),
        "both distinct pages come through"
    );
    assert!(items.next().await.is_none());
    assert_eq!(
        sent(&server),
        team_queries(2, &[0, 1], ""),
        "page 1 is not requested twice"
    );
    assert_clean(&server, &[]);
}

#[tokio::test]
async fn max_pages_bounds_the_requests_and_reports_the_rest() {
    let (server, client, cassette) = serve(PAGE_BY_PAGE).await;
    let mut items = client
        .list_team_connections()
        .page_size(2)
        .paginate()
        .max_pages(2)
        .into_stream();

    let mut ids = Vec::new();
    let error = loop {
        match items.next().await.expect("an error before the end") {
            Ok(item) => ids.push(item.id),
            Err(error) => break error,
        }
    };
    assert_eq!(ids, recorded_ids(&cassette, 0..2));
    let reason = pagination_error(&error);
    assert!(
        reason.contains("bound of 2 pages") && reason.contains("more from page 2"),
        "{reason}"
    );
    assert_eq!(sent(&server), team_queries(2, &[0, 1], ""));
    assert_clean(&server, &[2]);
    assert_eq!(DEFAULT_MAX_PAGES, 10_000);
}

#[tokio::test]
async fn an_api_error_on_a_later_page_ends_the_stream() {
    let (server, client, _) = serve("team-forbidden-on-second-page").await;
    let mut items = client.list_team_connections().page_size(2).into_stream();
    assert!(items.next().await.expect("item").is_ok());
    assert!(items.next().await.expect("item").is_ok());
    let error = items.next().await.expect("the error").expect_err("403");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(403), "{error}");
    assert!(items.next().await.is_none());
    assert_eq!(sent(&server), team_queries(2, &[0, 1], ""));
    assert_clean(&server, &[]);
}

#[tokio::test]
async fn preview_check_happens_before_any_page() {
    let server = ReplayServer::start(Vec::new()).await.expect("bind");
    let client = Client::builder()
        .base_url(server.base_url())
        .api_key("k")
        .app_key("k")
        .build()
        .expect("client");
    let mut items = client.list_team_connections().into_stream();
    let error = items
        .next()
        .await
        .expect("the error")
        .expect_err("not enabled");
    assert!(
        matches!(
            error,
            Error::PreviewNotEnabled {
                operation: "ListTeamConnections"
            }
        ),
        "{error:?}"
    );
    assert!(items.next().await.is_none());
    assert!(server.received().is_empty());
}

// ---- Org Connections: limit/offset, stopping at total_filtered_count ----

#[tokio::test]
async fn org_advances_by_items_received_until_total_filtered_count() {
    let (server, client, cassette) = serve("org-by-offset-until-total-filtered-count").await;
    let request = client.list_org_connections().limit(2).sink_org_id(SINK_ORG);
    let items: Vec<OrgConnection> = request
        .into_stream()
        .try_collect()
        .await
        .expect("all pages");

    // total_count is 9 but total_filtered_count is 5: the stream stops at offset 5. The middle page
    // is short (1 item), so the next offset is 3, not 4.
    assert_eq!(org_ids(&items), recorded_ids(&cassette, 0..3));
    assert_eq!(
        sent(&server),
        org_queries(&[0, 2, 3], &format!("&sink_org_id={SINK_ORG}"))
    );
    assert_clean(&server, &[]);
}

#[tokio::test]
async fn org_start_offset() {
    let (server, client, cassette) = serve("org-by-offset-until-total-filtered-count").await;
    let pages: Vec<_> = client
        .list_org_connections()
        .limit(2)
        .sink_org_id(SINK_ORG)
        .paginate()
        .start_offset(2)
        .pages()
        .try_collect()
        .await
        .expect("pages");
    assert_eq!(
        pages.iter().map(|p| p.data.len()).collect::<Vec<_>>(),
        [1, 2]
    );
    let ids: Vec<String> = pages.iter().flat_map(|p| org_ids(&p.data)).collect();
    assert_eq!(ids, recorded_ids(&cassette, 1..3));
    assert_eq!(
        sent(&server),
        org_queries(&[2, 3], &format!("&sink_org_id={SINK_ORG}"))
    );
    assert_clean(&server, &[0]);
}

#[tokio::test]
async fn org_falls_back_to_total_count() {
    let (server, client, cassette) = serve("org-by-offset-until-total-count").await;
    let items = client
        .list_org_connections()
        .limit(2)
        .collect_all(100)
        .await
        .expect("pages");
    assert_eq!(org_ids(&items), recorded_ids(&cassette, 0..2));
    assert_eq!(sent(&server), org_queries(&[0, 2], ""));
    assert_clean(&server, &[]);
}

#[tokio::test]
async fn org_without_counts_stops_on_an_empty_page() {
    let (server, client, _) = serve("org-by-offset-until-empty-page").await;
    let items = client
        .list_org_connections()
        .limit(2)
        .collect_all(100)
        .await
        .expect("pages");
    assert_eq!(items.len(), 2);
    assert_eq!(sent(&server), org_queries(&[0, 2], ""));
    assert_clean(&server, &[]);
}

#[tokio::test]
async fn org_server_ignoring_offset_is_caught() {
    let (server, client, _) = serve("org-server-ignores-offset").await;
    let error = client
        .list_org_connections()
        .limit(2)
        .collect_all(100)
        .await
        .expect_err("repeat");
    let reason = pagination_error(&error);
    assert!(
        reason.contains("the server repeated a page: offset 2 starts with the same item"),
        "{reason}"
    );
    assert!(
        error.to_string().starts_with("ListOrgConnections: "),
        "{error}"
    );
    assert_eq!(sent(&server), org_queries(&[0, 2], ""));
    assert_clean(&server, &[]);
}

#[tokio::test]
async fn org_server_alternating_two_pages_is_caught_on_the_third() {
    use datadog_connections_replay::fault::{Fault, FaultServer};
    // Pages A and B, alternating forever while the offset advances: no two adjacent pages start
    // alike, and the listing claims 1,000,000 items.
    let page = |ids: [&str; 2]| {
        let items: Vec<String> = ids
            .iter()
            .map(|id| {
                format!(
                    r#"{{"id":"{id}","type":"org_connection","attributes":{{"connection_types":["logs"],"created_at":"2023-01-01T12:00:00Z"}},"relationships":{{}}}}"#
                )
            })
            .collect();
        Fault::json(
            200,
            format!(
                r#"{{"data":[{}],"meta":{{"page":{{"total_count":1000000,"total_filtered_count":1000000}}}}}}"#,
                items.join(",")
            ),
        )
    };
    let a = page([
        "00000000-0000-4000-8000-00000000000a",
        "00000000-0000-4000-8000-00000000000b",
    ]);
    let b = page([
        "00000000-0000-4000-8000-00000000000c",
        "00000000-0000-4000-8000-00000000000d",
    ]);
    let faults = (0..20)
        .map(|i| if i % 2 == 0 { a.clone() } else { b.clone() })
        .collect();
    let server = FaultServer::start(faults).await.expect("bind loopback");
    let client = Client::builder()
        .base_url(server.base_url())
        .api_key("test-api-key")
        .app_key("test-app-key")
        .build()
        .expect("client");
    let mut items = client.list_org_connections().limit(2).into_stream();
    let mut ids = Vec::new();
    let error = loop {
        match items.try_next().await {
            Ok(Some(item)) => ids.push(item.id.to_string()),
            Ok(None) => panic!("the stream ended without noticing the cycle"),
            Err(error) => break error,
        }
    };
    let reason = pagination_error(&error);
    assert!(
        reason.contains(
            "the server repeated a page: offset 4 starts with the same item \
             (00000000-0000-4000-8000-00000000000a) as page 1 of this stream, 2 pages earlier"
        ),
        "{reason}"
    );
    assert_eq!(ids.len(), 4, "no item was handed out twice: {ids:?}");
    assert_eq!(server.request_count(), 3);
    assert!(items.try_next().await.expect("ended").is_none());
}

// ---- collect_all's cap ----

#[tokio::test]
async fn collect_all_cap_is_an_error_not_a_truncation() {
    // Exactly the cap: fine.
    let (server, client, _) = serve("org-by-offset-until-total-filtered-count").await;
    let items = client
        .list_org_connections()
        .limit(2)
        .sink_org_id(SINK_ORG)
        .collect_all(5)
        .await
        .expect("5 items");
    assert_eq!(items.len(), 5);
    assert_clean(&server, &[]);

    // Fewer than there are: an error, raised as soon as the 3rd item arrives (offset 3 is never
    // requested).
    let (server, client, _) = serve("org-by-offset-until-total-filtered-count").await;
    let error = client
        .list_org_connections()
        .limit(2)
        .sink_org_id(SINK_ORG)
        .collect_all(2)
        .await
        .expect_err("over the cap");
    assert_eq!(
        pagination_error(&error),
        "pagination stopped: more than 2 items (the collect_all cap); raise the cap or process the stream item by item"
    );
    assert_eq!(
        sent(&server),
        org_queries(&[0, 2], &format!("&sink_org_id={SINK_ORG}"))
    );
    assert_clean(&server, &[2]);

    // Truncating on purpose is `take`.
    let (server, client, cassette) = serve("org-by-offset-until-total-filtered-count").await;
    let first: Vec<OrgConnection> = client
        .list_org_connections()
        .limit(2)
        .sink_org_id(SINK_ORG)
        .into_stream()
        .take(3)
        .try_collect()
        .await
        .expect("3 items");
    assert_eq!(org_ids(&first), recorded_ids(&cassette, 0..2));
    assert_clean(&server, &[2]);
}

// ---- Types ----

fn assert_send_static<T: Send + 'static>(_: &T) {}

#[tokio::test]
async fn streams_are_static_and_send() {
    let (server, client, cassette) = serve(PAGE_BY_PAGE).await;
    let items: Items<TeamConnection> = client.list_team_connections().page_size(2).into_stream();
    let pages: Pages<_> = client.list_org_connections().pages();
    let paginator: Paginator<_> = client.list_org_connections().paginate();
    let collect = client.list_org_connections().collect_all(1);
    assert_send_static(&items);
    assert_send_static(&pages);
    assert_send_static(&paginator);
    assert_send_static(&collect);
    drop((pages, paginator, collect));
    drop(client); // the stream owns its own clone of the client

    // Moved to another task: needs Send + 'static.
    let task = tokio::spawn(items.try_collect::<Vec<_>>());
    let items = task.await.expect("task").expect("pages");
    assert_eq!(team_ids(&items), recorded_ids(&cassette, 0..3));
    assert_clean(&server, &[]);
}
