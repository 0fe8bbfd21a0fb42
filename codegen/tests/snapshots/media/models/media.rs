// @generated from media.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `media` operations.

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct DownloadMediaFileResponse404 {
    pub errors: Option<Vec<String>>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl DownloadMediaFileResponse404 {
    /// Creates a [`DownloadMediaFileResponse404`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            errors: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `errors`.
    #[inline]
    pub fn errors(mut self, value: Vec<String>) -> Self {
        self.errors = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    DownloadMediaFileResponse404 { errors(optional) = "errors" }
);

openapi_sdk_runtime::deserialize_struct!(
    DownloadMediaFileResponse404 { errors(optional Option < Vec < String > >) = "errors"
    }
);

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct PutMediaFileResponse200 {
    pub size: Option<i64>,
    pub sha256: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl PutMediaFileResponse200 {
    /// Creates a [`PutMediaFileResponse200`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            size: None,
            sha256: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `size`.
    #[inline]
    pub fn size(mut self, value: i64) -> Self {
        self.size = Some(value);
        self
    }

    /// Sets `sha256`.
    #[inline]
    pub fn sha256(mut self, value: impl Into<String>) -> Self {
        self.sha256 = Some(value.into());
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    PutMediaFileResponse200 { size(optional) = "size", sha256(optional) = "sha256" }
);

openapi_sdk_runtime::deserialize_struct!(
    PutMediaFileResponse200 { size(optional Option < i64 >) = "size", sha256(optional
    Option < String >) = "sha256" }
);

/// The body of a successful `StartMediaJob`, which depends on the status.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum StartMediaJobResponse {
    Status200(StartMediaJobResponse200),
    Status202(StartMediaJobResponse202),
    /// A shape none of the variants accepts, kept as its exact JSON text so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::RawJson),
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

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UploadMediaPhotoBody {
    pub title: Option<String>,
    pub photo: Vec<u8>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl UploadMediaPhotoBody {
    /// Creates a [`UploadMediaPhotoBody`] from its required fields.
    #[inline]
    pub fn new(photo: Vec<u8>) -> Self {
        Self {
            title: None,
            photo,
            additional_properties: Default::default(),
        }
    }

    /// Sets `title`.
    #[inline]
    pub fn title(mut self, value: impl Into<String>) -> Self {
        self.title = Some(value.into());
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    UploadMediaPhotoBody { title(optional) = "title", photo(required) = "photo" }
);

openapi_sdk_runtime::deserialize_struct!(
    UploadMediaPhotoBody { title(optional Option < String >) = "title", photo(required
    Vec < u8 >) = "photo" }
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
