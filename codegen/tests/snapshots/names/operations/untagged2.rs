// @generated from names.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations without a tag.

use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `GET /no-tag` (operation `GetWithoutTag`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     client.get_without_tag().send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn get_without_tag(&self) -> GetWithoutTagRequest {
        GetWithoutTagRequest {
            client: self.clone(),
            options: Default::default(),
        }
    }
}

/// A `GET /no-tag` request, created by [`Client::get_without_tag`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetWithoutTagRequest {
    client: Client,
    options: rt::RequestOptions,
}

impl GetWithoutTagRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "GetWithoutTag",
        method: rt::Method::Get,
        path_template: "/no-tag",
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

    /// Sends the request; see [`Client::get_without_tag`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/no-tag".to_owned());
        request.set_options(self.options);
        Ok(request)
    }
}
