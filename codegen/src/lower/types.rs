//! Schemas → named types and type references.

use super::{docs, refs, Lowerer, COMMON_GROUP};
use crate::error::{Error, Pointer};
use crate::ir::{Enum, Field, Struct, TypeDef, TypeKind, TypeRef, Variant};
use crate::names::{self, Namer};
use std::borrow::Borrow;
use openapiv3::{
    AdditionalProperties, IntegerFormat, NumberFormat, ObjectType, ReferenceOr, Schema, SchemaKind,
    StringFormat, StringType, Type, VariantOrUnknownOrEmpty,
};

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
                kind: TypeKind::Alias(target),
            });
            Ok(())
        }
        ReferenceOr::Item(schema) => {
            let ty = lower_named(cx, rust, name, schema, pointer)?;
            if ty != TypeRef::Named(rust.to_owned()) {
                // A primitive or array component becomes an alias, so references to it keep its name.
                cx.define(TypeDef {
                    name: rust.to_owned(),
                    origin: name.to_owned(),
                    docs: schema.schema_data.description.clone(),
                    group: COMMON_GROUP.to_owned(),
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
    cx.components.get(name).map(|rust| TypeRef::Named(rust.clone())).ok_or_else(|| Error::Reference {
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
fn lower_inline(cx: &mut Lowerer<'_>, schema: &Schema, hint: &str, pointer: &Pointer) -> Result<TypeRef, Error> {
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
        SchemaKind::Any(any) => !any.properties.is_empty(),
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
        SchemaKind::Type(Type::Integer(i)) => Ok(match i.format {
            VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => TypeRef::I32,
            _ => TypeRef::I64,
        }),
        SchemaKind::Type(Type::Number(n)) => Ok(match n.format {
            VariantOrUnknownOrEmpty::Item(NumberFormat::Float) => TypeRef::F32,
            _ => TypeRef::F64,
        }),
        SchemaKind::Type(Type::Boolean(_)) => Ok(TypeRef::Bool),
        SchemaKind::Type(Type::Array(a)) => match &a.items {
            Some(items) => {
                let item_hint = format!("{} item", if rust.is_empty() { origin } else { rust });
                Ok(TypeRef::List(Box::new(lower_schema(cx, items, &item_hint, &pointer.push("items"))?)))
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
        SchemaKind::Any(any) if any.one_of.is_empty() && any.all_of.is_empty() && any.any_of.is_empty() && any.not.is_none() => {
            Ok(TypeRef::Json)
        }
        SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. } | SchemaKind::AllOf { .. } | SchemaKind::Not { .. } | SchemaKind::Any(_) => {
            Err(pointer.unsupported("schema composition (oneOf/anyOf/allOf/not)"))
        }
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
            Ok(TypeRef::Map(Box::new(lower_schema(cx, schema, &hint, &pointer.push("additionalProperties"))?)))
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
        if variants.iter().any(|v| &v.value == value) {
            return Err(pointer.push("enum").push(i.to_string()).invalid(format!("duplicate enum value {value:?}")));
        }
        let at = pointer.push("enum").push(i.to_string());
        let name = namer.claim(names::variant_name(value), value, at.as_str(), &mut cx.diagnostics);
        variants.push(Variant { name, value: value.clone() });
    }
    let default = match &schema.schema_data.default {
        None => None,
        Some(serde_json::Value::String(d)) => match variants.iter().find(|v| &v.value == d) {
            Some(v) => Some(v.name.clone()),
            None => return Err(pointer.push("default").invalid(format!("default {d:?} is not one of the enum values"))),
        },
        Some(other) => return Err(pointer.push("default").invalid(format!("default {other} of a string enum is not a string"))),
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
        kind: TypeKind::Enum(Enum { variants, default, used_in_parameters: false }),
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
    for (i, required) in object.required.iter().enumerate() {
        if !object.properties.contains_key(required) {
            return Err(pointer.push("required").push(i.to_string()).invalid(format!("required property `{required}` is not among the properties")));
        }
    }
    // `additional_properties` holds unknown properties in every model.
    let mut field_names = Namer::with_reserved(&["additional_properties"]);
    let mut fields = Vec::with_capacity(object.properties.len());
    for (prop, schema) in &object.properties {
        let at = pointer.push("properties").push(prop);
        let hint = format!("{rust} {prop}");
        let ty = lower_schema(cx, schema, &hint, &at)?;
        let (nullable, description, example, deprecated) = match schema {
            ReferenceOr::Item(s) => {
                let d = &s.schema_data;
                (d.nullable, d.description.clone(), d.example.clone(), d.deprecated)
            }
            ReferenceOr::Reference { reference } => match referenced(cx, reference) {
                Some(s) => (s.schema_data.nullable, s.schema_data.description.clone(), None, s.schema_data.deprecated),
                None => (false, None, None, false),
            },
        };
        let name = field_names.claim(names::field_name(prop), prop, at.as_str(), &mut cx.diagnostics);
        fields.push(Field {
            name,
            wire_name: prop.clone(),
            ty,
            required: object.required.contains(prop),
            nullable,
            default_variant: None,
            docs: docs::join(&[description, docs::example(example.as_ref())]),
            deprecated,
        });
    }
    cx.define(TypeDef {
        name: rust.to_owned(),
        origin: origin.to_owned(),
        docs: description,
        group: COMMON_GROUP.to_owned(),
        kind: TypeKind::Struct(Struct { fields }),
    });
    Ok(TypeRef::Named(rust.to_owned()))
}
