//! Request bodies that need not be in memory: bytes, a file (reopened for each attempt), or a
//! one-shot stream of known length; and the stream that sends them, segment after segment.

use crate::error::Error;
use bytes::{Bytes, BytesMut};
use futures_core::Stream;
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use tokio::io::{AsyncRead, ReadBuf};

/// A boxed stream of chunks, as a one-shot body holds it.
type BoxStream = Pin<Box<dyn Stream<Item = Result<Bytes, BoxError>> + Send>>;
type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A binary request body, or a file part of a [`Multipart`](crate::Multipart) form: bytes in
/// memory, a file, or a stream, always with a known length (sent as `Content-Length`).
///
/// | made from | memory | sent again on a retry |
/// |---|---|---|
/// | `Vec<u8>`, [`Bytes`], `String`, `&'static [u8]` (`From`) | the bytes | yes |
/// | [`from_file`](Self::from_file) | a 64 KiB buffer | yes: the file is opened again |
/// | [`from_stream`](Self::from_stream) | a chunk at a time | no |
///
/// **A one-shot stream is never replayed.** If an attempt that started to send it fails in a way
/// the retry policy would retry (a 503, say), the call fails with
/// [`Error::StreamNotReplayable`], which names the failure; an attempt that failed before reading
/// any of it (a refused connection) leaves it for the next attempt.
///
/// Clones share a one-shot stream: whichever is sent first consumes it.
///
/// ```no_run
/// # async fn example() -> Result<(), openapi_sdk_runtime::Error> {
/// use openapi_sdk_runtime::UploadBody;
/// let in_memory = UploadBody::from(b"raw bytes".to_vec());
/// let file = UploadBody::from_file("archive.zip").await?;
/// assert_eq!(in_memory.len(), 9);
/// assert!(file.is_replayable());
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct UploadBody {
    source: Source,
    len: u64,
}

#[derive(Clone)]
enum Source {
    Bytes(Bytes),
    File(PathBuf),
    /// Taken by the first attempt that reads from it.
    Stream(Arc<Mutex<Option<BoxStream>>>),
}

impl UploadBody {
    /// A body of bytes in memory.
    pub fn from_bytes(bytes: impl Into<Bytes>) -> Self {
        let bytes = bytes.into();
        UploadBody {
            len: bytes.len() as u64,
            source: Source::Bytes(bytes),
        }
    }

    /// A body read from the file at `path`, whose length is read now from its metadata. The file
    /// is opened when the request is sent, again for each attempt, and must still have that
    /// length then (a file that changed size fails the attempt rather than send a wrong body).
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the path's metadata cannot be read or it is not a file.
    pub async fn from_file(path: impl AsRef<Path>) -> Result<Self, Error> {
        let path = path.as_ref();
        let failed = |source| Error::Io {
            what: format!("reading the upload file {}", path.display()),
            source,
        };
        let metadata = tokio::fs::metadata(path).await.map_err(failed)?;
        if !metadata.is_file() {
            return Err(failed(io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a regular file",
            )));
        }
        Ok(UploadBody {
            len: metadata.len(),
            source: Source::File(path.to_owned()),
        })
    }

    /// A body read from `stream`, which must yield exactly `len` bytes (it is sent as the
    /// `Content-Length`; a stream that yields more or fewer fails the attempt). It can be sent
    /// only once: see the type's documentation on retries.
    pub fn from_stream<S, E>(stream: S, len: u64) -> Self
    where
        S: Stream<Item = Result<Bytes, E>> + Send + 'static,
        E: Into<BoxError> + 'static,
    {
        let stream: BoxStream = Box::pin(futures_util::TryStreamExt::map_err(stream, Into::into));
        UploadBody {
            len,
            source: Source::Stream(Arc::new(Mutex::new(Some(stream)))),
        }
    }

    /// The length in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the body is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the body can be sent again (bytes and files can; a stream cannot).
    pub fn is_replayable(&self) -> bool {
        !matches!(self.source, Source::Stream(_))
    }

    /// The bytes, when the body is in memory.
    pub(crate) fn as_bytes(&self) -> Option<&Bytes> {
        match &self.source {
            Source::Bytes(bytes) => Some(bytes),
            _ => None,
        }
    }

    /// Whether an attempt has started to read a one-shot stream.
    pub(crate) fn is_consumed(&self) -> bool {
        match &self.source {
            Source::Stream(slot) => slot.lock().map_or(true, |s| s.is_none()),
            _ => false,
        }
    }
}

impl From<Vec<u8>> for UploadBody {
    fn from(bytes: Vec<u8>) -> Self {
        Self::from_bytes(bytes)
    }
}

impl From<Bytes> for UploadBody {
    fn from(bytes: Bytes) -> Self {
        Self::from_bytes(bytes)
    }
}

impl From<String> for UploadBody {
    fn from(text: String) -> Self {
        Self::from_bytes(text)
    }
}

impl From<&'static [u8]> for UploadBody {
    fn from(bytes: &'static [u8]) -> Self {
        Self::from_bytes(bytes)
    }
}

impl PartialEq for UploadBody {
    /// Bytes are equal by content, files by path and length, streams only to their own clones.
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len
            && match (&self.source, &other.source) {
                (Source::Bytes(a), Source::Bytes(b)) => a == b,
                (Source::File(a), Source::File(b)) => a == b,
                (Source::Stream(a), Source::Stream(b)) => Arc::ptr_eq(a, b),
                _ => false,
            }
    }
}

impl fmt::Debug for UploadBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = match &self.source {
            Source::Bytes(_) => "bytes".to_owned(),
            Source::File(path) => format!("file {}", path.display()),
            Source::Stream(_) => "stream".to_owned(),
        };
        f.debug_struct("UploadBody")
            .field("source", &source)
            .field("len", &self.len)
            .finish()
    }
}

/// One piece of a body as sent: bytes (a multipart header, a part in memory) or an upload.
#[derive(Clone, Debug)]
pub(crate) enum Segment {
    Bytes(Bytes),
    Upload(UploadBody),
}

impl Segment {
    fn len(&self) -> u64 {
        match self {
            Segment::Bytes(b) => b.len() as u64,
            Segment::Upload(u) => u.len,
        }
    }
}

/// A body made of segments, some of which may not be in memory: what an attempt sends.
#[derive(Clone, Debug)]
pub(crate) struct Segments(pub(crate) Vec<Segment>);

impl Segments {
    /// The total length.
    pub(crate) fn len(&self) -> u64 {
        self.0.iter().map(Segment::len).sum()
    }

    /// The whole body, when every segment is in memory.
    pub(crate) fn in_memory(&self) -> Option<Bytes> {
        if let [Segment::Bytes(bytes)] = self.0.as_slice() {
            return Some(bytes.clone());
        }
        if let [Segment::Upload(upload)] = self.0.as_slice() {
            return upload.as_bytes().cloned();
        }
        let mut body = BytesMut::new();
        for segment in &self.0 {
            match segment {
                Segment::Bytes(bytes) => body.extend_from_slice(bytes),
                Segment::Upload(upload) => body.extend_from_slice(upload.as_bytes()?),
            }
        }
        Some(body.freeze())
    }

    /// Whether every one-shot stream in it is still unread.
    pub(crate) fn is_replayable(&self) -> bool {
        self.0.iter().all(|s| match s {
            Segment::Bytes(_) => true,
            Segment::Upload(u) => !u.is_consumed(),
        })
    }

    /// The body for one attempt.
    pub(crate) fn to_body(&self) -> reqwest::Body {
        reqwest::Body::wrap_stream(Sending {
            pending: self.0.iter().cloned().collect(),
            current: Current::Idle,
        })
    }
}

/// Reads the segments in order.
struct Sending {
    pending: VecDeque<Segment>,
    current: Current,
}

type Opening = Pin<Box<dyn Future<Output = io::Result<tokio::fs::File>> + Send>>;

enum Current {
    Idle,
    Opening {
        open: Opening,
        path: PathBuf,
        len: u64,
    },
    File {
        file: tokio::fs::File,
        path: PathBuf,
        left: u64,
        buffer: BytesMut,
    },
    Stream {
        stream: BoxStream,
        left: u64,
    },
}

/// How much of a file one read takes.
const FILE_CHUNK: usize = 64 * 1024;

impl Stream for Sending {
    type Item = Result<Bytes, BoxError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        loop {
            match &mut this.current {
                Current::Idle => {
                    let Some(segment) = this.pending.pop_front() else {
                        return Poll::Ready(None);
                    };
                    match segment {
                        Segment::Bytes(bytes) if bytes.is_empty() => {}
                        Segment::Bytes(bytes) => return Poll::Ready(Some(Ok(bytes))),
                        Segment::Upload(upload) => match upload.source {
                            Source::Bytes(bytes) if bytes.is_empty() => {}
                            Source::Bytes(bytes) => return Poll::Ready(Some(Ok(bytes))),
                            Source::File(path) => {
                                let open = Box::pin(tokio::fs::File::open(path.clone()));
                                this.current = Current::Opening {
                                    open,
                                    path,
                                    len: upload.len,
                                };
                            }
                            Source::Stream(slot) => {
                                let taken = slot.lock().ok().and_then(|mut s| s.take());
                                let Some(stream) = taken else {
                                    return Poll::Ready(Some(Err(
                                        "the one-shot upload stream was already sent".into(),
                                    )));
                                };
                                this.current = Current::Stream {
                                    stream,
                                    left: upload.len,
                                };
                            }
                        },
                    }
                }
                Current::Opening { open, path, len } => {
                    let file = match open.as_mut().poll(cx) {
                        Poll::Pending => return Poll::Pending,
                        Poll::Ready(Ok(file)) => file,
                        Poll::Ready(Err(e)) => {
                            let message = format!("opening {}: {e}", path.display());
                            this.current = Current::Idle;
                            return Poll::Ready(Some(Err(message.into())));
                        }
                    };
                    this.current = Current::File {
                        file,
                        path: std::mem::take(path),
                        left: *len,
                        buffer: BytesMut::new(),
                    };
                }
                Current::File {
                    file,
                    path,
                    left,
                    buffer,
                } => {
                    // Read at most what is left, plus one byte to notice a file that grew.
                    let want = usize::try_from(*left)
                        .unwrap_or(usize::MAX)
                        .saturating_add(1)
                        .min(FILE_CHUNK);
                    buffer.resize(want, 0);
                    let mut read = ReadBuf::new(&mut buffer[..]);
                    match Pin::new(file).poll_read(cx, &mut read) {
                        Poll::Pending => return Poll::Pending,
                        Poll::Ready(Err(e)) => {
                            let message = format!("reading {}: {e}", path.display());
                            this.current = Current::Idle;
                            return Poll::Ready(Some(Err(message.into())));
                        }
                        Poll::Ready(Ok(())) => {}
                    }
                    let n = read.filled().len();
                    buffer.truncate(n);
                    let n = n as u64;
                    if n == 0 {
                        if *left > 0 {
                            let error = format!(
                                "the upload file {} ended {left} bytes short of the length it had when it was measured",
                                path.display()
                            );
                            this.current = Current::Idle;
                            return Poll::Ready(Some(Err(error.into())));
                        }
                        this.current = Current::Idle;
                        continue;
                    }
                    if n > *left {
                        let error = format!(
                            "the upload file {} is longer than when it was measured",
                            path.display()
                        );
                        this.current = Current::Idle;
                        return Poll::Ready(Some(Err(error.into())));
                    }
                    *left -= n;
                    let chunk = buffer.split().freeze();
                    return Poll::Ready(Some(Ok(chunk)));
                }
                Current::Stream { stream, left } => match stream.as_mut().poll_next(cx) {
                    Poll::Pending => return Poll::Pending,
                    Poll::Ready(Some(Err(e))) => {
                        this.current = Current::Idle;
                        return Poll::Ready(Some(Err(e)));
                    }
                    Poll::Ready(Some(Ok(chunk))) => {
                        let n = chunk.len() as u64;
                        if n > *left {
                            this.current = Current::Idle;
                            return Poll::Ready(Some(Err(
                                "the upload stream yielded more bytes than its declared length"
                                    .into(),
                            )));
                        }
                        *left -= n;
                        if n > 0 {
                            return Poll::Ready(Some(Ok(chunk)));
                        }
                    }
                    Poll::Ready(None) => {
                        let short = *left;
                        this.current = Current::Idle;
                        if short > 0 {
                            return Poll::Ready(Some(Err(format!(
                                "the upload stream ended {short} bytes short of its declared length"
                            )
                            .into())));
                        }
                    }
                },
            }
        }
    }
}
