// @generated from optionality.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Records".

use super::super::models::Record;
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `POST /records` (operation `CreateOptionalityRecord`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::Record;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: Record) -> Result<(), Error> {
    ///     let response = client.create_optionality_record(body).send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn create_optionality_record(
        &self,
        body: Record,
    ) -> CreateOptionalityRecordRequest {
        CreateOptionalityRecordRequest {
            client: self.clone(),
            body,
            options: Default::default(),
        }
    }
}

/// A `POST /records` request, created by [`Client::create_optionality_record`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct CreateOptionalityRecordRequest {
    client: Client,
    body: Record,
    options: rt::RequestOptions,
}

impl CreateOptionalityRecordRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "CreateOptionalityRecord",
        method: rt::Method::Post,
        path_template: "/records",
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

    /// Sends the request; see [`Client::create_optionality_record`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<Record> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<Record> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/records".to_owned());
        request.set_options(self.options);
        request.json_body(&self.body)?;
        Ok(request)
    }
}
