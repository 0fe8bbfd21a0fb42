// @generated from reserved.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "serde".

use super::super::models::OptionModel;
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `POST /serde` (operation `clone`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     client.clone2().send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn clone2(&self) -> CloneRequest {
        CloneRequest {
            client: self.clone(),
            body: None,
            options: Default::default(),
        }
    }
}

/// A `POST /serde` request, created by [`Client::clone2`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct CloneRequest {
    client: Client,
    body: Option<OptionModel>,
    options: rt::RequestOptions,
}

impl CloneRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "clone",
        method: rt::Method::Post,
        path_template: "/serde",
        preview: false,
        servers: &[],
        security: &[],
    };

    /// The request body.
    #[inline]
    pub fn body(mut self, value: OptionModel) -> Self {
        self.body = Some(value);
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::clone2`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/serde".to_owned());
        request.set_options(self.options);
        if let Some(body) = self.body {
            request.json_body(&body)?;
        }
        Ok(request)
    }
}
