//! A command-line client for Org Connections and Team Connections, built on the SDK.
//!
//! ```text
//! cargo run -p datadog-connections --example connections -- <org|team> <list|create|update|delete> [flags]
//!
//! org list [--limit N] [--offset N] [--sink-org-id ID] [--source-org-id ID] [--all] [--max-bytes N]
//! org create --sink-org-id ID --types logs,metrics
//! org update ID --types logs
//! org delete ID
//! team list [--page-size N] [--page N] [--all] [--max-bytes N] [--sources a,b] [--team-ids a,b]
//!           [--connected-team-ids a,b] [--connection-ids a,b]
//! team create --team ID --connected-team ID [--source S] [--managed-by M]
//! team delete ID...
//! ```
//!
//! The client is configured from `DD_SITE` (a Datadog site such as `datadoghq.eu`, or a base URL with
//! its scheme such as `http://127.0.0.1:8765`), `DD_API_KEY` and `DD_APP_KEY` (or `DD_ACCESS_TOKEN`).
//! `--version` prints the SDK's version. Each command prints the
//! response body as pretty JSON on stdout (`delete` commands, whose responses have no body, print
//! nothing). With `--all`, `list` pages through every page from `--offset`/`--page` (default 0) and
//! prints `{"data": [...every item...]}`, unknown properties exactly as the server sent them; it
//! gives up past 100,000 items or past `--max-bytes` bytes of response bodies (default 256 MiB,
//! the runtime's `DEFAULT_MAX_COLLECT_BYTES`), since the output is built in memory. `DD_SITE` is
//! shown in errors with any user name, password, query and fragment redacted. On failure it
//! prints one line on stderr, with the HTTP status when there is one, and exits with status 1; a
//! usage error exits with status 2.

use clap::error::ErrorKind;
use clap::{Args, Parser, Subcommand};
use datadog_connections::models::{
    ConnectedTeamRef, ConnectedTeamRefData, OrgConnectionCreate, OrgConnectionCreateAttributes,
    OrgConnectionCreateRelationships, OrgConnectionCreateRequest, OrgConnectionOrgRelationship,
    OrgConnectionOrgRelationshipData, OrgConnectionOrgRelationshipDataType, OrgConnectionTypeEnum,
    OrgConnectionUpdate, OrgConnectionUpdateAttributes, OrgConnectionUpdateRequest,
    TeamConnectionAttributes, TeamConnectionCreateData, TeamConnectionCreateRequest,
    TeamConnectionDeleteRequest, TeamConnectionDeleteRequestDataItem, TeamConnectionRelationships,
    TeamRef, TeamRefData,
};
use datadog_connections::{Client, ClientBuilder, ConfigError, Error};
use openapi_sdk_runtime::pagination::DEFAULT_MAX_COLLECT_BYTES;
use openapi_sdk_runtime::redact_url;
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

/// The most items `list --all` collects before giving up (the output is built in memory).
const MAX_ITEMS: usize = 100_000;

/// Manage Datadog org connections and team connections (DD_SITE, DD_API_KEY, DD_APP_KEY).
#[derive(Debug, Parser)]
#[command(name = "connections", version)]
struct Cli {
    #[command(subcommand)]
    api: Api,
}

#[derive(Debug, Subcommand)]
enum Api {
    /// Org connections: share data between Datadog organizations.
    #[command(subcommand)]
    Org(OrgCommand),
    /// Team connections (Preview): link Datadog teams to teams in other systems.
    #[command(subcommand)]
    Team(TeamCommand),
}

#[derive(Debug, Subcommand)]
enum OrgCommand {
    /// List org connections.
    List {
        /// Page size (the API's default is 1000).
        #[arg(long)]
        limit: Option<i64>,
        /// Offset of the first entry (with --all: where paging starts).
        #[arg(long)]
        offset: Option<i64>,
        /// Only connections to this sink org.
        #[arg(long)]
        sink_org_id: Option<String>,
        /// Only connections from this source org.
        #[arg(long)]
        source_org_id: Option<String>,
        /// Fetch every page.
        #[arg(long)]
        all: bool,
        /// With --all: the most bytes of response bodies to collect (default 256 MiB).
        #[arg(long)]
        max_bytes: Option<u64>,
    },
    /// Create an org connection to a sink org.
    Create {
        /// The org to share data with.
        #[arg(long)]
        sink_org_id: String,
        /// Connection types, comma-separated (logs, metrics, audit).
        #[arg(long, value_delimiter = ',', required = true, value_parser = connection_type)]
        types: Vec<OrgConnectionTypeEnum>,
    },
    /// Replace the connection types of an org connection.
    Update {
        /// The org connection id (a UUID).
        id: uuid::Uuid,
        /// Connection types, comma-separated (logs, metrics, audit).
        #[arg(long, value_delimiter = ',', required = true, value_parser = connection_type)]
        types: Vec<OrgConnectionTypeEnum>,
    },
    /// Delete an org connection.
    Delete {
        /// The org connection id.
        id: String,
    },
}

#[derive(Debug, Subcommand)]
enum TeamCommand {
    /// List team connections.
    List(TeamList),
    /// Connect a Datadog team to a team in another system.
    Create {
        /// The Datadog team id.
        #[arg(long)]
        team: String,
        /// The connected team's id, such as `@my-org/platform`.
        #[arg(long)]
        connected_team: String,
        /// The external source (`github`).
        #[arg(long)]
        source: Option<String>,
        /// What manages the connection (`github_sync`).
        #[arg(long)]
        managed_by: Option<String>,
    },
    /// Delete team connections by id.
    Delete {
        /// The team connection ids.
        #[arg(required = true)]
        ids: Vec<String>,
    },
}

#[derive(Debug, Args)]
struct TeamList {
    /// Page size (at most 100; the API's default is 10).
    #[arg(long)]
    page_size: Option<i64>,
    /// Page number (with --all: where paging starts).
    #[arg(long)]
    page: Option<i64>,
    /// Fetch every page.
    #[arg(long)]
    all: bool,
    /// With --all: the most bytes of response bodies to collect (default 256 MiB).
    #[arg(long)]
    max_bytes: Option<u64>,
    /// Only these external sources, comma-separated.
    #[arg(long, value_delimiter = ',')]
    sources: Vec<String>,
    /// Only these Datadog team ids, comma-separated.
    #[arg(long, value_delimiter = ',')]
    team_ids: Vec<String>,
    /// Only these connected team ids, comma-separated.
    #[arg(long, value_delimiter = ',')]
    connected_team_ids: Vec<String>,
    /// Only these connection ids, comma-separated.
    #[arg(long, value_delimiter = ',')]
    connection_ids: Vec<String>,
}

/// A connection type: a known one, or any other non-empty name (sent as is; the API decides).
fn connection_type(value: &str) -> Result<OrgConnectionTypeEnum, String> {
    let value = value.trim();
    if value.is_empty() {
        return Err("a connection type cannot be empty".to_owned());
    }
    Ok(OrgConnectionTypeEnum::from(value))
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // --help, --version, or no command at all: clap's help text.
        Err(error)
            if !error.use_stderr()
                || error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand =>
        {
            error.exit()
        }
        Err(error) => {
            // clap's message and tips without the usage block, on one line.
            let rendered = error.render().to_string();
            let mut message = String::new();
            let lines = rendered.lines().take_while(|line| {
                !line.starts_with("Usage:") && !line.starts_with("For more information")
            });
            for line in lines.map(str::trim).filter(|line| !line.is_empty()) {
                if !message.is_empty() {
                    message.push_str(if message.ends_with(':') { " " } else { "; " });
                }
                message.push_str(line);
            }
            eprintln!("{message} (see --help)");
            return ExitCode::from(2);
        }
    };
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}", cli_message(&error));
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), Error> {
    match cli.api {
        Api::Org(command) => org(command).await,
        Api::Team(command) => team(command).await,
    }
}

async fn org(command: OrgCommand) -> Result<(), Error> {
    let client = ClientBuilder::from_env().build()?;
    match command {
        OrgCommand::List {
            limit,
            offset,
            sink_org_id,
            source_org_id,
            all,
            max_bytes,
        } => {
            let mut request = client.list_org_connections();
            if let Some(limit) = limit {
                request = request.limit(limit);
            }
            if let Some(id) = sink_org_id {
                request = request.sink_org_id(id);
            }
            if let Some(id) = source_org_id {
                request = request.source_org_id(id);
            }
            if all {
                let paginator = request
                    .paginate()
                    .start_offset(offset.unwrap_or(0))
                    .max_collect_bytes(max_bytes.unwrap_or(DEFAULT_MAX_COLLECT_BYTES));
                let items = paginator.collect_all(MAX_ITEMS).await?;
                print_json(&AllItems { data: items })
            } else {
                if let Some(offset) = offset {
                    request = request.offset(offset);
                }
                print_json(&request.send().await?)
            }
        }
        OrgCommand::Create { sink_org_id, types } => {
            let sink = OrgConnectionOrgRelationshipData::new()
                .id(sink_org_id)
                .r#type(OrgConnectionOrgRelationshipDataType::Orgs);
            let body = OrgConnectionCreateRequest::new(OrgConnectionCreate::new(
                OrgConnectionCreateAttributes::new(types),
                OrgConnectionCreateRelationships::new(
                    OrgConnectionOrgRelationship::new().data(sink),
                ),
            ));
            print_json(&client.create_org_connections(body).send().await?)
        }
        OrgCommand::Update { id, types } => {
            let body = OrgConnectionUpdateRequest::new(OrgConnectionUpdate::new(
                OrgConnectionUpdateAttributes::new(types),
                id,
            ));
            print_json(&client.update_org_connections(id, body).send().await?)
        }
        OrgCommand::Delete { id } => client.delete_org_connections(id).send().await,
    }
}

async fn team(command: TeamCommand) -> Result<(), Error> {
    // Team Connections are in Preview: enable exactly the operation this command calls.
    let operation = match &command {
        TeamCommand::List(_) => "ListTeamConnections",
        TeamCommand::Create { .. } => "CreateTeamConnections",
        TeamCommand::Delete { .. } => "DeleteTeamConnections",
    };
    let client = ClientBuilder::from_env()
        .enable_preview(operation)
        .build()?;
    match command {
        TeamCommand::List(list) => team_list(&client, list).await,
        TeamCommand::Create {
            team,
            connected_team,
            source,
            managed_by,
        } => {
            let relationships = TeamConnectionRelationships::new()
                .team(TeamRef::new().data(TeamRefData::new(team)))
                .connected_team(
                    ConnectedTeamRef::new().data(ConnectedTeamRefData::new(connected_team)),
                );
            let mut data = TeamConnectionCreateData::new().relationships(relationships);
            if source.is_some() || managed_by.is_some() {
                let mut attributes = TeamConnectionAttributes::new();
                if let Some(source) = source {
                    attributes = attributes.source(source);
                }
                if let Some(managed_by) = managed_by {
                    attributes = attributes.managed_by(managed_by);
                }
                data = data.attributes(attributes);
            }
            let body = TeamConnectionCreateRequest::new(vec![data]);
            print_json(&client.create_team_connections(body).send().await?)
        }
        TeamCommand::Delete { ids } => {
            let items = ids
                .into_iter()
                .map(TeamConnectionDeleteRequestDataItem::new)
                .collect();
            client
                .delete_team_connections(TeamConnectionDeleteRequest::new(items))
                .send()
                .await
        }
    }
}

async fn team_list(client: &Client, list: TeamList) -> Result<(), Error> {
    let mut request = client.list_team_connections();
    if let Some(size) = list.page_size {
        request = request.page_size(size);
    }
    if !list.sources.is_empty() {
        request = request.filter_sources(list.sources);
    }
    if !list.team_ids.is_empty() {
        request = request.filter_team_ids(list.team_ids);
    }
    if !list.connected_team_ids.is_empty() {
        request = request.filter_connected_team_ids(list.connected_team_ids);
    }
    if !list.connection_ids.is_empty() {
        request = request.filter_connection_ids(list.connection_ids);
    }
    if list.all {
        let paginator = request
            .paginate()
            .start_page(list.page.unwrap_or(0))
            .max_collect_bytes(list.max_bytes.unwrap_or(DEFAULT_MAX_COLLECT_BYTES));
        let items = paginator.collect_all(MAX_ITEMS).await?;
        print_json(&AllItems { data: items })
    } else {
        if let Some(page) = list.page {
            request = request.page_number(page);
        }
        print_json(&request.send().await?)
    }
}

/// What `list --all` prints: `{"data": [...every item...]}`.
///
/// Serialized as it is, not through `serde_json::Value`: the items keep unknown properties as
/// their exact JSON text, which a `Value` cannot always hold (`1e400`, nesting deeper than 128).
#[derive(Serialize)]
struct AllItems<T> {
    data: Vec<T>,
}

/// Writes `value` as pretty JSON and a newline to stdout.
fn print_json<T: Serialize>(value: &T) -> Result<(), Error> {
    let invalid = |reason: String| Error::InvalidRequest {
        operation: "output",
        reason,
    };
    let text = serde_json::to_string_pretty(value).map_err(|e| invalid(e.to_string()))?;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{text}")
        .and_then(|()| stdout.flush())
        .map_err(|e| invalid(format!("cannot write to stdout: {e}")))
}

/// The error on one line, in the CLI's terms: configuration errors name the environment variables
/// to set rather than the SDK's API; other errors as [`one_line`] renders them.
fn cli_message(error: &Error) -> String {
    match error {
        Error::MissingCredentials { .. } => {
            let unset: Vec<&str> = ["DD_API_KEY", "DD_APP_KEY"]
                .into_iter()
                .filter(|name| std::env::var(name).map_or(true, |v| v.trim().is_empty()))
                .collect();
            let what = if unset.len() == 1 {
                format!("{} is not set", unset[0])
            } else {
                "no credentials".to_owned()
            };
            format!("{what}: set DD_API_KEY and DD_APP_KEY (or DD_ACCESS_TOKEN)")
        }
        Error::Config(ConfigError::UnknownValue {
            what: "site",
            value,
            allowed,
        }) => {
            // The value can hold credentials (`user:pw@host`, `?token=…`): shown redacted.
            let shown = redact_url(value);
            let mut text = format!("DD_SITE={shown:?} is not a Datadog site (expected one of: {allowed}, or a base URL with its scheme)");
            // No hint for a value that held credentials: it would repeat them.
            if let Some(url) = base_url_hint(value).filter(|_| shown == *value) {
                text.push_str(&format!(
                    "; for a server at that address, set DD_SITE={url}"
                ));
            }
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        }
        Error::Config(ConfigError::InvalidCredential { scheme, reason }) => {
            let variable = match scheme.as_str() {
                "apiKeyAuth" => "DD_API_KEY",
                "appKeyAuth" => "DD_APP_KEY",
                "AuthZ" => "DD_ACCESS_TOKEN",
                _ => return one_line(error),
            };
            format!("{variable} cannot be used: {reason}")
        }
        _ => one_line(error),
    }
}

/// `http://VALUE` when `DD_SITE` looks like a local server's address without its scheme: a
/// `host:port`, an IP address or `localhost`.
fn base_url_hint(value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() || value.contains(char::is_whitespace) || value.contains('/') {
        return None;
    }
    if value.parse::<std::net::Ipv6Addr>().is_ok() {
        return Some(format!("http://[{value}]"));
    }
    let host_port = value.rsplit_once(':').is_some_and(|(host, port)| {
        !host.is_empty() && !port.is_empty() && port.chars().all(|c| c.is_ascii_digit())
    });
    let bare = value.trim_start_matches('[').trim_end_matches(']');
    let local = value.eq_ignore_ascii_case("localhost") || bare.parse::<std::net::IpAddr>().is_ok();
    (host_port || local).then(|| format!("http://{value}"))
}

/// The error on one line: its message, the root cause when the message does not already include
/// it (a connection failure, say), and the HTTP status when there is one and the message lacks it.
fn one_line(error: &Error) -> String {
    let mut text = error.to_string();
    let mut root = std::error::Error::source(error);
    while let Some(cause) = root.and_then(std::error::Error::source) {
        root = Some(cause);
    }
    if let Some(root) = root.map(ToString::to_string) {
        if !text.contains(&root) {
            text = format!("{text}: {root}");
        }
    }
    if let Some(status) = error.status() {
        if !text.contains(status.as_str()) {
            text = format!("HTTP {status}: {text}");
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
