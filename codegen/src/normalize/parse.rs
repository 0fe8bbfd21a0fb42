//! Text → JSON value: JSON through serde_json, anything else through the YAML parser.
//!
//! Both decode straight into a [`Json`] value through [`Strict`], which turns mapping keys
//! into strings (YAML's `200:` is the key `"200"`) and refuses a key seen twice in one mapping,
//! as a YAML mapping would. Syntax errors keep the parser's line and column.

use super::json::{Json, Map};
use crate::error::Error;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;
use std::fmt;

/// Parses the text of a document. Text that starts with `{` is JSON (so escapes such as surrogate
/// pairs follow JSON's rules); if it is not valid JSON but is valid YAML (a flow mapping), the YAML
/// reading is used. Anything else is YAML.
pub(super) fn parse(text: &str) -> Result<Json, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('{') {
        match parse_json(text) {
            Ok(value) => Ok(value),
            Err(json_error) => parse_yaml(text).map_err(|_| json_error),
        }
    } else {
        parse_yaml(text)
    }
}

fn parse_json(text: &str) -> Result<Json, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    Strict::deserialize(&mut de)
        .and_then(|Strict(value)| de.end().map(|()| value))
        .map_err(|e| Error::Parse {
            pointer: String::new(),
            location: (e.line() > 0).then(|| (e.line(), e.column())),
            message: e.to_string(),
        })
}

fn parse_yaml(text: &str) -> Result<Json, Error> {
    serde_yaml::from_str::<Strict>(text)
        .map(|Strict(value)| value)
        .map_err(|e| Error::Parse {
            pointer: String::new(),
            location: e.location().map(|l| (l.line(), l.column())),
            message: e.to_string(),
        })
}

/// A value decoded from any self-describing format, with string keys and no duplicate keys.
struct Strict(Json);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON-compatible value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }

    /// Infinities and NaN (YAML's `.inf`, `.nan`) have no JSON form: they become `null`, as they
    /// would in any `serde_json::Value`.
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Number::from_f64(v).map_or(Json::Null, Json::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        Strict::deserialize(deserializer).map(|Strict(v)| v)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut object = Map::new();
        while let Some(Key(key)) = map.next_key()? {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format_args!(
                    "duplicate entry with key {key:?}"
                )));
            }
            let Strict(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Json::Object(object))
    }

    /// A YAML tag (`!Thing value`) is dropped: the value is what counts.
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Json, A::Error> {
        use de::VariantAccess;
        let (de::IgnoredAny, variant) = data.variant()?;
        variant.newtype_variant::<Strict>().map(|Strict(v)| v)
    }
}

/// A mapping key as a string: YAML keys that are numbers, booleans or null are written as JSON
/// would quote them (`200`, `true`, `null`).
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KeyVisitor).map(Key)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, number or boolean mapping key")
    }

    fn visit_bool<E>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_i64<E>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_f64<E>(self, v: f64) -> Result<String, E> {
        Ok(Number::from_f64(v).map_or_else(|| v.to_string(), |n| n.to_string()))
    }

    fn visit_str<E>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_unit<E>(self) -> Result<String, E> {
        Ok("null".to_owned())
    }

    fn visit_none<E>(self) -> Result<String, E> {
        Ok("null".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_surrogate_pairs_decode() {
        let value = parse(r#"{"a": "\ud83d\ude00"}"#).unwrap_or_default();
        assert_eq!(value.get("a"), Some(&Json::from("😀")));
    }

    #[test]
    fn yaml_keys_become_strings_in_order() {
        let value = parse("z: 1\n200: ok\ntrue: yes\n~: n\n").unwrap_or_default();
        let keys: Vec<&String> = value
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(keys, ["z", "200", "true", "null"]);
    }

    #[test]
    fn duplicate_keys_are_errors_with_a_location() {
        for text in [
            "a: 1\nb: 2\na: 3\n",
            "200: x\n'200': y\n",
            "{\"a\": 1,\n \"a\": 2}",
        ] {
            let err = parse(text).map(drop).unwrap_err();
            assert!(
                matches!(&err, Error::Parse { location: Some(_), message, .. } if message.contains("duplicate")),
                "{err:?}"
            );
        }
    }

    #[test]
    fn yaml_flow_mapping_is_not_mistaken_for_json() {
        let value = parse("{openapi: 3.0.3, paths: {}}").unwrap_or_default();
        assert_eq!(value.get("openapi"), Some(&Json::from("3.0.3")));
    }

    #[test]
    fn broken_json_reports_the_json_error() {
        let err = parse("{\"a\": [1, 2}").map(drop).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Parse {
                    location: Some((1, _)),
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn yaml_tags_are_dropped() {
        let value = parse("a: !Thing {b: 1}\n").unwrap_or_default();
        assert_eq!(
            value.get("a").and_then(|a| a.get("b")),
            Some(&Json::Number(1.into()))
        );
    }
}
