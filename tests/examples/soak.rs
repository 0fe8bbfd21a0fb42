//! Soak: many calls, many at a time, through the SDK with its default settings, against the chaos
//! server (`datadog_connections_replay::chaos`), which injects faults into about 5% of the requests.
//!
//! ```sh
//! cargo xtask soak                                    # 10,000 calls, 64 at a time (release build)
//! cargo run --release -p datadog-connections-replay --example soak -- --requests 2000 --concurrency 32
//! ```
//!
//! The mix is half lists (GET), a fifth creates (POST), a fifth updates (PATCH) and a tenth deletes.
//! Every write carries its own id, and the server counts how often it applied each one, so the
//! report can say how many POSTs and PATCHes took effect twice (it must be none: they are never
//! retried once the request may have arrived) and whether every write the client saw succeed took
//! effect exactly once. It prints, at 1,000 calls and at the end: successes, typed failures by
//! kind, duplicated writes, p50 and p99 latency, and the process's peak and current RSS.
//! `tests/tests/soak.rs` runs a short form (300 calls) under `cargo test`.

use datadog_connections::models::{
    OrgConnectionCreate, OrgConnectionCreateAttributes, OrgConnectionCreateRelationships,
    OrgConnectionCreateRequest, OrgConnectionOrgRelationship, OrgConnectionOrgRelationshipData,
    OrgConnectionTypeEnum, OrgConnectionUpdate, OrgConnectionUpdateAttributes,
    OrgConnectionUpdateRequest,
};
use datadog_connections::{Client, Error};
use datadog_connections_replay::chaos::{ChaosConfig, ChaosReport, ChaosServer};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What to run.
#[derive(Debug, Clone)]
pub struct SoakConfig {
    /// Calls in all.
    pub requests: usize,
    /// Calls in flight at once.
    pub concurrency: usize,
    /// After how many completed calls to report (the last is always `requests`).
    pub checkpoints: Vec<usize>,
    /// The server's faults.
    pub chaos: ChaosConfig,
    /// The client's body limit, when not the default (32 MiB).
    pub max_response_body: Option<usize>,
}

impl SoakConfig {
    /// `requests` calls, `concurrency` at a time, the default faults and client.
    pub fn new(requests: usize, concurrency: usize) -> Self {
        let mut checkpoints: Vec<usize> = [1_000].into_iter().filter(|&c| c < requests).collect();
        checkpoints.push(requests);
        SoakConfig {
            requests,
            concurrency: concurrency.max(1),
            checkpoints,
            chaos: ChaosConfig::default(),
            max_response_body: None,
        }
    }
}

/// The figures at one checkpoint.
#[derive(Debug, Clone)]
pub struct Checkpoint {
    /// Calls completed.
    pub calls: usize,
    /// Calls that succeeded.
    pub successes: usize,
    /// Failed calls by error kind (`Api 503`, `Transport`, `BodyTooLarge 200`, …).
    pub failures: BTreeMap<String, usize>,
    /// Median call latency, retries and waits included.
    pub p50: Duration,
    /// 99th percentile call latency.
    pub p99: Duration,
    /// Peak resident set size of the process so far (`VmHWM`), in KiB.
    pub peak_rss_kib: Option<u64>,
    /// Resident set size now (`VmRSS`), in KiB.
    pub rss_kib: Option<u64>,
    /// Time since the start.
    pub elapsed: Duration,
}

/// Everything a soak run found.
#[derive(Debug, Clone)]
pub struct SoakReport {
    /// The figures at each checkpoint.
    pub checkpoints: Vec<Checkpoint>,
    /// What the server saw and did.
    pub server: ChaosReport,
    /// POSTs and PATCHes applied more than once (extra applications).
    pub duplicated_writes: u64,
    /// Writes the client saw succeed that the server did not apply exactly once.
    pub acknowledged_not_applied_once: u64,
    /// Writes the client saw fail that the server applied more than once.
    pub failed_applied_twice: u64,
    /// Calls whose task panicked (must be 0).
    pub panicked: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    List,
    Create,
    Update,
    Delete,
}

impl Kind {
    fn of(call: usize) -> Kind {
        match call % 10 {
            0..=4 => Kind::List,
            5 | 6 => Kind::Create,
            7 | 8 => Kind::Update,
            _ => Kind::Delete,
        }
    }

    fn method(self) -> &'static str {
        match self {
            Kind::List => "GET",
            Kind::Create => "POST",
            Kind::Update => "PATCH",
            Kind::Delete => "DELETE",
        }
    }
}

/// One completed call.
#[derive(Debug, Clone)]
struct Record {
    kind: Kind,
    write_id: String,
    outcome: String,
    latency: Duration,
}

fn write_id(call: usize) -> String {
    format!("50a50a50-0000-4000-8000-{call:012x}")
}

fn outcome(result: &Result<(), Error>) -> String {
    match result {
        Ok(()) => "ok".to_owned(),
        Err(Error::Api(e)) => format!("Api {}", e.status().as_u16()),
        Err(Error::Transport { .. }) => "Transport".to_owned(),
        Err(Error::Timeout { kind, .. }) => format!("Timeout {kind:?}"),
        Err(Error::BodyTooLarge { status, .. }) => format!("BodyTooLarge {}", status.as_u16()),
        Err(Error::Decode(_)) => "Decode".to_owned(),
        Err(other) => format!("Other: {other}"),
    }
}

async fn call(client: &Client, n: usize) -> Record {
    let kind = Kind::of(n);
    let id = write_id(n);
    let started = Instant::now();
    let result = match kind {
        Kind::List => client
            .list_org_connections()
            .limit(2)
            .send()
            .await
            .map(drop),
        Kind::Create => {
            let sink = OrgConnectionOrgRelationship::new()
                .data(OrgConnectionOrgRelationshipData::new().id(id.clone()));
            let data = OrgConnectionCreate::new(
                OrgConnectionCreateAttributes::new(vec![OrgConnectionTypeEnum::Logs]),
                OrgConnectionCreateRelationships::new(sink),
            );
            client
                .create_org_connections(OrgConnectionCreateRequest::new(data))
                .send()
                .await
                .map(drop)
        }
        Kind::Update => {
            let uuid = id.parse().unwrap_or_default();
            let data = OrgConnectionUpdate::new(
                OrgConnectionUpdateAttributes::new(vec![OrgConnectionTypeEnum::Metrics]),
                uuid,
            );
            client
                .update_org_connections(&id, OrgConnectionUpdateRequest::new(data))
                .send()
                .await
                .map(drop)
        }
        Kind::Delete => client.delete_org_connections(&id).send().await,
    };
    Record {
        kind,
        write_id: id,
        outcome: outcome(&result),
        latency: started.elapsed(),
    }
}

/// `VmHWM` and `VmRSS` from `/proc/self/status`, in KiB (Linux only).
fn rss_kib() -> (Option<u64>, Option<u64>) {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return (None, None);
    };
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kib| kib.parse().ok())
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((sorted.len() as f64) * p).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn checkpoint(records: &[Record], started: Instant) -> Checkpoint {
    let mut latencies: Vec<Duration> = records.iter().map(|r| r.latency).collect();
    latencies.sort();
    let mut failures = BTreeMap::new();
    for record in records.iter().filter(|r| r.outcome != "ok") {
        *failures.entry(record.outcome.clone()).or_insert(0) += 1;
    }
    let (peak_rss_kib, rss_kib) = rss_kib();
    Checkpoint {
        calls: records.len(),
        successes: records.iter().filter(|r| r.outcome == "ok").count(),
        failures,
        p50: percentile(&latencies, 0.50),
        p99: percentile(&latencies, 0.99),
        peak_rss_kib,
        rss_kib,
        elapsed: started.elapsed(),
    }
}

/// Runs the soak on the current Tokio runtime (a multi-threaded one, for realism).
pub async fn run(config: SoakConfig) -> std::io::Result<SoakReport> {
    let server = ChaosServer::start(config.chaos.clone()).await?;
    let mut builder = Client::builder()
        .base_url(server.base_url())
        .api_key("soak-api-key")
        .app_key("soak-app-key");
    if let Some(limit) = config.max_response_body {
        builder = builder.max_response_body(limit);
    }
    let client = builder.build().map_err(std::io::Error::other)?;
    let started = Instant::now();
    let next = Arc::new(AtomicUsize::new(0));
    let records = Arc::new(Mutex::new(Vec::with_capacity(config.requests)));
    let checkpoints = Arc::new(Mutex::new(Vec::new()));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..config.concurrency {
        let (client, next, records, checkpoints) = (
            client.clone(),
            Arc::clone(&next),
            Arc::clone(&records),
            Arc::clone(&checkpoints),
        );
        let (total, marks) = (config.requests, config.checkpoints.clone());
        workers.spawn(async move {
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= total {
                    break;
                }
                let record = call(&client, n).await;
                let mut records = records.lock().unwrap_or_else(|p| p.into_inner());
                records.push(record);
                if marks.contains(&records.len()) {
                    let mark = checkpoint(&records, started);
                    checkpoints
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push(mark);
                }
            }
        });
    }
    let mut panicked = 0;
    while let Some(joined) = workers.join_next().await {
        if joined.is_err() {
            panicked += 1;
        }
    }
    let server_report = server.report();
    let records = records.lock().unwrap_or_else(|p| p.into_inner()).clone();
    let mut checkpoints = checkpoints
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    checkpoints.sort_by_key(|c| c.calls);
    if checkpoints.last().is_none_or(|c| c.calls != records.len()) {
        checkpoints.push(checkpoint(&records, started));
    }
    let mut acknowledged_not_applied_once = 0;
    let mut failed_applied_twice = 0;
    for record in records
        .iter()
        .filter(|r| matches!(r.kind, Kind::Create | Kind::Update))
    {
        let applied = server_report.times_applied(record.kind.method(), &record.write_id);
        if record.outcome == "ok" && applied != 1 {
            acknowledged_not_applied_once += 1;
        }
        if record.outcome != "ok" && applied > 1 {
            failed_applied_twice += 1;
        }
    }
    Ok(SoakReport {
        checkpoints,
        duplicated_writes: server_report.duplicated_writes("POST")
            + server_report.duplicated_writes("PATCH"),
        server: server_report,
        acknowledged_not_applied_once,
        failed_applied_twice,
        panicked,
    })
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or_else(
        || "n/a".to_owned(),
        |k| format!("{:.1} MiB", k as f64 / 1024.0),
    )
}

/// The report as Markdown.
pub fn render(config: &SoakConfig, report: &SoakReport) -> String {
    let mut out = format!(
        "Soak: {} calls, {} at a time, default client settings{}.\n\n\
         | calls | successes | typed failures | duplicated POST/PATCH writes | p50 | p99 | peak RSS | RSS | elapsed |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
        config.requests,
        config.concurrency,
        config
            .max_response_body
            .map(|b| format!(" (body limit {b} bytes)"))
            .unwrap_or_default(),
    );
    for c in &report.checkpoints {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {:.1} s |\n",
            c.calls,
            c.successes,
            c.calls - c.successes,
            if c.calls == config.requests {
                report.duplicated_writes.to_string()
            } else {
                "–".to_owned()
            },
            ms(c.p50),
            ms(c.p99),
            mib(c.peak_rss_kib),
            mib(c.rss_kib),
            c.elapsed.as_secs_f64(),
        ));
    }
    if let Some(last) = report.checkpoints.last() {
        out.push_str("\nFailures by kind (every one a typed `Error`):\n\n");
        for (kind, n) in &last.failures {
            out.push_str(&format!("- {kind}: {n}\n"));
        }
    }
    out.push_str(&format!(
        "\nServer: {} requests on {} connections; {} faults injected:\n\n",
        report.server.requests,
        report.server.connections,
        report.server.faults_injected()
    ));
    for (fault, n) in &report.server.faults {
        out.push_str(&format!("- {fault}: {n}\n"));
    }
    out.push_str(&format!(
        "\nWrites: duplicated POST/PATCH {}; acknowledged but not applied exactly once {}; \
         failed but applied twice {}; panicked tasks {}.\n",
        report.duplicated_writes,
        report.acknowledged_not_applied_once,
        report.failed_applied_twice,
        report.panicked
    ));
    out
}

fn parse_args() -> Result<SoakConfig, String> {
    let mut requests = 10_000;
    let mut concurrency = 64;
    let mut seed = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| -> Result<u64, String> {
            args.next()
                .and_then(|v| v.parse().ok())
                .ok_or(format!("{name} needs a number"))
        };
        match arg.as_str() {
            "--requests" => requests = value("--requests")? as usize,
            "--concurrency" => concurrency = value("--concurrency")? as usize,
            "--seed" => seed = Some(value("--seed")?),
            other => {
                return Err(format!(
                "unknown argument {other}; usage: soak [--requests N] [--concurrency C] [--seed S]"
            ))
            }
        }
    }
    let mut config = SoakConfig::new(requests, concurrency);
    if let Some(seed) = seed {
        config.chaos.seed = seed;
    }
    Ok(config)
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let config = match parse_args() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("{e}");
            return std::process::ExitCode::from(2);
        }
    };
    let report = match run(config.clone()).await {
        Ok(report) => report,
        Err(e) => {
            eprintln!("soak: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    println!("{}", render(&config, &report));
    let broken = report.duplicated_writes
        + report.acknowledged_not_applied_once
        + report.failed_applied_twice
        + report.panicked as u64;
    if broken == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        eprintln!("soak: writes were duplicated or lost, or a task panicked");
        std::process::ExitCode::FAILURE
    }
}
