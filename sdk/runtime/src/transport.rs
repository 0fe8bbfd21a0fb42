//! The HTTP client the runtime builds when the caller supplies none, as the Cargo features choose
//! it (TLS backend, HTTP/2, gzip), and the checks that turn what reqwest would do wrong in a
//! feature combination (panic, or fail each attempt with a transport error) into a
//! [`ConfigError`] before anything is sent.

use crate::error::{redact_url, ConfigError};
use std::time::Duration;

/// Whether this build has a TLS backend (`rustls`, `rustls-no-provider` or `native-tls`).
pub(crate) const TLS: bool = cfg!(any(
    feature = "rustls",
    feature = "rustls-no-provider",
    feature = "native-tls"
));

/// The reqwest client for a [`ClientBuilder`](crate::ClientBuilder) without
/// [`http_client`](crate::ClientBuilder::http_client): redirects to the same origin only, the
/// connect timeout, gzip when the feature is on.
pub(crate) fn http_client(connect_timeout: Duration) -> Result<reqwest::Client, ConfigError> {
    check_crypto_provider()?;
    let builder = reqwest::Client::builder()
        .redirect(crate::client::redirect_policy())
        .connect_timeout(connect_timeout);
    #[cfg(feature = "gzip")]
    let builder = builder.gzip(true);
    builder
        .build()
        .map_err(|e| ConfigError::HttpClient(e.to_string()))
}

/// Whether a `reqwest::Client` can be built in this feature combination without panicking:
/// with `rustls-no-provider` as the only TLS backend, reqwest takes rustls' process-default
/// `CryptoProvider` and panics when there is none; this reports it as
/// [`ConfigError::NoCryptoProvider`] instead. Call it before building a `reqwest::Client` of your
/// own (the runtime calls it before building its own).
///
/// With `rustls` (aws-lc-rs is then reqwest's fallback) or `native-tls` (reqwest's backend when
/// both are compiled in) no provider is needed, and it is always `Ok`.
#[cfg(all(
    feature = "rustls-no-provider",
    not(feature = "rustls"),
    not(feature = "native-tls")
))]
pub fn check_crypto_provider() -> Result<(), ConfigError> {
    match rustls::crypto::CryptoProvider::get_default() {
        Some(_) => Ok(()),
        None => Err(ConfigError::NoCryptoProvider),
    }
}

/// Whether a `reqwest::Client` can be built without panicking; always `Ok` in this feature
/// combination (see the `rustls-no-provider` build's documentation).
#[cfg(not(all(
    feature = "rustls-no-provider",
    not(feature = "rustls"),
    not(feature = "native-tls")
)))]
pub fn check_crypto_provider() -> Result<(), ConfigError> {
    Ok(())
}

/// Refuses an `https` URL when `https` is false (the runtime built the HTTP client itself, without
/// a TLS feature): reqwest would fail every attempt with a connect error instead.
pub(crate) fn check_scheme(https: bool, url: &str) -> Result<(), ConfigError> {
    let is_https = url
        .get(..6)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https:"));
    if is_https && !https {
        return Err(ConfigError::TlsNotEnabled {
            url: redact_url(url),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_urls_are_refused_only_without_tls() {
        for url in ["https://api.example.com", "HTTPS://api.example.com/v1"] {
            assert_eq!(check_scheme(true, url), Ok(()));
            assert!(
                matches!(
                    check_scheme(false, url),
                    Err(ConfigError::TlsNotEnabled { .. })
                ),
                "{url}"
            );
        }
        for url in ["http://127.0.0.1:8080", "http://https.example.com", ""] {
            assert_eq!(check_scheme(false, url), Ok(()), "{url}");
        }
    }

    #[test]
    fn the_tls_flag_follows_the_features() {
        let features = [
            cfg!(feature = "rustls"),
            cfg!(feature = "rustls-no-provider"),
            cfg!(feature = "native-tls"),
        ];
        assert_eq!(TLS, features.contains(&true));
    }
}
