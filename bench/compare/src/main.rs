//! `bench-compare`: the comparison benchmarks of docs/BENCHMARKS.md. `cargo xtask bench` builds it
//! (release) and runs each subcommand; every result is one JSON line on stdout (`harness::json_line`).
//!
//! - `codec [--quick]`: decode and encode of a 1,000-item org list and a 100-item team page with the
//!   SDK's models, plain serde-derive structs with the same fields, and datadog-api-client 0.38's
//!   models, interleaved in this one process.
//! - `request [--quick]`: one list call through the SDK's client against a loopback server, and the
//!   same call written by hand with reqwest and serde_json into the same model; sequential and 64
//!   at a time, interleaved.
//! - `paginate [--items N] [--page-size S]`: streams N team connections (default 100,000) page by
//!   page from a loopback server and reports the resident memory after 1,000 items and at the end.

mod harness;
mod server;

use bytes::Bytes;
use datadog_api_client::datadogV2::model as ddac;
use datadog_connections::models::{
    OrgConnectionListResponse, TeamConnection, TeamConnectionsResponse,
};
use futures_util::TryStreamExt;
use harness::{interleave, stats_line, Stats};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let value = |flag: &str| -> Option<usize> {
        let at = args.iter().position(|a| a == flag)?;
        args.get(at + 1)?.replace(',', "").parse().ok()
    };
    match args.first().map(String::as_str) {
        Some("codec") => codec(quick),
        Some("request") => request(quick),
        Some("paginate") => paginate(
            value("--items").unwrap_or(100_000),
            value("--page-size").unwrap_or(100),
        ),
        _ => {
            eprintln!(
                "usage: bench-compare codec [--quick] | request [--quick] | paginate [--items N] [--page-size S]"
            );
            std::process::exit(2);
        }
    }
}

const OURS: &str = "ours";
const PLAIN: &str = "serde-derive";
const DDAC: &str = "datadog-api-client";
const HAND: &str = "reqwest by hand";

fn print_all(section: &str, case: &str, subjects: &[&str], stats: &[Stats]) {
    for (subject, stats) in subjects.iter().zip(stats) {
        println!("{}", stats_line(section, case, subject, stats));
    }
}

/// Decode and encode, each case's three implementations interleaved.
fn codec(quick: bool) {
    let scale = if quick { 10 } else { 1 };
    let org = harness::org_list_body(1_000);
    let team = harness::team_page_body(100, 3, 10);
    let cases: [(&str, &str, &[u8], usize, usize); 2] = [
        ("org list (1,000 items)", "org", &org, 20, 300 / scale),
        ("team page (100 items)", "team", &team, 200, 3_000 / scale),
    ];
    for (name, kind, body, warmup, rounds) in cases {
        let expected = if kind == "org" { 1_000 } else { 100 };
        let decode_ddac = |body: &[u8]| -> usize {
            if kind == "org" {
                serde_json::from_slice::<ddac::OrgConnectionListResponse>(black_box(body))
                    .expect("datadog-api-client decodes the org list")
                    .data
                    .len()
            } else {
                serde_json::from_slice::<ddac::TeamConnectionsResponse>(black_box(body))
                    .expect("datadog-api-client decodes the team page")
                    .data
                    .map_or(0, |d| d.len())
            }
        };
        let (decode_ours, decode_plain): (fn(&[u8]) -> usize, fn(&[u8]) -> usize) = if kind == "org"
        {
            (harness::decode_org_ours, harness::decode_org_plain)
        } else {
            (harness::decode_team_ours, harness::decode_team_plain)
        };
        // All three must read the whole body, or the comparison means nothing.
        assert_eq!(decode_ours(body), expected, "{name}: ours");
        assert_eq!(decode_plain(body), expected, "{name}: serde-derive");
        assert_eq!(decode_ddac(body), expected, "{name}: datadog-api-client");

        let stats = interleave(
            warmup,
            rounds,
            &mut [
                &mut || {
                    black_box(decode_ours(body));
                },
                &mut || {
                    black_box(decode_plain(body));
                },
                &mut || {
                    black_box(decode_ddac(body));
                },
            ],
        );
        print_all(
            "codec",
            &format!("decode {name}"),
            &[OURS, PLAIN, DDAC],
            &stats,
        );

        // Encoding starts from each implementation's own decoded value.
        let stats = if kind == "org" {
            let ours: OrgConnectionListResponse = serde_json::from_slice(body).expect("ours");
            let plain: harness::plain::OrgList = serde_json::from_slice(body).expect("plain");
            let theirs: ddac::OrgConnectionListResponse =
                serde_json::from_slice(body).expect("ddac");
            for encoded in [
                harness::encode(&ours),
                harness::encode(&plain),
                harness::encode(&theirs),
            ] {
                assert_eq!(
                    harness::decode_org_plain(&encoded),
                    expected,
                    "{name}: encode"
                );
            }
            interleave(
                warmup,
                rounds,
                &mut [
                    &mut || {
                        black_box(harness::encode(&ours));
                    },
                    &mut || {
                        black_box(harness::encode(&plain));
                    },
                    &mut || {
                        black_box(harness::encode(&theirs));
                    },
                ],
            )
        } else {
            let ours: TeamConnectionsResponse = serde_json::from_slice(body).expect("ours");
            let plain: harness::plain::TeamPage = serde_json::from_slice(body).expect("plain");
            let theirs: ddac::TeamConnectionsResponse = serde_json::from_slice(body).expect("ddac");
            for encoded in [
                harness::encode(&ours),
                harness::encode(&plain),
                harness::encode(&theirs),
            ] {
                assert_eq!(
                    harness::decode_team_plain(&encoded),
                    expected,
                    "{name}: encode"
                );
            }
            interleave(
                warmup,
                rounds,
                &mut [
                    &mut || {
                        black_box(harness::encode(&ours));
                    },
                    &mut || {
                        black_box(harness::encode(&plain));
                    },
                    &mut || {
                        black_box(harness::encode(&theirs));
                    },
                ],
            )
        };
        print_all(
            "codec",
            &format!("encode {name}"),
            &[OURS, PLAIN, DDAC],
            &stats,
        );
    }
}

const API_KEY: &str = "bench-api-key";
const APP_KEY: &str = "bench-app-key";

/// The SDK's client for the loopback server.
fn sdk_client(base_url: &str) -> datadog_connections::Client {
    datadog_connections::Client::builder()
        .base_url(base_url)
        .api_key(API_KEY)
        .app_key(APP_KEY)
        .enable_preview("ListTeamConnections")
        .build()
        .expect("client")
}

/// The SDK's call: one page of 100 team connections.
async fn call_ours(client: &datadog_connections::Client) -> usize {
    let page = client
        .list_team_connections()
        .page_size(100)
        .send()
        .await
        .expect("the SDK's call succeeds");
    page.data.map_or(0, |d| d.len())
}

/// The same call by hand: the same request line and headers, the body decoded into the same model.
async fn call_by_hand(http: &reqwest::Client, url: &str) -> usize {
    let response = http
        .get(url)
        .header("accept", "application/json")
        .header("dd-api-key", API_KEY)
        .header("dd-application-key", APP_KEY)
        .send()
        .await
        .expect("the hand-written call succeeds");
    assert!(response.status().is_success(), "{}", response.status());
    let body = response.bytes().await.expect("body");
    let page: TeamConnectionsResponse = serde_json::from_slice(&body).expect("decodes");
    page.data.map_or(0, |d| d.len())
}

/// Per-call request overhead, the SDK against reqwest by hand, sequential and 64 at a time.
fn request(quick: bool) {
    let body = Bytes::from(harness::team_page_body(100, 3, 10));
    let base_url = server::start(move |_| body.clone());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let ours = sdk_client(&base_url);
    let http = reqwest::Client::builder()
        .user_agent("bench-compare/0.0.0")
        .gzip(true)
        .connect_timeout(Duration::from_secs(10))
        .build()
        .expect("reqwest client");
    let url = format!("{base_url}/api/v2/team/connections?page%5Bsize%5D=100");
    assert_eq!(runtime.block_on(call_ours(&ours)), 100);
    assert_eq!(runtime.block_on(call_by_hand(&http, &url)), 100);

    // Sequential: a round is a batch of calls one after another; the figure is per call.
    let batch = 20;
    let rounds = if quick { 20 } else { 150 };
    let per_call = |elapsed: Duration, calls: usize| elapsed / calls as u32;
    let timed = |f: &mut dyn FnMut()| {
        let started = Instant::now();
        f();
        started.elapsed()
    };
    let mut ours_times = Vec::new();
    let mut hand_times = Vec::new();
    for round in 0..rounds + 5 {
        let mut run_ours = || {
            runtime.block_on(async {
                for _ in 0..batch {
                    black_box(call_ours(&ours).await);
                }
            })
        };
        let mut run_hand = || {
            runtime.block_on(async {
                for _ in 0..batch {
                    black_box(call_by_hand(&http, &url).await);
                }
            })
        };
        let (a, b) = if round % 2 == 0 {
            let a = timed(&mut run_ours);
            (a, timed(&mut run_hand))
        } else {
            let b = timed(&mut run_hand);
            (timed(&mut run_ours), b)
        };
        if round >= 5 {
            ours_times.push(per_call(a, batch));
            hand_times.push(per_call(b, batch));
        }
    }
    print_all(
        "request",
        "sequential",
        &[OURS, HAND],
        &[Stats::of(ours_times), Stats::of(hand_times)],
    );

    // Concurrent: 64 tasks each make a few calls; the figure is the round's wall time per call.
    let tasks = 64;
    let each = 4;
    let rounds = if quick { 10 } else { 60 };
    let mut ours_times = Vec::new();
    let mut hand_times = Vec::new();
    for round in 0..rounds + 3 {
        let mut run_ours = || {
            runtime.block_on(async {
                let handles: Vec<_> = (0..tasks)
                    .map(|_| {
                        let client = ours.clone();
                        tokio::spawn(async move {
                            for _ in 0..each {
                                black_box(call_ours(&client).await);
                            }
                        })
                    })
                    .collect();
                for h in handles {
                    h.await.expect("task");
                }
            })
        };
        let mut run_hand = || {
            runtime.block_on(async {
                let handles: Vec<_> = (0..tasks)
                    .map(|_| {
                        let http = http.clone();
                        let url = url.clone();
                        tokio::spawn(async move {
                            for _ in 0..each {
                                black_box(call_by_hand(&http, &url).await);
                            }
                        })
                    })
                    .collect();
                for h in handles {
                    h.await.expect("task");
                }
            })
        };
        let (a, b) = if round % 2 == 0 {
            let a = timed(&mut run_ours);
            (a, timed(&mut run_hand))
        } else {
            let b = timed(&mut run_hand);
            (timed(&mut run_ours), b)
        };
        if round >= 3 {
            ours_times.push(per_call(a, tasks * each));
            hand_times.push(per_call(b, tasks * each));
        }
    }
    print_all(
        "request",
        "64 concurrent",
        &[OURS, HAND],
        &[Stats::of(ours_times), Stats::of(hand_times)],
    );
}

/// A field of `/proc/self/status` in kB (`VmRSS`, `VmHWM`); 0 where there is no /proc.
fn status_kb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0.0)
}

/// The page number a team listing request asks for (`page[number]`, encoded or not).
fn page_number(uri: &hyper::Uri) -> usize {
    uri.query()
        .unwrap_or("")
        .split('&')
        .find_map(|pair| {
            pair.strip_prefix("page%5Bnumber%5D=")
                .or_else(|| pair.strip_prefix("page[number]="))
        })
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Streams `items` team connections through the SDK's paginator; resident memory after 1,000 and
/// after all of them.
fn paginate(items: usize, size: usize) {
    let pages = items.div_ceil(size);
    let base_url = server::start(move |uri| {
        Bytes::from(harness::team_page_body(size, page_number(uri), pages))
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let client = sdk_client(&base_url);
    let started = Instant::now();
    let (count, rss_1k) = runtime.block_on(async {
        let mut stream = client
            .list_team_connections()
            .page_size(size as i64)
            .into_stream();
        let mut count = 0usize;
        let mut rss_1k = 0.0;
        while let Some(connection) = stream.try_next().await.expect("the stream continues") {
            let connection: TeamConnection = connection;
            black_box(&connection.id);
            count += 1;
            if count == 1_000 {
                rss_1k = status_kb("VmRSS");
            }
        }
        (count, rss_1k)
    });
    let wall = started.elapsed();
    assert_eq!(count, size * pages, "every item arrives once");
    let rss_end = status_kb("VmRSS");
    let mb = |kb: f64| kb / 1024.0;
    println!(
        "{}",
        harness::json_line(
            "pagination",
            &format!("stream {items} team connections, {size} per page"),
            OURS,
            &[
                ("items", count as f64),
                ("rss_1k_mb", mb(rss_1k)),
                ("rss_end_mb", mb(rss_end)),
                ("peak_mb", mb(status_kb("VmHWM"))),
                ("wall_s", wall.as_secs_f64()),
            ],
        )
    );
}
