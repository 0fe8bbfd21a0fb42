//! Request and response bodies that are not JSON: text, raw bytes, `application/x-www-form-urlencoded`
//! forms and `multipart/form-data` forms.

use crate::error::Error;
use crate::param_style::{self, Node, QueryStyle};
use crate::request::Request;
use crate::response::{ApiResponse, RawResponse};
use crate::upload::{Segment, Segments, UploadBody};
use bytes::Bytes;
use http::header::HeaderValue;
use serde::Serialize;

impl Request {
    /// Sends `body` as text with the given content type (`text/plain`).
    pub fn text_body(&mut self, content_type: &'static str, body: String) {
        self.raw_body(HeaderValue::from_static(content_type), body.into_bytes());
    }

    /// Sends `body` as opaque bytes with the given content type (`application/octet-stream`).
    pub fn bytes_body(&mut self, content_type: &'static str, body: Vec<u8>) {
        self.raw_body(HeaderValue::from_static(content_type), body);
    }

    /// Sends `body` (bytes, a file or a stream, with its length as `Content-Length`) with the
    /// given content type (`application/octet-stream`). See [`UploadBody`] for which bodies a
    /// retry can send again.
    pub fn upload_body(&mut self, content_type: &'static str, body: UploadBody) {
        self.set_content_type(HeaderValue::from_static(content_type));
        self.body = None;
        self.upload = Some(Segments(vec![Segment::Upload(body)]));
    }

    /// Sends a `multipart/form-data` form; fails when one of its values could not be serialized
    /// (see [`Multipart::field`]). A form whose file parts are files or streams is sent as they
    /// are read, with its total length as `Content-Length`.
    pub fn multipart_body(&mut self, form: Multipart) -> Result<(), Error> {
        if let Some(reason) = form.error {
            return Err(self.invalid(reason));
        }
        let (content_type, segments) = form.encode();
        self.set_content_type(content_type);
        self.body = None;
        self.upload = Some(segments);
        Ok(())
    }

    /// Sends `body`, which must serialize to an object, as `application/x-www-form-urlencoded`:
    /// each property is encoded like a query parameter of that name, in `form` style exploded
    /// unless `encoding` gives the property its own style and explode (the `encoding` object of
    /// the request body). So `{"name": "a b", "tags": ["x", "y"]}` is `name=a%20b&tags=x&tags=y`,
    /// and with `("tags", QueryStyle::Form, false)` it is `name=a%20b&tags=x,y`. See
    /// [`QueryStyle`] for every style.
    pub fn form_body<T: Serialize + ?Sized>(
        &mut self,
        body: &T,
        encoding: &[(&str, QueryStyle, bool)],
    ) -> Result<(), Error> {
        let node = Node::of(body)
            .map_err(|e| self.invalid(format!("the body cannot be serialized: {e}")))?;
        let Node::Object(properties) = node else {
            return Err(self.invalid("a form body must be an object".to_owned()));
        };
        let mut pairs = Vec::new();
        for (name, value) in &properties {
            let (style, explode) = encoding
                .iter()
                .find(|(n, _, _)| n == name)
                .map_or((QueryStyle::Form, true), |(_, s, e)| (*s, *e));
            pairs.extend(param_style::query_pairs(name, value, style, explode));
        }
        self.raw_body(
            HeaderValue::from_static("application/x-www-form-urlencoded"),
            pairs.join("&").into_bytes(),
        );
        Ok(())
    }

    fn raw_body(&mut self, content_type: HeaderValue, body: Vec<u8>) {
        self.set_content_type(content_type);
        self.upload = None;
        self.body = Some(body);
    }
}

impl RawResponse {
    /// The body as UTF-8 text (a decode error, with the raw body kept, when it is not UTF-8).
    pub fn text(self) -> Result<ApiResponse<String>, Error> {
        match String::from_utf8(self.body.to_vec()) {
            Ok(text) => Ok(self.with_body(text)),
            Err(e) => Err(self.decode_error(".", format!("the body is not UTF-8: {e}"))),
        }
    }

    /// The body as bytes.
    pub fn bytes(self) -> ApiResponse<Vec<u8>> {
        let bytes = self.body.to_vec();
        self.with_body(bytes)
    }
}

/// A `multipart/form-data` form, part by part.
///
/// Generated builders of operations whose form has a schema fill one in from a typed body (text
/// and JSON parts with [`field`](Self::field), files with [`file`](Self::file)); the same builder
/// is there for forms put together by hand.
///
/// File parts are [`FilePart`]s: bytes, a file or a stream ([`UploadBody`]), with a file name and
/// a content type. A form with a file or stream part is not read into memory: it is sent part by
/// part, with its total length as `Content-Length`.
///
/// ```
/// use openapi_sdk_runtime::{FilePart, Multipart};
/// let form = Multipart::new()
///     .text("name", "spec")
///     .field("version", &3)
///     .field("labels", &["a", "b"])
///     .file(
///         "openapi_spec_file",
///         FilePart::new(b"openapi: 3.0.0".to_vec())
///             .file_name("spec.yaml")
///             .content_type("application/yaml"),
///     );
/// assert_eq!(form.len(), 4);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Multipart {
    parts: Vec<Part>,
    /// Why a value could not be serialized; reported when the form is sent.
    error: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
struct Part {
    name: String,
    filename: Option<String>,
    content_type: Option<String>,
    data: UploadBody,
}

/// A file part of a [`Multipart`] form: its content ([`UploadBody`]: bytes, a file or a stream),
/// the file name sent in `Content-Disposition` (default: the field's name) and its
/// `Content-Type` (default: `application/octet-stream`).
///
/// ```no_run
/// # async fn example() -> Result<(), openapi_sdk_runtime::Error> {
/// use openapi_sdk_runtime::{FilePart, Multipart, UploadBody};
/// let photo = FilePart::new(UploadBody::from_file("photo.png").await?)
///     .file_name("photo.png")
///     .content_type("image/png");
/// let form = Multipart::new().text("title", "Holidays").file("photo", photo);
/// # let _ = form;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FilePart {
    body: UploadBody,
    file_name: Option<String>,
    content_type: Option<String>,
}

impl FilePart {
    /// A part with this content, the field's name as file name and `application/octet-stream`.
    pub fn new(body: impl Into<UploadBody>) -> Self {
        FilePart {
            body: body.into(),
            file_name: None,
            content_type: None,
        }
    }

    /// Sets the file name sent in the part's `Content-Disposition`.
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// Sets the part's `Content-Type`.
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }
}

impl<T: Into<UploadBody>> From<T> for FilePart {
    fn from(body: T) -> Self {
        FilePart::new(body)
    }
}

impl Multipart {
    /// An empty form.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a text field.
    pub fn text(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.parts.push(Part {
            name: name.into(),
            filename: None,
            content_type: None,
            data: UploadBody::from(value.into()),
        });
        self
    }

    /// Adds a field of any serializable value: a string, number or boolean as a text part, an array
    /// or object as a JSON part (`Content-Type: application/json`); `null` adds nothing.
    pub fn field<T: Serialize + ?Sized>(mut self, name: impl Into<String>, value: &T) -> Self {
        let name = name.into();
        let (json, node) = match serde_json::to_vec(value)
            .map_err(|e| e.to_string())
            .and_then(|json| {
                let node: Node = serde_json::from_slice(&json).map_err(|e| e.to_string())?;
                Ok((json, node))
            }) {
            Ok(parsed) => parsed,
            Err(e) => {
                self.error
                    .get_or_insert(format!("form field {name} cannot be serialized: {e}"));
                return self;
            }
        };
        let (content_type, data) = match node {
            Node::Null => return self,
            Node::Literal(text) | Node::Str(text) => (None, text.into_bytes()),
            Node::List(_) | Node::Object(_) => (Some("application/json".to_owned()), json),
        };
        self.parts.push(Part {
            name,
            filename: None,
            content_type,
            data: UploadBody::from(data),
        });
        self
    }

    /// Adds a file field: a [`FilePart`], or anything that makes an [`UploadBody`] (bytes, say),
    /// sent with the field's name as file name and `application/octet-stream`.
    pub fn file(mut self, name: impl Into<String>, part: impl Into<FilePart>) -> Self {
        let name = name.into();
        let part = part.into();
        self.parts.push(Part {
            filename: Some(part.file_name.unwrap_or_else(|| name.clone())),
            content_type: Some(
                part.content_type
                    .unwrap_or_else(|| "application/octet-stream".to_owned()),
            ),
            name,
            data: part.body,
        });
        self
    }

    /// How many parts the form has.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    /// Whether the form has no parts.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The `Content-Type` (with a boundary absent from every part in memory; a file or stream
    /// part is not read to check, and a random 64-bit boundary is as good as absent from it) and
    /// the body, as segments: in memory, except for file and stream parts.
    fn encode(&self) -> (HeaderValue, Segments) {
        let boundary = loop {
            let candidate = format!("----openapi-sdk-runtime-{:016x}", fastrand::u64(..));
            if !self.parts.iter().any(|p| {
                p.data
                    .as_bytes()
                    .is_some_and(|data| contains(data, candidate.as_bytes()))
            }) {
                break candidate;
            }
        };
        let quote = |s: &str| {
            s.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace(['\r', '\n'], " ")
        };
        let mut segments = Vec::new();
        // The bytes since the last segment that is not in memory.
        let mut pending = Vec::new();
        for part in &self.parts {
            pending.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"",
                    quote(&part.name)
                )
                .as_bytes(),
            );
            if let Some(filename) = &part.filename {
                pending.extend_from_slice(format!("; filename=\"{}\"", quote(filename)).as_bytes());
            }
            pending.extend_from_slice(b"\r\n");
            if let Some(ct) = &part.content_type {
                pending.extend_from_slice(format!("Content-Type: {}\r\n", quote(ct)).as_bytes());
            }
            pending.extend_from_slice(b"\r\n");
            match part.data.as_bytes() {
                Some(data) => pending.extend_from_slice(data),
                None => {
                    segments.push(Segment::Bytes(Bytes::from(std::mem::take(&mut pending))));
                    segments.push(Segment::Upload(part.data.clone()));
                }
            }
            pending.extend_from_slice(b"\r\n");
        }
        pending.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        segments.push(Segment::Bytes(Bytes::from(pending)));
        // The boundary is ASCII alphanumerics and dashes, so the header value is always valid.
        let content_type =
            HeaderValue::from_str(&format!("multipart/form-data; boundary={boundary}"))
                .unwrap_or_else(|_| HeaderValue::from_static("multipart/form-data"));
        (content_type, Segments(segments))
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{Method, Operation};

    const OP: Operation = Operation {
        id: "Op",
        method: Method::Post,
        path_template: "/x",
        preview: false,
        servers: &[],
        security: &[],
    };

    /// The body of a form with every part in memory.
    fn in_memory(body: &Segments) -> Vec<u8> {
        let mut out = Vec::new();
        for segment in &body.0 {
            match segment {
                Segment::Bytes(b) => out.extend_from_slice(b),
                Segment::Upload(u) => out.extend_from_slice(u.as_bytes().unwrap()),
            }
        }
        out
    }

    fn content_type(r: &Request) -> Vec<&str> {
        r.headers
            .iter()
            .filter(|(n, _)| n == http::header::CONTENT_TYPE)
            .map(|(_, v)| v.to_str().unwrap())
            .collect()
    }

    #[test]
    fn form_bodies_encode_each_property_in_its_style() {
        #[derive(Serialize)]
        struct Signup {
            name: &'static str,
            tags: Vec<&'static str>,
            color: serde_json::Value,
            note: Option<&'static str>,
            age: u8,
        }
        let body = Signup {
            name: "Ann & co",
            tags: vec!["x", "y"],
            color: serde_json::json!({"R": 1, "G": 2}),
            note: None,
            age: 30,
        };
        let mut r = Request::new(OP, "/x".into());
        r.form_body(&body, &[]).unwrap();
        assert_eq!(content_type(&r), ["application/x-www-form-urlencoded"]);
        assert_eq!(
            String::from_utf8(r.body.clone().unwrap()).unwrap(),
            "name=Ann%20%26%20co&tags=x&tags=y&G=2&R=1&age=30"
        );
        r.form_body(
            &body,
            &[
                ("tags", QueryStyle::PipeDelimited, false),
                ("color", QueryStyle::DeepObject, true),
            ],
        )
        .unwrap();
        assert_eq!(content_type(&r), ["application/x-www-form-urlencoded"]);
        assert_eq!(
            String::from_utf8(r.body.clone().unwrap()).unwrap(),
            "name=Ann%20%26%20co&tags=x|y&color%5BG%5D=2&color%5BR%5D=1&age=30"
        );
        assert!(matches!(
            r.form_body(&[1, 2], &[]),
            Err(Error::InvalidRequest { .. })
        ));
    }

    #[test]
    fn json_bodies_can_have_their_own_media_type() {
        let mut r = Request::new(OP, "/x".into());
        r.json_body_as("application/vnd.api+json", &[1]).unwrap();
        assert_eq!(content_type(&r), ["application/vnd.api+json"]);
        assert_eq!(r.body.as_deref(), Some(&b"[1]"[..]));
    }

    #[test]
    fn multipart_fields_are_text_or_json_and_errors_surface_when_sent() {
        let form = Multipart::new()
            .field("s", "text")
            .field("n", &1.5)
            .field("o", &serde_json::json!({"a": [1]}))
            .field("null", &serde_json::Value::Null);
        assert_eq!(form.len(), 3);
        let (_, body) = form.encode();
        let text = String::from_utf8(in_memory(&body)).unwrap();
        assert!(text.contains("name=\"s\"\r\n\r\ntext\r\n"), "{text}");
        assert!(text.contains("name=\"n\"\r\n\r\n1.5\r\n"), "{text}");
        assert!(
            text.contains("name=\"o\"\r\nContent-Type: application/json\r\n\r\n{\"a\":[1]}\r\n"),
            "{text}"
        );
        let mut map = std::collections::BTreeMap::new();
        map.insert((1, 2), 3);
        let broken = Multipart::new().text("ok", "1").field("bad", &map);
        let mut r = Request::new(OP, "/x".into());
        assert!(matches!(
            r.multipart_body(broken),
            Err(Error::InvalidRequest { .. })
        ));
        assert!(r.body.is_none());
    }

    #[test]
    fn multipart_encodes_text_and_file_parts() {
        let form = Multipart::new()
            .text("a\"b", "x")
            .file(
                "f",
                FilePart::new(b"k: v".to_vec())
                    .file_name("s.yaml")
                    .content_type("application/yaml"),
            )
            .file("g", b"raw".to_vec());
        let (ct, body) = form.encode();
        assert_eq!(body.0.len(), 1, "a form in memory is one segment");
        let ct = ct.to_str().unwrap().to_owned();
        let boundary = ct.strip_prefix("multipart/form-data; boundary=").unwrap();
        let text = String::from_utf8(in_memory(&body)).unwrap();
        assert!(
            text.contains(
                "name=\"g\"; filename=\"g\"\r\nContent-Type: application/octet-stream\r\n\r\nraw\r\n"
            ),
            "{text}"
        );
        assert!(
            text.starts_with(&format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"a\\\"b\"\r\n\r\nx\r\n"
            )),
            "{text}"
        );
        assert!(
            text.contains(
                "name=\"f\"; filename=\"s.yaml\"\r\nContent-Type: application/yaml\r\n\r\nk: v\r\n"
            ),
            "{text}"
        );
        assert!(text.ends_with(&format!("--{boundary}--\r\n")));
    }
}
