// @generated from datadog-connections.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `team_connections` operations.

/// Reference to a team from an external system.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ConnectedTeamRef {
    /// Reference to connected external team.
    pub data: Option<ConnectedTeamRefData>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl ConnectedTeamRef {
    /// Creates a [`ConnectedTeamRef`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            data: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `data`.
    #[inline]
    pub fn data(mut self, value: ConnectedTeamRefData) -> Self {
        self.data = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(ConnectedTeamRef { data(optional) = "data" });

openapi_sdk_runtime::deserialize_struct!(
    ConnectedTeamRef { data(optional Option < ConnectedTeamRefData >) = "data" }
);

/// Reference to connected external team.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ConnectedTeamRefData {
    /// The connected team ID as it is referenced throughout the Datadog ecosystem.
    ///
    /// Example: `@GitHubOrg/team-handle`
    pub id: String,
    /// External team resource type.
    pub r#type: ConnectedTeamRefDataType,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl ConnectedTeamRefData {
    /// Creates a [`ConnectedTeamRefData`] from its required fields.
    #[inline]
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            r#type: ConnectedTeamRefDataType::GithubTeam,
            additional_properties: Default::default(),
        }
    }

    /// Sets `type`.
    #[inline]
    pub fn r#type(mut self, value: ConnectedTeamRefDataType) -> Self {
        self.r#type = value;
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    ConnectedTeamRefData { id(required) = "id", r#type(required) = "type" }
);

openapi_sdk_runtime::deserialize_struct!(
    ConnectedTeamRefData { id(required String) = "id", r#type(required
    ConnectedTeamRefDataType) = "type" }
);

/// External team resource type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ConnectedTeamRefDataType {
    /// `github_team`
    #[default]
    GithubTeam,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(
    ConnectedTeamRefDataType { GithubTeam = "github_team" }
);

/// Page-based pagination metadata.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ConnectionsPagePagination {
    /// The first page number.
    ///
    /// Example: `0`
    pub first_number: Option<i64>,
    /// The last page number.
    ///
    /// Example: `2`
    pub last_number: Option<i64>,
    /// The next page number.
    ///
    /// Example: `2`
    pub next_number: Option<Option<i64>>,
    /// The current page number.
    ///
    /// Example: `1`
    pub number: Option<i64>,
    /// The previous page number.
    ///
    /// Example: `0`
    pub prev_number: Option<Option<i64>>,
    /// The page size.
    ///
    /// Example: `10`
    pub size: Option<i64>,
    /// Total connections matching request.
    ///
    /// Example: `25`
    pub total: Option<i64>,
    /// Pagination type.
    ///
    /// Example: `number_size`
    pub r#type: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl ConnectionsPagePagination {
    /// Creates a [`ConnectionsPagePagination`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            first_number: None,
            last_number: None,
            next_number: None,
            number: None,
            prev_number: None,
            size: None,
            total: None,
            r#type: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `first_number`.
    #[inline]
    pub fn first_number(mut self, value: i64) -> Self {
        self.first_number = Some(value);
        self
    }

    /// Sets `last_number`.
    #[inline]
    pub fn last_number(mut self, value: i64) -> Self {
        self.last_number = Some(value);
        self
    }

    /// Sets `next_number`.
    #[inline]
    pub fn next_number(mut self, value: Option<i64>) -> Self {
        self.next_number = Some(value);
        self
    }

    /// Sets `number`.
    #[inline]
    pub fn number(mut self, value: i64) -> Self {
        self.number = Some(value);
        self
    }

    /// Sets `prev_number`.
    #[inline]
    pub fn prev_number(mut self, value: Option<i64>) -> Self {
        self.prev_number = Some(value);
        self
    }

    /// Sets `size`.
    #[inline]
    pub fn size(mut self, value: i64) -> Self {
        self.size = Some(value);
        self
    }

    /// Sets `total`.
    #[inline]
    pub fn total(mut self, value: i64) -> Self {
        self.total = Some(value);
        self
    }

    /// Sets `type`.
    #[inline]
    pub fn r#type(mut self, value: impl Into<String>) -> Self {
        self.r#type = Some(value.into());
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    ConnectionsPagePagination { first_number(optional) = "first_number",
    last_number(optional) = "last_number", next_number(nullable) = "next_number",
    number(optional) = "number", prev_number(nullable) = "prev_number", size(optional) =
    "size", total(optional) = "total", r#type(optional) = "type" }
);

openapi_sdk_runtime::deserialize_struct!(
    ConnectionsPagePagination { first_number(optional Option < i64 >) = "first_number",
    last_number(optional Option < i64 >) = "last_number", next_number(nullable Option <
    i64 >) = "next_number", number(optional Option < i64 >) = "number",
    prev_number(nullable Option < i64 >) = "prev_number", size(optional Option < i64 >) =
    "size", total(optional Option < i64 >) = "total", r#type(optional Option < String >)
    = "type" }
);

/// Connections response metadata.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ConnectionsResponseMeta {
    /// Page-based pagination metadata.
    pub page: Option<ConnectionsPagePagination>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl ConnectionsResponseMeta {
    /// Creates a [`ConnectionsResponseMeta`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            page: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `page`.
    #[inline]
    pub fn page(mut self, value: ConnectionsPagePagination) -> Self {
        self.page = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    ConnectionsResponseMeta { page(optional) = "page" }
);

openapi_sdk_runtime::deserialize_struct!(
    ConnectionsResponseMeta { page(optional Option < ConnectionsPagePagination >) =
    "page" }
);

/// A relationship between a Datadog team and a team from another external system.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TeamConnection {
    /// Attributes of the team connection.
    pub attributes: Option<TeamConnectionAttributes>,
    /// The unique identifier of the team connection.
    ///
    /// Example: `12345678-1234-5678-9abc-123456789012`
    pub id: String,
    /// Relationships of the team connection.
    pub relationships: Option<TeamConnectionRelationships>,
    /// Team connection resource type.
    pub r#type: TeamConnectionType,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl TeamConnection {
    /// Creates a [`TeamConnection`] from its required fields.
    #[inline]
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            attributes: None,
            id: id.into(),
            relationships: None,
            r#type: TeamConnectionType::TeamConnection,
            additional_properties: Default::default(),
        }
    }

    /// Sets `attributes`.
    #[inline]
    pub fn attributes(mut self, value: TeamConnectionAttributes) -> Self {
        self.attributes = Some(value);
        self
    }

    /// Sets `relationships`.
    #[inline]
    pub fn relationships(mut self, value: TeamConnectionRelationships) -> Self {
        self.relationships = Some(value);
        self
    }

    /// Sets `type`.
    #[inline]
    pub fn r#type(mut self, value: TeamConnectionType) -> Self {
        self.r#type = value;
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    TeamConnection { attributes(optional) = "attributes", id(required) = "id",
    relationships(optional) = "relationships", r#type(required) = "type" }
);

openapi_sdk_runtime::deserialize_struct!(
    TeamConnection { attributes(optional Option < TeamConnectionAttributes >) =
    "attributes", id(required String) = "id", relationships(optional Option <
    TeamConnectionRelationships >) = "relationships", r#type(required TeamConnectionType)
    = "type" }
);

/// Attributes of the team connection.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct TeamConnectionAttributes {
    /// The entity that manages this team connection.
    ///
    /// Example: `github_sync`
    pub managed_by: Option<String>,
    /// The name of the external source.
    ///
    /// Example: `github`
    pub source: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl TeamConnectionAttributes {
    /// Creates a [`TeamConnectionAttributes`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            managed_by: None,
            source: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `managed_by`.
    #[inline]
    pub fn managed_by(mut self, value: impl Into<String>) -> Self {
        self.managed_by = Some(value.into());
        self
    }

    /// Sets `source`.
    #[inline]
    pub fn source(mut self, value: impl Into<String>) -> Self {
        self.source = Some(value.into());
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    TeamConnectionAttributes { managed_by(optional) = "managed_by", source(optional) =
    "source" }
);

openapi_sdk_runtime::deserialize_struct!(
    TeamConnectionAttributes { managed_by(optional Option < String >) = "managed_by",
    source(optional Option < String >) = "source" }
);

/// Data for creating a team connection.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct TeamConnectionCreateData {
    /// Attributes of the team connection.
    pub attributes: Option<TeamConnectionAttributes>,
    /// Relationships of the team connection.
    pub relationships: Option<TeamConnectionRelationships>,
    /// Team connection resource type.
    pub r#type: TeamConnectionType,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl TeamConnectionCreateData {
    /// Creates a [`TeamConnectionCreateData`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            attributes: None,
            relationships: None,
            r#type: TeamConnectionType::TeamConnection,
            additional_properties: Default::default(),
        }
    }

    /// Sets `attributes`.
    #[inline]
    pub fn attributes(mut self, value: TeamConnectionAttributes) -> Self {
        self.attributes = Some(value);
        self
    }

    /// Sets `relationships`.
    #[inline]
    pub fn relationships(mut self, value: TeamConnectionRelationships) -> Self {
        self.relationships = Some(value);
        self
    }

    /// Sets `type`.
    #[inline]
    pub fn r#type(mut self, value: TeamConnectionType) -> Self {
        self.r#type = value;
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    TeamConnectionCreateData { attributes(optional) = "attributes",
    relationships(optional) = "relationships", r#type(required) = "type" }
);

openapi_sdk_runtime::deserialize_struct!(
    TeamConnectionCreateData { attributes(optional Option < TeamConnectionAttributes >) =
    "attributes", relationships(optional Option < TeamConnectionRelationships >) =
    "relationships", r#type(required TeamConnectionType) = "type" }
);

/// Request for creating team connections.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TeamConnectionCreateRequest {
    /// Array of team connections to create.
    pub data: Vec<TeamConnectionCreateData>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl TeamConnectionCreateRequest {
    /// Creates a [`TeamConnectionCreateRequest`] from its required fields.
    #[inline]
    pub fn new(data: Vec<TeamConnectionCreateData>) -> Self {
        Self {
            data,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(
    TeamConnectionCreateRequest { data(required) = "data" }
);

openapi_sdk_runtime::deserialize_struct!(
    TeamConnectionCreateRequest { data(required Vec < TeamConnectionCreateData >) =
    "data" }
);

/// Request for deleting team connections.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TeamConnectionDeleteRequest {
    /// Array of team connection IDs to delete.
    pub data: Vec<TeamConnectionDeleteRequestDataItem>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl TeamConnectionDeleteRequest {
    /// Creates a [`TeamConnectionDeleteRequest`] from its required fields.
    #[inline]
    pub fn new(data: Vec<TeamConnectionDeleteRequestDataItem>) -> Self {
        Self {
            data,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(
    TeamConnectionDeleteRequest { data(required) = "data" }
);

openapi_sdk_runtime::deserialize_struct!(
    TeamConnectionDeleteRequest { data(required Vec < TeamConnectionDeleteRequestDataItem
    >) = "data" }
);

/// A collection of connection ids to delete.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TeamConnectionDeleteRequestDataItem {
    /// The unique identifier of the team connection to delete.
    ///
    /// Example: `12345678-1234-5678-9abc-123456789012`
    pub id: String,
    /// Team connection resource type.
    pub r#type: TeamConnectionType,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl TeamConnectionDeleteRequestDataItem {
    /// Creates a [`TeamConnectionDeleteRequestDataItem`] from its required fields.
    #[inline]
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            r#type: TeamConnectionType::TeamConnection,
            additional_properties: Default::default(),
        }
    }

    /// Sets `type`.
    #[inline]
    pub fn r#type(mut self, value: TeamConnectionType) -> Self {
        self.r#type = value;
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    TeamConnectionDeleteRequestDataItem { id(required) = "id", r#type(required) = "type"
    }
);

openapi_sdk_runtime::deserialize_struct!(
    TeamConnectionDeleteRequestDataItem { id(required String) = "id", r#type(required
    TeamConnectionType) = "type" }
);

/// Relationships of the team connection.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct TeamConnectionRelationships {
    /// Reference to a team from an external system.
    pub connected_team: Option<ConnectedTeamRef>,
    /// Reference to a Datadog team.
    pub team: Option<TeamRef>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl TeamConnectionRelationships {
    /// Creates a [`TeamConnectionRelationships`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            connected_team: None,
            team: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `connected_team`.
    #[inline]
    pub fn connected_team(mut self, value: ConnectedTeamRef) -> Self {
        self.connected_team = Some(value);
        self
    }

    /// Sets `team`.
    #[inline]
    pub fn team(mut self, value: TeamRef) -> Self {
        self.team = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    TeamConnectionRelationships { connected_team(optional) = "connected_team",
    team(optional) = "team" }
);

openapi_sdk_runtime::deserialize_struct!(
    TeamConnectionRelationships { connected_team(optional Option < ConnectedTeamRef >) =
    "connected_team", team(optional Option < TeamRef >) = "team" }
);

/// Team connection resource type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum TeamConnectionType {
    /// `team_connection`
    #[default]
    TeamConnection,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(
    TeamConnectionType { TeamConnection = "team_connection" }
);

/// Response containing information about multiple team connections.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct TeamConnectionsResponse {
    /// Array of team connections.
    pub data: Option<Vec<TeamConnection>>,
    /// Connections response metadata.
    pub meta: Option<ConnectionsResponseMeta>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl TeamConnectionsResponse {
    /// Creates a [`TeamConnectionsResponse`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            data: None,
            meta: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `data`.
    #[inline]
    pub fn data(mut self, value: Vec<TeamConnection>) -> Self {
        self.data = Some(value);
        self
    }

    /// Sets `meta`.
    #[inline]
    pub fn meta(mut self, value: ConnectionsResponseMeta) -> Self {
        self.meta = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    TeamConnectionsResponse { data(optional) = "data", meta(optional) = "meta" }
);

openapi_sdk_runtime::deserialize_struct!(
    TeamConnectionsResponse { data(optional Option < Vec < TeamConnection > >) = "data",
    meta(optional Option < ConnectionsResponseMeta >) = "meta" }
);

/// Reference to a Datadog team.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct TeamRef {
    /// Reference to a Datadog team.
    pub data: Option<TeamRefData>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl TeamRef {
    /// Creates a [`TeamRef`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            data: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `data`.
    #[inline]
    pub fn data(mut self, value: TeamRefData) -> Self {
        self.data = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(TeamRef { data(optional) = "data" });

openapi_sdk_runtime::deserialize_struct!(
    TeamRef { data(optional Option < TeamRefData >) = "data" }
);

/// Reference to a Datadog team.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TeamRefData {
    /// The Datadog team ID.
    ///
    /// Example: `87654321-4321-8765-dcba-210987654321`
    pub id: String,
    /// Datadog team resource type.
    pub r#type: TeamRefDataType,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl TeamRefData {
    /// Creates a [`TeamRefData`] from its required fields.
    #[inline]
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            r#type: TeamRefDataType::Team,
            additional_properties: Default::default(),
        }
    }

    /// Sets `type`.
    #[inline]
    pub fn r#type(mut self, value: TeamRefDataType) -> Self {
        self.r#type = value;
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    TeamRefData { id(required) = "id", r#type(required) = "type" }
);

openapi_sdk_runtime::deserialize_struct!(
    TeamRefData { id(required String) = "id", r#type(required TeamRefDataType) = "type" }
);

/// Datadog team resource type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum TeamRefDataType {
    /// `team`
    #[default]
    Team,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(TeamRefDataType { Team = "team" });
