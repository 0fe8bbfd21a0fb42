//! [`Json`]: a JSON value whose objects keep their keys in document order, readable through serde.
//!
//! Why not `serde_json::Value`: it sorts object keys unless serde_json's `preserve_order` feature
//! is on, and Cargo would switch that feature on for every crate built together with the
//! generator, changing how the runtime orders map entries (its tests rely on sorted maps). The
//! generator needs the document's order (struct fields follow the order of `properties`), so this
//! small value keeps it: numbers are `serde_json::Number`, objects an `IndexMap`, and
//! `openapiv3` reads it as it would read a `serde_json::Value`, with the same error messages.

use indexmap::IndexMap;
use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{Deserializer, IntoDeserializer, Visitor};
use serde_json::Number;
use std::fmt;

/// A JSON object in document order.
pub(crate) type Map = IndexMap<String, Json>;

/// A JSON value.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) enum Json {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, in document order.
    Object(Map),
}

impl Json {
    /// An object from `(key, value)` pairs, in that order.
    pub(crate) fn object<'a>(entries: impl IntoIterator<Item = (&'a str, Json)>) -> Json {
        Json::Object(
            entries
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        )
    }

    /// The value of `key`, when this is an object that has it.
    pub(crate) fn get(&self, key: &str) -> Option<&Json> {
        self.as_object().and_then(|o| o.get(key))
    }

    /// The value of `key`, mutably.
    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut Json> {
        self.as_object_mut().and_then(|o| o.get_mut(key))
    }

    pub(crate) fn as_object(&self) -> Option<&Map> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }

    pub(crate) fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Json::Object(o) => Some(o),
            _ => None,
        }
    }

    pub(crate) fn as_array(&self) -> Option<&Vec<Json>> {
        match self {
            Json::Array(a) => Some(a),
            _ => None,
        }
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    /// Whether this is a value of the JSON Schema type `ty` (`integer` is a number without a
    /// fraction as written).
    pub(crate) fn has_type(&self, ty: &str) -> bool {
        match (ty, self) {
            ("null", Json::Null) | ("boolean", Json::Bool(_)) => true,
            ("number", Json::Number(_)) | ("string", Json::String(_)) => true,
            ("array", Json::Array(_)) | ("object", Json::Object(_)) => true,
            ("integer", Json::Number(n)) => !n.is_f64(),
            _ => false,
        }
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Self {
        Json::String(s.to_owned())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Self {
        Json::String(s)
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Self {
        Json::Bool(b)
    }
}

impl From<Json> for serde_json::Value {
    fn from(json: Json) -> Self {
        match json {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => b.into(),
            Json::Number(n) => n.into(),
            Json::String(s) => s.into(),
            Json::Array(a) => a.into_iter().map(serde_json::Value::from).collect(),
            Json::Object(o) => serde_json::Value::Object(
                o.into_iter()
                    .map(|(k, v)| (k, serde_json::Value::from(v)))
                    .collect(),
            ),
        }
    }
}

#[cfg(test)]
impl From<serde_json::Value> for Json {
    fn from(value: serde_json::Value) -> Self {
        match value {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(b),
            serde_json::Value::Number(n) => Json::Number(n),
            serde_json::Value::String(s) => Json::String(s),
            serde_json::Value::Array(a) => Json::Array(a.into_iter().map(Json::from).collect()),
            serde_json::Value::Object(o) => {
                Json::Object(o.into_iter().map(|(k, v)| (k, Json::from(v))).collect())
            }
        }
    }
}

/// Compact JSON text (for messages).
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&serde_json::Value::from(self.clone()), f)
    }
}

impl<'de> Deserializer<'de> for Json {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Json::Null => visitor.visit_unit(),
            Json::Bool(b) => visitor.visit_bool(b),
            Json::Number(n) => n.deserialize_any(visitor),
            Json::String(s) => visitor.visit_string(s),
            Json::Array(items) => {
                let mut seq = SeqDeserializer::<_, serde_json::Error>::new(items.into_iter());
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Json::Object(entries) => {
                let mut map = MapDeserializer::<_, serde_json::Error>::new(entries.into_iter());
                let value = visitor.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Json::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self {
            Json::String(s) => visitor.visit_enum(s.into_deserializer()),
            other => other.deserialize_any(visitor),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de, serde_json::Error> for Json {
    type Deserializer = Json;

    fn into_deserializer(self) -> Json {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[test]
    fn reads_back_like_a_serde_json_value_in_order() {
        let value = json!({"b": [1, -2, 2.5, null, true], "a": {"z": "x", "y": null}});
        let back = serde_json::Value::deserialize(Json::from(value.clone()));
        assert_eq!(back.ok(), Some(value));
        let ordered = Json::object([("z", Json::from("1")), ("a", Json::from("2"))]);
        let map = indexmap::IndexMap::<String, String>::deserialize(ordered).unwrap_or_default();
        assert_eq!(map.keys().collect::<Vec<_>>(), ["z", "a"]);
    }

    #[test]
    fn options_enums_and_errors() {
        #[derive(Deserialize, Debug, PartialEq)]
        #[serde(rename_all = "camelCase")]
        enum Where {
            InQuery,
        }
        #[derive(Deserialize, Debug, PartialEq)]
        struct S {
            a: Option<u8>,
            w: Where,
        }
        let s = S::deserialize(Json::from(json!({"a": null, "w": "inQuery"})));
        assert_eq!(
            s.ok(),
            Some(S {
                a: None,
                w: Where::InQuery
            })
        );
        let err = S::deserialize(Json::from(json!({"a": "x", "w": "inQuery"})));
        let message = err.map(drop).unwrap_err().to_string();
        assert!(message.contains("invalid type: string \"x\""), "{message}");
    }
}
