// @generated from media.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `media` operations.

/// The body of a successful `StartMediaJob`, which depends on the status.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum StartMediaJobResponse {
    Status200(StartMediaJobResponse200),
    Status202(StartMediaJobResponse202),
    /// A shape none of the variants accepts, kept verbatim so it round-trips.
    Unknown(serde_json::Value),
}

openapi_sdk_runtime::deserialize_union!(
    StartMediaJobResponse { Status200(StartMediaJobResponse200),
    Status202(StartMediaJobResponse202) }
);

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct StartMediaJobResponse200 {
    pub result: String,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl StartMediaJobResponse200 {
    /// Creates a [`StartMediaJobResponse200`] from its required fields.
    #[inline]
    pub fn new(result: impl Into<String>) -> Self {
        Self {
            result: result.into(),
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(
    StartMediaJobResponse200 { result(required) = "result" }
);

openapi_sdk_runtime::deserialize_struct!(
    exact StartMediaJobResponse200 { result(required String) = "result" }
);

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct StartMediaJobResponse202 {
    pub job_id: String,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl StartMediaJobResponse202 {
    /// Creates a [`StartMediaJobResponse202`] from its required fields.
    #[inline]
    pub fn new(job_id: impl Into<String>) -> Self {
        Self {
            job_id: job_id.into(),
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(
    StartMediaJobResponse202 { job_id(required) = "job_id" }
);

openapi_sdk_runtime::deserialize_struct!(
    exact StartMediaJobResponse202 { job_id(required String) = "job_id" }
);

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct UploadMediaSpecBody {
    pub openapi_spec_file: Option<Vec<u8>>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl UploadMediaSpecBody {
    /// Creates a [`UploadMediaSpecBody`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            openapi_spec_file: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `openapi_spec_file`.
    #[inline]
    pub fn openapi_spec_file(mut self, value: Vec<u8>) -> Self {
        self.openapi_spec_file = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    UploadMediaSpecBody { openapi_spec_file(optional) = "openapi_spec_file" }
);

openapi_sdk_runtime::deserialize_struct!(
    UploadMediaSpecBody { openapi_spec_file(optional Option < Vec < u8 > >) =
    "openapi_spec_file" }
);

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct UploadMediaSpecResponse200 {
    pub id: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl UploadMediaSpecResponse200 {
    /// Creates a [`UploadMediaSpecResponse200`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            id: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `id`.
    #[inline]
    pub fn id(mut self, value: impl Into<String>) -> Self {
        self.id = Some(value.into());
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    UploadMediaSpecResponse200 { id(optional) = "id" }
);

openapi_sdk_runtime::deserialize_struct!(
    UploadMediaSpecResponse200 { id(optional Option < String >) = "id" }
);
