//! `servers` at the document, path and operation levels → server templates, and the server
//! variables with an `enum` → generated enums (`Site`).

use crate::config::Config;
use crate::ir::{Diagnostic, Server, ServerEnum, ServerVariable};
use crate::names;

/// Lowers a `servers` list.
pub(crate) fn lower_servers(servers: &[openapiv3::Server]) -> Vec<Server> {
    servers
        .iter()
        .map(|s| {
            let mut variables: Vec<ServerVariable> = s
                .variables
                .iter()
                .flatten()
                .map(|(name, v)| ServerVariable {
                    name: name.clone(),
                    default: v.default.clone(),
                    values: v.enumeration.clone(),
                    description: v.description.clone(),
                })
                .collect();
            variables.sort_by(|a, b| a.name.cmp(&b.name));
            Server {
                url: s.url.clone(),
                description: s.description.clone(),
                variables,
            }
        })
        .collect()
}

/// Notes for server URLs a client cannot use as they are (relative ones), and a note when the
/// document has no server at all (a base URL is then required).
pub(crate) fn server_notes(servers: &[Server], pointer: &str, diagnostics: &mut Vec<Diagnostic>) {
    if pointer == "/servers" && servers.is_empty() {
        diagnostics.push(Diagnostic {
            kind: crate::ir::NoteKind::Configuration,
            pointer: pointer.to_owned(),
            message: "the document has no servers: clients need an explicit base URL".to_owned(),
        });
    }
    for (i, server) in servers.iter().enumerate() {
        if !server.url.contains("://") {
            diagnostics.push(Diagnostic {
                kind: crate::ir::NoteKind::Configuration,
                pointer: format!("{pointer}/{i}/url"),
                message: format!(
                    "server URL `{}` is relative: clients using it need an explicit base URL",
                    server.url
                ),
            });
        }
    }
}

/// The enums of the first server's variables that list their values.
pub(crate) fn server_enums(servers: &[Server], config: &Config) -> Vec<ServerEnum> {
    let Some(first) = servers.first() else {
        return Vec::new();
    };
    first
        .variables
        .iter()
        .filter(|v| !v.values.is_empty())
        .map(|v| {
            let configured = config.server_variables.get(&v.name);
            let names = configured.map(|c| &c.names);
            let mut namer = names::Namer::with_reserved(&["Unknown"]);
            let mut ignored = Vec::new();
            let values: Vec<(String, String, Option<String>)> = v
                .values
                .iter()
                .map(|value| {
                    let short = names.and_then(|n| n.get(value)).cloned();
                    let basis = short.clone().unwrap_or_else(|| value.clone());
                    let variant = namer.claim(names::variant_name(&basis), value, "", &mut ignored);
                    (variant, value.clone(), short)
                })
                .collect();
            let default = values
                .iter()
                .find(|(_, value, _)| *value == v.default)
                .map_or_else(
                    || {
                        values
                            .first()
                            .map(|(n, _, _)| n.clone())
                            .unwrap_or_default()
                    },
                    |(n, _, _)| n.clone(),
                );
            ServerEnum {
                variable: v.name.clone(),
                type_name: configured
                    .and_then(|c| c.type_name.clone())
                    .unwrap_or_else(|| names::type_name(&v.name)),
                setter: names::field_name(&v.name),
                description: v.description.clone(),
                values,
                default,
                env: configured.and_then(|c| c.env.clone()),
            }
        })
        .collect()
}
