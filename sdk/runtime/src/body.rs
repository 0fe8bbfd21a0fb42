//! Request and response bodies that are not JSON: text, raw bytes and multipart forms.

use crate::error::Error;
use crate::request::Request;
use crate::response::{ApiResponse, RawResponse};
use http::header::{HeaderValue, CONTENT_TYPE};

impl Request {
    /// Sends `body` as text with the given content type (`text/plain`).
    pub fn text_body(&mut self, content_type: &'static str, body: String) {
        self.raw_body(HeaderValue::from_static(content_type), body.into_bytes());
    }

    /// Sends `body` as opaque bytes with the given content type (`application/octet-stream`).
    pub fn bytes_body(&mut self, content_type: &'static str, body: Vec<u8>) {
        self.raw_body(HeaderValue::from_static(content_type), body);
    }

    /// Sends a `multipart/form-data` form.
    pub fn multipart_body(&mut self, form: Multipart) {
        let (content_type, body) = form.encode();
        self.raw_body(content_type, body);
    }

    fn raw_body(&mut self, content_type: HeaderValue, body: Vec<u8>) {
        self.headers.retain(|(name, _)| name != CONTENT_TYPE);
        self.headers.push((CONTENT_TYPE, content_type));
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
/// ```
/// use openapi_sdk_runtime::Multipart;
/// let form = Multipart::new().text("name", "spec").file("openapi_spec_file", "spec.yaml", "application/yaml", b"openapi: 3.0.0".to_vec());
/// assert_eq!(form.len(), 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Multipart {
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq)]
struct Part {
    name: String,
    filename: Option<String>,
    content_type: Option<String>,
    data: Vec<u8>,
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
            data: value.into().into_bytes(),
        });
        self
    }

    /// Adds a file field.
    pub fn file(
        mut self,
        name: impl Into<String>,
        filename: impl Into<String>,
        content_type: impl Into<String>,
        data: Vec<u8>,
    ) -> Self {
        self.parts.push(Part {
            name: name.into(),
            filename: Some(filename.into()),
            content_type: Some(content_type.into()),
            data,
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

    /// The `Content-Type` (with a boundary absent from every part) and the encoded body.
    fn encode(&self) -> (HeaderValue, Vec<u8>) {
        let boundary = loop {
            let candidate = format!("----openapi-sdk-runtime-{:016x}", fastrand::u64(..));
            if !self
                .parts
                .iter()
                .any(|p| contains(&p.data, candidate.as_bytes()))
            {
                break candidate;
            }
        };
        let quote = |s: &str| {
            s.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace(['\r', '\n'], " ")
        };
        let mut body = Vec::new();
        for part in &self.parts {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"",
                    quote(&part.name)
                )
                .as_bytes(),
            );
            if let Some(filename) = &part.filename {
                body.extend_from_slice(format!("; filename=\"{}\"", quote(filename)).as_bytes());
            }
            body.extend_from_slice(b"\r\n");
            if let Some(ct) = &part.content_type {
                body.extend_from_slice(format!("Content-Type: {}\r\n", quote(ct)).as_bytes());
            }
            body.extend_from_slice(b"\r\n");
            body.extend_from_slice(&part.data);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        // The boundary is ASCII alphanumerics and dashes, so the header value is always valid.
        let content_type =
            HeaderValue::from_str(&format!("multipart/form-data; boundary={boundary}"))
                .unwrap_or_else(|_| HeaderValue::from_static("multipart/form-data"));
        (content_type, body)
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipart_encodes_text_and_file_parts() {
        let form = Multipart::new().text("a\"b", "x").file(
            "f",
            "s.yaml",
            "application/yaml",
            b"k: v".to_vec(),
        );
        let (ct, body) = form.encode();
        let ct = ct.to_str().unwrap().to_owned();
        let boundary = ct.strip_prefix("multipart/form-data; boundary=").unwrap();
        let text = String::from_utf8(body).unwrap();
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
