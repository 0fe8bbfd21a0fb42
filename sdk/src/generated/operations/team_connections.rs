// @generated from datadog-connections.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Team Connections".
//!
//! View and manage relationships between Datadog teams and teams from external sources, such as GitHub.

use super::super::models::{
    TeamConnection, TeamConnectionCreateRequest, TeamConnectionDeleteRequest,
    TeamConnectionsResponse,
};
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// List team connections
    ///
    /// Returns all team connections. This endpoint requires the `teams_read` permission.
    ///
    /// OAuth apps require the `teams_read` authorization scope to access this endpoint.
    ///
    /// `GET /api/v2/team/connections` (operation `ListTeamConnections`).
    ///
    /// **Preview.** **Note**: This endpoint is in Preview. To request access, fill out this [form](https://www.datadoghq.com/product-preview/github-integration-for-teams/).
    /// If you have any feedback, contact [Datadog support](https://docs.datadoghq.com/help/).
    ///
    /// This operation must be enabled first with `ClientBuilder::enable_preview("ListTeamConnections")` (or `enable_all_previews()`); otherwise it fails with `Error::PreviewNotEnabled` without sending anything.
    ///
    /// Paginated by `page[size]`, `page[number]`: the request's `into_stream()`, `pages()` and `collect_all(max)` page through every result.
    ///
    /// Authentication: `apiKeyAuth` + `appKeyAuth`, or `AuthZ`.
    ///
    /// Permission: `teams_read`. OAuth scope: `teams_read`.
    ///
    /// # Errors
    ///
    /// Returns `Error::Api` for these documented statuses (and any other non-2xx status):
    ///
    /// - `400`: Bad Request
    /// - `403`: Forbidden
    /// - `429`: Too many requests
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::ClientBuilder;
    ///
    /// async fn example() -> Result<(), Box<dyn std::error::Error>> {
    ///     // A Preview operation: the client must enable it (credentials come from the environment).
    ///     let client = ClientBuilder::from_env()
    ///         .enable_preview("ListTeamConnections")
    ///         .build()?;
    ///     let request = client.list_team_connections().page_size(10);
    ///
    ///     // The first page.
    ///     let page = request.clone().send().await?;
    ///     println!("{:?}", page.data);
    ///
    ///     // Every item of every page (`into_stream()` yields them one at a time instead).
    ///     let items = request.collect_all(10_000).await?;
    ///     println!("{} items", items.len());
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn list_team_connections(&self) -> ListTeamConnectionsRequest {
        ListTeamConnectionsRequest {
            client: self.clone(),
            page_size: None,
            page_number: None,
            filter_sources: None,
            filter_team_ids: None,
            filter_connected_team_ids: None,
            filter_connection_ids: None,
            options: Default::default(),
        }
    }

    /// Create team connections
    ///
    /// Create multiple team connections. This endpoint requires the `teams_read` permission.
    ///
    /// OAuth apps require the `teams_read` authorization scope to access this endpoint.
    ///
    /// `POST /api/v2/team/connections` (operation `CreateTeamConnections`).
    ///
    /// **Preview.** **Note**: This endpoint is in Preview. To request access, fill out this [form](https://www.datadoghq.com/product-preview/github-integration-for-teams/).
    /// If you have any feedback, contact [Datadog support](https://docs.datadoghq.com/help/).
    ///
    /// This operation must be enabled first with `ClientBuilder::enable_preview("CreateTeamConnections")` (or `enable_all_previews()`); otherwise it fails with `Error::PreviewNotEnabled` without sending anything.
    ///
    /// Authentication: `apiKeyAuth` + `appKeyAuth`, or `AuthZ`.
    ///
    /// Permission: `teams_read`. OAuth scope: `teams_read`.
    ///
    /// # Errors
    ///
    /// Returns `Error::Api` for these documented statuses (and any other non-2xx status):
    ///
    /// - `400`: Bad Request
    /// - `403`: Forbidden
    /// - `409`: Conflict
    /// - `429`: Too many requests
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::TeamConnectionCreateRequest;
    /// use datadog_connections::ClientBuilder;
    ///
    /// async fn example(body: TeamConnectionCreateRequest) -> Result<(), Box<dyn std::error::Error>> {
    ///     // A Preview operation: the client must enable it (credentials come from the environment).
    ///     let client = ClientBuilder::from_env()
    ///         .enable_preview("CreateTeamConnections")
    ///         .build()?;
    ///     let response = client.create_team_connections(body).send().await?;
    ///     println!("{:?}", response.data);
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn create_team_connections(
        &self,
        body: TeamConnectionCreateRequest,
    ) -> CreateTeamConnectionsRequest {
        CreateTeamConnectionsRequest {
            client: self.clone(),
            body,
            options: Default::default(),
        }
    }

    /// Delete team connections
    ///
    /// Delete multiple team connections. This endpoint requires the `teams_read` permission.
    ///
    /// OAuth apps require the `teams_read` authorization scope to access this endpoint.
    ///
    /// `DELETE /api/v2/team/connections` (operation `DeleteTeamConnections`).
    ///
    /// **Preview.** **Note**: This endpoint is in Preview. To request access, fill out this [form](https://www.datadoghq.com/product-preview/github-integration-for-teams/).
    /// If you have any feedback, contact [Datadog support](https://docs.datadoghq.com/help/).
    ///
    /// This operation must be enabled first with `ClientBuilder::enable_preview("DeleteTeamConnections")` (or `enable_all_previews()`); otherwise it fails with `Error::PreviewNotEnabled` without sending anything.
    ///
    /// Authentication: `apiKeyAuth` + `appKeyAuth`, or `AuthZ`.
    ///
    /// Permission: `teams_read`. OAuth scope: `teams_read`.
    ///
    /// # Errors
    ///
    /// Returns `Error::Api` for these documented statuses (and any other non-2xx status):
    ///
    /// - `400`: Bad Request
    /// - `403`: Forbidden
    /// - `404`: Not Found
    /// - `429`: Too many requests
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::TeamConnectionDeleteRequest;
    /// use datadog_connections::ClientBuilder;
    ///
    /// async fn example(body: TeamConnectionDeleteRequest) -> Result<(), Box<dyn std::error::Error>> {
    ///     // A Preview operation: the client must enable it (credentials come from the environment).
    ///     let client = ClientBuilder::from_env()
    ///         .enable_preview("DeleteTeamConnections")
    ///         .build()?;
    ///     client.delete_team_connections(body).send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn delete_team_connections(
        &self,
        body: TeamConnectionDeleteRequest,
    ) -> DeleteTeamConnectionsRequest {
        DeleteTeamConnectionsRequest {
            client: self.clone(),
            body,
            options: Default::default(),
        }
    }
}

/// A `GET /api/v2/team/connections` request, created by [`Client::list_team_connections`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ListTeamConnectionsRequest {
    client: Client,
    page_size: Option<i64>,
    page_number: Option<i64>,
    filter_sources: Option<Vec<String>>,
    filter_team_ids: Option<Vec<String>>,
    filter_connected_team_ids: Option<Vec<String>>,
    filter_connection_ids: Option<Vec<String>>,
    options: rt::RequestOptions,
}

impl ListTeamConnectionsRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "ListTeamConnections",
        method: rt::Method::Get,
        path_template: "/api/v2/team/connections",
        preview: true,
        servers: &[],
        security: &[&["apiKeyAuth", "appKeyAuth"], &["AuthZ"]],
    };

    /// Size for a given page. The maximum allowed value is 100.
    ///
    /// Default: `10`
    ///
    /// Example: `10`
    #[inline]
    pub fn page_size(mut self, page_size: i64) -> Self {
        self.page_size = Some(page_size);
        self
    }

    /// Specific page number to return.
    ///
    /// Default: `0`
    ///
    /// Example: `0`
    #[inline]
    pub fn page_number(mut self, page_number: i64) -> Self {
        self.page_number = Some(page_number);
        self
    }

    /// Filter team connections by external source systems.
    #[inline]
    pub fn filter_sources(
        mut self,
        filter_sources: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.filter_sources = Some(filter_sources.into_iter().map(Into::into).collect());
        self
    }

    /// Filter team connections by Datadog team IDs.
    #[inline]
    pub fn filter_team_ids(
        mut self,
        filter_team_ids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.filter_team_ids = Some(
            filter_team_ids.into_iter().map(Into::into).collect(),
        );
        self
    }

    /// Filter team connections by connected team IDs from external systems.
    #[inline]
    pub fn filter_connected_team_ids(
        mut self,
        filter_connected_team_ids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.filter_connected_team_ids = Some(
            filter_connected_team_ids.into_iter().map(Into::into).collect(),
        );
        self
    }

    /// Filter team connections by connection IDs.
    #[inline]
    pub fn filter_connection_ids(
        mut self,
        filter_connection_ids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.filter_connection_ids = Some(
            filter_connection_ids.into_iter().map(Into::into).collect(),
        );
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::list_team_connections`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<TeamConnectionsResponse> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<TeamConnectionsResponse> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(
            Self::OPERATION,
            "/api/v2/team/connections".to_owned(),
        );
        request.set_options(self.options);
        request.query("page[size]", self.page_size.as_ref());
        request.query("page[number]", self.page_number.as_ref());
        request.query_list("filter[sources]", self.filter_sources.as_ref(), false);
        request.query_list("filter[team_ids]", self.filter_team_ids.as_ref(), false);
        request
            .query_list(
                "filter[connected_team_ids]",
                self.filter_connected_team_ids.as_ref(),
                false,
            );
        request
            .query_list(
                "filter[connection_ids]",
                self.filter_connection_ids.as_ref(),
                false,
            );
        Ok(request)
    }
}

/// A `POST /api/v2/team/connections` request, created by [`Client::create_team_connections`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct CreateTeamConnectionsRequest {
    client: Client,
    body: TeamConnectionCreateRequest,
    options: rt::RequestOptions,
}

impl CreateTeamConnectionsRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "CreateTeamConnections",
        method: rt::Method::Post,
        path_template: "/api/v2/team/connections",
        preview: true,
        servers: &[],
        security: &[&["apiKeyAuth", "appKeyAuth"], &["AuthZ"]],
    };

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::create_team_connections`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<TeamConnectionsResponse> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<TeamConnectionsResponse> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(
            Self::OPERATION,
            "/api/v2/team/connections".to_owned(),
        );
        request.set_options(self.options);
        request.json_body(&self.body)?;
        Ok(request)
    }
}

/// A `DELETE /api/v2/team/connections` request, created by [`Client::delete_team_connections`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct DeleteTeamConnectionsRequest {
    client: Client,
    body: TeamConnectionDeleteRequest,
    options: rt::RequestOptions,
}

impl DeleteTeamConnectionsRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "DeleteTeamConnections",
        method: rt::Method::Delete,
        path_template: "/api/v2/team/connections",
        preview: true,
        servers: &[],
        security: &[&["apiKeyAuth", "appKeyAuth"], &["AuthZ"]],
    };

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::delete_team_connections`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<(), rt::send::Empty> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<(), rt::send::Empty> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Empty)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(
            Self::OPERATION,
            "/api/v2/team/connections".to_owned(),
        );
        request.set_options(self.options);
        request.json_body(&self.body)?;
        Ok(request)
    }
}

impl rt::pagination::PageSource for ListTeamConnectionsRequest {
    type Page = TeamConnectionsResponse;

    type Item = TeamConnection;

    const OPERATION: &'static str = "ListTeamConnections";

    const RULES: rt::pagination::Rules = rt::pagination::Rules {
        style: rt::pagination::Style::PageNumber,
        start: 0,
        stop_on_short_page: false,
    };

    #[inline]
    fn fetch(
        self,
        position: rt::pagination::Position,
    ) -> impl std::future::Future<Output = Result<Self::Page, Error>> + Send {
        let mut request = self;
        if let rt::pagination::Position::Number(value) = position {
            request = request.page_number(value);
        }
        request.send()
    }

    #[inline]
    fn page_size(&self) -> Option<i64> {
        self.page_size.or(Some(10))
    }

    #[inline]
    fn page_info(page: &Self::Page) -> rt::pagination::PageInfo {
        rt::pagination::PageInfo::new(page.data.as_ref().map_or(0, Vec::len))
            .number(
                page
                    .meta
                    .as_ref()
                    .and_then(|v| v.page.as_ref())
                    .and_then(|v| v.number.as_ref())
                    .copied(),
            )
            .next_number(
                page
                    .meta
                    .as_ref()
                    .and_then(|v| v.page.as_ref())
                    .and_then(|v| v.next_number),
            )
            .last_number(
                page
                    .meta
                    .as_ref()
                    .and_then(|v| v.page.as_ref())
                    .and_then(|v| v.last_number.as_ref())
                    .copied(),
            )
    }

    #[inline]
    fn first_id(page: &Self::Page) -> Option<String> {
        page.data
            .as_ref()
            .and_then(|items| items.first())
            .map(|item| item.id.to_string())
    }

    #[inline]
    fn into_items(page: Self::Page) -> Vec<Self::Item> {
        page.data.unwrap_or_default()
    }
}

/// Pagination.
impl ListTeamConnectionsRequest {
    /// Pagination settings for this request (start position, page bound); then a stream or a collection.
    ///
    /// Filters and the page size are sent with every page; the position parameter is set by the paginator on every request, starting at page 0 (`pageStart`), so a value set on this request is replaced. See \[`rt::pagination`\] for the stop rules and safety bounds.
    #[inline]
    pub fn paginate(self) -> rt::pagination::Paginator<Self> {
        rt::pagination::Paginator::new(self)
    }

    /// Every page, as whole responses; see [`rt::pagination::Paginator::pages`].
    #[inline]
    pub fn pages(self) -> rt::pagination::Pages<TeamConnectionsResponse> {
        self.paginate().pages()
    }

    /// Every item of every page, one page in memory at a time; see
    /// [`rt::pagination::Paginator::into_stream`].
    #[inline]
    pub fn into_stream(self) -> rt::pagination::Items<TeamConnection> {
        self.paginate().into_stream()
    }

    /// Every item, failing when there are more than `max_items`; see
    /// [`rt::pagination::Items::collect_all`].
    ///
    /// # Errors
    ///
    /// The first error of any page, a pagination safety bound, or more than `max_items` items.
    #[inline]
    pub async fn collect_all(
        self,
        max_items: usize,
    ) -> Result<Vec<TeamConnection>, Error> {
        self.paginate().collect_all(max_items).await
    }
}
