//! The futures a generated builder's `send_with_response` and `send` return.
//!
//! A builder fills in a [`Request`] and hands it, with how to decode the answer, to
//! [`Client::send`]. Everything asynchronous is one future written once here (the execute path,
//! boxed); what a builder adds is a name for the body type. Generated crates have hundreds of
//! operations: a state machine per operation, as an `async fn` per builder would make, is work for
//! the compiler that buys nothing.

use crate::client::Client;
use crate::error::Error;
use crate::request::Request;
use crate::response::{ApiResponse, RawResponse};
use crate::stream::ByteStream;
use serde::de::DeserializeOwned;
use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

/// How a successful response becomes a typed body.
pub trait Decoding<T> {
    /// Decodes `raw`.
    ///
    /// # Errors
    ///
    /// [`Error::Decode`] when the body does not match (or, for a status-dependent body, whatever
    /// the decoding reports).
    fn decode(&self, raw: RawResponse) -> Result<ApiResponse<T>, Error>;
}

/// A JSON body, decoded as `T` ([`RawResponse::json`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl<T: DeserializeOwned> Decoding<T> for Json {
    fn decode(&self, raw: RawResponse) -> Result<ApiResponse<T>, Error> {
        raw.json()
    }
}

/// A text body ([`RawResponse::text`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Text;

impl Decoding<String> for Text {
    fn decode(&self, raw: RawResponse) -> Result<ApiResponse<String>, Error> {
        raw.text()
    }
}

/// A body kept as bytes ([`RawResponse::bytes`]), read whole up to the body limit. Generated
/// operations with a binary success body stream it instead ([`Client::send_stream`]); this stays
/// for a binary body among several status-dependent ones, and for hand-written calls.
#[derive(Debug, Clone, Copy, Default)]
pub struct Bytes;

impl Decoding<Vec<u8>> for Bytes {
    fn decode(&self, raw: RawResponse) -> Result<ApiResponse<Vec<u8>>, Error> {
        Ok(raw.bytes())
    }
}

/// No body ([`RawResponse::empty`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Empty;

impl Decoding<()> for Empty {
    fn decode(&self, raw: RawResponse) -> Result<ApiResponse<()>, Error> {
        Ok(raw.empty())
    }
}

/// A decoding function of the generated crate's own, for a body type that depends on the status.
pub type DecodeFn<T> = fn(RawResponse) -> Result<ApiResponse<T>, Error>;

impl<T> Decoding<T> for DecodeFn<T> {
    fn decode(&self, raw: RawResponse) -> Result<ApiResponse<T>, Error> {
        self(raw)
    }
}

type Exchange = Pin<Box<dyn Future<Output = Result<RawResponse, Error>> + Send>>;

/// A request on its way: resolves to the decoded response with its status and headers.
///
/// Returned by a builder's `send_with_response`. Like any future it does nothing until it is
/// awaited (or polled); it is `Send`, `'static` and `Unpin`.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct ResponseFuture<T, D = Json> {
    exchange: Exchange,
    decoding: Option<D>,
    body: PhantomData<fn() -> T>,
}

/// A request on its way: resolves to the decoded body alone.
///
/// Returned by a builder's `send`; see [`ResponseFuture`].
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct BodyFuture<T, D = Json>(ResponseFuture<T, D>);

impl Client {
    /// Sends `request` through [`Client::execute`] and decodes a success with `decoding`: what a
    /// generated builder's `send_with_response` returns. A request that could not be built
    /// (`Err`) fails when awaited, without sending anything.
    pub fn send<T, D: Decoding<T>>(
        &self,
        request: Result<Request, Error>,
        decoding: D,
    ) -> ResponseFuture<T, D> {
        ResponseFuture {
            exchange: self.exchange(request),
            decoding: Some(decoding),
            body: PhantomData,
        }
    }

    /// The one boxed execute future that every operation's response futures wrap.
    fn exchange(&self, request: Result<Request, Error>) -> Exchange {
        let client = self.clone();
        Box::pin(async move { client.execute(request?).await })
    }
}

impl<T, D: Decoding<T>> ResponseFuture<T, D> {
    /// The same request, resolving to the body alone.
    pub fn into_body(self) -> BodyFuture<T, D> {
        BodyFuture(self)
    }
}

impl<T, D: Decoding<T> + Unpin> Future for ResponseFuture<T, D> {
    type Output = Result<ApiResponse<T>, Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let raw = match self.exchange.as_mut().poll(cx) {
            Poll::Pending => return Poll::Pending,
            Poll::Ready(Err(error)) => return Poll::Ready(Err(error)),
            Poll::Ready(Ok(raw)) => raw,
        };
        let decoding = self
            .decoding
            .take()
            .expect("a ResponseFuture polled after it completed");
        Poll::Ready(decoding.decode(raw))
    }
}

impl<T, D: Decoding<T> + Unpin> Future for BodyFuture<T, D> {
    type Output = Result<T, Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.0)
            .poll(cx)
            .map(|result| result.map(ApiResponse::into_body))
    }
}

impl<T, D> fmt::Debug for ResponseFuture<T, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseFuture")
            .field("done", &self.decoding.is_none())
            .finish_non_exhaustive()
    }
}

impl<T, D> fmt::Debug for BodyFuture<T, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("BodyFuture").field(&self.0).finish()
    }
}

type StreamExchange = Pin<Box<dyn Future<Output = Result<ApiResponse<ByteStream>, Error>> + Send>>;

/// A request on its way whose success body is streamed: resolves to the [`ByteStream`] with the
/// status and headers.
///
/// Returned by the `send_with_response` of a builder whose operation answers with a binary body.
/// Like any future it does nothing until it is awaited; it is `Send`, `'static` and `Unpin`.
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct StreamFuture {
    exchange: StreamExchange,
}

/// A request on its way whose success body is streamed: resolves to the [`ByteStream`] alone.
///
/// Returned by the `send` of a builder whose operation answers with a binary body; see
/// [`StreamFuture`].
#[must_use = "futures do nothing unless you `.await` or poll them"]
pub struct StreamBodyFuture(StreamFuture);

impl Client {
    /// Sends `request` through [`Client::execute_stream`]: a 2xx body is not read, but handed
    /// over as a [`ByteStream`]. What a generated builder's `send_with_response` returns for an
    /// operation with a binary success body. A request that could not be built (`Err`) fails
    /// when awaited, without sending anything.
    pub fn send_stream(&self, request: Result<Request, Error>) -> StreamFuture {
        let client = self.clone();
        StreamFuture {
            exchange: Box::pin(async move { client.execute_stream(request?).await }),
        }
    }
}

impl StreamFuture {
    /// The same request, resolving to the stream alone.
    pub fn into_body(self) -> StreamBodyFuture {
        StreamBodyFuture(self)
    }
}

impl Future for StreamFuture {
    type Output = Result<ApiResponse<ByteStream>, Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.exchange.as_mut().poll(cx)
    }
}

impl Future for StreamBodyFuture {
    type Output = Result<ByteStream, Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.0)
            .poll(cx)
            .map(|result| result.map(ApiResponse::into_body))
    }
}

impl fmt::Debug for StreamFuture {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StreamFuture").finish_non_exhaustive()
    }
}

impl fmt::Debug for StreamBodyFuture {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("StreamBodyFuture").field(&self.0).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_static_unpin<F: Future + Send + Unpin + 'static>(_: &F) {}

    #[tokio::test]
    async fn a_request_that_could_not_be_built_fails_when_awaited() {
        static API: crate::Api = crate::Api {
            package: "test",
            version: "0",
            servers: &[],
            security_schemes: &[],
            preview_operations: &[],
            operations: &[],
            rate_limit: crate::RateLimitHeaders::STANDARD,
            error_messages: crate::ErrorMessages::STANDARD,
        };
        let client = crate::ClientBuilder::new(&API)
            .base_url("http://127.0.0.1:9")
            .build()
            .expect("client");
        let failed = Error::InvalidRequest {
            operation: "Op",
            reason: "no".to_owned(),
        };
        let future = client.send::<serde_json::Value, _>(Err(failed), Json);
        assert_send_static_unpin(&future);
        let body = future.into_body();
        assert_send_static_unpin(&body);
        assert!(matches!(body.await, Err(Error::InvalidRequest { .. })));
    }
}
