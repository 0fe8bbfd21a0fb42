// @generated from deep_refs.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `completions` operations.

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Choice {
    OptionOneNoDisc(OptionOneNoDisc),
    OptionTwo(OptionTwo),
    /// A shape none of the variants accepts, kept as its exact JSON text so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::RawJson),
}

openapi_sdk_runtime::deserialize_union!(
    Choice { OptionOneNoDisc(OptionOneNoDisc), OptionTwo(OptionTwo) } tag "kind" { "one"
    => OptionOneNoDisc, "two" => OptionTwo }
);

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CreateCompletionRequest {
    pub logit_bias: Option<CreateCompletionRequestLogitBias>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl CreateCompletionRequest {
    /// Creates a [`CreateCompletionRequest`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            logit_bias: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `logit_bias`.
    #[inline]
    pub fn logit_bias(mut self, value: CreateCompletionRequestLogitBias) -> Self {
        self.logit_bias = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    CreateCompletionRequest { logit_bias(optional) = "logit_bias" }
);

openapi_sdk_runtime::deserialize_struct!(
    CreateCompletionRequest { logit_bias(optional Option <
    CreateCompletionRequestLogitBias >) = "logit_bias" }
);

pub type CreateCompletionRequestLogitBias = std::collections::BTreeMap<String, i64>;

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct CreateCompletionResponse200 {
    pub bias: Option<CreateCompletionRequestLogitBias>,
    pub choice: Option<Choice>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl CreateCompletionResponse200 {
    /// Creates a [`CreateCompletionResponse200`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            bias: None,
            choice: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `bias`.
    #[inline]
    pub fn bias(mut self, value: CreateCompletionRequestLogitBias) -> Self {
        self.bias = Some(value);
        self
    }

    /// Sets `choice`.
    #[inline]
    pub fn choice(mut self, value: Choice) -> Self {
        self.choice = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    CreateCompletionResponse200 { bias(optional) = "bias", choice(optional) = "choice" }
);

openapi_sdk_runtime::deserialize_struct!(
    CreateCompletionResponse200 { bias(optional Option < CreateCompletionRequestLogitBias
    >) = "bias", choice(optional Option < Choice >) = "choice" }
);

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OptionOneNoDisc {
    pub kind: String,
    pub one: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OptionOneNoDisc {
    /// Creates a [`OptionOneNoDisc`] from its required fields.
    #[inline]
    pub fn new(kind: impl Into<String>) -> Self {
        Self {
            kind: kind.into(),
            one: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `one`.
    #[inline]
    pub fn one(mut self, value: impl Into<String>) -> Self {
        self.one = Some(value.into());
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    OptionOneNoDisc { kind(required) = "kind", one(optional) = "one" }
);

openapi_sdk_runtime::deserialize_struct!(
    exact OptionOneNoDisc { kind(required String) = "kind", one(optional Option < String
    >) = "one" }
);

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OptionTwo {
    pub kind: String,
    pub two: Option<i64>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OptionTwo {
    /// Creates a [`OptionTwo`] from its required fields.
    #[inline]
    pub fn new(kind: impl Into<String>) -> Self {
        Self {
            kind: kind.into(),
            two: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `two`.
    #[inline]
    pub fn two(mut self, value: i64) -> Self {
        self.two = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    OptionTwo { kind(required) = "kind", two(optional) = "two" }
);

openapi_sdk_runtime::deserialize_struct!(
    exact OptionTwo { kind(required String) = "kind", two(optional Option < i64 >) =
    "two" }
);
