// @generated from datadog-connections.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `org_connections` operations.

/// An org connection.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OrgConnection {
    /// Org connection attributes.
    pub attributes: OrgConnectionAttributes,
    /// The unique identifier of the org connection.
    ///
    /// Example: `f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a`
    pub id: uuid::Uuid,
    /// Related organizations and user.
    pub relationships: OrgConnectionRelationships,
    /// Org connection type.
    pub r#type: OrgConnectionType,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnection {
    /// Creates a [`OrgConnection`] from its required fields.
    #[inline]
    pub fn new(
        attributes: OrgConnectionAttributes,
        id: uuid::Uuid,
        relationships: OrgConnectionRelationships,
    ) -> Self {
        Self {
            attributes,
            id,
            relationships,
            r#type: OrgConnectionType::OrgConnection,
            additional_properties: Default::default(),
        }
    }

    /// Sets `type`.
    #[inline]
    pub fn r#type(mut self, value: OrgConnectionType) -> Self {
        self.r#type = value;
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnection { attributes(required) = "attributes", id(required) = "id",
    relationships(required) = "relationships", r#type(required) = "type" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnection { attributes(required OrgConnectionAttributes) = "attributes",
    id(required uuid::Uuid) = "id", relationships(required OrgConnectionRelationships) =
    "relationships", r#type(required OrgConnectionType) = "type" }
);

/// Org connection attributes.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OrgConnectionAttributes {
    /// List of connection types.
    ///
    /// Example: `["logs","metrics"]`
    pub connection_types: Vec<OrgConnectionTypeEnum>,
    /// Timestamp when the connection was created.
    ///
    /// Example: `2023-01-01T12:00:00Z`
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionAttributes {
    /// Creates a [`OrgConnectionAttributes`] from its required fields.
    #[inline]
    pub fn new(
        connection_types: Vec<OrgConnectionTypeEnum>,
        created_at: chrono::DateTime<chrono::Utc>,
    ) -> Self {
        Self {
            connection_types,
            created_at,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionAttributes { connection_types(required) = "connection_types",
    created_at(required) = "created_at" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionAttributes { connection_types(required Vec < OrgConnectionTypeEnum >) =
    "connection_types", created_at(required chrono::DateTime < chrono::Utc >) =
    "created_at" }
);

/// Org connection creation data.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OrgConnectionCreate {
    /// Attributes for creating an org connection.
    pub attributes: OrgConnectionCreateAttributes,
    /// Relationships for org connection creation.
    pub relationships: OrgConnectionCreateRelationships,
    /// Org connection type.
    pub r#type: OrgConnectionType,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionCreate {
    /// Creates a [`OrgConnectionCreate`] from its required fields.
    #[inline]
    pub fn new(
        attributes: OrgConnectionCreateAttributes,
        relationships: OrgConnectionCreateRelationships,
    ) -> Self {
        Self {
            attributes,
            relationships,
            r#type: OrgConnectionType::OrgConnection,
            additional_properties: Default::default(),
        }
    }

    /// Sets `type`.
    #[inline]
    pub fn r#type(mut self, value: OrgConnectionType) -> Self {
        self.r#type = value;
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionCreate { attributes(required) = "attributes", relationships(required) =
    "relationships", r#type(required) = "type" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionCreate { attributes(required OrgConnectionCreateAttributes) =
    "attributes", relationships(required OrgConnectionCreateRelationships) =
    "relationships", r#type(required OrgConnectionType) = "type" }
);

/// Attributes for creating an org connection.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OrgConnectionCreateAttributes {
    /// List of connection types to establish.
    ///
    /// Example: `["logs"]`
    pub connection_types: Vec<OrgConnectionTypeEnum>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionCreateAttributes {
    /// Creates a [`OrgConnectionCreateAttributes`] from its required fields.
    #[inline]
    pub fn new(connection_types: Vec<OrgConnectionTypeEnum>) -> Self {
        Self {
            connection_types,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionCreateAttributes { connection_types(required) = "connection_types" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionCreateAttributes { connection_types(required Vec < OrgConnectionTypeEnum
    >) = "connection_types" }
);

/// Relationships for org connection creation.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OrgConnectionCreateRelationships {
    /// Org relationship.
    pub sink_org: OrgConnectionOrgRelationship,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionCreateRelationships {
    /// Creates a [`OrgConnectionCreateRelationships`] from its required fields.
    #[inline]
    pub fn new(sink_org: OrgConnectionOrgRelationship) -> Self {
        Self {
            sink_org,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionCreateRelationships { sink_org(required) = "sink_org" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionCreateRelationships { sink_org(required OrgConnectionOrgRelationship) =
    "sink_org" }
);

/// Request to create an org connection.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OrgConnectionCreateRequest {
    /// Org connection creation data.
    pub data: OrgConnectionCreate,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionCreateRequest {
    /// Creates a [`OrgConnectionCreateRequest`] from its required fields.
    #[inline]
    pub fn new(data: OrgConnectionCreate) -> Self {
        Self {
            data,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionCreateRequest { data(required) = "data" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionCreateRequest { data(required OrgConnectionCreate) = "data" }
);

/// Response containing a list of org connections.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OrgConnectionListResponse {
    /// List of org connections.
    pub data: Vec<OrgConnection>,
    /// Pagination metadata.
    pub meta: Option<OrgConnectionListResponseMeta>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionListResponse {
    /// Creates a [`OrgConnectionListResponse`] from its required fields.
    #[inline]
    pub fn new(data: Vec<OrgConnection>) -> Self {
        Self {
            data,
            meta: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `meta`.
    #[inline]
    pub fn meta(mut self, value: OrgConnectionListResponseMeta) -> Self {
        self.meta = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionListResponse { data(required) = "data", meta(optional) = "meta" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionListResponse { data(required Vec < OrgConnection >) = "data",
    meta(optional Option < OrgConnectionListResponseMeta >) = "meta" }
);

/// Pagination metadata.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct OrgConnectionListResponseMeta {
    /// Page information.
    pub page: Option<OrgConnectionListResponseMetaPage>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionListResponseMeta {
    /// Creates a [`OrgConnectionListResponseMeta`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            page: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `page`.
    #[inline]
    pub fn page(mut self, value: OrgConnectionListResponseMetaPage) -> Self {
        self.page = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionListResponseMeta { page(optional) = "page" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionListResponseMeta { page(optional Option <
    OrgConnectionListResponseMetaPage >) = "page" }
);

/// Page information.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct OrgConnectionListResponseMetaPage {
    /// Total number of org connections.
    ///
    /// Example: `0`
    pub total_count: Option<i64>,
    /// Total number of org connections matching the filter.
    ///
    /// Example: `0`
    pub total_filtered_count: Option<i64>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionListResponseMetaPage {
    /// Creates a [`OrgConnectionListResponseMetaPage`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            total_count: None,
            total_filtered_count: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `total_count`.
    #[inline]
    pub fn total_count(mut self, value: i64) -> Self {
        self.total_count = Some(value);
        self
    }

    /// Sets `total_filtered_count`.
    #[inline]
    pub fn total_filtered_count(mut self, value: i64) -> Self {
        self.total_filtered_count = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionListResponseMetaPage { total_count(optional) = "total_count",
    total_filtered_count(optional) = "total_filtered_count" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionListResponseMetaPage { total_count(optional Option < i64 >) =
    "total_count", total_filtered_count(optional Option < i64 >) = "total_filtered_count"
    }
);

/// Org relationship.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct OrgConnectionOrgRelationship {
    /// The definition of `OrgConnectionOrgRelationshipData` object.
    pub data: Option<OrgConnectionOrgRelationshipData>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionOrgRelationship {
    /// Creates a [`OrgConnectionOrgRelationship`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            data: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `data`.
    #[inline]
    pub fn data(mut self, value: OrgConnectionOrgRelationshipData) -> Self {
        self.data = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionOrgRelationship { data(optional) = "data" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionOrgRelationship { data(optional Option <
    OrgConnectionOrgRelationshipData >) = "data" }
);

/// The definition of `OrgConnectionOrgRelationshipData` object.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct OrgConnectionOrgRelationshipData {
    /// Org UUID.
    ///
    /// Example: `f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a`
    pub id: Option<String>,
    /// Org name.
    ///
    /// Example: `Example Org`
    pub name: Option<String>,
    /// The type of the organization relationship.
    pub r#type: Option<OrgConnectionOrgRelationshipDataType>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionOrgRelationshipData {
    /// Creates a [`OrgConnectionOrgRelationshipData`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            id: None,
            name: None,
            r#type: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `id`.
    #[inline]
    pub fn id(mut self, value: impl Into<String>) -> Self {
        self.id = Some(value.into());
        self
    }

    /// Sets `name`.
    #[inline]
    pub fn name(mut self, value: impl Into<String>) -> Self {
        self.name = Some(value.into());
        self
    }

    /// Sets `type`.
    #[inline]
    pub fn r#type(mut self, value: OrgConnectionOrgRelationshipDataType) -> Self {
        self.r#type = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionOrgRelationshipData { id(optional) = "id", name(optional) = "name",
    r#type(optional) = "type" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionOrgRelationshipData { id(optional Option < String >) = "id",
    name(optional Option < String >) = "name", r#type(optional Option <
    OrgConnectionOrgRelationshipDataType >) = "type" }
);

/// The type of the organization relationship.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum OrgConnectionOrgRelationshipDataType {
    /// `orgs`
    #[default]
    Orgs,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(
    OrgConnectionOrgRelationshipDataType { Orgs = "orgs" }
);

/// Related organizations and user.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct OrgConnectionRelationships {
    /// User relationship.
    pub created_by: Option<OrgConnectionUserRelationship>,
    /// Org relationship.
    pub sink_org: Option<OrgConnectionOrgRelationship>,
    /// Org relationship.
    pub source_org: Option<OrgConnectionOrgRelationship>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionRelationships {
    /// Creates a [`OrgConnectionRelationships`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            created_by: None,
            sink_org: None,
            source_org: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `created_by`.
    #[inline]
    pub fn created_by(mut self, value: OrgConnectionUserRelationship) -> Self {
        self.created_by = Some(value);
        self
    }

    /// Sets `sink_org`.
    #[inline]
    pub fn sink_org(mut self, value: OrgConnectionOrgRelationship) -> Self {
        self.sink_org = Some(value);
        self
    }

    /// Sets `source_org`.
    #[inline]
    pub fn source_org(mut self, value: OrgConnectionOrgRelationship) -> Self {
        self.source_org = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionRelationships { created_by(optional) = "created_by", sink_org(optional)
    = "sink_org", source_org(optional) = "source_org" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionRelationships { created_by(optional Option <
    OrgConnectionUserRelationship >) = "created_by", sink_org(optional Option <
    OrgConnectionOrgRelationship >) = "sink_org", source_org(optional Option <
    OrgConnectionOrgRelationship >) = "source_org" }
);

/// Response containing a single org connection.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OrgConnectionResponse {
    /// An org connection.
    pub data: OrgConnection,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionResponse {
    /// Creates a [`OrgConnectionResponse`] from its required fields.
    #[inline]
    pub fn new(data: OrgConnection) -> Self {
        Self {
            data,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionResponse { data(required) = "data" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionResponse { data(required OrgConnection) = "data" }
);

/// Org connection type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum OrgConnectionType {
    /// `org_connection`
    #[default]
    OrgConnection,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(
    OrgConnectionType { OrgConnection = "org_connection" }
);

/// Available connection types between organizations.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OrgConnectionTypeEnum {
    /// `logs`
    Logs,
    /// `metrics`
    Metrics,
    /// `audit`
    Audit,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(
    OrgConnectionTypeEnum { Logs = "logs", Metrics = "metrics", Audit = "audit" }
);

/// Org connection update data.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OrgConnectionUpdate {
    /// Attributes for updating an org connection.
    pub attributes: OrgConnectionUpdateAttributes,
    /// The unique identifier of the org connection.
    ///
    /// Example: `f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a`
    pub id: uuid::Uuid,
    /// Org connection type.
    pub r#type: OrgConnectionType,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionUpdate {
    /// Creates a [`OrgConnectionUpdate`] from its required fields.
    #[inline]
    pub fn new(attributes: OrgConnectionUpdateAttributes, id: uuid::Uuid) -> Self {
        Self {
            attributes,
            id,
            r#type: OrgConnectionType::OrgConnection,
            additional_properties: Default::default(),
        }
    }

    /// Sets `type`.
    #[inline]
    pub fn r#type(mut self, value: OrgConnectionType) -> Self {
        self.r#type = value;
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionUpdate { attributes(required) = "attributes", id(required) = "id",
    r#type(required) = "type" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionUpdate { attributes(required OrgConnectionUpdateAttributes) =
    "attributes", id(required uuid::Uuid) = "id", r#type(required OrgConnectionType) =
    "type" }
);

/// Attributes for updating an org connection.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OrgConnectionUpdateAttributes {
    /// Updated list of connection types.
    ///
    /// Example: `["logs","metrics"]`
    pub connection_types: Vec<OrgConnectionTypeEnum>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionUpdateAttributes {
    /// Creates a [`OrgConnectionUpdateAttributes`] from its required fields.
    #[inline]
    pub fn new(connection_types: Vec<OrgConnectionTypeEnum>) -> Self {
        Self {
            connection_types,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionUpdateAttributes { connection_types(required) = "connection_types" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionUpdateAttributes { connection_types(required Vec < OrgConnectionTypeEnum
    >) = "connection_types" }
);

/// Request to update an org connection.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OrgConnectionUpdateRequest {
    /// Org connection update data.
    pub data: OrgConnectionUpdate,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionUpdateRequest {
    /// Creates a [`OrgConnectionUpdateRequest`] from its required fields.
    #[inline]
    pub fn new(data: OrgConnectionUpdate) -> Self {
        Self {
            data,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionUpdateRequest { data(required) = "data" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionUpdateRequest { data(required OrgConnectionUpdate) = "data" }
);

/// User relationship.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct OrgConnectionUserRelationship {
    /// The data for a user relationship.
    pub data: Option<OrgConnectionUserRelationshipData>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionUserRelationship {
    /// Creates a [`OrgConnectionUserRelationship`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            data: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `data`.
    #[inline]
    pub fn data(mut self, value: OrgConnectionUserRelationshipData) -> Self {
        self.data = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionUserRelationship { data(optional) = "data" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionUserRelationship { data(optional Option <
    OrgConnectionUserRelationshipData >) = "data" }
);

/// The data for a user relationship.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct OrgConnectionUserRelationshipData {
    /// User UUID.
    ///
    /// Example: `usr123abc456`
    pub id: Option<String>,
    /// User name.
    ///
    /// Example: `John Doe`
    pub name: Option<String>,
    /// The type of the user relationship.
    pub r#type: Option<OrgConnectionUserRelationshipDataType>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl OrgConnectionUserRelationshipData {
    /// Creates a [`OrgConnectionUserRelationshipData`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            id: None,
            name: None,
            r#type: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `id`.
    #[inline]
    pub fn id(mut self, value: impl Into<String>) -> Self {
        self.id = Some(value.into());
        self
    }

    /// Sets `name`.
    #[inline]
    pub fn name(mut self, value: impl Into<String>) -> Self {
        self.name = Some(value.into());
        self
    }

    /// Sets `type`.
    #[inline]
    pub fn r#type(mut self, value: OrgConnectionUserRelationshipDataType) -> Self {
        self.r#type = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    OrgConnectionUserRelationshipData { id(optional) = "id", name(optional) = "name",
    r#type(optional) = "type" }
);

openapi_sdk_runtime::deserialize_struct!(
    OrgConnectionUserRelationshipData { id(optional Option < String >) = "id",
    name(optional Option < String >) = "name", r#type(optional Option <
    OrgConnectionUserRelationshipDataType >) = "type" }
);

/// The type of the user relationship.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum OrgConnectionUserRelationshipDataType {
    /// `users`
    #[default]
    Users,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(
    OrgConnectionUserRelationshipDataType { Users = "users" }
);
