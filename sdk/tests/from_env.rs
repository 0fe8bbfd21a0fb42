//! Configuration from `DD_API_KEY`, `DD_APP_KEY`, `DD_ACCESS_TOKEN` and `DD_SITE` (the variables the
//! generator configuration names). One test function, in its own test binary, because the
//! environment is process-wide.

use datadog_connections::{
    Client, ClientBuilder, ConfigError, Error, ENV_API_KEY, ENV_APP_KEY, ENV_BEARER_TOKEN, ENV_SITE,
};

fn with_site(site: Option<&str>) -> Result<Client, ConfigError> {
    match site {
        Some(s) => std::env::set_var(ENV_SITE, s),
        None => std::env::remove_var(ENV_SITE),
    }
    Client::from_env()
}

#[tokio::test]
async fn environment_configures_the_client() {
    assert_eq!(
        (ENV_API_KEY, ENV_APP_KEY, ENV_BEARER_TOKEN, ENV_SITE),
        ("DD_API_KEY", "DD_APP_KEY", "DD_ACCESS_TOKEN", "DD_SITE")
    );
    std::env::remove_var(ENV_API_KEY);
    std::env::remove_var(ENV_APP_KEY);
    std::env::remove_var(ENV_BEARER_TOKEN);

    // Without credentials the client builds, and every operation (all need auth) fails before
    // anything is sent, naming what it accepts.
    let bare = ClientBuilder::from_env()
        .base_url("http://127.0.0.1:9")
        .build()
        .unwrap();
    match bare.list_org_connections().send().await {
        Err(Error::MissingCredentials { operation, needed }) => {
            assert_eq!(operation, "ListOrgConnections");
            assert_eq!(
                needed,
                "apiKeyAuth ($DD_API_KEY) + appKeyAuth ($DD_APP_KEY), or AuthZ ($DD_ACCESS_TOKEN)"
            );
        }
        other => panic!("expected missing credentials, got {other:?}"),
    }

    std::env::set_var(ENV_API_KEY, "env-api-key");
    std::env::set_var(ENV_APP_KEY, "env-app-key");
    assert_eq!(
        with_site(None).unwrap().base_url(),
        "https://api.datadoghq.com"
    );
    assert_eq!(
        with_site(Some("us3.datadoghq.com")).unwrap().base_url(),
        "https://api.us3.datadoghq.com"
    );
    assert_eq!(
        with_site(Some("EU1")).unwrap().base_url(),
        "https://api.datadoghq.eu"
    );
    assert_eq!(
        with_site(Some("us1-fed")).unwrap().base_url(),
        "https://api.ddog-gov.com"
    );
    assert_eq!(
        with_site(Some("http://127.0.0.1:8126/"))
            .unwrap()
            .base_url(),
        "http://127.0.0.1:8126"
    );
    let unknown = with_site(Some("datadoghq.org")).unwrap_err();
    assert!(
        matches!(&unknown, ConfigError::UnknownValue { what: "site", value, .. } if value == "datadoghq.org"),
        "{unknown:?}"
    );
    assert!(unknown.to_string().contains("datadoghq.eu"), "{unknown}");

    // Code overrides the environment, including a bad DD_SITE.
    std::env::set_var(ENV_SITE, "datadoghq.org");
    let client = ClientBuilder::from_env()
        .site(datadog_connections::Site::Ap1)
        .build()
        .unwrap();
    assert_eq!(client.base_url(), "https://api.ap1.datadoghq.com");
    assert!(!format!("{:?}", ClientBuilder::from_env()).contains("env-api-key"));
    std::env::remove_var(ENV_SITE);

    // The environment enables no Preview operation.
    let client = Client::from_env().unwrap();
    assert!(!client.is_preview_enabled("ListTeamConnections"));

    // An access token alone is enough for the OAuth alternative, and never shows.
    std::env::remove_var(ENV_API_KEY);
    std::env::remove_var(ENV_APP_KEY);
    std::env::set_var(ENV_BEARER_TOKEN, "env-access-token");
    let client = Client::from_env().unwrap();
    assert!(
        client.runtime().has_credential("AuthZ") && !client.runtime().has_credential("apiKeyAuth")
    );
    assert!(!format!("{client:?} {:?}", ClientBuilder::from_env()).contains("env-access-token"));
    std::env::remove_var(ENV_BEARER_TOKEN);
}
