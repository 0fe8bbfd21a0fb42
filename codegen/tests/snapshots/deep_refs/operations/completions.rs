// @generated from deep_refs.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Completions".

use super::super::models::{CreateCompletionRequest, CreateCompletionResponse200};
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `POST /completions` (operation `CreateCompletion`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::CreateCompletionRequest;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: CreateCompletionRequest) -> Result<(), Error> {
    ///     let response = client.create_completion(body).send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn create_completion(
        &self,
        body: CreateCompletionRequest,
    ) -> CreateCompletionRequest2 {
        CreateCompletionRequest2 {
            client: self.clone(),
            body,
            options: Default::default(),
        }
    }
}

/// A `POST /completions` request, created by [`Client::create_completion`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct CreateCompletionRequest2 {
    client: Client,
    body: CreateCompletionRequest,
    options: rt::RequestOptions,
}

impl CreateCompletionRequest2 {
    const OPERATION: rt::Operation = rt::Operation {
        id: "CreateCompletion",
        method: rt::Method::Post,
        path_template: "/completions",
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

    /// Sends the request; see [`Client::create_completion`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<CreateCompletionResponse200> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<CreateCompletionResponse200> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/completions".to_owned());
        request.set_options(self.options);
        request.json_body(&self.body)?;
        Ok(request)
    }
}
