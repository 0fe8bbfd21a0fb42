// @generated from auth_servers.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Servers".

use super::super::models::Thing;
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// Its own server; the query key only.
    ///
    /// `PUT /uploads/{id}` (operation `UploadThing`).
    ///
    /// Served from `http://127.0.0.1:{uploadPort}/files` rather than the API's server, whatever the client's base URL (its variables come from the client's server variables); `ClientBuilder::operation_base_url("UploadThing", …)` sends it elsewhere.
    ///
    /// Authentication: `queryKey`.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, id: &str) -> Result<(), Error> {
    ///     client.upload_thing(id).send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn upload_thing(&self, id: impl std::fmt::Display) -> UploadThingRequest {
        UploadThingRequest {
            client: self.clone(),
            id: id.to_string(),
            options: Default::default(),
        }
    }

    /// Its own server, over the path's; the default security.
    ///
    /// `GET /events` (operation `ListEvents`).
    ///
    /// Served from `http://127.0.0.1:{mirrorPort}/mirror` rather than the API's server, whatever the client's base URL (its variables come from the client's server variables); `ClientBuilder::operation_base_url("ListEvents", …)` sends it elsewhere.
    ///
    /// Authentication: `headerKey`.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     let response = client.list_events().send().await?;
    ///     println!("{response:?}");
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn list_events(&self) -> ListEventsRequest {
        ListEventsRequest {
            client: self.clone(),
            options: Default::default(),
        }
    }

    /// The path's server; basic auth.
    ///
    /// `POST /events` (operation `SendEvent`).
    ///
    /// Served from `http://127.0.0.1:{intakePort}/intake` rather than the API's server, whatever the client's base URL (its variables come from the client's server variables); `ClientBuilder::operation_base_url("SendEvent", …)` sends it elsewhere.
    ///
    /// Authentication: `basicAuth`.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::Thing;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, body: Thing) -> Result<(), Error> {
    ///     client.send_event(body).send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn send_event(&self, body: Thing) -> SendEventRequest {
        SendEventRequest {
            client: self.clone(),
            body,
            options: Default::default(),
        }
    }
}

/// A `PUT /uploads/{id}` request, created by [`Client::upload_thing`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct UploadThingRequest {
    client: Client,
    id: String,
    options: rt::RequestOptions,
}

impl UploadThingRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "UploadThing",
        method: rt::Method::Put,
        path_template: "/uploads/{id}",
        preview: false,
        servers: &[
            rt::Server {
                url: "http://127.0.0.1:{uploadPort}/files",
                variables: &[
                    rt::ServerVariable {
                        name: "uploadPort",
                        default: "2",
                        values: &[],
                    },
                ],
            },
        ],
        security: &[&["queryKey"]],
    };

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::upload_thing`] for what it returns and its errors.
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
            ["/uploads/", &rt::encode_path_segment(&self.id)].concat(),
        );
        request.set_options(self.options);
        Ok(request)
    }
}

/// A `GET /events` request, created by [`Client::list_events`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ListEventsRequest {
    client: Client,
    options: rt::RequestOptions,
}

impl ListEventsRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "ListEvents",
        method: rt::Method::Get,
        path_template: "/events",
        preview: false,
        servers: &[
            rt::Server {
                url: "http://127.0.0.1:{mirrorPort}/mirror",
                variables: &[
                    rt::ServerVariable {
                        name: "mirrorPort",
                        default: "4",
                        values: &[],
                    },
                ],
            },
        ],
        security: &[&["headerKey"]],
    };

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::list_events`] for what it returns and its errors.
    #[inline]
    pub fn send(self) -> rt::BodyFuture<Vec<Thing>> {
        self.send_with_response().into_body()
    }

    /// Like `send`, and also returns the HTTP status and headers of the response.
    #[inline]
    pub fn send_with_response(self) -> rt::ResponseFuture<Vec<Thing>> {
        let client = self.client.runtime().clone();
        client.send(self.into_request(), rt::send::Json)
    }

    /// The request, encoded: its path, parameters and body.
    #[inline]
    fn into_request(self) -> Result<rt::Request, Error> {
        let mut request = rt::Request::new(Self::OPERATION, "/events".to_owned());
        request.set_options(self.options);
        Ok(request)
    }
}

/// A `POST /events` request, created by [`Client::send_event`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct SendEventRequest {
    client: Client,
    body: Thing,
    options: rt::RequestOptions,
}

impl SendEventRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "SendEvent",
        method: rt::Method::Post,
        path_template: "/events",
        preview: false,
        servers: &[
            rt::Server {
                url: "http://127.0.0.1:{intakePort}/intake",
                variables: &[
                    rt::ServerVariable {
                        name: "intakePort",
                        default: "3",
                        values: &[],
                    },
                ],
            },
        ],
        security: &[&["basicAuth"]],
    };

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::send_event`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/events".to_owned());
        request.set_options(self.options);
        request.json_body(&self.body)?;
        Ok(request)
    }
}
