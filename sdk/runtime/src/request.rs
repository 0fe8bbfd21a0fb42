//! What a generated operation hands the runtime: the operation's identity and the encoded request.

use crate::error::Error;
use crate::options::RequestOptions;
use crate::param_style::{self, DeepArrays, Node, PathStyle, QueryStyle};
use crate::server::Server;
use http::header::{HeaderMap, HeaderName, HeaderValue, COOKIE};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;

/// An HTTP method (a `Copy` stand-in for `http::Method`, so operations can be constants).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// GET
    Get,
    /// PUT
    Put,
    /// POST
    Post,
    /// DELETE
    Delete,
    /// OPTIONS
    Options,
    /// HEAD
    Head,
    /// PATCH
    Patch,
    /// TRACE
    Trace,
}

impl Method {
    /// The `http` crate's method.
    pub fn to_http(self) -> http::Method {
        match self {
            Method::Get => http::Method::GET,
            Method::Put => http::Method::PUT,
            Method::Post => http::Method::POST,
            Method::Delete => http::Method::DELETE,
            Method::Options => http::Method::OPTIONS,
            Method::Head => http::Method::HEAD,
            Method::Patch => http::Method::PATCH,
            Method::Trace => http::Method::TRACE,
        }
    }

    /// Whether sending the request twice has the same effect as sending it once (GET, PUT, DELETE,
    /// HEAD, OPTIONS), so that a failure after sending may be retried.
    pub fn is_idempotent(self) -> bool {
        matches!(
            self,
            Method::Get | Method::Put | Method::Delete | Method::Head | Method::Options
        )
    }

    /// The upper-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Patch => "PATCH",
            Method::Trace => "TRACE",
        }
    }
}

/// The identity of an API operation, a constant in each generated request builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The spec's `operationId`.
    pub id: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template (`/api/v2/org_connections/{connection_id}`), for traces and errors.
    pub path_template: &'static str,
    /// Whether the operation is in Preview and must be enabled on the client.
    pub preview: bool,
    /// The operation's own servers (operation- or path-level `servers`), when it is not served from
    /// the API's; empty otherwise. The first one is used.
    pub servers: &'static [Server],
    /// The security requirements: alternatives, each a set of scheme names that must all be
    /// satisfied. The first alternative the client has credentials for is sent; an empty list
    /// sends no credentials.
    pub security: &'static [&'static [&'static str]],
}

/// An encoded request, built by generated code and sent by [`Client::execute`](crate::Client::execute).
#[derive(Debug, Clone)]
pub struct Request {
    pub(crate) operation: Operation,
    pub(crate) path: String,
    pub(crate) query: String,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) body: Option<Vec<u8>>,
    /// A body that may not be in memory (an upload, a multipart form); `body` is then `None`.
    pub(crate) upload: Option<crate::upload::Segments>,
    pub(crate) options: RequestOptions,
}

impl Request {
    /// A request for `operation` at `path` (already filled in and percent-encoded).
    pub fn new(operation: Operation, path: String) -> Self {
        Request {
            operation,
            path,
            query: String::new(),
            headers: Vec::new(),
            body: None,
            upload: None,
            options: RequestOptions::default(),
        }
    }

    /// Applies per-call options (retry and timeout overrides).
    pub fn set_options(&mut self, options: RequestOptions) {
        self.options = options;
    }

    /// Adds `name=value` to the query string when a value is given.
    pub fn query<T: ParamValue + ?Sized>(&mut self, name: &str, value: Option<&T>) {
        if let Some(value) = value {
            let mut text = String::new();
            value.write_param(&mut text);
            self.push_pair(name, std::iter::once(text.as_str()));
        }
    }

    /// Refuses an empty list for the required array parameter `name`: `required` means the
    /// parameter is sent, and an empty list has no form on the wire (no `name=`, no header, no
    /// path segment), so the request would silently lack it. Nothing is sent.
    pub fn require_items<T>(&self, name: &'static str, values: &[T]) -> Result<(), Error> {
        if values.is_empty() {
            return Err(Error::InvalidParameter {
                operation: self.operation.id,
                parameter: name,
                reason: "the parameter is required, and an empty list cannot be sent",
            });
        }
        Ok(())
    }

    /// Adds a list: `name=a,b` (`explode: false`) or `name=a&name=b` (`explode: true`). An empty or
    /// absent list adds nothing (for a required parameter, [`require_items`](Self::require_items)
    /// refuses an empty list first).
    pub fn query_list<T: ParamValue>(
        &mut self,
        name: &str,
        values: Option<&Vec<T>>,
        explode: bool,
    ) {
        let Some(values) = values.filter(|v| !v.is_empty()) else {
            return;
        };
        let texts: Vec<String> = values
            .iter()
            .map(|v| {
                let mut s = String::new();
                v.write_param(&mut s);
                s
            })
            .collect();
        if explode {
            for text in &texts {
                self.push_pair(name, std::iter::once(text.as_str()));
            }
        } else {
            self.push_pair(name, texts.iter().map(String::as_str));
        }
    }

    /// Sets a header parameter when a value is given.
    pub fn header<T: ParamValue + ?Sized>(
        &mut self,
        name: &'static str,
        value: Option<&T>,
    ) -> Result<(), Error> {
        let Some(value) = value else { return Ok(()) };
        let mut text = String::new();
        value.write_param(&mut text);
        let invalid = |reason: String| Error::InvalidRequest {
            operation: self.operation.id,
            reason,
        };
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|e| invalid(format!("header name {name:?}: {e}")))?;
        let value = HeaderValue::from_str(&text)
            .map_err(|_| invalid(format!("header {name} has characters that cannot be sent")))?;
        self.headers.push((name, value));
        Ok(())
    }

    /// Adds a query parameter of any shape (an array, an object, a map, a union, any JSON value)
    /// in the given style; see [`QueryStyle`] for the encodings. Plain scalars and arrays of them in
    /// the default `form` style can use [`query`](Self::query) and
    /// [`query_list`](Self::query_list), which skip serialization.
    pub fn query_param<T: Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: Option<&T>,
        style: QueryStyle,
        explode: bool,
    ) -> Result<(), Error> {
        let Some(value) = value else { return Ok(()) };
        let node = self.node(name, value)?;
        for pair in param_style::query_pairs(name, &node, style, explode) {
            self.push_encoded(&pair);
        }
        Ok(())
    }

    /// Adds a `deepObject` query parameter whose arrays are written in the given form
    /// (`name[0]=a`, `name[]=a` or `name=a`), at the top or inside objects; see [`DeepArrays`].
    /// Objects nest their keys in brackets as [`QueryStyle::DeepObject`] does.
    pub fn query_deep_object<T: Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: Option<&T>,
        arrays: DeepArrays,
    ) -> Result<(), Error> {
        let Some(value) = value else { return Ok(()) };
        let node = self.node(name, value)?;
        for pair in param_style::deep_object_pairs(name, &node, arrays) {
            self.push_encoded(&pair);
        }
        Ok(())
    }

    /// Adds a query parameter described by `content: application/json`: `name=<the value's JSON
    /// text>`, percent-encoded.
    pub fn query_json<T: Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: Option<&T>,
    ) -> Result<(), Error> {
        let Some(value) = value else { return Ok(()) };
        let json = self.json_text(name, value)?;
        self.push_pair(name, std::iter::once(json.as_str()));
        Ok(())
    }

    /// Fills in the path parameter `{name}` of the path this request was created with, in the given
    /// style (see [`PathStyle`]). Values are percent-encoded, so they cannot change the path; only
    /// the style's delimiters (`,` `.` `;` `=`) stay literal.
    pub fn path_param<T: Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
        style: PathStyle,
        explode: bool,
    ) -> Result<(), Error> {
        let node = self.node(name, value)?;
        let text = param_style::path_text(name, &node, style, explode);
        let placeholder = format!("{{{name}}}");
        let Some(at) = self.path.find(&placeholder) else {
            return Err(self.invalid(format!("the path has no `{placeholder}` to fill in")));
        };
        self.path.replace_range(at..at + placeholder.len(), &text);
        Ok(())
    }

    /// Sets a header parameter of any shape (`simple` style: `a,b`; an object as `k,v,k2,v2`, or
    /// `k=v,k2=v2` exploded). Nothing is sent for `null` or an empty array or object.
    pub fn header_param<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: Option<&T>,
        explode: bool,
    ) -> Result<(), Error> {
        let Some(value) = value else { return Ok(()) };
        let node = self.node(name, value)?;
        match param_style::header_text(&node, explode) {
            Some(text) => self.header(name, Some(text.as_str())),
            None => Ok(()),
        }
    }

    /// Sets a header parameter described by `content: application/json`: the value's JSON text.
    pub fn header_json<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: Option<&T>,
    ) -> Result<(), Error> {
        let Some(value) = value else { return Ok(()) };
        let json = self.json_text(name, value)?;
        self.header(name, Some(json.as_str()))
    }

    /// Adds a cookie parameter (`form` style, percent-encoded): `name=a,b`, or one cookie per item
    /// (`name=a; name=b`) or per property (`k=v; k2=v2`) exploded. Every cookie goes into one
    /// `Cookie` header, which the client merges with a cookie credential's.
    pub fn cookie_param<T: Serialize + ?Sized>(
        &mut self,
        name: &str,
        value: Option<&T>,
        explode: bool,
    ) -> Result<(), Error> {
        let Some(value) = value else { return Ok(()) };
        let node = self.node(name, value)?;
        let pairs = param_style::cookie_pairs(name, &node, explode);
        if pairs.is_empty() {
            return Ok(());
        }
        let mut text = pairs.join("; ");
        if let Some(at) = self.headers.iter().position(|(n, _)| n == COOKIE) {
            let (_, existing) = self.headers.remove(at);
            text = format!("{}; {text}", String::from_utf8_lossy(existing.as_bytes()));
        }
        // Percent-encoded pairs are visible ASCII.
        let value = HeaderValue::from_str(&text)
            .map_err(|_| self.invalid(format!("cookie {name} cannot be sent")))?;
        self.headers.push((COOKIE, value));
        Ok(())
    }

    /// Serializes the JSON body.
    pub fn json_body<T: serde::Serialize>(&mut self, body: &T) -> Result<(), Error> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::InvalidRequest {
            operation: self.operation.id,
            reason: format!("the body cannot be serialized: {e}"),
        })?;
        self.body = Some(bytes);
        Ok(())
    }

    /// Serializes the JSON body, sent with its own JSON media type (`application/vnd.api+json`).
    pub fn json_body_as<T: serde::Serialize>(
        &mut self,
        content_type: &'static str,
        body: &T,
    ) -> Result<(), Error> {
        self.json_body(body)?;
        self.set_content_type(HeaderValue::from_static(content_type));
        Ok(())
    }

    /// The operation.
    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// The path with the query string, as it is appended to the base URL.
    pub fn path_and_query(&self) -> String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, self.query)
        }
    }

    /// Applies this request's headers on top of the client's and the credentials' (`headers`): each
    /// is appended, except that a `Cookie` header is merged into one already there (a cookie
    /// credential's), so the request carries a single `Cookie` header.
    pub(crate) fn apply_headers(&self, headers: &mut HeaderMap) {
        for (name, value) in &self.headers {
            if name == COOKIE {
                if let Some(existing) = headers.get(COOKIE) {
                    let mut merged = existing.as_bytes().to_vec();
                    merged.extend_from_slice(b"; ");
                    merged.extend_from_slice(value.as_bytes());
                    if let Ok(mut merged) = HeaderValue::from_bytes(&merged) {
                        merged.set_sensitive(existing.is_sensitive());
                        headers.insert(COOKIE, merged);
                        continue;
                    }
                }
            }
            headers.append(name.clone(), value.clone());
        }
    }

    /// Sets the `Content-Type` header, replacing any.
    pub(crate) fn set_content_type(&mut self, content_type: HeaderValue) {
        self.headers
            .retain(|(name, _)| name != http::header::CONTENT_TYPE);
        self.headers
            .push((http::header::CONTENT_TYPE, content_type));
    }

    /// Serializes a parameter value for its style.
    fn node<T: Serialize + ?Sized>(&self, name: &str, value: &T) -> Result<Node, Error> {
        Node::of(value)
            .map_err(|e| self.invalid(format!("parameter {name} cannot be serialized: {e}")))
    }

    /// A parameter value's JSON text.
    fn json_text<T: Serialize + ?Sized>(&self, name: &str, value: &T) -> Result<String, Error> {
        serde_json::to_string(value)
            .map_err(|e| self.invalid(format!("parameter {name} cannot be serialized: {e}")))
    }

    pub(crate) fn invalid(&self, reason: String) -> Error {
        Error::InvalidRequest {
            operation: self.operation.id,
            reason,
        }
    }

    /// Appends an already-encoded `name=value` pair.
    pub(crate) fn push_encoded(&mut self, pair: &str) {
        if !self.query.is_empty() {
            self.query.push('&');
        }
        self.query.push_str(pair);
    }

    /// Appends one `name=v1,v2` pair, each part percent-encoded (commas between values stay literal).
    fn push_pair<'a>(&mut self, name: &str, values: impl Iterator<Item = &'a str>) {
        if !self.query.is_empty() {
            self.query.push('&');
        }
        self.query
            .extend(utf8_percent_encode(name, QUERY_COMPONENT));
        self.query.push('=');
        for (i, value) in values.enumerate() {
            if i > 0 {
                self.query.push(',');
            }
            self.query
                .extend(utf8_percent_encode(value, QUERY_COMPONENT));
        }
    }
}

/// Unreserved characters (RFC 3986) stay as they are; everything else is percent-encoded.
pub(crate) const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');
const QUERY_COMPONENT: &AsciiSet = UNRESERVED;

/// Percent-encodes one path segment (`a/b` → `a%2Fb`), so an id can never change the path.
pub fn encode_path_segment(segment: &str) -> String {
    utf8_percent_encode(segment, UNRESERVED).to_string()
}

/// Percent-encodes the text of a scalar path parameter (a number, a date, an enum), as
/// [`encode_path_segment`] does a string.
pub fn encode_path_param<T: ParamValue + ?Sized>(value: &T) -> String {
    let mut text = String::new();
    value.write_param(&mut text);
    encode_path_segment(&text)
}

/// How a value is written into a query string, path or header.
pub trait ParamValue {
    /// Appends the textual form of the value.
    fn write_param(&self, out: &mut String);
}

impl ParamValue for str {
    fn write_param(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl ParamValue for String {
    fn write_param(&self, out: &mut String) {
        out.push_str(self);
    }
}

macro_rules! display_param {
    ($($ty:ty),*) => {$(
        impl ParamValue for $ty {
            fn write_param(&self, out: &mut String) {
                use std::fmt::Write;
                // Writing to a String cannot fail.
                let _ = write!(out, "{self}");
            }
        }
    )*};
}

display_param!(bool, i32, i64, f32, f64, uuid::Uuid, chrono::NaiveDate);

impl ParamValue for chrono::DateTime<chrono::Utc> {
    fn write_param(&self, out: &mut String) {
        out.push_str(&self.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
    }
}

impl<T: ParamValue> ParamValue for Vec<T> {
    fn write_param(&self, out: &mut String) {
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.write_param(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OP: Operation = Operation {
        id: "Op",
        method: Method::Get,
        path_template: "/x",
        preview: false,
        servers: &[],
        security: &[],
    };

    #[test]
    fn encodes_query_names_values_and_lists() {
        let mut r = Request::new(OP, "/x".into());
        r.query("page[size]", Some(&10i64));
        r.query::<String>("absent", None);
        r.query_list(
            "filter[sources]",
            Some(&vec!["github".to_owned(), "a,b c".to_owned()]),
            false,
        );
        r.query_list("tag", Some(&vec!["x".to_owned(), "y".to_owned()]), true);
        r.query_list::<String>("empty", Some(&vec![]), false);
        assert_eq!(
            r.path_and_query(),
            "/x?page%5Bsize%5D=10&filter%5Bsources%5D=github,a%2Cb%20c&tag=x&tag=y"
        );
    }

    #[test]
    fn an_empty_required_list_is_refused_naming_the_parameter() {
        let r = Request::new(OP, "/x".into());
        assert!(r.require_items("status", &["open"]).is_ok());
        let err = r.require_items::<String>("status", &[]).unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidParameter {
                    operation: "Op",
                    parameter: "status",
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "Op: invalid parameter status: the parameter is required, and an empty list cannot be sent; nothing was sent"
        );
        assert_eq!(err.attempts(), 0);
        assert!(!err.is_retryable());
    }

    #[test]
    fn path_segments_cannot_escape() {
        assert_eq!(encode_path_segment("../a/b?c#d"), "..%2Fa%2Fb%3Fc%23d");
        assert_eq!(
            encode_path_segment("f9ec96b0-8c8a-4b0a"),
            "f9ec96b0-8c8a-4b0a"
        );
    }

    #[derive(serde::Serialize)]
    #[allow(non_snake_case)]
    struct Color {
        R: u8,
        G: u8,
        B: u8,
    }

    const COLOR: Color = Color {
        R: 100,
        G: 200,
        B: 150,
    };

    #[test]
    fn styled_query_parameters_follow_their_style() {
        let mut r = Request::new(OP, "/x".into());
        r.query_param("color", Some(&COLOR), QueryStyle::Form, true)
            .unwrap();
        r.query_param("rgb", Some(&COLOR), QueryStyle::Form, false)
            .unwrap();
        r.query_param("deep", Some(&COLOR), QueryStyle::DeepObject, true)
            .unwrap();
        r.query_param("p", Some(&["a", "b"]), QueryStyle::PipeDelimited, false)
            .unwrap();
        r.query_param::<Color>("absent", None, QueryStyle::Form, true)
            .unwrap();
        r.query_json("j", Some(&serde_json::json!({"a": [1]})))
            .unwrap();
        assert_eq!(
            r.path_and_query(),
            "/x?R=100&G=200&B=150&rgb=R,100,G,200,B,150&deep%5BR%5D=100&deep%5BG%5D=200&deep%5BB%5D=150&p=a|b&j=%7B%22a%22%3A%5B1%5D%7D"
        );
    }

    #[test]
    fn deep_object_arrays_follow_their_form() {
        let mut r = Request::new(OP, "/x".into());
        r.query_deep_object(
            "expand",
            Some(&["customer", "invoice"]),
            DeepArrays::Indexed,
        )
        .unwrap();
        r.query_deep_object("b", Some(&["x y"]), DeepArrays::Brackets)
            .unwrap();
        r.query_deep_object("deep", Some(&COLOR), DeepArrays::Indexed)
            .unwrap();
        r.query_deep_object::<[&str]>("absent", None, DeepArrays::Indexed)
            .unwrap();
        assert_eq!(
            r.path_and_query(),
            "/x?expand%5B0%5D=customer&expand%5B1%5D=invoice&b%5B%5D=x%20y&deep%5BR%5D=100&deep%5BG%5D=200&deep%5BB%5D=150"
        );
    }

    #[test]
    fn path_parameters_fill_their_placeholder() {
        let mut r = Request::new(OP, "/a/{l}/b{m}/{s}".into());
        r.path_param("l", &["x", "y/z"], PathStyle::Label, true)
            .unwrap();
        r.path_param("m", &COLOR, PathStyle::Matrix, false).unwrap();
        r.path_param("s", &COLOR, PathStyle::Simple, true).unwrap();
        assert_eq!(
            r.path_and_query(),
            "/a/.x.y%2Fz/b;m=R,100,G,200,B,150/R=100,G=200,B=150"
        );
        assert!(matches!(
            r.path_param("gone", &1, PathStyle::Simple, false),
            Err(Error::InvalidRequest { .. })
        ));
        assert_eq!(encode_path_param(&7i64), "7");
    }

    #[test]
    fn values_that_cannot_be_serialized_are_errors() {
        let mut map = std::collections::BTreeMap::new();
        map.insert((1, 2), 3);
        let mut r = Request::new(OP, "/x/{p}".into());
        assert!(matches!(
            r.query_param("m", Some(&map), QueryStyle::Form, true),
            Err(Error::InvalidRequest { .. })
        ));
        assert!(matches!(
            r.path_param("p", &map, PathStyle::Simple, false),
            Err(Error::InvalidRequest { .. })
        ));
        assert!(matches!(
            r.header_param("X-M", Some(&map), false),
            Err(Error::InvalidRequest { .. })
        ));
    }

    #[test]
    fn styled_headers_and_json_headers() {
        let mut r = Request::new(OP, "/x".into());
        r.header_param("X-C", Some(&COLOR), false).unwrap();
        r.header_param("X-E", Some(&COLOR), true).unwrap();
        r.header_param("X-N", Some(&serde_json::Value::Null), true)
            .unwrap();
        r.header_json("X-J", Some(&["a"])).unwrap();
        let headers: Vec<(String, &str)> = r
            .headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_str().unwrap()))
            .collect();
        assert_eq!(
            headers,
            [
                ("x-c".to_owned(), "R,100,G,200,B,150"),
                ("x-e".to_owned(), "R=100,G=200,B=150"),
                ("x-j".to_owned(), r#"["a"]"#),
            ]
        );
    }

    #[test]
    fn cookies_share_one_header_merged_with_a_credential() {
        let mut r = Request::new(OP, "/x".into());
        r.cookie_param("a", Some("1 2"), true).unwrap();
        r.cookie_param("b", Some(&["x", "y"]), true).unwrap();
        r.cookie_param("c", Some(&COLOR), false).unwrap();
        let mut headers = HeaderMap::new();
        let mut credential = HeaderValue::from_static("sid=k");
        credential.set_sensitive(true);
        headers.insert(COOKIE, credential);
        r.apply_headers(&mut headers);
        let cookies: Vec<&HeaderValue> = headers.get_all(COOKIE).iter().collect();
        assert_eq!(cookies.len(), 1);
        assert_eq!(cookies[0], "sid=k; a=1%202; b=x; b=y; c=R,100,G,200,B,150");
        assert!(cookies[0].is_sensitive());
        // Without a credential, the parameters' cookie header goes as it is.
        let mut headers = HeaderMap::new();
        r.apply_headers(&mut headers);
        assert_eq!(headers[COOKIE], "a=1%202; b=x; b=y; c=R,100,G,200,B,150");
    }

    #[test]
    fn header_values_are_checked() {
        let mut r = Request::new(OP, "/x".into());
        assert!(r.header("X-Ok", Some("fine")).is_ok());
        assert!(matches!(
            r.header("X-Bad", Some("line\nbreak")),
            Err(Error::InvalidRequest { .. })
        ));
    }
}
