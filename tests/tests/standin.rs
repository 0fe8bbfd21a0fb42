//! The stand-in (`datadog_connections_replay::standin`) driven through the real SDK, and on the raw
//! wire for what the SDK cannot send or does not show: the cross-organisation flow, filters and
//! paging of both listings, updates, the documented failures, and the exact bytes of its answers.

use datadog_connections::models::{
    ConnectedTeamRef, ConnectedTeamRefData, OrgConnectionCreate, OrgConnectionCreateAttributes,
    OrgConnectionCreateRelationships, OrgConnectionCreateRequest, OrgConnectionListResponse,
    OrgConnectionOrgRelationship, OrgConnectionOrgRelationshipData, OrgConnectionTypeEnum,
    OrgConnectionUpdate, OrgConnectionUpdateAttributes, OrgConnectionUpdateRequest, TeamConnection,
    TeamConnectionAttributes, TeamConnectionCreateData, TeamConnectionCreateRequest,
    TeamConnectionDeleteRequest, TeamConnectionDeleteRequestDataItem, TeamConnectionRelationships,
    TeamRef, TeamRefData,
};
use datadog_connections::{Client, Error, RetryPolicy};
use datadog_connections_replay::standin::{
    org_connection_id, team_connection_id, user_id, StandIn, StandInOrg,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use OrgConnectionTypeEnum::{Logs, Metrics};

const A: &str = "4dee724d-00cc-11ea-a77b-570c9d03c6c5";
const B: &str = "83999dcd-7f97-11f0-8de1-1ecf66f1aa85";
const C: &str = "0879ce27-29a1-481f-a12e-bc2a48ec9ae1";
const D: &str = "f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a";
const T0: &str = "be93b665-0a69-4573-8ef4-56f6a741c1a1";
const T1: &str = "726053a9-9b81-4381-bf91-b96b746f28d9";
const T2: &str = "250b46bc-90c5-4464-8a8f-bf261f788495";
const TB: &str = "f520e86b-5137-461d-b054-5b454d7135c4";

/// Org A: three teams and 25 team connections; org B: one team and 3; C and D: none.
fn orgs() -> Vec<StandInOrg> {
    vec![
        StandInOrg::new(A, "Org A", "api-a", "app-a")
            .team(T0, "Platform", "platform")
            .team(T1, "Payments", "payments")
            .team(T2, "Search", "search")
            .team_connections(25),
        StandInOrg::new(B, "Org B", "api-b", "app-b")
            .team(TB, "Web", "web")
            .team_connections(3),
        StandInOrg::new(C, "Org C", "api-c", "app-c"),
        StandInOrg::new(D, "Org D", "api-d", "app-d"),
    ]
}

async fn start() -> StandIn {
    StandIn::start(orgs()).await.expect("the stand-in starts")
}

fn client(server: &StandIn, key: &str) -> Client {
    Client::builder()
        .base_url(server.base_url())
        .api_key(format!("api-{key}"))
        .app_key(format!("app-{key}"))
        .enable_all_previews()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .expect("client")
}

fn create_to(sink: &str, types: Vec<OrgConnectionTypeEnum>) -> OrgConnectionCreateRequest {
    let sink =
        OrgConnectionOrgRelationship::new().data(OrgConnectionOrgRelationshipData::new().id(sink));
    OrgConnectionCreateRequest::new(OrgConnectionCreate::new(
        OrgConnectionCreateAttributes::new(types),
        OrgConnectionCreateRelationships::new(sink),
    ))
}

/// The status and `errors()` of an API error; panics on anything else.
fn api_failure<T: std::fmt::Debug>(result: Result<T, Error>) -> (u16, Vec<String>) {
    match result {
        Err(Error::Api(e)) => (e.status().as_u16(), e.errors().to_vec()),
        other => panic!("expected an API error, got {other:?}"),
    }
}

fn ids(page: &OrgConnectionListResponse) -> Vec<String> {
    page.data.iter().map(|c| c.id.to_string()).collect()
}

fn totals(page: &OrgConnectionListResponse) -> (Option<i64>, Option<i64>) {
    let meta = page.meta.as_ref().and_then(|m| m.page.as_ref());
    (
        meta.and_then(|p| p.total_count),
        meta.and_then(|p| p.total_filtered_count),
    )
}

fn team_ids(items: &[TeamConnection]) -> Vec<String> {
    items.iter().map(|c| c.id.clone()).collect()
}

fn oc(n: u64) -> String {
    org_connection_id(n)
}

fn tc(ns: impl IntoIterator<Item = u64>) -> Vec<String> {
    ns.into_iter().map(team_connection_id).collect()
}

#[test]
fn ids_are_pinned() {
    // The recorded cassettes depend on these: changing the scheme changes every recording.
    assert_eq!(org_connection_id(0), "9df5f0bd-5046-4217-b38e-21ecf9daba54");
    assert_eq!(org_connection_id(1), "084dc2fb-5e2e-43d4-bb6d-eb8ae4767aa7");
    assert_eq!(
        team_connection_id(0),
        "4e4b0094-29bc-11f1-a4bb-da7ad0900002"
    );
    assert_eq!(
        team_connection_id(1),
        "4e4b9ecb-29bc-11f1-a188-da7ad0900002"
    );
    assert_eq!(user_id(0), "639fdaf7-dd0b-430d-a9ba-115f67531177");
}

#[tokio::test]
async fn cross_org_connection_is_seen_by_both_sides_and_deleted_by_the_sink() {
    let server = start().await;
    let (a, b, c) = (
        client(&server, "a"),
        client(&server, "b"),
        client(&server, "c"),
    );

    let created = a
        .create_org_connections(create_to(B, vec![Logs]))
        .send_with_response()
        .await
        .expect("create");
    assert_eq!(created.status().as_u16(), 200);
    let connection = created.into_body().data;
    let id = connection.id;
    assert_eq!(id.to_string(), oc(0));
    assert_eq!(connection.attributes.connection_types, vec![Logs]);
    let expected_time: chrono::DateTime<chrono::Utc> = "2025-08-26T20:19:35Z".parse().unwrap();
    assert_eq!(connection.attributes.created_at, expected_time);
    let rel = &connection.relationships;
    let source = rel
        .source_org
        .as_ref()
        .and_then(|r| r.data.as_ref())
        .unwrap();
    let sink = rel.sink_org.as_ref().and_then(|r| r.data.as_ref()).unwrap();
    let user = rel
        .created_by
        .as_ref()
        .and_then(|r| r.data.as_ref())
        .unwrap();
    assert_eq!(
        (source.id.as_deref(), source.name.as_deref()),
        (Some(A), Some("Org A"))
    );
    assert_eq!(
        (sink.id.as_deref(), sink.name.as_deref()),
        (Some(B), Some("Org B"))
    );
    assert_eq!(user.id.as_deref(), Some(user_id(0).as_str()));
    assert_eq!(user.name.as_deref(), Some("Org A Admin"));

    // Both sides see it; a third organisation does not, and cannot delete it.
    for side in [&a, &b] {
        let page = side.list_org_connections().send().await.expect("list");
        assert_eq!(ids(&page), vec![oc(0)]);
        assert_eq!(totals(&page), (Some(1), Some(1)));
    }
    let page = c.list_org_connections().send().await.expect("list");
    assert_eq!(ids(&page), Vec::<String>::new());
    assert_eq!(totals(&page), (Some(0), Some(0)));
    let message = format!("org connection with id:{id} not found not found");
    assert_eq!(
        api_failure(c.delete_org_connections(id).send().await),
        (404, vec![message.clone()])
    );

    // The sink deletes it; it is gone for both.
    let deleted = b
        .delete_org_connections(id)
        .send_with_response()
        .await
        .expect("delete");
    assert_eq!(deleted.status().as_u16(), 200);
    for side in [&a, &b] {
        let page = side.list_org_connections().send().await.expect("list");
        assert!(page.data.is_empty());
        assert_eq!(totals(&page), (Some(0), Some(0)));
    }
    assert_eq!(
        api_failure(a.delete_org_connections(id).send().await),
        (404, vec![message])
    );
}

#[tokio::test]
async fn org_connection_filters_limit_offset_and_pagination() {
    let server = start().await;
    let (a, b, c, d) = (
        client(&server, "a"),
        client(&server, "b"),
        client(&server, "c"),
        client(&server, "d"),
    );
    for sink in [B, C, D] {
        a.create_org_connections(create_to(sink, vec![Logs]))
            .send()
            .await
            .expect("create from A");
    }
    b.create_org_connections(create_to(A, vec![Metrics]))
        .send()
        .await
        .expect("create from B");
    c.create_org_connections(create_to(D, vec![Logs]))
        .send()
        .await
        .expect("create from C");

    let page = a.list_org_connections().send().await.unwrap();
    assert_eq!(ids(&page), vec![oc(0), oc(1), oc(2), oc(3)]);
    assert_eq!(totals(&page), (Some(4), Some(4)));

    let page = a
        .list_org_connections()
        .sink_org_id(C)
        .send()
        .await
        .unwrap();
    assert_eq!(ids(&page), vec![oc(1)]);
    assert_eq!(totals(&page), (Some(4), Some(1)));

    let page = a
        .list_org_connections()
        .source_org_id(B)
        .send()
        .await
        .unwrap();
    assert_eq!(ids(&page), vec![oc(3)]);
    assert_eq!(totals(&page), (Some(4), Some(1)));

    let page = a
        .list_org_connections()
        .source_org_id(A)
        .sink_org_id(D)
        .send()
        .await
        .unwrap();
    assert_eq!(ids(&page), vec![oc(2)]);

    let page = a
        .list_org_connections()
        .limit(2)
        .offset(1)
        .send()
        .await
        .unwrap();
    assert_eq!(ids(&page), vec![oc(1), oc(2)]);
    assert_eq!(totals(&page), (Some(4), Some(4)));

    let page = a.list_org_connections().offset(10).send().await.unwrap();
    assert!(page.data.is_empty());
    assert_eq!(totals(&page), (Some(4), Some(4)));

    // D is the sink of A's and C's connections.
    let page = d.list_org_connections().send().await.unwrap();
    assert_eq!(ids(&page), vec![oc(2), oc(4)]);

    // The SDK's offset paginator, one item a page: four pages, and it stops at the total.
    let before = server.requests();
    let all = a
        .list_org_connections()
        .limit(1)
        .collect_all(100)
        .await
        .expect("paginate");
    let all: Vec<String> = all.iter().map(|c| c.id.to_string()).collect();
    assert_eq!(all, vec![oc(0), oc(1), oc(2), oc(3)]);
    assert_eq!(server.requests() - before, 4);

    assert_eq!(
        api_failure(a.list_org_connections().limit(0).send().await),
        (400, vec!["limit must be a positive integer".to_owned()])
    );
    assert_eq!(
        api_failure(a.list_org_connections().offset(-1).send().await),
        (
            400,
            vec!["offset must be a non-negative integer".to_owned()]
        )
    );
}

#[tokio::test]
async fn only_the_source_updates_connection_types() {
    let server = start().await;
    let (a, b, c) = (
        client(&server, "a"),
        client(&server, "b"),
        client(&server, "c"),
    );
    let id = a
        .create_org_connections(create_to(B, vec![Logs]))
        .send()
        .await
        .unwrap()
        .data
        .id;
    let update = |types: Vec<OrgConnectionTypeEnum>, id| {
        OrgConnectionUpdateRequest::new(OrgConnectionUpdate::new(
            OrgConnectionUpdateAttributes::new(types),
            id,
        ))
    };

    let updated = a
        .update_org_connections(id, update(vec![Logs, Metrics], id))
        .send()
        .await
        .expect("update");
    assert_eq!(updated.data.id, id);
    assert_eq!(
        updated.data.attributes.connection_types,
        vec![Logs, Metrics]
    );
    let expected_time: chrono::DateTime<chrono::Utc> = "2025-08-26T20:19:35Z".parse().unwrap();
    assert_eq!(updated.data.attributes.created_at, expected_time);
    // As Datadog's answer to an update: ids without names.
    let source = updated.data.relationships.source_org.and_then(|r| r.data);
    let source = source.expect("source_org");
    assert_eq!((source.id.as_deref(), source.name), (Some(A), None));

    let page = b.list_org_connections().send().await.unwrap();
    assert_eq!(
        page.data[0].attributes.connection_types,
        vec![Logs, Metrics]
    );

    assert_eq!(
        api_failure(
            b.update_org_connections(id, update(vec![Logs], id))
                .send()
                .await
        ),
        (403, vec!["Forbidden".to_owned()])
    );
    let not_found = format!("Org connection with id:{id} not found not found");
    assert_eq!(
        api_failure(
            c.update_org_connections(id, update(vec![Logs], id))
                .send()
                .await
        ),
        (404, vec![not_found])
    );
    assert_eq!(
        api_failure(
            a.update_org_connections(id, update(vec![Logs, Logs], id))
                .send()
                .await
        ),
        (400, vec!["Validation failed for input.".to_owned()])
    );
    let unknown = serde_json::from_value(serde_json::json!(oc(99))).unwrap();
    assert_eq!(
        api_failure(
            a.update_org_connections(unknown, update(vec![Logs], unknown))
                .send()
                .await
        ),
        (
            404,
            vec![format!(
                "Org connection with id:{} not found not found",
                oc(99)
            )]
        )
    );
    // The body's id must be the path's.
    assert_eq!(
        api_failure(
            a.update_org_connections(id, update(vec![Logs], unknown))
                .send()
                .await
        )
        .0,
        400
    );
    // Nothing above changed it.
    let page = a.list_org_connections().send().await.unwrap();
    assert_eq!(
        page.data[0].attributes.connection_types,
        vec![Logs, Metrics]
    );
}

#[tokio::test]
async fn create_failures_are_datadogs() {
    let server = start().await;
    let (a, b) = (client(&server, "a"), client(&server, "b"));
    a.create_org_connections(create_to(B, vec![Logs]))
        .send()
        .await
        .expect("first create");
    assert_eq!(
        api_failure(
            a.create_org_connections(create_to(B, vec![Logs]))
                .send()
                .await
        ),
        (
            409,
            vec![format!(
                "connection between orgs {A} and {B} already exists"
            )]
        )
    );
    // The other direction is another connection.
    let reverse = b
        .create_org_connections(create_to(A, vec![Logs]))
        .send()
        .await
        .expect("reverse create");
    assert_eq!(reverse.data.id.to_string(), oc(1));
    assert_eq!(
        api_failure(
            a.create_org_connections(create_to("nonexistent-org-id", vec![Logs]))
                .send()
                .await
        ),
        (404, vec!["Not found".to_owned()])
    );
    assert_eq!(
        api_failure(
            a.create_org_connections(create_to(A, vec![Logs]))
                .send()
                .await
        ),
        (
            400,
            vec![format!(
                "connection between orgs {A} and {A} is not allowed"
            )]
        )
    );
    assert_eq!(
        api_failure(
            a.create_org_connections(create_to(C, vec![Logs, Logs]))
                .send()
                .await
        ),
        (
            400,
            vec![format!(
                "connection between orgs {A} and {C} is not allowed"
            )]
        )
    );
    assert_eq!(
        api_failure(a.create_org_connections(create_to(C, vec![])).send().await),
        (400, vec!["Validation failed for input.".to_owned()])
    );
    assert_eq!(
        api_failure(a.delete_org_connections("malformed_id").send().await),
        (400, vec!["connection id must be a valid uuid".to_owned()])
    );
    // The failures created nothing: the next id is the third.
    let next = a
        .create_org_connections(create_to(C, vec![Logs]))
        .send()
        .await
        .unwrap();
    assert_eq!(next.data.id.to_string(), oc(2));
    let page = a.list_org_connections().send().await.unwrap();
    assert_eq!(ids(&page), vec![oc(0), oc(1), oc(2)]);
}

#[tokio::test]
async fn team_connections_page_and_filter() {
    let server = start().await;
    let (a, b) = (client(&server, "a"), client(&server, "b"));

    // 25 connections, 10 a page: three pages, and the paginator stops on the last.
    let before = server.requests();
    let all = a
        .list_team_connections()
        .page_size(10)
        .collect_all(1000)
        .await
        .expect("paginate");
    assert_eq!(server.requests() - before, 3);
    assert_eq!(team_ids(&all), tc(0..25));
    let first = &all[0];
    let attributes = first.attributes.as_ref().unwrap();
    assert_eq!(attributes.source.as_deref(), Some("github"));
    assert_eq!(attributes.managed_by.as_deref(), Some("github_sync"));
    let relationships = first.relationships.as_ref().unwrap();
    let team = relationships.team.as_ref().and_then(|t| t.data.as_ref());
    assert_eq!(team.map(|t| t.id.as_str()), Some(T0));
    let connected = |c: &TeamConnection| {
        c.relationships
            .as_ref()
            .and_then(|r| r.connected_team.as_ref())
            .and_then(|t| t.data.as_ref())
            .map(|t| t.id.clone())
            .unwrap()
    };
    assert_eq!(connected(first), "@Org-A/platform");
    assert_eq!(connected(&all[4]), "@Org-A/payments-2");
    assert_eq!(
        all[4]
            .attributes
            .as_ref()
            .and_then(|a| a.managed_by.as_deref()),
        Some("github_sync")
    );
    assert_eq!(
        all[3]
            .attributes
            .as_ref()
            .and_then(|a| a.managed_by.as_deref()),
        Some("datadog")
    );

    // Page metadata, page by page.
    let meta = |page: &datadog_connections::models::TeamConnectionsResponse| {
        let p = page.meta.as_ref().and_then(|m| m.page.as_ref()).unwrap();
        (
            p.number,
            p.prev_number,
            p.next_number,
            p.last_number,
            p.total,
            p.size,
            p.first_number,
        )
    };
    let page = a
        .list_team_connections()
        .page_size(10)
        .page_number(1)
        .send()
        .await
        .unwrap();
    assert_eq!(team_ids(page.data.as_ref().unwrap()), tc(10..20));
    assert_eq!(
        meta(&page),
        (
            Some(1),
            Some(Some(0)),
            Some(Some(2)),
            Some(2),
            Some(25),
            Some(10),
            Some(0)
        )
    );
    let page = a
        .list_team_connections()
        .page_size(10)
        .page_number(2)
        .send()
        .await
        .unwrap();
    assert_eq!(team_ids(page.data.as_ref().unwrap()), tc(20..25));
    assert_eq!(
        meta(&page),
        (
            Some(2),
            Some(Some(1)),
            Some(None),
            Some(2),
            Some(25),
            Some(10),
            Some(0)
        )
    );
    let page = a
        .list_team_connections()
        .page_size(10)
        .page_number(3)
        .send()
        .await
        .unwrap();
    assert!(page.data.as_ref().unwrap().is_empty());
    assert_eq!(meta(&page).2, Some(None));

    // One team, three a page: eight connections over three pages.
    let before = server.requests();
    let payments = a
        .list_team_connections()
        .page_size(3)
        .filter_team_ids([T1])
        .collect_all(100)
        .await
        .unwrap();
    assert_eq!(server.requests() - before, 3);
    assert_eq!(team_ids(&payments), tc((1..25).step_by(3)));

    // Connected team ids carry `@` and `/`, which the SDK percent-encodes.
    let page = a
        .list_team_connections()
        .filter_connected_team_ids(["@Org-A/platform", "@Org-A/search-3"])
        .send()
        .await
        .unwrap();
    assert_eq!(team_ids(page.data.as_ref().unwrap()), tc([0, 8]));

    // Another organisation's connection ids are not visible.
    let page = a
        .list_team_connections()
        .filter_connection_ids([team_connection_id(5), team_connection_id(26)])
        .send()
        .await
        .unwrap();
    assert_eq!(team_ids(page.data.as_ref().unwrap()), tc([5]));

    let page = a
        .list_team_connections()
        .filter_sources(["gitlab"])
        .send()
        .await
        .unwrap();
    assert!(page.data.as_ref().unwrap().is_empty());
    assert_eq!(
        meta(&page),
        (
            Some(0),
            Some(None),
            Some(None),
            Some(0),
            Some(0),
            Some(10),
            Some(0)
        )
    );

    let search = a
        .list_team_connections()
        .page_size(100)
        .filter_sources(["github"])
        .filter_team_ids([T2, TB])
        .collect_all(100)
        .await
        .unwrap();
    assert_eq!(team_ids(&search), tc((2..25).step_by(3)));

    let page = b.list_team_connections().send().await.unwrap();
    assert_eq!(team_ids(page.data.as_ref().unwrap()), tc(25..28));
    assert_eq!(
        connected(&page.data.as_ref().unwrap()[1]),
        "@Org-B/web-2".to_owned()
    );

    assert_eq!(
        api_failure(a.list_team_connections().page_size(101).send().await),
        (
            400,
            vec!["Bad Request: page[size] must be between 1 and 100".to_owned()]
        )
    );
    assert_eq!(
        api_failure(a.list_team_connections().page_number(-1).send().await).0,
        400
    );
}

fn link(team: &str, connected: &str, managed_by: Option<&str>) -> TeamConnectionCreateData {
    let mut data = TeamConnectionCreateData::new().relationships(
        TeamConnectionRelationships::new()
            .team(TeamRef::new().data(TeamRefData::new(team)))
            .connected_team(ConnectedTeamRef::new().data(ConnectedTeamRefData::new(connected))),
    );
    if let Some(by) = managed_by {
        data = data.attributes(
            TeamConnectionAttributes::new()
                .source("github")
                .managed_by(by),
        );
    }
    data
}

fn unlink(ids: &[String]) -> TeamConnectionDeleteRequest {
    TeamConnectionDeleteRequest::new(
        ids.iter()
            .map(TeamConnectionDeleteRequestDataItem::new)
            .collect(),
    )
}

#[tokio::test]
async fn team_connections_are_created_and_deleted_in_bulk() {
    let server = start().await;
    let (a, b) = (client(&server, "a"), client(&server, "b"));
    let request = TeamConnectionCreateRequest::new(vec![
        link(T0, "@acme/new-one", Some("github_sync")),
        link(T1, "@acme/new-two", None),
    ]);
    let created = a
        .create_team_connections(request)
        .send_with_response()
        .await
        .expect("create");
    assert_eq!(created.status().as_u16(), 201);
    let created = created.into_body().data.unwrap();
    let new_ids = tc([28, 29]);
    assert_eq!(team_ids(&created), new_ids);
    let managed: Vec<_> = created
        .iter()
        .map(|c| c.attributes.as_ref().and_then(|a| a.managed_by.clone()))
        .collect();
    assert_eq!(
        managed,
        vec![Some("github_sync".to_owned()), Some("datadog".to_owned())]
    );

    let page = a
        .list_team_connections()
        .filter_connection_ids(new_ids.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(team_ids(page.data.as_ref().unwrap()), new_ids);

    let conflict = (
        409,
        vec![
            "Conflict: failed to add team connections: one or more team attributes already exist"
                .to_owned(),
        ],
    );
    for request in [
        vec![
            link(T2, "@acme/fresh", None),
            link(T0, "@acme/new-one", None),
        ],
        vec![link(T0, "@Org-A/platform", None)],
        vec![link(T2, "@acme/twice", None), link(T2, "@acme/twice", None)],
    ] {
        let result = a
            .create_team_connections(TeamConnectionCreateRequest::new(request))
            .send()
            .await;
        assert_eq!(api_failure(result), conflict);
    }
    assert_eq!(
        api_failure(
            a.create_team_connections(TeamConnectionCreateRequest::new(vec![link(
                TB, "@acme/x", None
            )]))
            .send()
            .await
        ),
        (
            400,
            vec![format!(
                "Bad Request: attribute \"team\" team {TB} not found"
            )]
        )
    );
    assert_eq!(
        api_failure(
            a.create_team_connections(TeamConnectionCreateRequest::new(vec![]))
                .send()
                .await
        ),
        (
            400,
            vec![
                "Bad Request: attribute \"data\" at least one team connection must be provided"
                    .to_owned()
            ]
        )
    );
    // None of the failures created anything.
    let all = a.list_team_connections().collect_all(100).await.unwrap();
    assert_eq!(all.len(), 27);

    // Another organisation cannot delete them.
    assert_eq!(
        api_failure(b.delete_team_connections(unlink(&new_ids)).send().await),
        (
            404,
            vec![format!(
                "Not Found: team connection {} not found",
                new_ids[0]
            )]
        )
    );
    let deleted = a
        .delete_team_connections(unlink(&new_ids))
        .send_with_response()
        .await
        .expect("delete");
    assert_eq!(deleted.status().as_u16(), 204);
    assert_eq!(
        api_failure(
            a.delete_team_connections(unlink(&new_ids[..1]))
                .send()
                .await
        ),
        (
            404,
            vec![format!(
                "Not Found: team connection {} not found",
                new_ids[0]
            )]
        )
    );
    assert_eq!(
        api_failure(
            a.delete_team_connections(unlink(&[String::new()]))
                .send()
                .await
        ),
        (
            400,
            vec![
                "Bad Request: attribute \"id\" one or more team connection ids are not present"
                    .to_owned()
            ]
        )
    );
    // A delete with one unknown id deletes nothing.
    let mixed = [team_connection_id(0), team_connection_id(99)];
    assert_eq!(
        api_failure(a.delete_team_connections(unlink(&mixed)).send().await).0,
        404
    );
    let all = a.list_team_connections().collect_all(100).await.unwrap();
    assert_eq!(team_ids(&all), tc(0..25));
}

#[tokio::test]
async fn wrong_keys_are_forbidden() {
    let server = start().await;
    let forbidden = (403, vec!["Forbidden".to_owned()]);
    let wrong = client(&server, "nobody");
    assert_eq!(
        api_failure(wrong.list_org_connections().send().await),
        forbidden
    );
    assert_eq!(
        api_failure(wrong.list_team_connections().send().await),
        forbidden
    );
    // Keys of two different organisations are no organisation's.
    let mixed = Client::builder()
        .base_url(server.base_url())
        .api_key("api-a")
        .app_key("app-b")
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    assert_eq!(
        api_failure(
            mixed
                .create_org_connections(create_to(C, vec![Logs]))
                .send()
                .await
        ),
        forbidden
    );
    // Nothing was created.
    let page = client(&server, "a")
        .list_org_connections()
        .send()
        .await
        .unwrap();
    assert!(page.data.is_empty());
    assert_eq!(server.requests(), 4);
}

#[tokio::test]
async fn bad_configurations_are_refused() {
    let no_teams = StandInOrg::new(A, "Org A", "k", "a").team_connections(1);
    let err = StandIn::start(vec![no_teams]).await.unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    let twice = vec![
        StandInOrg::new(A, "Org A", "k1", "a1"),
        StandInOrg::new(A.to_uppercase(), "Org A again", "k2", "a2"),
    ];
    assert!(StandIn::start(twice).await.is_err());
    let same_keys = vec![
        StandInOrg::new(A, "Org A", "k", "a"),
        StandInOrg::new(B, "Org B", "k", "a"),
    ];
    assert!(StandIn::start(same_keys).await.is_err());
    // Keys never show in Debug.
    let debug = format!(
        "{:?}",
        StandInOrg::new(A, "Org A", "secret-api", "secret-app")
    );
    assert!(!debug.contains("secret"), "{debug}");
}

// ------------------------------------------------------------------------------------------------
// The raw wire

struct Raw {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Raw {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> &str {
        std::str::from_utf8(&self.body).expect("UTF-8 body")
    }
}

/// Sends one request (with `Connection: close`) and reads the whole answer.
async fn raw(server: &StandIn, method: &str, target: &str, keys: Option<&str>, body: &[u8]) -> Raw {
    let address = server.base_url().trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(&address).await.expect("connect");
    let mut head = format!(
        "{method} {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(key) = keys {
        head.push_str(&format!(
            "DD-API-KEY: api-{key}\r\nDD-APPLICATION-KEY: app-{key}\r\n"
        ));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a head");
    let head = String::from_utf8(answer[..split].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Raw {
        status,
        headers,
        body: answer[split + 4..].to_vec(),
    }
}

#[tokio::test]
async fn answers_are_datadogs_byte_for_byte() {
    let server = start().await;

    // The recorded empty listing, exactly; keys in the query as the visibility guide shows.
    let list = raw(
        &server,
        "GET",
        "/api/v2/org_connections?api_key=api-c&application_key=app-c",
        None,
        b"",
    )
    .await;
    assert_eq!(list.status, 200);
    assert_eq!(list.header("content-type"), Some("application/json"));
    assert_eq!(list.header("date"), None);
    assert_eq!(
        list.text(),
        r#"{"data":[],"meta":{"page":{"total_count":0,"total_filtered_count":0}}}"#
    );

    // A create answer has the recorded key order.
    let body = format!(
        r#"{{"data":{{"attributes":{{"connection_types":["logs"]}},"relationships":{{"sink_org":{{"data":{{"id":"{B}","type":"orgs"}}}}}},"type":"org_connection"}}}}"#
    );
    let created = raw(
        &server,
        "POST",
        "/api/v2/org_connections",
        Some("a"),
        body.as_bytes(),
    )
    .await;
    assert_eq!(created.status, 200);
    let expected = format!(
        concat!(
            r#"{{"data":{{"type":"org_connection","id":"{id}","attributes":{{"created_at":"2025-08-26T20:19:35.000000+00:00","connection_types":["logs"]}},"#,
            r#""relationships":{{"source_org":{{"data":{{"type":"orgs","id":"{a}","name":"Org A"}}}},"sink_org":{{"data":{{"type":"orgs","id":"{b}","name":"Org B"}}}},"#,
            r#""created_by":{{"data":{{"type":"users","id":"{user}","name":"Org A Admin"}}}}}}}}}}"#
        ),
        id = oc(0),
        a = A,
        b = B,
        user = user_id(0)
    );
    assert_eq!(created.text(), expected);

    let deleted = raw(
        &server,
        "DELETE",
        &format!("/api/v2/org_connections/{}", oc(0).to_uppercase()),
        Some("b"),
        b"",
    )
    .await;
    assert_eq!((deleted.status, deleted.text()), (200, "{}"));
    assert_eq!(deleted.header("content-type"), Some("application/json"));

    // Team connections: JSON:API, the recorded meta key order.
    let teams = raw(
        &server,
        "GET",
        "/api/v2/team/connections?page%5Bsize%5D=1&filter%5Bteam_ids%5D=nope,",
        Some("b"),
        b"",
    )
    .await;
    assert_eq!(
        teams.header("content-type"),
        Some("application/vnd.api+json")
    );
    assert_eq!(
        teams.text(),
        r#"{"data":[],"meta":{"page":{"type":"number_size","number":0,"size":1,"total":0,"first_number":0,"prev_number":null,"next_number":null,"last_number":0}}}"#
    );
    let explode = raw(
        &server,
        "GET",
        &format!("/api/v2/team/connections?filter[team_ids]=nope&filter[team_ids]={TB}&page[size]=1&page[number]=1"),
        Some("b"),
        b"",
    )
    .await;
    let expected = format!(
        concat!(
            r#"{{"data":[{{"id":"{id}","type":"team_connection","attributes":{{"managed_by":"datadog","source":"github"}},"#,
            r#""relationships":{{"connected_team":{{"data":{{"id":"@Org-B/web-2","type":"github_team"}}}},"team":{{"data":{{"id":"{tb}","type":"team"}}}}}}}}],"#,
            r#""meta":{{"page":{{"type":"number_size","number":1,"size":1,"total":3,"first_number":0,"prev_number":0,"next_number":2,"last_number":2}}}}}}"#
        ),
        id = team_connection_id(26),
        tb = TB
    );
    assert_eq!(explode.text(), expected);

    let body = format!(
        r#"{{"data":[{{"id":"{}","type":"team_connection"}}]}}"#,
        team_connection_id(25)
    );
    let gone = raw(
        &server,
        "DELETE",
        "/api/v2/team/connections",
        Some("b"),
        body.as_bytes(),
    )
    .await;
    assert_eq!(gone.status, 204);
    assert_eq!(gone.header("content-type"), None);
    assert!(gone.body.is_empty());

    let bad = raw(
        &server,
        "DELETE",
        "/api/v2/team/connections",
        Some("b"),
        br#"{"data":[{"id":"","type":"team_connection"}]}"#,
    )
    .await;
    assert_eq!(bad.status, 400);
    assert_eq!(
        bad.text(),
        r#"{"errors":[{"status":"400","title":"Bad Request","detail":"attribute \"id\" one or more team connection ids are not present"}]}"#
    );
}

/// Method, target, keys, body; the status and body expected.
type Case = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static [u8],
    u16,
    &'static str,
);

#[tokio::test]
async fn bad_requests_get_datadog_errors_and_never_break_the_server() {
    let server = start().await;
    let cases: Vec<Case> = vec![
        ("GET", "/api/v2/org_connections", None, b"", 403, r#"{"errors":["Forbidden"]}"#),
        ("GET", "/api/v2/team/connections", Some("zz"), b"", 403, r#"{"errors":["Forbidden"]}"#),
        ("GET", "/api/v2/unknown", Some("a"), b"", 404, r#"{"errors":["Not found"]}"#),
        ("GET", "/api/v2/org_connections/", Some("a"), b"", 404, r#"{"errors":["Not found"]}"#),
        ("GET", "/api/v2/org_connections/a/b", Some("a"), b"", 404, r#"{"errors":["Not found"]}"#),
        ("PUT", "/api/v2/org_connections", Some("a"), b"", 405, r#"{"errors":["Method Not Allowed"]}"#),
        ("GET", "/api/v2/org_connections/x", Some("a"), b"", 405, r#"{"errors":["Method Not Allowed"]}"#),
        ("POST", "/api/v2/org_connections", Some("a"), b"{not json", 400, r#"{"errors":["Validation failed for input."]}"#),
        ("POST", "/api/v2/org_connections", Some("a"), b"\xff\xfe", 400, r#"{"errors":["Validation failed for input."]}"#),
        ("POST", "/api/v2/org_connections", Some("a"), br#"{"data":{"type":"org_connection","attributes":{"connection_types":["logs"]},"relationships":{"sink_org":{"data":{"id":7}}}}}"#, 400, r#"{"errors":["Validation failed for input."]}"#),
        ("POST", "/api/v2/org_connections", Some("a"), br#"{"data":{"type":"org_connection","attributes":{"connection_types":["traces"]},"relationships":{"sink_org":{"data":{"id":"x"}}}}}"#, 400, r#"{"errors":["Validation failed for input."]}"#),
        ("POST", "/api/v2/org_connections", Some("a"), br#"[]"#, 400, r#"{"errors":["Validation failed for input."]}"#),
        ("PATCH", "/api/v2/org_connections/%00%2F..", Some("a"), b"{}", 400, r#"{"errors":["connection id must be a valid uuid"]}"#),
        ("GET", "/api/v2/org_connections?limit=abc", Some("a"), b"", 400, r#"{"errors":["limit must be a positive integer"]}"#),
        ("GET", "/api/v2/org_connections?limit=99999999999999999999", Some("a"), b"", 400, r#"{"errors":["limit must be a positive integer"]}"#),
        ("GET", "/api/v2/org_connections?limit=9223372036854775807&offset=9223372036854775807", Some("a"), b"", 200, r#"{"data":[],"meta":{"page":{"total_count":0,"total_filtered_count":0}}}"#),
        ("GET", "/api/v2/team/connections?page[size]=0", Some("a"), b"", 400, r#"{"errors":[{"status":"400","title":"Bad Request","detail":"page[size] must be between 1 and 100"}]}"#),
        ("GET", "/api/v2/team/connections?page[number]=x", Some("a"), b"", 400, r#"{"errors":[{"status":"400","title":"Bad Request","detail":"page[number] must be a non-negative integer"}]}"#),
        ("POST", "/api/v2/team/connections", Some("a"), b"nope", 400, r#"{"errors":[{"status":"400","title":"Bad Request","detail":"request body is not valid JSON"}]}"#),
        ("POST", "/api/v2/team/connections", Some("a"), br#"{"data":{}}"#, 400, r#"{"errors":[{"status":"400","title":"Bad Request","detail":"attribute \"data\" must be a list of team connections"}]}"#),
        ("POST", "/api/v2/team/connections", Some("a"), br#"{"data":[{"type":"team_connection","attributes":{"source":"github"},"relationships":{"connected_team":{"data":{"id":"@x/y","type":"github_team"}},"team":{"data":{"type":"team"}}}}]}"#, 400, r#"{"errors":[{"status":"400","title":"Bad Request","detail":"attribute \"team\" a Datadog team id must be provided"}]}"#),
        ("POST", "/api/v2/team/connections", Some("a"), br#"{"data":[{"type":"team_connection","attributes":{"source":"gitlab"},"relationships":{"connected_team":{"data":{"id":"@x/y","type":"github_team"}},"team":{"data":{"id":"t","type":"team"}}}}]}"#, 400, r#"{"errors":[{"status":"400","title":"Bad Request","detail":"attribute \"source\" unsupported source \"gitlab\""}]}"#),
        ("DELETE", "/api/v2/team/connections", Some("a"), br#"{"data":[{"id":5,"type":"team_connection"}]}"#, 400, r#"{"errors":[{"status":"400","title":"Bad Request","detail":"attribute \"id\" one or more team connection ids are not present"}]}"#),
    ];
    let count = cases.len();
    for (method, target, keys, body, status, text) in cases {
        let answer = raw(&server, method, target, keys, body).await;
        assert_eq!(
            (answer.status, answer.text()),
            (status, text),
            "{method} {target} {}",
            String::from_utf8_lossy(body)
        );
    }
    let allow = raw(&server, "PUT", "/api/v2/team/connections", Some("a"), b"").await;
    assert_eq!(allow.header("allow"), Some("GET, POST, DELETE"));
    let big = vec![b' '; 1024 * 1024 + 1];
    let big = raw(&server, "POST", "/api/v2/org_connections", Some("a"), &big).await;
    assert_eq!(
        (big.status, big.text()),
        (413, r#"{"errors":["Request Entity Too Large"]}"#)
    );
    // Still serving, and nothing was created.
    let page = client(&server, "a")
        .list_org_connections()
        .send()
        .await
        .unwrap();
    assert!(page.data.is_empty());
    assert_eq!(server.requests(), count + 3);
}
