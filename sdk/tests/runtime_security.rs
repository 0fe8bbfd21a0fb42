//! Security and transport, against fault-injecting loopback servers: credentials never follow a
//! redirect to another host, bearer-token auth, the user agent, and gzip responses. (Secrets in
//! traces are checked in `runtime_tracing.rs`, alone in its binary.)

mod credentials_support;

use credentials_support::{with_keys, with_token, API_KEY, APP_KEY, TOKEN};
use datadog_connections::{Client, ClientBuilder, Error};
use datadog_connections_replay::fault::{Fault, FaultServer};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;

const LIST: &str = r#"{"data":[{"attributes":{"connection_types":["logs"],"created_at":"2023-01-01T12:00:00Z"},"id":"f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a","relationships":{"sink_org":{"data":{"id":"83999dcd-7f97-11f0-8de1-1ecf66f1aa85","type":"orgs"}}},"type":"org_connection"}],"meta":{"page":{"total_count":1}}}"#;
const CREDENTIAL_HEADERS: [&str; 3] = ["dd-api-key", "dd-application-key", "authorization"];

async fn start(faults: Vec<Fault>) -> FaultServer {
    FaultServer::start(faults)
        .await
        .expect("bind a loopback port")
}

#[tokio::test]
async fn a_redirect_to_another_host_is_not_followed_and_carries_no_credentials() {
    for with_credentials in [with_keys as fn(&FaultServer) -> ClientBuilder, with_token] {
        // Two loopback servers on different ports are different origins.
        let elsewhere = start(vec![Fault::json(200, LIST)]).await;
        let target = format!("{}/api/v2/org_connections", elsewhere.base_url());
        let server = start(vec![Fault::Redirect(target)]).await;
        let client = with_credentials(&server).build().expect("client");
        let err = client.list_org_connections().send().await.unwrap_err();
        let Error::Api(e) = &err else {
            panic!("expected the 3xx as an API error, got {err:?}")
        };
        assert_eq!(e.status().as_u16(), 302);
        assert_eq!(server.request_count(), 1, "a redirect is not retried");
        assert_eq!(
            elsewhere.request_count(),
            0,
            "the redirect was followed to another host"
        );
        assert!(server.received()[0]
            .headers
            .keys()
            .any(|h| CREDENTIAL_HEADERS.contains(&h.as_str())));
    }
}

#[tokio::test]
async fn a_redirect_on_the_same_host_is_followed_with_credentials() {
    let server = start(vec![
        Fault::Redirect("/api/v2/org_connections?moved=1".into()),
        Fault::json(200, LIST),
    ])
    .await;
    let client = with_keys(&server).build().expect("client");
    let page = client
        .list_org_connections()
        .send()
        .await
        .expect("followed");
    assert_eq!(page.data.len(), 1);
    let received = server.received();
    assert_eq!(received.len(), 2);
    assert_eq!(received[1].query, [("moved".to_owned(), "1".to_owned())]);
    assert_eq!(received[1].header("dd-api-key"), Some(API_KEY));
    assert_eq!(received[1].header("dd-application-key"), Some(APP_KEY));
}

#[tokio::test]
async fn a_bearer_token_is_sent_instead_of_keys() {
    let server = start(vec![
        Fault::json(200, LIST),
        Fault::json(200, LIST),
        Fault::json(200, LIST),
    ])
    .await;
    // With keys set alongside a token (from the environment, say), preferring the OAuth scheme
    // sends the token alone.
    let client = with_token(&server)
        .api_key(API_KEY)
        .app_key(APP_KEY)
        .prefer_scheme("AuthZ")
        .build()
        .expect("client");
    client.list_org_connections().send().await.expect("list");
    let custom = with_token(&server)
        .user_agent("my-tool/2.0")
        .build()
        .expect("client");
    custom.list_org_connections().send().await.expect("list");

    let received = server.received();
    let sent = &received[0];
    assert_eq!(
        sent.header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    assert_eq!(
        (sent.header("dd-api-key"), sent.header("dd-application-key")),
        (None, None)
    );
    let agent = sent.header("user-agent").expect("a user agent");
    assert!(
        agent.starts_with(concat!(
            "datadog-connections/",
            env!("CARGO_PKG_VERSION"),
            " (rust; "
        )),
        "{agent}"
    );
    assert_eq!(received[1].header("user-agent"), Some("my-tool/2.0"));

    // Without a preference, the document's order decides: its first alternative is the keys.
    let keys_first = with_token(&server)
        .api_key(API_KEY)
        .app_key(APP_KEY)
        .build()
        .expect("client");
    keys_first
        .list_org_connections()
        .send()
        .await
        .expect("list");
    let sent = &server.received()[2];
    assert_eq!(
        (sent.header("dd-api-key"), sent.header("authorization")),
        (Some(API_KEY), None)
    );
}

fn gzip(text: &str) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(text.as_bytes()).expect("compress");
    encoder.finish().expect("compress")
}

fn gzipped(status: u16, text: &str) -> Fault {
    Fault::Respond {
        status,
        headers: vec![
            ("Content-Type".into(), "application/json".into()),
            ("Content-Encoding".into(), "gzip".into()),
        ],
        body: gzip(text),
    }
}

#[tokio::test]
async fn gzip_responses_are_decompressed() {
    let not_found = r#"{"errors":["Not found"]}"#;
    let server = start(vec![gzipped(200, LIST), gzipped(404, not_found)]).await;
    let client = with_keys(&server).build().expect("client");
    let page = client.list_org_connections().send().await.expect("decoded");
    assert_eq!(
        page.data[0].id.to_string(),
        "f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a"
    );
    let accepted = server.received()[0]
        .header("accept-encoding")
        .unwrap_or_default()
        .to_owned();
    assert!(accepted.contains("gzip"), "{accepted:?}");

    let err = client
        .delete_org_connections("f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a")
        .send()
        .await
        .unwrap_err();
    let Error::Api(e) = err else {
        panic!("expected the 404")
    };
    assert_eq!(
        (e.errors(), e.raw_body().as_ref()),
        (&["Not found".to_owned()][..], not_found.as_bytes())
    );
}

#[test]
fn credentials_in_a_base_url_are_redacted_everywhere() {
    use datadog_connections::Site;
    let url = "http://user:url-SECRET-4444@127.0.0.1:8080";
    let builder = Client::builder()
        .base_url(url)
        .operation_base_url("ListOrgConnections", url)
        .api_key(API_KEY);
    let builder_debug = format!("{builder:?}");
    let err = builder.build().unwrap_err();
    let err_display = err.to_string();
    let err_debug = format!("{err:?}");
    let as_error = format!("{:?} {}", Error::from(err.clone()), Error::from(err));
    for text in [&builder_debug, &err_display, &err_debug, &as_error] {
        assert!(!text.contains("SECRET"), "{text}");
    }
    assert!(
        err_display.contains("http://<redacted>@127.0.0.1:8080"),
        "{err_display}"
    );
    // A site value that is not a site (DD_SITE with credentials but no scheme) is redacted too.
    let err = "user:site-SECRET-5555@datadoghq.eu"
        .parse::<Site>()
        .unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(
        !text.contains("SECRET") && text.contains("<redacted>"),
        "{text}"
    );
}
