// @generated from params.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `params` operations.

use super::Color;

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Filter {
    pub name: Option<String>,
    pub range: Option<FilterRange>,
    pub tags: Option<Vec<String>>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl Filter {
    /// Creates a [`Filter`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            name: None,
            range: None,
            tags: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `name`.
    #[inline]
    pub fn name(mut self, value: impl Into<String>) -> Self {
        self.name = Some(value.into());
        self
    }

    /// Sets `range`.
    #[inline]
    pub fn range(mut self, value: FilterRange) -> Self {
        self.range = Some(value);
        self
    }

    /// Sets `tags`.
    #[inline]
    pub fn tags(mut self, value: Vec<String>) -> Self {
        self.tags = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    Filter { name(optional) = "name", range(optional) = "range", tags(optional) = "tags"
    }
);

openapi_sdk_runtime::deserialize_struct!(
    Filter { name(optional Option < String >) = "name", range(optional Option <
    FilterRange >) = "range", tags(optional Option < Vec < String > >) = "tags" }
);

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct FilterRange {
    pub min: Option<i64>,
    pub max: Option<i64>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl FilterRange {
    /// Creates a [`FilterRange`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            min: None,
            max: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `min`.
    #[inline]
    pub fn min(mut self, value: i64) -> Self {
        self.min = Some(value);
        self
    }

    /// Sets `max`.
    #[inline]
    pub fn max(mut self, value: i64) -> Self {
        self.max = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    FilterRange { min(optional) = "min", max(optional) = "max" }
);

openapi_sdk_runtime::deserialize_struct!(
    FilterRange { min(optional Option < i64 >) = "min", max(optional Option < i64 >) =
    "max" }
);

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum NameOrColor {
    String(String),
    Color(Color),
    /// A shape none of the variants accepts, kept as its exact JSON text so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::RawJson),
}

openapi_sdk_runtime::deserialize_union!(NameOrColor { String(String), Color(Color) });

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct QueryDeepPage {
    pub number: Option<i64>,
    pub size: Option<i64>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl QueryDeepPage {
    /// Creates a [`QueryDeepPage`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            number: None,
            size: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `number`.
    #[inline]
    pub fn number(mut self, value: i64) -> Self {
        self.number = Some(value);
        self
    }

    /// Sets `size`.
    #[inline]
    pub fn size(mut self, value: i64) -> Self {
        self.size = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    QueryDeepPage { number(optional) = "number", size(optional) = "size" }
);

openapi_sdk_runtime::deserialize_struct!(
    QueryDeepPage { number(optional Option < i64 >) = "number", size(optional Option <
    i64 >) = "size" }
);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Status {
    /// `active`
    Active,
    /// `inactive`
    Inactive,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(Status { Active = "active", Inactive = "inactive" });

impl openapi_sdk_runtime::ParamValue for Status {
    #[inline]
    fn write_param(&self, out: &mut String) {
        out.push_str(self.as_str());
    }
}
