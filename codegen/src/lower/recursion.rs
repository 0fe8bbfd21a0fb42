//! Recursive types, made finite and checked: once every type is lowered, aliases that contain
//! themselves become newtypes, alias cycles with nothing underneath become free-form JSON, unions
//! that include themselves list their members' shapes directly, and fields and variants that close
//! a cycle of direct containment are boxed. A last check proves that every cycle of type references
//! passes through an indirection, so a spec the generator cannot make compile is an error with a
//! pointer, never a crate that does not build.

use crate::error::{Error, Pointer};
use crate::ir::{Diagnostic, NoteKind, TypeDef, TypeKind, TypeRef, UnionVariant};
use crate::names::Namer;
use std::collections::{BTreeMap, BTreeSet};

/// Makes every recursive type finite (in this order: aliases, unions, direct containment), then
/// checks the result. `components` maps component names to Rust names, for pointers.
pub(crate) fn make_finite(
    types: &mut BTreeMap<String, TypeDef>,
    components: &BTreeMap<String, String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(), Error> {
    break_alias_cycles(types, components, diagnostics);
    flatten_union_cycles(types, components, diagnostics);
    box_cycles(types);
    check_well_founded(types, components)
}

/// Where a type comes from, as a JSON pointer: its component, or the inline schema's own pointer.
fn origin_pointer(def: &TypeDef, components: &BTreeMap<String, String>) -> String {
    if components.get(&def.origin) == Some(&def.name) {
        Pointer::root()
            .push("components")
            .push("schemas")
            .push(&def.origin)
            .to_string()
    } else {
        def.origin.clone()
    }
}

/// Every named type `ty` mentions, at any depth (inside lists, maps and boxes too).
fn mentioned(ty: &TypeRef, out: &mut Vec<String>) {
    match ty {
        TypeRef::Named(n) => out.push(n.clone()),
        TypeRef::List(inner) | TypeRef::Map(inner) | TypeRef::Boxed(inner) => mentioned(inner, out),
        _ => {}
    }
}

/// The named type a field or variant contains directly (not behind a `Vec`, map or `Box`, which
/// allocate), if any.
fn direct_target(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Named(n) => Some(n),
        _ => None,
    }
}

/// Follows aliases that are another name for one named type (`D = E`), at most 32 links.
fn resolve(types: &BTreeMap<String, TypeDef>, name: &str) -> String {
    let mut name = name.to_owned();
    for _ in 0..32 {
        match types.get(&name).map(|t| &t.kind) {
            Some(TypeKind::Alias(TypeRef::Named(n))) => name = n.clone(),
            _ => break,
        }
    }
    name
}

/// Rust expands a `type` alias in place, so an alias may not mention itself at any depth
/// (`type Nested = Vec<Nested>` is error E0391). In each cycle of aliases, those that wrap a list
/// or map become newtypes (`struct Nested(Vec<Nested>)`, which is finite); a cycle of aliases that
/// only rename each other (`D = E`, `E = D`) describes no value at all, so its members become
/// free-form JSON, with a note.
fn break_alias_cycles(
    types: &mut BTreeMap<String, TypeDef>,
    components: &BTreeMap<String, String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let edges: BTreeMap<String, Vec<String>> = types
        .iter()
        .filter_map(|(name, def)| match &def.kind {
            TypeKind::Alias(ty) => {
                let mut targets = Vec::new();
                mentioned(ty, &mut targets);
                Some((name.clone(), targets))
            }
            _ => None,
        })
        .collect();
    let mut cycles: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (name, id) in strongly_connected(&edges) {
        cycles.entry(id).or_default().push(name);
    }
    for members in cycles.values() {
        let wraps: Vec<&String> = members
            .iter()
            .filter(|m| {
                types
                    .get(*m)
                    .is_some_and(|t| !matches!(t.kind, TypeKind::Alias(TypeRef::Named(_))))
            })
            .collect();
        if wraps.is_empty() {
            let names = members
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ");
            for m in members {
                if let Some(def) = types.get_mut(m) {
                    def.kind = TypeKind::Alias(TypeRef::Json);
                    diagnostics.push(Diagnostic {
                        kind: NoteKind::Tolerated,
                        pointer: origin_pointer(def, components),
                        message: format!(
                            "the schemas {names} only refer to each other and describe no value: `{m}` accepts any JSON value"
                        ),
                    });
                }
            }
            continue;
        }
        let wraps: Vec<String> = wraps.into_iter().cloned().collect();
        for m in wraps {
            if let Some(def) = types.get_mut(&m) {
                if let TypeKind::Alias(ty) = &def.kind {
                    def.kind = TypeKind::Newtype(ty.clone());
                }
            }
        }
    }
}

/// A union whose member is the union itself, or another union that includes it (`U: oneOf [V,
/// string]`, `V: oneOf [U, integer]`), would try to decode the same value forever. Such a member
/// adds nothing but the shapes of its own members, so each union of the cycle lists those shapes
/// itself (in order, once each), with a note; discriminator values that chose the member are
/// dropped, as no single variant stands for it any more.
fn flatten_union_cycles(
    types: &mut BTreeMap<String, TypeDef>,
    components: &BTreeMap<String, String>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let union_of = |types: &BTreeMap<String, TypeDef>, ty: &TypeRef| -> Option<String> {
        let ty = match ty {
            TypeRef::Boxed(inner) => inner,
            other => other,
        };
        let target = resolve(types, direct_target(ty)?);
        matches!(types.get(&target)?.kind, TypeKind::Union(_)).then_some(target)
    };
    let edges: BTreeMap<String, Vec<String>> = types
        .iter()
        .filter_map(|(name, def)| match &def.kind {
            TypeKind::Union(u) => Some((
                name.clone(),
                u.variants
                    .iter()
                    .filter_map(|v| union_of(types, &v.ty))
                    .collect(),
            )),
            _ => None,
        })
        .collect();
    let component = strongly_connected(&edges);
    let mut rewritten: BTreeMap<String, Vec<UnionVariant>> = BTreeMap::new();
    for (name, &id) in &component {
        let in_cycle = |types: &BTreeMap<String, TypeDef>, ty: &TypeRef| -> Option<String> {
            union_of(types, ty).filter(|u| component.get(u) == Some(&id))
        };
        // The shapes reachable through members of the cycle, depth first in spec order.
        let mut shapes: Vec<UnionVariant> = Vec::new();
        let mut visited = BTreeSet::new();
        let mut pending: Vec<Vec<UnionVariant>> = Vec::new();
        visited.insert(name.clone());
        if let Some(TypeKind::Union(u)) = types.get(name).map(|t| &t.kind) {
            pending.push(u.variants.iter().rev().cloned().collect());
        }
        while let Some(top) = pending.last_mut() {
            let Some(variant) = top.pop() else {
                pending.pop();
                continue;
            };
            match in_cycle(types, &variant.ty) {
                Some(inner) => {
                    if visited.insert(inner.clone()) {
                        if let Some(TypeKind::Union(u)) = types.get(&inner).map(|t| &t.kind) {
                            pending.push(u.variants.iter().rev().cloned().collect());
                        }
                    }
                }
                None => {
                    if !shapes.iter().any(|s| s.ty == variant.ty) {
                        shapes.push(variant);
                    }
                }
            }
        }
        rewritten.insert(name.clone(), shapes);
    }
    for (name, shapes) in rewritten {
        let Some(def) = types.get_mut(&name) else {
            continue;
        };
        let pointer = origin_pointer(def, components);
        let TypeKind::Union(u) = &mut def.kind else {
            continue;
        };
        // The union's own variants keep their names; shapes taken from other unions are named
        // after them, never with a name the union gave a member that is gone (so a discriminator
        // value that chose that member cannot silently choose another shape).
        let own: BTreeSet<String> = u
            .variants
            .iter()
            .filter(|v| shapes.iter().any(|s| s.name == v.name && s.ty == v.ty))
            .map(|v| v.name.clone())
            .collect();
        let mut reserved: Vec<&str> = u.variants.iter().map(|v| v.name.as_str()).collect();
        reserved.push("Unknown");
        let mut namer = Namer::with_reserved(&reserved);
        let mut ignored = Vec::new();
        let variants: Vec<UnionVariant> = shapes
            .into_iter()
            .map(|s| {
                let is_own = own.contains(&s.name)
                    && u.variants.iter().any(|v| v.name == s.name && v.ty == s.ty);
                let name = if is_own {
                    s.name
                } else {
                    namer.claim(s.name.clone(), &s.name, &pointer, &mut ignored)
                };
                UnionVariant { name, ty: s.ty }
            })
            .collect();
        let dropped: Vec<String> = u
            .variants
            .iter()
            .filter(|v| !variants.iter().any(|n| n.name == v.name))
            .map(|v| format!("`{}`", v.name))
            .collect();
        let only_itself = dropped == [format!("`{name}`")];
        if let Some(d) = &mut u.discriminator {
            d.mapping
                .retain(|(_, variant)| variants.iter().any(|v| &v.name == variant));
        }
        u.variants = variants;
        diagnostics.push(Diagnostic {
            kind: NoteKind::Tolerated,
            pointer,
            message: if only_itself {
                "the union lists itself as a member, which adds no shape: the member is left out"
                    .to_owned()
            } else {
                format!(
                    "the union includes itself through {}: their shapes are listed in `{name}` directly",
                    dropped.join(", ")
                )
            },
        });
    }
}

/// Boxes every field and union variant that closes a cycle of types containing each other
/// directly, which would otherwise have infinite size. Cycles are found as strongly connected
/// components (Tarjan) over the direct-containment edges; aliases are followed.
fn box_cycles(types: &mut BTreeMap<String, TypeDef>) {
    let mut edges: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, def) in types.iter() {
        let targets: Vec<&TypeRef> = match &def.kind {
            TypeKind::Struct(s) => s.fields.iter().map(|f| &f.ty).collect(),
            TypeKind::Union(u) => u.variants.iter().map(|v| &v.ty).collect(),
            TypeKind::Alias(t) | TypeKind::Newtype(t) => vec![t],
            _ => Vec::new(),
        };
        let list = targets
            .into_iter()
            .filter_map(direct_target)
            .map(|t| resolve(types, t))
            .collect();
        edges.insert(name.clone(), list);
    }
    let component = strongly_connected(&edges);
    let resolved: BTreeMap<String, String> = types
        .keys()
        .map(|n| (n.clone(), resolve(types, n)))
        .collect();
    for (name, def) in types.iter_mut() {
        let Some(&own) = component.get(name) else {
            continue;
        };
        let cyclic = |ty: &TypeRef| {
            direct_target(ty)
                .and_then(|t| resolved.get(t))
                .is_some_and(|t| component.get(t) == Some(&own))
        };
        match &mut def.kind {
            TypeKind::Struct(s) => {
                for f in &mut s.fields {
                    if cyclic(&f.ty) {
                        f.ty = TypeRef::Boxed(Box::new(f.ty.clone()));
                    }
                }
            }
            TypeKind::Union(u) => {
                for v in &mut u.variants {
                    if cyclic(&v.ty) {
                        v.ty = TypeRef::Boxed(Box::new(v.ty.clone()));
                    }
                }
            }
            _ => {}
        }
    }
}

/// The last word on recursion: refuses (with a pointer) any cycle Rust would reject or that would
/// not terminate, in case an earlier pass missed one. Three kinds: aliases that mention each other
/// at any depth (Rust cannot expand them), types that contain each other with no `Vec`, map or
/// `Box` between (infinite size), and unions that include each other directly (decoding would
/// never end).
pub(crate) fn check_well_founded(
    types: &BTreeMap<String, TypeDef>,
    components: &BTreeMap<String, String>,
) -> Result<(), Error> {
    let refuse = |cycle: BTreeMap<String, usize>, why: &str| -> Result<(), Error> {
        let Some((first, _)) = cycle.iter().next() else {
            return Ok(());
        };
        let names: Vec<String> = cycle.keys().map(|n| format!("`{n}`")).collect();
        let pointer = types
            .get(first)
            .map(|d| origin_pointer(d, components))
            .unwrap_or_default();
        Err(Error::Unsupported {
            pointer,
            what: format!(
                "recursive schemas the generator cannot make finite ({}): {why}",
                names.join(", ")
            ),
        })
    };
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut direct: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut unions: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, def) in types {
        let targets: Vec<&TypeRef> = match &def.kind {
            TypeKind::Struct(s) => s.fields.iter().map(|f| &f.ty).collect(),
            TypeKind::Union(u) => u.variants.iter().map(|v| &v.ty).collect(),
            TypeKind::Alias(t) | TypeKind::Newtype(t) => vec![t],
            TypeKind::Enum(_) | TypeKind::IntEnum(_) => Vec::new(),
        };
        if let TypeKind::Alias(ty) = &def.kind {
            let mut all = Vec::new();
            mentioned(ty, &mut all);
            aliases.insert(
                name.clone(),
                all.into_iter()
                    .filter(|t| matches!(types.get(t).map(|d| &d.kind), Some(TypeKind::Alias(_))))
                    .collect(),
            );
        }
        direct.insert(
            name.clone(),
            targets
                .iter()
                .filter_map(|t| direct_target(t))
                .map(str::to_owned)
                .collect(),
        );
        if let TypeKind::Union(u) = &def.kind {
            let members = u.variants.iter().filter_map(|v| {
                let inner = match &v.ty {
                    TypeRef::Boxed(inner) => inner,
                    other => other,
                };
                let target = resolve(types, direct_target(inner)?);
                matches!(types.get(&target)?.kind, TypeKind::Union(_)).then_some(target)
            });
            unions.insert(name.clone(), members.collect());
        }
    }
    refuse(
        strongly_connected(&aliases),
        "type aliases that contain each other",
    )?;
    refuse(
        strongly_connected(&direct),
        "types that contain each other without a list, map or box between them",
    )?;
    refuse(
        strongly_connected(&unions),
        "unions that include each other, whose decoding would never end",
    )
}

/// Tarjan's algorithm, iterative: node → component id, for nodes in a cycle (size > 1 or a self
/// edge). Other nodes are absent.
fn strongly_connected(edges: &BTreeMap<String, Vec<String>>) -> BTreeMap<String, usize> {
    let names: Vec<&String> = edges.keys().collect();
    let index_of: BTreeMap<&String, usize> =
        names.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let succ: Vec<Vec<usize>> = names
        .iter()
        .map(|n| {
            edges[*n]
                .iter()
                .filter_map(|t| index_of.get(t).copied())
                .collect()
        })
        .collect();
    let n = names.len();
    let (mut index, mut low, mut on_stack) = (vec![usize::MAX; n], vec![0; n], vec![false; n]);
    let (mut stack, mut next, mut comp_id) = (Vec::new(), 0usize, 0usize);
    let mut out = BTreeMap::new();
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (v, ref mut child)) = work.last_mut() {
            if *child == 0 && index[v] == usize::MAX {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = succ[v].get(*child) {
                *child += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut members = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    members.push(w);
                    if w == v {
                        break;
                    }
                }
                let cyclic = members.len() > 1 || succ[v].contains(&v);
                if cyclic {
                    for m in members {
                        out.insert(names[m].clone(), comp_id);
                    }
                }
                comp_id += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Field, Struct, Union};

    fn def(name: &str, kind: TypeKind) -> (String, TypeDef) {
        (
            name.to_owned(),
            TypeDef {
                name: name.to_owned(),
                origin: name.to_owned(),
                docs: None,
                group: String::new(),
                users: Default::default(),
                kind,
            },
        )
    }

    fn named(n: &str) -> TypeRef {
        TypeRef::Named(n.to_owned())
    }

    fn field(name: &str, ty: TypeRef) -> Field {
        Field {
            name: name.to_owned(),
            wire_name: name.to_owned(),
            ty,
            required: false,
            nullable: false,
            read_only: false,
            default_variant: None,
            docs: None,
            deprecated: false,
        }
    }

    fn union(members: &[TypeRef]) -> TypeKind {
        TypeKind::Union(Union {
            variants: members
                .iter()
                .enumerate()
                .map(|(i, ty)| UnionVariant {
                    name: format!("V{i}"),
                    ty: ty.clone(),
                })
                .collect(),
            discriminator: None,
        })
    }

    fn components(types: &BTreeMap<String, TypeDef>) -> BTreeMap<String, String> {
        types.keys().map(|k| (k.clone(), k.clone())).collect()
    }

    /// Each cycle the check must refuse, and the words of its reason; `make_finite` repairs each.
    #[test]
    fn the_check_refuses_every_unfounded_cycle_and_make_finite_repairs_it() {
        let cases: Vec<(BTreeMap<String, TypeDef>, &str)> = vec![
            (
                BTreeMap::from([def(
                    "A",
                    TypeKind::Alias(TypeRef::List(Box::new(named("A")))),
                )]),
                "type aliases",
            ),
            (
                BTreeMap::from([
                    def("A", TypeKind::Alias(TypeRef::Map(Box::new(named("B"))))),
                    def("B", TypeKind::Alias(named("A"))),
                ]),
                "type aliases",
            ),
            (
                BTreeMap::from([def(
                    "S",
                    TypeKind::Struct(Struct {
                        fields: vec![field("me", named("S"))],
                    }),
                )]),
                "without a list, map or box",
            ),
            (
                BTreeMap::from([def(
                    "U",
                    union(&[TypeRef::Boxed(Box::new(named("U"))), TypeRef::String]),
                )]),
                "decoding would never end",
            ),
            (
                BTreeMap::from([
                    def("U", union(&[named("V"), TypeRef::String])),
                    def("V", union(&[named("U"), TypeRef::Bool])),
                ]),
                "without a list, map or box",
            ),
        ];
        for (mut types, reason) in cases {
            let known = components(&types);
            let err = check_well_founded(&types, &known).unwrap_err();
            let first = types.keys().next().cloned().unwrap_or_default();
            assert_eq!(
                err.pointer(),
                Some(format!("/components/schemas/{first}").as_str())
            );
            assert!(err.to_string().contains(reason), "{err}");
            let mut notes = Vec::new();
            make_finite(&mut types, &known, &mut notes).unwrap();
            check_well_founded(&types, &known).unwrap();
        }
    }

    #[test]
    fn flattened_unions_keep_their_own_variant_names_and_mapping() {
        let mut types = BTreeMap::from([
            def("U", union(&[TypeRef::String, named("V")])),
            def("V", union(&[named("U"), TypeRef::Bool, TypeRef::String])),
        ]);
        if let Some(TypeKind::Union(u)) = types.get_mut("U").map(|t| &mut t.kind) {
            u.discriminator = Some(crate::ir::Discriminator {
                property: "kind".to_owned(),
                mapping: vec![
                    ("s".to_owned(), "V0".to_owned()),
                    ("v".to_owned(), "V1".to_owned()),
                ],
            });
        }
        let known = components(&types);
        let mut notes = Vec::new();
        make_finite(&mut types, &known, &mut notes).unwrap();
        let Some(TypeKind::Union(u)) = types.get("U").map(|t| &t.kind) else {
            panic!("U is not a union");
        };
        let shapes: Vec<(&str, &TypeRef)> = u
            .variants
            .iter()
            .map(|v| (v.name.as_str(), &v.ty))
            .collect();
        // `U`'s own `V0` keeps its name; `V`'s `Bool` shape, named `V1` there, is renamed, as `U`'s
        // `V1` (the member `V`, which is gone) was what the mapping's `v` chose.
        assert_eq!(shapes, [("V0", &TypeRef::String), ("V12", &TypeRef::Bool)]);
        let mapping = &u.discriminator.as_ref().unwrap().mapping;
        assert_eq!(mapping, &[("s".to_owned(), "V0".to_owned())]);
        assert_eq!(notes.len(), 2);
    }
}
