//! `components.securitySchemes` and each operation's `security` → schemes with their builder
//! setters and environment variables, and per-operation requirement alternatives.

use crate::config::Config;
use crate::error::{Error, Pointer};
use crate::ir::{ApiKeyLocation, Diagnostic, SchemeKind, SecurityScheme};
use crate::names::{self, Namer};
use openapiv3::{OpenAPI, ReferenceOr, SecurityRequirement};

/// Methods of the generated builder that a scheme setter may not take.
const BUILDER_METHODS: &[&str] = &[
    "new",
    "from_env",
    "build",
    "base_url",
    "operation_base_url",
    "server_index",
    "server_variable",
    "enable_preview",
    "enable_all_previews",
    "user_agent",
    "http_client",
    "retry_policy",
    "connect_timeout",
    "attempt_timeout",
    "deadline",
    "runtime",
    "credential",
    "prefer_scheme",
];

/// The schemes in name order, each with its setter (claimed in `namer`, shared with the server
/// variable setters) and environment variable.
pub(crate) fn lower_schemes(
    spec: &OpenAPI,
    config: &Config,
    namer: &mut Namer,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<SecurityScheme>, Error> {
    let mut out = Vec::new();
    let Some(components) = &spec.components else {
        return Ok(out);
    };
    let mut entries: Vec<_> = components.security_schemes.iter().collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    for (name, scheme) in entries {
        let at = Pointer::root()
            .push("components")
            .push("securitySchemes")
            .push(name);
        let scheme = match scheme {
            ReferenceOr::Item(s) => s,
            ReferenceOr::Reference { reference } => {
                let target = reference
                    .strip_prefix("#/components/securitySchemes/")
                    .unwrap_or_default();
                match components.security_schemes.get(target) {
                    Some(ReferenceOr::Item(s)) => s,
                    _ => {
                        return Err(at.invalid(format!(
                            "`$ref` {reference} does not name a security scheme"
                        )))
                    }
                }
            }
        };
        let (kind, description, extensions) = match scheme {
            openapiv3::SecurityScheme::APIKey {
                location,
                name: key,
                description,
                extensions,
            } => {
                let location = match location {
                    openapiv3::APIKeyLocation::Header => ApiKeyLocation::Header,
                    openapiv3::APIKeyLocation::Query => ApiKeyLocation::Query,
                    openapiv3::APIKeyLocation::Cookie => ApiKeyLocation::Cookie,
                };
                (
                    SchemeKind::ApiKey(location, key.clone()),
                    description,
                    extensions,
                )
            }
            openapiv3::SecurityScheme::HTTP {
                scheme,
                description,
                extensions,
                ..
            } => {
                let kind = match scheme.to_ascii_lowercase().as_str() {
                    "bearer" => SchemeKind::Bearer,
                    "basic" => SchemeKind::Basic,
                    other => {
                        diagnostics.push(Diagnostic {
                            kind: crate::ir::NoteKind::Skipped,
                            pointer: at.push("scheme").to_string(),
                            message: format!("HTTP auth scheme `{other}` is not supported: operations needing only it cannot be authenticated"),
                        });
                        continue;
                    }
                };
                (kind, description, extensions)
            }
            openapiv3::SecurityScheme::OAuth2 {
                description,
                extensions,
                ..
            } => (SchemeKind::OAuth2, description, extensions),
            openapiv3::SecurityScheme::OpenIDConnect {
                description,
                extensions,
                ..
            } => (SchemeKind::OpenIdConnect, description, extensions),
        };
        let configured = config.auth.get(name);
        let desired = configured
            .and_then(|c| c.setter.clone())
            .unwrap_or_else(|| names::field_name(name));
        let setter = namer.claim(desired, name, at.as_str(), diagnostics);
        let env = configured.and_then(|c| c.env.clone()).or_else(|| {
            extensions
                .get("x-env-name")
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        });
        out.push(SecurityScheme {
            name: name.clone(),
            setter,
            kind,
            env,
            description: description.clone(),
        });
    }
    Ok(out)
}

/// A fresh namer for builder setters.
pub(crate) fn setter_namer() -> Namer {
    Namer::with_reserved(BUILDER_METHODS)
}

/// An operation's requirement alternatives: its own `security`, else the document's. An
/// alternative naming a scheme that was not lowered (unknown or unsupported) is kept, so the call
/// fails with a missing-credentials error rather than going out unauthenticated, and noted.
pub(crate) fn requirements(
    own: Option<&Vec<SecurityRequirement>>,
    spec: &OpenAPI,
    schemes: &[SecurityScheme],
    pointer: &Pointer,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Vec<String>> {
    let list = own.or(spec.security.as_ref());
    let mut out = Vec::new();
    for requirement in list.into_iter().flatten() {
        let mut names: Vec<String> = requirement.keys().cloned().collect();
        names.sort();
        if let Some(missing) = names
            .iter()
            .find(|n| !schemes.iter().any(|s| &s.name == *n))
        {
            diagnostics.push(Diagnostic {
                kind: crate::ir::NoteKind::Tolerated,
                pointer: pointer.push("security").to_string(),
                message: format!("security requirement names `{missing}`, which is not a usable security scheme: that alternative can never be met"),
            });
        }
        out.push(names);
    }
    out
}
