// @generated from spec/datadog-connections.yaml by `cargo xtask generate`. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models shared by several operation groups.

/// API error response.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct ApiErrorResponse {
    /// A list of errors.
    ///
    /// Example: `["Bad Request"]`
    pub errors: Vec<String>,
}

impl ApiErrorResponse {
    /// Creates a [`ApiErrorResponse`] from its required fields.
    pub fn new(errors: Vec<String>) -> Self {
        Self { errors }
    }
}
