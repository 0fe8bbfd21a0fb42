// @generated from datadog-connections.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models shared by several operation groups.

/// API error response.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ApiErrorResponse {
    /// A list of errors.
    ///
    /// Example: `["Bad Request"]`
    pub errors: Vec<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl ApiErrorResponse {
    /// Creates a [`ApiErrorResponse`] from its required fields.
    #[inline]
    pub fn new(errors: Vec<String>) -> Self {
        Self {
            errors,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(ApiErrorResponse { errors(required) = "errors" });

openapi_sdk_runtime::deserialize_struct!(
    ApiErrorResponse { errors(required Vec < String >) = "errors" }
);
