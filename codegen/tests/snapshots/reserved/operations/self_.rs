// @generated from reserved.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Self".

use super::super::models::SelfModel;
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `GET /self` (operation `Self`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     let response = client.self_().send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn self_(&self) -> SelfRequest {
        SelfRequest {
            client: self.clone(),
            self_: None,
            self_2: None,
            crate_: None,
            r#type: None,
            r#gen: None,
            send2: None,
            into_request2: None,
            with_options2: None,
            new2: None,
            client2: None,
            clone2: None,
            decode2: None,
            options2: None,
            options: Default::default(),
        }
    }
}

/// A `GET /self` request, created by [`Client::self_`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct SelfRequest {
    client: Client,
    self_: Option<String>,
    self_2: Option<String>,
    crate_: Option<String>,
    r#type: Option<String>,
    r#gen: Option<String>,
    send2: Option<String>,
    into_request2: Option<String>,
    with_options2: Option<String>,
    new2: Option<String>,
    client2: Option<String>,
    clone2: Option<String>,
    decode2: Option<String>,
    options2: Option<String>,
    options: rt::RequestOptions,
}

impl SelfRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "Self",
        method: rt::Method::Get,
        path_template: "/self",
        preview: false,
        servers: &[],
        security: &[],
    };

    #[inline]
    pub fn self_(mut self, self_: impl Into<String>) -> Self {
        self.self_ = Some(self_.into());
        self
    }

    #[inline]
    pub fn self_2(mut self, self_2: impl Into<String>) -> Self {
        self.self_2 = Some(self_2.into());
        self
    }

    #[inline]
    pub fn crate_(mut self, crate_: impl Into<String>) -> Self {
        self.crate_ = Some(crate_.into());
        self
    }

    #[inline]
    pub fn r#type(mut self, r#type: impl Into<String>) -> Self {
        self.r#type = Some(r#type.into());
        self
    }

    #[inline]
    pub fn r#gen(mut self, r#gen: impl Into<String>) -> Self {
        self.r#gen = Some(r#gen.into());
        self
    }

    #[inline]
    pub fn send2(mut self, send2: impl Into<String>) -> Self {
        self.send2 = Some(send2.into());
        self
    }

    #[inline]
    pub fn into_request2(mut self, into_request2: impl Into<String>) -> Self {
        self.into_request2 = Some(into_request2.into());
        self
    }

    #[inline]
    pub fn with_options2(mut self, with_options2: impl Into<String>) -> Self {
        self.with_options2 = Some(with_options2.into());
        self
    }

    #[inline]
    pub fn new2(mut self, new2: impl Into<String>) -> Self {
        self.new2 = Some(new2.into());
        self
    }

    #[inline]
    pub fn client2(mut self, client2: impl Into<String>) -> Self {
        self.client2 = Some(client2.into());
        self
    }

    #[inline]
    pub fn clone2(mut self, clone2: impl Into<String>) -> Self {
        self.clone2 = Some(clone2.into());
        self
    }

    #[inline]
    pub fn decode2(mut self, decode2: impl Into<String>) -> Self {
        self.decode2 = Some(decode2.into());
        self
    }

    #[inline]
    pub fn options2(mut self, options2: impl Into<String>) -> Self {
        self.options2 = Some(options2.into());
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::self_`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<SelfModel> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<SelfModel> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/self".to_owned());
        request.set_options(self.options);
        request.query("self", self.self_.as_ref());
        request.query("Self", self.self_2.as_ref());
        request.query("crate", self.crate_.as_ref());
        request.query("type", self.r#type.as_ref());
        request.query("gen", self.r#gen.as_ref());
        request.query("send", self.send2.as_ref());
        request.query("into_request", self.into_request2.as_ref());
        request.query("with_options", self.with_options2.as_ref());
        request.query("new", self.new2.as_ref());
        request.query("client", self.client2.as_ref());
        request.query("clone", self.clone2.as_ref());
        request.query("decode", self.decode2.as_ref());
        request.query("options", self.options2.as_ref());
        Ok(request)
    }
}
