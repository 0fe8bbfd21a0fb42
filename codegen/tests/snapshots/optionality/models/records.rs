// @generated from optionality.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `records` operations.

/// Every optionality and format.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Record {
    pub id: uuid::Uuid,
    pub kind: RecordKind,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub day: Option<chrono::NaiveDate>,
    /// Required but may be null.
    pub maybe_required: Option<i64>,
    /// May be absent
    pub maybe_optional: Option<Option<i32>>,
    pub ratio: Option<f32>,
    pub score: Option<f64>,
    pub enabled: Option<bool>,
    pub tags: Option<Vec<String>>,
    pub labels: Option<std::collections::BTreeMap<String, String>>,
    /// Free-form.
    pub extra: Option<serde_json::Value>,
    /// No type at all.
    pub anything: Option<serde_json::Value>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl Record {
    /// Creates a [`Record`] from its required fields.
    #[inline]
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
    #[inline]
    pub fn kind(mut self, value: RecordKind) -> Self {
        self.kind = value;
        self
    }

    /// Sets `day`.
    #[inline]
    pub fn day(mut self, value: chrono::NaiveDate) -> Self {
        self.day = Some(value);
        self
    }

    /// Sets `maybe_optional`.
    #[inline]
    pub fn maybe_optional(mut self, value: Option<i32>) -> Self {
        self.maybe_optional = Some(value);
        self
    }

    /// Sets `ratio`.
    #[inline]
    pub fn ratio(mut self, value: f32) -> Self {
        self.ratio = Some(value);
        self
    }

    /// Sets `score`.
    #[inline]
    pub fn score(mut self, value: f64) -> Self {
        self.score = Some(value);
        self
    }

    /// Sets `enabled`.
    #[inline]
    pub fn enabled(mut self, value: bool) -> Self {
        self.enabled = Some(value);
        self
    }

    /// Sets `tags`.
    #[inline]
    pub fn tags(mut self, value: Vec<String>) -> Self {
        self.tags = Some(value);
        self
    }

    /// Sets `labels`.
    #[inline]
    pub fn labels(mut self, value: std::collections::BTreeMap<String, String>) -> Self {
        self.labels = Some(value);
        self
    }

    /// Sets `extra`.
    #[inline]
    pub fn extra(mut self, value: serde_json::Value) -> Self {
        self.extra = Some(value);
        self
    }

    /// Sets `anything`.
    #[inline]
    pub fn anything(mut self, value: serde_json::Value) -> Self {
        self.anything = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    Record { id(required) = "id", kind(required) = "kind", created_at(required) =
    "created_at", day(optional) = "day", maybe_required(required) = "maybe_required",
    maybe_optional(nullable) = "maybe_optional", ratio(optional) = "ratio",
    score(optional) = "score", enabled(optional) = "enabled", tags(optional) = "tags",
    labels(optional) = "labels", extra(optional) = "extra", anything(optional) =
    "anything" }
);

openapi_sdk_runtime::deserialize_struct!(
    Record { id(required uuid::Uuid) = "id", kind(required RecordKind) = "kind",
    created_at(required chrono::DateTime < chrono::Utc >) = "created_at", day(optional
    Option < chrono::NaiveDate >) = "day", maybe_required(required Option < i64 >) =
    "maybe_required", maybe_optional(nullable Option < i32 >) = "maybe_optional",
    ratio(optional Option < f32 >) = "ratio", score(optional Option < f64 >) = "score",
    enabled(optional Option < bool >) = "enabled", tags(optional Option < Vec < String >
    >) = "tags", labels(optional Option < std::collections::BTreeMap < String, String >
    >) = "labels", extra(optional Option < serde_json::Value >) = "extra",
    anything(optional Option < serde_json::Value >) = "anything" }
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
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(
    RecordKind { Standard = "standard", Special = "special" }
);
