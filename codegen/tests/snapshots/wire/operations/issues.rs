// @generated from wire.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Issues".

use super::super::models::Issue;
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `GET /issues` (operation `ListIssues`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, status: Vec<String>, x_trace_ids: Vec<i64>) -> Result<(), Error> {
    ///     let response = client.list_issues(status, x_trace_ids).send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn list_issues(
        &self,
        status: impl IntoIterator<Item = impl Into<String>>,
        x_trace_ids: impl IntoIterator<Item = i64>,
    ) -> ListIssuesRequest {
        ListIssuesRequest {
            client: self.clone(),
            status: status.into_iter().map(Into::into).collect(),
            x_trace_ids: x_trace_ids.into_iter().collect(),
            labels: None,
            options: Default::default(),
        }
    }

    /// `POST /issues` (operation `CreateIssue`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::Issue;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: Issue) -> Result<(), Error> {
    ///     let response = client.create_issue(body).send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn create_issue(&self, body: Issue) -> CreateIssueRequest {
        CreateIssueRequest {
            client: self.clone(),
            body,
            options: Default::default(),
        }
    }

    /// `GET /issues/{ids}` (operation `GetIssues`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, ids: Vec<i64>) -> Result<(), Error> {
    ///     let response = client.get_issues(ids).send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn get_issues(&self, ids: impl IntoIterator<Item = i64>) -> GetIssuesRequest {
        GetIssuesRequest {
            client: self.clone(),
            ids: ids.into_iter().collect(),
            options: Default::default(),
        }
    }
}

/// A `GET /issues` request, created by [`Client::list_issues`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ListIssuesRequest {
    client: Client,
    status: Vec<String>,
    labels: Option<Vec<String>>,
    x_trace_ids: Vec<i64>,
    options: rt::RequestOptions,
}

impl ListIssuesRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "ListIssues",
        method: rt::Method::Get,
        path_template: "/issues",
        preview: false,
        servers: &[],
        security: &[],
    };

    #[inline]
    pub fn labels(
        mut self,
        labels: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.labels = Some(labels.into_iter().map(Into::into).collect());
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::list_issues`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<Vec<Issue>> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<Vec<Issue>> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/issues".to_owned());
        request.set_options(self.options);
        request.require_items("status", &self.status)?;
        request.query_list("status", Some(&self.status), true);
        request.query_list("labels", self.labels.as_ref(), false);
        request.require_items("X-Trace-Ids", &self.x_trace_ids)?;
        request.header("X-Trace-Ids", Some(&self.x_trace_ids))?;
        Ok(request)
    }
}

/// A `POST /issues` request, created by [`Client::create_issue`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct CreateIssueRequest {
    client: Client,
    body: Issue,
    options: rt::RequestOptions,
}

impl CreateIssueRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "CreateIssue",
        method: rt::Method::Post,
        path_template: "/issues",
        preview: false,
        servers: &[],
        security: &[],
    };

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::create_issue`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<Issue> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<Issue> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/issues".to_owned());
        request.set_options(self.options);
        request.json_body(&self.body)?;
        Ok(request)
    }
}

/// A `GET /issues/{ids}` request, created by [`Client::get_issues`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetIssuesRequest {
    client: Client,
    ids: Vec<i64>,
    options: rt::RequestOptions,
}

impl GetIssuesRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "GetIssues",
        method: rt::Method::Get,
        path_template: "/issues/{ids}",
        preview: false,
        servers: &[],
        security: &[],
    };

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::get_issues`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<Vec<Issue>> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<Vec<Issue>> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/issues/{ids}".to_owned());
        request.set_options(self.options);
        request.require_items("ids", &self.ids)?;
        request.path_param("ids", &self.ids, rt::PathStyle::Simple, false)?;
        Ok(request)
    }
}
