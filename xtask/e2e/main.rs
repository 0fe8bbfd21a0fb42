//! End-to-end checks of the crate generated from Datadog's full v2 spec, against loopback
//! `FaultServer`s.
//!
//! `cargo xtask v2-e2e` copies this file (the template `xtask/e2e/main.rs`) into a scratch crate
//! beside the generated `datadog-api-v2` crate, builds it with only the features it uses and runs
//! it. Each scenario scripts the server's responses, drives the generated client, then checks every
//! request the server received. The program prints a table and exits non-zero on any failure.

use std::fmt::Display;
use std::process::ExitCode;
use std::time::Duration;

use datadog_api_v2::{Client, Error};
use datadog_connections_replay::fault::{Fault, FaultServer};
use datadog_connections_replay::ReceivedRequest;
use futures_util::StreamExt;
use openapi_sdk_runtime::ConfigError;
use serde_json::json;

const API_KEY: &str = "e2e-api-key";
const APP_KEY: &str = "e2e-app-key";
/// A scenario that takes longer than this is stuck (the servers answer at once).
const SCENARIO_TIMEOUT: Duration = Duration::from_secs(60);

/// What a scenario saw: the pages requested and the items read.
#[derive(Debug, Default)]
struct Seen {
    pages: usize,
    items: usize,
}

type Outcome = Result<Seen, String>;

#[tokio::main]
async fn main() -> ExitCode {
    let scenarios: Vec<(&str, Outcome)> = vec![
        (
            "cursor: ListAuditLogs (page[cursor] <- meta.page.after)",
            run(cursor_list_audit_logs()).await,
        ),
        (
            "offset: ListInvestigations (page[offset], Preview)",
            run(offset_list_investigations()).await,
        ),
        (
            "page number: ListDevices (page[number])",
            run(page_number_list_devices()).await,
        ),
        (
            "preview: ListMemberTeams (enable_preview)",
            run(preview_list_member_teams()).await,
        ),
    ];

    println!("| scenario | pages | items | pass |");
    println!("|---|---|---|---|");
    let mut failures = Vec::new();
    for (name, outcome) in &scenarios {
        match outcome {
            Ok(seen) => println!("| {name} | {} | {} | yes |", seen.pages, seen.items),
            Err(message) => {
                println!("| {name} | - | - | NO |");
                failures.push(format!("{name}: {message}"));
            }
        }
    }
    if failures.is_empty() {
        println!("all {} scenarios passed", scenarios.len());
        ExitCode::SUCCESS
    } else {
        for failure in &failures {
            eprintln!("FAILED {failure}");
        }
        ExitCode::FAILURE
    }
}

async fn run(scenario: impl std::future::Future<Output = Outcome>) -> Outcome {
    tokio::time::timeout(SCENARIO_TIMEOUT, scenario)
        .await
        .unwrap_or_else(|_| Err(format!("did not finish within {SCENARIO_TIMEOUT:?}")))
}

fn ensure(condition: bool, message: impl FnOnce() -> String) -> Result<(), String> {
    if condition {
        Ok(())
    } else {
        Err(message())
    }
}

fn fail<E: Display>(context: &str) -> impl FnOnce(E) -> String + '_ {
    move |e| format!("{context}: {e}")
}

async fn server(pages: &[serde_json::Value]) -> Result<FaultServer, String> {
    let script = pages
        .iter()
        .map(|page| Fault::json(200, page.to_string()))
        .collect();
    FaultServer::start(script)
        .await
        .map_err(fail("start the loopback server"))
}

fn client(server: &FaultServer, previews: &[&str]) -> Result<Client, String> {
    let mut builder = Client::builder()
        .base_url(server.base_url())
        .api_key(API_KEY)
        .app_key(APP_KEY)
        .attempt_timeout(Duration::from_secs(10));
    for operation in previews {
        builder = builder.enable_preview(*operation);
    }
    builder.build().map_err(fail("build the client"))
}

fn pairs(query: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    pairs.sort();
    pairs
}

/// Checks that the server received exactly `expected` (path, query pairs in any order) as GET
/// requests carrying both API keys, in this order.
fn check_requests(
    received: &[ReceivedRequest],
    expected: &[(&str, Vec<(&str, &str)>)],
) -> Result<(), String> {
    ensure(received.len() == expected.len(), || {
        format!(
            "the server received {} requests, expected {}: {received:?}",
            received.len(),
            expected.len()
        )
    })?;
    for (index, (request, (path, query))) in received.iter().zip(expected).enumerate() {
        let page = index + 1;
        ensure(request.method == "GET", || {
            format!("request {page}: method {}, expected GET", request.method)
        })?;
        ensure(request.path == *path, || {
            format!("request {page}: path {:?}, expected {path:?}", request.path)
        })?;
        let mut sent = request.query.clone();
        sent.sort();
        let wanted = pairs(query);
        ensure(sent == wanted, || {
            format!("request {page}: query {sent:?}, expected exactly {wanted:?}")
        })?;
        ensure(request.header("DD-API-KEY") == Some(API_KEY), || {
            format!("request {page}: DD-API-KEY missing or wrong")
        })?;
        ensure(
            request.header("DD-APPLICATION-KEY") == Some(APP_KEY),
            || format!("request {page}: DD-APPLICATION-KEY missing or wrong"),
        )?;
    }
    Ok(())
}

/// Reads a stream of items to its end, then checks that it stays ended.
async fn drain<T, S>(mut stream: S, id: impl Fn(&T) -> String) -> Result<Vec<String>, String>
where
    S: futures_util::Stream<Item = Result<T, Error>> + Unpin,
{
    let mut ids = Vec::new();
    while let Some(item) = stream.next().await {
        let item = item.map_err(|e| format!("item {} failed: {e}", ids.len() + 1))?;
        ids.push(id(&item));
    }
    ensure(stream.next().await.is_none(), || {
        "the stream yielded again after it ended".to_owned()
    })?;
    Ok(ids)
}

fn check_items(ids: &[String], expected: &[&str]) -> Result<(), String> {
    ensure(ids == expected, || {
        format!("items {ids:?}, expected {expected:?} in this order")
    })
}

fn check_script_used(server: &FaultServer) -> Result<(), String> {
    ensure(server.remaining() == 0, || {
        format!(
            "{} scripted pages were never requested: the stream ended early",
            server.remaining()
        )
    })
}

/// Cursor pagination: the cursor of each page (`meta.page.after`) is sent as `page[cursor]` of the
/// next, with the filter and the page size on every page; a page without a cursor is the last.
async fn cursor_list_audit_logs() -> Outcome {
    fn event(id: &str) -> serde_json::Value {
        json!({"id": id, "type": "audit", "attributes": {"message": format!("event {id}"), "service": "e2e"}})
    }
    // Cursors with characters that need percent-encoding in a query.
    let first = "eyJhZnRlciI6IjEifQ==";
    let second = "c2/2+x&y";
    let pages = [
        json!({"data": [event("a1"), event("a2")], "meta": {"page": {"after": first}, "status": "done"}}),
        json!({"data": [event("a3"), event("a4")], "meta": {"page": {"after": second}, "status": "done"}}),
        json!({"data": [event("a5"), event("a6")], "meta": {"status": "done"}}),
    ];
    let server = server(&pages).await?;
    let client = client(&server, &[])?;
    let stream = client
        .list_audit_logs()
        .filter_query("@type:session")
        .page_limit(2)
        .into_stream();
    let ids = drain(stream, |e: &datadog_api_v2::models::AuditLogsEvent| {
        e.id.clone().unwrap_or_default()
    })
    .await?;
    let path = "/api/v2/audit/events";
    let base = [("filter[query]", "@type:session"), ("page[limit]", "2")];
    let with = |cursor| {
        let mut q = base.to_vec();
        q.push(("page[cursor]", cursor));
        q
    };
    check_requests(
        &server.received(),
        &[
            (path, base.to_vec()),
            (path, with(first)),
            (path, with(second)),
        ],
    )?;
    check_items(&ids, &["a1", "a2", "a3", "a4", "a5", "a6"])?;
    check_script_used(&server)?;
    Ok(Seen {
        pages: server.request_count(),
        items: ids.len(),
    })
}

/// Offset pagination: `page[offset]` advances by the items received; a short page is the last.
/// `ListInvestigations` is a Preview operation, so it is enabled on the client.
async fn offset_list_investigations() -> Outcome {
    fn investigation(id: &str) -> serde_json::Value {
        json!({"id": id, "type": "investigation", "attributes": {"status": "completed", "title": format!("investigation {id}")}})
    }
    fn page(items: &[&str], offset: i64) -> serde_json::Value {
        json!({
            "data": items.iter().map(|id| investigation(id)).collect::<Vec<_>>(),
            "meta": {"page": {"total": 5, "limit": 2, "offset": offset}},
            "links": {"first": "first", "next": "next", "self": "self"},
        })
    }
    let pages = [
        page(&["i1", "i2"], 0),
        page(&["i3", "i4"], 2),
        page(&["i5"], 4),
    ];
    let server = server(&pages).await?;
    let client = client(&server, &["ListInvestigations"])?;
    let stream = client
        .list_investigations()
        .page_limit(2)
        .filter_monitor_id(42)
        .into_stream();
    let ids = drain(
        stream,
        |i: &datadog_api_v2::models::ListInvestigationsResponseData| i.id.clone(),
    )
    .await?;
    let path = "/api/v2/bits-ai/investigations";
    let query = |offset| {
        vec![
            ("page[offset]", offset),
            ("page[limit]", "2"),
            ("filter[monitor_id]", "42"),
        ]
    };
    check_requests(
        &server.received(),
        &[(path, query("0")), (path, query("2")), (path, query("4"))],
    )?;
    check_items(&ids, &["i1", "i2", "i3", "i4", "i5"])?;
    check_script_used(&server)?;
    Ok(Seen {
        pages: server.request_count(),
        items: ids.len(),
    })
}

/// Page-number pagination: `page[number]` counts from 0 (the operation's default); an empty page
/// ends the listing.
async fn page_number_list_devices() -> Outcome {
    fn page(items: &[&str]) -> serde_json::Value {
        json!({
            "data": items.iter().map(|id| json!({"id": id, "type": "ndm_device", "attributes": {"name": format!("device {id}")}})).collect::<Vec<_>>(),
            "meta": {"page": {"total_filtered_count": 6}},
        })
    }
    let pages = [
        page(&["d1", "d2"]),
        page(&["d3", "d4"]),
        page(&["d5", "d6"]),
        page(&[]),
    ];
    let server = server(&pages).await?;
    let client = client(&server, &[])?;
    let stream = client
        .list_devices()
        .page_size(2)
        .filter_tag("env:e2e")
        .into_stream();
    let ids = drain(stream, |d: &datadog_api_v2::models::DevicesListData| {
        d.id.clone().unwrap_or_default()
    })
    .await?;
    let path = "/api/v2/ndm/devices";
    let query = |number| {
        vec![
            ("page[size]", "2"),
            ("page[number]", number),
            ("filter[tag]", "env:e2e"),
        ]
    };
    check_requests(
        &server.received(),
        &[
            (path, query("0")),
            (path, query("1")),
            (path, query("2")),
            (path, query("3")),
        ],
    )?;
    check_items(&ids, &["d1", "d2", "d3", "d4", "d5", "d6"])?;
    check_script_used(&server)?;
    Ok(Seen {
        pages: server.request_count(),
        items: ids.len(),
    })
}

/// A Preview operation fails with `PreviewNotEnabled` without sending anything until it is enabled;
/// `enable_preview` rejects names that are not Preview operations; once enabled, it is sent.
/// (The spec also marks `ListMemberTeams` deprecated, so its method is `#[deprecated]`.)
#[allow(deprecated)]
async fn preview_list_member_teams() -> Outcome {
    let team = json!({"id": "t1", "type": "team", "attributes": {"handle": "e2e-team", "name": "E2E team"}});
    let server = server(&[json!({"data": [team]})]).await?;

    let disabled = client(&server, &[])?;
    ensure(!disabled.is_preview_enabled("ListMemberTeams"), || {
        "ListMemberTeams is enabled without enable_preview".to_owned()
    })?;
    match disabled.list_member_teams("super-1").send().await {
        Err(Error::PreviewNotEnabled {
            operation: "ListMemberTeams",
        }) => {}
        Err(other) => return Err(format!("without enable_preview: {other}")),
        Ok(_) => return Err("without enable_preview the call succeeded".to_owned()),
    }
    ensure(server.request_count() == 0, || {
        "a Preview operation that is not enabled sent a request".to_owned()
    })?;

    // A name the API does not have is refused; an operation that is not (or no longer) in
    // Preview is accepted and changes nothing.
    match Client::builder()
        .base_url(server.base_url())
        .enable_preview("NoSuchOperation")
        .build()
    {
        Err(ConfigError::UnknownPreviewOperation { name, .. }) if name == "NoSuchOperation" => {}
        Err(other) => return Err(format!("enable_preview(\"NoSuchOperation\"): {other}")),
        Ok(_) => return Err("enable_preview(\"NoSuchOperation\") was accepted".to_owned()),
    }
    Client::builder()
        .base_url(server.base_url())
        .enable_preview("ListAuditLogs")
        .build()
        .map_err(|e| format!("enable_preview(\"ListAuditLogs\"), not a Preview operation: {e}"))?;

    let enabled = client(&server, &["ListMemberTeams"])?;
    ensure(enabled.is_preview_enabled("ListMemberTeams"), || {
        "enable_preview(\"ListMemberTeams\") did not enable it".to_owned()
    })?;
    let response = enabled
        .list_member_teams("super-1")
        .page_size(5)
        .send()
        .await
        .map_err(fail("with enable_preview"))?;
    let ids: Vec<String> = response
        .data
        .unwrap_or_default()
        .into_iter()
        .map(|t| t.id)
        .collect();
    check_requests(
        &server.received(),
        &[(
            "/api/v2/team/super-1/member_teams",
            vec![("page[size]", "5")],
        )],
    )?;
    check_items(&ids, &["t1"])?;
    check_script_used(&server)?;
    Ok(Seen {
        pages: server.request_count(),
        items: ids.len(),
    })
}
