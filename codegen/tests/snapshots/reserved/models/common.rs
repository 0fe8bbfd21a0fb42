// @generated from reserved.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models shared by several operation groups.

/// Its member `ChoiceSelf` would give a variant named `Self`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Choice {
    SelfValue(ChoiceSelf),
    OptionModel(OptionModel),
    String(String),
    /// A shape none of the variants accepts, kept as its exact JSON text so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::RawJson),
}

openapi_sdk_runtime::deserialize_union!(
    Choice { SelfValue(ChoiceSelf), OptionModel(OptionModel), String(String) }
);

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ChoiceSelf {
    pub me: bool,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl ChoiceSelf {
    /// Creates a [`ChoiceSelf`] from its required fields.
    #[inline]
    pub fn new(me: bool) -> Self {
        Self {
            me,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(ChoiceSelf { me(required) = "me" });

openapi_sdk_runtime::deserialize_struct!(exact ChoiceSelf { me(required bool) = "me" });

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct OptionModel {
    pub some: Option<bool>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OptionModel {
    /// Creates a [`OptionModel`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            some: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `some`.
    #[inline]
    pub fn some(mut self, value: bool) -> Self {
        self.some = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(OptionModel { some(optional) = "some" });

openapi_sdk_runtime::deserialize_struct!(
    exact OptionModel { some(optional Option < bool >) = "some" }
);

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ResultModel {
    pub ok: Option<bool>,
    pub err: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl ResultModel {
    /// Creates a [`ResultModel`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            ok: None,
            err: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `ok`.
    #[inline]
    pub fn ok(mut self, value: bool) -> Self {
        self.ok = Some(value);
        self
    }

    /// Sets `err`.
    #[inline]
    pub fn err(mut self, value: impl Into<String>) -> Self {
        self.err = Some(value.into());
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    ResultModel { ok(optional) = "ok", err(optional) = "err" }
);

openapi_sdk_runtime::deserialize_struct!(
    ResultModel { ok(optional Option < bool >) = "ok", err(optional Option < String >) =
    "err" }
);

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct StringModel {
    pub value: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl StringModel {
    /// Creates a [`StringModel`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            value: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `value`.
    #[inline]
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }
}

openapi_sdk_runtime::serialize_struct!(StringModel { value(optional) = "value" });

openapi_sdk_runtime::deserialize_struct!(
    StringModel { value(optional Option < String >) = "value" }
);

pub type VecModel = Vec<StringModel>;
