//! A loopback HTTP/1.1 server that records each request exactly as it arrived — the request
//! target before any decoding, the headers in order, the body bytes — and answers every request
//! with one fixed response. For tests of what a client puts on the wire (parameter styles, body
//! encodings), where a decoded query would hide the difference between `a%2Cb` and `a,b`.

use std::sync::{Arc, Mutex, PoisonError};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A request as it arrived.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRequest {
    /// The method (`GET`).
    pub method: String,
    /// The request target as sent: the path and the query, still percent-encoded.
    pub target: String,
    /// The headers in the order they were sent.
    pub headers: Vec<(String, String)>,
    /// The body bytes (as much as `Content-Length` announced).
    pub body: Vec<u8>,
}

impl RawRequest {
    /// Every value of a header (the name is case-insensitive).
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The value of a header when it was sent exactly once.
    pub fn header(&self, name: &str) -> Option<&str> {
        match self.all(name).as_slice() {
            [value] => Some(value),
            _ => None,
        }
    }
}

/// The recording server; it stops when dropped.
#[derive(Debug)]
pub struct RawRecorder {
    base_url: String,
    received: Arc<Mutex<Vec<RawRequest>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for RawRecorder {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl RawRecorder {
    /// Starts a server on a free loopback port that answers every request with `status` and
    /// `body` (as `application/json` when the body is not empty).
    pub async fn start(status: u16, body: &'static str) -> std::io::Result<RawRecorder> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let base_url = format!("http://{}", listener.local_addr()?);
        let received = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&received);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream, status, body, Arc::clone(&log)));
            }
        });
        Ok(RawRecorder {
            base_url,
            received,
            task,
        })
    }

    /// `http://127.0.0.1:<port>`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The requests received since the last call, in order. Each is recorded before it is
    /// answered, so once a call has returned its request is here.
    pub fn take(&self) -> Vec<RawRequest> {
        std::mem::take(&mut *self.received.lock().unwrap_or_else(PoisonError::into_inner))
    }

    /// The one request received since the last call; an error unless exactly one came.
    pub fn only(&self) -> Result<RawRequest, String> {
        let mut all = self.take();
        match all.len() {
            1 => Ok(all.remove(0)),
            n => Err(format!("{n} requests arrived, expected exactly 1")),
        }
    }
}

/// Reads one request (head, then a `Content-Length` body), records it, answers and closes.
async fn serve(
    mut stream: TcpStream,
    status: u16,
    answer: &'static str,
    log: Arc<Mutex<Vec<RawRequest>>>,
) {
    let Some(request) = read_request(&mut stream).await else {
        return;
    };
    log.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(request);
    let content_type = if answer.is_empty() {
        ""
    } else {
        "Content-Type: application/json\r\n"
    };
    let response = format!(
        "HTTP/1.1 {status} Recorded\r\n{content_type}Content-Length: {}\r\nConnection: close\r\n\r\n{answer}",
        answer.len()
    );
    let _ = stream.write_all(response.as_bytes()).await;
    let _ = stream.shutdown().await;
}

async fn read_request(stream: &mut TcpStream) -> Option<RawRequest> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8(buf[..head_end].to_vec()).ok()?;
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_owned();
    let target = request_line.next()?.to_owned();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let length = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(RawRequest {
        method,
        target,
        headers,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn records_the_request_as_sent() {
        let recorder = RawRecorder::start(201, "{}").await.expect("bind");
        let mut stream = TcpStream::connect(recorder.base_url().trim_start_matches("http://"))
            .await
            .expect("connect");
        stream
            .write_all(b"POST /a%2Cb?x=1,2 HTTP/1.1\r\nHost: h\r\nX-A: 1\r\nX-A: 2\r\nContent-Length: 3\r\n\r\nabc")
            .await
            .expect("write");
        let mut answer = String::new();
        stream.read_to_string(&mut answer).await.expect("read");
        assert!(answer.starts_with("HTTP/1.1 201 "), "{answer}");
        let got = recorder.only().expect("one request");
        assert_eq!(
            (
                got.method.as_str(),
                got.target.as_str(),
                got.body.as_slice()
            ),
            ("POST", "/a%2Cb?x=1,2", &b"abc"[..])
        );
        assert_eq!(got.all("x-a"), ["1", "2"]);
        assert_eq!(got.header("x-a"), None, "repeated");
        assert_eq!(got.header("host"), Some("h"));
        assert!(recorder.only().is_err(), "taken");
    }
}
