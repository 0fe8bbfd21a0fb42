// @generated from swagger2_body.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `notes` operations.

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Note {
    pub text: String,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl Note {
    /// Creates a [`Note`] from its required fields.
    #[inline]
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(Note { text(required) = "text" });

openapi_sdk_runtime::deserialize_struct!(Note { text(required String) = "text" });
