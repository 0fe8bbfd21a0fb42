// @generated from names.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `names` operations.

/// Values that are not identifiers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AwkwardValues {
    /// ` `
    Empty,
    /// `1d`
    V1d,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `unknown`
    Unknown2,
    /// `Unknown`
    Unknown3,
    /// `a.b`
    AB,
    /// `a_b`
    AB2,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(
    AwkwardValues { Empty = "", V1d = "1d", Plus = "+", Minus = "-", Unknown2 =
    "unknown", Unknown3 = "Unknown", AB = "a.b", AB2 = "a_b" }
);

/// Collides with AwsAccountId after case conversion; sorted first, so it keeps the name.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct AwsAccountId {
    /// A keyword field.
    pub r#type: Option<String>,
    pub self_: Option<String>,
    pub foo_bar: Option<String>,
    /// Collides with fooBar.
    pub foo_bar2: Option<String>,
    pub other: Option<AwsAccountId2>,
    /// Values that are not identifiers.
    pub kind: Option<AwkwardValues>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl AwsAccountId {
    /// Creates a [`AwsAccountId`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            r#type: None,
            self_: None,
            foo_bar: None,
            foo_bar2: None,
            other: None,
            kind: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `type`.
    #[inline]
    pub fn r#type(mut self, value: impl Into<String>) -> Self {
        self.r#type = Some(value.into());
        self
    }

    /// Sets `self`.
    #[inline]
    pub fn self_(mut self, value: impl Into<String>) -> Self {
        self.self_ = Some(value.into());
        self
    }

    /// Sets `fooBar`.
    #[inline]
    pub fn foo_bar(mut self, value: impl Into<String>) -> Self {
        self.foo_bar = Some(value.into());
        self
    }

    /// Sets `foo_bar`.
    #[inline]
    pub fn foo_bar2(mut self, value: impl Into<String>) -> Self {
        self.foo_bar2 = Some(value.into());
        self
    }

    /// Sets `other`.
    #[inline]
    pub fn other(mut self, value: AwsAccountId2) -> Self {
        self.other = Some(value);
        self
    }

    /// Sets `kind`.
    #[inline]
    pub fn kind(mut self, value: AwkwardValues) -> Self {
        self.kind = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    AwsAccountId { r#type(optional) = "type", self_(optional) = "self", foo_bar(optional)
    = "fooBar", foo_bar2(optional) = "foo_bar", other(optional) = "other", kind(optional)
    = "kind" }
);

openapi_sdk_runtime::deserialize_struct!(
    AwsAccountId { r#type(optional Option < String >) = "type", self_(optional Option <
    String >) = "self", foo_bar(optional Option < String >) = "fooBar", foo_bar2(optional
    Option < String >) = "foo_bar", other(optional Option < AwsAccountId2 >) = "other",
    kind(optional Option < AwkwardValues >) = "kind" }
);

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct AwsAccountId2 {
    pub id: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl AwsAccountId2 {
    /// Creates a [`AwsAccountId2`] from its required fields.
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

openapi_sdk_runtime::serialize_struct!(AwsAccountId2 { id(optional) = "id" });

openapi_sdk_runtime::deserialize_struct!(
    AwsAccountId2 { id(optional Option < String >) = "id" }
);
