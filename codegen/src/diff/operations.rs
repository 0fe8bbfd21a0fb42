//! Operations: matched by id (an id that disappears while another appears for the same method and
//! path is a rename), then compared part by part: Preview status, endpoint, tag, deprecation,
//! authentication, parameters, body, result type, documented statuses and pagination.

use super::compare::{code, Comparison};
use super::surface::{self, short};
use super::{ChangeKind as K, Packaging, Severity};
use crate::ir::{Api, Operation, Param, ParamLocation, Status};
use std::collections::{BTreeMap, BTreeSet};

/// An operation and the module (tag) it is in.
type Located<'a> = (&'a str, &'a Operation);

fn operations(api: &Api) -> BTreeMap<&str, Located<'_>> {
    api.modules
        .iter()
        .flat_map(|(m, module)| module.operations.iter().map(move |op| (m.as_str(), op)))
        .map(|(m, op)| (op.id.as_str(), (m, op)))
        .collect()
}

fn location_name(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}

/// A parameter's Rust path: `Client::m(name)` for a positional argument, `Client::m().name` for a
/// builder setter.
fn param_location(method: &str, p: &Param) -> String {
    if p.required {
        format!("Client::{method}({})", p.name)
    } else {
        format!("Client::{method}().{}", p.name)
    }
}

/// The names in `list` that `other` has too, in `list`'s order.
fn kept<'l>(list: &'l [(String, String)], other: &BTreeSet<&str>) -> Vec<&'l str> {
    list.iter()
        .map(|(n, _)| n.as_str())
        .filter(|n| other.contains(n))
        .collect()
}

impl<'a> Comparison<'a> {
    pub(super) fn operations(&mut self) {
        let (old, new) = (operations(self.old), operations(self.new));
        let mut removed: Vec<Located<'a>> = old
            .iter()
            .filter(|(id, _)| !new.contains_key(*id))
            .map(|(_, l)| *l)
            .collect();
        let mut added: Vec<Located<'a>> = new
            .iter()
            .filter(|(id, _)| !old.contains_key(*id))
            .map(|(_, l)| *l)
            .collect();
        for (id, o) in &old {
            if let Some(n) = new.get(id) {
                self.operation(*o, *n);
            }
        }
        // An id that disappears while another appears for the same method and path is a rename.
        let mut renamed = Vec::new();
        removed.retain(|(om, o)| {
            let Some(i) = added
                .iter()
                .position(|(_, n)| n.method == o.method && n.path == o.path)
            else {
                return true;
            };
            renamed.push(((*om, *o), added.remove(i)));
            false
        });
        for (o, n) in renamed {
            self.renamed_operation(o, n);
            self.operation(o, n);
        }
        for (_, o) in removed {
            self.push(
                Severity::Breaking,
                K::OperationRemoved,
                format!("Client::{}", o.method_name),
                o.preview.is_some(),
                format!(
                    "the method and `{}` are gone (`{} {}`)",
                    o.builder_name,
                    o.method.as_str(),
                    o.path
                ),
            );
        }
        for (_, n) in added {
            let preview = match n.preview {
                Some(_) => " (in Preview: it must be enabled with `enable_preview`)",
                None => "",
            };
            self.push(
                Severity::Minor,
                K::OperationAdded,
                format!("Client::{}", n.method_name),
                n.preview.is_some(),
                format!(
                    "a new method and `{}` for `{} {}`{preview}",
                    n.builder_name,
                    n.method.as_str(),
                    n.path
                ),
            );
        }
    }

    fn renamed_operation(&mut self, (_, o): Located<'a>, (_, n): Located<'a>) {
        let names_change = o.method_name != n.method_name || o.builder_name != n.builder_name;
        let (severity, reason) = if names_change {
            (
                Severity::Breaking,
                format!(
                    "operation id `{}` is now `{}`: `Client::{}` and `{}` are gone",
                    o.id, n.id, o.method_name, o.builder_name
                ),
            )
        } else if o.preview.is_some() && n.preview.is_some() {
            (
                Severity::Breaking,
                format!(
                    "operation id `{}` is now `{}` (same Rust names): `enable_preview(\"{}\")` now fails `build()` with `ConfigError::UnknownPreviewOperation`",
                    o.id, n.id, o.id
                ),
            )
        } else {
            (
                Severity::Minor,
                format!(
                    "operation id `{}` is now `{}` (same Rust names; ids passed to `operation_base_url` must follow)",
                    o.id, n.id
                ),
            )
        };
        self.push(
            severity,
            K::OperationRenamed,
            format!("Client::{}", o.method_name),
            o.preview.is_some(),
            reason,
        );
    }

    fn operation(&mut self, (om, o): Located<'a>, (nm, n): Located<'a>) {
        let method = n.method_name.as_str();
        let at = format!("Client::{method}");
        let preview = o.preview.is_some();
        // Same id, other Rust names: a name the generator had to make unique (`list_things2`).
        if o.id == n.id && (o.method_name != n.method_name || o.builder_name != n.builder_name) {
            self.push(
                Severity::Breaking,
                K::OperationRenamed,
                format!("Client::{}", o.method_name),
                preview,
                format!(
                    "operation `{}` is generated as `Client::{}` and `{}` now: `Client::{}` and `{}` are gone",
                    n.id, n.method_name, n.builder_name, o.method_name, o.builder_name
                ),
            );
        }
        match (&o.preview, &n.preview) {
            (Some(_), None) => self.push(
                Severity::Minor,
                K::PreviewLeft,
                &at,
                true,
                format!(
                    "no longer in Preview: it needs no opt-in; `ClientBuilder::enable_preview(\"{}\")` still builds (the runtime accepts any operation id of the API) and changes nothing",
                    o.id
                ),
            ),
            (None, Some(_)) => self.push(
                Severity::Breaking,
                K::PreviewEntered,
                &at,
                false,
                format!(
                    "now in Preview: calls fail with `Error::PreviewNotEnabled` unless the client enables it (`enable_preview(\"{}\")`)",
                    n.id
                ),
            ),
            _ => {}
        }
        if o.method != n.method || o.path != n.path {
            self.push(
                Severity::Minor,
                K::EndpointChanged,
                &at,
                preview,
                format!(
                    "`{} {}` is now `{} {}`; the Rust signature is unchanged, requests go to the new endpoint",
                    o.method.as_str(),
                    o.path,
                    n.method.as_str(),
                    n.path
                ),
            );
        }
        if om != nm {
            let (old_tag, new_tag) = (
                self.old
                    .modules
                    .get(om)
                    .and_then(|m| m.tag.as_deref())
                    .unwrap_or(om),
                self.new
                    .modules
                    .get(nm)
                    .and_then(|m| m.tag.as_deref())
                    .unwrap_or(nm),
            );
            match self.packaging {
                Packaging::Modules => self.push(
                    Severity::Patch,
                    K::OperationMoved,
                    &at,
                    preview,
                    format!(
                        "tag \"{old_tag}\" → \"{new_tag}\": operations and models are re-exported flat, so no Rust path changes"
                    ),
                ),
                Packaging::Crate => self.push(
                    Severity::Breaking,
                    K::OperationMoved,
                    &at,
                    preview,
                    format!(
                        "tag \"{old_tag}\" → \"{new_tag}\": compiled under feature \"{nm}\" instead of \"{om}\""
                    ),
                ),
            }
        }
        if !o.deprecated && n.deprecated {
            self.push(
                Severity::Minor,
                K::OperationDeprecated,
                &at,
                preview,
                "now #[deprecated]: callers get a warning, not an error",
            );
        }
        if o.security != n.security {
            let show = |s: &[Vec<String>]| {
                if s.is_empty() {
                    "no credentials".to_owned()
                } else {
                    s.iter()
                        .map(|a| a.join(" + "))
                        .collect::<Vec<_>>()
                        .join(", or ")
                }
            };
            self.push(
                Severity::Minor,
                K::AuthChanged,
                &at,
                preview,
                format!(
                    "accepts {} instead of {}; a client without one of them fails with `MissingCredentials`",
                    show(&n.security),
                    show(&o.security)
                ),
            );
        }
        self.params(method, o, n, preview);
        self.body(method, o, n, preview);
        let (old_out, new_out) = (surface::output(o), surface::output(n));
        if old_out != new_out {
            self.push(
                Severity::Breaking,
                K::ResultTypeChanged,
                format!("Client::{method}().send()"),
                preview,
                format!("returns {} instead of {}", code(&new_out), code(&old_out)),
            );
        }
        self.statuses(method, o, n, preview);
        self.pagination(method, o, n, preview);
    }

    fn params(&mut self, method: &str, o: &'a Operation, n: &'a Operation, preview: bool) {
        let by_name = |op: &'a Operation| -> BTreeMap<&'a str, &'a Param> {
            op.params.iter().map(|p| (p.name.as_str(), p)).collect()
        };
        let (old, new) = (by_name(o), by_name(n));
        for (name, p) in &old {
            let Some(q) = new.get(name) else {
                let what = if p.required {
                    format!("the positional argument `{name}` is gone")
                } else {
                    format!("the builder setter `{name}` is gone")
                };
                self.push(
                    Severity::Breaking,
                    K::ParamRemoved,
                    param_location(method, p),
                    preview,
                    what,
                );
                continue;
            };
            self.param(method, p, q, preview);
        }
        for (name, q) in new.iter().filter(|(name, _)| !old.contains_key(*name)) {
            let ty = code(&surface::param_argument(q));
            let (severity, reason) = if q.required {
                (
                    Severity::Breaking,
                    format!("`Client::{method}` takes a new positional argument `{name}: {}` (required {} parameter `{}`)", short(&surface::param_argument(q)), location_name(q.location), q.wire_name),
                )
            } else {
                (
                    Severity::Minor,
                    format!(
                        "a new builder setter taking {ty} (optional {} parameter `{}`)",
                        location_name(q.location),
                        q.wire_name
                    ),
                )
            };
            self.push(
                severity,
                K::ParamAdded,
                param_location(method, q),
                preview,
                reason,
            );
        }
        // Positional arguments present on both sides must keep their order.
        let (old_pos, new_pos) = (surface::positional(o), surface::positional(n));
        let old_names: BTreeSet<&str> = old_pos.iter().map(|(n, _)| n.as_str()).collect();
        let new_names: BTreeSet<&str> = new_pos.iter().map(|(n, _)| n.as_str()).collect();
        let (a, b) = (kept(&old_pos, &new_names), kept(&new_pos, &old_names));
        if a != b {
            self.push(
                Severity::Breaking,
                K::ParamOrderChanged,
                format!("Client::{method}"),
                preview,
                format!(
                    "positional arguments ({}) are now in the order ({})",
                    a.join(", "),
                    b.join(", ")
                ),
            );
        }
    }

    fn param(&mut self, method: &str, p: &Param, q: &Param, preview: bool) {
        let at = param_location(method, p);
        let (old_arg, new_arg) = (surface::param_argument(p), surface::param_argument(q));
        if p.required != q.required {
            let reason = if q.required {
                format!(
                    "optional → required: the builder setter is gone and `Client::{method}` takes it as a positional argument `{}: {}`",
                    q.name,
                    short(&new_arg)
                )
            } else {
                format!("required → optional: `Client::{method}` no longer takes it as an argument; it is a builder setter now")
            };
            self.push(
                Severity::Breaking,
                K::ParamRequiredChanged,
                at.clone(),
                preview,
                reason,
            );
        } else if old_arg != new_arg {
            self.push(
                Severity::Breaking,
                K::ParamTypeChanged,
                at.clone(),
                preview,
                format!("takes {} instead of {}", code(&new_arg), code(&old_arg)),
            );
        } else if p.ty != q.ty {
            self.push(
                Severity::Patch,
                K::ParamTypeChanged,
                at.clone(),
                preview,
                format!(
                    "its schema type changes from {} to {}, but the argument type {} is the same",
                    code(&surface::rust_type(&p.ty)),
                    code(&surface::rust_type(&q.ty)),
                    code(&new_arg)
                ),
            );
        }
        let wire = |x: &Param| {
            (
                x.location,
                x.wire_name.clone(),
                x.style,
                x.explode,
                x.json_content,
            )
        };
        if wire(p) != wire(q) {
            self.push(
                Severity::Patch,
                K::ParamWireChanged,
                at.clone(),
                preview,
                format!(
                    "sent as {} parameter `{}` ({:?}, explode {}) instead of {} parameter `{}` ({:?}, explode {}); the signature is unchanged",
                    location_name(q.location),
                    q.wire_name,
                    q.style,
                    q.explode,
                    location_name(p.location),
                    p.wire_name,
                    p.style,
                    p.explode
                ),
            );
        }
        if !p.deprecated && q.deprecated {
            self.push(
                Severity::Minor,
                K::ParamDeprecated,
                at,
                preview,
                "now #[deprecated]: callers get a warning, not an error",
            );
        }
    }

    fn body(&mut self, method: &str, o: &Operation, n: &Operation, preview: bool) {
        let at = |required: bool| {
            if required {
                format!("Client::{method}(body)")
            } else {
                format!("Client::{method}().body")
            }
        };
        match (&o.body, &n.body) {
            (None, None) => {}
            (Some(b), None) => self.push(
                Severity::Breaking,
                K::BodyRemoved,
                at(b.required),
                preview,
                if b.required {
                    "the operation takes no body: the `body` argument is gone"
                } else {
                    "the operation takes no body: the `body` setter is gone"
                },
            ),
            (None, Some(b)) => {
                let ty = code(&surface::body_argument(b));
                if b.required {
                    self.push(
                        Severity::Breaking,
                        K::BodyAdded,
                        at(true),
                        preview,
                        format!("`Client::{method}` takes a new positional argument `body: {ty}`"),
                    );
                } else {
                    self.push(
                        Severity::Minor,
                        K::BodyAdded,
                        at(false),
                        preview,
                        format!("a new optional `body` setter taking {ty}"),
                    );
                }
            }
            (Some(a), Some(b)) => {
                let (old_ty, new_ty) = (surface::body_argument(a), surface::body_argument(b));
                if a.required != b.required {
                    self.push(
                        Severity::Breaking,
                        K::BodyRequiredChanged,
                        at(a.required),
                        preview,
                        if b.required {
                            "optional → required: the `body` setter is gone and the method takes the body as an argument"
                        } else {
                            "required → optional: the method no longer takes the body as an argument; it is a `body` setter now"
                        },
                    );
                } else if old_ty != new_ty {
                    self.push(
                        Severity::Breaking,
                        K::BodyTypeChanged,
                        at(a.required),
                        preview,
                        format!("takes {} instead of {}", code(&new_ty), code(&old_ty)),
                    );
                }
            }
        }
    }

    fn statuses(&mut self, method: &str, o: &'a Operation, n: &'a Operation, preview: bool) {
        let statuses = |op: &'a Operation| -> BTreeMap<Status, &'a str> {
            op.responses
                .iter()
                .map(|r| (r.status, r.description.trim()))
                .collect()
        };
        let (old, new) = (statuses(o), statuses(n));
        let why = |s: &Status| {
            if s.is_success() {
                "documentation only: a success status; the result type is compared on its own"
            } else {
                "documentation only: every non-2xx status is an `Error::Api`, documented or not"
            }
        };
        for (s, description) in old.iter().filter(|(s, _)| !new.contains_key(*s)) {
            self.push(
                Severity::Patch,
                K::StatusRemoved,
                format!("Client::{method}().send() → {s}"),
                preview,
                format!("{} ({description})", why(s)),
            );
        }
        for (s, description) in new.iter().filter(|(s, _)| !old.contains_key(*s)) {
            self.push(
                Severity::Patch,
                K::StatusAdded,
                format!("Client::{method}().send() → {s}"),
                preview,
                format!("{} ({description})", why(s)),
            );
        }
    }

    fn pagination(&mut self, method: &str, o: &Operation, n: &Operation, preview: bool) {
        let at = format!("Client::{method}().into_stream()");
        match (&o.pagination, &n.pagination) {
            (Some(_), None) => self.push(
                Severity::Breaking,
                K::PaginationRemoved,
                at,
                preview,
                "the builder's `paginate`, `pages`, `into_stream` and `collect_all` are gone",
            ),
            (None, Some(p)) => self.push(
                Severity::Minor,
                K::PaginationAdded,
                at,
                preview,
                format!(
                    "new `paginate`, `pages`, `into_stream` and `collect_all` methods, yielding {}",
                    code(&surface::rust_type(&p.item))
                ),
            ),
            (Some(a), Some(b)) if a.item != b.item => self.push(
                Severity::Breaking,
                K::PaginationChanged,
                at,
                preview,
                format!(
                    "yields {} instead of {}",
                    code(&surface::rust_type(&b.item)),
                    code(&surface::rust_type(&a.item))
                ),
            ),
            _ => {}
        }
    }
}
