//! Successful responses: the raw parts, decoding into models, and the typed value with its metadata.

use crate::error::{DecodeError, Error};
use crate::rate_limit::{RateLimit, RateLimitHeaders};
use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

/// A decoded response body with the status and headers it came with.
#[derive(Debug, Clone)]
pub struct ApiResponse<T> {
    status: StatusCode,
    headers: HeaderMap,
    body: T,
    /// The API's own rate-limit headers, for [`rate_limit`](Self::rate_limit).
    rate_limit_headers: RateLimitHeaders,
}

impl<T> ApiResponse<T> {
    pub(crate) fn new(
        status: StatusCode,
        headers: HeaderMap,
        body: T,
        rate_limit_headers: RateLimitHeaders,
    ) -> Self {
        ApiResponse {
            status,
            headers,
            body,
            rate_limit_headers,
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The rate limit the response reports, in the API's own headers (`X-RateLimit-*`, as its
    /// generated crate configures them) or the IETF `RateLimit` headers, when it has any.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        RateLimit::from_api_headers(&self.headers, &self.rate_limit_headers)
    }

    /// The decoded body.
    pub fn body(&self) -> &T {
        &self.body
    }

    /// The decoded body, by value.
    pub fn into_body(self) -> T {
        self.body
    }

    /// The same response with its body transformed (status and headers kept).
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> ApiResponse<U> {
        ApiResponse {
            status: self.status,
            headers: self.headers,
            body: f(self.body),
            rate_limit_headers: self.rate_limit_headers,
        }
    }
}

/// A 2xx response before decoding.
#[derive(Debug, Clone)]
pub struct RawResponse {
    pub(crate) operation: &'static str,
    /// The API's own rate-limit headers, handed on to the decoded response.
    pub(crate) rate_limit_headers: RateLimitHeaders,
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
    /// How many attempts the call made, this one included.
    pub(crate) attempts: u32,
}

impl RawResponse {
    /// Decodes the JSON body.
    ///
    /// The fast path is plain serde_json; only when that fails is the body decoded again with path
    /// tracking, to name the field that failed. The raw body is kept in the error.
    pub fn json<T: DeserializeOwned>(self) -> Result<ApiResponse<T>, Error> {
        match serde_json::from_slice::<T>(&self.body) {
            Ok(body) => Ok(ApiResponse {
                status: self.status,
                headers: self.headers,
                body,
                rate_limit_headers: self.rate_limit_headers,
            }),
            Err(first) => {
                let (path, message) =
                    locate::<T>(&self.body).unwrap_or_else(|| (".".to_owned(), first.to_string()));
                let error = DecodeError {
                    operation: self.operation,
                    status: self.status,
                    path,
                    message,
                    body: self.body,
                    attempts: self.attempts,
                };
                Err(Error::Decode(Box::new(error)))
            }
        }
    }

    /// The HTTP status code, for operations whose body depends on it.
    pub fn status_code(&self) -> u16 {
        self.status.as_u16()
    }

    /// Discards the body (the operation documents none).
    pub fn empty(self) -> ApiResponse<()> {
        self.with_body(())
    }

    /// The response's status and headers with a body decoded some other way.
    pub(crate) fn with_body<U>(self, body: U) -> ApiResponse<U> {
        ApiResponse {
            status: self.status,
            headers: self.headers,
            body,
            rate_limit_headers: self.rate_limit_headers,
        }
    }

    /// A decode error for this response, keeping its raw body.
    pub(crate) fn decode_error(self, path: &str, message: String) -> Error {
        let error = DecodeError {
            operation: self.operation,
            status: self.status,
            path: path.to_owned(),
            message,
            body: self.body,
            attempts: self.attempts,
        };
        Error::Decode(Box::new(error))
    }
}

/// Locates a schema mismatch: decodes `body` as `T` with path tracking.
fn locate<T: DeserializeOwned>(body: &[u8]) -> Option<(String, String)> {
    let mut de = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize::<_, T>(&mut de)
        .err()
        .map(|e| (e.path().to_string(), e.into_inner().to_string()))
}
