//! Configuration from `DD_API_KEY`, `DD_APP_KEY` and `DD_SITE`. One test function, in its own test
//! binary, because the environment is process-wide.

use datadog_connections::{Client, ClientBuilder, ConfigError, ENV_API_KEY, ENV_APP_KEY, ENV_SITE};

fn with_site(site: Option<&str>) -> Result<Client, ConfigError> {
    match site {
        Some(s) => std::env::set_var(ENV_SITE, s),
        None => std::env::remove_var(ENV_SITE),
    }
    Client::from_env()
}

#[test]
fn environment_configures_the_client() {
    std::env::remove_var(ENV_API_KEY);
    std::env::remove_var(ENV_APP_KEY);
    assert_eq!(with_site(None).unwrap_err(), ConfigError::MissingApiKey);

    std::env::set_var(ENV_API_KEY, "env-api-key");
    std::env::set_var(ENV_APP_KEY, "env-app-key");
    assert_eq!(with_site(None).unwrap().base_url(), "https://api.datadoghq.com");
    assert_eq!(with_site(Some("us3.datadoghq.com")).unwrap().base_url(), "https://api.us3.datadoghq.com");
    assert_eq!(with_site(Some("EU1")).unwrap().base_url(), "https://api.datadoghq.eu");
    assert_eq!(with_site(Some("http://127.0.0.1:8126/")).unwrap().base_url(), "http://127.0.0.1:8126");
    assert_eq!(with_site(Some("datadoghq.org")).unwrap_err(), ConfigError::UnknownSite("datadoghq.org".into()));

    // Code overrides the environment, including a bad DD_SITE.
    std::env::set_var(ENV_SITE, "datadoghq.org");
    let client = ClientBuilder::from_env().site(datadog_connections::Site::Ap1).build().unwrap();
    assert_eq!(client.base_url(), "https://api.ap1.datadoghq.com");
    assert!(!format!("{:?}", ClientBuilder::from_env()).contains("env-api-key"));
    std::env::remove_var(ENV_SITE);
}
