// @generated from composition.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Shapes".

use super::super::models::{Priority, ShapeList};
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `GET /shapes` (operation `ListCompositionShapes`).
    ///
    /// Sends no credentials.
    ///
    /// # Errors
    ///
    /// Returns `Error::Api` for these documented statuses (and any other non-2xx status):
    ///
    /// - `default`: The shapes.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     let response = client.list_composition_shapes().send().await?;
    ///     println!("{:?}", response.data);
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn list_composition_shapes(&self) -> ListCompositionShapesRequest {
        ListCompositionShapesRequest {
            client: self.clone(),
            priority: None,
            options: Default::default(),
        }
    }
}

/// A `GET /shapes` request, created by [`Client::list_composition_shapes`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ListCompositionShapesRequest {
    client: Client,
    priority: Option<Priority>,
    options: rt::RequestOptions,
}

impl ListCompositionShapesRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "ListCompositionShapes",
        method: rt::Method::Get,
        path_template: "/shapes",
        preview: false,
        servers: &[],
        security: &[],
    };

    #[inline]
    pub fn priority(mut self, priority: Priority) -> Self {
        self.priority = Some(priority);
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::list_composition_shapes`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<ShapeList> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<ShapeList> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/shapes".to_owned());
        request.set_options(self.options);
        request.query("priority", self.priority.as_ref());
        Ok(request)
    }
}
