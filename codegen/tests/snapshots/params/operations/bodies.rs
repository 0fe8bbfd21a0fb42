// @generated from params.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Bodies".
//!
//! Request bodies.

use super::super::models::{Color, Signup, UploadDocumentBody};
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `POST /forms/urlencoded` (operation `SubmitForm`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::Signup;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: Signup) -> Result<(), Error> {
    ///     client.submit_form(body).send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn submit_form(&self, body: Signup) -> SubmitFormRequest {
        SubmitFormRequest {
            client: self.clone(),
            body,
            options: Default::default(),
        }
    }

    /// `POST /forms/multipart` (operation `UploadDocument`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::UploadDocumentBody;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: UploadDocumentBody) -> Result<(), Error> {
    ///     client.upload_document(body).send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn upload_document(&self, body: UploadDocumentBody) -> UploadDocumentRequest {
        UploadDocumentRequest {
            client: self.clone(),
            body: UploadDocumentRequest::multipart_form(body),
            options: Default::default(),
        }
    }

    /// `POST /forms/multipart/optional` (operation `UploadOptional`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     client.upload_optional().send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn upload_optional(&self) -> UploadOptionalRequest {
        UploadOptionalRequest {
            client: self.clone(),
            body: None,
            options: Default::default(),
        }
    }

    /// `PUT /anything` (operation `PutAnything`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::Signup;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: Signup) -> Result<(), Error> {
    ///     client.put_anything(body).send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn put_anything(&self, body: Signup) -> PutAnythingRequest {
        PutAnythingRequest {
            client: self.clone(),
            body,
            options: Default::default(),
        }
    }

    /// `PATCH /vnd` (operation `PatchVnd`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::Color;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: Color) -> Result<(), Error> {
    ///     client.patch_vnd(body).send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn patch_vnd(&self, body: Color) -> PatchVndRequest {
        PatchVndRequest {
            client: self.clone(),
            body,
            options: Default::default(),
        }
    }

    /// `POST /blob` (operation `UploadBlob`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: Vec<u8>) -> Result<(), Error> {
    ///     client.upload_blob(body).send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn upload_blob(&self, body: impl Into<rt::UploadBody>) -> UploadBlobRequest {
        UploadBlobRequest {
            client: self.clone(),
            body: body.into(),
            options: Default::default(),
        }
    }
}

/// A `POST /forms/urlencoded` request, created by [`Client::submit_form`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct SubmitFormRequest {
    client: Client,
    body: Signup,
    options: rt::RequestOptions,
}

impl SubmitFormRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "SubmitForm",
        method: rt::Method::Post,
        path_template: "/forms/urlencoded",
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

    /// Sends the request; see [`Client::submit_form`] for what it returns and its errors.
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
            "/forms/urlencoded".to_owned(),
        );
        request.set_options(self.options);
        request
            .form_body(
                &self.body,
                &[
                    ("tags", rt::QueryStyle::Form, false),
                    ("color", rt::QueryStyle::DeepObject, false),
                ],
            )?;
        Ok(request)
    }
}

/// A `POST /forms/multipart` request, created by [`Client::upload_document`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct UploadDocumentRequest {
    client: Client,
    body: rt::Multipart,
    options: rt::RequestOptions,
}

impl UploadDocumentRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "UploadDocument",
        method: rt::Method::Post,
        path_template: "/forms/multipart",
        preview: false,
        servers: &[],
        security: &[],
    };

    /// Sends this form instead of the typed body: for file names and content types of your
    /// own, files and streams that are not read into memory ([`rt::FilePart`] with an
    /// [`rt::UploadBody`]), or parts the schema does not list.
    #[inline]
    pub fn multipart(mut self, form: rt::Multipart) -> Self {
        self.body = form;
        self
    }

    /// The typed body as a form: a part per field (text, JSON or file), in schema order.
    #[inline]
    fn multipart_form(body: UploadDocumentBody) -> rt::Multipart {
        let mut form = rt::Multipart::new();
        form = form.field("title", &body.title);
        form = form.file("file", body.file);
        if let Some(value) = body.thumbnail {
            form = form
                .file("thumbnail", rt::FilePart::new(value).content_type("image/png"));
        }
        if let Some(value) = body.attachments {
            for value in value {
                form = form.file("attachments", value);
            }
        }
        if let Some(value) = &body.meta {
            form = form.field("meta", value);
        }
        if let Some(value) = &body.tags {
            form = form.field("tags", value);
        }
        if let Some(value) = &body.count {
            form = form.field("count", value);
        }
        for (name, value) in &body.additional_properties {
            form = form.field(name.as_str(), value);
        }
        form
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::upload_document`] for what it returns and its errors.
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
            "/forms/multipart".to_owned(),
        );
        request.set_options(self.options);
        request.multipart_body(self.body)?;
        Ok(request)
    }
}

/// A `POST /forms/multipart/optional` request, created by [`Client::upload_optional`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct UploadOptionalRequest {
    client: Client,
    body: Option<rt::Multipart>,
    options: rt::RequestOptions,
}

impl UploadOptionalRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "UploadOptional",
        method: rt::Method::Post,
        path_template: "/forms/multipart/optional",
        preview: false,
        servers: &[],
        security: &[],
    };

    /// The request body.
    #[inline]
    pub fn body(mut self, value: Signup) -> Self {
        self.body = Some(Self::multipart_form(value));
        self
    }

    /// Sends this form instead of the typed body: for file names and content types of your
    /// own, files and streams that are not read into memory ([`rt::FilePart`] with an
    /// [`rt::UploadBody`]), or parts the schema does not list.
    #[inline]
    pub fn multipart(mut self, form: rt::Multipart) -> Self {
        self.body = Some(form);
        self
    }

    /// The typed body as a form: a part per field (text, JSON or file), in schema order.
    #[inline]
    fn multipart_form(body: Signup) -> rt::Multipart {
        let mut form = rt::Multipart::new();
        form = form.field("name", &body.name);
        if let Some(value) = &body.tags {
            form = form.field("tags", value);
        }
        if let Some(value) = &body.color {
            form = form.field("color", value);
        }
        if let Some(value) = &body.age {
            form = form.field("age", value);
        }
        for (name, value) in &body.additional_properties {
            form = form.field(name.as_str(), value);
        }
        form
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::upload_optional`] for what it returns and its errors.
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
            "/forms/multipart/optional".to_owned(),
        );
        request.set_options(self.options);
        if let Some(body) = self.body {
            request.multipart_body(body)?;
        }
        Ok(request)
    }
}

/// A `PUT /anything` request, created by [`Client::put_anything`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct PutAnythingRequest {
    client: Client,
    body: Signup,
    options: rt::RequestOptions,
}

impl PutAnythingRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "PutAnything",
        method: rt::Method::Put,
        path_template: "/anything",
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

    /// Sends the request; see [`Client::put_anything`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/anything".to_owned());
        request.set_options(self.options);
        request.json_body(&self.body)?;
        Ok(request)
    }
}

/// A `PATCH /vnd` request, created by [`Client::patch_vnd`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct PatchVndRequest {
    client: Client,
    body: Color,
    options: rt::RequestOptions,
}

impl PatchVndRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "PatchVnd",
        method: rt::Method::Patch,
        path_template: "/vnd",
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

    /// Sends the request; see [`Client::patch_vnd`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/vnd".to_owned());
        request.set_options(self.options);
        request.json_body_as("application/vnd.api+json", &self.body)?;
        Ok(request)
    }
}

/// A `POST /blob` request, created by [`Client::upload_blob`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct UploadBlobRequest {
    client: Client,
    body: rt::UploadBody,
    options: rt::RequestOptions,
}

impl UploadBlobRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "UploadBlob",
        method: rt::Method::Post,
        path_template: "/blob",
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

    /// Sends the request; see [`Client::upload_blob`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/blob".to_owned());
        request.set_options(self.options);
        request.upload_body("application/octet-stream", self.body);
        Ok(request)
    }
}
