//! Stage 2: lower the parsed spec into the intermediate model, resolving every `$ref` and assigning
//! every Rust name.
//!
//! Order is deterministic by construction: component schemas are named in sorted order before any
//! is lowered (so `$ref`s resolve by name), then operations are lowered in spec order, and inline
//! schemas are named as they are met.

pub(crate) mod docs;
mod operations;
mod pagination;
mod recursion;
mod refs;
mod security;
mod servers;
mod types;

use crate::config::Config;
use crate::error::{Error, Pointer};
use crate::ir::{Api, Diagnostic, Module, NoteKind, TypeDef, TypeKind, TypeRef};
use crate::names::{self, Namer};
use openapiv3::OpenAPI;
use std::collections::{BTreeMap, BTreeSet};

/// The model file for types used by more than one module (or by none).
pub const COMMON_GROUP: &str = "common";

/// Lowers a parsed spec, with the generator configuration that goes with it.
pub fn lower(spec: &OpenAPI, config: &Config) -> Result<Api, Error> {
    let mut cx = Lowerer::new(spec, config);
    let mut setters = security::setter_namer();
    cx.schemes = security::lower_schemes(spec, config, &mut setters, &mut cx.diagnostics)?;
    let servers = servers::lower_servers(&spec.servers);
    servers::server_notes(&servers, "/servers", &mut cx.diagnostics);
    let mut server_enums = servers::server_enums(&servers, config);
    for e in &mut server_enums {
        e.setter = setters.claim(
            e.setter.clone(),
            &e.variable,
            "/servers/0/variables",
            &mut cx.diagnostics,
        );
    }
    cx.name_components()?;
    cx.lower_components()?;
    let mut modules = operations::lower_all(&mut cx)?;
    cx.fill_enum_defaults();
    cx.mark_parameter_enums(&modules);
    recursion::make_finite(&mut cx.types, &cx.components, &mut cx.diagnostics)?;
    for op in modules.values_mut().flat_map(|m| m.operations.iter_mut()) {
        if let Some((pointer, annotation)) = cx.paginated.get(&op.id) {
            op.pagination = pagination::resolve(
                op,
                annotation,
                config.pagination.get(&op.id),
                &cx.types,
                pointer,
                &mut cx.diagnostics,
            );
        }
    }
    for id in config
        .pagination
        .keys()
        .filter(|id| !cx.paginated.contains_key(*id))
    {
        cx.diagnostics.push(Diagnostic {
            kind: NoteKind::Configuration,
            pointer: format!("config:/pagination/{id}"),
            message: format!("the configuration has pagination rules for `{id}`, which has no x-pagination annotation"),
        });
    }
    let mut types = cx.types;
    let pruned = assign_groups(&mut types, &modules);
    let inside_unions = inside_unions(&types);
    let mut diagnostics = cx.diagnostics;
    if pruned > 0 {
        diagnostics.push(Diagnostic {
            kind: NoteKind::Skipped,
            pointer: "/components/schemas".to_owned(),
            message: format!(
                "{pruned} schemas are not reachable from any operation and were not generated"
            ),
        });
    }
    diagnostics.sort();
    Ok(Api {
        title: spec.info.title.clone(),
        description: spec.info.description.clone(),
        version: spec.info.version.clone(),
        license: spec
            .info
            .license
            .as_ref()
            .map(|l| l.name.clone())
            .filter(|n| !n.is_empty() && !n.contains(char::is_whitespace)),
        types,
        inside_unions,
        modules,
        servers,
        security_schemes: cx.schemes,
        server_enums,
        rate_limit: config.rate_limit.clone(),
        error_message_paths: config
            .errors
            .as_ref()
            .map(|e| e.paths())
            .unwrap_or_default(),
        diagnostics,
    })
}

/// The types reachable from a union's variants (through fields, lists, maps, boxes and aliases),
/// the variants' own types included.
fn inside_unions(types: &BTreeMap<String, TypeDef>) -> BTreeSet<String> {
    fn visit(ty: &TypeRef, stack: &mut Vec<String>) {
        match ty {
            TypeRef::Named(name) => stack.push(name.clone()),
            TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Boxed(inner) => {
                visit(inner, stack)
            }
            _ => {}
        }
    }
    let mut stack = Vec::new();
    for def in types.values() {
        if let TypeKind::Union(u) = &def.kind {
            u.variants.iter().for_each(|v| visit(&v.ty, &mut stack));
        }
    }
    let mut inside = BTreeSet::new();
    while let Some(name) = stack.pop() {
        if !inside.insert(name.clone()) {
            continue;
        }
        match types.get(&name).map(|d| &d.kind) {
            Some(TypeKind::Struct(s)) => s.fields.iter().for_each(|f| visit(&f.ty, &mut stack)),
            Some(TypeKind::Union(u)) => u.variants.iter().for_each(|v| visit(&v.ty, &mut stack)),
            Some(TypeKind::Alias(ty) | TypeKind::Newtype(ty)) => visit(ty, &mut stack),
            _ => {}
        }
    }
    inside
}

/// Lowering state shared by the type and operation passes.
pub(crate) struct Lowerer<'a> {
    pub(crate) spec: &'a OpenAPI,
    /// Component schema name → Rust type name.
    pub(crate) components: BTreeMap<String, String>,
    pub(crate) types: BTreeMap<String, TypeDef>,
    pub(crate) type_names: Namer,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Components whose properties an `allOf` is merging right now: merging one of them again
    /// inside itself would expand forever.
    pub(crate) merging: Vec<String>,
    /// The security schemes, for operations' requirements.
    pub(crate) schemes: Vec<crate::ir::SecurityScheme>,
    /// Operation id → (pointer, `x-pagination` annotation), resolved once every type is final.
    pub(crate) paginated: BTreeMap<String, (String, serde_json::Map<String, serde_json::Value>)>,
}

impl<'a> Lowerer<'a> {
    fn new(spec: &'a OpenAPI, _config: &Config) -> Self {
        Lowerer {
            spec,
            schemes: Vec::new(),
            paginated: BTreeMap::new(),
            components: BTreeMap::new(),
            types: BTreeMap::new(),
            type_names: Namer::with_reserved(names::RESERVED_TYPE_NAMES),
            diagnostics: Vec::new(),
            merging: Vec::new(),
        }
    }

    fn name_components(&mut self) -> Result<(), Error> {
        let Some(components) = &self.spec.components else {
            return Ok(());
        };
        let sorted: BTreeSet<&String> = components.schemas.keys().collect();
        for name in sorted {
            let pointer = Pointer::root()
                .push("components")
                .push("schemas")
                .push(name);
            let rust = self.type_names.claim(
                names::type_name(name),
                name,
                pointer.as_str(),
                &mut self.diagnostics,
            );
            self.components.insert(name.clone(), rust);
        }
        Ok(())
    }

    fn lower_components(&mut self) -> Result<(), Error> {
        let Some(components) = &self.spec.components else {
            return Ok(());
        };
        let sorted: BTreeMap<&String, _> = components.schemas.iter().collect();
        for (name, schema) in sorted {
            let pointer = Pointer::root()
                .push("components")
                .push("schemas")
                .push(name);
            let rust = self.components[name].clone();
            types::lower_component(self, &rust, name, schema, &pointer)?;
        }
        Ok(())
    }

    /// Registers a named type.
    /// Records a note: something sloppy in the spec, and what the generator made of it.
    pub(crate) fn note(&mut self, pointer: &Pointer, message: String) {
        self.diagnostics.push(Diagnostic {
            kind: NoteKind::Tolerated,
            pointer: pointer.to_string(),
            message,
        });
    }

    pub(crate) fn define(&mut self, def: TypeDef) {
        self.types.insert(def.name.clone(), def);
    }

    /// Claims a Rust type name for an inline schema.
    pub(crate) fn claim_type_name(&mut self, desired: &str, pointer: &Pointer) -> String {
        self.type_names.claim(
            names::type_name(desired),
            desired,
            pointer.as_str(),
            &mut self.diagnostics,
        )
    }

    /// Required fields typed as an enum with a `default` are filled by constructors, not passed in.
    fn fill_enum_defaults(&mut self) {
        let defaults: BTreeMap<String, String> = self
            .types
            .values()
            .filter_map(|t| match &t.kind {
                TypeKind::Enum(e) => e.default.clone().map(|d| (t.name.clone(), d)),
                _ => None,
            })
            .collect();
        for def in self.types.values_mut() {
            if let TypeKind::Struct(s) = &mut def.kind {
                for field in &mut s.fields {
                    if let (true, TypeRef::Named(n)) =
                        (field.required && !field.nullable, &field.ty)
                    {
                        field.default_variant = defaults.get(n).cloned();
                    }
                }
            }
        }
    }

    fn mark_parameter_enums(&mut self, modules: &BTreeMap<String, Module>) {
        let mut used = BTreeSet::new();
        for op in modules.values().flat_map(|m| &m.operations) {
            for p in &op.params {
                let mut ty = &p.ty;
                while let TypeRef::List(inner) = ty {
                    ty = inner;
                }
                if let TypeRef::Named(n) = ty {
                    used.insert(n.clone());
                }
            }
        }
        for name in used {
            if let Some(TypeDef {
                kind: TypeKind::Enum(e),
                ..
            }) = self.types.get_mut(&name)
            {
                e.used_in_parameters = true;
            }
        }
    }
}

/// Puts each type in the model file of the one module that uses it, or in `common`.
fn assign_groups(
    types: &mut BTreeMap<String, TypeDef>,
    modules: &BTreeMap<String, Module>,
) -> usize {
    let mut users: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, m) in modules {
        let mut stack: Vec<String> = Vec::new();
        for op in &m.operations {
            let roots = op
                .params
                .iter()
                .map(|p| &p.ty)
                .chain(op.body.iter().map(|b| &b.ty))
                .chain(op.success.iter().map(|(t, _)| t))
                .chain(op.responses.iter().filter_map(|r| r.ty.as_ref()));
            for ty in roots {
                named_in(ty, &mut stack);
            }
        }
        let mut seen = BTreeSet::new();
        while let Some(name) = stack.pop() {
            if !seen.insert(name.clone()) {
                continue;
            }
            users
                .entry(name.clone())
                .or_default()
                .insert(module.clone());
            match types.get(&name).map(|t| &t.kind) {
                Some(TypeKind::Struct(s)) => {
                    s.fields.iter().for_each(|f| named_in(&f.ty, &mut stack))
                }
                Some(TypeKind::Alias(t) | TypeKind::Newtype(t)) => named_in(t, &mut stack),
                Some(TypeKind::Union(u)) => {
                    u.variants.iter().for_each(|v| named_in(&v.ty, &mut stack))
                }
                _ => {}
            }
        }
    }
    // Types no operation reaches are not generated.
    let unreachable: Vec<String> = types
        .keys()
        .filter(|n| !users.contains_key(*n))
        .cloned()
        .collect();
    for name in &unreachable {
        types.remove(name);
    }
    for def in types.values_mut() {
        let set = users.remove(&def.name).unwrap_or_default();
        def.group = match set.len() {
            1 => set.iter().next().cloned().unwrap_or_default(),
            _ => COMMON_GROUP.to_owned(),
        };
        def.users = set;
    }
    split_large_groups(types);
    unreachable.len()
}

/// Types per model file before a group is split into numbered files, so no file grows huge.
const MAX_TYPES_PER_FILE: usize = 120;

/// Splits groups with many types into `<group>`, `<group>_2`, … in name order.
fn split_large_groups(types: &mut BTreeMap<String, TypeDef>) {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for def in types.values_mut() {
        let seen = counts.entry(def.group.clone()).or_default();
        let chunk = *seen / MAX_TYPES_PER_FILE;
        *seen += 1;
        if chunk > 0 {
            def.group = format!("{}_{}", def.group, chunk + 1);
        }
    }
}

fn named_in(ty: &TypeRef, out: &mut Vec<String>) {
    match ty {
        TypeRef::Named(n) => out.push(n.clone()),
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Boxed(inner) => named_in(inner, out),
        _ => {}
    }
}
