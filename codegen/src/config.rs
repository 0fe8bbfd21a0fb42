//! The generator configuration checked in next to a spec (`<spec>.codegen.yaml`): what the spec
//! cannot say about the SDK a person expects, as data. Every part is optional.
//!
//! ```yaml
//! auth:                       # by security scheme name
//!   apiKeyAuth: { env: DD_API_KEY, setter: api_key }
//! server_variables:           # by server variable name
//!   site:
//!     type: Site              # variables with an `enum` become a Rust enum of this name
//!     env: DD_SITE            # a value, a name, or a URL (then it is the base URL)
//!     names: { datadoghq.com: US1 }
//! package: { license: Apache-2.0, repository: "https://…" }   # a generated crate's metadata
//! pagination:                 # by operationId: stop rules read from the response
//!   ListTeamConnections:
//!     page_number_path: meta.page.number
//!     next_page_path: meta.page.next_number
//!     last_page_path: meta.page.last_number
//!   ListOrgConnections:
//!     total_paths: [meta.page.total_filtered_count, meta.page.total_count]
//! ```

use crate::error::Error;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The whole configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Per security scheme.
    #[serde(default)]
    pub auth: BTreeMap<String, AuthConfig>,
    /// Per server variable.
    #[serde(default)]
    pub server_variables: BTreeMap<String, VariableConfig>,
    /// Per paginated operation.
    #[serde(default)]
    pub pagination: BTreeMap<String, PaginationConfig>,
    /// Package metadata for a generated crate's `Cargo.toml`.
    #[serde(default)]
    pub package: PackageConfig,
}

/// Package metadata the spec does not carry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageConfig {
    /// The SPDX license expression (default: `info.license.name` when it is one).
    pub license: Option<String>,
    /// The repository URL.
    pub repository: Option<String>,
}

/// How a security scheme is set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthConfig {
    /// The environment variable `from_env` reads the credential from (default: the scheme's
    /// `x-env-name`, if any).
    pub env: Option<String>,
    /// The builder setter's name (default: the scheme name in snake case).
    pub setter: Option<String>,
}

/// How a server variable is set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariableConfig {
    /// The Rust enum for a variable with an `enum` (default: the variable name in upper camel case).
    #[serde(rename = "type")]
    pub type_name: Option<String>,
    /// The environment variable `from_env` reads: one of the values, one of their names, or a URL
    /// with a scheme (then it is the base URL).
    pub env: Option<String>,
    /// Short names of the values (`datadoghq.eu: EU1`), accepted when parsing and used for the
    /// variant names.
    #[serde(default)]
    pub names: BTreeMap<String, String>,
}

/// Stop rules for one paginated operation, as dotted paths into the response body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaginationConfig {
    /// The page number the response reports for itself.
    pub page_number_path: Option<String>,
    /// The next page number (`null` when there is none).
    pub next_page_path: Option<String>,
    /// The last page number.
    pub last_page_path: Option<String>,
    /// The total item count, for offsets: the first path present wins.
    #[serde(default)]
    pub total_paths: Vec<String>,
}

impl Config {
    /// Parses a configuration (YAML or JSON); errors point into it.
    pub fn parse(text: &str) -> Result<Config, Error> {
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        let de = serde_yaml::Deserializer::from_str(text);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let pointer = format!("/{}", e.path().to_string().replace('.', "/"));
            Error::Invalid {
                pointer: pointer.trim_end_matches('/').to_owned(),
                reason: format!("generator configuration: {}", e.inner()),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_part_and_rejects_unknown_keys() {
        let config = Config::parse(
            "auth:\n  k: { env: K, setter: key }\nserver_variables:\n  site: { type: Site, names: { a.com: A } }\npagination:\n  List: { total_paths: [meta.total] }\n",
        )
        .unwrap();
        assert_eq!(config.auth["k"].setter.as_deref(), Some("key"));
        assert_eq!(config.server_variables["site"].names["a.com"], "A");
        assert_eq!(config.pagination["List"].total_paths, ["meta.total"]);
        let err = Config::parse("auth:\n  k: { envv: K }\n").unwrap_err();
        assert!(
            err.to_string().contains("envv") && err.to_string().contains("/auth/k"),
            "{err}"
        );
        assert_eq!(Config::parse("").unwrap(), Config::default());
    }
}
