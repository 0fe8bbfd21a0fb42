// @generated from media.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Media".

use super::super::models::{
    PutMediaFileResponse200, StartMediaJobResponse, StartMediaJobResponse200,
    StartMediaJobResponse202, UploadMediaPhotoBody, UploadMediaSpecBody,
    UploadMediaSpecResponse200,
};
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `POST /media/logs` (operation `SubmitMediaLog`).
    ///
    /// Served from `https://{subdomain}.{site}` rather than the API's server, whatever the client's base URL (its variables come from the client's server variables); `ClientBuilder::operation_base_url("SubmitMediaLog", …)` sends it elsewhere.
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: String) -> Result<(), Error> {
    ///     let text = client.submit_media_log(body).send().await?;
    ///     println!("{text}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn submit_media_log(&self, body: String) -> SubmitMediaLogRequest {
        SubmitMediaLogRequest {
            client: self.clone(),
            body,
            options: Default::default(),
        }
    }

    /// `PUT /media/archive` (operation `UploadMediaArchive`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: Vec<u8>) -> Result<(), Error> {
    ///     let download = client.upload_media_archive(body).send().await?;
    ///     println!("{} bytes", download.save("download.bin").await?);
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn upload_media_archive(
        &self,
        body: impl Into<rt::UploadBody>,
    ) -> UploadMediaArchiveRequest {
        UploadMediaArchiveRequest {
            client: self.clone(),
            body: body.into(),
            options: Default::default(),
        }
    }

    /// `POST /media/spec` (operation `UploadMediaSpec`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::UploadMediaSpecBody;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: UploadMediaSpecBody) -> Result<(), Error> {
    ///     let response = client.upload_media_spec(body).send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn upload_media_spec(
        &self,
        body: UploadMediaSpecBody,
    ) -> UploadMediaSpecRequest {
        UploadMediaSpecRequest {
            client: self.clone(),
            body: UploadMediaSpecRequest::multipart_form(body),
            options: Default::default(),
        }
    }

    /// `POST /media/jobs` (operation `StartMediaJob`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     let response = client.start_media_job().send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn start_media_job(&self) -> StartMediaJobRequest {
        StartMediaJobRequest {
            client: self.clone(),
            options: Default::default(),
        }
    }

    /// A file of any size, as stored.
    ///
    /// `GET /media/files/{name}` (operation `DownloadMediaFile`).
    ///
    /// Sends no credentials.
    ///
    /// # Errors
    ///
    /// Returns `Error::Api` for these documented statuses (and any other non-2xx status):
    ///
    /// - `404`: No such file.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, name: &str) -> Result<(), Error> {
    ///     let download = client.download_media_file(name).send().await?;
    ///     println!("{} bytes", download.save("download.bin").await?);
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn download_media_file(
        &self,
        name: impl std::fmt::Display,
    ) -> DownloadMediaFileRequest {
        DownloadMediaFileRequest {
            client: self.clone(),
            name: name.to_string(),
            options: Default::default(),
        }
    }

    /// `PUT /media/files/{name}` (operation `PutMediaFile`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, name: &str, body: Vec<u8>) -> Result<(), Error> {
    ///     let response = client.put_media_file(name, body).send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn put_media_file(
        &self,
        name: impl std::fmt::Display,
        body: impl Into<rt::UploadBody>,
    ) -> PutMediaFileRequest {
        PutMediaFileRequest {
            client: self.clone(),
            name: name.to_string(),
            body: body.into(),
            options: Default::default(),
        }
    }

    /// `POST /media/photos` (operation `UploadMediaPhoto`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::UploadMediaPhotoBody;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: UploadMediaPhotoBody) -> Result<(), Error> {
    ///     let download = client.upload_media_photo(body).send().await?;
    ///     println!("{} bytes", download.save("download.bin").await?);
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn upload_media_photo(
        &self,
        body: UploadMediaPhotoBody,
    ) -> UploadMediaPhotoRequest {
        UploadMediaPhotoRequest {
            client: self.clone(),
            body: UploadMediaPhotoRequest::multipart_form(body),
            options: Default::default(),
        }
    }
}

/// A `POST /media/logs` request, created by [`Client::submit_media_log`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct SubmitMediaLogRequest {
    client: Client,
    body: String,
    options: rt::RequestOptions,
}

impl SubmitMediaLogRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "SubmitMediaLog",
        method: rt::Method::Post,
        path_template: "/media/logs",
        preview: false,
        servers: &[
            rt::Server {
                url: "https://{subdomain}.{site}",
                variables: &[
                    rt::ServerVariable {
                        name: "site",
                        default: "datadoghq.com",
                        values: &[],
                    },
                    rt::ServerVariable {
                        name: "subdomain",
                        default: "http-intake.logs",
                        values: &[],
                    },
                ],
            },
        ],
        security: &[],
    };

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::submit_media_log`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<String, rt::send::Text> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<String, rt::send::Text> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Text)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/media/logs".to_owned());
        request.set_options(self.options);
        request.text_body("text/plain", self.body);
        Ok(request)
    }
}

/// A `PUT /media/archive` request, created by [`Client::upload_media_archive`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct UploadMediaArchiveRequest {
    client: Client,
    body: rt::UploadBody,
    options: rt::RequestOptions,
}

impl UploadMediaArchiveRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "UploadMediaArchive",
        method: rt::Method::Put,
        path_template: "/media/archive",
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

    /// Sends the request; see [`Client::upload_media_archive`] for what it returns and its errors.
    ///
    /// The body is not read into memory: read it as it arrives with [`rt::ByteStream::collect`] (with a size limit), [`rt::ByteStream::write_to`] or [`rt::ByteStream::save`], or as a `Stream` of chunks. The client's body limit does not apply to it; an error status is still returned as an error.
    #[inline]
    pub fn send(self) -> rt::StreamBodyFuture {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::StreamFuture {
        let client = self.client.runtime().clone();
        client.send_stream(self.into_request())
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/media/archive".to_owned());
        request.set_options(self.options);
        request.upload_body("application/octet-stream", self.body);
        Ok(request)
    }
}

/// A `POST /media/spec` request, created by [`Client::upload_media_spec`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct UploadMediaSpecRequest {
    client: Client,
    body: rt::Multipart,
    options: rt::RequestOptions,
}

impl UploadMediaSpecRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "UploadMediaSpec",
        method: rt::Method::Post,
        path_template: "/media/spec",
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
    fn multipart_form(body: UploadMediaSpecBody) -> rt::Multipart {
        let mut form = rt::Multipart::new();
        if let Some(value) = body.openapi_spec_file {
            form = form.file("openapi_spec_file", value);
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

    /// Sends the request; see [`Client::upload_media_spec`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<UploadMediaSpecResponse200> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<UploadMediaSpecResponse200> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/media/spec".to_owned());
        request.set_options(self.options);
        request.multipart_body(self.body)?;
        Ok(request)
    }
}

/// A `POST /media/jobs` request, created by [`Client::start_media_job`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct StartMediaJobRequest {
    client: Client,
    options: rt::RequestOptions,
}

impl StartMediaJobRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "StartMediaJob",
        method: rt::Method::Post,
        path_template: "/media/jobs",
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

    /// Sends the request; see [`Client::start_media_job`] for what it returns and its errors.
    #[inline]
    pub fn send(
        self,
    ) -> rt::BodyFuture<
        StartMediaJobResponse,
        rt::send::DecodeFn<StartMediaJobResponse>,
    > {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(
        self,
    ) -> rt::ResponseFuture<
        StartMediaJobResponse,
        rt::send::DecodeFn<StartMediaJobResponse>,
    > {
        let client = self.client.runtime().clone();
        client
            .send(
                self.into_request(),
                Self::decode as rt::send::DecodeFn<StartMediaJobResponse>,
            )
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/media/jobs".to_owned());
        request.set_options(self.options);
        Ok(request)
    }

    /// Decodes the body the response's status documents.
    #[inline]
    fn decode(
        response: rt::RawResponse,
    ) -> Result<rt::ApiResponse<StartMediaJobResponse>, Error> {
        match response.status_code() {
            200 => {
                response
                    .json::<StartMediaJobResponse200>()
                    .map(|r| r.map(StartMediaJobResponse::Status200))
            }
            202 => {
                response
                    .json::<StartMediaJobResponse202>()
                    .map(|r| r.map(StartMediaJobResponse::Status202))
            }
            _ => response.json(),
        }
    }
}

/// A `GET /media/files/{name}` request, created by [`Client::download_media_file`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct DownloadMediaFileRequest {
    client: Client,
    name: String,
    options: rt::RequestOptions,
}

impl DownloadMediaFileRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "DownloadMediaFile",
        method: rt::Method::Get,
        path_template: "/media/files/{name}",
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

    /// Sends the request; see [`Client::download_media_file`] for what it returns and its errors.
    ///
    /// The body is not read into memory: read it as it arrives with [`rt::ByteStream::collect`] (with a size limit), [`rt::ByteStream::write_to`] or [`rt::ByteStream::save`], or as a `Stream` of chunks. The client's body limit does not apply to it; an error status is still returned as an error.
    #[inline]
    pub fn send(self) -> rt::StreamBodyFuture {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::StreamFuture {
        let client = self.client.runtime().clone();
        client.send_stream(self.into_request())
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(
            Self::OPERATION,
            ["/media/files/", &rt::encode_path_segment(&self.name)].concat(),
        );
        request.set_options(self.options);
        Ok(request)
    }
}

/// A `PUT /media/files/{name}` request, created by [`Client::put_media_file`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct PutMediaFileRequest {
    client: Client,
    name: String,
    body: rt::UploadBody,
    options: rt::RequestOptions,
}

impl PutMediaFileRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "PutMediaFile",
        method: rt::Method::Put,
        path_template: "/media/files/{name}",
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

    /// Sends the request; see [`Client::put_media_file`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<PutMediaFileResponse200> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<PutMediaFileResponse200> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(
            Self::OPERATION,
            ["/media/files/", &rt::encode_path_segment(&self.name)].concat(),
        );
        request.set_options(self.options);
        request.upload_body("application/octet-stream", self.body);
        Ok(request)
    }
}

/// A `POST /media/photos` request, created by [`Client::upload_media_photo`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct UploadMediaPhotoRequest {
    client: Client,
    body: rt::Multipart,
    options: rt::RequestOptions,
}

impl UploadMediaPhotoRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "UploadMediaPhoto",
        method: rt::Method::Post,
        path_template: "/media/photos",
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
    fn multipart_form(body: UploadMediaPhotoBody) -> rt::Multipart {
        let mut form = rt::Multipart::new();
        if let Some(value) = &body.title {
            form = form.field("title", value);
        }
        form = form
            .file("photo", rt::FilePart::new(body.photo).content_type("image/png"));
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

    /// Sends the request; see [`Client::upload_media_photo`] for what it returns and its errors.
    ///
    /// The body is not read into memory: read it as it arrives with [`rt::ByteStream::collect`] (with a size limit), [`rt::ByteStream::write_to`] or [`rt::ByteStream::save`], or as a `Stream` of chunks. The client's body limit does not apply to it; an error status is still returned as an error.
    #[inline]
    pub fn send(self) -> rt::StreamBodyFuture {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::StreamFuture {
        let client = self.client.runtime().clone();
        client.send_stream(self.into_request())
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/media/photos".to_owned());
        request.set_options(self.options);
        request.multipart_body(self.body)?;
        Ok(request)
    }
}
