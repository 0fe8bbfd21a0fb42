// @generated from spec/datadog-connections.yaml by `cargo xtask generate`. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `team_connections` operations.

/// Reference to a team from an external system.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[non_exhaustive]
pub struct ConnectedTeamRef {
    /// Reference to connected external team.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<ConnectedTeamRefData>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl ConnectedTeamRef {
    /// Creates a [`ConnectedTeamRef`] from its required fields.
    pub fn new() -> Self {
        Self {
            data: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `data`.
    pub fn data(mut self, value: ConnectedTeamRefData) -> Self {
        self.data = Some(value);
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(ConnectedTeamRef { data(optional) = "data" });

/// Reference to connected external team.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct ConnectedTeamRefData {
    /// The connected team ID as it is referenced throughout the Datadog ecosystem.
    ///
    /// Example: `@GitHubOrg/team-handle`
    pub id: String,
    /// External team resource type.
    pub r#type: ConnectedTeamRefDataType,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl ConnectedTeamRefData {
    /// Creates a [`ConnectedTeamRefData`] from its required fields.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            r#type: ConnectedTeamRefDataType::GithubTeam,
            additional_properties: Default::default(),
        }
    }

    /// Sets `type`.
    pub fn r#type(mut self, value: ConnectedTeamRefDataType) -> Self {
        self.r#type = value;
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(
    ConnectedTeamRefData { id(required) = "id", r#type(required) = "type" }
);

/// External team resource type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ConnectedTeamRefDataType {
    /// `github_team`
    #[default]
    GithubTeam,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(String),
}

impl ConnectedTeamRefDataType {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::GithubTeam => "github_team",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for ConnectedTeamRefDataType {
    fn from(value: &str) -> Self {
        match value {
            "github_team" => Self::GithubTeam,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::str::FromStr for ConnectedTeamRefDataType {
    type Err = std::convert::Infallible;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(Self::from(value))
    }
}

impl std::fmt::Display for ConnectedTeamRefDataType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for ConnectedTeamRefDataType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for ConnectedTeamRefDataType {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        openapi_sdk_runtime::serde_support::deserialize_str_enum(deserializer)
    }
}

impl openapi_sdk_runtime::serde_support::Exact for ConnectedTeamRefDataType {
    fn is_exact(&self) -> bool {
        !matches!(self, Self::Unknown(_))
    }
}

/// Page-based pagination metadata.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[non_exhaustive]
pub struct ConnectionsPagePagination {
    /// The first page number.
    ///
    /// Example: `0`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_number: Option<i64>,
    /// The last page number.
    ///
    /// Example: `2`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_number: Option<i64>,
    /// The next page number.
    ///
    /// Example: `2`
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "openapi_sdk_runtime::serde_support::double_option::serialize"
    )]
    pub next_number: Option<Option<i64>>,
    /// The current page number.
    ///
    /// Example: `1`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<i64>,
    /// The previous page number.
    ///
    /// Example: `0`
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "openapi_sdk_runtime::serde_support::double_option::serialize"
    )]
    pub prev_number: Option<Option<i64>>,
    /// The page size.
    ///
    /// Example: `10`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<i64>,
    /// Total connections matching request.
    ///
    /// Example: `25`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
    /// Pagination type.
    ///
    /// Example: `number_size`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl ConnectionsPagePagination {
    /// Creates a [`ConnectionsPagePagination`] from its required fields.
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
    pub fn first_number(mut self, value: i64) -> Self {
        self.first_number = Some(value);
        self
    }

    /// Sets `last_number`.
    pub fn last_number(mut self, value: i64) -> Self {
        self.last_number = Some(value);
        self
    }

    /// Sets `next_number`.
    pub fn next_number(mut self, value: Option<i64>) -> Self {
        self.next_number = Some(value);
        self
    }

    /// Sets `number`.
    pub fn number(mut self, value: i64) -> Self {
        self.number = Some(value);
        self
    }

    /// Sets `prev_number`.
    pub fn prev_number(mut self, value: Option<i64>) -> Self {
        self.prev_number = Some(value);
        self
    }

    /// Sets `size`.
    pub fn size(mut self, value: i64) -> Self {
        self.size = Some(value);
        self
    }

    /// Sets `total`.
    pub fn total(mut self, value: i64) -> Self {
        self.total = Some(value);
        self
    }

    /// Sets `type`.
    pub fn r#type(mut self, value: impl Into<String>) -> Self {
        self.r#type = Some(value.into());
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(
    ConnectionsPagePagination { first_number(optional) = "first_number",
    last_number(optional) = "last_number", next_number(nullable) = "next_number",
    number(optional) = "number", prev_number(nullable) = "prev_number", size(optional) =
    "size", total(optional) = "total", r#type(optional) = "type" }
);

/// Connections response metadata.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[non_exhaustive]
pub struct ConnectionsResponseMeta {
    /// Page-based pagination metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<ConnectionsPagePagination>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl ConnectionsResponseMeta {
    /// Creates a [`ConnectionsResponseMeta`] from its required fields.
    pub fn new() -> Self {
        Self {
            page: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `page`.
    pub fn page(mut self, value: ConnectionsPagePagination) -> Self {
        self.page = Some(value);
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(
    ConnectionsResponseMeta { page(optional) = "page" }
);

/// A relationship between a Datadog team and a team from another external system.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct TeamConnection {
    /// Attributes of the team connection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes: Option<TeamConnectionAttributes>,
    /// The unique identifier of the team connection.
    ///
    /// Example: `12345678-1234-5678-9abc-123456789012`
    pub id: String,
    /// Relationships of the team connection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationships: Option<TeamConnectionRelationships>,
    /// Team connection resource type.
    pub r#type: TeamConnectionType,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl TeamConnection {
    /// Creates a [`TeamConnection`] from its required fields.
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
    pub fn attributes(mut self, value: TeamConnectionAttributes) -> Self {
        self.attributes = Some(value);
        self
    }

    /// Sets `relationships`.
    pub fn relationships(mut self, value: TeamConnectionRelationships) -> Self {
        self.relationships = Some(value);
        self
    }

    /// Sets `type`.
    pub fn r#type(mut self, value: TeamConnectionType) -> Self {
        self.r#type = value;
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(
    TeamConnection { attributes(optional) = "attributes", id(required) = "id",
    relationships(optional) = "relationships", r#type(required) = "type" }
);

/// Attributes of the team connection.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[non_exhaustive]
pub struct TeamConnectionAttributes {
    /// The entity that manages this team connection.
    ///
    /// Example: `github_sync`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub managed_by: Option<String>,
    /// The name of the external source.
    ///
    /// Example: `github`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl TeamConnectionAttributes {
    /// Creates a [`TeamConnectionAttributes`] from its required fields.
    pub fn new() -> Self {
        Self {
            managed_by: None,
            source: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `managed_by`.
    pub fn managed_by(mut self, value: impl Into<String>) -> Self {
        self.managed_by = Some(value.into());
        self
    }

    /// Sets `source`.
    pub fn source(mut self, value: impl Into<String>) -> Self {
        self.source = Some(value.into());
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(
    TeamConnectionAttributes { managed_by(optional) = "managed_by", source(optional) =
    "source" }
);

/// Data for creating a team connection.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[non_exhaustive]
pub struct TeamConnectionCreateData {
    /// Attributes of the team connection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes: Option<TeamConnectionAttributes>,
    /// Relationships of the team connection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationships: Option<TeamConnectionRelationships>,
    /// Team connection resource type.
    pub r#type: TeamConnectionType,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl TeamConnectionCreateData {
    /// Creates a [`TeamConnectionCreateData`] from its required fields.
    pub fn new() -> Self {
        Self {
            attributes: None,
            relationships: None,
            r#type: TeamConnectionType::TeamConnection,
            additional_properties: Default::default(),
        }
    }

    /// Sets `attributes`.
    pub fn attributes(mut self, value: TeamConnectionAttributes) -> Self {
        self.attributes = Some(value);
        self
    }

    /// Sets `relationships`.
    pub fn relationships(mut self, value: TeamConnectionRelationships) -> Self {
        self.relationships = Some(value);
        self
    }

    /// Sets `type`.
    pub fn r#type(mut self, value: TeamConnectionType) -> Self {
        self.r#type = value;
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(
    TeamConnectionCreateData { attributes(optional) = "attributes",
    relationships(optional) = "relationships", r#type(required) = "type" }
);

/// Request for creating team connections.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct TeamConnectionCreateRequest {
    /// Array of team connections to create.
    pub data: Vec<TeamConnectionCreateData>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl TeamConnectionCreateRequest {
    /// Creates a [`TeamConnectionCreateRequest`] from its required fields.
    pub fn new(data: Vec<TeamConnectionCreateData>) -> Self {
        Self {
            data,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::deserialize_struct!(
    TeamConnectionCreateRequest { data(required) = "data" }
);

/// Request for deleting team connections.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct TeamConnectionDeleteRequest {
    /// Array of team connection IDs to delete.
    pub data: Vec<TeamConnectionDeleteRequestDataItem>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl TeamConnectionDeleteRequest {
    /// Creates a [`TeamConnectionDeleteRequest`] from its required fields.
    pub fn new(data: Vec<TeamConnectionDeleteRequestDataItem>) -> Self {
        Self {
            data,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::deserialize_struct!(
    TeamConnectionDeleteRequest { data(required) = "data" }
);

/// A collection of connection ids to delete.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct TeamConnectionDeleteRequestDataItem {
    /// The unique identifier of the team connection to delete.
    ///
    /// Example: `12345678-1234-5678-9abc-123456789012`
    pub id: String,
    /// Team connection resource type.
    pub r#type: TeamConnectionType,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl TeamConnectionDeleteRequestDataItem {
    /// Creates a [`TeamConnectionDeleteRequestDataItem`] from its required fields.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            r#type: TeamConnectionType::TeamConnection,
            additional_properties: Default::default(),
        }
    }

    /// Sets `type`.
    pub fn r#type(mut self, value: TeamConnectionType) -> Self {
        self.r#type = value;
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(
    TeamConnectionDeleteRequestDataItem { id(required) = "id", r#type(required) = "type"
    }
);

/// Relationships of the team connection.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[non_exhaustive]
pub struct TeamConnectionRelationships {
    /// Reference to a team from an external system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connected_team: Option<ConnectedTeamRef>,
    /// Reference to a Datadog team.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<TeamRef>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl TeamConnectionRelationships {
    /// Creates a [`TeamConnectionRelationships`] from its required fields.
    pub fn new() -> Self {
        Self {
            connected_team: None,
            team: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `connected_team`.
    pub fn connected_team(mut self, value: ConnectedTeamRef) -> Self {
        self.connected_team = Some(value);
        self
    }

    /// Sets `team`.
    pub fn team(mut self, value: TeamRef) -> Self {
        self.team = Some(value);
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(
    TeamConnectionRelationships { connected_team(optional) = "connected_team",
    team(optional) = "team" }
);

/// Team connection resource type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum TeamConnectionType {
    /// `team_connection`
    #[default]
    TeamConnection,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(String),
}

impl TeamConnectionType {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::TeamConnection => "team_connection",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for TeamConnectionType {
    fn from(value: &str) -> Self {
        match value {
            "team_connection" => Self::TeamConnection,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::str::FromStr for TeamConnectionType {
    type Err = std::convert::Infallible;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(Self::from(value))
    }
}

impl std::fmt::Display for TeamConnectionType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for TeamConnectionType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for TeamConnectionType {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        openapi_sdk_runtime::serde_support::deserialize_str_enum(deserializer)
    }
}

impl openapi_sdk_runtime::serde_support::Exact for TeamConnectionType {
    fn is_exact(&self) -> bool {
        !matches!(self, Self::Unknown(_))
    }
}

/// Response containing information about multiple team connections.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[non_exhaustive]
pub struct TeamConnectionsResponse {
    /// Array of team connections.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Vec<TeamConnection>>,
    /// Connections response metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<ConnectionsResponseMeta>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl TeamConnectionsResponse {
    /// Creates a [`TeamConnectionsResponse`] from its required fields.
    pub fn new() -> Self {
        Self {
            data: None,
            meta: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `data`.
    pub fn data(mut self, value: Vec<TeamConnection>) -> Self {
        self.data = Some(value);
        self
    }

    /// Sets `meta`.
    pub fn meta(mut self, value: ConnectionsResponseMeta) -> Self {
        self.meta = Some(value);
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(
    TeamConnectionsResponse { data(optional) = "data", meta(optional) = "meta" }
);

/// Reference to a Datadog team.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[non_exhaustive]
pub struct TeamRef {
    /// Reference to a Datadog team.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<TeamRefData>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl TeamRef {
    /// Creates a [`TeamRef`] from its required fields.
    pub fn new() -> Self {
        Self {
            data: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `data`.
    pub fn data(mut self, value: TeamRefData) -> Self {
        self.data = Some(value);
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(TeamRef { data(optional) = "data" });

/// Reference to a Datadog team.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct TeamRefData {
    /// The Datadog team ID.
    ///
    /// Example: `87654321-4321-8765-dcba-210987654321`
    pub id: String,
    /// Datadog team resource type.
    pub r#type: TeamRefDataType,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<
        String,
        openapi_sdk_runtime::serde_support::RawJson,
    >,
}

impl TeamRefData {
    /// Creates a [`TeamRefData`] from its required fields.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            r#type: TeamRefDataType::Team,
            additional_properties: Default::default(),
        }
    }

    /// Sets `type`.
    pub fn r#type(mut self, value: TeamRefDataType) -> Self {
        self.r#type = value;
        self
    }
}

openapi_sdk_runtime::deserialize_struct!(
    TeamRefData { id(required) = "id", r#type(required) = "type" }
);

/// Datadog team resource type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum TeamRefDataType {
    /// `team`
    #[default]
    Team,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(String),
}

impl TeamRefDataType {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Team => "team",
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for TeamRefDataType {
    fn from(value: &str) -> Self {
        match value {
            "team" => Self::Team,
            other => Self::Unknown(other.to_owned()),
        }
    }
}

impl std::str::FromStr for TeamRefDataType {
    type Err = std::convert::Infallible;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(Self::from(value))
    }
}

impl std::fmt::Display for TeamRefDataType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for TeamRefDataType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for TeamRefDataType {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        openapi_sdk_runtime::serde_support::deserialize_str_enum(deserializer)
    }
}

impl openapi_sdk_runtime::serde_support::Exact for TeamRefDataType {
    fn is_exact(&self) -> bool {
        !matches!(self, Self::Unknown(_))
    }
}
