// @generated from media.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Media".

use super::super::models::{
    StartMediaJobResponse, StartMediaJobResponse200, StartMediaJobResponse202,
    UploadMediaSpecBody, UploadMediaSpecResponse200,
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
    ///     let bytes = client.upload_media_archive(body).send().await?;
    ///     println!("{} bytes", bytes.len());
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn upload_media_archive(&self, body: Vec<u8>) -> UploadMediaArchiveRequest {
        UploadMediaArchiveRequest {
            client: self.clone(),
            body,
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
    body: Vec<u8>,
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
    #[inline]
    pub fn send(self) -> rt::BodyFuture<Vec<u8>, rt::send::Bytes> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<Vec<u8>, rt::send::Bytes> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Bytes)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/media/archive".to_owned());
        request.set_options(self.options);
        request.bytes_body("application/octet-stream", self.body);
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

    /// Sends this form instead of the typed body: for file names of your own, or parts the
    /// schema does not list.
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
            form = form
                .file(
                    "openapi_spec_file",
                    "openapi_spec_file",
                    "application/octet-stream",
                    value,
                );
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
