// @generated from reserved.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "std".

use super::super::models::ResultModel;
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `GET /std/{super}` (operation `runtime`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, super_: &str) -> Result<(), Error> {
    ///     let response = client.runtime2(super_).send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn runtime2(&self, super_: impl std::fmt::Display) -> RuntimeRequest {
        RuntimeRequest {
            client: self.clone(),
            super_: super_.to_string(),
            value: None,
            options: Default::default(),
        }
    }
}

/// A `GET /std/{super}` request, created by [`Client::runtime2`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct RuntimeRequest {
    client: Client,
    super_: String,
    value: Option<String>,
    options: rt::RequestOptions,
}

impl RuntimeRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "runtime",
        method: rt::Method::Get,
        path_template: "/std/{super}",
        preview: false,
        servers: &[],
        security: &[],
    };

    #[inline]
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::runtime2`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<ResultModel> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<ResultModel> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(
            Self::OPERATION,
            ["/std/", &rt::encode_path_segment(&self.super_)].concat(),
        );
        request.set_options(self.options);
        request.header("_", self.value.as_ref())?;
        Ok(request)
    }
}
