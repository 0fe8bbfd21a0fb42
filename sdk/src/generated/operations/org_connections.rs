// @generated from datadog-connections.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Org Connections".
//!
//! Manage connections between organizations. Org connections allow for controlled sharing of data between different Datadog organizations. See the [Cross-Organization Visibility](https://docs.datadoghq.com/account_management/org_settings/cross_org_visibility/) page for more information.

use super::super::models::{
    OrgConnection, OrgConnectionCreateRequest, OrgConnectionListResponse,
    OrgConnectionResponse, OrgConnectionUpdateRequest,
};
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// List Org Connections
    ///
    /// Returns a list of org connections. This endpoint requires the `org_connections_read` permission.
    ///
    /// OAuth apps require the `org_connections_read` authorization scope to access this endpoint.
    ///
    /// `GET /api/v2/org_connections` (operation `ListOrgConnections`).
    ///
    /// Paginated by `limit`, `offset`: the request's `into_stream()`, `pages()` and `collect_all(max)` page through every result.
    ///
    /// Authentication: `apiKeyAuth` + `appKeyAuth`, or `AuthZ`.
    ///
    /// Permission: `org_connections_read`. OAuth scope: `org_connections_read`.
    ///
    /// # Errors
    ///
    /// Returns `Error::Api` for these documented statuses (and any other non-2xx status):
    ///
    /// - `401`: Unauthorized
    /// - `403`: Forbidden
    /// - `429`: Too many requests
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     let request = client
    ///         .list_org_connections()
    ///         .sink_org_id("0879ce27-29a1-481f-a12e-bc2a48ec9ae1");
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
    pub fn list_org_connections(&self) -> ListOrgConnectionsRequest {
        ListOrgConnectionsRequest {
            client: self.clone(),
            sink_org_id: None,
            source_org_id: None,
            limit: None,
            offset: None,
            options: Default::default(),
        }
    }

    /// Create Org Connection
    ///
    /// Create a new org connection between the current org and a target org. This endpoint requires the `org_connections_write` permission.
    ///
    /// OAuth apps require the `org_connections_write` authorization scope to access this endpoint.
    ///
    /// `POST /api/v2/org_connections` (operation `CreateOrgConnections`).
    ///
    /// Authentication: `apiKeyAuth` + `appKeyAuth`, or `AuthZ`.
    ///
    /// Permission: `org_connections_write`. OAuth scope: `org_connections_write`.
    ///
    /// # Errors
    ///
    /// Returns `Error::Api` for these documented statuses (and any other non-2xx status):
    ///
    /// - `400`: Bad Request
    /// - `401`: Unauthorized
    /// - `403`: Forbidden
    /// - `404`: Not Found
    /// - `409`: Conflict
    /// - `429`: Too many requests
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::OrgConnectionCreateRequest;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: OrgConnectionCreateRequest) -> Result<(), Error> {
    ///     let response = client.create_org_connections(body).send().await?;
    ///     println!("{:?}", response.data);
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn create_org_connections(
        &self,
        body: OrgConnectionCreateRequest,
    ) -> CreateOrgConnectionsRequest {
        CreateOrgConnectionsRequest {
            client: self.clone(),
            body,
            options: Default::default(),
        }
    }

    /// Delete Org Connection
    ///
    /// Delete an existing org connection. This endpoint requires the `org_connections_write` permission.
    ///
    /// OAuth apps require the `org_connections_write` authorization scope to access this endpoint.
    ///
    /// `DELETE /api/v2/org_connections/{connection_id}` (operation `DeleteOrgConnections`).
    ///
    /// Authentication: `apiKeyAuth` + `appKeyAuth`, or `AuthZ`.
    ///
    /// Permission: `org_connections_write`. OAuth scope: `org_connections_write`.
    ///
    /// # Errors
    ///
    /// Returns `Error::Api` for these documented statuses (and any other non-2xx status):
    ///
    /// - `400`: Bad Request
    /// - `401`: Unauthorized
    /// - `403`: Forbidden
    /// - `404`: Not Found
    /// - `429`: Too many requests
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, connection_id: &str) -> Result<(), Error> {
    ///     client.delete_org_connections(connection_id).send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn delete_org_connections(
        &self,
        connection_id: impl std::fmt::Display,
    ) -> DeleteOrgConnectionsRequest {
        DeleteOrgConnectionsRequest {
            client: self.clone(),
            connection_id: connection_id.to_string(),
            options: Default::default(),
        }
    }

    /// Update Org Connection
    ///
    /// Update an existing org connection. This endpoint requires the `org_connections_write` permission.
    ///
    /// OAuth apps require the `org_connections_write` authorization scope to access this endpoint.
    ///
    /// `PATCH /api/v2/org_connections/{connection_id}` (operation `UpdateOrgConnections`).
    ///
    /// Authentication: `apiKeyAuth` + `appKeyAuth`, or `AuthZ`.
    ///
    /// Permission: `org_connections_write`. OAuth scope: `org_connections_write`.
    ///
    /// # Errors
    ///
    /// Returns `Error::Api` for these documented statuses (and any other non-2xx status):
    ///
    /// - `400`: Bad Request
    /// - `401`: Unauthorized
    /// - `403`: Forbidden
    /// - `404`: Not Found
    /// - `429`: Too many requests
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::OrgConnectionUpdateRequest;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(
    ///     client: &Client,
    ///     connection_id: &str,
    ///     body: OrgConnectionUpdateRequest,
    /// ) -> Result<(), Error> {
    ///     let response = client
    ///         .update_org_connections(connection_id, body)
    ///         .send()
    ///         .await?;
    ///     println!("{:?}", response.data);
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn update_org_connections(
        &self,
        connection_id: impl std::fmt::Display,
        body: OrgConnectionUpdateRequest,
    ) -> UpdateOrgConnectionsRequest {
        UpdateOrgConnectionsRequest {
            client: self.clone(),
            connection_id: connection_id.to_string(),
            body,
            options: Default::default(),
        }
    }
}

/// A `GET /api/v2/org_connections` request, created by [`Client::list_org_connections`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ListOrgConnectionsRequest {
    client: Client,
    sink_org_id: Option<String>,
    source_org_id: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
    options: rt::RequestOptions,
}

impl ListOrgConnectionsRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "ListOrgConnections",
        method: rt::Method::Get,
        path_template: "/api/v2/org_connections",
        preview: false,
        servers: &[],
        security: &[&["apiKeyAuth", "appKeyAuth"], &["AuthZ"]],
    };

    /// The Org ID of the sink org.
    ///
    /// Example: `0879ce27-29a1-481f-a12e-bc2a48ec9ae1`
    #[inline]
    pub fn sink_org_id(mut self, sink_org_id: impl Into<String>) -> Self {
        self.sink_org_id = Some(sink_org_id.into());
        self
    }

    /// The Org ID of the source org.
    ///
    /// Example: `0879ce27-29a1-481f-a12e-bc2a48ec9ae1`
    #[inline]
    pub fn source_org_id(mut self, source_org_id: impl Into<String>) -> Self {
        self.source_org_id = Some(source_org_id.into());
        self
    }

    /// The limit of number of entries you want to return. Default is 1000.
    ///
    /// Default: `1000`
    ///
    /// Example: `1000`
    #[inline]
    pub fn limit(mut self, limit: i64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// The pagination offset which you want to query from. Default is 0.
    ///
    /// Default: `0`
    ///
    /// Example: `0`
    #[inline]
    pub fn offset(mut self, offset: i64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::list_org_connections`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<OrgConnectionListResponse> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<OrgConnectionListResponse> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(
            Self::OPERATION,
            "/api/v2/org_connections".to_owned(),
        );
        request.set_options(self.options);
        request.query("sink_org_id", self.sink_org_id.as_ref());
        request.query("source_org_id", self.source_org_id.as_ref());
        request.query("limit", self.limit.as_ref());
        request.query("offset", self.offset.as_ref());
        Ok(request)
    }
}

/// A `POST /api/v2/org_connections` request, created by [`Client::create_org_connections`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct CreateOrgConnectionsRequest {
    client: Client,
    body: OrgConnectionCreateRequest,
    options: rt::RequestOptions,
}

impl CreateOrgConnectionsRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "CreateOrgConnections",
        method: rt::Method::Post,
        path_template: "/api/v2/org_connections",
        preview: false,
        servers: &[],
        security: &[&["apiKeyAuth", "appKeyAuth"], &["AuthZ"]],
    };

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::create_org_connections`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<OrgConnectionResponse> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<OrgConnectionResponse> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(
            Self::OPERATION,
            "/api/v2/org_connections".to_owned(),
        );
        request.set_options(self.options);
        request.json_body(&self.body)?;
        Ok(request)
    }
}

/// A `DELETE /api/v2/org_connections/{connection_id}` request, created by [`Client::delete_org_connections`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct DeleteOrgConnectionsRequest {
    client: Client,
    connection_id: String,
    options: rt::RequestOptions,
}

impl DeleteOrgConnectionsRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "DeleteOrgConnections",
        method: rt::Method::Delete,
        path_template: "/api/v2/org_connections/{connection_id}",
        preview: false,
        servers: &[],
        security: &[&["apiKeyAuth", "appKeyAuth"], &["AuthZ"]],
    };

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::delete_org_connections`] for what it returns and its errors.
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
            ["/api/v2/org_connections/", &rt::encode_path_segment(&self.connection_id)]
                .concat(),
        );
        request.set_options(self.options);
        Ok(request)
    }
}

/// A `PATCH /api/v2/org_connections/{connection_id}` request, created by [`Client::update_org_connections`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct UpdateOrgConnectionsRequest {
    client: Client,
    connection_id: String,
    body: OrgConnectionUpdateRequest,
    options: rt::RequestOptions,
}

impl UpdateOrgConnectionsRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "UpdateOrgConnections",
        method: rt::Method::Patch,
        path_template: "/api/v2/org_connections/{connection_id}",
        preview: false,
        servers: &[],
        security: &[&["apiKeyAuth", "appKeyAuth"], &["AuthZ"]],
    };

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::update_org_connections`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<OrgConnectionResponse> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<OrgConnectionResponse> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(
            Self::OPERATION,
            ["/api/v2/org_connections/", &rt::encode_path_segment(&self.connection_id)]
                .concat(),
        );
        request.set_options(self.options);
        request.json_body(&self.body)?;
        Ok(request)
    }
}

impl rt::pagination::PageSource for ListOrgConnectionsRequest {
    type Page = OrgConnectionListResponse;

    type Item = OrgConnection;

    const OPERATION: &'static str = "ListOrgConnections";

    const RULES: rt::pagination::Rules = rt::pagination::Rules {
        style: rt::pagination::Style::Offset,
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
            request = request.offset(value);
        }
        request.send()
    }

    #[inline]
    fn page_size(&self) -> Option<i64> {
        self.limit.or(Some(1000))
    }

    #[inline]
    fn page_info(page: &Self::Page) -> rt::pagination::PageInfo {
        rt::pagination::PageInfo::new(Some(&page.data).map_or(0, Vec::len))
            .total(
                page
                    .meta
                    .as_ref()
                    .and_then(|v| v.page.as_ref())
                    .and_then(|v| v.total_filtered_count.as_ref())
                    .copied()
                    .or_else(|| {
                        page
                            .meta
                            .as_ref()
                            .and_then(|v| v.page.as_ref())
                            .and_then(|v| v.total_count.as_ref())
                            .copied()
                    }),
            )
    }

    #[inline]
    fn first_id(page: &Self::Page) -> Option<String> {
        Some(&page.data).and_then(|items| items.first()).map(|item| item.id.to_string())
    }

    #[inline]
    fn into_items(page: Self::Page) -> Vec<Self::Item> {
        page.data
    }
}

/// Pagination.
impl ListOrgConnectionsRequest {
    /// Pagination settings for this request (start position, page bound); then a stream or a collection.
    ///
    /// Filters and the page size are sent with every page; the position parameter is set by the paginator on every request, starting at offset 0, so a value set on this request is replaced. See \[`rt::pagination`\] for the stop rules and safety bounds.
    #[inline]
    pub fn paginate(self) -> rt::pagination::Paginator<Self> {
        rt::pagination::Paginator::new(self)
    }

    /// Every page, as whole responses; see [`rt::pagination::Paginator::pages`].
    #[inline]
    pub fn pages(self) -> rt::pagination::Pages<OrgConnectionListResponse> {
        self.paginate().pages()
    }

    /// Every item of every page, one page in memory at a time; see
    /// [`rt::pagination::Paginator::into_stream`].
    #[inline]
    pub fn into_stream(self) -> rt::pagination::Items<OrgConnection> {
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
    ) -> Result<Vec<OrgConnection>, Error> {
        self.paginate().collect_all(max_items).await
    }
}
