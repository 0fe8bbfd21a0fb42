//! One 2.0 schema → 3.0, without looking at its subschemas (the walk visits them after).

use super::params;
use crate::error::Pointer;
use crate::normalize::json::{Json, Map};
use crate::normalize::Record;

/// Rewrites the schema at `at` (a pointer into the normalised document) in place: references to
/// `#/definitions/` point into `components`, `x-nullable` is `nullable`, `type: file` is a binary
/// string (`x-nullable` beside a `$ref` makes an `allOf` of the reference), and a
/// `discriminator` naming a property is a discriminator object.
pub(super) fn convert(schema: &mut Json, at: &Pointer, record: &mut Record) {
    let Json::Object(s) = schema else { return };
    if let Some(Json::String(r)) = s.get_mut("$ref") {
        if let Some(name) = r.strip_prefix("#/definitions/") {
            *r = format!("#/components/schemas/{name}");
        }
    }
    if s.shift_remove("x-nullable") == Some(Json::Bool(true)) {
        // 3.0 ignores a reference's siblings: a nullable reference is an `allOf` of it.
        if let Some(reference) = s.shift_remove("$ref") {
            let member = Json::object([("$ref", reference)]);
            s.insert("allOf".to_owned(), Json::Array(vec![member]));
            record.moved(&at.push("allOf").push("0"), at);
        }
        s.insert("nullable".to_owned(), true.into());
    }
    params::file_to_binary(s);
    if let Some(Json::String(property)) = s.get("discriminator") {
        let mut discriminator = Map::new();
        discriminator.insert("propertyName".to_owned(), property.clone().into());
        s.insert("discriminator".to_owned(), Json::Object(discriminator));
        let at = at.push("discriminator");
        record.moved(&at.push("propertyName"), &at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn refs_nullable_files_and_discriminators() {
        let mut schema = Json::from(json!({"type": "file", "discriminator": "kind"}));
        let mut record = Record::default();
        convert(&mut schema, &Pointer::root().push("s"), &mut record);
        assert_eq!(
            serde_json::Value::from(schema.clone()),
            json!({"type": "string", "format": "binary", "discriminator": {"propertyName": "kind"}})
        );
        assert_eq!(
            record.origins.original("/s/discriminator/propertyName"),
            "/s/discriminator"
        );
        let mut schema = Json::from(json!({"$ref": "#/definitions/Pet", "x-nullable": true}));
        convert(&mut schema, &Pointer::root().push("s"), &mut record);
        assert_eq!(
            serde_json::Value::from(schema.clone()),
            json!({"nullable": true, "allOf": [{"$ref": "#/components/schemas/Pet"}]})
        );
        assert_eq!(record.origins.original("/s/allOf/0/$ref"), "/s/$ref");
    }
}
