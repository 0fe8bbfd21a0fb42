//! Binary response bodies as a stream: read at the caller's pace, never buffered whole by the
//! runtime, with helpers to collect (up to a limit), write to any `AsyncWrite`, or save to a file.

use crate::error::{Error, TimeoutKind};
use bytes::{Bytes, BytesMut};
use futures_core::Stream;
use http::header::CONTENT_TYPE;
use http::{HeaderMap, StatusCode};
use std::fmt;
use std::future::Future as _;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncWrite, AsyncWriteExt};
use tokio::time::{Instant, Sleep};

type Chunks = Pin<Box<dyn Stream<Item = reqwest::Result<Bytes>> + Send>>;

/// The body of a successful binary response (`application/octet-stream`, `format: binary`,
/// images, archives), as a stream of chunks.
///
/// Generated operations with a binary success body return it from `send` (and, with the status and
/// headers, from `send_with_response` as an [`ApiResponse<ByteStream>`](crate::ApiResponse)). The
/// client's [`max_response_body`](crate::ClientBuilder::max_response_body) does not apply to it:
/// the body is read as it is consumed, so a download of any size takes constant memory. Choose a
/// limit when collecting it in memory with [`collect`](Self::collect); write it elsewhere with
/// [`write_to`](Self::write_to) or [`save`](Self::save); or read it chunk by chunk as a
/// [`Stream`] of `Result<Bytes, Error>`.
///
/// **Timeouts.** The call's attempt timeout and deadline cover the request up to the response
/// headers. After that, each chunk must arrive within the attempt timeout of the previous one (or
/// of the headers): a body that stalls longer fails with [`Error::Timeout`] of kind
/// [`TimeoutKind::BodyStall`]. A body that takes long but keeps moving is never cut off.
///
/// **Errors.** An error status is never streamed: it is read (up to the body limit) and returned
/// as [`Error::Api`] by `send`, as for any other operation. A connection that fails while the body
/// is read is [`Error::Transport`]; a body is never retried once it started.
///
/// ```no_run
/// # async fn example(stream: openapi_sdk_runtime::ByteStream) -> Result<(), openapi_sdk_runtime::Error> {
/// // Into memory, refusing more than 10 MiB:
/// let bytes = stream.collect(10 * 1024 * 1024).await?;
/// # let _ = bytes;
/// # Ok(()) }
/// # async fn example2(stream: openapi_sdk_runtime::ByteStream) -> Result<(), openapi_sdk_runtime::Error> {
/// // Or to a file, which appears only once the whole body has arrived:
/// let written = stream.save("archive.zip").await?;
/// println!("{written} bytes");
/// # Ok(()) }
/// ```
pub struct ByteStream {
    operation: &'static str,
    status: StatusCode,
    content_length: Option<u64>,
    content_type: Option<String>,
    attempts: u32,
    chunks: Chunks,
    /// How long the body may go without a chunk.
    stall: Duration,
    /// When the last chunk (or the headers) arrived.
    progress: Instant,
    /// Fires at `progress + stall` at the earliest; moved forward lazily (only when it fires), so a
    /// fast body costs one clock read per chunk, not one timer update.
    timer: Pin<Box<Sleep>>,
    received: u64,
    done: bool,
}

impl ByteStream {
    /// The body of `response`, read as it is consumed.
    pub(crate) fn new(
        operation: &'static str,
        response: reqwest::Response,
        headers: &HeaderMap,
        attempts: u32,
        stall: Duration,
    ) -> Self {
        let now = Instant::now();
        ByteStream {
            operation,
            status: response.status(),
            content_length: response.content_length(),
            content_type: headers
                .get(CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
            attempts,
            chunks: Box::pin(response.bytes_stream()),
            stall,
            progress: now,
            timer: Box::pin(tokio::time::sleep_until(now + stall)),
            received: 0,
            done: false,
        }
    }

    /// The operation whose response this is.
    pub(crate) fn operation(&self) -> &'static str {
        self.operation
    }

    /// The length the server declared (`Content-Length`), when it declared one and the body is
    /// not decompressed on the way.
    pub fn content_length(&self) -> Option<u64> {
        self.content_length
    }

    /// The `Content-Type` of the response, when it has a readable one.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The HTTP status of the response.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// How many bytes have been read so far (after decompression).
    pub fn bytes_read(&self) -> u64 {
        self.received
    }

    /// Reads the whole body into memory, refusing more than `limit` bytes: a longer body is
    /// [`Error::BodyTooLarge`] (with its first [`Error::BODY_PREFIX_LIMIT`] bytes), found as soon
    /// as the declared length or the bytes read pass the limit.
    pub async fn collect(mut self, limit: usize) -> Result<Bytes, Error> {
        let limit_u64 = u64::try_from(limit).unwrap_or(u64::MAX);
        let declared = self.content_length;
        if declared.is_some_and(|len| len > limit_u64) {
            return Err(self.too_large(limit, &[], &[], 0));
        }
        let capacity = declared
            .and_then(|len| usize::try_from(len).ok())
            .unwrap_or(64 * 1024)
            .min(limit);
        let mut body = BytesMut::with_capacity(capacity);
        while let Some(chunk) = next(&mut self).await {
            let chunk = chunk?;
            if chunk.len() > limit - body.len() {
                let received = (body.len() + chunk.len()) as u64;
                return Err(self.too_large(limit, &body, &chunk, received));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body.freeze())
    }

    /// Writes the body to `writer` chunk by chunk, then flushes it; returns how many bytes were
    /// written. A failed write is [`Error::Io`]; what was written before stays written.
    pub async fn write_to<W: AsyncWrite + Unpin + ?Sized>(
        mut self,
        writer: &mut W,
    ) -> Result<u64, Error> {
        let operation = self.operation;
        let failed = |source| Error::Io {
            what: format!("{operation}: writing the response body"),
            source,
        };
        let mut written = 0u64;
        while let Some(chunk) = next(&mut self).await {
            let chunk = chunk?;
            writer.write_all(&chunk).await.map_err(failed)?;
            written += chunk.len() as u64;
        }
        writer.flush().await.map_err(failed)?;
        Ok(written)
    }

    /// Saves the body to the file at `path`, replacing it if it exists; returns how many bytes
    /// were written.
    ///
    /// The body goes to a temporary file in the same folder, which is synced and renamed to
    /// `path` only once the whole body has arrived: a failed (or cancelled) download leaves no
    /// partial file, and an existing file is replaced at once or not at all.
    pub async fn save(self, path: impl AsRef<Path>) -> Result<u64, Error> {
        let path = path.as_ref();
        let operation = self.operation;
        let failed = |doing: &str, at: &Path, source| Error::Io {
            what: format!("{operation}: {doing} {}", at.display()),
            source,
        };
        let temp = TempFile::beside(path);
        let mut file = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp.path)
            .await
            .map_err(|e| failed("creating", &temp.path, e))?;
        let written = self.write_to(&mut file).await?;
        file.sync_all()
            .await
            .map_err(|e| failed("syncing", &temp.path, e))?;
        drop(file);
        tokio::fs::rename(&temp.path, path)
            .await
            .map_err(|e| failed("renaming the download to", path, e))?;
        temp.keep();
        Ok(written)
    }

    fn too_large(&self, limit: usize, body: &[u8], chunk: &[u8], received: u64) -> Error {
        let mut prefix = Vec::with_capacity(Error::BODY_PREFIX_LIMIT.min(body.len() + chunk.len()));
        prefix.extend_from_slice(&body[..body.len().min(Error::BODY_PREFIX_LIMIT)]);
        let take = chunk.len().min(Error::BODY_PREFIX_LIMIT - prefix.len());
        prefix.extend_from_slice(&chunk[..take]);
        Error::BodyTooLarge {
            operation: self.operation,
            status: self.status,
            limit,
            received,
            declared: self.content_length,
            prefix: Bytes::from(prefix),
            attempts: self.attempts,
        }
    }
}

/// The next chunk, as a future (the crate has no `StreamExt` of its own).
async fn next(stream: &mut ByteStream) -> Option<Result<Bytes, Error>> {
    std::future::poll_fn(|cx| Pin::new(&mut *stream).poll_next(cx)).await
}

impl Stream for ByteStream {
    type Item = Result<Bytes, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if this.done {
            return Poll::Ready(None);
        }
        match this.chunks.as_mut().poll_next(cx) {
            Poll::Ready(Some(Ok(chunk))) => {
                this.received += chunk.len() as u64;
                this.progress = Instant::now();
                Poll::Ready(Some(Ok(chunk)))
            }
            Poll::Ready(Some(Err(source))) => {
                this.done = true;
                let error = if source.is_timeout() {
                    this.stalled()
                } else {
                    Error::Transport {
                        operation: this.operation,
                        source: source.without_url(),
                        attempts: this.attempts,
                    }
                };
                Poll::Ready(Some(Err(error)))
            }
            Poll::Ready(None) => {
                this.done = true;
                Poll::Ready(None)
            }
            Poll::Pending => loop {
                if this.timer.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
                let due = this.progress + this.stall;
                if Instant::now() >= due {
                    this.done = true;
                    return Poll::Ready(Some(Err(this.stalled())));
                }
                // Data arrived since the timer was set: wait from the last chunk.
                this.timer.as_mut().reset(due);
            },
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, None)
    }
}

impl ByteStream {
    fn stalled(&self) -> Error {
        Error::Timeout {
            operation: self.operation,
            kind: TimeoutKind::BodyStall,
            elapsed: self.progress.elapsed(),
            attempts: self.attempts,
        }
    }
}

impl fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ByteStream")
            .field("operation", &self.operation)
            .field("status", &self.status)
            .field("content_length", &self.content_length)
            .field("content_type", &self.content_type)
            .field("bytes_read", &self.received)
            .finish_non_exhaustive()
    }
}

/// A temporary file beside a download's destination, removed when dropped unless kept.
struct TempFile {
    path: PathBuf,
    keep: bool,
}

impl TempFile {
    /// A fresh name in `dest`'s folder: `.{file name}.{random}.part`.
    fn beside(dest: &Path) -> Self {
        let name = dest
            .file_name()
            .map_or_else(|| "download".into(), |n| n.to_string_lossy());
        let temp_name = format!(".{name}.{:016x}.part", fastrand::u64(..));
        TempFile {
            path: dest.with_file_name(temp_name),
            keep: false,
        }
    }

    /// The file was renamed into place: nothing to remove.
    fn keep(mut self) {
        self.keep = true;
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.keep {
            // Best effort: the file may not have been created.
            let _ = std::fs::remove_file(&self.path);
        }
    }
}
