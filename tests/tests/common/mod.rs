//! A minimal blocking HTTP/1.1 client for the replay tests: one request per connection, no reqwest.

#![allow(dead_code)] // each test binary uses a different part

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// A response as read off the wire.
#[derive(Debug)]
pub struct RawResponse {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends one request (`target` is the raw path and query) and reads the whole response.
pub async fn send(
    addr: SocketAddr,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<RawResponse> {
    let mut request =
        format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() || matches!(method, "POST" | "PUT" | "PATCH") {
        request.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    let mut bytes = request.into_bytes();
    bytes.extend_from_slice(body);
    tokio::task::spawn_blocking(move || exchange(addr, &bytes))
        .await
        .map_err(std::io::Error::other)?
}

fn exchange(addr: SocketAddr, request: &[u8]) -> std::io::Result<RawResponse> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.write_all(request)?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    parse(&raw)
}

fn parse(raw: &[u8]) -> std::io::Result<RawResponse> {
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string());
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| bad("no end of headers"))?;
    let head = std::str::from_utf8(&raw[..split]).map_err(|_| bad("head is not UTF-8"))?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().ok_or_else(|| bad("no status line"))?;
    let mut parts = status_line.splitn(3, ' ');
    let _version = parts.next();
    let status = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("bad status"))?;
    let reason = parts.next().unwrap_or("").to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if let Some(len) = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
    {
        let len: usize = len.1.parse().map_err(|_| bad("bad content-length"))?;
        body.truncate(len);
    }
    Ok(RawResponse {
        status,
        reason,
        headers,
        body,
    })
}

/// Plays every recorded request of `cassette` against a fresh replay server, in order, and checks
/// each gets its own recorded status and body, with nothing unmatched or left over.
pub async fn replay_cassette(
    cassette: &datadog_connections_replay::Cassette,
) -> Result<(), String> {
    use datadog_connections_replay::ReplayServer;
    let server = ReplayServer::start(cassette.interactions.clone())
        .await
        .map_err(|e| e.to_string())?;
    for (index, interaction) in cassette.interactions.iter().enumerate() {
        let request = &interaction.request;
        let headers: Vec<(&str, &str)> = request
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let body = request.body.as_deref().unwrap_or("");
        let response = send(
            server.addr(),
            request.method.as_str(),
            &request.path_and_query(),
            &headers,
            body.as_bytes(),
        )
        .await
        .map_err(|e| format!("{} #{index}: {e}", cassette.name))?;
        let want = &interaction.response;
        if response.status != want.status || response.text() != want.body {
            return Err(format!(
                "{} #{index}: got {} {:?}, want {} {:?}",
                cassette.name,
                response.status,
                response.text(),
                want.status,
                want.body
            ));
        }
    }
    if let Some(mismatch) = server.mismatches().first() {
        return Err(format!("{}: {mismatch}", cassette.name));
    }
    let unused = server.unused();
    if !unused.is_empty() {
        return Err(format!(
            "{}: interactions never served: {unused:?}",
            cassette.name
        ));
    }
    let matched: Vec<Option<usize>> = server.received().iter().map(|r| r.matched).collect();
    let want: Vec<Option<usize>> = (0..cassette.interactions.len()).map(Some).collect();
    if matched != want {
        return Err(format!(
            "{}: served out of order: {matched:?}",
            cassette.name
        ));
    }
    Ok(())
}
