//! Serde helpers the generated models use: string enums that keep unknown values, and fields where
//! absent, `null` and a value are three different things.

use serde::de::{self, Deserializer, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// Deserializes a string enum through `From<&str>`, borrowing the input when the format allows, so a
/// known value costs no allocation and an unknown one is kept.
pub fn deserialize_str_enum<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str>,
{
    struct StrVisitor<T>(PhantomData<T>);

    impl<T: for<'a> From<&'a str>> Visitor<'_> for StrVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
            Ok(T::from(value))
        }
    }

    deserializer.deserialize_str(StrVisitor(PhantomData))
}

/// `Option<Option<T>>` for optional nullable fields: absent is `None`, `null` is `Some(None)`, a value
/// is `Some(Some(v))`. Use with `#[serde(default, skip_serializing_if = "Option::is_none", with = ...)]`.
pub mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Writes `null` for `Some(None)` and the value for `Some(Some(v))`.
    pub fn serialize<S: Serializer, T: Serialize>(value: &Option<Option<T>>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(Some(v)) => v.serialize(serializer),
            _ => serializer.serialize_none(),
        }
    }

    /// Called only when the field is present, so `null` becomes `Some(None)`.
    pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(deserializer).map(Some)
    }
}
