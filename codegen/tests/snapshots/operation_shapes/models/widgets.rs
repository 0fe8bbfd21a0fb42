// @generated from codegen/tests/fixtures/operation_shapes.yaml by `cargo xtask generate`. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `widgets` operations.

#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[non_exhaustive]
pub struct DeleteWidgetPartBody {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl DeleteWidgetPartBody {
    /// Creates a [`DeleteWidgetPartBody`] from its required fields.
    pub fn new() -> Self {
        Self {
            reason: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `reason`.
    pub fn reason(mut self, value: impl Into<String>) -> Self {
        self.reason = Some(value.into());
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(
    DeleteWidgetPartBody { reason(optional) = "reason" }
);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GetWidgetPartMode {
    /// `fast`
    Fast,
    /// `full`
    Full,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(String),
}

impl GetWidgetPartMode {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Fast => "fast",
            Self::Full => "full",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for GetWidgetPartMode {
    fn from(value: &str) -> Self {
        match value {
            "fast" => Self::Fast,
            "full" => Self::Full,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::str::FromStr for GetWidgetPartMode {
    type Err = std::convert::Infallible;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(Self::from(value))
    }
}

impl std::fmt::Display for GetWidgetPartMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for GetWidgetPartMode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for GetWidgetPartMode {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        openapi_sdk_runtime::serde_support::deserialize_str_enum(deserializer)
    }
}

impl openapi_sdk_runtime::serde_support::Exact for GetWidgetPartMode {
    fn is_exact(&self) -> bool {
        !matches!(self, Self::Unknown(_))
    }
}

impl openapi_sdk_runtime::ParamValue for GetWidgetPartMode {
    fn write_param(&self, out: &mut String) {
        out.push_str(self.as_str());
    }
}

#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[non_exhaustive]
pub struct GetWidgetPartResponse200 {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<Vec<GetWidgetPartResponse200PartsItem>>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl GetWidgetPartResponse200 {
    /// Creates a [`GetWidgetPartResponse200`] from its required fields.
    pub fn new() -> Self {
        Self {
            name: None,
            parts: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `name`.
    pub fn name(mut self, value: impl Into<String>) -> Self {
        self.name = Some(value.into());
        self
    }

    /// Sets `parts`.
    pub fn parts(mut self, value: Vec<GetWidgetPartResponse200PartsItem>) -> Self {
        self.parts = Some(value);
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(
    GetWidgetPartResponse200 { name(optional) = "name", parts(optional) = "parts" }
);

#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[non_exhaustive]
pub struct GetWidgetPartResponse200PartsItem {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl GetWidgetPartResponse200PartsItem {
    /// Creates a [`GetWidgetPartResponse200PartsItem`] from its required fields.
    pub fn new() -> Self {
        Self {
            sku: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `sku`.
    pub fn sku(mut self, value: impl Into<String>) -> Self {
        self.sku = Some(value.into());
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(
    GetWidgetPartResponse200PartsItem { sku(optional) = "sku" }
);
