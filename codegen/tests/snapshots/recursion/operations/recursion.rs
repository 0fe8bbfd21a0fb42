// @generated from recursion.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Recursion".

use super::super::models::{Everything, Nested};
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `POST /recursion` (operation `EchoRecursion`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::Nested;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: Nested) -> Result<(), Error> {
    ///     let response = client.echo_recursion(body).send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn echo_recursion(&self, body: Nested) -> EchoRecursionRequest {
        EchoRecursionRequest {
            client: self.clone(),
            body,
            options: Default::default(),
        }
    }
}

/// A `POST /recursion` request, created by [`Client::echo_recursion`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct EchoRecursionRequest {
    client: Client,
    body: Nested,
    options: rt::RequestOptions,
}

impl EchoRecursionRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "EchoRecursion",
        method: rt::Method::Post,
        path_template: "/recursion",
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

    /// Sends the request; see [`Client::echo_recursion`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<Everything> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<Everything> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/recursion".to_owned());
        request.set_options(self.options);
        request.json_body(&self.body)?;
        Ok(request)
    }
}
