// @generated from codegen/tests/fixtures/optionality.yaml by `cargo xtask generate`. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `records` operations.

/// Every optionality and format.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct Record {
    pub id: uuid::Uuid,
    pub kind: RecordKind,
    pub created_at: chrono::DateTime<chrono::Utc>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<chrono::NaiveDate>,
    /// Required but may be null.
    pub maybe_required: Option<i64>,
    /// May be absent
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "openapi_sdk_runtime::serde_support::double_option::serialize"
    )]
    pub maybe_optional: Option<Option<i32>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio: Option<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<std::collections::BTreeMap<String, String>>,
    /// Free-form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra: Option<serde_json::Value>,
    /// No type at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anything: Option<serde_json::Value>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl Record {
    /// Creates a [`Record`] from its required fields.
    pub fn new(
        id: uuid::Uuid,
        created_at: chrono::DateTime<chrono::Utc>,
        maybe_required: Option<i64>,
    ) -> Self {
        Self {
            id,
            kind: RecordKind::Standard,
            created_at,
            day: None,
            maybe_required,
            maybe_optional: None,
            ratio: None,
            score: None,
            enabled: None,
            tags: None,
            labels: None,
            extra: None,
            anything: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `kind`.
    pub fn kind(mut self, value: RecordKind) -> Self {
        self.kind = value;
        self
    }

    /// Sets `day`.
    pub fn day(mut self, value: chrono::NaiveDate) -> Self {
        self.day = Some(value);
        self
    }

    /// Sets `maybe_optional`.
    pub fn maybe_optional(mut self, value: Option<i32>) -> Self {
        self.maybe_optional = Some(value);
        self
    }

    /// Sets `ratio`.
    pub fn ratio(mut self, value: f32) -> Self {
        self.ratio = Some(value);
        self
    }

    /// Sets `score`.
    pub fn score(mut self, value: f64) -> Self {
        self.score = Some(value);
        self
    }

    /// Sets `enabled`.
    pub fn enabled(mut self, value: bool) -> Self {
        self.enabled = Some(value);
        self
    }

    /// Sets `tags`.
    pub fn tags(mut self, value: Vec<String>) -> Self {
        self.tags = Some(value);
        self
    }

    /// Sets `labels`.
    pub fn labels(mut self, value: std::collections::BTreeMap<String, String>) -> Self {
        self.labels = Some(value);
        self
    }

    /// Sets `extra`.
    pub fn extra(mut self, value: serde_json::Value) -> Self {
        self.extra = Some(value);
        self
    }

    /// Sets `anything`.
    pub fn anything(mut self, value: serde_json::Value) -> Self {
        self.anything = Some(value);
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(
    Record { id(required) = "id", kind(required) = "kind", created_at(required) =
    "created_at", day(optional) = "day", maybe_required(required) = "maybe_required",
    maybe_optional(nullable) = "maybe_optional", ratio(optional) = "ratio",
    score(optional) = "score", enabled(optional) = "enabled", tags(optional) = "tags",
    labels(optional) = "labels", extra(optional) = "extra", anything(optional) =
    "anything" }
);

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum RecordKind {
    /// `standard`
    #[default]
    Standard,
    /// `special`
    Special,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(String),
}

impl RecordKind {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Standard => "standard",
            Self::Special => "special",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for RecordKind {
    fn from(value: &str) -> Self {
        match value {
            "standard" => Self::Standard,
            "special" => Self::Special,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::str::FromStr for RecordKind {
    type Err = std::convert::Infallible;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(Self::from(value))
    }
}

impl std::fmt::Display for RecordKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for RecordKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for RecordKind {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        openapi_sdk_runtime::serde_support::deserialize_str_enum(deserializer)
    }
}

impl openapi_sdk_runtime::serde_support::Exact for RecordKind {
    fn is_exact(&self) -> bool {
        !matches!(self, Self::Unknown(_))
    }
}
