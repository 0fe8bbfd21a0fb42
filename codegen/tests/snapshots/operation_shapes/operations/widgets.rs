// @generated from operation_shapes.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Widgets".
//!
//! Widget operations.

use super::super::models::{
    DeleteWidgetPartBody, GetWidgetPartMode, GetWidgetPartResponse200,
};
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// Get a widget part
    ///
    /// `GET /widgets/{widget_id}/parts/{part_id}` (operation `GetWidgetPart`).
    ///
    /// Sends no credentials.
    ///
    /// # Errors
    ///
    /// Returns `Error::Api` for these documented statuses (and any other non-2xx status):
    ///
    /// - `404`: Not Found
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::GetWidgetPartMode;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(
    ///     client: &Client,
    ///     widget_id: &str,
    ///     part_id: i64,
    ///     mode: GetWidgetPartMode,
    /// ) -> Result<(), Error> {
    ///     let response = client
    ///         .get_widget_part(widget_id, part_id, mode)
    ///         .send()
    ///         .await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn get_widget_part(
        &self,
        widget_id: impl std::fmt::Display,
        part_id: i64,
        mode: GetWidgetPartMode,
    ) -> GetWidgetPartRequest {
        GetWidgetPartRequest {
            client: self.clone(),
            widget_id: widget_id.to_string(),
            part_id,
            mode,
            filter_ids: None,
            tag: None,
            x_request_id: None,
            options: Default::default(),
        }
    }

    /// `DELETE /widgets/{widget_id}/parts/{part_id}` (operation `DeleteWidgetPart`).
    ///
    /// **Preview.** This endpoint is in Preview.
    ///
    /// This operation must be enabled first with `ClientBuilder::enable_preview("DeleteWidgetPart")` (or `enable_all_previews()`); otherwise it fails with `Error::PreviewNotEnabled` without sending anything.
    ///
    /// Sends no credentials.
    ///
    /// Deprecated by the API.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::ClientBuilder;
    ///
    /// async fn example(widget_id: &str, part_id: i64) -> Result<(), Box<dyn std::error::Error>> {
    ///     // A Preview operation: the client must enable it (credentials come from the environment).
    ///     let client = ClientBuilder::from_env()
    ///         .enable_preview("DeleteWidgetPart")
    ///         .build()?;
    ///     client.delete_widget_part(widget_id, part_id).send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[deprecated]
    #[inline]
    pub fn delete_widget_part(
        &self,
        widget_id: impl std::fmt::Display,
        part_id: i64,
    ) -> DeleteWidgetPartRequest {
        DeleteWidgetPartRequest {
            client: self.clone(),
            widget_id: widget_id.to_string(),
            part_id,
            body: None,
            options: Default::default(),
        }
    }
}

/// A `GET /widgets/{widget_id}/parts/{part_id}` request, created by [`Client::get_widget_part`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetWidgetPartRequest {
    client: Client,
    widget_id: String,
    part_id: i64,
    filter_ids: Option<Vec<String>>,
    tag: Option<Vec<String>>,
    mode: GetWidgetPartMode,
    x_request_id: Option<String>,
    options: rt::RequestOptions,
}

impl GetWidgetPartRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "GetWidgetPart",
        method: rt::Method::Get,
        path_template: "/widgets/{widget_id}/parts/{part_id}",
        preview: false,
        servers: &[],
        security: &[],
    };

    #[inline]
    pub fn filter_ids(
        mut self,
        filter_ids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.filter_ids = Some(filter_ids.into_iter().map(Into::into).collect());
        self
    }

    #[inline]
    pub fn tag(mut self, tag: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.tag = Some(tag.into_iter().map(Into::into).collect());
        self
    }

    #[inline]
    pub fn x_request_id(mut self, x_request_id: impl Into<String>) -> Self {
        self.x_request_id = Some(x_request_id.into());
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::get_widget_part`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<GetWidgetPartResponse200> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<GetWidgetPartResponse200> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(
            Self::OPERATION,
            [
                "/widgets/",
                &rt::encode_path_segment(&self.widget_id),
                "/parts/",
                &rt::encode_path_param(&self.part_id),
            ]
                .concat(),
        );
        request.set_options(self.options);
        request.query_list("filter[ids]", self.filter_ids.as_ref(), false);
        request.query_list("tag", self.tag.as_ref(), true);
        request.query("mode", Some(&self.mode));
        request.header("X-Request-Id", self.x_request_id.as_ref())?;
        Ok(request)
    }
}

/// A `DELETE /widgets/{widget_id}/parts/{part_id}` request, created by [`Client::delete_widget_part`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct DeleteWidgetPartRequest {
    client: Client,
    widget_id: String,
    part_id: i64,
    body: Option<DeleteWidgetPartBody>,
    options: rt::RequestOptions,
}

impl DeleteWidgetPartRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "DeleteWidgetPart",
        method: rt::Method::Delete,
        path_template: "/widgets/{widget_id}/parts/{part_id}",
        preview: true,
        servers: &[],
        security: &[],
    };

    /// The request body.
    #[inline]
    pub fn body(mut self, value: DeleteWidgetPartBody) -> Self {
        self.body = Some(value);
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::delete_widget_part`] for what it returns and its errors.
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
        let mut request = rt::Request::new(
            Self::OPERATION,
            [
                "/widgets/",
                &rt::encode_path_segment(&self.widget_id),
                "/parts/",
                &rt::encode_path_param(&self.part_id),
            ]
                .concat(),
        );
        request.set_options(self.options);
        if let Some(body) = self.body {
            request.json_body(&body)?;
        }
        Ok(request)
    }
}
