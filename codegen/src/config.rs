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
//! model_crates: { max_types: 1000 }   # a big spec's models in crates of their own (0: never)
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
    /// When a generated crate puts its models in crates of their own.
    #[serde(default)]
    pub model_crates: ModelCratesConfig,
}

/// When a generated crate's models move to crates of their own, which cargo compiles in parallel
/// and rustc holds in memory one at a time: a spec with more model types than `max_types` has its
/// shared models in one crate and the others in parts of about `max_types` types each, every part
/// holding whole tags. The crate re-exports them all, so paths do not change. Modules for a
/// hand-written crate (the SDK) are never split.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelCratesConfig {
    /// The most model types one crate holds before the models are split (0: never split).
    #[serde(default = "ModelCratesConfig::default_max_types")]
    pub max_types: usize,
}

impl ModelCratesConfig {
    /// The default limit: Datadog's full v2 spec (about 5,000 types) becomes a shared crate and
    /// five parts.
    pub const DEFAULT_MAX_TYPES: usize = 1000;

    fn default_max_types() -> usize {
        Self::DEFAULT_MAX_TYPES
    }
}

impl Default for ModelCratesConfig {
    fn default() -> Self {
        ModelCratesConfig {
            max_types: Self::DEFAULT_MAX_TYPES,
        }
    }
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
            "auth:\n  k: { env: K, setter: key }\nserver_variables:\n  site: { type: Site, names: { a.com: A } }\npagination:\n  List: { total_paths: [meta.total] }\nmodel_crates: { max_types: 7 }\n",
        )
        .unwrap();
        assert_eq!(config.auth["k"].setter.as_deref(), Some("key"));
        assert_eq!(config.server_variables["site"].names["a.com"], "A");
        assert_eq!(config.pagination["List"].total_paths, ["meta.total"]);
        assert_eq!(config.model_crates.max_types, 7);
        assert_eq!(
            Config::parse("model_crates: {}\n")
                .unwrap()
                .model_crates
                .max_types,
            ModelCratesConfig::DEFAULT_MAX_TYPES
        );
        let err = Config::parse("auth:\n  k: { envv: K }\n").unwrap_err();
        assert!(
            err.to_string().contains("envv") && err.to_string().contains("/auth/k"),
            "{err}"
        );
        assert_eq!(Config::parse("").unwrap(), Config::default());
    }
}
