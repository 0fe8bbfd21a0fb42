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
//! package: { license: Apache-2.0, repository: "https://…", documentation: "https://…" }   # a generated crate's metadata
//! runtime: { git: "https://…", tag: v0.1.0 }   # where a generated crate gets the runtime: version, path or git
//! rate_limit:                 # the API's own rate-limit headers (Retry-After and IETF RateLimit are always read)
//!   limit: X-RateLimit-Limit
//!   remaining: X-RateLimit-Remaining
//!   reset: X-RateLimit-Reset
//!   reset_kind: delay_seconds # or epoch_seconds (a Unix time, as GitHub sends)
//!   period: X-RateLimit-Period
//!   name: X-RateLimit-Name
//! errors: { shape: json_api } # where error bodies put their messages: a shape, or message_paths: [error.message]
//! model_crates: { max_types: 1000 }   # a big spec's models in crates of their own (0: never)
//! pagination:                 # by operationId: stop rules read from the response
//!   ListTeamConnections:
//!     page_number_path: meta.page.number
//!     next_page_path: meta.page.next_number
//!     last_page_path: meta.page.last_number
//!   ListOrgConnections:
//!     total_paths: [meta.page.total_filtered_count, meta.page.total_count]
//! deep_object_arrays:         # how `style: deepObject` parameters send arrays (OpenAPI leaves it open)
//!   default: brackets         # every deepObject parameter: indexed, brackets or repeated
//!   parameters: { expand: indexed }                 # by parameter name, in every operation
//!   operations: { ListCharges: { expand: repeated } }   # by operationId, then parameter name
//! ```

use crate::error::Error;
use crate::ir::{Api, Diagnostic, NoteKind, ParamLocation, ParamStyle};
use crate::runtime_source::{RuntimeConfig, RuntimeSource};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

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
    /// How `deepObject` parameters send arrays.
    #[serde(default)]
    pub deep_object_arrays: DeepObjectArraysConfig,
    /// Where a generated crate gets the runtime (the command line's choice wins).
    pub runtime: Option<RuntimeConfig>,
    /// The API's own rate-limit headers.
    pub rate_limit: Option<RateLimitConfig>,
    /// Where the API's error bodies put their messages.
    pub errors: Option<ErrorsConfig>,
}

/// The API's own rate-limit headers, by name (the runtime's `RateLimitHeaders`). Each is read
/// before the standard header that says the same; `Retry-After` and the IETF `RateLimit`
/// headers are read whatever this says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimitConfig {
    /// Requests allowed per period (`X-RateLimit-Limit`).
    pub limit: Option<String>,
    /// Requests left in the period (`X-RateLimit-Remaining`).
    pub remaining: Option<String>,
    /// When the period ends, as `reset_kind` says (`X-RateLimit-Reset`): on a 429, the client
    /// waits until then before retrying.
    pub reset: Option<String>,
    /// What `reset` counts (default: `delay_seconds`).
    pub reset_kind: Option<ResetKind>,
    /// The period's length in seconds (`X-RateLimit-Period`).
    pub period: Option<String>,
    /// Which limit applies (`X-RateLimit-Name`, `X-RateLimit-Resource`).
    pub name: Option<String>,
}

impl RateLimitConfig {
    /// The headers by role, in the runtime's field order.
    pub(crate) fn headers(&self) -> [(&'static str, Option<&str>); 5] {
        [
            ("limit", self.limit.as_deref()),
            ("remaining", self.remaining.as_deref()),
            ("reset", self.reset.as_deref()),
            ("period", self.period.as_deref()),
            ("name", self.name.as_deref()),
        ]
    }
}

/// What a rate-limit reset header counts (the runtime's `ResetKind`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResetKind {
    /// Seconds until the limit resets (`23`), as the IETF headers count.
    #[default]
    DelaySeconds,
    /// The Unix time in seconds at which it resets (`1700000023`), as GitHub sends.
    EpochSeconds,
}

/// Where error bodies put their messages: a known `shape`, or `message_paths` (dotted member
/// names from the body's root, tried in order; arrays on the way are read element by element;
/// `""` is the body itself). Without it, the runtime searches the usual places.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorsConfig {
    /// A known shape.
    pub shape: Option<ErrorShape>,
    /// Paths to the messages, tried in order.
    #[serde(default)]
    pub message_paths: Vec<String>,
}

/// The error-body shapes the configuration names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorShape {
    /// `{"errors": ["…"]}` or JSON:API's `{"errors": [{"title": …, "detail": …}]}`.
    JsonApi,
    /// `{"message": "…"}` (GitHub).
    Message,
    /// `{"error": {"message": "…"}}` (OpenAI, Stripe).
    ErrorObject,
    /// RFC 9457 (7807) problem details: `{"title": …, "detail": …}`.
    Problem,
}

impl ErrorsConfig {
    /// The message paths the runtime tries, in order.
    pub fn paths(&self) -> Vec<String> {
        let shape = match self.shape {
            Some(ErrorShape::JsonApi) => Some("errors"),
            Some(ErrorShape::Message) => Some("message"),
            Some(ErrorShape::ErrorObject) => Some("error.message"),
            Some(ErrorShape::Problem) => Some(""),
            None => None,
        };
        shape
            .map(str::to_owned)
            .into_iter()
            .chain(self.message_paths.iter().cloned())
            .collect()
    }
}

/// How a `style: deepObject` query parameter sends arrays, at its top or inside its objects
/// (OpenAPI defines the style for objects of scalars only). The runtime's `DeepArrays`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeepArrays {
    /// `name[0]=a&name[1]=b` (`name%5B0%5D=a`): what Stripe's `expand` expects, and the default
    /// for an array parameter.
    Indexed,
    /// `name[]=a&name[]=b`: PHP's, Rails' and `qs`'s form.
    Brackets,
    /// `name=a&name=b`, and `name[key]=a&name[key]=b` inside an object: the default for an object
    /// parameter.
    Repeated,
}

/// Which form of [`DeepArrays`] each `deepObject` parameter uses: the operation's entry, else the
/// parameter name's, else `default`, else `indexed` for a parameter whose schema is an array and
/// `repeated` for the others.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeepObjectArraysConfig {
    /// The form for every `deepObject` parameter.
    pub default: Option<DeepArrays>,
    /// By parameter name (its name on the wire), in every operation.
    #[serde(default)]
    pub parameters: BTreeMap<String, DeepArrays>,
    /// By `operationId`, then parameter name.
    #[serde(default)]
    pub operations: BTreeMap<String, BTreeMap<String, DeepArrays>>,
}

impl DeepObjectArraysConfig {
    /// Gives each `deepObject` query parameter of `api` its configured form, and notes the
    /// entries that name no such parameter.
    pub(crate) fn apply(&self, api: &mut Api) {
        // The entries that name a deepObject parameter: (operationId, none for `parameters`; name).
        let mut used: BTreeSet<(Option<&str>, &str)> = BTreeSet::new();
        for op in api
            .modules
            .values_mut()
            .flat_map(|m| m.operations.iter_mut())
        {
            let own = self.operations.get_key_value(op.id.as_str());
            for param in op
                .params
                .iter_mut()
                .filter(|p| p.location == ParamLocation::Query && p.style == ParamStyle::DeepObject)
            {
                let wire = param.wire_name.as_str();
                let by_name = self.parameters.get_key_value(wire);
                let by_op = own.and_then(|(id, forms)| Some((id, forms.get_key_value(wire)?)));
                if let Some((name, _)) = by_name {
                    used.insert((None, name));
                }
                if let Some((id, (name, _))) = by_op {
                    used.insert((Some(id), name));
                }
                let chosen = by_op
                    .map(|(_, (_, form))| *form)
                    .or(by_name.map(|(_, form)| *form))
                    .or(self.default);
                if chosen.is_some() {
                    param.deep_arrays = chosen;
                }
            }
        }
        let entries = self
            .parameters
            .keys()
            .map(|name| (None, name.as_str()))
            .chain(self.operations.iter().flat_map(|(id, forms)| {
                forms
                    .keys()
                    .map(move |name| (Some(id.as_str()), name.as_str()))
            }));
        for (id, name) in entries.filter(|entry| !used.contains(entry)) {
            let (pointer, what) = match id {
                None => (format!("parameters/{name}"), format!("`{name}`")),
                Some(id) => (
                    format!("operations/{id}/{name}"),
                    format!("`{name}` of `{id}`"),
                ),
            };
            api.diagnostics.push(Diagnostic {
                kind: NoteKind::Configuration,
                pointer: format!("config:/deep_object_arrays/{pointer}"),
                message: format!(
                    "the configuration sets how {what} sends arrays, but names no deepObject parameter"
                ),
            });
        }
    }
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
    /// The documentation URL (default: docs.rs for the crate's name and version).
    pub documentation: Option<String>,
    /// The home page URL.
    pub homepage: Option<String>,
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
        let config: Config = serde_path_to_error::deserialize(de).map_err(|e| {
            let pointer = format!("/{}", e.path().to_string().replace('.', "/"));
            Error::Invalid {
                pointer: pointer.trim_end_matches('/').to_owned(),
                reason: format!("generator configuration: {}", e.inner()),
            }
        })?;
        config.check_rust_names()?;
        config.check_conventions()?;
        config.runtime_source()?;
        Ok(config)
    }

    /// The runtime source the configuration names, if any; an entry that names none (a `path`
    /// and a `git`, say) is an error pointing at it, also for a configuration built in code.
    pub fn runtime_source(&self) -> Result<Option<RuntimeSource>, Error> {
        self.runtime
            .as_ref()
            .map(|r| {
                r.source().map_err(|(key, reason)| Error::Invalid {
                    pointer: format!("/runtime/{key}"),
                    reason: format!("generator configuration: {reason}"),
                })
            })
            .transpose()
    }

    /// Rate-limit header names must be HTTP header names; message paths have no empty member.
    fn check_conventions(&self) -> Result<(), Error> {
        let invalid = |pointer: String, reason: String| Error::Invalid {
            pointer,
            reason: format!("generator configuration: {reason}"),
        };
        if let Some(rate_limit) = &self.rate_limit {
            for (role, name) in rate_limit.headers() {
                let Some(name) = name else { continue };
                if !is_header_name(name) {
                    return Err(invalid(
                        format!("/rate_limit/{role}"),
                        format!(
                            "`{}` is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)",
                            name.escape_debug()
                        ),
                    ));
                }
            }
            if rate_limit.reset_kind.is_some() && rate_limit.reset.is_none() {
                return Err(invalid(
                    "/rate_limit/reset_kind".to_owned(),
                    "reset_kind says what the reset header counts, but no reset header is named"
                        .to_owned(),
                ));
            }
        }
        if let Some(errors) = &self.errors {
            for (i, path) in errors.message_paths.iter().enumerate() {
                if !path.is_empty() && path.split('.').any(str::is_empty) {
                    return Err(invalid(
                        format!("/errors/message_paths/{i}"),
                        format!(
                            "`{}` has an empty member name (paths are member names separated by dots; \"\" is the body itself)",
                            path.escape_debug()
                        ),
                    ));
                }
            }
            if errors.shape.is_none() && errors.message_paths.is_empty() {
                return Err(invalid(
                    "/errors".to_owned(),
                    "errors names neither a shape nor message_paths".to_owned(),
                ));
            }
        }
        Ok(())
    }

    /// The names the configuration gives Rust items as written (builder setters and server
    /// enums; short value names go through the variant rules) must be plain Rust identifiers.
    fn check_rust_names(&self) -> Result<(), Error> {
        let setters = self.auth.iter().filter_map(|(scheme, c)| {
            Some((format!("/auth/{scheme}/setter"), c.setter.as_deref()?))
        });
        let types = self.server_variables.iter().filter_map(|(variable, c)| {
            Some((
                format!("/server_variables/{variable}/type"),
                c.type_name.as_deref()?,
            ))
        });
        for (pointer, name) in setters.chain(types) {
            if syn::parse_str::<syn::Ident>(name).is_err() {
                return Err(Error::Invalid {
                    pointer,
                    reason: format!(
                        "generator configuration: `{}` is not a Rust identifier (letters, digits and `_`, not starting with a digit, not a keyword)",
                        name.escape_debug()
                    ),
                });
            }
        }
        Ok(())
    }
}

/// Whether `name` is an HTTP field name (RFC 9110's `token`).
fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_runtime_entry_built_in_code_is_checked_too() {
        let config = Config {
            runtime: Some(RuntimeConfig {
                path: Some("../rt".into()),
                git: Some("https://g/x".into()),
                ..RuntimeConfig::default()
            }),
            ..Config::default()
        };
        match config.runtime_source() {
            Err(Error::Invalid { pointer, .. }) => assert_eq!(pointer, "/runtime/git"),
            other => panic!("{other:?}"),
        }
        assert_eq!(Config::default().runtime_source().unwrap(), None);
    }

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

    #[test]
    fn rust_names_must_be_identifiers() {
        for (text, pointer) in [
            ("auth:\n  k: { setter: \"fn\" }\n", "/auth/k/setter"),
            ("auth:\n  k: { setter: \"a b\" }\n", "/auth/k/setter"),
            (
                "server_variables:\n  site: { type: 1st }\n",
                "/server_variables/site/type",
            ),
        ] {
            match Config::parse(text) {
                Err(Error::Invalid { pointer: p, reason }) => {
                    assert_eq!(p, pointer, "{text}");
                    assert!(reason.contains("not a Rust identifier"), "{reason}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
        assert!(Config::parse("auth:\n  k: { setter: api_key }\n").is_ok());
        // Short value names become variants by the naming rules, so any text will do.
        assert!(
            Config::parse("server_variables:\n  site: { names: { a.com: US1-FED } }\n").is_ok()
        );
    }

    #[test]
    fn parses_deep_object_array_forms() {
        let config = Config::parse(
            "deep_object_arrays:\n  default: repeated\n  parameters: { expand: brackets }\n  operations: { List: { ids: indexed } }\n",
        )
        .unwrap()
        .deep_object_arrays;
        assert_eq!(config.default, Some(DeepArrays::Repeated));
        assert_eq!(config.parameters["expand"], DeepArrays::Brackets);
        assert_eq!(config.operations["List"]["ids"], DeepArrays::Indexed);
        let err =
            Config::parse("deep_object_arrays: { parameters: { expand: commas } }\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("/deep_object_arrays/parameters/expand"),
            "{err}"
        );
    }

    #[test]
    fn parses_rate_limit_headers_and_error_shapes() {
        let config = Config::parse(
            "rate_limit:\n  limit: X-RateLimit-Limit\n  reset: X-RateLimit-Reset\n  reset_kind: epoch_seconds\nerrors: { shape: message, message_paths: [errors.message] }\n",
        )
        .unwrap();
        let rate_limit = config.rate_limit.unwrap();
        assert_eq!(rate_limit.reset_kind, Some(ResetKind::EpochSeconds));
        assert_eq!(rate_limit.limit.as_deref(), Some("X-RateLimit-Limit"));
        assert_eq!(
            config.errors.unwrap().paths(),
            ["message", "errors.message"]
        );
        for (shape, path) in [
            ("json_api", "errors"),
            ("error_object", "error.message"),
            ("problem", ""),
        ] {
            let config = Config::parse(&format!("errors: {{ shape: {shape} }}\n")).unwrap();
            assert_eq!(config.errors.unwrap().paths(), [path], "{shape}");
        }
        for (text, pointer) in [
            ("rate_limit: { reset: \"X Reset\" }\n", "/rate_limit/reset"),
            ("rate_limit: { limit: \"\" }\n", "/rate_limit/limit"),
            (
                "rate_limit: { reset_kind: epoch_seconds }\n",
                "/rate_limit/reset_kind",
            ),
            (
                "errors: { message_paths: [ok, a..b] }\n",
                "/errors/message_paths/1",
            ),
            ("errors: {}\n", "/errors"),
            (
                "rate_limit: { reset_kind: epoch }\n",
                "/rate_limit/reset_kind",
            ),
            ("errors: { shape: xml }\n", "/errors/shape"),
        ] {
            match Config::parse(text) {
                Err(Error::Invalid { pointer: p, reason }) => {
                    assert_eq!(p, pointer, "{text}: {reason}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }
}
