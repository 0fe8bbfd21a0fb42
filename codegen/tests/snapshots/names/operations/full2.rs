// @generated from names.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Full".

use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `GET /tagged-full` (operation `GetTaggedFull`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     client.get_tagged_full().send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn get_tagged_full(&self) -> GetTaggedFullRequest {
        GetTaggedFullRequest {
            client: self.clone(),
            options: Default::default(),
        }
    }
}

/// A `GET /tagged-full` request, created by [`Client::get_tagged_full`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetTaggedFullRequest {
    client: Client,
    options: rt::RequestOptions,
}

impl GetTaggedFullRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "GetTaggedFull",
        method: rt::Method::Get,
        path_template: "/tagged-full",
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

    /// Sends the request; see [`Client::get_tagged_full`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/tagged-full".to_owned());
        request.set_options(self.options);
        Ok(request)
    }
}
