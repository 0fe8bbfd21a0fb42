// @generated from names.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Names".

use super::super::models::AwsAccountId;
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `GET /names/{type}` (operation `GetNamesThing`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, r#type: &str) -> Result<(), Error> {
    ///     let response = client.get_names_thing(r#type).send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn get_names_thing(
        &self,
        r#type: impl std::fmt::Display,
    ) -> GetNamesThingRequest {
        GetNamesThingRequest {
            client: self.clone(),
            r#type: r#type.to_string(),
            options: Default::default(),
        }
    }
}

/// A `GET /names/{type}` request, created by [`Client::get_names_thing`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetNamesThingRequest {
    client: Client,
    r#type: String,
    options: rt::RequestOptions,
}

impl GetNamesThingRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "GetNamesThing",
        method: rt::Method::Get,
        path_template: "/names/{type}",
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

    /// Sends the request; see [`Client::get_names_thing`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<AwsAccountId> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<AwsAccountId> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(
            Self::OPERATION,
            ["/names/", &rt::encode_path_segment(&self.r#type)].concat(),
        );
        request.set_options(self.options);
        Ok(request)
    }
}
