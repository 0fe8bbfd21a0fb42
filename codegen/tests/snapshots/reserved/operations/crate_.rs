// @generated from reserved.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "crate".

use super::super::models::VecModel;
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `GET /crate` (operation `crate`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     let response = client.crate_().send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn crate_(&self) -> CrateRequest {
        CrateRequest {
            client: self.clone(),
            options: Default::default(),
        }
    }
}

/// A `GET /crate` request, created by [`Client::crate_`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct CrateRequest {
    client: Client,
    options: rt::RequestOptions,
}

impl CrateRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "crate",
        method: rt::Method::Get,
        path_template: "/crate",
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

    /// Sends the request; see [`Client::crate_`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<VecModel> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<VecModel> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/crate".to_owned());
        request.set_options(self.options);
        Ok(request)
    }
}
