// @generated from deep_refs.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `clicks` operations.

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Click {
    pub at: Option<String>,
    pub parent: Option<ClickParent>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl Click {
    /// Creates a [`Click`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            at: None,
            parent: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `at`.
    #[inline]
    pub fn at(mut self, value: impl Into<String>) -> Self {
        self.at = Some(value.into());
        self
    }

    /// Sets `parent`.
    #[inline]
    pub fn parent(mut self, value: ClickParent) -> Self {
        self.parent = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    Click { at(optional) = "at", parent(optional) = "parent" }
);

openapi_sdk_runtime::deserialize_struct!(
    Click { at(optional Option < String >) = "at", parent(optional Option < ClickParent
    >) = "parent" }
);

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ClickParent {
    pub at: Option<String>,
    pub parent: Option<Box<ClickParent>>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl ClickParent {
    /// Creates a [`ClickParent`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            at: None,
            parent: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `at`.
    #[inline]
    pub fn at(mut self, value: impl Into<String>) -> Self {
        self.at = Some(value.into());
        self
    }

    /// Sets `parent`.
    #[inline]
    pub fn parent(mut self, value: Box<ClickParent>) -> Self {
        self.parent = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    ClickParent { at(optional) = "at", parent(optional) = "parent" }
);

openapi_sdk_runtime::deserialize_struct!(
    ClickParent { at(optional Option < String >) = "at", parent(optional Option < Box <
    ClickParent > >) = "parent" }
);

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct V21ClicksGet200Response {
    pub clicks: Option<Vec<Click>>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl V21ClicksGet200Response {
    /// Creates a [`V21ClicksGet200Response`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            clicks: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `clicks`.
    #[inline]
    pub fn clicks(mut self, value: Vec<Click>) -> Self {
        self.clicks = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    V21ClicksGet200Response { clicks(optional) = "clicks" }
);

openapi_sdk_runtime::deserialize_struct!(
    V21ClicksGet200Response { clicks(optional Option < Vec < Click > >) = "clicks" }
);
