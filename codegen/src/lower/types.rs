//! Schemas → named types and type references.

use super::{docs, refs, Lowerer, COMMON_GROUP};
use crate::error::{Error, Pointer};
use crate::ir::{
    Discriminator, Enum, Field, IntEnum, Struct, TypeDef, TypeKind, TypeRef, Union, UnionVariant,
    Variant,
};
use crate::names::{self, Namer};
use openapiv3::{
    AdditionalProperties, IntegerFormat, NumberFormat, ObjectType, ReferenceOr, Schema, SchemaKind,
    StringFormat, StringType, Type, VariantOrUnknownOrEmpty,
};
use std::borrow::Borrow;

/// Lowers `#/components/schemas/<name>`, already named `rust`.
pub(crate) fn lower_component(
    cx: &mut Lowerer<'_>,
    rust: &str,
    name: &str,
    schema: &ReferenceOr<Schema>,
    pointer: &Pointer,
) -> Result<(), Error> {
    match schema {
        ReferenceOr::Reference { reference } => {
            let target = ref_type(cx, reference, pointer)?;
            if target == TypeRef::Named(rust.to_owned()) {
                return Err(Error::Reference {
                    pointer: pointer.to_string(),
                    reference: reference.clone(),
                    reason: "the schema refers to itself".to_owned(),
                });
            }
            cx.define(TypeDef {
                name: rust.to_owned(),
                origin: name.to_owned(),
                docs: None,
                group: COMMON_GROUP.to_owned(),
                users: Default::default(),
                kind: TypeKind::Alias(target),
            });
            Ok(())
        }
        ReferenceOr::Item(schema) => {
            let ty = lower_named(cx, rust, name, schema, pointer)?;
            if ty == TypeRef::Named(rust.to_owned()) && !cx.types.contains_key(rust) {
                return Err(pointer.invalid("the schema is only a reference to itself"));
            }
            if ty != TypeRef::Named(rust.to_owned()) {
                // A primitive or array component becomes an alias, so references to it keep its name.
                cx.define(TypeDef {
                    name: rust.to_owned(),
                    origin: name.to_owned(),
                    docs: schema.schema_data.description.clone(),
                    group: COMMON_GROUP.to_owned(),
                    users: Default::default(),
                    kind: TypeKind::Alias(ty),
                });
            }
            Ok(())
        }
    }
}

/// Lowers a schema that may be a reference (plain, or boxed as `openapiv3` stores properties).
pub(crate) fn lower_schema<S: Borrow<Schema>>(
    cx: &mut Lowerer<'_>,
    schema: &ReferenceOr<S>,
    hint: &str,
    pointer: &Pointer,
) -> Result<TypeRef, Error> {
    match schema {
        ReferenceOr::Reference { reference } => ref_type(cx, reference, pointer),
        ReferenceOr::Item(schema) => lower_inline(cx, schema.borrow(), hint, pointer),
    }
}

/// The type a `$ref` to a component schema names.
fn ref_type(cx: &Lowerer<'_>, reference: &str, pointer: &Pointer) -> Result<TypeRef, Error> {
    let name = refs::component_name(reference, "schemas", pointer.as_str())?;
    cx.components
        .get(name)
        .map(|rust| TypeRef::Named(rust.clone()))
        .ok_or_else(|| Error::Reference {
            pointer: pointer.to_string(),
            reference: reference.to_owned(),
            reason: format!("no schema named `{name}` in components"),
        })
}

/// The schema a `$ref` points at, when it resolves (used for `nullable` and descriptions).
pub(crate) fn referenced<'a>(cx: &Lowerer<'a>, reference: &str) -> Option<&'a Schema> {
    let name = reference.strip_prefix("#/components/schemas/")?;
    match cx.spec.components.as_ref()?.schemas.get(name)? {
        ReferenceOr::Item(schema) => Some(schema),
        ReferenceOr::Reference { .. } => None,
    }
}

/// An inline schema: objects and enums become named types called after `hint`.
fn lower_inline(
    cx: &mut Lowerer<'_>,
    schema: &Schema,
    hint: &str,
    pointer: &Pointer,
) -> Result<TypeRef, Error> {
    if needs_name(schema) {
        let name = cx.claim_type_name(hint, pointer);
        lower_named(cx, &name, &pointer.to_string(), schema, pointer)
    } else {
        lower_named(cx, "", hint, schema, pointer)
    }
}

/// Whether the schema becomes a named type of its own.
fn needs_name(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => s.enumeration.iter().any(Option::is_some),
        SchemaKind::Type(Type::Object(o)) => !o.properties.is_empty(),
        SchemaKind::Type(Type::Integer(i)) => i.enumeration.iter().any(Option::is_some),
        SchemaKind::Any(any) => {
            !any.properties.is_empty()
                || !any.one_of.is_empty()
                || !any.any_of.is_empty()
                || !any.all_of.is_empty()
                || (any.typ.is_some() && !any.enumeration.is_empty())
        }
        SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. } | SchemaKind::AllOf { .. } => true,
        _ => false,
    }
}

/// Lowers a schema; structs and enums are defined under `rust` (which must then be non-empty).
fn lower_named(
    cx: &mut Lowerer<'_>,
    rust: &str,
    origin: &str,
    schema: &Schema,
    pointer: &Pointer,
) -> Result<TypeRef, Error> {
    let data = &schema.schema_data;
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) if s.enumeration.iter().any(Option::is_some) => {
            define_enum(cx, rust, origin, schema, s, pointer)
        }
        SchemaKind::Type(Type::String(s)) => Ok(string_type(s)),
        SchemaKind::Type(Type::Integer(i)) => {
            let base = match i.format {
                VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => TypeRef::I32,
                _ => TypeRef::I64,
            };
            let values: Vec<i64> = i.enumeration.iter().flatten().copied().collect();
            if values.is_empty() {
                Ok(base)
            } else {
                define_int_enum(cx, rust, origin, schema, base, &values)
            }
        }
        SchemaKind::Type(Type::Number(n)) => Ok(match n.format {
            VariantOrUnknownOrEmpty::Item(NumberFormat::Float) => TypeRef::F32,
            _ => TypeRef::F64,
        }),
        SchemaKind::Type(Type::Boolean(_)) => Ok(TypeRef::Bool),
        SchemaKind::Type(Type::Array(a)) => match &a.items {
            Some(items) => {
                let item_hint = format!("{} item", if rust.is_empty() { origin } else { rust });
                Ok(TypeRef::List(Box::new(lower_schema(
                    cx,
                    items,
                    &item_hint,
                    &pointer.push("items"),
                )?)))
            }
            None => Ok(TypeRef::List(Box::new(TypeRef::Json))),
        },
        SchemaKind::Type(Type::Object(o)) if !o.properties.is_empty() => {
            define_struct(cx, rust, origin, data.description.clone(), o, pointer)
        }
        SchemaKind::Type(Type::Object(o)) => {
            let hint = if rust.is_empty() { origin } else { rust };
            map_type(cx, hint, o.additional_properties.as_ref(), pointer)
        }
        SchemaKind::Any(any) if !any.properties.is_empty() => {
            let object = ObjectType {
                properties: any.properties.clone(),
                required: any.required.clone(),
                additional_properties: any.additional_properties.clone(),
                min_properties: None,
                max_properties: None,
            };
            define_struct(cx, rust, origin, data.description.clone(), &object, pointer)
        }
        SchemaKind::OneOf { one_of: members } | SchemaKind::AnyOf { any_of: members } => {
            define_union(cx, rust, origin, schema, members, pointer)
        }
        SchemaKind::AllOf { all_of } => define_all_of(cx, rust, origin, schema, all_of, pointer),
        SchemaKind::Any(any) if !any.one_of.is_empty() || !any.any_of.is_empty() => {
            let members = if any.one_of.is_empty() {
                &any.any_of
            } else {
                &any.one_of
            };
            define_union(cx, rust, origin, schema, members, pointer)
        }
        SchemaKind::Any(any) if !any.all_of.is_empty() => {
            define_all_of(cx, rust, origin, schema, &any.all_of, pointer)
        }
        SchemaKind::Any(any) if any.typ.is_some() => match declared(schema, any) {
            Some(typed) => {
                cx.note(
                    pointer,
                    format!(
                        "keywords that do not fit `type: {}` are ignored; the declared type is kept",
                        any.typ.as_deref().unwrap_or_default()
                    ),
                );
                lower_named(cx, rust, origin, &typed, pointer)
            }
            None => Ok(TypeRef::Json),
        },
        // `not`, and schemas with no recognisable shape, accept any JSON value.
        SchemaKind::Any(_) | SchemaKind::Not { .. } => Ok(TypeRef::Json),
    }
}

fn string_type(s: &StringType) -> TypeRef {
    match &s.format {
        VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => TypeRef::DateTime,
        VariantOrUnknownOrEmpty::Item(StringFormat::Date) => TypeRef::Date,
        VariantOrUnknownOrEmpty::Unknown(f) if f == "uuid" => TypeRef::Uuid,
        _ => TypeRef::String,
    }
}

fn map_type(
    cx: &mut Lowerer<'_>,
    hint: &str,
    additional: Option<&AdditionalProperties>,
    pointer: &Pointer,
) -> Result<TypeRef, Error> {
    match additional {
        Some(AdditionalProperties::Schema(schema)) => {
            let hint = format!("{hint} value");
            Ok(TypeRef::Map(Box::new(lower_schema(
                cx,
                schema,
                &hint,
                &pointer.push("additionalProperties"),
            )?)))
        }
        // A free-form object: any JSON object is accepted and kept.
        _ => Ok(TypeRef::Json),
    }
}

fn define_enum(
    cx: &mut Lowerer<'_>,
    rust: &str,
    origin: &str,
    schema: &Schema,
    s: &StringType,
    pointer: &Pointer,
) -> Result<TypeRef, Error> {
    // `Unknown` is the catch-all that keeps values this SDK version does not know.
    let mut namer = Namer::with_reserved(&["Unknown"]);
    let mut variants: Vec<Variant> = Vec::new();
    for (i, value) in s.enumeration.iter().enumerate() {
        let Some(value) = value else { continue };
        let at = pointer.push("enum").push(i.to_string());
        if variants.iter().any(|v| &v.value == value) {
            cx.note(
                &at,
                format!("duplicate enum value {value:?} is listed once"),
            );
            continue;
        }
        let name = namer.claim(
            names::variant_name(value),
            value,
            at.as_str(),
            &mut cx.diagnostics,
        );
        variants.push(Variant {
            name,
            value: value.clone(),
        });
    }
    let default = match &schema.schema_data.default {
        None => None,
        Some(serde_json::Value::String(d)) => match variants.iter().find(|v| &v.value == d) {
            Some(v) => Some(v.name.clone()),
            None => {
                cx.note(
                    &pointer.push("default"),
                    format!("default {d:?} is not one of the enum values: the enum has no default"),
                );
                None
            }
        },
        Some(other) => {
            cx.note(
                &pointer.push("default"),
                format!(
                    "default {other} of a string enum is not a string: the enum has no default"
                ),
            );
            None
        }
    };
    // A single-value enum (a JSON:API `type` tag) has only one sensible default: its value.
    let default = default.or_else(|| match variants.as_slice() {
        [only] => Some(only.name.clone()),
        _ => None,
    });
    cx.define(TypeDef {
        name: rust.to_owned(),
        origin: origin.to_owned(),
        docs: schema.schema_data.description.clone(),
        group: COMMON_GROUP.to_owned(),
        users: Default::default(),
        kind: TypeKind::Enum(Enum {
            variants,
            default,
            used_in_parameters: false,
        }),
    });
    Ok(TypeRef::Named(rust.to_owned()))
}

fn define_struct(
    cx: &mut Lowerer<'_>,
    rust: &str,
    origin: &str,
    description: Option<String>,
    object: &ObjectType,
    pointer: &Pointer,
) -> Result<TypeRef, Error> {
    // A required property without a schema (a sloppy spec) is still required: any JSON value.
    let mut properties = object.properties.clone();
    for (i, required) in object.required.iter().enumerate() {
        if !properties.contains_key(required) {
            cx.note(
                &pointer.push("required").push(i.to_string()),
                format!("required property `{required}` has no schema: typed as any JSON value"),
            );
            properties.insert(
                required.clone(),
                ReferenceOr::Item(Box::new(Schema {
                    schema_data: Default::default(),
                    schema_kind: SchemaKind::Any(Default::default()),
                })),
            );
        }
    }
    let object = &ObjectType {
        properties,
        ..object.clone()
    };
    // `additional_properties` holds unknown properties in every model.
    // `new` is the constructor, and every field has a setter of its own name.
    let mut field_names = Namer::with_reserved(&["additional_properties", "new"]);
    let mut fields = Vec::with_capacity(object.properties.len());
    for (prop, schema) in &object.properties {
        let at = pointer.push("properties").push(prop);
        let hint = format!("{rust} {prop}");
        let ty = lower_schema(cx, schema, &hint, &at)?;
        let (data, example) = match schema {
            ReferenceOr::Item(s) => (Some(&s.schema_data), s.schema_data.example.clone()),
            ReferenceOr::Reference { reference } => {
                (referenced(cx, reference).map(|s| &s.schema_data), None)
            }
        };
        let nullable = data.is_some_and(|d| d.nullable);
        let description = data.and_then(|d| d.description.clone());
        let deprecated = data.is_some_and(|d| d.deprecated);
        let read_only = data.is_some_and(|d| d.read_only);
        let write_only = data.is_some_and(|d| d.write_only);
        // A readOnly property is never in a request and a writeOnly one never in a response:
        // neither is always there, whatever `required` says, so both are optional fields.
        let direction = match (read_only, write_only) {
            (true, _) => {
                Some("Read-only: set by the server, and never sent in a request.".to_owned())
            }
            (false, true) => {
                Some("Write-only: sent in requests, and not returned in responses.".to_owned())
            }
            (false, false) => None,
        };
        let name = field_names.claim(
            names::field_name(prop),
            prop,
            at.as_str(),
            &mut cx.diagnostics,
        );
        fields.push(Field {
            name,
            wire_name: prop.clone(),
            ty,
            required: object.required.contains(prop) && !read_only && !write_only,
            nullable,
            read_only,
            default_variant: None,
            docs: docs::join(&[description, direction, docs::example(example.as_ref())]),
            deprecated,
        });
    }
    cx.define(TypeDef {
        name: rust.to_owned(),
        origin: origin.to_owned(),
        docs: description,
        group: COMMON_GROUP.to_owned(),
        users: Default::default(),
        kind: TypeKind::Struct(Struct { fields }),
    });
    Ok(TypeRef::Named(rust.to_owned()))
}

/// Follows `$ref`s to a component schema (bounded, so a cycle is an error).
fn resolve_schema<'a>(
    cx: &Lowerer<'a>,
    schema: &'a ReferenceOr<Schema>,
    pointer: &Pointer,
) -> Result<&'a Schema, Error> {
    let mut current = schema;
    for _ in 0..32 {
        match current {
            ReferenceOr::Item(s) => return Ok(s),
            ReferenceOr::Reference { reference } => {
                let name = refs::component_name(reference, "schemas", pointer.as_str())?;
                current = cx
                    .spec
                    .components
                    .as_ref()
                    .and_then(|c| c.schemas.get(name))
                    .ok_or_else(|| Error::Reference {
                        pointer: pointer.to_string(),
                        reference: reference.clone(),
                        reason: format!("no schema named `{name}` in components"),
                    })?;
            }
        }
    }
    Err(pointer.invalid("schema reference chain is cyclic or longer than 32 links"))
}

/// `allOf`: the members' properties and `required` lists merged into one struct. A single member is
/// an alias of it; members that only annotate (no type, no properties) are skipped.
fn define_all_of(
    cx: &mut Lowerer<'_>,
    rust: &str,
    origin: &str,
    schema: &Schema,
    members: &[ReferenceOr<Schema>],
    pointer: &Pointer,
) -> Result<TypeRef, Error> {
    // Members that only annotate (no type, no properties, no composition) contribute nothing.
    let meaningful: Vec<(usize, &ReferenceOr<Schema>)> = members
        .iter()
        .enumerate()
        .filter(|(_, m)| !matches!(m, ReferenceOr::Item(s) if is_annotation(s)))
        .collect();
    if let [(i, only)] = meaningful.as_slice() {
        return lower_schema(
            cx,
            only,
            if rust.is_empty() { origin } else { rust },
            &pointer.push("allOf").push(i.to_string()),
        );
    }
    let referenced: Vec<String> = members
        .iter()
        .filter_map(|m| match m {
            ReferenceOr::Reference { reference } => Some(reference.clone()),
            ReferenceOr::Item(_) => None,
        })
        .collect();
    if let Some(again) = referenced.iter().find(|r| cx.merging.contains(r)) {
        return Err(pointer.unsupported(format!(
            "an allOf that merges `{again}` inside itself (infinitely nested properties)"
        )));
    }
    let depth = cx.merging.len();
    cx.merging.extend(referenced);
    let result = merge_all_of(cx, rust, origin, schema, members, pointer);
    cx.merging.truncate(depth);
    result
}

/// A schema with nothing but annotations (description, example, …).
fn is_annotation(schema: &Schema) -> bool {
    match &schema.schema_kind {
        SchemaKind::Any(any) => {
            any.typ.is_none()
                && any.properties.is_empty()
                && any.items.is_none()
                && any.additional_properties.is_none()
                && any.one_of.is_empty()
                && any.all_of.is_empty()
                && any.any_of.is_empty()
                && any.not.is_none()
                && any.enumeration.is_empty()
        }
        _ => false,
    }
}

fn merge_all_of(
    cx: &mut Lowerer<'_>,
    rust: &str,
    origin: &str,
    schema: &Schema,
    members: &[ReferenceOr<Schema>],
    pointer: &Pointer,
) -> Result<TypeRef, Error> {
    let mut merged = ObjectType::default();
    let mut stack: Vec<(&ReferenceOr<Schema>, Pointer, usize)> = members
        .iter()
        .enumerate()
        .rev()
        .map(|(i, m)| (m, pointer.push("allOf").push(i.to_string()), 0))
        .collect();
    // Merging a component twice adds nothing, and skipping repeats keeps self-referencing allOfs
    // linear instead of exponential.
    let mut merged_refs = std::collections::BTreeSet::new();
    // Members that are not objects (a scalar, a union) have no properties to merge.
    let mut unmerged: Vec<(&Schema, Pointer)> = Vec::new();
    while let Some((member, at, depth)) = stack.pop() {
        if depth > 16 {
            return Err(at.invalid("allOf nesting is cyclic or deeper than 16 levels"));
        }
        if let ReferenceOr::Reference { reference } = member {
            if !merged_refs.insert(reference.clone()) {
                continue;
            }
        }
        let member = resolve_schema(cx, member, &at)?;
        match &member.schema_kind {
            SchemaKind::Type(Type::Object(o)) => merge_object(
                &mut merged,
                &o.properties,
                &o.required,
                o.additional_properties.as_ref(),
            ),
            SchemaKind::Any(any) if any.all_of.is_empty() => merge_object(
                &mut merged,
                &any.properties,
                &any.required,
                any.additional_properties.as_ref(),
            ),
            SchemaKind::AllOf { all_of } => stack.extend(
                all_of
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(i, m)| (m, at.push("allOf").push(i.to_string()), depth + 1)),
            ),
            SchemaKind::Any(any) => {
                merge_object(
                    &mut merged,
                    &any.properties,
                    &any.required,
                    any.additional_properties.as_ref(),
                );
                stack.extend(
                    any.all_of
                        .iter()
                        .enumerate()
                        .rev()
                        .map(|(i, m)| (m, at.push("allOf").push(i.to_string()), depth + 1)),
                )
            }
            _ => unmerged.push((member, at)),
        }
    }
    if merged.properties.is_empty() && merged.additional_properties.is_none() {
        // No member is an object: the schema is its first typed member (`allOf: [{$ref: Id},
        // {maxLength: 5}]` is an `Id`).
        if let Some((member, at)) = unmerged.first() {
            if unmerged.len() > 1 {
                cx.note(
                    at,
                    "allOf of several members that are not objects: typed as the first".to_owned(),
                );
            }
            let hint = if rust.is_empty() { origin } else { rust };
            return lower_named(cx, rust, hint, member, at);
        }
    }
    for (_, at) in &unmerged {
        cx.note(
            at,
            "allOf member that is not an object is not merged into the struct: what it adds is kept in additional_properties".to_owned(),
        );
    }
    if merged.properties.is_empty() {
        return map_type(
            cx,
            if rust.is_empty() { origin } else { rust },
            merged.additional_properties.as_ref(),
            pointer,
        );
    }
    define_struct(
        cx,
        rust,
        origin,
        schema.schema_data.description.clone(),
        &merged,
        pointer,
    )
}

fn merge_object(
    into: &mut ObjectType,
    properties: &indexmap::IndexMap<String, ReferenceOr<Box<Schema>>>,
    required: &[String],
    additional: Option<&AdditionalProperties>,
) {
    for (name, schema) in properties {
        into.properties.insert(name.clone(), schema.clone());
    }
    for r in required {
        if !into.required.contains(r) {
            into.required.push(r.clone());
        }
    }
    if into.additional_properties.is_none() {
        into.additional_properties = additional.cloned();
    }
}

/// `oneOf`/`anyOf`: an enum with a variant per member and a catch-all for shapes no member accepts.
fn define_union(
    cx: &mut Lowerer<'_>,
    rust: &str,
    origin: &str,
    schema: &Schema,
    members: &[ReferenceOr<Schema>],
    pointer: &Pointer,
) -> Result<TypeRef, Error> {
    let key = if matches!(schema.schema_kind, SchemaKind::AnyOf { .. }) {
        "anyOf"
    } else {
        "oneOf"
    };
    // `Unknown` is the catch-all variant.
    let mut namer = Namer::with_reserved(&["Unknown"]);
    let mut variants: Vec<UnionVariant> = Vec::new();
    for (i, member) in members.iter().enumerate() {
        let at = pointer.push(key).push(i.to_string());
        let ty = lower_schema(cx, member, &format!("{rust} {i}"), &at)?;
        if variants.iter().any(|v| v.ty == ty) {
            continue;
        }
        let plain = variant_name_for(&ty, rust);
        let desired = names::unreserved_variant(plain.clone());
        let name = namer.claim(desired, &plain, at.as_str(), &mut cx.diagnostics);
        variants.push(UnionVariant { name, ty });
    }
    let discriminator = match &schema.schema_data.discriminator {
        None => None,
        Some(d) => {
            let mut mapping = Vec::new();
            for (value, reference) in &d.mapping {
                let ty = ref_type(
                    cx,
                    reference,
                    &pointer.push("discriminator").push("mapping").push(value),
                )?;
                match variants.iter().find(|v| v.ty == ty) {
                    Some(v) => mapping.push((value.clone(), v.name.clone())),
                    None => {
                        return Err(pointer
                            .push("discriminator")
                            .push("mapping")
                            .push(value)
                            .invalid(format!("`{reference}` is not one of the {key} members")))
                    }
                }
            }
            // Without an explicit mapping, a member is selected by its schema name.
            for v in &variants {
                if let TypeRef::Named(n) = &v.ty {
                    let spec_name = cx
                        .components
                        .iter()
                        .find(|(_, r)| *r == n)
                        .map(|(k, _)| k.clone());
                    if let Some(spec_name) = spec_name {
                        if !mapping.iter().any(|(_, var)| var == &v.name) {
                            mapping.push((spec_name, v.name.clone()));
                        }
                    }
                }
            }
            Some(Discriminator {
                property: d.property_name.clone(),
                mapping,
            })
        }
    };
    cx.define(TypeDef {
        name: rust.to_owned(),
        origin: origin.to_owned(),
        docs: schema.schema_data.description.clone(),
        group: COMMON_GROUP.to_owned(),
        users: Default::default(),
        kind: TypeKind::Union(Union {
            variants,
            discriminator,
        }),
    });
    Ok(TypeRef::Named(rust.to_owned()))
}

/// A union variant's name: the payload type's name, shortened by the union's own name when it
/// starts with it (`ItemUser` in `Item` → `User`), or the primitive's name.
fn variant_name_for(ty: &TypeRef, union: &str) -> String {
    match ty {
        TypeRef::Named(n) => match n.strip_prefix(union) {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_uppercase()) => rest.to_owned(),
            _ => n.clone(),
        },
        TypeRef::String => "String".to_owned(),
        TypeRef::Uuid => "Uuid".to_owned(),
        TypeRef::DateTime => "DateTime".to_owned(),
        TypeRef::Date => "Date".to_owned(),
        TypeRef::Bool => "Bool".to_owned(),
        TypeRef::I32 | TypeRef::I64 => "Integer".to_owned(),
        TypeRef::F32 | TypeRef::F64 => "Number".to_owned(),
        TypeRef::Json => "Value".to_owned(),
        TypeRef::List(_) => "List".to_owned(),
        TypeRef::Map(_) => "Map".to_owned(),
        TypeRef::Boxed(inner) => variant_name_for(inner, union),
        TypeRef::Bytes => "Bytes".to_owned(),
    }
}

/// An integer enum: a newtype over the integer with a constant per documented value.
fn define_int_enum(
    cx: &mut Lowerer<'_>,
    rust: &str,
    origin: &str,
    schema: &Schema,
    base: TypeRef,
    values: &[i64],
) -> Result<TypeRef, Error> {
    let mut namer = Namer::default();
    let mut consts = Vec::new();
    for v in values {
        let desired = if *v < 0 {
            format!("MINUS_{}", v.unsigned_abs())
        } else {
            format!("V{v}")
        };
        let name = namer.claim(desired, &v.to_string(), origin, &mut cx.diagnostics);
        consts.push((name, *v));
    }
    cx.define(TypeDef {
        name: rust.to_owned(),
        origin: origin.to_owned(),
        docs: schema.schema_data.description.clone(),
        group: COMMON_GROUP.to_owned(),
        users: Default::default(),
        kind: TypeKind::IntEnum(IntEnum {
            base,
            values: consts,
        }),
    });
    Ok(TypeRef::Named(rust.to_owned()))
}

/// The schema its declared `type` describes, when keywords that do not fit that type (`uniqueItems`
/// on a string, `maxLength` on an array) made the parser read it as untyped; `None` for a type
/// this generator does not know.
fn declared(schema: &Schema, any: &openapiv3::AnySchema) -> Option<Schema> {
    fn format<F: serde::de::DeserializeOwned>(f: &Option<String>) -> VariantOrUnknownOrEmpty<F> {
        match f.as_deref() {
            None => VariantOrUnknownOrEmpty::Empty,
            Some(text) => serde_json::from_value(serde_json::Value::String(text.to_owned()))
                .map(VariantOrUnknownOrEmpty::Item)
                .unwrap_or_else(|_| VariantOrUnknownOrEmpty::Unknown(text.to_owned())),
        }
    }
    let texts = |values: &[serde_json::Value]| -> Vec<Option<String>> {
        values
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect()
    };
    let typed = match any.typ.as_deref()? {
        "string" => Type::String(StringType {
            format: format(&any.format),
            pattern: any.pattern.clone(),
            enumeration: texts(&any.enumeration),
            min_length: any.min_length,
            max_length: any.max_length,
        }),
        "integer" => Type::Integer(openapiv3::IntegerType {
            format: format(&any.format),
            enumeration: any
                .enumeration
                .iter()
                .map(serde_json::Value::as_i64)
                .collect(),
            ..Default::default()
        }),
        "number" => Type::Number(openapiv3::NumberType {
            format: format(&any.format),
            ..Default::default()
        }),
        "boolean" => Type::Boolean(Default::default()),
        "array" => Type::Array(openapiv3::ArrayType {
            items: any.items.clone(),
            min_items: any.min_items,
            max_items: any.max_items,
            unique_items: any.unique_items.unwrap_or(false),
        }),
        "object" => Type::Object(ObjectType {
            properties: any.properties.clone(),
            required: any.required.clone(),
            additional_properties: any.additional_properties.clone(),
            min_properties: any.min_properties,
            max_properties: any.max_properties,
        }),
        _ => return None,
    };
    Some(Schema {
        schema_data: schema.schema_data.clone(),
        schema_kind: SchemaKind::Type(typed),
    })
}
