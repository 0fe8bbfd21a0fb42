//! The `# Example` section of each operation's client method: a `no_run` doctest that calls the
//! operation with its required arguments, sets one optional parameter when a literal value fits
//! it, sends, and uses the result (and, for a paginated operation, collects every item).
//!
//! The example is an `async fn` whose parameters are the operation's required arguments, with
//! concrete types: it compiles for any operation without inventing ids or building nested bodies.
//! It is written as rustfmt would lay it out, since no formatter sees doc comments.
//!
//! Nothing from the spec is pasted into the code as text: names are the Rust names the generator
//! assigned, and a spec value is a token (`proc_macro2::Literal`) printed, so it is a string or a
//! number literal whatever it holds. A value that would not read well (a backtick, a control
//! character) is not used; a neutral value takes its place.

use crate::ir::{Body, Media, Operation, Param, ParamLocation, Target, TypeDef, TypeKind, TypeRef};
use proc_macro2::Literal;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// rustfmt's default `max_width` and `chain_width`.
const MAX_WIDTH: usize = 100;
const CHAIN_WIDTH: usize = 60;

/// The Markdown of the example section (`# Example` and a fenced doctest). `krate` is the path
/// users name the generated crate by (`datadog_connections`).
pub(crate) fn example_section(
    op: &Operation,
    types: &BTreeMap<String, TypeDef>,
    krate: &str,
) -> String {
    let mut models = BTreeSet::new();
    let mut root_imports = BTreeSet::new();
    let mut params: Vec<String> = Vec::new();
    let mut args: Vec<String> = Vec::new();
    for p in op.params.iter().filter(|p| p.required) {
        params.push(format!("{}: {}", p.name, argument_type(p, &mut models)));
        args.push(p.name.clone());
    }
    if let Some(body) = op.body.as_ref().filter(|b| b.required) {
        params.push(format!(
            "body: {}",
            body_type(body, &mut models, &mut root_imports)
        ));
        args.push("body".to_owned());
    }
    let preview = op.preview.is_some();
    let error = if preview {
        "Box<dyn std::error::Error>"
    } else {
        root_imports.insert("Error");
        "Error"
    };
    if !preview {
        root_imports.insert("Client");
        params.insert(0, "client: &Client".to_owned());
    } else {
        root_imports.insert("ClientBuilder");
    }

    let call = format!("client.{}({})", op.method_name, args.join(", "));
    let setter = optional_setter(op, types, &mut models);
    let mut body = String::new();
    if preview {
        let _ = writeln!(
            body,
            "    // A Preview operation: the client must enable it (credentials come from the environment)."
        );
        body.push_str(&statement(
            "let client = ",
            &[
                "ClientBuilder::from_env()".to_owned(),
                format!(".enable_preview({})", Literal::string(&op.id)),
                ".build()?".to_owned(),
            ],
        ));
    }
    if op.pagination.is_some() {
        // One request, sent for a page and then followed through every page.
        let mut chain = vec![call];
        chain.extend(setter);
        body.push_str(&statement("let request = ", &chain));
        body.push('\n');
        let _ = writeln!(body, "    // The first page.");
        let (binding, usage) = result_usage(op, types, "page");
        let lead = binding.map_or_else(String::new, |name| format!("let {name} = "));
        body.push_str(&statement(
            &lead,
            &[
                "request.clone()".to_owned(),
                ".send()".to_owned(),
                ".await?".to_owned(),
            ],
        ));
        if let Some(usage) = usage {
            let _ = writeln!(body, "    {usage}");
        }
        body.push('\n');
        let _ = writeln!(
            body,
            "    // Every item of every page (`into_stream()` yields them one at a time instead)."
        );
        body.push_str(&statement(
            "let items = ",
            &[
                "request".to_owned(),
                ".collect_all(10_000)".to_owned(),
                ".await?".to_owned(),
            ],
        ));
        let _ = writeln!(body, "    println!(\"{{}} items\", items.len());");
    } else {
        let (binding, usage) = result_usage(op, types, "response");
        let mut chain = vec![call];
        chain.extend(setter);
        chain.push(".send()".to_owned());
        chain.push(".await?".to_owned());
        let lead = binding.map_or_else(String::new, |name| format!("let {name} = "));
        body.push_str(&statement(&lead, &chain));
        if let Some(usage) = usage {
            let _ = writeln!(body, "    {usage}");
        }
    }
    let _ = writeln!(body, "    Ok(())");

    let mut text = String::from("# Example\n\n```no_run\n");
    if !models.is_empty() {
        text.push_str(&use_line(&format!("{krate}::models"), &models));
    }
    text.push_str(&use_line(krate, &root_imports));
    text.push('\n');
    text.push_str(&signature(&params, error));
    text.push_str(&body);
    text.push_str("}\n```");
    text
}

/// `use a::b::{C, D};`, or `use a::b::C;` for one name, wrapped as rustfmt would.
fn use_line<S: AsRef<str>>(path: &str, names: &BTreeSet<S>) -> String {
    let names: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
    if let [one] = names.as_slice() {
        return format!("use {path}::{one};\n");
    }
    let line = format!("use {path}::{{{}}};\n", names.join(", "));
    if line.len() <= MAX_WIDTH + 1 {
        return line;
    }
    // Past the line width, rustfmt fills lines of names indented by four spaces.
    let mut out = format!("use {path}::{{\n");
    let mut current = String::from("   ");
    for name in names {
        if current.len() + 1 + name.len() + 1 > MAX_WIDTH {
            out.push_str(current.trim_end());
            out.push('\n');
            current = String::from("   ");
        }
        current.push(' ');
        current.push_str(name);
        current.push(',');
    }
    out.push_str(&current);
    out.push_str("\n};\n");
    out
}

/// `async fn example(…) -> Result<(), E> {`, its parameters on one line when they fit.
fn signature(params: &[String], error: &str) -> String {
    let one_line = format!(
        "async fn example({}) -> Result<(), {error}> {{\n",
        params.join(", ")
    );
    if one_line.len() <= MAX_WIDTH + 1 {
        return one_line;
    }
    let mut out = String::from("async fn example(\n");
    for p in params {
        let _ = writeln!(out, "    {p},");
    }
    let _ = writeln!(out, ") -> Result<(), {error}> {{");
    out
}

/// A statement `lead` + a method chain, on one line when the chain is short (as rustfmt keeps
/// it), else one call per line.
fn statement(lead: &str, chain: &[String]) -> String {
    let joined = chain.concat();
    if joined.len() <= CHAIN_WIDTH && 4 + lead.len() + joined.len() < MAX_WIDTH {
        return format!("    {lead}{joined};\n");
    }
    let (head, calls) = chain.split_first().map_or(("", &[][..]), |(h, c)| (h, c));
    // `client.method(args)` breaks before the method: `client` alone on the first line.
    let (first, second) = match head.split_once('.') {
        Some((receiver, rest)) if !receiver.contains('(') => (receiver, Some(format!(".{rest}"))),
        _ => (head, None),
    };
    let mut out = format!("    {lead}{first}\n");
    for call in second.iter().chain(calls) {
        out.push_str(&chained_call(call));
    }
    out.truncate(out.trim_end().len());
    out.push_str(";\n");
    out
}

/// One `.call(args)` of a broken chain; past the line width, one argument per line.
fn chained_call(call: &str) -> String {
    let indent = "        ";
    if indent.len() + call.len() <= MAX_WIDTH {
        return format!("{indent}{call}\n");
    }
    let Some((name, args)) = call
        .strip_suffix(')')
        .and_then(|c| c.split_once('('))
        .filter(|(_, args)| !args.is_empty() && !args.contains('"'))
    else {
        return format!("{indent}{call}\n");
    };
    let mut out = format!("{indent}{name}(\n");
    for arg in args.split(", ") {
        let _ = writeln!(out, "{indent}    {arg},");
    }
    let _ = writeln!(out, "{indent})");
    out
}

/// The concrete type the example takes a required parameter as (the method accepts more).
fn argument_type(p: &Param, models: &mut BTreeSet<String>) -> String {
    match (&p.ty, p.location) {
        (TypeRef::String | TypeRef::Uuid, ParamLocation::Path) | (TypeRef::String, _) => {
            "&str".to_owned()
        }
        (ty, _) => type_text(ty, models),
    }
}

/// The type the example takes a required body as.
fn body_type(b: &Body, models: &mut BTreeSet<String>, root: &mut BTreeSet<&str>) -> String {
    match &b.media {
        Media::Json | Media::Form => type_text(&b.ty, models),
        Media::Multipart if !b.parts.is_empty() => type_text(&b.ty, models),
        Media::Text(_) => "String".to_owned(),
        Media::Bytes(_) => "Vec<u8>".to_owned(),
        Media::Multipart => {
            root.insert("Multipart");
            "Multipart".to_owned()
        }
    }
}

/// A type as Rust source, recording the models it names.
fn type_text(ty: &TypeRef, models: &mut BTreeSet<String>) -> String {
    match ty {
        TypeRef::String => "String".to_owned(),
        TypeRef::Uuid => "uuid::Uuid".to_owned(),
        TypeRef::DateTime => "chrono::DateTime<chrono::Utc>".to_owned(),
        TypeRef::Date => "chrono::NaiveDate".to_owned(),
        TypeRef::Bool => "bool".to_owned(),
        TypeRef::I32 => "i32".to_owned(),
        TypeRef::I64 => "i64".to_owned(),
        TypeRef::F32 => "f32".to_owned(),
        TypeRef::F64 => "f64".to_owned(),
        TypeRef::Json => "serde_json::Value".to_owned(),
        TypeRef::Named(name) => {
            models.insert(name.clone());
            name.clone()
        }
        TypeRef::List(inner) => format!("Vec<{}>", type_text(inner, models)),
        TypeRef::Map(inner) => format!(
            "std::collections::BTreeMap<String, {}>",
            type_text(inner, models)
        ),
        TypeRef::Boxed(inner) => format!("Box<{}>", type_text(inner, models)),
        TypeRef::Bytes => "Vec<u8>".to_owned(),
    }
}

/// `.name(value)` for the first optional parameter with a value from the spec (its example or
/// default) that a literal can express; failing that, the first boolean or enum parameter. The
/// position a paginated operation advances itself is left alone.
fn optional_setter(
    op: &Operation,
    types: &BTreeMap<String, TypeDef>,
    models: &mut BTreeSet<String>,
) -> Option<String> {
    let position = match op.pagination.as_ref().map(|p| &p.position) {
        Some(Target::Query(name)) => Some(name.as_str()),
        _ => None,
    };
    let candidates: Vec<&Param> = op
        .params
        .iter()
        .filter(|p| !p.required && !p.deprecated && Some(p.name.as_str()) != position)
        .collect();
    let documented = candidates.iter().find_map(|p| {
        let value = p.example.as_ref().or(p.default.as_ref())?;
        literal(&p.ty, Some(value), types).map(|l| (p, l))
    });
    let (p, (value, import)) = documented.or_else(|| {
        candidates
            .iter()
            .find_map(|p| literal(&p.ty, None, types).map(|l| (p, l)))
    })?;
    if let Some(import) = import {
        models.insert(import);
    }
    Some(format!(".{}({value})", p.name))
}

/// A literal of type `ty` (the setter's argument), from `value` when given; without a value, only
/// `true` and an enum's default (or first) variant. Also returns the model to import.
fn literal(
    ty: &TypeRef,
    value: Option<&Value>,
    types: &BTreeMap<String, TypeDef>,
) -> Option<(String, Option<String>)> {
    let text = match (ty, value) {
        (TypeRef::String, Some(Value::String(s))) => {
            if s.contains('`') || s.chars().any(char::is_control) {
                return None;
            }
            Literal::string(s).to_string()
        }
        (TypeRef::Bool, Some(Value::Bool(b))) => b.to_string(),
        (TypeRef::Bool, None) => "true".to_owned(),
        (TypeRef::I32, Some(v)) => {
            Literal::i32_unsuffixed(i32::try_from(v.as_i64()?).ok()?).to_string()
        }
        (TypeRef::I64, Some(v)) => Literal::i64_unsuffixed(v.as_i64()?).to_string(),
        (TypeRef::F32 | TypeRef::F64, Some(v)) => {
            let f = v.as_f64()?;
            if !f.is_finite() {
                return None;
            }
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{f:.1}")
            } else {
                f.to_string()
            }
        }
        (TypeRef::Named(name), value) => {
            let def = types.get(name)?;
            let TypeKind::Enum(e) = &def.kind else {
                return None;
            };
            let wanted = value.and_then(Value::as_str);
            let variant = match wanted {
                Some(w) => e.variants.iter().find(|v| v.value == w)?,
                None => e
                    .default
                    .as_ref()
                    .and_then(|d| e.variants.iter().find(|v| &v.name == d))
                    .or_else(|| e.variants.first())?,
            };
            return Some((format!("{name}::{}", variant.name), Some(name.clone())));
        }
        _ => return None,
    };
    Some((text, None))
}

/// What the example binds the result to, and the line that uses it; `name` is the binding of a
/// decoded model.
fn result_usage(
    op: &Operation,
    types: &BTreeMap<String, TypeDef>,
    name: &str,
) -> (Option<String>, Option<String>) {
    match &op.success {
        None => (None, None),
        Some(_) if !op.success_by_status.is_empty() => (
            Some(name.to_owned()),
            Some(format!("println!(\"{{{name}:?}}\");")),
        ),
        Some((_, Media::Text(_) | Media::Form)) => (
            Some("text".to_owned()),
            Some("println!(\"{text}\");".to_owned()),
        ),
        Some((_, Media::Bytes(_))) => (
            Some("download".to_owned()),
            Some("println!(\"{} bytes\", download.save(\"download.bin\").await?);".to_owned()),
        ),
        Some((ty, _)) => {
            // A response's `data` is what a reader wants to see; otherwise the whole response.
            let data = match ty {
                TypeRef::Named(model) => match types.get(model).map(|d| &d.kind) {
                    Some(TypeKind::Struct(s)) => {
                        s.fields.iter().any(|f| f.name == "data" && !f.deprecated)
                    }
                    _ => false,
                },
                _ => false,
            };
            let usage = if data {
                format!("println!(\"{{:?}}\", {name}.data);")
            } else {
                format!("println!(\"{{{name}:?}}\");")
            };
            (Some(name.to_owned()), Some(usage))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::literal;
    use crate::ir::TypeRef;
    use serde_json::json;
    use std::collections::BTreeMap;

    #[test]
    fn spec_values_are_literals_or_nothing() {
        let types = BTreeMap::new();
        let text = |ty: &TypeRef, v: serde_json::Value| literal(ty, Some(&v), &types).map(|l| l.0);
        let string = TypeRef::String;
        assert_eq!(text(&string, json!("logs")).as_deref(), Some("\"logs\""));
        // Quotes and backslashes are escaped inside the literal: it stays one string token.
        let breakout = "x\"); std::fs::write(\"PWNED\", \"\"); (\"\\";
        let lit = text(&string, json!(breakout)).unwrap_or_default();
        let parsed: syn::LitStr = syn::parse_str(&lit).unwrap_or_else(|e| panic!("{lit}: {e}"));
        assert_eq!(parsed.value(), breakout);
        // What would not read well in a doc comment is left out.
        assert_eq!(text(&string, json!("a\n```\nrun()")), None);
        assert_eq!(text(&string, json!("`x`")), None);
        // Numbers of the wrong kind or size, and values of the wrong type, are left out.
        assert_eq!(text(&TypeRef::I32, json!(1u64 << 40)), None);
        assert_eq!(text(&TypeRef::I64, json!(-5)).as_deref(), Some("-5"));
        assert_eq!(text(&TypeRef::I64, json!("5")), None);
        assert_eq!(text(&TypeRef::Bool, json!("true")), None);
    }
}
