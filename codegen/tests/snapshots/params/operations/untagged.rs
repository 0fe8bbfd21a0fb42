// @generated from params.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations without a tag.

use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `GET /users/{id}/posts` (operation `get_users_id_posts`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, id: i64) -> Result<(), Error> {
    ///     client.get_users_id_posts(id).send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn get_users_id_posts(&self, id: i64) -> GetUsersIdPostsRequest {
        GetUsersIdPostsRequest {
            client: self.clone(),
            id,
            options: Default::default(),
        }
    }

    /// `GET /ping` (operation `Ping`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     client.ping().send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn ping(&self) -> PingRequest {
        PingRequest {
            client: self.clone(),
            options: Default::default(),
        }
    }
}

/// A `GET /users/{id}/posts` request, created by [`Client::get_users_id_posts`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetUsersIdPostsRequest {
    client: Client,
    id: i64,
    options: rt::RequestOptions,
}

impl GetUsersIdPostsRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "get_users_id_posts",
        method: rt::Method::Get,
        path_template: "/users/{id}/posts",
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

    /// Sends the request; see [`Client::get_users_id_posts`] for what it returns and its errors.
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
            ["/users/", &rt::encode_path_param(&self.id), "/posts"].concat(),
        );
        request.set_options(self.options);
        Ok(request)
    }
}

/// A `GET /ping` request, created by [`Client::ping`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct PingRequest {
    client: Client,
    options: rt::RequestOptions,
}

impl PingRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "Ping",
        method: rt::Method::Get,
        path_template: "/ping",
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

    /// Sends the request; see [`Client::ping`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/ping".to_owned());
        request.set_options(self.options);
        Ok(request)
    }
}
