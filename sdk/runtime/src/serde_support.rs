//! Serde helpers the generated models use: string enums that keep unknown values, fields where
//! absent, `null` and a value are three different things, and [`RawJson`], the exact text of
//! properties a model does not know.

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;
use std::fmt;
use std::marker::PhantomData;

pub use crate::additional_properties::AdditionalProperties;
pub use crate::unknown_value::UnknownValue;

/// A JSON value kept exactly as it was received: its text, byte for byte.
///
/// Generated models keep the properties they do not know in `additional_properties` (an
/// [`AdditionalProperties`]) as `RawJson`, so that they are written back unchanged: a number such as
/// `123456789012345678901234567890` or `1e400`, which `serde_json::Value` would round to an `f64`
/// or refuse, stays as it was sent, and decoding does not build a `Value` tree for data nobody
/// reads (it only validates and copies the text).
///
/// ```
/// use openapi_sdk_runtime::serde_support::RawJson;
/// use serde_json::json;
///
/// let raw = RawJson::from_json("123456789012345678901234567890").unwrap();
/// assert_eq!(raw.get(), "123456789012345678901234567890");
/// assert_eq!(serde_json::to_string(&raw).unwrap(), "123456789012345678901234567890");
///
/// // To read one: parse it into any type, or a `serde_json::Value`.
/// let region = RawJson::from(json!({"primary": "us1"}));
/// assert_eq!(region.parse::<serde_json::Value>().unwrap()["primary"], "us1");
/// assert_eq!(region, json!({"primary": "us1"}));
/// ```
#[derive(Clone)]
pub struct RawJson(Box<RawValue>);

impl RawJson {
    /// The JSON text `json`, checked to be one valid JSON value (whitespace around it is kept).
    pub fn from_json(json: impl Into<String>) -> Result<Self, serde_json::Error> {
        RawValue::from_string(json.into()).map(RawJson)
    }

    /// Any serializable value, as JSON text.
    pub fn to_raw<T: Serialize + ?Sized>(value: &T) -> Result<Self, serde_json::Error> {
        serde_json::value::to_raw_value(value).map(RawJson)
    }

    /// The JSON text, exactly as received.
    pub fn get(&self) -> &str {
        self.0.get()
    }

    /// Decodes the value as `T` (a model, a `serde_json::Value`, a number type that holds it).
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.0.get())
    }

    /// The value as a `serde_json::Value` (numbers beyond `f64` are rounded, and one beyond its
    /// range, such as `1e400`, is an error: use [`get`](Self::get) for the exact text).
    pub fn to_value(&self) -> Result<serde_json::Value, serde_json::Error> {
        self.parse()
    }
}

impl From<Box<RawValue>> for RawJson {
    fn from(raw: Box<RawValue>) -> Self {
        RawJson(raw)
    }
}

impl From<serde_json::Value> for RawJson {
    fn from(value: serde_json::Value) -> Self {
        RawJson::from(&value)
    }
}

impl From<&serde_json::Value> for RawJson {
    fn from(value: &serde_json::Value) -> Self {
        // A `Value` always serializes; `null` is an unreachable fallback.
        RawJson::to_raw(value).unwrap_or_else(|_| RawJson(RawValue::NULL.to_owned()))
    }
}

impl PartialEq for RawJson {
    /// The same text, or the same value (`{"a": 1}` equals `{"a":1}`; a number too large for a
    /// `Value` only equals the same text).
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
            || matches!(
                (self.to_value(), other.to_value()),
                (Ok(a), Ok(b)) if a == b
            )
    }
}

impl PartialEq<serde_json::Value> for RawJson {
    fn eq(&self, other: &serde_json::Value) -> bool {
        self.to_value().is_ok_and(|value| &value == other)
    }
}

impl fmt::Debug for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
    }
}

impl fmt::Display for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
    }
}

impl Serialize for RawJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RawJson {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Box::<RawValue>::deserialize(deserializer).map(RawJson)
    }
}

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
    pub fn serialize<S: Serializer, T: Serialize>(
        value: &Option<Option<T>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(Some(v)) => v.serialize(serializer),
            _ => serializer.serialize_none(),
        }
    }

    /// Called only when the field is present, so `null` becomes `Some(None)`.
    pub fn deserialize<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
        deserializer: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(deserializer).map(Some)
    }
}

/// An object key, borrowed from the input when the format allows (serde_json does for keys without
/// escapes), so matching known fields costs no allocation.
#[derive(Debug)]
pub enum Key<'de> {
    /// Borrowed from the input.
    Borrowed(&'de str),
    /// Copied (the input had escapes, or the format cannot lend).
    Owned(String),
}

impl Key<'_> {
    /// The key text.
    pub fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }

    /// The key as an owned string (for unknown properties, which are kept).
    pub fn into_string(self) -> String {
        match self {
            Key::Borrowed(s) => s.to_owned(),
            Key::Owned(s) => s,
        }
    }
}

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }

            fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(value))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(value.to_owned()))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<Key<'de>, E> {
                Ok(Key::Owned(value))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Implements `Deserialize` for a generated model: known properties decode straight into their
/// typed fields (as serde's derive would), and unknown ones are kept as their exact JSON text
/// ([`RawJson`]) in `additional_properties`, so they round-trip unchanged (large numbers included)
/// without every object being buffered. With `exact` before the name, it implements [`Exact`] too,
/// for models a union may decode (only they need it).
///
/// Attributes before the type name (`#[allow(deprecated)]`) go on the generated impls.
/// Each field is `name(kind Type) = "wire"`, where `Type` is what the property decodes as.
/// Kinds: `required` (absent is an error; a nullable required field is an `Option<T>`),
/// `optional` (`Option<T>`: absent or `null` is `None`), `nullable` (`Option<Option<T>>`, the
/// property decoded as `Option<T>`: absent is `None`, `null` is `Some(None)`).
///
/// The expansion is deliberately small, since a generated crate may hold thousands of models:
/// the per-field work lives in [`model::field`] and [`model::required`], and the map loop in
/// [`model::Visitor`], all generic and inlined away in optimised builds.
#[macro_export]
macro_rules! deserialize_struct {
    ($(#[$attr:meta])* exact $name:ident { $( $field:ident ($kind:ident $ty:ty) = $wire:literal ),* $(,)? }) => {
        $crate::deserialize_struct!($(#[$attr])* $name { $( $field ($kind $ty) = $wire ),* });

        $(#[$attr])*
        impl $crate::serde_support::Exact for $name {
            #[inline]
            fn is_exact(&self) -> bool {
                self.additional_properties.is_empty() $( && $crate::serde_support::Exact::is_exact(&self.$field) )*
            }
        }
    };
    ($(#[$attr:meta])* $name:ident { $( $field:ident ($kind:ident $ty:ty) = $wire:literal ),* $(,)? }) => {
        $(#[$attr])*
        impl<'de> $crate::serde::Deserialize<'de> for $name {
            fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: $crate::serde::Deserializer<'de>,
            {
                $crate::serde_support::model::deserialize(deserializer)
            }
        }

        $(#[$attr])*
        impl<'de> $crate::serde_support::model::Decode<'de> for $name {
            const NAME: &'static str = ::core::stringify!($name);

            #[inline]
            fn visit_map<__A>(mut map: __A) -> ::core::result::Result<Self, __A::Error>
            where
                __A: $crate::serde::de::MapAccess<'de>,
            {
                $( let mut $field: ::core::option::Option<$ty> = ::core::option::Option::None; )*
                let mut additional = $crate::serde_support::AdditionalProperties::new();
                while let ::core::option::Option::Some(key) =
                    map.next_key::<$crate::serde_support::Key<'de>>()?
                {
                    match key.as_str() {
                        $( $wire => $crate::serde_support::model::field(&mut map, &mut $field, $wire)?, )*
                        _ => $crate::serde_support::model::unknown(&mut map, key, &mut additional)?,
                    }
                }
                ::core::result::Result::Ok($name {
                    $( $field: $crate::deserialize_struct!(@finish $kind $field $wire), )*
                    additional_properties: additional,
                })
            }
        }

    };
    (@finish required $field:ident $wire:literal) => {
        $crate::serde_support::model::required($field, $wire)?
    };
    (@finish optional $field:ident $wire:literal) => {
        $field.unwrap_or_default()
    };
    (@finish nullable $field:ident $wire:literal) => {
        $field
    };
}

/// Implements a generated string enum's conversions: `as_str` (the value as sent on the wire),
/// `From<&str>` and `FromStr` (a value it does not know becomes `Unknown`, so parsing never fails),
/// `Display`, `Serialize` and `Deserialize` (through [`deserialize_str_enum`], which borrows the
/// input, so a known value costs no allocation).
///
/// The enum is declared in full by the generated code, with its docs and an
/// `Unknown(`[`UnknownValue`]`)` variant; each known variant is `Variant = "wire"`. Written once
/// here rather than five impls per enum, since a generated crate may hold a thousand enums.
///
/// ```
/// #[derive(Debug, Clone, PartialEq, Eq, Hash)]
/// pub enum Kind {
///     Logs,
///     Metrics,
///     Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
/// }
///
/// openapi_sdk_runtime::string_enum!(Kind { Logs = "logs", Metrics = "metrics" });
///
/// assert_eq!(Kind::from("metrics"), Kind::Metrics);
/// assert_eq!("apm".parse::<Kind>().unwrap().as_str(), "apm");
/// assert_eq!(Kind::Logs.to_string(), "logs");
/// assert_eq!(serde_json::to_string(&Kind::Metrics).unwrap(), r#""metrics""#);
/// let unknown: Kind = serde_json::from_str(r#""traces""#).unwrap();
/// assert!(matches!(&unknown, Kind::Unknown(value) if value == "traces"));
/// ```
#[macro_export]
macro_rules! string_enum {
    ($name:ident { $( $variant:ident = $wire:literal ),* $(,)? }) => {
        impl $name {
            /// The value as sent on the wire.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Unknown(value) => value.as_str(),
                }
            }
        }

        impl ::core::convert::From<&str> for $name {
            #[inline]
            fn from(value: &str) -> Self {
                match value {
                    $( $wire => Self::$variant, )*
                    other => Self::Unknown(::core::convert::From::from(other)),
                }
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::core::convert::Infallible;

            #[inline]
            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(<Self as ::core::convert::From<&str>>::from(value))
            }
        }

        impl ::core::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::serde::Serialize for $name {
            fn serialize<__S>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: $crate::serde::Serializer,
            {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::serde::Deserialize<'de> for $name {
            fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: $crate::serde::Deserializer<'de>,
            {
                $crate::serde_support::deserialize_str_enum(deserializer)
            }
        }
    };
}

/// Implements `Serialize` for a generated model: its properties in declaration order, then the
/// unknown ones it kept (as serde's derive does with `#[serde(flatten)]`), as one map.
///
/// Attributes before the type name (`#[allow(deprecated)]`) go on the generated impl. Each field
/// is `name(kind) = "wire"`. Kinds: `required` (always written; a nullable required field's `None`
/// is `null`), `optional` (`Option<T>`: `None` is left out), `nullable` (`Option<Option<T>>`:
/// `None` is left out, `Some(None)` is `null`).
#[macro_export]
macro_rules! serialize_struct {
    ($(#[$attr:meta])* $name:ident { $( $field:ident ($kind:ident) = $wire:literal ),* $(,)? }) => {
        $(#[$attr])*
        impl $crate::serde::Serialize for $name {
            fn serialize<__S>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: $crate::serde::Serializer,
            {
                let mut map = $crate::serde::Serializer::serialize_map(serializer, ::core::option::Option::None)?;
                $( $crate::serde_support::model::write::$kind(&mut map, $wire, &self.$field)?; )*
                $crate::serde_support::model::write::additional(&mut map, &*self.additional_properties)?;
                $crate::serde::ser::SerializeMap::end(map)
            }
        }
    };
}

/// What the [`deserialize_struct!`] and [`serialize_struct!`] expansions call: the per-field steps
/// of decoding and encoding a model, written once. Not meant to be called by hand.
pub mod model {
    use super::{Key, RawJson};
    use serde::de::{self, MapAccess};
    use serde::{Deserialize, Deserializer};
    use std::fmt;
    use std::marker::PhantomData;

    /// A model's decoding from a map, which [`deserialize_struct!`] implements.
    pub trait Decode<'de>: Sized {
        /// The model's name, for "expected a … object" errors.
        const NAME: &'static str;

        /// Reads the model's properties from `map`.
        fn visit_map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
    }

    /// `T::deserialize`: asks for a map and reads it with [`Decode::visit_map`].
    #[inline]
    pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: Decode<'de>,
    {
        deserializer.deserialize_map(Visitor(PhantomData))
    }

    /// The one map visitor of every model.
    #[derive(Debug)]
    pub struct Visitor<T>(PhantomData<fn() -> T>);

    impl<'de, T: Decode<'de>> de::Visitor<'de> for Visitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a {} object", T::NAME)
        }

        #[inline]
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::visit_map(map)
        }
    }

    /// Decodes a known property's value into its slot (a property given twice is an error).
    #[inline]
    pub fn field<'de, A, T>(
        map: &mut A,
        slot: &mut Option<T>,
        wire: &'static str,
    ) -> Result<(), A::Error>
    where
        A: MapAccess<'de>,
        T: Deserialize<'de>,
    {
        if slot.is_some() {
            return Err(<A::Error as de::Error>::duplicate_field(wire));
        }
        *slot = Some(map.next_value()?);
        Ok(())
    }

    /// Keeps an unknown property as its exact JSON text.
    #[inline]
    pub fn unknown<'de, A: MapAccess<'de>>(
        map: &mut A,
        key: Key<'de>,
        additional: &mut super::AdditionalProperties,
    ) -> Result<(), A::Error> {
        let value = map.next_value::<RawJson>()?;
        additional.insert(key.into_string(), value);
        Ok(())
    }

    /// A required property's value, or the error that it is missing.
    #[inline]
    pub fn required<T, E: de::Error>(slot: Option<T>, wire: &'static str) -> Result<T, E> {
        match slot {
            Some(value) => Ok(value),
            None => Err(E::missing_field(wire)),
        }
    }

    /// The encoding steps of [`serialize_struct!`], one per field kind.
    pub mod write {
        use super::super::double_option;
        use serde::ser::SerializeMap;
        use serde::{Serialize, Serializer};
        use std::collections::BTreeMap;

        /// Writes a property that is always present.
        #[inline]
        pub fn required<M: SerializeMap, T: Serialize + ?Sized>(
            map: &mut M,
            wire: &'static str,
            value: &T,
        ) -> Result<(), M::Error> {
            map.serialize_entry(wire, value)
        }

        /// Writes an optional property, unless it is `None`.
        #[inline]
        pub fn optional<M: SerializeMap, T: Serialize>(
            map: &mut M,
            wire: &'static str,
            value: &Option<T>,
        ) -> Result<(), M::Error> {
            match value {
                Some(_) => map.serialize_entry(wire, value),
                None => Ok(()),
            }
        }

        /// Writes an optional nullable property, unless it is `None`: `Some(None)` is `null`.
        #[inline]
        pub fn nullable<M: SerializeMap, T: Serialize>(
            map: &mut M,
            wire: &'static str,
            value: &Option<Option<T>>,
        ) -> Result<(), M::Error> {
            struct Nullable<'a, T>(&'a Option<Option<T>>);

            impl<T: Serialize> Serialize for Nullable<'_, T> {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    double_option::serialize(self.0, serializer)
                }
            }

            match value {
                Some(_) => map.serialize_entry(wire, &Nullable(value)),
                None => Ok(()),
            }
        }

        /// Writes the properties the model kept but does not know, after its own.
        #[inline]
        pub fn additional<M: SerializeMap, V: Serialize>(
            map: &mut M,
            values: &BTreeMap<String, V>,
        ) -> Result<(), M::Error> {
            for (key, value) in values {
                map.serialize_entry(key, value)?;
            }
            Ok(())
        }
    }
}

/// Whether a decoded value matched its schema exactly: no unknown enum values, no unknown
/// properties, no unknown union shapes anywhere inside. Unions use it to prefer the variant that
/// explains the whole input over one that merely tolerates it.
pub trait Exact {
    /// `true` when nothing was kept as "unknown" while decoding.
    fn is_exact(&self) -> bool;
}

macro_rules! always_exact {
    ($($ty:ty),*) => {$(
        impl Exact for $ty {
            fn is_exact(&self) -> bool {
                true
            }
        }
    )*};
}

always_exact!(
    bool,
    u8,
    i32,
    i64,
    f32,
    f64,
    String,
    uuid::Uuid,
    chrono::DateTime<chrono::Utc>,
    chrono::NaiveDate,
    serde_json::Value,
    RawJson
);

impl<T: Exact> Exact for Option<T> {
    fn is_exact(&self) -> bool {
        self.as_ref().is_none_or(Exact::is_exact)
    }
}

impl<T: Exact> Exact for Vec<T> {
    fn is_exact(&self) -> bool {
        self.iter().all(Exact::is_exact)
    }
}

impl<T: Exact + ?Sized> Exact for Box<T> {
    fn is_exact(&self) -> bool {
        (**self).is_exact()
    }
}

impl<T: Exact> Exact for std::collections::BTreeMap<String, T> {
    fn is_exact(&self) -> bool {
        self.values().all(Exact::is_exact)
    }
}

/// The string value of a union's discriminator property `property`, if `raw` is an object that
/// has one; what [`deserialize_union!`] reads to choose a variant. Other members are skipped as
/// text, never decoded into numbers.
#[doc(hidden)]
pub fn union_tag(raw: &RawValue, property: &str) -> Option<String> {
    let members =
        serde_json::from_str::<std::collections::BTreeMap<String, &RawValue>>(raw.get()).ok()?;
    serde_json::from_str::<String>(members.get(property)?.get()).ok()
}

/// Implements `Deserialize` (and [`Exact`]) for a generated `oneOf`/`anyOf` enum.
///
/// The input is read once as its exact JSON text (a [`RawValue`], so no number is rounded); with
/// a discriminator whose value maps to a variant, that variant decodes it (its errors are
/// reported). Otherwise each variant is tried in spec order, from the text, and the first that
/// decodes *exactly* wins; failing that, the first that decodes at all; failing that, the input
/// is kept verbatim in `Unknown` (a [`RawJson`]), so it is written back byte for byte.
#[macro_export]
macro_rules! deserialize_union {
    ($name:ident { $( $variant:ident($ty:ty) ),* $(,)? } $( tag $prop:literal { $( $value:literal => $tagged:ident ),* $(,)? } )?) => {
        impl<'de> $crate::serde::Deserialize<'de> for $name {
            fn deserialize<__D>(deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: $crate::serde::Deserializer<'de>,
            {
                use $crate::serde::de::Error as _;
                let raw = <::std::boxed::Box<$crate::serde_json::value::RawValue> as $crate::serde::Deserialize>::deserialize(deserializer)?;
                #[allow(unused_mut, unused_assignments)]
                let mut preferred: ::core::option::Option<&'static str> = ::core::option::Option::None;
                $(
                    if let ::core::option::Option::Some(tag) = $crate::serde_support::union_tag(&raw, $prop) {
                        preferred = match tag.as_str() {
                            $( $value => ::core::option::Option::Some(stringify!($tagged)), )*
                            _ => ::core::option::Option::None,
                        };
                    }
                )?
                let mut fallback: ::core::option::Option<$name> = ::core::option::Option::None;
                $(
                    if preferred.is_none() || preferred == ::core::option::Option::Some(stringify!($variant)) {
                        match $crate::serde_json::from_str::<$ty>(raw.get()) {
                            ::core::result::Result::Ok(decoded) => {
                                if preferred.is_some() || $crate::serde_support::Exact::is_exact(&decoded) {
                                    return ::core::result::Result::Ok($name::$variant(decoded));
                                }
                                if fallback.is_none() {
                                    fallback = ::core::option::Option::Some($name::$variant(decoded));
                                }
                            }
                            ::core::result::Result::Err(e) if preferred.is_some() => return ::core::result::Result::Err(__D::Error::custom(e)),
                            ::core::result::Result::Err(_) => {}
                        }
                    }
                )*
                ::core::result::Result::Ok(fallback.unwrap_or_else(|| $name::Unknown($crate::serde_support::RawJson::from(raw))))
            }
        }

        impl $crate::serde_support::Exact for $name {
            #[inline]
            fn is_exact(&self) -> bool {
                match self {
                    $( $name::$variant(v) => $crate::serde_support::Exact::is_exact(v), )*
                    $name::Unknown(_) => false,
                }
            }
        }
    };
}
