// @generated from swagger2_body.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Notes".

use super::super::models::Note;
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `POST /notes` (operation `CreateNote`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::Note;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: Note) -> Result<(), Error> {
    ///     let response = client.create_note(body).send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn create_note(&self, body: Note) -> CreateNoteRequest {
        CreateNoteRequest {
            client: self.clone(),
            body,
            options: Default::default(),
        }
    }
}

/// A `POST /notes` request, created by [`Client::create_note`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct CreateNoteRequest {
    client: Client,
    body: Note,
    options: rt::RequestOptions,
}

impl CreateNoteRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "CreateNote",
        method: rt::Method::Post,
        path_template: "/notes",
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

    /// Sends the request; see [`Client::create_note`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<Note> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<Note> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/notes".to_owned());
        request.set_options(self.options);
        request.json_body(&self.body)?;
        Ok(request)
    }
}
