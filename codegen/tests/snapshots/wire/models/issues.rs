// @generated from wire.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `issues` operations.

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Issue {
    /// Assigned by the server.
    ///
    /// Read-only: set by the server, and never sent in a request.
    pub id: Option<i64>,
    pub title: String,
    /// Read-only: set by the server, and never sent in a request.
    pub created_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Sent when creating, never returned.
    ///
    /// Write-only: sent in requests, and not returned in responses.
    pub secret: Option<String>,
    /// Read-only: set by the server, and never sent in a request.
    pub labels: Option<Vec<String>>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl Issue {
    /// Creates a [`Issue`] from its required fields.
    #[inline]
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            id: None,
            title: title.into(),
            created_at: None,
            secret: None,
            labels: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `id`.
    #[inline]
    pub fn id(mut self, value: i64) -> Self {
        self.id = Some(value);
        self
    }

    /// Sets `created_at`.
    #[inline]
    pub fn created_at(mut self, value: chrono::DateTime<chrono::Utc>) -> Self {
        self.created_at = Some(value);
        self
    }

    /// Sets `secret`.
    #[inline]
    pub fn secret(mut self, value: impl Into<String>) -> Self {
        self.secret = Some(value.into());
        self
    }

    /// Sets `labels`.
    #[inline]
    pub fn labels(mut self, value: Vec<String>) -> Self {
        self.labels = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    Issue { title(required) = "title", secret(optional) = "secret" }
);

openapi_sdk_runtime::deserialize_struct!(
    Issue { id(optional Option < i64 >) = "id", title(required String) = "title",
    created_at(optional Option < chrono::DateTime < chrono::Utc > >) = "created_at",
    secret(optional Option < String >) = "secret", labels(optional Option < Vec < String
    > >) = "labels" }
);
