// @generated from deep_refs.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Clicks".

use super::super::models::{ClickParent, V21ClicksGet200Response};
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `GET /v2/1-clicks` (operation `ListClicks`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     let response = client.list_clicks().send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn list_clicks(&self) -> ListClicksRequest {
        ListClicksRequest {
            client: self.clone(),
            page_size: None,
            options: Default::default(),
        }
    }

    /// `GET /v2/2-clicks` (operation `ListOtherClicks`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     let response = client.list_other_clicks().send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn list_other_clicks(&self) -> ListOtherClicksRequest {
        ListOtherClicksRequest {
            client: self.clone(),
            page_size: None,
            options: Default::default(),
        }
    }

    /// `GET /v2/clicks/{id}` (operation `GetClick`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, id: &str) -> Result<(), Error> {
    ///     let response = client.get_click(id).send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn get_click(&self, id: impl std::fmt::Display) -> GetClickRequest {
        GetClickRequest {
            client: self.clone(),
            id: id.to_string(),
            options: Default::default(),
        }
    }
}

/// A `GET /v2/1-clicks` request, created by [`Client::list_clicks`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ListClicksRequest {
    client: Client,
    page_size: Option<i32>,
    options: rt::RequestOptions,
}

impl ListClicksRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "ListClicks",
        method: rt::Method::Get,
        path_template: "/v2/1-clicks",
        preview: false,
        servers: &[],
        security: &[],
    };

    #[inline]
    pub fn page_size(mut self, page_size: i32) -> Self {
        self.page_size = Some(page_size);
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::list_clicks`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<V21ClicksGet200Response> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<V21ClicksGet200Response> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/v2/1-clicks".to_owned());
        request.set_options(self.options);
        request.query("page_size", self.page_size.as_ref());
        Ok(request)
    }
}

/// A `GET /v2/2-clicks` request, created by [`Client::list_other_clicks`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ListOtherClicksRequest {
    client: Client,
    page_size: Option<i32>,
    options: rt::RequestOptions,
}

impl ListOtherClicksRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "ListOtherClicks",
        method: rt::Method::Get,
        path_template: "/v2/2-clicks",
        preview: false,
        servers: &[],
        security: &[],
    };

    #[inline]
    pub fn page_size(mut self, page_size: i32) -> Self {
        self.page_size = Some(page_size);
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::list_other_clicks`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<V21ClicksGet200Response> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<V21ClicksGet200Response> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/v2/2-clicks".to_owned());
        request.set_options(self.options);
        request.query("page_size", self.page_size.as_ref());
        Ok(request)
    }
}

/// A `GET /v2/clicks/{id}` request, created by [`Client::get_click`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetClickRequest {
    client: Client,
    id: String,
    options: rt::RequestOptions,
}

impl GetClickRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "GetClick",
        method: rt::Method::Get,
        path_template: "/v2/clicks/{id}",
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

    /// Sends the request; see [`Client::get_click`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<ClickParent> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<ClickParent> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(
            Self::OPERATION,
            ["/v2/clicks/", &rt::encode_path_segment(&self.id)].concat(),
        );
        request.set_options(self.options);
        Ok(request)
    }
}
