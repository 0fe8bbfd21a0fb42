// @generated from tolerance.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Charges".
//!
//! 42

use super::super::models::ListChargesLevel;
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// 12
    ///
    /// `GET /charges` (operation `ListCharges`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::ListChargesLevel;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     client
    ///         .list_charges()
    ///         .level(ListChargesLevel::V1)
    ///         .send()
    ///         .await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn list_charges(&self) -> ListChargesRequest {
        ListChargesRequest {
            client: self.clone(),
            expand: None,
            level: None,
            trace: None,
            options: Default::default(),
        }
    }

    /// `PUT /charges/{charge}/files/{file-id}` (operation `UploadChargeFile`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, charge: &str, file_id: &str, body: Vec<u8>) -> Result<(), Error> {
    ///     client
    ///         .upload_charge_file(charge, file_id, body)
    ///         .send()
    ///         .await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn upload_charge_file(
        &self,
        charge: impl std::fmt::Display,
        file_id: impl std::fmt::Display,
        body: impl Into<rt::UploadBody>,
    ) -> UploadChargeFileRequest {
        UploadChargeFileRequest {
            client: self.clone(),
            charge: charge.to_string(),
            file_id: file_id.to_string(),
            body: body.into(),
            options: Default::default(),
        }
    }
}

/// A `GET /charges` request, created by [`Client::list_charges`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ListChargesRequest {
    client: Client,
    expand: Option<Vec<String>>,
    level: Option<ListChargesLevel>,
    trace: Option<String>,
    options: rt::RequestOptions,
}

impl ListChargesRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "ListCharges",
        method: rt::Method::Get,
        path_template: "/charges",
        preview: false,
        servers: &[],
        security: &[],
    };

    #[inline]
    pub fn expand(
        mut self,
        expand: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.expand = Some(expand.into_iter().map(Into::into).collect());
        self
    }

    #[inline]
    pub fn level(mut self, level: ListChargesLevel) -> Self {
        self.level = Some(level);
        self
    }

    #[inline]
    pub fn trace(mut self, trace: impl Into<String>) -> Self {
        self.trace = Some(trace.into());
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::list_charges`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/charges".to_owned());
        request.set_options(self.options);
        request
            .query_deep_object("expand", self.expand.as_ref(), rt::DeepArrays::Indexed)?;
        request.query("level", self.level.as_ref());
        request.header("trace", self.trace.as_ref())?;
        Ok(request)
    }
}

/// A `PUT /charges/{charge}/files/{file-id}` request, created by [`Client::upload_charge_file`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct UploadChargeFileRequest {
    client: Client,
    charge: String,
    file_id: String,
    body: rt::UploadBody,
    options: rt::RequestOptions,
}

impl UploadChargeFileRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "UploadChargeFile",
        method: rt::Method::Put,
        path_template: "/charges/{charge}/files/{file-id}",
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

    /// Sends the request; see [`Client::upload_charge_file`] for what it returns and its errors.
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
                "/charges/",
                &rt::encode_path_segment(&self.charge),
                "/files/",
                &rt::encode_path_segment(&self.file_id),
            ]
                .concat(),
        );
        request.set_options(self.options);
        request.upload_body("application/octet-stream", self.body);
        Ok(request)
    }
}
