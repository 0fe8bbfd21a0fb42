//! Server URL templates (`https://{subdomain}.{site}`) with their variables, and base URL checks.

use crate::error::{redact_url, ConfigError};
use std::collections::BTreeMap;
use url::Url;

/// A server of the API: a URL template whose `{name}` placeholders are [`ServerVariable`]s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Server {
    /// The template (`https://api.{site}`).
    pub url: &'static str,
    /// The variables the template uses.
    pub variables: &'static [ServerVariable],
}

/// A variable of a server template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerVariable {
    /// The placeholder's name (`site`).
    pub name: &'static str,
    /// The value used when the client sets none.
    pub default: &'static str,
    /// The values allowed, when the document restricts them (`enum`); empty when any value will do.
    pub values: &'static [&'static str],
}

impl Server {
    /// The URL with each variable replaced by the value in `values`, or by its default. A value
    /// outside a variable's `enum` is an error.
    pub fn render(&self, values: &BTreeMap<String, String>) -> Result<String, ConfigError> {
        let mut url = self.url.to_owned();
        for variable in self.variables {
            let value = values
                .get(variable.name)
                .map_or(variable.default, String::as_str);
            if !variable.values.is_empty() && !variable.values.contains(&value) {
                return Err(ConfigError::InvalidServerVariable {
                    name: variable.name.to_owned(),
                    value: value.to_owned(),
                    allowed: variable.values.join(", "),
                });
            }
            url = url.replace(&format!("{{{}}}", variable.name), value);
        }
        validate_base_url(&url)
    }
}

/// Checks a base URL and returns it without a trailing slash, ready for paths to be appended.
///
/// The URL in an error has its user name, password, query and fragment redacted: a URL that is
/// refused for carrying credentials must not print them.
pub(crate) fn validate_base_url(raw: &str) -> Result<String, ConfigError> {
    let invalid = |reason: &str| ConfigError::InvalidBaseUrl {
        url: redact_url(raw),
        reason: reason.to_owned(),
    };
    let url = Url::parse(raw.trim()).map_err(|e| invalid(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid("the scheme must be http or https"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("it has no host"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(invalid("it must not have a query or fragment"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid(
            "credentials belong in the client's auth settings, not in the URL",
        ));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SERVER: Server = Server {
        url: "https://{subdomain}.{site}/v1",
        variables: &[
            ServerVariable {
                name: "subdomain",
                default: "api",
                values: &[],
            },
            ServerVariable {
                name: "site",
                default: "example.com",
                values: &["example.com", "example.eu"],
            },
        ],
    };

    #[test]
    fn renders_defaults_and_values() {
        assert_eq!(
            SERVER.render(&BTreeMap::new()).unwrap(),
            "https://api.example.com/v1"
        );
        let values = BTreeMap::from([
            ("site".to_owned(), "example.eu".to_owned()),
            ("subdomain".into(), "intake".into()),
        ]);
        assert_eq!(
            SERVER.render(&values).unwrap(),
            "https://intake.example.eu/v1"
        );
    }

    #[test]
    fn a_value_outside_the_enum_is_an_error() {
        let values = BTreeMap::from([("site".to_owned(), "example.org".to_owned())]);
        let err = SERVER.render(&values).unwrap_err();
        assert!(
            err.to_string().contains("example.org") && err.to_string().contains("example.eu"),
            "{err}"
        );
    }

    #[test]
    fn base_urls_are_validated() {
        assert_eq!(
            validate_base_url("http://127.0.0.1:8080/").unwrap(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            validate_base_url("https://proxy.local/api/").unwrap(),
            "https://proxy.local/api"
        );
        let err = validate_base_url("http://user:SECRET@127.0.0.1:9").unwrap_err();
        assert_eq!(
            err,
            ConfigError::InvalidBaseUrl {
                url: "http://<redacted>@127.0.0.1:9".into(),
                reason: "credentials belong in the client's auth settings, not in the URL".into()
            }
        );
        assert!(!format!("{err} {err:?}").contains("SECRET"));
        for bad in [
            "not a url",
            "ftp://x.io",
            "http://x.io/?a=b",
            "http://user:pw@x.io",
        ] {
            assert!(
                matches!(
                    validate_base_url(bad),
                    Err(ConfigError::InvalidBaseUrl { .. })
                ),
                "{bad}"
            );
        }
    }
}
