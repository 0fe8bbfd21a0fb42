//! What a generated operation hands the runtime: the operation's identity and the encoded request.

use crate::error::Error;
use crate::options::RequestOptions;
use crate::server::Server;
use http::header::{HeaderName, HeaderValue};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

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

    /// Adds a list: `name=a,b` (`explode: false`) or `name=a&name=b` (`explode: true`). An empty or
    /// absent list adds nothing.
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

    /// Serializes the JSON body.
    pub fn json_body<T: serde::Serialize>(&mut self, body: &T) -> Result<(), Error> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::InvalidRequest {
            operation: self.operation.id,
            reason: format!("the body cannot be serialized: {e}"),
        })?;
        self.body = Some(bytes);
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
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');
const QUERY_COMPONENT: &AsciiSet = UNRESERVED;

/// Percent-encodes one path segment (`a/b` → `a%2Fb`), so an id can never change the path.
pub fn encode_path_segment(segment: &str) -> String {
    utf8_percent_encode(segment, UNRESERVED).to_string()
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
    fn path_segments_cannot_escape() {
        assert_eq!(encode_path_segment("../a/b?c#d"), "..%2Fa%2Fb%3Fc%23d");
        assert_eq!(
            encode_path_segment("f9ec96b0-8c8a-4b0a"),
            "f9ec96b0-8c8a-4b0a"
        );
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
