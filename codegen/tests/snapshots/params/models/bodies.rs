// @generated from params.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `bodies` operations.

use super::Color;

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Signup {
    pub name: String,
    pub tags: Option<Vec<String>>,
    pub color: Option<Color>,
    pub age: Option<i64>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl Signup {
    /// Creates a [`Signup`] from its required fields.
    #[inline]
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            tags: None,
            color: None,
            age: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `tags`.
    #[inline]
    pub fn tags(mut self, value: Vec<String>) -> Self {
        self.tags = Some(value);
        self
    }

    /// Sets `color`.
    #[inline]
    pub fn color(mut self, value: Color) -> Self {
        self.color = Some(value);
        self
    }

    /// Sets `age`.
    #[inline]
    pub fn age(mut self, value: i64) -> Self {
        self.age = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    Signup { name(required) = "name", tags(optional) = "tags", color(optional) = "color",
    age(optional) = "age" }
);

openapi_sdk_runtime::deserialize_struct!(
    Signup { name(required String) = "name", tags(optional Option < Vec < String > >) =
    "tags", color(optional Option < Color >) = "color", age(optional Option < i64 >) =
    "age" }
);

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct UploadDocumentBody {
    pub title: String,
    pub file: Vec<u8>,
    pub thumbnail: Option<Vec<u8>>,
    pub attachments: Option<Vec<Vec<u8>>>,
    pub meta: Option<Color>,
    pub tags: Option<Vec<String>>,
    pub count: Option<i64>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl UploadDocumentBody {
    /// Creates a [`UploadDocumentBody`] from its required fields.
    #[inline]
    pub fn new(title: impl Into<String>, file: Vec<u8>) -> Self {
        Self {
            title: title.into(),
            file,
            thumbnail: None,
            attachments: None,
            meta: None,
            tags: None,
            count: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `thumbnail`.
    #[inline]
    pub fn thumbnail(mut self, value: Vec<u8>) -> Self {
        self.thumbnail = Some(value);
        self
    }

    /// Sets `attachments`.
    #[inline]
    pub fn attachments(mut self, value: Vec<Vec<u8>>) -> Self {
        self.attachments = Some(value);
        self
    }

    /// Sets `meta`.
    #[inline]
    pub fn meta(mut self, value: Color) -> Self {
        self.meta = Some(value);
        self
    }

    /// Sets `tags`.
    #[inline]
    pub fn tags(mut self, value: Vec<String>) -> Self {
        self.tags = Some(value);
        self
    }

    /// Sets `count`.
    #[inline]
    pub fn count(mut self, value: i64) -> Self {
        self.count = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    UploadDocumentBody { title(required) = "title", file(required) = "file",
    thumbnail(optional) = "thumbnail", attachments(optional) = "attachments",
    meta(optional) = "meta", tags(optional) = "tags", count(optional) = "count" }
);

openapi_sdk_runtime::deserialize_struct!(
    UploadDocumentBody { title(required String) = "title", file(required Vec < u8 >) =
    "file", thumbnail(optional Option < Vec < u8 > >) = "thumbnail", attachments(optional
    Option < Vec < Vec < u8 > > >) = "attachments", meta(optional Option < Color >) =
    "meta", tags(optional Option < Vec < String > >) = "tags", count(optional Option <
    i64 >) = "count" }
);
