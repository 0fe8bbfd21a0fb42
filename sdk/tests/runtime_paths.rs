//! Path parameters cannot change the path: an empty, `.` or `..` segment where the template has a
//! parameter (percent-encoded forms included) is refused before anything is sent, on this SDK's
//! operations and on a hand-built operation shaped like Datadog's v2 team membership delete,
//! where `..` would turn "remove this member" into "delete the team".

use datadog_connections::models::{OrgConnectionUpdateRequest, TeamConnectionDeleteRequest};
use datadog_connections::{Client, Error};
use datadog_connections_replay::fault::{Fault, FaultServer};
use openapi_sdk_runtime::{encode_path_segment, Api, Method, Operation, Request};

const UPDATE: &str = r#"{"data":{"attributes":{"connection_types":["logs"]},"id":"f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a","type":"org_connection"}}"#;

async fn start() -> (FaultServer, Client) {
    let server = FaultServer::start(vec![Fault::status(204); 8])
        .await
        .expect("bind loopback");
    let client = Client::builder()
        .base_url(server.base_url())
        .api_key("test-api-key")
        .app_key("test-app-key")
        .enable_all_previews()
        .build()
        .expect("client");
    (server, client)
}

fn invalid_reason(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(Error::InvalidRequest { reason, .. }) => reason,
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
}

#[tokio::test]
async fn dot_segments_and_empty_ids_are_refused_on_the_connections_operations() {
    let (server, client) = start().await;
    for id in ["..", ".", ""] {
        let reason = invalid_reason(client.delete_org_connections(id).send().await);
        assert!(
            reason.contains("{connection_id}") && reason.contains("would change the path"),
            "{id:?}: {reason}"
        );
        let update: OrgConnectionUpdateRequest = serde_json::from_str(UPDATE).expect("body");
        invalid_reason(client.update_org_connections(id, update).send().await);
    }
    let err = client
        .delete_org_connections("..")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "DeleteOrgConnections: invalid request: the path parameter segment `{connection_id}` of \
         /api/v2/org_connections/{connection_id} is `..`, which would change the path; nothing was sent"
    );
    assert_eq!(err.attempts(), 0);
    assert_eq!(server.request_count(), 0, "nothing was sent");

    // Ids that merely contain dots, or look encoded, are ordinary ids: encoded and sent.
    for id in ["...", "a..b", ".hidden", "%2e%2e", "..%2f"] {
        client
            .delete_org_connections(id)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{id:?}: {e}"));
    }
    let paths: Vec<String> = server.received().iter().map(|r| r.path.clone()).collect();
    assert_eq!(
        paths,
        [
            "/api/v2/org_connections/...",
            "/api/v2/org_connections/a..b",
            "/api/v2/org_connections/.hidden",
            "/api/v2/org_connections/%2e%2e",
            "/api/v2/org_connections/..%2f",
        ],
        "each reached its own path (the server decodes one level)"
    );
    // Operations without path parameters are unaffected.
    let delete = TeamConnectionDeleteRequest::new(Vec::new());
    client
        .delete_team_connections(delete)
        .send()
        .await
        .expect("no path parameters");
}

/// An API shaped like Datadog's v2 teams: `DELETE /api/v2/team/{team_id}/memberships/{user_id}`
/// removes a member; `DELETE /api/v2/team/{team_id}` deletes the team.
static V2: Api = Api {
    package: "v2-like",
    version: "0.0.0",
    servers: &[],
    security_schemes: &[],
    preview_operations: &[],
    operations: &[],
    rate_limit: openapi_sdk_runtime::RateLimitHeaders::STANDARD,
    error_messages: openapi_sdk_runtime::ErrorMessages::STANDARD,
};

const DELETE_MEMBERSHIP: Operation = Operation {
    id: "DeleteTeamMembership",
    method: Method::Delete,
    path_template: "/api/v2/team/{team_id}/memberships/{user_id}",
    preview: false,
    servers: &[],
    security: &[],
};

fn membership(team: &str, user: &str) -> Request {
    let path = format!(
        "/api/v2/team/{}/memberships/{}",
        encode_path_segment(team),
        encode_path_segment(user)
    );
    Request::new(DELETE_MEMBERSHIP, path)
}

#[tokio::test]
async fn a_membership_delete_cannot_become_a_team_delete() {
    let server = FaultServer::start(vec![Fault::status(204); 4])
        .await
        .expect("bind loopback");
    let client = openapi_sdk_runtime::Client::builder(&V2)
        .base_url(server.base_url())
        .build()
        .expect("client");
    for user in ["..", ".", ""] {
        let reason = invalid_reason(client.execute(membership("team-1", user)).await);
        assert!(reason.contains("`{user_id}`"), "{user:?}: {reason}");
    }
    let reason = invalid_reason(client.execute(membership("..", "u1")).await);
    assert!(reason.contains("`{team_id}`"), "{reason}");
    // A path filled in without encoding, percent-encoded dots included, is checked as the URL
    // parser would see it.
    for raw in ["%2e%2e", "%2E%2e", ".%2E", "%2e"] {
        let request = Request::new(
            DELETE_MEMBERSHIP,
            format!("/api/v2/team/team-1/memberships/{raw}"),
        );
        invalid_reason(client.execute(request).await);
    }
    // A value that adds a segment is refused too.
    let request = Request::new(DELETE_MEMBERSHIP, "/api/v2/team/t/memberships/u/x".into());
    let reason = invalid_reason(client.execute(request).await);
    assert!(reason.contains("adds segments"), "{reason}");
    assert_eq!(server.request_count(), 0, "nothing was sent");

    client
        .execute(membership("team-1", "user-1"))
        .await
        .expect("a real membership is deleted");
    assert_eq!(
        server.received()[0].path,
        "/api/v2/team/team-1/memberships/user-1"
    );
}
