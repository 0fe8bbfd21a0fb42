// @generated from auth_servers.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Auth".

use super::super::models::Thing;
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// The document's default security (the header key).
    ///
    /// `GET /things` (operation `ListThings`).
    ///
    /// Authentication: `headerKey`.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     let response = client.list_things().send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn list_things(&self) -> ListThingsRequest {
        ListThingsRequest {
            client: self.clone(),
            options: Default::default(),
        }
    }

    /// No credentials at all.
    ///
    /// `GET /health` (operation `GetHealth`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     client.get_health().send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn get_health(&self) -> GetHealthRequest {
        GetHealthRequest {
            client: self.clone(),
            options: Default::default(),
        }
    }

    /// A bearer token, else basic auth.
    ///
    /// `GET /me` (operation `GetMe`).
    ///
    /// Authentication: `bearerAuth`, or `basicAuth`.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     let response = client.get_me().send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn get_me(&self) -> GetMeRequest {
        GetMeRequest {
            client: self.clone(),
            options: Default::default(),
        }
    }

    /// The header key and the query key together, else the cookie.
    ///
    /// `GET /search` (operation `SearchThings`).
    ///
    /// Authentication: `headerKey` + `queryKey`, or `cookieKey`.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, q: &str) -> Result<(), Error> {
    ///     let response = client.search_things(q).send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn search_things(&self, q: impl Into<String>) -> SearchThingsRequest {
        SearchThingsRequest {
            client: self.clone(),
            q: q.into(),
            options: Default::default(),
        }
    }
}

/// A `GET /things` request, created by [`Client::list_things`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ListThingsRequest {
    client: Client,
    options: rt::RequestOptions,
}

impl ListThingsRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "ListThings",
        method: rt::Method::Get,
        path_template: "/things",
        preview: false,
        servers: &[],
        security: &[&["headerKey"]],
    };

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::list_things`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<Vec<Thing>> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<Vec<Thing>> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/things".to_owned());
        request.set_options(self.options);
        Ok(request)
    }
}

/// A `GET /health` request, created by [`Client::get_health`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetHealthRequest {
    client: Client,
    options: rt::RequestOptions,
}

impl GetHealthRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "GetHealth",
        method: rt::Method::Get,
        path_template: "/health",
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

    /// Sends the request; see [`Client::get_health`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/health".to_owned());
        request.set_options(self.options);
        Ok(request)
    }
}

/// A `GET /me` request, created by [`Client::get_me`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetMeRequest {
    client: Client,
    options: rt::RequestOptions,
}

impl GetMeRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "GetMe",
        method: rt::Method::Get,
        path_template: "/me",
        preview: false,
        servers: &[],
        security: &[&["bearerAuth"], &["basicAuth"]],
    };

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::get_me`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<Thing> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<Thing> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/me".to_owned());
        request.set_options(self.options);
        Ok(request)
    }
}

/// A `GET /search` request, created by [`Client::search_things`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct SearchThingsRequest {
    client: Client,
    q: String,
    options: rt::RequestOptions,
}

impl SearchThingsRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "SearchThings",
        method: rt::Method::Get,
        path_template: "/search",
        preview: false,
        servers: &[],
        security: &[&["headerKey", "queryKey"], &["cookieKey"]],
    };

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::search_things`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<Vec<Thing>> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<Vec<Thing>> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/search".to_owned());
        request.set_options(self.options);
        request.query("q", Some(&self.q));
        Ok(request)
    }
}
