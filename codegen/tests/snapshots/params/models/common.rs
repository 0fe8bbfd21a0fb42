// @generated from params.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models shared by several operation groups.

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Color {
    pub r: i64,
    pub g: i64,
    pub b: i64,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl Color {
    /// Creates a [`Color`] from its required fields.
    #[inline]
    pub fn new(r: i64, g: i64, b: i64) -> Self {
        Self {
            r,
            g,
            b,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(
    Color { r(required) = "R", g(required) = "G", b(required) = "B" }
);

openapi_sdk_runtime::deserialize_struct!(
    exact Color { r(required i64) = "R", g(required i64) = "G", b(required i64) = "B" }
);
