//! The `auth_servers` fixture on loopback servers: what each operation sends for auth (headers,
//! query, cookie, or nothing), which security alternative it picks, and which server it reaches.

use super::auth_servers::models::Thing;
use super::auth_servers::{Client, ClientBuilder, ConfigError, Error, RetryPolicy, Version};
use datadog_connections_replay::fault::{Fault, FaultServer};
use datadog_connections_replay::ReceivedRequest;

const HEADER_KEY: &str = "hdr-s3cr3t";
/// Needs percent-encoding: a space, `&`, `=`, `/` and `+`.
const QUERY_KEY: &str = "qry s3cr3t&x=1/+";
const COOKIE_KEY: &str = "ck-s3cr3t";
const BEARER: &str = "bearer-s3cr3t";
const USER: &str = "ann";
const PASSWORD: &str = "pw-s3cr3t";
/// `base64("ann:pw-s3cr3t")`, computed outside the runtime (`echo -n ann:pw-s3cr3t | base64`).
const BASIC: &str = "Basic YW5uOnB3LXMzY3IzdA==";

/// Every form a secret could leak in: the values, the basic credential encoded, the query key
/// encoded.
const LEAKS: &[&str] = &["s3cr3t", "YW5uOnB3LXMzY3IzdA", "qry%20s3cr3t", "qry+s3cr3t"];

/// What a request carried that could be a credential: every `Authorization`, `X-Api-Key` and
/// `Cookie` header value, and every query pair (decoded).
#[derive(Debug, PartialEq, Eq)]
struct Sent {
    authorization: Vec<String>,
    api_key: Vec<String>,
    cookie: Vec<String>,
    query: Vec<(String, String)>,
}

fn sent(request: &ReceivedRequest) -> Sent {
    let all = |name: &str| -> Vec<String> {
        request
            .headers
            .get_all(name)
            .iter()
            .map(|v| v.to_str().unwrap().to_owned())
            .collect()
    };
    Sent {
        authorization: all("authorization"),
        api_key: all("x-api-key"),
        cookie: all("cookie"),
        query: request.query.clone(),
    }
}

fn expect(
    authorization: &[&str],
    api_key: &[&str],
    cookie: &[&str],
    query: &[(&str, &str)],
) -> Sent {
    let owned = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect();
    Sent {
        authorization: owned(authorization),
        api_key: owned(api_key),
        cookie: owned(cookie),
        query: query
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
    }
}

fn port(server: &FaultServer) -> String {
    server.addr().port().to_string()
}

/// A server answering `n` requests with an empty 200 JSON list (which every operation here accepts:
/// the empty-body ones ignore it, the list ones decode it). `GetMe` needs an object: see `me_ok`.
async fn ok_server(n: usize) -> FaultServer {
    FaultServer::start(vec![Fault::json(200, "[]"); n])
        .await
        .unwrap()
}

/// A builder whose servers (top-level, path-level, operation-level) all point at `server`, with
/// retries off.
fn builder(server: &FaultServer) -> ClientBuilder {
    Client::builder()
        .server_variable("port", port(server))
        .server_variable("uploadPort", port(server))
        .server_variable("intakePort", port(server))
        .server_variable("mirrorPort", port(server))
        .retry_policy(RetryPolicy::disabled())
}

fn with_all_credentials(builder: ClientBuilder) -> ClientBuilder {
    builder
        .header_key(HEADER_KEY)
        .query_key(QUERY_KEY)
        .cookie_key(COOKIE_KEY)
        .bearer_auth(BEARER)
        .basic_auth(USER, PASSWORD)
}

fn me_ok() -> Fault {
    Fault::json(200, r#"{"id": "me"}"#)
}

/// Calls every operation once, in a fixed order, asserting each succeeds.
async fn call_all(client: &Client) {
    assert!(client.list_things().send().await.unwrap().is_empty());
    client.get_health().send().await.unwrap();
    assert_eq!(client.get_me().send().await.unwrap().id, "me");
    assert!(client
        .search_things("a b&c")
        .send()
        .await
        .unwrap()
        .is_empty());
    client.upload_thing("x y").send().await.unwrap();
    client
        .send_event(Thing::new("e1".to_owned()))
        .send()
        .await
        .unwrap();
    assert!(client.list_events().send().await.unwrap().is_empty());
}

fn call_all_script() -> Vec<Fault> {
    vec![
        Fault::json(200, "[]"),
        Fault::status(204),
        me_ok(),
        Fault::json(200, "[]"),
        Fault::status(204),
        Fault::status(202),
        Fault::json(200, "[]"),
    ]
}

#[tokio::test]
async fn each_operation_sends_exactly_its_credentials() {
    let server = FaultServer::start(call_all_script()).await.unwrap();
    let client = with_all_credentials(builder(&server)).build().unwrap();
    call_all(&client).await;
    let received = server.received();
    assert_eq!(received.len(), 7);
    let paths: Vec<&str> = received.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/v1/things",
            "/v1/health",
            "/v1/me",
            "/v1/search",
            "/files/uploads/x y",
            "/intake/events",
            "/mirror/events",
        ]
    );

    // ListThings: the document's default security, the header key alone.
    assert_eq!(sent(&received[0]), expect(&[], &[HEADER_KEY], &[], &[]));
    // GetHealth: `security: []`, nothing at all, though the client holds every credential.
    assert_eq!(sent(&received[1]), expect(&[], &[], &[], &[]));
    // GetMe: bearer, else basic; bearer comes first in the document.
    let bearer = format!("Bearer {BEARER}");
    assert_eq!(sent(&received[2]), expect(&[&bearer], &[], &[], &[]));
    // SearchThings: header key and query key together (the first alternative), after `q`; the
    // query key arrives intact, so it was percent-encoded.
    assert_eq!(
        sent(&received[3]),
        expect(
            &[],
            &[HEADER_KEY],
            &[],
            &[("q", "a b&c"), ("api_key", QUERY_KEY)]
        )
    );
    // UploadThing: the query key alone.
    assert_eq!(
        sent(&received[4]),
        expect(&[], &[], &[], &[("api_key", QUERY_KEY)])
    );
    // SendEvent: basic auth, and its body.
    assert_eq!(sent(&received[5]), expect(&[BASIC], &[], &[], &[]));
    assert_eq!(
        received[5].json_body().unwrap().unwrap(),
        serde_json::json!({"id": "e1"})
    );
    // ListEvents: the default security again.
    assert_eq!(sent(&received[6]), expect(&[], &[HEADER_KEY], &[], &[]));
    assert_eq!(received[4].method, http::Method::PUT);
    assert_eq!(received[5].method, http::Method::POST);
}

#[tokio::test]
async fn the_query_key_is_percent_encoded_on_the_wire() {
    // `ReceivedRequest::query` is decoded from the raw target, so the key arrives intact only if
    // it was percent-encoded.
    let server = ok_server(1).await;
    let client = builder(&server).query_key(QUERY_KEY).build().unwrap();
    client.upload_thing("1").send().await.unwrap();
    let received = &server.received()[0];
    // `url::form_urlencoded` decodes `+` as a space: had the `+` gone out raw, the value would end
    // in a space; had `&` or `=` gone out raw, there would be more pairs.
    assert_eq!(
        received.query,
        [("api_key".to_owned(), QUERY_KEY.to_owned())]
    );
}

#[tokio::test]
async fn the_cookie_key_is_a_cookie_header() {
    let server = ok_server(2).await;
    let client = builder(&server).cookie_key(COOKIE_KEY).build().unwrap();
    client.search_things("z").send().await.unwrap();
    // Held alone, the cookie satisfies SearchThings' second alternative.
    assert_eq!(
        sent(&server.received()[0]),
        expect(&[], &[], &[&format!("session={COOKIE_KEY}")], &[("q", "z")])
    );
    // It never goes where it is not an alternative: ListThings needs the header key.
    assert!(matches!(
        client.list_things().send().await,
        Err(Error::MissingCredentials {
            operation: "ListThings",
            ..
        })
    ));
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn the_first_alternative_held_is_sent_and_prefer_scheme_reorders() {
    // Basic and cookie only: GetMe falls to basic, SearchThings to the cookie.
    let server = FaultServer::start(vec![me_ok(), Fault::json(200, "[]")])
        .await
        .unwrap();
    let client = builder(&server)
        .basic_auth(USER, PASSWORD)
        .cookie_key(COOKIE_KEY)
        .build()
        .unwrap();
    client.get_me().send().await.unwrap();
    client.search_things("q").send().await.unwrap();
    let received = server.received();
    assert_eq!(sent(&received[0]), expect(&[BASIC], &[], &[], &[]));
    let cookie = format!("session={COOKIE_KEY}");
    assert_eq!(
        sent(&received[1]),
        expect(&[], &[], &[&cookie], &[("q", "q")])
    );

    // The header key without the query key does not meet `headerKey + queryKey`: the cookie is
    // sent, and the header key is not (half an alternative is never sent).
    let server = ok_server(1).await;
    let client = builder(&server)
        .header_key(HEADER_KEY)
        .cookie_key(COOKIE_KEY)
        .build()
        .unwrap();
    client.search_things("q").send().await.unwrap();
    assert_eq!(
        sent(&server.received()[0]),
        expect(&[], &[], &[&cookie], &[("q", "q")])
    );

    // Everything held: `prefer_scheme` picks basic over bearer and the cookie over the keys, and
    // does not affect an operation that cannot use the preferred scheme.
    let server = FaultServer::start(vec![
        me_ok(),
        Fault::json(200, "[]"),
        Fault::json(200, "[]"),
    ])
    .await
    .unwrap();
    let client = with_all_credentials(builder(&server))
        .prefer_scheme("basicAuth")
        .prefer_scheme("cookieKey")
        .build()
        .unwrap();
    client.get_me().send().await.unwrap();
    client.search_things("q").send().await.unwrap();
    client.list_things().send().await.unwrap();
    let received = server.received();
    assert_eq!(sent(&received[0]), expect(&[BASIC], &[], &[], &[]));
    assert_eq!(
        sent(&received[1]),
        expect(&[], &[], &[&cookie], &[("q", "q")])
    );
    assert_eq!(sent(&received[2]), expect(&[], &[HEADER_KEY], &[], &[]));

    // Preferring a scheme the client does not hold changes nothing.
    let server = FaultServer::start(vec![me_ok()]).await.unwrap();
    let client = builder(&server)
        .bearer_auth(BEARER)
        .prefer_scheme("basicAuth")
        .build()
        .unwrap();
    client.get_me().send().await.unwrap();
    assert_eq!(
        sent(&server.received()[0]),
        expect(&[&format!("Bearer {BEARER}")], &[], &[], &[])
    );

    // A scheme the API does not have is a configuration error.
    assert!(matches!(
        builder(&server).prefer_scheme("apiKeyAuth").build(),
        Err(ConfigError::UnknownSecurityScheme { name, .. }) if name == "apiKeyAuth"
    ));
}

#[tokio::test]
async fn missing_credentials_fail_before_sending() {
    let server = ok_server(1).await;
    // The query key alone: enough for UploadThing only.
    let client = builder(&server).query_key(QUERY_KEY).build().unwrap();
    let cases: [(&str, Result<(), Error>, &str); 5] = [
        (
            "ListThings",
            client.list_things().send().await.map(drop),
            "headerKey",
        ),
        (
            "GetMe",
            client.get_me().send().await.map(drop),
            "bearerAuth, or basicAuth",
        ),
        (
            "SearchThings",
            client.search_things("q").send().await.map(drop),
            "headerKey + queryKey, or cookieKey",
        ),
        (
            "SendEvent",
            client.send_event(Thing::new("e".to_owned())).send().await,
            "basicAuth",
        ),
        (
            "ListEvents",
            client.list_events().send().await.map(drop),
            "headerKey",
        ),
    ];
    for (id, result, needs) in cases {
        match result {
            Err(Error::MissingCredentials { operation, needed }) => {
                assert_eq!((operation, needed.as_str()), (id, needs));
            }
            other => panic!("{id}: {other:?}"),
        }
    }
    assert_eq!(server.request_count(), 0, "{:?}", server.received());

    // The Display text names the operation and what it needs, never a credential.
    let err = client.get_me().send().await.unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(
        text.contains("GetMe") && text.contains("bearerAuth, or basicAuth"),
        "{text}"
    );
    assert!(!LEAKS.iter().any(|l| text.contains(l)), "{text}");

    // `security: []` needs nothing: a client with no credentials at all sends it, bare.
    let bare = builder(&server).build().unwrap();
    bare.get_health().send().await.unwrap();
    assert_eq!(server.request_count(), 1);
    assert_eq!(sent(&server.received()[0]), expect(&[], &[], &[], &[]));
}

#[tokio::test]
async fn the_top_level_server_comes_from_server_variables_index_or_base_url() {
    let a = ok_server(3).await;
    let b = ok_server(2).await;
    // The first server, `port` and `version` filled in.
    let client = builder(&a).header_key(HEADER_KEY).build().unwrap();
    assert_eq!(
        client.base_url(),
        format!("http://127.0.0.1:{}/v1", port(&a))
    );
    client.list_things().send().await.unwrap();
    let client = builder(&a)
        .version(Version::V2)
        .header_key(HEADER_KEY)
        .build()
        .unwrap();
    client.list_things().send().await.unwrap();
    // The second server.
    let client = builder(&a)
        .server_index(1)
        .header_key(HEADER_KEY)
        .build()
        .unwrap();
    client.list_things().send().await.unwrap();
    let paths: Vec<String> = a.received().into_iter().map(|r| r.path).collect();
    assert_eq!(paths, ["/v1/things", "/v2/things", "/alt/things"]);

    // The same `port` variable sends it to the other server.
    let client = builder(&b).header_key(HEADER_KEY).build().unwrap();
    client.list_things().send().await.unwrap();
    // A base URL replaces the whole template, path included.
    let client = builder(&a)
        .base_url(format!("{}/proxy/", b.base_url()))
        .header_key(HEADER_KEY)
        .build()
        .unwrap();
    assert_eq!(client.base_url(), format!("{}/proxy", b.base_url()));
    client.list_things().send().await.unwrap();
    let paths: Vec<String> = b.received().into_iter().map(|r| r.path).collect();
    assert_eq!(paths, ["/v1/things", "/proxy/things"]);
    assert_eq!(a.request_count(), 3);

    // A value outside the `version` enum is rejected when building.
    assert!(matches!(
        builder(&a).server_variable("version", "v3").build(),
        Err(ConfigError::InvalidServerVariable { name, value, .. }) if name == "version" && value == "v3"
    ));
    assert!(matches!(
        builder(&a).server_index(2).build(),
        Err(ConfigError::NoServer {
            index: 2,
            servers: 2
        })
    ));
}

#[tokio::test]
async fn operations_with_their_own_server_ignore_the_base_url() {
    let a = FaultServer::start(vec![Fault::status(204), Fault::status(202)])
        .await
        .unwrap();
    let b = FaultServer::start(vec![
        Fault::json(200, "[]"),
        Fault::status(204),
        Fault::json(200, "[]"),
    ])
    .await
    .unwrap();
    // base_url goes last: setting a server variable clears it.
    let client = with_all_credentials(
        Client::builder()
            .server_variable("port", port(&a))
            .server_variable("uploadPort", port(&a))
            .server_variable("intakePort", port(&a))
            .server_variable("mirrorPort", port(&b))
            .retry_policy(RetryPolicy::disabled()),
    )
    .base_url(b.base_url())
    .build()
    .unwrap();
    client.list_things().send().await.unwrap();
    client.get_health().send().await.unwrap();
    // Operation-level server, through `uploadPort`: A.
    client.upload_thing("u1").send().await.unwrap();
    // Path-level server, through `intakePort`: A.
    client
        .send_event(Thing::new("e".to_owned()))
        .send()
        .await
        .unwrap();
    // Operation-level server over the path-level one, through `mirrorPort`: B, under `/mirror`.
    client.list_events().send().await.unwrap();

    let on_a: Vec<String> = a.received().into_iter().map(|r| r.path).collect();
    let on_b: Vec<String> = b.received().into_iter().map(|r| r.path).collect();
    assert_eq!(on_a, ["/files/uploads/u1", "/intake/events"]);
    assert_eq!(on_b, ["/things", "/health", "/mirror/events"]);
    // Each still carries its own credentials on its own server.
    assert_eq!(
        sent(&a.received()[0]),
        expect(&[], &[], &[], &[("api_key", QUERY_KEY)])
    );
    assert_eq!(sent(&a.received()[1]), expect(&[BASIC], &[], &[], &[]));
    assert_eq!(sent(&b.received()[2]), expect(&[], &[HEADER_KEY], &[], &[]));
}

#[tokio::test]
async fn operation_base_url_overrides_one_operation() {
    let a = FaultServer::start(vec![Fault::status(202), Fault::status(204)])
        .await
        .unwrap();
    let b = FaultServer::start(vec![
        Fault::status(204),
        Fault::json(200, "[]"),
        Fault::json(200, "[]"),
    ])
    .await
    .unwrap();
    let client = with_all_credentials(builder(&a))
        .operation_base_url("UploadThing", format!("{}/elsewhere", b.base_url()))
        .operation_base_url("ListThings", b.base_url())
        .operation_base_url("ListEvents", b.base_url())
        .build()
        .unwrap();
    // Overridden: its own server (A, `/files`) is not used; the override's path replaces it.
    client.upload_thing("u2").send().await.unwrap();
    // Not overridden: the path-level server on A.
    client
        .send_event(Thing::new("e".to_owned()))
        .send()
        .await
        .unwrap();
    // A top-level operation overridden: B, without the `/v1` of the API's server.
    client.list_things().send().await.unwrap();
    // An operation-level server overridden.
    client.list_events().send().await.unwrap();
    // A top-level operation not overridden: A.
    client.get_health().send().await.unwrap();

    let on_a: Vec<String> = a.received().into_iter().map(|r| r.path).collect();
    let on_b: Vec<String> = b.received().into_iter().map(|r| r.path).collect();
    assert_eq!(on_a, ["/intake/events", "/v1/health"]);
    assert_eq!(on_b, ["/elsewhere/uploads/u2", "/things", "/events"]);
    assert_eq!(
        sent(&b.received()[0]),
        expect(&[], &[], &[], &[("api_key", QUERY_KEY)])
    );

    // The override wins over a base URL too.
    let c = ok_server(1).await;
    let client = builder(&a)
        .base_url(b.base_url())
        .operation_base_url("GetHealth", c.base_url())
        .build()
        .unwrap();
    client.get_health().send().await.unwrap();
    assert_eq!(c.received()[0].path, "/health");
    assert_eq!((a.request_count(), b.request_count()), (2, 3));

    // An unusable override is a configuration error.
    assert!(matches!(
        builder(&a)
            .operation_base_url("GetHealth", "ftp://x")
            .build(),
        Err(ConfigError::InvalidBaseUrl { .. })
    ));
}

#[tokio::test]
async fn secrets_never_appear_in_debug_output_or_errors() {
    let configured = with_all_credentials(Client::builder());
    let client = configured.clone().build().unwrap();
    let mut texts = vec![format!("{configured:?}"), format!("{client:?}")];
    // The client's Debug does say which schemes it holds credentials for.
    assert!(
        texts[1].contains("queryKey") && texts[1].contains("basicAuth"),
        "{}",
        texts[1]
    );

    // An API error (the server rejects the credentials).
    let server = FaultServer::start(vec![
        Fault::json(401, r#"{"errors": ["bad credentials"]}"#),
        Fault::Reset,
    ])
    .await
    .unwrap();
    let client = with_all_credentials(builder(&server)).build().unwrap();
    let err = client.search_things("q").send().await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    texts.push(format!("{err} {err:?}"));
    // A transport error on a request whose URL carries the query key.
    let err = client.upload_thing("u").send().await.unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
    texts.push(format!("{err} {err:?}"));
    assert_eq!(server.request_count(), 2);
    assert_eq!(
        server.received()[1].query,
        [("api_key".to_owned(), QUERY_KEY.to_owned())]
    );

    // A missing credential.
    let err = Client::builder()
        .query_key(QUERY_KEY)
        .build()
        .unwrap()
        .get_me()
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::MissingCredentials { .. }), "{err:?}");
    texts.push(format!("{err} {err:?}"));

    // Credentials that cannot be sent: rejected by `build`, without quoting them.
    for bad in [
        Client::builder().bearer_auth("bearer s3cr3t"),
        Client::builder().bearer_auth(format!("Bearer {BEARER}")),
        Client::builder().header_key(" hdr-s3cr3t"),
        Client::builder().cookie_key("ck;s3cr3t"),
        Client::builder().basic_auth("ann:s3cr3t", PASSWORD),
    ] {
        let err = bad.build().unwrap_err();
        assert!(
            matches!(err, ConfigError::InvalidCredential { .. }),
            "{err:?}"
        );
        texts.push(format!("{err} {err:?}"));
    }

    for text in &texts {
        assert!(!LEAKS.iter().any(|l| text.contains(l)), "{text}");
    }
}
