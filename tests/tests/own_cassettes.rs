//! Checks the repository's own cassettes (`tests/cassettes/`): each parses, targets a connection
//! endpoint with a request the SDK could send, carries no secrets, replays, and together they cover
//! every documented (operation, status) pair.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use datadog_connections_replay::redact::is_sensitive;
use datadog_connections_replay::{cassette_files, Cassette, Interaction};
use http::Method;
use serde_json::{Map, Value};

/// Every operation: its id, the folder of its cassettes, and its documented statuses.
const OPERATIONS: &[(&str, &str, &[u16])] = &[
    (
        "ListOrgConnections",
        "list_org_connections",
        &[200, 401, 403, 429],
    ),
    (
        "CreateOrgConnections",
        "create_org_connections",
        &[200, 400, 401, 403, 404, 409, 429],
    ),
    (
        "UpdateOrgConnections",
        "update_org_connections",
        &[200, 400, 401, 403, 404, 429],
    ),
    (
        "DeleteOrgConnections",
        "delete_org_connections",
        &[200, 400, 401, 403, 404, 429],
    ),
    (
        "ListTeamConnections",
        "list_team_connections",
        &[200, 400, 403, 429],
    ),
    (
        "CreateTeamConnections",
        "create_team_connections",
        &[201, 400, 403, 409, 429],
    ),
    (
        "DeleteTeamConnections",
        "delete_team_connections",
        &[204, 400, 403, 404, 429],
    ),
];

const ORG_CONNECTIONS: &str = "/api/v2/org_connections";
const TEAM_CONNECTIONS: &str = "/api/v2/team/connections";

fn cassette_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cassettes")
}

/// Every cassette with its folder name and raw JSON.
fn load_all() -> Vec<(String, Cassette, Value)> {
    let files = cassette_files(&cassette_dir()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !files.is_empty(),
        "no cassettes under {}",
        cassette_dir().display()
    );
    files
        .iter()
        .map(|file| {
            let cassette = Cassette::load(file).unwrap_or_else(|e| panic!("{e}"));
            let raw: Value =
                serde_json::from_str(&std::fs::read_to_string(file).expect("readable"))
                    .expect("JSON");
            let folder = file
                .parent()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (folder, cassette, raw)
        })
        .collect()
}

/// The operation a request calls, from its method and path, with the path's connection id if any.
fn operation(method: &Method, path: &str) -> Option<(&'static str, Option<String>)> {
    if path == ORG_CONNECTIONS {
        return match *method {
            Method::GET => Some(("ListOrgConnections", None)),
            Method::POST => Some(("CreateOrgConnections", None)),
            _ => None,
        };
    }
    if let Some(id) = path
        .strip_prefix(ORG_CONNECTIONS)
        .and_then(|rest| rest.strip_prefix('/'))
    {
        if id.is_empty() || id.contains('/') {
            return None;
        }
        return match *method {
            Method::PATCH => Some(("UpdateOrgConnections", Some(id.to_string()))),
            Method::DELETE => Some(("DeleteOrgConnections", Some(id.to_string()))),
            _ => None,
        };
    }
    if path == TEAM_CONNECTIONS {
        return match *method {
            Method::GET => Some(("ListTeamConnections", None)),
            Method::POST => Some(("CreateTeamConnections", None)),
            Method::DELETE => Some(("DeleteTeamConnections", None)),
            _ => None,
        };
    }
    None
}

fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `v` as an object with all of `required`, and no keys outside `required` and `optional`.
fn object<'a>(
    v: &'a Value,
    at: &str,
    required: &[&str],
    optional: &[&str],
) -> Result<&'a Map<String, Value>, String> {
    let map = v
        .as_object()
        .ok_or_else(|| format!("{at}: not an object"))?;
    for key in required {
        if !map.contains_key(*key) {
            return Err(format!("{at}: missing required `{key}`"));
        }
    }
    for key in map.keys() {
        if !required.contains(&key.as_str()) && !optional.contains(&key.as_str()) {
            return Err(format!("{at}: unknown field `{key}`"));
        }
    }
    Ok(map)
}

fn enum_str(v: &Value, at: &str, allowed: &[&str]) -> Result<(), String> {
    match v.as_str() {
        Some(s) if allowed.contains(&s) => Ok(()),
        _ => Err(format!("{at}: {v} is not one of {allowed:?}")),
    }
}

fn string(v: &Value, at: &str) -> Result<(), String> {
    v.as_str()
        .map(|_| ())
        .ok_or_else(|| format!("{at}: not a string"))
}

fn connection_types(v: &Value, at: &str) -> Result<(), String> {
    let items = v.as_array().ok_or_else(|| format!("{at}: not an array"))?;
    if items.is_empty() {
        return Err(format!("{at}: minItems 1"));
    }
    items
        .iter()
        .try_for_each(|t| enum_str(t, at, &["logs", "metrics", "audit"]))
}

/// Validates a request body against the operation's request schema (from the OpenAPI spec).
fn check_request_body(op: &str, path_id: Option<&str>, body: Option<&Value>) -> Result<(), String> {
    match (op, body) {
        ("ListOrgConnections" | "DeleteOrgConnections" | "ListTeamConnections", None) => Ok(()),
        ("CreateOrgConnections", Some(body)) => {
            let data = &object(body, "body", &["data"], &[])?["data"];
            let data = object(data, "data", &["type", "attributes", "relationships"], &[])?;
            enum_str(&data["type"], "data.type", &["org_connection"])?;
            connection_types(
                &object(
                    &data["attributes"],
                    "attributes",
                    &["connection_types"],
                    &[],
                )?["connection_types"],
                "connection_types",
            )?;
            let rel = object(&data["relationships"], "relationships", &["sink_org"], &[])?;
            let sink = object(&rel["sink_org"], "sink_org", &[], &["data"])?;
            if let Some(d) = sink.get("data") {
                let d = object(d, "sink_org.data", &[], &["id", "name", "type"])?;
                d.get("id")
                    .map_or(Ok(()), |v| string(v, "sink_org.data.id"))?;
                d.get("name")
                    .map_or(Ok(()), |v| string(v, "sink_org.data.name"))?;
                d.get("type")
                    .map_or(Ok(()), |v| enum_str(v, "sink_org.data.type", &["orgs"]))?;
            }
            Ok(())
        }
        ("UpdateOrgConnections", Some(body)) => {
            let data = &object(body, "body", &["data"], &[])?["data"];
            let data = object(data, "data", &["type", "id", "attributes"], &[])?;
            enum_str(&data["type"], "data.type", &["org_connection"])?;
            let id = data["id"]
                .as_str()
                .filter(|id| is_uuid(id))
                .ok_or("data.id: not a uuid")?;
            if Some(id) != path_id {
                return Err(format!("data.id {id} differs from the path's {path_id:?}"));
            }
            connection_types(
                &object(
                    &data["attributes"],
                    "attributes",
                    &["connection_types"],
                    &[],
                )?["connection_types"],
                "connection_types",
            )
        }
        ("CreateTeamConnections", Some(body)) => {
            let items = object(body, "body", &["data"], &[])?["data"]
                .as_array()
                .ok_or("data: not an array")?;
            for item in items {
                let item = object(item, "data[]", &["type"], &["attributes", "relationships"])?;
                enum_str(&item["type"], "data[].type", &["team_connection"])?;
                if let Some(attributes) = item.get("attributes") {
                    let attributes =
                        object(attributes, "attributes", &[], &["managed_by", "source"])?;
                    attributes
                        .values()
                        .try_for_each(|v| string(v, "attributes.*"))?;
                }
                if let Some(rel) = item.get("relationships") {
                    let rel = object(rel, "relationships", &[], &["connected_team", "team"])?;
                    for (key, kind) in [("connected_team", "github_team"), ("team", "team")] {
                        if let Some(r) = rel.get(key) {
                            if let Some(d) = object(r, key, &[], &["data"])?.get("data") {
                                let d = object(d, key, &["id", "type"], &[])?;
                                string(&d["id"], key)?;
                                enum_str(&d["type"], key, &[kind])?;
                            }
                        }
                    }
                }
            }
            Ok(())
        }
        ("DeleteTeamConnections", Some(body)) => {
            let items = object(body, "body", &["data"], &[])?["data"]
                .as_array()
                .ok_or("data: not an array")?;
            for item in items {
                let item = object(item, "data[]", &["id", "type"], &[])?;
                string(&item["id"], "data[].id")?;
                enum_str(&item["type"], "data[].type", &["team_connection"])?;
            }
            Ok(())
        }
        (op, Some(_)) => Err(format!("{op} takes no body")),
        (op, None) => Err(format!("{op} requires a body")),
    }
}

/// Validates the query against the operation's parameters.
fn check_query(op: &str, query: &[(String, String)]) -> Result<(), String> {
    let (integers, strings): (&[&str], &[&str]) = match op {
        "ListOrgConnections" => (&["limit", "offset"], &["sink_org_id", "source_org_id"]),
        "ListTeamConnections" => (
            &["page[size]", "page[number]"],
            &[
                "filter[sources]",
                "filter[team_ids]",
                "filter[connected_team_ids]",
                "filter[connection_ids]",
            ],
        ),
        _ => (&[], &[]),
    };
    let mut seen = BTreeSet::new();
    for (name, value) in query {
        if !seen.insert(name.as_str()) {
            return Err(format!("query parameter {name} repeated"));
        }
        if integers.contains(&name.as_str()) {
            value
                .parse::<i64>()
                .map_err(|_| format!("{name}={value} is not an int64"))?;
        } else if !strings.contains(&name.as_str()) {
            return Err(format!("{op} has no query parameter {name}"));
        }
    }
    Ok(())
}

/// Checks a response body's shape: errors for 4xx, JSON for 2xx with a body.
fn check_response(op: &str, interaction: &Interaction) -> Result<(), String> {
    let response = &interaction.response;
    if response.status == 204 {
        return if response.body.is_empty() {
            Ok(())
        } else {
            Err("204 with a body".into())
        };
    }
    let body: Value = serde_json::from_str(&response.body)
        .map_err(|e| format!("response body is not JSON: {e}"))?;
    if response.header("content-type").is_none() {
        return Err("response with a body but no Content-Type".into());
    }
    if response.status >= 400 {
        let errors = body
            .get("errors")
            .and_then(Value::as_array)
            .ok_or("error body without an `errors` array")?;
        if errors.is_empty() {
            return Err("empty `errors`".into());
        }
        for error in errors {
            let ok = error.is_string()
                || object(error, "errors[]", &["status", "title", "detail"], &[]).is_ok_and(|e| {
                    e["status"].as_str() == Some(response.status.to_string().as_str())
                        && e.values().all(Value::is_string)
                });
            if !ok {
                return Err(format!(
                    "error {error} is neither a string nor a JSON:API error for this status"
                ));
            }
        }
    }
    if response.status == 429 {
        for name in [
            "X-RateLimit-Limit",
            "X-RateLimit-Period",
            "X-RateLimit-Remaining",
            "X-RateLimit-Reset",
            "X-RateLimit-Name",
        ] {
            response.header(name).ok_or(format!("429 without {name}"))?;
        }
        if response.header("X-RateLimit-Remaining") != Some("0") {
            return Err("429 with X-RateLimit-Remaining other than 0".into());
        }
    }
    if op == "ListTeamConnections" && response.status == 200 {
        let page = body
            .pointer("/meta/page")
            .and_then(Value::as_object)
            .ok_or("no meta.page")?;
        for key in ["number", "size", "total", "first_number", "last_number"] {
            page.get(key)
                .and_then(Value::as_i64)
                .ok_or(format!("meta.page.{key} is not an integer"))?;
        }
        for key in ["prev_number", "next_number"] {
            let v = page.get(key).ok_or(format!("meta.page.{key} missing"))?;
            if !(v.is_null() || v.is_i64()) {
                return Err(format!("meta.page.{key} is neither null nor an integer"));
            }
        }
    }
    if matches!(
        op,
        "ListOrgConnections" | "CreateOrgConnections" | "UpdateOrgConnections"
    ) && response.status == 200
    {
        let items: Vec<&Value> = match body.get("data") {
            Some(Value::Array(items)) => items.iter().collect(),
            Some(item) => vec![item],
            None => return Err("no data".into()),
        };
        for item in items {
            let id = item
                .get("id")
                .and_then(Value::as_str)
                .ok_or("org connection without id")?;
            if !is_uuid(id) {
                return Err(format!("org connection id {id} is not a uuid"));
            }
            item.pointer("/attributes/created_at")
                .and_then(Value::as_str)
                .ok_or("org connection without created_at")?;
        }
    }
    Ok(())
}

#[test]
fn every_cassette_is_well_formed_and_sdk_shaped() {
    let all = load_all();
    let mut problems = Vec::new();
    for (folder, cassette, raw) in &all {
        if cassette.interactions.is_empty() {
            problems.push(format!("{folder}/{}: no interactions", cassette.name));
        }
        let raw_interactions = raw["http_interactions"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for (index, (interaction, raw)) in cassette
            .interactions
            .iter()
            .zip(&raw_interactions)
            .enumerate()
        {
            let at = format!("{folder}/{} #{index}", cassette.name);
            let request = &interaction.request;
            let uri = raw
                .pointer("/request/uri")
                .and_then(Value::as_str)
                .unwrap_or("");
            if !uri.starts_with("https://api.datadoghq.com/api/v2/") {
                problems.push(format!(
                    "{at}: uri {uri} is not on https://api.datadoghq.com"
                ));
            }
            let method = raw
                .pointer("/request/method")
                .and_then(Value::as_str)
                .unwrap_or("");
            if method != method.to_ascii_lowercase() {
                problems.push(format!("{at}: method {method} is not lower case"));
            }
            let secret_headers: Vec<&str> = request
                .headers
                .iter()
                .chain(&interaction.response.headers)
                .map(|(n, _)| n.as_str())
                .filter(|n| is_sensitive(n))
                .collect();
            if !secret_headers.is_empty() {
                problems.push(format!(
                    "{at}: records credential headers {secret_headers:?}"
                ));
            }
            let Some((op, path_id)) = operation(&request.method, &request.path) else {
                problems.push(format!(
                    "{at}: {} {} is not a connection endpoint",
                    request.method, request.path
                ));
                continue;
            };
            let expected_folder = OPERATIONS
                .iter()
                .find(|(id, _, _)| *id == op)
                .map(|(_, f, _)| *f);
            if expected_folder != Some(folder.as_str()) {
                problems.push(format!(
                    "{at}: calls {op}, which belongs in {expected_folder:?}"
                ));
            }
            if let Some(id) = &path_id {
                if !is_uuid(id) {
                    problems.push(format!("{at}: connection_id {id} is not a uuid"));
                }
            }
            let body = match request.json_body().transpose() {
                Ok(body) => body,
                Err(e) => {
                    problems.push(format!("{at}: request body is not JSON: {e}"));
                    continue;
                }
            };
            if let (Some(value), Some(text)) = (&body, &request.body) {
                if serde_json::to_string(value).ok().as_ref() != Some(text) {
                    problems.push(format!("{at}: request body is not compact JSON"));
                }
            }
            let checks = [
                check_request_body(op, path_id.as_deref(), body.as_ref()),
                check_query(op, &request.query),
                check_response(op, interaction),
            ];
            problems.extend(
                checks
                    .into_iter()
                    .filter_map(Result::err)
                    .map(|e| format!("{at}: {e}")),
            );
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn cassettes_cover_every_documented_status_and_nothing_else() {
    let mut covered = BTreeSet::new();
    for (_, cassette, _) in load_all() {
        for interaction in &cassette.interactions {
            if let Some((op, _)) = operation(&interaction.request.method, &interaction.request.path)
            {
                covered.insert((op, interaction.response.status));
            }
        }
    }
    let documented: BTreeSet<(&str, u16)> = OPERATIONS
        .iter()
        .flat_map(|(op, _, statuses)| statuses.iter().map(move |s| (*op, *s)))
        .collect();
    let missing: Vec<_> = documented.difference(&covered).collect();
    let undocumented: Vec<_> = covered.difference(&documented).collect();
    assert!(missing.is_empty(), "no cassette for {missing:?}");
    assert!(
        undocumented.is_empty(),
        "cassettes answer with undocumented statuses {undocumented:?}"
    );
}

#[test]
fn both_error_body_shapes_are_present() {
    let (mut strings, mut objects) = (false, false);
    for (_, cassette, _) in load_all() {
        for interaction in cassette
            .interactions
            .iter()
            .filter(|i| i.response.status >= 400)
        {
            let body: Value =
                serde_json::from_str(&interaction.response.body).unwrap_or(Value::Null);
            for error in body["errors"].as_array().into_iter().flatten() {
                strings |= error.is_string();
                objects |= error.is_object();
            }
        }
    }
    assert!(
        strings && objects,
        "string errors: {strings}, JSON:API errors: {objects}"
    );
}

fn find(folder: &str, name: &str) -> Cassette {
    load_all()
        .into_iter()
        .find(|(f, c, _)| f == folder && c.name == name)
        .map(|(_, c, _)| c)
        .unwrap_or_else(|| panic!("missing cassette {folder}/{name}"))
}

fn response_json(interaction: &Interaction) -> Value {
    serde_json::from_str(&interaction.response.body).expect("JSON response")
}

#[test]
fn org_list_cassettes_cover_many_items_and_every_query_parameter() {
    let many = find(
        "list_org_connections",
        "List-Org-Connections-with-many-items-returns-OK-response",
    );
    let body = response_json(&many.interactions[0]);
    let ids: BTreeSet<&str> = body["data"]
        .as_array()
        .expect("data")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert!(ids.len() >= 25, "only {} distinct ids", ids.len());
    assert!(ids.iter().all(|id| is_uuid(id)));
    assert_eq!(
        body["meta"]["page"]["total_count"].as_u64(),
        Some(ids.len() as u64)
    );

    let all = find(
        "list_org_connections",
        "List-Org-Connections-with-all-query-parameters-returns-OK-response",
    );
    let names: BTreeSet<&str> = all.interactions[0]
        .request
        .query
        .iter()
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(
        names,
        BTreeSet::from(["limit", "offset", "sink_org_id", "source_org_id"])
    );
}

#[test]
fn team_pages_are_consecutive_and_consistent() {
    let pages = find(
        "list_team_connections",
        "List-team-connections-page-by-page-returns-OK-response",
    );
    assert_eq!(pages.interactions.len(), 3);
    let mut seen_ids = BTreeSet::new();
    for (number, interaction) in pages.interactions.iter().enumerate() {
        let query: BTreeSet<(&str, &str)> = interaction
            .request
            .query
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let number_text = number.to_string();
        assert_eq!(
            query,
            BTreeSet::from([("page[size]", "2"), ("page[number]", number_text.as_str())])
        );
        let body = response_json(interaction);
        let page = &body["meta"]["page"];
        let items = body["data"].as_array().expect("data");
        assert_eq!(page["number"].as_u64(), Some(number as u64));
        assert_eq!(page["size"].as_u64(), Some(2));
        assert_eq!(page["first_number"].as_u64(), Some(0));
        assert_eq!(page["last_number"].as_u64(), Some(2));
        assert_eq!(page["total"].as_u64(), Some(5));
        let prev = if number == 0 {
            Value::Null
        } else {
            Value::from(number - 1)
        };
        let next = if number == 2 {
            Value::Null
        } else {
            Value::from(number + 1)
        };
        assert_eq!(
            (&page["prev_number"], &page["next_number"]),
            (&prev, &next),
            "page {number}"
        );
        assert_eq!(
            items.len(),
            if number == 2 { 1 } else { 2 },
            "page {number}"
        );
        for item in items {
            assert!(
                seen_ids.insert(item["id"].as_str().expect("id").to_string()),
                "id repeated across pages"
            );
        }
    }
}

#[tokio::test]
async fn every_cassette_replays() {
    for (folder, cassette, _) in load_all() {
        common::replay_cassette(&cassette)
            .await
            .unwrap_or_else(|e| panic!("{folder}/{e}"));
    }
}
