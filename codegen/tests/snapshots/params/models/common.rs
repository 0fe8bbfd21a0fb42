// @generated from codegen/tests/fixtures/params.yaml by `cargo xtask generate`. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models shared by several operation groups.

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct Color {
    #[serde(rename = "R")]
    pub r: i64,
    #[serde(rename = "G")]
    pub g: i64,
    #[serde(rename = "B")]
    pub b: i64,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl Color {
    /// Creates a [`Color`] from its required fields.
    pub fn new(r: i64, g: i64, b: i64) -> Self {
        Self {
            r,
            g,
            b,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::deserialize_struct!(
    Color { r(required) = "R", g(required) = "G", b(required) = "B" }
);
