// @generated from auth_servers.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models shared by several operation groups.

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Thing {
    pub id: String,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl Thing {
    /// Creates a [`Thing`] from its required fields.
    #[inline]
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(Thing { id(required) = "id" });

openapi_sdk_runtime::deserialize_struct!(Thing { id(required String) = "id" });
