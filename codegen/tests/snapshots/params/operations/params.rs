// @generated from params.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Operations tagged "Params".
//!
//! Parameter styles.

use super::super::models::{Color, Filter, NameOrColor, QueryDeepPage, Status};
use super::super::Client;
use openapi_sdk_runtime as rt;
use rt::Error;

impl Client {
    /// `GET /query/form` (operation `QueryForm`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     client.query_form().send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn query_form(&self) -> QueryFormRequest {
        QueryFormRequest {
            client: self.clone(),
            tags: None,
            ids: None,
            color: None,
            rgb: None,
            labels: None,
            status: None,
            q: None,
            options: Default::default(),
        }
    }

    /// `GET /query/delimited` (operation `QueryDelimited`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     client.query_delimited().send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn query_delimited(&self) -> QueryDelimitedRequest {
        QueryDelimitedRequest {
            client: self.clone(),
            space: None,
            pipe: None,
            space_color: None,
            pipe_color: None,
            options: Default::default(),
        }
    }

    /// `GET /query/deep` (operation `QueryDeep`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     client.query_deep().send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn query_deep(&self) -> QueryDeepRequest {
        QueryDeepRequest {
            client: self.clone(),
            filter: None,
            page: None,
            expand: None,
            options: Default::default(),
        }
    }

    /// `GET /query/dynamic` (operation `QueryDynamic`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     client.query_dynamic().send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn query_dynamic(&self) -> QueryDynamicRequest {
        QueryDynamicRequest {
            client: self.clone(),
            shape: None,
            any: None,
            rows: None,
            filter: None,
            options: Default::default(),
        }
    }

    /// `GET /query/content` (operation `QueryContent`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::Filter;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, r#where: Filter) -> Result<(), Error> {
    ///     client.query_content(r#where).send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn query_content(&self, r#where: Filter) -> QueryContentRequest {
        QueryContentRequest {
            client: self.clone(),
            r#where,
            note: None,
            options: Default::default(),
        }
    }

    /// `GET /simple/{id}/{list}/{color}/{color_exploded}` (operation `PathSimple`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::Color;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(
    ///     client: &Client,
    ///     id: &str,
    ///     list: Vec<String>,
    ///     color: Color,
    ///     color_exploded: Color,
    /// ) -> Result<(), Error> {
    ///     client
    ///         .path_simple(id, list, color, color_exploded)
    ///         .send()
    ///         .await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn path_simple(
        &self,
        id: impl std::fmt::Display,
        list: impl IntoIterator<Item = impl Into<String>>,
        color: Color,
        color_exploded: Color,
    ) -> PathSimpleRequest {
        PathSimpleRequest {
            client: self.clone(),
            id: id.to_string(),
            list: list.into_iter().map(Into::into).collect(),
            color,
            color_exploded,
            options: Default::default(),
        }
    }

    /// `GET /styled/{day}/{label}/{label_exploded}/{label_color}/x{matrix}{matrix_exploded}{matrix_color}` (operation `PathLabelMatrix`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::models::Color;
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(
    ///     client: &Client,
    ///     day: &str,
    ///     label: Vec<String>,
    ///     label_exploded: Vec<String>,
    ///     label_color: Color,
    ///     matrix: Vec<i64>,
    ///     matrix_exploded: Vec<i64>,
    ///     matrix_color: Color,
    /// ) -> Result<(), Error> {
    ///     client
    ///         .path_label_matrix(
    ///             day,
    ///             label,
    ///             label_exploded,
    ///             label_color,
    ///             matrix,
    ///             matrix_exploded,
    ///             matrix_color,
    ///         )
    ///         .send()
    ///         .await?;
    ///     Ok(())
    /// }
    /// ```
    #[allow(clippy::too_many_arguments)]
    #[inline]
    pub fn path_label_matrix(
        &self,
        day: impl std::fmt::Display,
        label: impl IntoIterator<Item = impl Into<String>>,
        label_exploded: impl IntoIterator<Item = impl Into<String>>,
        label_color: Color,
        matrix: impl IntoIterator<Item = i64>,
        matrix_exploded: impl IntoIterator<Item = i64>,
        matrix_color: Color,
    ) -> PathLabelMatrixRequest {
        PathLabelMatrixRequest {
            client: self.clone(),
            day: day.to_string(),
            label: label.into_iter().map(Into::into).collect(),
            label_exploded: label_exploded.into_iter().map(Into::into).collect(),
            label_color,
            matrix: matrix.into_iter().collect(),
            matrix_exploded: matrix_exploded.into_iter().collect(),
            matrix_color,
            options: Default::default(),
        }
    }

    /// `GET /headers` (operation `Headers`).
    ///
    /// Sends no credentials.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client) -> Result<(), Error> {
    ///     client.headers().send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn headers(&self) -> HeadersRequest {
        HeadersRequest {
            client: self.clone(),
            x_scalar: None,
            x_list: None,
            x_color: None,
            x_color_exploded: None,
            x_any: None,
            x_filter: None,
            options: Default::default(),
        }
    }

    /// `GET /cookies` (operation `Cookies`).
    ///
    /// Authentication: `cookieKey`, or none.
    ///
    /// # Example
    ///
    /// ```no_run
    /// use datadog_connections::{Client, Error};
    ///
    /// async fn example(client: &Client, session: &str) -> Result<(), Error> {
    ///     client.cookies(session).send().await?;
    ///     Ok(())
    /// }
    /// ```
    #[inline]
    pub fn cookies(&self, session: impl Into<String>) -> CookiesRequest {
        CookiesRequest {
            client: self.clone(),
            session: session.into(),
            prefs: None,
            prefs_flat: None,
            color: None,
            options: Default::default(),
        }
    }
}

/// A `GET /query/form` request, created by [`Client::query_form`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct QueryFormRequest {
    client: Client,
    tags: Option<Vec<String>>,
    ids: Option<Vec<i64>>,
    color: Option<Color>,
    rgb: Option<Color>,
    labels: Option<std::collections::BTreeMap<String, String>>,
    status: Option<Vec<Status>>,
    q: Option<String>,
    options: rt::RequestOptions,
}

impl QueryFormRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "QueryForm",
        method: rt::Method::Get,
        path_template: "/query/form",
        preview: false,
        servers: &[],
        security: &[],
    };

    #[inline]
    pub fn tags(mut self, tags: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }

    #[inline]
    pub fn ids(mut self, ids: impl IntoIterator<Item = i64>) -> Self {
        self.ids = Some(ids.into_iter().collect());
        self
    }

    #[inline]
    pub fn color(mut self, color: Color) -> Self {
        self.color = Some(color);
        self
    }

    #[inline]
    pub fn rgb(mut self, rgb: Color) -> Self {
        self.rgb = Some(rgb);
        self
    }

    #[inline]
    pub fn labels(mut self, labels: std::collections::BTreeMap<String, String>) -> Self {
        self.labels = Some(labels);
        self
    }

    #[inline]
    pub fn status(mut self, status: impl IntoIterator<Item = Status>) -> Self {
        self.status = Some(status.into_iter().collect());
        self
    }

    #[inline]
    pub fn q(mut self, q: impl Into<String>) -> Self {
        self.q = Some(q.into());
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::query_form`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/query/form".to_owned());
        request.set_options(self.options);
        request.query_list("tags", self.tags.as_ref(), true);
        request.query_list("ids", self.ids.as_ref(), false);
        request.query_param("color", self.color.as_ref(), rt::QueryStyle::Form, true)?;
        request.query_param("rgb", self.rgb.as_ref(), rt::QueryStyle::Form, false)?;
        request.query_param("labels", self.labels.as_ref(), rt::QueryStyle::Form, true)?;
        request.query_list("status", self.status.as_ref(), false);
        request.query("q", self.q.as_ref());
        Ok(request)
    }
}

/// A `GET /query/delimited` request, created by [`Client::query_delimited`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct QueryDelimitedRequest {
    client: Client,
    space: Option<Vec<String>>,
    pipe: Option<Vec<String>>,
    space_color: Option<Color>,
    pipe_color: Option<Color>,
    options: rt::RequestOptions,
}

impl QueryDelimitedRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "QueryDelimited",
        method: rt::Method::Get,
        path_template: "/query/delimited",
        preview: false,
        servers: &[],
        security: &[],
    };

    #[inline]
    pub fn space(mut self, space: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.space = Some(space.into_iter().map(Into::into).collect());
        self
    }

    #[inline]
    pub fn pipe(mut self, pipe: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.pipe = Some(pipe.into_iter().map(Into::into).collect());
        self
    }

    #[inline]
    pub fn space_color(mut self, space_color: Color) -> Self {
        self.space_color = Some(space_color);
        self
    }

    #[inline]
    pub fn pipe_color(mut self, pipe_color: Color) -> Self {
        self.pipe_color = Some(pipe_color);
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::query_delimited`] for what it returns and its errors.
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
            "/query/delimited".to_owned(),
        );
        request.set_options(self.options);
        request
            .query_param(
                "space",
                self.space.as_ref(),
                rt::QueryStyle::SpaceDelimited,
                false,
            )?;
        request
            .query_param(
                "pipe",
                self.pipe.as_ref(),
                rt::QueryStyle::PipeDelimited,
                false,
            )?;
        request
            .query_param(
                "space_color",
                self.space_color.as_ref(),
                rt::QueryStyle::SpaceDelimited,
                false,
            )?;
        request
            .query_param(
                "pipe_color",
                self.pipe_color.as_ref(),
                rt::QueryStyle::PipeDelimited,
                false,
            )?;
        Ok(request)
    }
}

/// A `GET /query/deep` request, created by [`Client::query_deep`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct QueryDeepRequest {
    client: Client,
    filter: Option<Filter>,
    page: Option<QueryDeepPage>,
    expand: Option<Vec<String>>,
    options: rt::RequestOptions,
}

impl QueryDeepRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "QueryDeep",
        method: rt::Method::Get,
        path_template: "/query/deep",
        preview: false,
        servers: &[],
        security: &[],
    };

    #[inline]
    pub fn filter(mut self, filter: Filter) -> Self {
        self.filter = Some(filter);
        self
    }

    #[inline]
    pub fn page(mut self, page: QueryDeepPage) -> Self {
        self.page = Some(page);
        self
    }

    #[inline]
    pub fn expand(
        mut self,
        expand: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.expand = Some(expand.into_iter().map(Into::into).collect());
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::query_deep`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/query/deep".to_owned());
        request.set_options(self.options);
        request
            .query_param(
                "filter",
                self.filter.as_ref(),
                rt::QueryStyle::DeepObject,
                true,
            )?;
        request
            .query_param("page", self.page.as_ref(), rt::QueryStyle::DeepObject, false)?;
        request
            .query_deep_object("expand", self.expand.as_ref(), rt::DeepArrays::Indexed)?;
        Ok(request)
    }
}

/// A `GET /query/dynamic` request, created by [`Client::query_dynamic`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct QueryDynamicRequest {
    client: Client,
    shape: Option<NameOrColor>,
    any: Option<serde_json::Value>,
    rows: Option<Vec<Color>>,
    filter: Option<Filter>,
    options: rt::RequestOptions,
}

impl QueryDynamicRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "QueryDynamic",
        method: rt::Method::Get,
        path_template: "/query/dynamic",
        preview: false,
        servers: &[],
        security: &[],
    };

    #[inline]
    pub fn shape(mut self, shape: NameOrColor) -> Self {
        self.shape = Some(shape);
        self
    }

    #[inline]
    pub fn any(mut self, any: serde_json::Value) -> Self {
        self.any = Some(any);
        self
    }

    #[inline]
    pub fn rows(mut self, rows: impl IntoIterator<Item = Color>) -> Self {
        self.rows = Some(rows.into_iter().collect());
        self
    }

    #[inline]
    pub fn filter(mut self, filter: Filter) -> Self {
        self.filter = Some(filter);
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::query_dynamic`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/query/dynamic".to_owned());
        request.set_options(self.options);
        request.query_param("shape", self.shape.as_ref(), rt::QueryStyle::Form, true)?;
        request.query_param("any", self.any.as_ref(), rt::QueryStyle::Form, false)?;
        request.query_param("rows", self.rows.as_ref(), rt::QueryStyle::Form, true)?;
        request.query_param("filter", self.filter.as_ref(), rt::QueryStyle::Form, true)?;
        Ok(request)
    }
}

/// A `GET /query/content` request, created by [`Client::query_content`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct QueryContentRequest {
    client: Client,
    r#where: Filter,
    note: Option<String>,
    options: rt::RequestOptions,
}

impl QueryContentRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "QueryContent",
        method: rt::Method::Get,
        path_template: "/query/content",
        preview: false,
        servers: &[],
        security: &[],
    };

    #[inline]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::query_content`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/query/content".to_owned());
        request.set_options(self.options);
        request.query_json("where", Some(&self.r#where))?;
        request.query("note", self.note.as_ref());
        Ok(request)
    }
}

/// A `GET /simple/{id}/{list}/{color}/{color_exploded}` request, created by [`Client::path_simple`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct PathSimpleRequest {
    client: Client,
    id: String,
    list: Vec<String>,
    color: Color,
    color_exploded: Color,
    options: rt::RequestOptions,
}

impl PathSimpleRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "PathSimple",
        method: rt::Method::Get,
        path_template: "/simple/{id}/{list}/{color}/{color_exploded}",
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

    /// Sends the request; see [`Client::path_simple`] for what it returns and its errors.
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
                "/simple/",
                &rt::encode_path_segment(&self.id),
                "/{list}/{color}/{color_exploded}",
            ]
                .concat(),
        );
        request.set_options(self.options);
        request.require_items("list", &self.list)?;
        request.path_param("list", &self.list, rt::PathStyle::Simple, false)?;
        request.path_param("color", &self.color, rt::PathStyle::Simple, false)?;
        request
            .path_param(
                "color_exploded",
                &self.color_exploded,
                rt::PathStyle::Simple,
                true,
            )?;
        Ok(request)
    }
}

/// A `GET /styled/{day}/{label}/{label_exploded}/{label_color}/x{matrix}{matrix_exploded}{matrix_color}` request, created by [`Client::path_label_matrix`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct PathLabelMatrixRequest {
    client: Client,
    day: String,
    label: Vec<String>,
    label_exploded: Vec<String>,
    label_color: Color,
    matrix: Vec<i64>,
    matrix_exploded: Vec<i64>,
    matrix_color: Color,
    options: rt::RequestOptions,
}

impl PathLabelMatrixRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "PathLabelMatrix",
        method: rt::Method::Get,
        path_template: "/styled/{day}/{label}/{label_exploded}/{label_color}/x{matrix}{matrix_exploded}{matrix_color}",
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

    /// Sends the request; see [`Client::path_label_matrix`] for what it returns and its errors.
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
            "/styled/{day}/{label}/{label_exploded}/{label_color}/x{matrix}{matrix_exploded}{matrix_color}"
                .to_owned(),
        );
        request.set_options(self.options);
        request.path_param("day", &self.day, rt::PathStyle::Label, false)?;
        request.require_items("label", &self.label)?;
        request.path_param("label", &self.label, rt::PathStyle::Label, false)?;
        request.require_items("label_exploded", &self.label_exploded)?;
        request
            .path_param(
                "label_exploded",
                &self.label_exploded,
                rt::PathStyle::Label,
                true,
            )?;
        request
            .path_param("label_color", &self.label_color, rt::PathStyle::Label, true)?;
        request.require_items("matrix", &self.matrix)?;
        request.path_param("matrix", &self.matrix, rt::PathStyle::Matrix, false)?;
        request.require_items("matrix_exploded", &self.matrix_exploded)?;
        request
            .path_param(
                "matrix_exploded",
                &self.matrix_exploded,
                rt::PathStyle::Matrix,
                true,
            )?;
        request
            .path_param(
                "matrix_color",
                &self.matrix_color,
                rt::PathStyle::Matrix,
                false,
            )?;
        Ok(request)
    }
}

/// A `GET /headers` request, created by [`Client::headers`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct HeadersRequest {
    client: Client,
    x_scalar: Option<i64>,
    x_list: Option<Vec<String>>,
    x_color: Option<Color>,
    x_color_exploded: Option<Color>,
    x_any: Option<serde_json::Value>,
    x_filter: Option<Filter>,
    options: rt::RequestOptions,
}

impl HeadersRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "Headers",
        method: rt::Method::Get,
        path_template: "/headers",
        preview: false,
        servers: &[],
        security: &[],
    };

    #[inline]
    pub fn x_scalar(mut self, x_scalar: i64) -> Self {
        self.x_scalar = Some(x_scalar);
        self
    }

    #[inline]
    pub fn x_list(
        mut self,
        x_list: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.x_list = Some(x_list.into_iter().map(Into::into).collect());
        self
    }

    #[inline]
    pub fn x_color(mut self, x_color: Color) -> Self {
        self.x_color = Some(x_color);
        self
    }

    #[inline]
    pub fn x_color_exploded(mut self, x_color_exploded: Color) -> Self {
        self.x_color_exploded = Some(x_color_exploded);
        self
    }

    #[inline]
    pub fn x_any(mut self, x_any: serde_json::Value) -> Self {
        self.x_any = Some(x_any);
        self
    }

    #[inline]
    pub fn x_filter(mut self, x_filter: Filter) -> Self {
        self.x_filter = Some(x_filter);
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::headers`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/headers".to_owned());
        request.set_options(self.options);
        request.header("X-Scalar", self.x_scalar.as_ref())?;
        request.header("X-List", self.x_list.as_ref())?;
        request.header_param("X-Color", self.x_color.as_ref(), false)?;
        request.header_param("X-Color-Exploded", self.x_color_exploded.as_ref(), true)?;
        request.header_param("X-Any", self.x_any.as_ref(), false)?;
        request.header_json("X-Filter", self.x_filter.as_ref())?;
        Ok(request)
    }
}

/// A `GET /cookies` request, created by [`Client::cookies`]; set optional parameters, then call `send`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct CookiesRequest {
    client: Client,
    session: String,
    prefs: Option<Vec<String>>,
    prefs_flat: Option<Vec<String>>,
    color: Option<Color>,
    options: rt::RequestOptions,
}

impl CookiesRequest {
    const OPERATION: rt::Operation = rt::Operation {
        id: "Cookies",
        method: rt::Method::Get,
        path_template: "/cookies",
        preview: false,
        servers: &[],
        security: &[&["cookieKey"], &[]],
    };

    #[inline]
    pub fn prefs(mut self, prefs: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.prefs = Some(prefs.into_iter().map(Into::into).collect());
        self
    }

    #[inline]
    pub fn prefs_flat(
        mut self,
        prefs_flat: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.prefs_flat = Some(prefs_flat.into_iter().map(Into::into).collect());
        self
    }

    #[inline]
    pub fn color(mut self, color: Color) -> Self {
        self.color = Some(color);
        self
    }

    /// Overrides the client's retry and timeout settings for this call.
    #[inline]
    pub fn with_options(mut self, options: rt::RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Sends the request; see [`Client::cookies`] for what it returns and its errors.
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
        let mut request = rt::Request::new(Self::OPERATION, "/cookies".to_owned());
        request.set_options(self.options);
        request.cookie_param("session", Some(&self.session), true)?;
        request.cookie_param("prefs", self.prefs.as_ref(), true)?;
        request.cookie_param("prefs_flat", self.prefs_flat.as_ref(), false)?;
        request.cookie_param("color", self.color.as_ref(), false)?;
        Ok(request)
    }
}
