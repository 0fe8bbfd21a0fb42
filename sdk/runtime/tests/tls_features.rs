//! The TLS features' edge cases, each compiled only in its feature combination (`.ci/run` runs this
//! file once per combination):
//!
//! - `--no-default-features --features rustls-no-provider`: without a process-default rustls
//!   `CryptoProvider`, `build()` returns `ConfigError::NoCryptoProvider` (reqwest would panic);
//!   once one is installed, the client builds.
//! - `--no-default-features` (no TLS backend): `https` URLs are refused with
//!   `ConfigError::TlsNotEnabled`, at `build()` for the client's URLs and by the call for an
//!   operation's own server, before anything is sent; `http` URLs work.
//! - a build with `rustls` or `native-tls`: `https` clients build.

#![allow(dead_code)]

use openapi_sdk_runtime::{Api, ClientBuilder, Server};

static API: Api = Api {
    package: "example-sdk",
    version: "1.0.0",
    servers: &[Server {
        url: "https://api.example.com",
        variables: &[],
    }],
    security_schemes: &[],
    preview_operations: &[],
    operations: &[],
    rate_limit: openapi_sdk_runtime::RateLimitHeaders::STANDARD,
    error_messages: openapi_sdk_runtime::ErrorMessages::STANDARD,
};

fn builder() -> ClientBuilder {
    ClientBuilder::new(&API)
}

#[cfg(any(feature = "rustls", feature = "native-tls"))]
#[test]
fn https_clients_build_with_a_tls_backend() {
    let client = builder().build().expect("an https client");
    assert_eq!(client.base_url(), "https://api.example.com");
}

#[cfg(all(
    feature = "rustls-no-provider",
    not(feature = "rustls"),
    not(feature = "native-tls")
))]
mod no_provider {
    use super::*;
    use openapi_sdk_runtime::ConfigError;

    /// One test, because the process default is global and installed once.
    #[test]
    fn a_missing_crypto_provider_is_a_config_error_and_an_installed_one_is_used() {
        assert!(
            rustls::crypto::CryptoProvider::get_default().is_none(),
            "nothing in this test binary installs a provider before this test"
        );
        // reqwest would panic here; the runtime reports it, for http URLs as well (reqwest builds
        // its TLS configuration either way).
        for b in [builder(), builder().base_url("http://127.0.0.1:9")] {
            let error = b.build().expect_err("no provider installed");
            assert_eq!(error, ConfigError::NoCryptoProvider);
            let shown = error.to_string();
            assert!(
                shown.contains("install_default") && shown.contains("`rustls`"),
                "{shown}"
            );
        }
        rustls::crypto::aws_lc_rs::default_provider()
            .install_default()
            .expect("the first provider installed");
        let client = builder().build().expect("a provider is installed");
        assert_eq!(client.base_url(), "https://api.example.com");
    }
}

#[cfg(not(any(
    feature = "rustls",
    feature = "rustls-no-provider",
    feature = "native-tls"
)))]
mod no_tls {
    use super::*;
    use openapi_sdk_runtime::{ConfigError, Error, Method, Operation, Request};

    fn refused(builder: ClientBuilder) -> String {
        match builder.build() {
            Err(ConfigError::TlsNotEnabled { url }) => url,
            other => panic!("expected TlsNotEnabled, got {other:?}"),
        }
    }

    #[test]
    fn https_client_urls_are_refused_at_build() {
        assert_eq!(refused(builder()), "https://api.example.com");
        assert_eq!(
            refused(builder().base_url("HTTPS://other.example.com/v1/")),
            "https://other.example.com/v1"
        );
        assert_eq!(
            refused(
                builder()
                    .base_url("http://127.0.0.1:9")
                    .operation_base_url("Upload", "https://upload.example.com")
            ),
            "https://upload.example.com"
        );
        let shown = builder().build().expect_err("https").to_string();
        assert!(
            shown.contains("https://api.example.com")
                && shown.contains("`rustls`")
                && shown.contains("`native-tls`"),
            "{shown}"
        );
    }

    #[test]
    fn http_urls_and_a_callers_client_are_accepted() {
        let client = builder()
            .base_url("http://127.0.0.1:9")
            .build()
            .expect("http");
        assert_eq!(client.base_url(), "http://127.0.0.1:9");
        // A caller's client may have TLS from another crate's features: it is trusted.
        builder()
            .http_client(openapi_sdk_runtime::reqwest::Client::new())
            .build()
            .expect("a caller's client");
    }

    #[tokio::test]
    async fn an_operations_own_https_server_is_refused_before_sending() {
        const UPLOAD: Operation = Operation {
            id: "Upload",
            method: Method::Post,
            path_template: "/upload",
            preview: false,
            servers: &[Server {
                url: "https://upload.example.com",
                variables: &[],
            }],
            security: &[],
        };
        // Port 9 (discard) on loopback: were anything sent, this would be a transport error.
        let client = builder()
            .base_url("http://127.0.0.1:9")
            .build()
            .expect("http");
        let error = client
            .execute(Request::new(UPLOAD, "/upload".into()))
            .await
            .expect_err("refused");
        match error {
            Error::Config(ConfigError::TlsNotEnabled { url }) => {
                assert_eq!(url, "https://upload.example.com")
            }
            other => panic!("expected TlsNotEnabled, got {other:?}"),
        }
    }
}
