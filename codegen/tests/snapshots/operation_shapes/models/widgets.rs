// @generated from operation_shapes.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `widgets` operations.

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct DeleteWidgetPartBody {
    pub reason: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl DeleteWidgetPartBody {
    /// Creates a [`DeleteWidgetPartBody`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            reason: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `reason`.
    #[inline]
    pub fn reason(mut self, value: impl Into<String>) -> Self {
        self.reason = Some(value.into());
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    DeleteWidgetPartBody { reason(optional) = "reason" }
);

openapi_sdk_runtime::deserialize_struct!(
    DeleteWidgetPartBody { reason(optional Option < String >) = "reason" }
);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GetWidgetPartMode {
    /// `fast`
    Fast,
    /// `full`
    Full,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(GetWidgetPartMode { Fast = "fast", Full = "full" });

impl openapi_sdk_runtime::ParamValue for GetWidgetPartMode {
    #[inline]
    fn write_param(&self, out: &mut String) {
        out.push_str(self.as_str());
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct GetWidgetPartResponse200 {
    pub name: Option<String>,
    pub parts: Option<Vec<GetWidgetPartResponse200PartsItem>>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl GetWidgetPartResponse200 {
    /// Creates a [`GetWidgetPartResponse200`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            name: None,
            parts: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `name`.
    #[inline]
    pub fn name(mut self, value: impl Into<String>) -> Self {
        self.name = Some(value.into());
        self
    }

    /// Sets `parts`.
    #[inline]
    pub fn parts(mut self, value: Vec<GetWidgetPartResponse200PartsItem>) -> Self {
        self.parts = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    GetWidgetPartResponse200 { name(optional) = "name", parts(optional) = "parts" }
);

openapi_sdk_runtime::deserialize_struct!(
    GetWidgetPartResponse200 { name(optional Option < String >) = "name", parts(optional
    Option < Vec < GetWidgetPartResponse200PartsItem > >) = "parts" }
);

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct GetWidgetPartResponse200PartsItem {
    pub sku: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl GetWidgetPartResponse200PartsItem {
    /// Creates a [`GetWidgetPartResponse200PartsItem`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            sku: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `sku`.
    #[inline]
    pub fn sku(mut self, value: impl Into<String>) -> Self {
        self.sku = Some(value.into());
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    GetWidgetPartResponse200PartsItem { sku(optional) = "sku" }
);

openapi_sdk_runtime::deserialize_struct!(
    GetWidgetPartResponse200PartsItem { sku(optional Option < String >) = "sku" }
);
