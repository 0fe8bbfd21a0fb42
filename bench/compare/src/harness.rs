//! The comparison harness's core, shared by the `bench-compare` binary (which adds
//! datadog-api-client) and the SDK's smoke test (`sdk/tests/bench_harness.rs`, which runs it once
//! in `cargo test` so it keeps compiling and stays correct): the response bodies, plain
//! serde-derive mirrors of the models, the SDK's and the mirrors' decoders and encoders, the
//! interleaved timer and the JSON line every result is printed as.
//!
//! Bodies are shaped like the recorded responses (`tests/cassettes/list_org_connections/…many
//! items…`, `tests/cassettes/list_team_connections/…page by page…`): the same keys in the same
//! order, the same kinds of values, with deterministic ids so every item differs.

use datadog_connections::models::{OrgConnectionListResponse, TeamConnectionsResponse};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The org connection list body with `items` connections (the recorded list has 30).
pub fn org_list_body(items: usize) -> Vec<u8> {
    const TYPES: [&str; 7] = [
        r#"["logs"]"#,
        r#"["metrics"]"#,
        r#"["audit"]"#,
        r#"["logs","metrics"]"#,
        r#"["audit","metrics"]"#,
        r#"["audit","logs"]"#,
        r#"["audit","logs","metrics"]"#,
    ];
    let data: Vec<String> = (0..items)
        .map(|i| {
            // One connection every 7h13m from 2025-01-01, as in the recording.
            let minutes = i * 433;
            let (day, hour, minute) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
            let (month, day) = (1 + day / 28 % 12, 1 + day % 28);
            format!(
                r#"{{"attributes":{{"connection_types":{},"created_at":"2025-{month:02}-{day:02}T{hour:02}:{minute:02}:00Z"}},"id":"{:08x}-68b4-56dd-ba3e-{:012x}","relationships":{{"created_by":{{"data":{{"id":"usr123abc456","name":"John Doe","type":"users"}}}},"sink_org":{{"data":{{"id":"{:08x}-223d-5731-a991-1abee2d11e1f","name":"Sink Org {:04}","type":"orgs"}}}},"source_org":{{"data":{{"id":"0879ce27-29a1-481f-a12e-bc2a48ec9ae1","name":"Example Org","type":"orgs"}}}}}},"type":"org_connection"}}"#,
                TYPES[i % TYPES.len()],
                i,
                i * 7919,
                i + 1,
                i + 1
            )
        })
        .collect();
    format!(
        r#"{{"data":[{}],"meta":{{"page":{{"total_count":{items},"total_filtered_count":{items}}}}}}}"#,
        data.join(",")
    )
    .into_bytes()
}

/// Page `number` (from 0) of a team connection listing of `pages` pages of `size` items.
pub fn team_page_body(size: usize, number: usize, pages: usize) -> Vec<u8> {
    let last = pages.saturating_sub(1);
    let data: Vec<String> = (0..size)
        .map(|i| {
            let n = number * size + i;
            let managed_by = if n.is_multiple_of(2) { "github_sync" } else { "datadog" };
            format!(
                r#"{{"attributes":{{"managed_by":"{managed_by}","source":"github"}},"id":"{:08x}-6c26-5cc8-8ea6-{:012x}","relationships":{{"connected_team":{{"data":{{"id":"@GitHubOrg/team-{}","type":"github_team"}}}},"team":{{"data":{{"id":"{:08x}-91f4-56c0-9ccb-504cba5e1de6","type":"team"}}}}}},"type":"team_connection"}}"#,
                n,
                n * 7919,
                n + 1,
                n / 3
            )
        })
        .collect();
    let next = if number < last {
        (number + 1).to_string()
    } else {
        "null".to_owned()
    };
    let prev = if number > 0 {
        (number - 1).to_string()
    } else {
        "null".to_owned()
    };
    format!(
        r#"{{"data":[{}],"meta":{{"page":{{"first_number":0,"last_number":{last},"next_number":{next},"number":{number},"prev_number":{prev},"size":{size},"total":{},"type":"number_size"}}}}}}"#,
        data.join(","),
        size * pages
    )
    .into_bytes()
}

/// serde-derive structs with the models' fields and types (enums as derived enums, nullable
/// numbers as plain options), unknown fields dropped: the speed to match.
#[allow(dead_code)]
pub mod plain {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, Serialize, Deserialize)]
    pub struct OrgList {
        pub data: Vec<OrgConnection>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub meta: Option<OrgMeta>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct OrgMeta {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub page: Option<OrgPage>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct OrgPage {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub total_count: Option<i64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub total_filtered_count: Option<i64>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct OrgConnection {
        pub attributes: OrgAttributes,
        pub id: uuid::Uuid,
        pub relationships: OrgRelationships,
        #[serde(rename = "type")]
        pub kind: OrgConnectionType,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub enum OrgConnectionType {
        #[serde(rename = "org_connection")]
        OrgConnection,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct OrgAttributes {
        pub connection_types: Vec<ConnectionType>,
        pub created_at: chrono::DateTime<chrono::Utc>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum ConnectionType {
        Logs,
        Metrics,
        Audit,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct OrgRelationships {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub created_by: Option<UserRelationship>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub sink_org: Option<OrgRelationship>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub source_org: Option<OrgRelationship>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct OrgRelationship {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub data: Option<OrgRelationshipData>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct OrgRelationshipData {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub name: Option<String>,
        #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
        pub kind: Option<OrgsType>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub enum OrgsType {
        #[serde(rename = "orgs")]
        Orgs,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct UserRelationship {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub data: Option<UserRelationshipData>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct UserRelationshipData {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub id: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub name: Option<String>,
        #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
        pub kind: Option<UsersType>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub enum UsersType {
        #[serde(rename = "users")]
        Users,
    }

    #[derive(Debug, Serialize, Deserialize)]
    pub struct TeamPage {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub data: Option<Vec<TeamConnection>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub meta: Option<TeamMeta>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct TeamMeta {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub page: Option<TeamPagination>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct TeamPagination {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub first_number: Option<i64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub last_number: Option<i64>,
        pub next_number: Option<i64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub number: Option<i64>,
        pub prev_number: Option<i64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub size: Option<i64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub total: Option<i64>,
        #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
        pub kind: Option<String>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct TeamConnection {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub attributes: Option<TeamAttributes>,
        pub id: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub relationships: Option<TeamRelationships>,
        #[serde(rename = "type")]
        pub kind: TeamConnectionType,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub enum TeamConnectionType {
        #[serde(rename = "team_connection")]
        TeamConnection,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct TeamAttributes {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub managed_by: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub source: Option<String>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct TeamRelationships {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub connected_team: Option<ConnectedTeamRef>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub team: Option<TeamRef>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct ConnectedTeamRef {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub data: Option<ConnectedTeamRefData>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct ConnectedTeamRefData {
        pub id: String,
        #[serde(rename = "type")]
        pub kind: GithubTeamType,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub enum GithubTeamType {
        #[serde(rename = "github_team")]
        GithubTeam,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct TeamRef {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub data: Option<TeamRefData>,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub struct TeamRefData {
        pub id: String,
        #[serde(rename = "type")]
        pub kind: TeamType,
    }
    #[derive(Debug, Serialize, Deserialize)]
    pub enum TeamType {
        #[serde(rename = "team")]
        Team,
    }
}

/// Decodes the org list with the SDK's models; the number of items.
pub fn decode_org_ours(body: &[u8]) -> usize {
    serde_json::from_slice::<OrgConnectionListResponse>(black_box(body))
        .expect("the SDK decodes the org list")
        .data
        .len()
}

/// Decodes the org list with the plain mirror; the number of items.
pub fn decode_org_plain(body: &[u8]) -> usize {
    serde_json::from_slice::<plain::OrgList>(black_box(body))
        .expect("the plain mirror decodes the org list")
        .data
        .len()
}

/// Decodes the team page with the SDK's models; the number of items.
pub fn decode_team_ours(body: &[u8]) -> usize {
    serde_json::from_slice::<TeamConnectionsResponse>(black_box(body))
        .expect("the SDK decodes the team page")
        .data
        .map_or(0, |d| d.len())
}

/// Decodes the team page with the plain mirror; the number of items.
pub fn decode_team_plain(body: &[u8]) -> usize {
    serde_json::from_slice::<plain::TeamPage>(black_box(body))
        .expect("the plain mirror decodes the team page")
        .data
        .map_or(0, |d| d.len())
}

/// JSON text of a value (the encode benchmarks time this).
pub fn encode<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(black_box(value)).expect("encodes")
}

/// One subject's times over the recorded rounds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    /// The median round.
    pub median: Duration,
    /// The fastest round.
    pub min: Duration,
    /// How many rounds were recorded.
    pub rounds: usize,
}

impl Stats {
    /// The median and minimum of `times` (empty: zero).
    pub fn of(mut times: Vec<Duration>) -> Stats {
        times.sort();
        Stats {
            median: times.get(times.len() / 2).copied().unwrap_or_default(),
            min: times.first().copied().unwrap_or_default(),
            rounds: times.len(),
        }
    }
}

/// Runs each subject once per round, `warmup` rounds unrecorded and then `rounds` recorded; the
/// subject that goes first moves one place each round, so none is always first (or last) after
/// another's allocations and cache misses. One `Stats` per subject, in order.
pub fn interleave(warmup: usize, rounds: usize, subjects: &mut [&mut dyn FnMut()]) -> Vec<Stats> {
    let n = subjects.len();
    let mut times: Vec<Vec<Duration>> = (0..n).map(|_| Vec::with_capacity(rounds)).collect();
    for round in 0..warmup + rounds {
        for k in 0..n {
            let i = (round + k) % n;
            let started = Instant::now();
            (subjects[i])();
            let elapsed = started.elapsed();
            if round >= warmup {
                times[i].push(elapsed);
            }
        }
    }
    times.into_iter().map(Stats::of).collect()
}

/// One result as the JSON line `cargo xtask bench` reads:
/// `{"section":…,"case":…,"subject":…,"values":{"median_ms":…,…}}`.
pub fn json_line(section: &str, case: &str, subject: &str, values: &[(&str, f64)]) -> String {
    let values: serde_json::Map<String, serde_json::Value> = values
        .iter()
        .map(|(k, v)| ((*k).to_owned(), serde_json::json!(v)))
        .collect();
    serde_json::json!({"section": section, "case": case, "subject": subject, "values": values})
        .to_string()
}

/// The JSON line of a timed subject: median and minimum in milliseconds, and the rounds.
pub fn stats_line(section: &str, case: &str, subject: &str, stats: &Stats) -> String {
    json_line(
        section,
        case,
        subject,
        &[
            ("median_ms", stats.median.as_secs_f64() * 1e3),
            ("min_ms", stats.min.as_secs_f64() * 1e3),
            ("rounds", stats.rounds as f64),
        ],
    )
}
