//! [`StandIn`]: a stateful loopback stand-in for Datadog's Org Connections and Team Connections
//! APIs, for tests that need a server which remembers what it was told (a recording proxy in front
//! of it, the SDK's examples recording their cassettes).
//!
//! ```text
//! StandIn::start(orgs: Vec<StandInOrg>) -> std::io::Result<StandIn>     (async)
//! StandIn::base_url(&self) -> String                                      // "http://127.0.0.1:PORT"
//! StandIn::requests(&self) -> usize                                       // requests served so far
//! StandInOrg::new(id, name, api_key, app_key).team(id, name, handle).team_connections(n)
//! org_connection_id(n) / team_connection_id(n) / user_id(org_index) / CREATED_AT_EPOCH
//! ```
//!
//! It serves HTTP/1.1 on `127.0.0.1:<ephemeral port>` on the current Tokio runtime until it is
//! dropped. Every answer is deterministic: the same requests in the same order give the same bytes
//! (ids come from counters, timestamps from a fixed clock, and no `Date` header is sent), so the
//! cassettes recorded through it are stable.
//!
//! # Organisations and auth
//!
//! Each [`StandInOrg`] is one Datadog organisation of one account, with one key pair, the Datadog
//! teams it owns and how many team connections it starts with. The caller's organisation is the one
//! whose `DD-API-KEY` **and** `DD-APPLICATION-KEY` both match (or, as the cross-organisation
//! visibility guide shows, the `api_key` and `application_key` query parameters). Anything else is
//! `403 {"errors":["Forbidden"]}` (`application/json`), what Datadog's gateway answers for an
//! invalid key. Connections are created by the organisation's user [`user_id`]`(index)`, named
//! `"<org name> Admin"`.
//!
//! # Org Connections (`/api/v2/org_connections`)
//!
//! Answers are `application/json`, errors `{"errors":["…"]}` with the texts Datadog's recordings
//! show.
//!
//! - `POST` creates a connection from the caller (source) to `data.relationships.sink_org.data.id`
//!   (sink). A body that does not match `OrgConnectionCreateRequest` (not JSON, `type` not
//!   `org_connection`, `connection_types` missing, empty or with a value other than `logs`,
//!   `metrics`, `audit`, no sink id) is `400 Validation failed for input.`; an unknown sink is
//!   `404 Not found`; a connection to itself or with a repeated connection type is
//!   `400 connection between orgs <source> and <sink> is not allowed` (what Datadog answered to
//!   `["logs","logs"]`); an existing source→sink connection is
//!   `409 connection between orgs <source> and <sink> already exists`. Success is `200` with the
//!   connection, organisation and user names included. Ids are [`org_connection_id`]`(n)` for the
//!   n-th connection created (from 0), UUID v4 shaped; `created_at` is [`CREATED_AT_EPOCH`] plus n
//!   seconds, formatted as Datadog does (`2025-08-26T20:19:35.000000+00:00`).
//! - `GET` lists, oldest first, the connections the caller takes part in as source or as sink
//!   (the guide: "either as a source organization or as a destination organization"), filtered by
//!   `sink_org_id` and `source_org_id` (exact ids, both at once is an AND), then cut by `offset`
//!   (default 0, at least 0) and `limit` (default 1000, at least 1; a bad value is a 400).
//!   `meta.page.total_count` counts the caller's connections, `total_filtered_count` those that
//!   match the filters, before `offset` and `limit`.
//! - `PATCH /{id}` replaces `connection_types`. A path id that is not a UUID is
//!   `400 connection id must be a valid uuid`; a body that does not match `OrgConnectionUpdateRequest`,
//!   repeats a type or names another id than the path is `400 Validation failed for input.`; a
//!   connection the caller does not take part in is
//!   `404 Org connection with id:<id> not found not found` (sic); the sink of the connection gets
//!   `403 Forbidden`: what is shared is the source's choice. The `200` answer leaves out the names,
//!   as Datadog's does.
//! - `DELETE /{id}`: either side may delete (the guide: "either from the source organization or
//!   the destination organization"). `200` with the body `{}` (as recorded); a malformed id is a
//!   400 and an unknown one `404 org connection with id:<id> not found not found`.
//!
//! # Team Connections (`/api/v2/team/connections`, Preview)
//!
//! Answers are `application/vnd.api+json` and errors JSON:API objects
//! (`{"errors":[{"status":"400","title":"Bad Request","detail":"…"}]}`), as Datadog's recordings of
//! these endpoints show. Team connections belong to the caller's organisation; another
//! organisation's are invisible to it.
//!
//! - `GET` lists them, oldest first, filtered by `filter[sources]`, `filter[team_ids]`,
//!   `filter[connected_team_ids]` and `filter[connection_ids]` (each a comma-separated list, the
//!   spec's `style: form, explode: false`; a repeated parameter adds values; values of one filter
//!   are alternatives, filters combine), paged by `page[size]` (default 10, 1 to 100, else
//!   `400 page[size] must be between 1 and 100`) and `page[number]` (from 0). `meta.page` is
//!   `{type: "number_size", number, size, total, first_number: 0, prev_number, next_number,
//!   last_number}` with the recorded key order: `total` counts the matches, `last_number` is the
//!   last page that holds any (0 when there are none), `prev_number` is `null` on page 0 and
//!   `next_number` is `null` from the last page on. There is no `links` block (the recordings have
//!   none).
//! - `POST` creates every connection of `data` at once, or none: a malformed item is a 400
//!   (`attribute "data" at least one team connection must be provided` for an empty list, as
//!   recorded), a team the caller's organisation does not have is a 400 (the spec lists no 404 for
//!   this operation), and a (team, connected team) pair that exists already or twice in the request
//!   is `409 failed to add team connections: one or more team attributes already exist`.
//!   `attributes.source` may only be `github` (the one documented source; it is the default) and
//!   `managed_by` defaults to `datadog`. `201` with `{"data":[…]}` (no `meta`, as recorded).
//!   Ids are [`team_connection_id`]`(n)`, shaped like Datadog's time-based UUIDs.
//! - `DELETE` deletes every id of `data`, or none: an empty or missing id is
//!   `400 attribute "id" one or more team connection ids are not present` (recorded), an unknown
//!   one `404 team connection <id> not found`. `204` without a body.
//!
//! [`StandInOrg::team_connections`] seeds each organisation, in the order of the list, with that
//! many connections: the i-th links the organisation's team `i % teams.len()` to the GitHub team
//! `@<org name as a slug>/<team handle>` (with `-2`, `-3`… from the second round on), source
//! `github`, managed by `github_sync` (even i) or `datadog` (odd i).
//!
//! # Everything else
//!
//! An unknown path is `404 {"errors":["Not found"]}`, a method the path does not have
//! `405 {"errors":["Method Not Allowed"]}` with an `Allow` header, a body over 1 MiB
//! `413 {"errors":["Request Entity Too Large"]}`. The body is read first, then the path and method
//! are routed, then the keys checked. No request data can make the server panic.

use std::convert::Infallible;
use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use bytes::Bytes;
use http::{header, HeaderMap, HeaderValue, Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::task::{JoinHandle, JoinSet};

/// The `created_at` of the first org connection, in seconds since the Unix epoch
/// (2025-08-26T20:19:35Z); each later one is a second later.
pub const CREATED_AT_EPOCH: i64 = 1_756_239_575;

/// The largest request body read; a larger one is a 413.
const MAX_BODY: usize = 1024 * 1024;

const JSON: &str = "application/json";
const JSON_API: &str = "application/vnd.api+json";
const CONNECTION_TYPES: [&str; 3] = ["logs", "metrics", "audit"];
const VALIDATION_FAILED: &str = "Validation failed for input.";

/// One Datadog organisation the stand-in knows: its id (a UUID), name, key pair, the Datadog
/// teams it owns, and how many team connections it starts with.
///
/// `Debug` shows the keys as `<redacted>`.
#[derive(Clone, PartialEq, Eq)]
pub struct StandInOrg {
    /// The organisation's UUID (`source_org`/`sink_org` ids; compared without case).
    pub id: String,
    /// The organisation's name (in `source_org`/`sink_org` names).
    pub name: String,
    /// Its `DD-API-KEY`.
    pub api_key: String,
    /// Its `DD-APPLICATION-KEY`.
    pub app_key: String,
    /// The Datadog teams it owns: team connections may only link these.
    pub teams: Vec<StandInTeam>,
    /// How many team connections it starts with (see the module docs); needs at least one team.
    pub team_connections: usize,
}

impl StandInOrg {
    /// An organisation without teams or team connections.
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        api_key: impl Into<String>,
        app_key: impl Into<String>,
    ) -> Self {
        StandInOrg {
            id: id.into(),
            name: name.into(),
            api_key: api_key.into(),
            app_key: app_key.into(),
            teams: Vec::new(),
            team_connections: 0,
        }
    }

    /// Adds a Datadog team.
    pub fn team(
        mut self,
        id: impl Into<String>,
        name: impl Into<String>,
        handle: impl Into<String>,
    ) -> Self {
        self.teams.push(StandInTeam {
            id: id.into(),
            name: name.into(),
            handle: handle.into(),
        });
        self
    }

    /// Sets how many team connections the organisation starts with.
    pub fn team_connections(mut self, count: usize) -> Self {
        self.team_connections = count;
        self
    }
}

impl fmt::Debug for StandInOrg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StandInOrg")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("api_key", &"<redacted>")
            .field("app_key", &"<redacted>")
            .field("teams", &self.teams)
            .field("team_connections", &self.team_connections)
            .finish()
    }
}

/// A Datadog team of a [`StandInOrg`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandInTeam {
    /// The team's id (`relationships.team.data.id` of a team connection).
    pub id: String,
    /// The team's name.
    pub name: String,
    /// The team's handle (seeded connections link it to `@<org slug>/<handle>`).
    pub handle: String,
}

impl StandInTeam {
    /// A team.
    pub fn new(id: impl Into<String>, name: impl Into<String>, handle: impl Into<String>) -> Self {
        StandInTeam {
            id: id.into(),
            name: name.into(),
            handle: handle.into(),
        }
    }
}

/// The id of the `n`-th org connection a stand-in creates (from 0): a UUID v4 derived from `n`.
pub fn org_connection_id(n: u64) -> String {
    uuid_v4(0x0c0_ec7, n)
}

/// The id of the `n`-th team connection a stand-in creates (from 0, seeded ones first, in the
/// order of the organisations): shaped like the time-based UUIDs Datadog gives team connections
/// (`4e4b0094-29bf-11f1-aeac-da7ad0900002`).
pub fn team_connection_id(n: u64) -> String {
    // 0x9e37 is odd, so `n -> low` is a bijection modulo 2^32; `mid` takes the bits above.
    let low = 0x4e4b_0094_u32.wrapping_add((n as u32).wrapping_mul(0x9e37));
    let mid = (0x29bc + (n >> 32)) & 0xffff;
    let clock = 0x8000 | (mix(0x7ea3, n) & 0x3fff);
    format!("{low:08x}-{mid:04x}-11f1-{clock:04x}-da7ad0900002")
}

/// The id of the user of the `index`-th organisation (`created_by` of its connections).
pub fn user_id(index: usize) -> String {
    uuid_v4(0x05e7, index as u64)
}

/// SplitMix64 of `seed` and `n`.
fn mix(seed: u64, n: u64) -> u64 {
    let mut z = seed
        .wrapping_mul(0xd1b5_4a32_d192_ed03)
        .wrapping_add(n.wrapping_add(1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A UUID v4 (version and variant bits set) from two draws of `seed` and `n`.
fn uuid_v4(seed: u64, n: u64) -> String {
    let hi = mix(seed, n);
    let lo = mix(seed ^ 0x5555_5555, n);
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0x0fff,
        0x8000 | ((lo >> 48) & 0x3fff),
        lo & 0xffff_ffff_ffff
    )
}

/// `created_at` of the `n`-th org connection: `YYYY-MM-DDTHH:MM:SS.000000+00:00`.
fn created_at(n: u64) -> String {
    let secs = CREATED_AT_EPOCH.saturating_add(i64::try_from(n).unwrap_or(i64::MAX / 2));
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.000000+00:00",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Whether `text` is a UUID (8-4-4-4-12 hexadecimal digits, any case).
fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// `Acme Prod (42)` → `Acme-Prod-42`: the GitHub organisation of an organisation's seeded links.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("org");
    }
    out
}

// ------------------------------------------------------------------------------------------------
// State

struct Org {
    id: String,
    name: String,
    api_key: String,
    app_key: String,
    user_id: String,
    user_name: String,
    teams: Vec<StandInTeam>,
}

struct OrgConnection {
    id: String,
    source: usize,
    sink: usize,
    types: Vec<String>,
    created_at: String,
}

struct TeamConnection {
    id: String,
    org: usize,
    team_id: String,
    connected_team_id: String,
    source: String,
    managed_by: String,
}

#[derive(Default)]
struct State {
    org_connections: Vec<OrgConnection>,
    team_connections: Vec<TeamConnection>,
    created_org_connections: u64,
    created_team_connections: u64,
}

impl State {
    fn new_team_connection_id(&mut self) -> String {
        let id = team_connection_id(self.created_team_connections);
        self.created_team_connections += 1;
        id
    }
}

struct Shared {
    orgs: Vec<Org>,
    state: Mutex<State>,
    requests: AtomicUsize,
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The stand-in server on `127.0.0.1`; it stops when dropped.
pub struct StandIn {
    addr: SocketAddr,
    shared: Arc<Shared>,
    task: JoinHandle<()>,
}

impl fmt::Debug for StandIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StandIn")
            .field("addr", &self.addr)
            .field("orgs", &self.shared.orgs.len())
            .field("requests", &self.requests())
            .finish_non_exhaustive()
    }
}

impl Drop for StandIn {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl StandIn {
    /// Checks the organisations, seeds their team connections, binds an ephemeral loopback port
    /// and serves on the current Tokio runtime.
    ///
    /// # Errors
    ///
    /// `InvalidInput` for an empty or repeated organisation id, a key pair two organisations share,
    /// a repeated team id within an organisation, or team connections asked of an organisation
    /// without teams; otherwise what binding the port returns.
    pub async fn start(orgs: Vec<StandInOrg>) -> io::Result<StandIn> {
        let shared = Arc::new(build(orgs)?);
        let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(accept_loop(listener, Arc::clone(&shared)));
        Ok(StandIn { addr, shared, task })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// How many requests were served so far (every answer counts, errors included).
    pub fn requests(&self) -> usize {
        self.shared.requests.load(Ordering::SeqCst)
    }
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

fn build(orgs: Vec<StandInOrg>) -> io::Result<Shared> {
    let mut built: Vec<Org> = Vec::with_capacity(orgs.len());
    let mut state = State::default();
    for (index, org) in orgs.into_iter().enumerate() {
        if org.id.is_empty() {
            return Err(invalid(format!("stand-in org {index} has an empty id")));
        }
        if built.iter().any(|o| o.id.eq_ignore_ascii_case(&org.id)) {
            return Err(invalid(format!("stand-in org id {} is repeated", org.id)));
        }
        if built
            .iter()
            .any(|o| o.api_key == org.api_key && o.app_key == org.app_key)
        {
            return Err(invalid(format!(
                "stand-in org {} shares its key pair with another org",
                org.id
            )));
        }
        for (i, team) in org.teams.iter().enumerate() {
            if org.teams[..i].iter().any(|t| t.id == team.id) {
                return Err(invalid(format!(
                    "stand-in org {} repeats team id {}",
                    org.id, team.id
                )));
            }
        }
        if org.team_connections > 0 && org.teams.is_empty() {
            return Err(invalid(format!(
                "stand-in org {} asks for {} team connections but has no teams",
                org.id, org.team_connections
            )));
        }
        let github_org = slug(&org.name);
        for i in 0..org.team_connections {
            let team = &org.teams[i % org.teams.len()];
            let round = i / org.teams.len();
            let connected_team_id = if round == 0 {
                format!("@{github_org}/{}", team.handle)
            } else {
                format!("@{github_org}/{}-{}", team.handle, round + 1)
            };
            let id = state.new_team_connection_id();
            state.team_connections.push(TeamConnection {
                id,
                org: index,
                team_id: team.id.clone(),
                connected_team_id,
                source: "github".to_owned(),
                managed_by: if i % 2 == 0 { "github_sync" } else { "datadog" }.to_owned(),
            });
        }
        built.push(Org {
            user_id: user_id(index),
            user_name: format!("{} Admin", org.name),
            id: org.id,
            name: org.name,
            api_key: org.api_key,
            app_key: org.app_key,
            teams: org.teams,
        });
    }
    Ok(Shared {
        orgs: built,
        state: Mutex::new(state),
        requests: AtomicUsize::new(0),
    })
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    // Dropped with this task when the stand-in is dropped, which aborts every connection.
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let shared = Arc::clone(&shared);
                    connections.spawn(async move {
                        let service = service_fn(move |request| handle(Arc::clone(&shared), request));
                        let mut builder = http1::Builder::new();
                        // No `Date`: the same requests give the same bytes.
                        builder.auto_date_header(false);
                        let _ = builder.serve_connection(TokioIo::new(stream), service).await;
                    });
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

// ------------------------------------------------------------------------------------------------
// JSON with a fixed key order (serde_json's `Value` sorts keys unless `preserve_order` is on).

enum J {
    Null,
    Str(String),
    Int(i64),
    Arr(Vec<J>),
    Obj(Vec<(&'static str, J)>),
}

fn s(text: &str) -> J {
    J::Str(text.to_owned())
}

fn int(n: usize) -> J {
    J::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

impl J {
    fn write(&self, out: &mut String) {
        match self {
            J::Null => out.push_str("null"),
            J::Str(text) => out.push_str(&Value::String(text.clone()).to_string()),
            J::Int(n) => out.push_str(&n.to_string()),
            J::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            J::Obj(fields) => {
                out.push('{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::String((*key).to_owned()).to_string());
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

// ------------------------------------------------------------------------------------------------
// Replies

type Reply = Response<Full<Bytes>>;

fn reply(status: StatusCode, content_type: Option<&'static str>, body: String) -> Reply {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    *response.status_mut() = status;
    if let Some(content_type) = content_type {
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    }
    response
}

/// `{"errors":["<message>"]}` as `application/json`: org connections and the gateway.
fn error(status: StatusCode, message: &str) -> Reply {
    let body = J::Obj(vec![("errors", J::Arr(vec![s(message)]))]);
    reply(status, Some(JSON), body.render())
}

/// A JSON:API error object as `application/vnd.api+json`: team connections.
fn api_error(status: StatusCode, detail: &str) -> Reply {
    let object = J::Obj(vec![
        ("status", J::Str(status.as_u16().to_string())),
        ("title", s(status.canonical_reason().unwrap_or("Error"))),
        ("detail", s(detail)),
    ]);
    let body = J::Obj(vec![("errors", J::Arr(vec![object]))]);
    reply(status, Some(JSON_API), body.render())
}

fn method_not_allowed(allowed: &[Method]) -> Reply {
    let mut response = error(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed");
    let allow = allowed
        .iter()
        .map(Method::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if let Ok(value) = HeaderValue::from_str(&allow) {
        response.headers_mut().insert(header::ALLOW, value);
    }
    response
}

// ------------------------------------------------------------------------------------------------
// Requests

/// `%XX` decoding (invalid escapes stay as they are), `+` as a space when `plus` is set.
fn decode(text: &str, plus: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The query's pairs: keys decoded, values still encoded (a list splits on literal commas first).
struct Query(Vec<(String, String)>);

impl Query {
    fn parse(query: &str) -> Query {
        Query(
            query
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                    (decode(key, true), value.to_owned())
                })
                .collect(),
        )
    }

    /// The first value of `key`, decoded.
    fn first(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| decode(v, true))
    }

    /// Every item of every `key` parameter (comma-separated, decoded, empty items left out);
    /// `None` when the parameter is absent or holds no item.
    fn list(&self, key: &str) -> Option<Vec<String>> {
        let items: Vec<String> = self
            .0
            .iter()
            .filter(|(k, _)| k == key)
            .flat_map(|(_, v)| v.split(','))
            .map(|item| decode(item, true))
            .filter(|item| !item.is_empty())
            .collect();
        (!items.is_empty()).then_some(items)
    }

    /// `key` as an integer of at least `min`: `Ok(None)` when absent, `Err(())` when bad.
    fn int(&self, key: &str, min: i64) -> Result<Option<i64>, ()> {
        match self.first(key) {
            None => Ok(None),
            Some(text) => match text.trim().parse::<i64>() {
                Ok(n) if n >= min => Ok(Some(n)),
                _ => Err(()),
            },
        }
    }
}

/// Which resource a path names.
enum Endpoint {
    OrgConnections,
    OrgConnection(String),
    TeamConnections,
}

impl Endpoint {
    fn parse(path: &str) -> Option<Endpoint> {
        match path {
            "/api/v2/org_connections" => Some(Endpoint::OrgConnections),
            "/api/v2/team/connections" => Some(Endpoint::TeamConnections),
            _ => {
                let id = path.strip_prefix("/api/v2/org_connections/")?;
                (!id.is_empty() && !id.contains('/'))
                    .then(|| Endpoint::OrgConnection(decode(id, false)))
            }
        }
    }

    fn methods(&self) -> &'static [Method] {
        match self {
            Endpoint::OrgConnections => &[Method::GET, Method::POST],
            Endpoint::OrgConnection(_) => &[Method::PATCH, Method::DELETE],
            Endpoint::TeamConnections => &[Method::GET, Method::POST, Method::DELETE],
        }
    }
}

/// The caller's organisation: both keys of one organisation, from the headers, else from the
/// `api_key` and `application_key` query parameters.
fn authenticate(shared: &Shared, headers: &HeaderMap, query: &Query) -> Option<usize> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let api_key = header("dd-api-key").or_else(|| query.first("api_key"))?;
    let app_key = header("dd-application-key").or_else(|| query.first("application_key"))?;
    shared
        .orgs
        .iter()
        .position(|org| org.api_key == api_key && org.app_key == app_key)
}

async fn handle(shared: Arc<Shared>, request: Request<Incoming>) -> Result<Reply, Infallible> {
    shared.requests.fetch_add(1, Ordering::SeqCst);
    Ok(route(&shared, request).await)
}

async fn route(shared: &Shared, request: Request<Incoming>) -> Reply {
    let (parts, body) = request.into_parts();
    // The body is read whatever the answer, so that no answer leaves unread bytes on the
    // connection (which would end a keep-alive connection early).
    let body = match Limited::new(body, MAX_BODY).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => {
            return error(StatusCode::PAYLOAD_TOO_LARGE, "Request Entity Too Large");
        }
        Err(_) => return error(StatusCode::BAD_REQUEST, "Bad Request"),
    };
    let Some(endpoint) = Endpoint::parse(parts.uri.path()) else {
        return error(StatusCode::NOT_FOUND, "Not found");
    };
    if !endpoint.methods().contains(&parts.method) {
        return method_not_allowed(endpoint.methods());
    }
    let query = Query::parse(parts.uri.query().unwrap_or(""));
    let Some(org) = authenticate(shared, &parts.headers, &query) else {
        return error(StatusCode::FORBIDDEN, "Forbidden");
    };
    match (endpoint, parts.method) {
        (Endpoint::OrgConnections, Method::GET) => list_org_connections(shared, org, &query),
        (Endpoint::OrgConnections, _) => create_org_connection(shared, org, &body),
        (Endpoint::OrgConnection(id), Method::PATCH) => {
            update_org_connection(shared, org, &id, &body)
        }
        (Endpoint::OrgConnection(id), _) => delete_org_connection(shared, org, &id),
        (Endpoint::TeamConnections, Method::GET) => list_team_connections(shared, org, &query),
        (Endpoint::TeamConnections, Method::POST) => create_team_connections(shared, org, &body),
        (Endpoint::TeamConnections, _) => delete_team_connections(shared, org, &body),
    }
}

/// The JSON value at `path` (object keys).
fn at<'a>(value: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter().try_fold(value, |v, key| v.get(key))
}

/// A non-empty list of known connection types, else `None`.
fn connection_types(value: Option<&Value>) -> Option<Vec<String>> {
    let items = value?.as_array()?;
    if items.is_empty() {
        return None;
    }
    items
        .iter()
        .map(|item| {
            item.as_str()
                .filter(|t| CONNECTION_TYPES.contains(t))
                .map(str::to_owned)
        })
        .collect()
}

fn has_repeats(items: &[String]) -> bool {
    items
        .iter()
        .enumerate()
        .any(|(i, item)| items[..i].contains(item))
}

// ------------------------------------------------------------------------------------------------
// Org Connections

fn org_ref(org: &Org, names: bool) -> J {
    let mut data = vec![("type", s("orgs")), ("id", s(&org.id))];
    if names {
        data.push(("name", s(&org.name)));
    }
    J::Obj(vec![("data", J::Obj(data))])
}

fn org_connection_json(shared: &Shared, connection: &OrgConnection, names: bool) -> J {
    let source = &shared.orgs[connection.source];
    let sink = &shared.orgs[connection.sink];
    let mut user = vec![("type", s("users")), ("id", s(&source.user_id))];
    if names {
        user.push(("name", s(&source.user_name)));
    }
    J::Obj(vec![
        ("type", s("org_connection")),
        ("id", s(&connection.id)),
        (
            "attributes",
            J::Obj(vec![
                ("created_at", s(&connection.created_at)),
                (
                    "connection_types",
                    J::Arr(connection.types.iter().map(|t| s(t)).collect()),
                ),
            ]),
        ),
        (
            "relationships",
            J::Obj(vec![
                ("source_org", org_ref(source, names)),
                ("sink_org", org_ref(sink, names)),
                ("created_by", J::Obj(vec![("data", J::Obj(user))])),
            ]),
        ),
    ])
}

fn one_org_connection(shared: &Shared, connection: &OrgConnection, names: bool) -> Reply {
    let body = J::Obj(vec![(
        "data",
        org_connection_json(shared, connection, names),
    )]);
    reply(StatusCode::OK, Some(JSON), body.render())
}

fn list_org_connections(shared: &Shared, org: usize, query: &Query) -> Reply {
    let Ok(limit) = query.int("limit", 1) else {
        return error(StatusCode::BAD_REQUEST, "limit must be a positive integer");
    };
    let Ok(offset) = query.int("offset", 0) else {
        return error(
            StatusCode::BAD_REQUEST,
            "offset must be a non-negative integer",
        );
    };
    let limit = usize::try_from(limit.unwrap_or(1000)).unwrap_or(usize::MAX);
    let offset = usize::try_from(offset.unwrap_or(0)).unwrap_or(usize::MAX);
    let sink_filter = query.first("sink_org_id");
    let source_filter = query.first("source_org_id");
    let state = shared.state();
    let visible: Vec<&OrgConnection> = state
        .org_connections
        .iter()
        .filter(|c| c.source == org || c.sink == org)
        .collect();
    let matches_filter = |filter: &Option<String>, side: usize| {
        filter
            .as_ref()
            .is_none_or(|id| shared.orgs[side].id.eq_ignore_ascii_case(id))
    };
    let filtered: Vec<&OrgConnection> = visible
        .iter()
        .copied()
        .filter(|c| {
            matches_filter(&sink_filter, c.sink) && matches_filter(&source_filter, c.source)
        })
        .collect();
    let data = filtered
        .iter()
        .skip(offset)
        .take(limit)
        .map(|c| org_connection_json(shared, c, true))
        .collect();
    let body = J::Obj(vec![
        ("data", J::Arr(data)),
        (
            "meta",
            J::Obj(vec![(
                "page",
                J::Obj(vec![
                    ("total_count", int(visible.len())),
                    ("total_filtered_count", int(filtered.len())),
                ]),
            )]),
        ),
    ]);
    reply(StatusCode::OK, Some(JSON), body.render())
}

fn create_org_connection(shared: &Shared, org: usize, body: &[u8]) -> Reply {
    let bad = || error(StatusCode::BAD_REQUEST, VALIDATION_FAILED);
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return bad();
    };
    let Some(data) = value.get("data").filter(|d| d.is_object()) else {
        return bad();
    };
    if data.get("type").and_then(Value::as_str) != Some("org_connection") {
        return bad();
    }
    let Some(types) = connection_types(at(data, &["attributes", "connection_types"])) else {
        return bad();
    };
    let Some(sink_data) = at(data, &["relationships", "sink_org", "data"]) else {
        return bad();
    };
    if sink_data
        .get("type")
        .is_some_and(|t| t.as_str() != Some("orgs"))
    {
        return bad();
    }
    let Some(sink_id) = sink_data
        .get("id")
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty())
    else {
        return bad();
    };
    let Some(sink) = shared
        .orgs
        .iter()
        .position(|o| o.id.eq_ignore_ascii_case(sink_id))
    else {
        return error(StatusCode::NOT_FOUND, "Not found");
    };
    let (source_id, sink_id) = (&shared.orgs[org].id, &shared.orgs[sink].id);
    if sink == org || has_repeats(&types) {
        let message = format!("connection between orgs {source_id} and {sink_id} is not allowed");
        return error(StatusCode::BAD_REQUEST, &message);
    }
    let mut state = shared.state();
    if state
        .org_connections
        .iter()
        .any(|c| c.source == org && c.sink == sink)
    {
        let message = format!("connection between orgs {source_id} and {sink_id} already exists");
        return error(StatusCode::CONFLICT, &message);
    }
    let n = state.created_org_connections;
    state.created_org_connections += 1;
    let connection = OrgConnection {
        id: org_connection_id(n),
        source: org,
        sink,
        types,
        created_at: created_at(n),
    };
    let answer = one_org_connection(shared, &connection, true);
    state.org_connections.push(connection);
    answer
}

/// The position of the connection `id` when `org` takes part in it.
fn find_org_connection(state: &State, org: usize, id: &str) -> Option<usize> {
    state
        .org_connections
        .iter()
        .position(|c| c.id.eq_ignore_ascii_case(id) && (c.source == org || c.sink == org))
}

fn update_org_connection(shared: &Shared, org: usize, id: &str, body: &[u8]) -> Reply {
    if !is_uuid(id) {
        return error(
            StatusCode::BAD_REQUEST,
            "connection id must be a valid uuid",
        );
    }
    let bad = || error(StatusCode::BAD_REQUEST, VALIDATION_FAILED);
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return bad();
    };
    let Some(data) = value.get("data").filter(|d| d.is_object()) else {
        return bad();
    };
    if data.get("type").and_then(Value::as_str) != Some("org_connection") {
        return bad();
    }
    let body_id = data.get("id").and_then(Value::as_str).unwrap_or("");
    if !is_uuid(body_id) || !body_id.eq_ignore_ascii_case(id) {
        return bad();
    }
    let Some(types) = connection_types(at(data, &["attributes", "connection_types"])) else {
        return bad();
    };
    if has_repeats(&types) {
        return bad();
    }
    let mut state = shared.state();
    let Some(index) = find_org_connection(&state, org, id) else {
        let message = format!("Org connection with id:{id} not found not found");
        return error(StatusCode::NOT_FOUND, &message);
    };
    let connection = &mut state.org_connections[index];
    if connection.source != org {
        return error(StatusCode::FORBIDDEN, "Forbidden");
    }
    connection.types = types;
    one_org_connection(shared, connection, false)
}

fn delete_org_connection(shared: &Shared, org: usize, id: &str) -> Reply {
    if !is_uuid(id) {
        return error(
            StatusCode::BAD_REQUEST,
            "connection id must be a valid uuid",
        );
    }
    let mut state = shared.state();
    let Some(index) = find_org_connection(&state, org, id) else {
        let message = format!("org connection with id:{id} not found not found");
        return error(StatusCode::NOT_FOUND, &message);
    };
    state.org_connections.remove(index);
    reply(StatusCode::OK, Some(JSON), "{}".to_owned())
}

// ------------------------------------------------------------------------------------------------
// Team Connections

fn team_connection_json(connection: &TeamConnection) -> J {
    let reference = |id: &str, kind: &str| {
        J::Obj(vec![(
            "data",
            J::Obj(vec![("id", s(id)), ("type", s(kind))]),
        )])
    };
    J::Obj(vec![
        ("id", s(&connection.id)),
        ("type", s("team_connection")),
        (
            "attributes",
            J::Obj(vec![
                ("managed_by", s(&connection.managed_by)),
                ("source", s(&connection.source)),
            ]),
        ),
        (
            "relationships",
            J::Obj(vec![
                (
                    "connected_team",
                    reference(&connection.connected_team_id, "github_team"),
                ),
                ("team", reference(&connection.team_id, "team")),
            ]),
        ),
    ])
}

fn list_team_connections(shared: &Shared, org: usize, query: &Query) -> Reply {
    let Ok(size) = query.int("page[size]", 1) else {
        return api_error(
            StatusCode::BAD_REQUEST,
            "page[size] must be between 1 and 100",
        );
    };
    let size = size.unwrap_or(10);
    if size > 100 {
        return api_error(
            StatusCode::BAD_REQUEST,
            "page[size] must be between 1 and 100",
        );
    }
    let Ok(number) = query.int("page[number]", 0) else {
        return api_error(
            StatusCode::BAD_REQUEST,
            "page[number] must be a non-negative integer",
        );
    };
    let number = number.unwrap_or(0);
    let sources = query.list("filter[sources]");
    let team_ids = query.list("filter[team_ids]");
    let connected = query.list("filter[connected_team_ids]");
    let ids = query.list("filter[connection_ids]");
    let admits = |filter: &Option<Vec<String>>, value: &str| {
        filter.as_ref().is_none_or(|f| f.iter().any(|v| v == value))
    };
    let state = shared.state();
    let matching: Vec<&TeamConnection> = state
        .team_connections
        .iter()
        .filter(|c| {
            c.org == org
                && admits(&sources, &c.source)
                && admits(&team_ids, &c.team_id)
                && admits(&connected, &c.connected_team_id)
                && admits(&ids, &c.id)
        })
        .collect();
    let total = i64::try_from(matching.len()).unwrap_or(i64::MAX);
    // `size` is 1..=100, so these cannot overflow or divide by zero.
    let last = if total == 0 { 0 } else { (total - 1) / size };
    let start = usize::try_from(number.saturating_mul(size)).unwrap_or(usize::MAX);
    let data = matching
        .iter()
        .skip(start)
        .take(usize::try_from(size).unwrap_or(100))
        .map(|c| team_connection_json(c))
        .collect();
    let page = J::Obj(vec![
        ("type", s("number_size")),
        ("number", J::Int(number)),
        ("size", J::Int(size)),
        ("total", J::Int(total)),
        ("first_number", J::Int(0)),
        (
            "prev_number",
            if number == 0 {
                J::Null
            } else {
                J::Int(number - 1)
            },
        ),
        (
            "next_number",
            if number < last {
                J::Int(number + 1)
            } else {
                J::Null
            },
        ),
        ("last_number", J::Int(last)),
    ]);
    let body = J::Obj(vec![
        ("data", J::Arr(data)),
        ("meta", J::Obj(vec![("page", page)])),
    ]);
    reply(StatusCode::OK, Some(JSON_API), body.render())
}

/// The `id` of `data` at `relationships.<name>.data`, when its `type` (if any) is `kind`.
fn reference_id<'a>(item: &'a Value, name: &str, kind: &str) -> Option<&'a str> {
    let data = at(item, &["relationships", name, "data"])?;
    if data.get("type").is_some_and(|t| t.as_str() != Some(kind)) {
        return None;
    }
    data.get("id")
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty())
}

fn create_team_connections(shared: &Shared, org: usize, body: &[u8]) -> Reply {
    let bad = |detail: &str| api_error(StatusCode::BAD_REQUEST, detail);
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return bad("request body is not valid JSON");
    };
    let Some(items) = value.get("data").and_then(Value::as_array) else {
        return bad("attribute \"data\" must be a list of team connections");
    };
    if items.is_empty() {
        return bad("attribute \"data\" at least one team connection must be provided");
    }
    let teams = &shared.orgs[org].teams;
    let mut new = Vec::with_capacity(items.len());
    for item in items {
        if item.get("type").and_then(Value::as_str) != Some("team_connection") {
            return bad("attribute \"type\" must be \"team_connection\"");
        }
        let Some(team_id) = reference_id(item, "team", "team") else {
            return bad("attribute \"team\" a Datadog team id must be provided");
        };
        let Some(connected_team_id) = reference_id(item, "connected_team", "github_team") else {
            return bad("attribute \"connected_team\" a connected team id must be provided");
        };
        let attribute = |name: &str| at(item, &["attributes", name]).filter(|v| !v.is_null());
        let source = match attribute("source") {
            None => "github",
            Some(Value::String(source)) if source == "github" => "github",
            Some(other) => {
                let shown = other
                    .as_str()
                    .map_or_else(|| other.to_string(), str::to_owned);
                return bad(&format!(
                    "attribute \"source\" unsupported source {shown:?}"
                ));
            }
        };
        let managed_by = match attribute("managed_by") {
            None => "datadog",
            Some(Value::String(by)) if !by.is_empty() => by.as_str(),
            Some(_) => return bad("attribute \"managed_by\" must be a non-empty string"),
        };
        if !teams.iter().any(|t| t.id == team_id) {
            return bad(&format!("attribute \"team\" team {team_id} not found"));
        }
        new.push((team_id, connected_team_id, source, managed_by));
    }
    let mut state = shared.state();
    let conflict = new.iter().enumerate().any(|(i, (team, connected, _, _))| {
        new[..i]
            .iter()
            .any(|(t, c, _, _)| t == team && c == connected)
            || state
                .team_connections
                .iter()
                .any(|c| c.org == org && c.team_id == *team && c.connected_team_id == *connected)
    });
    if conflict {
        return api_error(
            StatusCode::CONFLICT,
            "failed to add team connections: one or more team attributes already exist",
        );
    }
    let mut data = Vec::with_capacity(new.len());
    for (team_id, connected_team_id, source, managed_by) in new {
        let connection = TeamConnection {
            id: state.new_team_connection_id(),
            org,
            team_id: team_id.to_owned(),
            connected_team_id: connected_team_id.to_owned(),
            source: source.to_owned(),
            managed_by: managed_by.to_owned(),
        };
        data.push(team_connection_json(&connection));
        state.team_connections.push(connection);
    }
    let body = J::Obj(vec![("data", J::Arr(data))]);
    reply(StatusCode::CREATED, Some(JSON_API), body.render())
}

fn delete_team_connections(shared: &Shared, org: usize, body: &[u8]) -> Reply {
    let bad = |detail: &str| api_error(StatusCode::BAD_REQUEST, detail);
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return bad("request body is not valid JSON");
    };
    let Some(items) = value.get("data").and_then(Value::as_array) else {
        return bad("attribute \"data\" must be a list of team connection ids");
    };
    if items.is_empty() {
        return bad("attribute \"data\" at least one team connection id must be provided");
    }
    let mut ids = Vec::with_capacity(items.len());
    for item in items {
        let Some(id) = item
            .get("id")
            .and_then(Value::as_str)
            .filter(|id| !id.is_empty())
        else {
            return bad("attribute \"id\" one or more team connection ids are not present");
        };
        if item.get("type").and_then(Value::as_str) != Some("team_connection") {
            return bad("attribute \"type\" must be \"team_connection\"");
        }
        ids.push(id);
    }
    let mut state = shared.state();
    if let Some(unknown) = ids.iter().find(|id| {
        !state
            .team_connections
            .iter()
            .any(|c| c.org == org && c.id == **id)
    }) {
        return api_error(
            StatusCode::NOT_FOUND,
            &format!("team connection {unknown} not found"),
        );
    }
    state
        .team_connections
        .retain(|c| !(c.org == org && ids.contains(&c.id.as_str())));
    reply(StatusCode::NO_CONTENT, None, String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_uuids_and_distinct() {
        let ids: Vec<String> = (0..1000).map(org_connection_id).collect();
        let teams: Vec<String> = (0..1000).map(team_connection_id).collect();
        for id in ids.iter().chain(&teams) {
            assert!(is_uuid(id), "{id}");
        }
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(&id[14..15], "4", "{id}");
            assert!("89ab".contains(&id[19..20]), "{id}");
            assert!(!ids[..i].contains(id));
            assert!(!teams[..i].contains(&teams[i]));
        }
    }

    #[test]
    fn created_at_counts_seconds_from_the_epoch() {
        assert_eq!(created_at(0), "2025-08-26T20:19:35.000000+00:00");
        assert_eq!(created_at(25), "2025-08-26T20:20:00.000000+00:00");
        assert_eq!(created_at(86_400 * 128), "2026-01-01T20:19:35.000000+00:00");
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn decoding_and_lists() {
        assert_eq!(decode("%40org%2Fteam+x%zz%4", true), "@org/team x%zz%4");
        let query = Query::parse("filter%5Bsources%5D=github,%2Cx,&filter[sources]=gitlab&a");
        assert_eq!(
            query.list("filter[sources]"),
            Some(vec!["github".into(), ",x".into(), "gitlab".into()])
        );
        assert_eq!(query.first("a"), Some(String::new()));
        assert_eq!(query.list("b"), None);
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("DD Integration Tests (321813)"),
            "DD-Integration-Tests-321813"
        );
        assert_eq!(slug("  !! "), "org");
    }
}
