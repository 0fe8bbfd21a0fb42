//! Streamed binary bodies through the generated Media client, against a loopback server: uploads
//! from files and streams arrive whole with their length, a one-shot stream is never replayed,
//! multipart file parts carry their names and types, and downloads are collected with a limit,
//! saved without partial files, and cut off when they stall.

mod support;

use bytes::Bytes;
use futures_util::stream;
use openapi_sdk_runtime::{Error, FilePart, Multipart, RequestOptions, TimeoutKind, UploadBody};
use std::path::PathBuf;
use std::time::Duration;
use support::{client, expected_checksum, Checksum, Reply, Server, BLOCK};

/// A fresh, empty folder under the target's temporary directory.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "openapi-sdk-runtime-streaming-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stored(received: &support::Received) -> Reply {
    let json = format!(r#"{{"size": {}}}"#, received.body.len());
    Reply::Body(200, "application/json", json.into_bytes())
}

/// `count` bytes that differ from one position to the next.
fn payload(count: usize) -> Vec<u8> {
    (0..count).map(|i| (i * 31 % 251) as u8).collect()
}

/// `data` as a stream of 10 KiB chunks.
fn chunks(data: &[u8]) -> impl futures_core::Stream<Item = Result<Bytes, std::io::Error>> {
    let parts: Vec<Result<Bytes, std::io::Error>> = data
        .chunks(10 * 1024)
        .map(|c| Ok(Bytes::copy_from_slice(c)))
        .collect();
    stream::iter(parts)
}

#[tokio::test]
async fn uploads_from_a_file_and_a_stream_arrive_whole_with_their_length() {
    let server = Server::start(|r, _| stored(r)).await;
    let client = client(&server, 1);
    let dir = folder("upload");
    let data = payload(3 * 1024 * 1024 + 17);
    let path = dir.join("upload.bin");
    std::fs::write(&path, &data).unwrap();

    let from_file = UploadBody::from_file(&path).await.unwrap();
    assert_eq!(from_file.len(), data.len() as u64);
    assert!(from_file.is_replayable());
    let answer = client.put_media_file("a", from_file).send().await.unwrap();
    assert_eq!(answer.size, Some(data.len() as i64));

    let from_stream = UploadBody::from_stream(chunks(&data), data.len() as u64);
    assert!(!from_stream.is_replayable());
    client
        .put_media_file("b", from_stream)
        .send()
        .await
        .unwrap();

    // Bytes still work as before.
    client
        .put_media_file("c", data.clone())
        .send()
        .await
        .unwrap();

    let received = server.received();
    assert_eq!(received.len(), 3);
    for request in &received {
        assert_eq!(request.body, data, "{}", request.path);
        assert_eq!(
            request.header("content-length"),
            Some(data.len().to_string().as_str())
        );
        assert_eq!(
            request.header("content-type"),
            Some("application/octet-stream")
        );
        assert_eq!(request.header("transfer-encoding"), None);
    }
    assert_eq!(received[0].path, "/media/files/a");
}

#[tokio::test]
async fn a_stream_of_the_wrong_length_fails_and_a_missing_file_is_an_io_error() {
    let server = Server::start(|r, _| stored(r)).await;
    let client = client(&server, 1);
    let data = payload(1000);
    let short = UploadBody::from_stream(chunks(&data), 2000);
    let error = client.put_media_file("s", short).send().await.unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    let long = UploadBody::from_stream(chunks(&data), 10);
    let error = client.put_media_file("l", long).send().await.unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert!(
        format!("{error:?}").contains("more bytes than its declared length"),
        "{error:?}"
    );

    let missing = folder("missing").join("nothing.bin");
    let error = UploadBody::from_file(&missing).await.unwrap_err();
    assert!(matches!(error, Error::Io { .. }), "{error:?}");
    assert!(error.to_string().contains("nothing.bin"), "{error}");
}

#[tokio::test]
async fn a_one_shot_stream_is_not_retried_after_a_503() {
    let server = Server::start(|_, _| Reply::Body(503, "application/json", b"{}".to_vec())).await;
    let client = client(&server, 4);
    let data = payload(50_000);
    let body = UploadBody::from_stream(chunks(&data), data.len() as u64);
    // PUT is idempotent: without the stream, a 503 would be retried.
    let error = client.put_media_file("x", body).send().await.unwrap_err();
    let Error::StreamNotReplayable {
        attempts, source, ..
    } = &error
    else {
        panic!("{error:?}");
    };
    assert_eq!(*attempts, 1);
    assert_eq!(source.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert!(error.to_string().contains("one-shot stream"), "{error}");
    let received = server.received();
    assert_eq!(received.len(), 1, "the server saw one request");
    assert_eq!(received[0].body, data);
}

#[tokio::test]
async fn a_file_body_is_read_again_for_a_retry() {
    let server = Server::start(|r, index| match index {
        0 => Reply::Body(503, "application/json", b"{}".to_vec()),
        _ => stored(r),
    })
    .await;
    let client = client(&server, 4);
    let dir = folder("retry");
    let data = payload(200_000);
    let path = dir.join("retry.bin");
    std::fs::write(&path, &data).unwrap();
    let body = UploadBody::from_file(&path).await.unwrap();
    let answer = client.put_media_file("x", body).send().await.unwrap();
    assert_eq!(answer.size, Some(data.len() as i64));
    let received = server.received();
    assert_eq!(received.len(), 2);
    for request in &received {
        assert_eq!(request.body, data);
        assert_eq!(
            request.header("content-length"),
            Some(data.len().to_string().as_str())
        );
    }
}

/// The parts of a `multipart/form-data` body: (headers block, content) each.
fn parts(request: &support::Received) -> Vec<(String, Vec<u8>)> {
    let content_type = request.header("content-type").unwrap();
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap();
    let delimiter = format!("--{boundary}");
    let body = &request.body;
    let end = format!("\r\n--{boundary}--\r\n");
    assert!(body.ends_with(end.as_bytes()), "the form is closed");
    let mut out = Vec::new();
    let mut rest = &body[..body.len() - end.len() + 2];
    while let Some(start) = find(rest, delimiter.as_bytes()) {
        rest = &rest[start + delimiter.len() + 2..];
        let next = find(rest, format!("\r\n{delimiter}").as_bytes()).unwrap_or(rest.len() - 2);
        let part = &rest[..next];
        let split = find(part, b"\r\n\r\n").unwrap();
        out.push((
            String::from_utf8(part[..split].to_vec()).unwrap(),
            part[split + 4..].to_vec(),
        ));
        rest = &rest[next + 2..];
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[tokio::test]
async fn multipart_file_parts_carry_their_file_name_and_content_type() {
    let server = Server::start(|_, _| Reply::Body(201, "image/png", b"PNG".to_vec())).await;
    let client = client(&server, 1);
    let dir = folder("multipart");
    let photo = payload(100_000);
    let path = dir.join("holiday.png");
    std::fs::write(&path, &photo).unwrap();

    // The typed body: the spec's content type (`encoding`), the field's name as file name.
    let body = support::media::models::UploadMediaPhotoBody::new(b"\x89PNG".to_vec()).title("Sea");
    let answer = client.upload_media_photo(body).send().await.unwrap();
    assert_eq!(answer.collect(100).await.unwrap(), &b"PNG"[..]);

    // A form by hand: a file and a stream, with names and types of their own.
    let notes = payload(30_000);
    let form = Multipart::new()
        .text("title", "Holidays")
        .file(
            "photo",
            FilePart::new(UploadBody::from_file(&path).await.unwrap())
                .file_name("holiday \"1\".png")
                .content_type("image/png"),
        )
        .file(
            "notes",
            FilePart::new(UploadBody::from_stream(chunks(&notes), notes.len() as u64))
                .file_name("notes.txt")
                .content_type("text/plain; charset=utf-8"),
        )
        .file("raw", b"raw".to_vec());
    let body = support::media::models::UploadMediaPhotoBody::new(Vec::new());
    client
        .upload_media_photo(body)
        .multipart(form)
        .send()
        .await
        .unwrap();

    let received = server.received();
    let typed = parts(&received[0]);
    assert_eq!(
        typed,
        [
            (
                "Content-Disposition: form-data; name=\"title\"".to_owned(),
                b"Sea".to_vec()
            ),
            (
                "Content-Disposition: form-data; name=\"photo\"; filename=\"photo\"\r\nContent-Type: image/png"
                    .to_owned(),
                b"\x89PNG".to_vec()
            ),
        ]
    );
    let by_hand = parts(&received[1]);
    assert_eq!(
        by_hand,
        [
            (
                "Content-Disposition: form-data; name=\"title\"".to_owned(),
                b"Holidays".to_vec()
            ),
            (
                "Content-Disposition: form-data; name=\"photo\"; filename=\"holiday \\\"1\\\".png\"\r\nContent-Type: image/png"
                    .to_owned(),
                photo
            ),
            (
                "Content-Disposition: form-data; name=\"notes\"; filename=\"notes.txt\"\r\nContent-Type: text/plain; charset=utf-8"
                    .to_owned(),
                notes
            ),
            (
                "Content-Disposition: form-data; name=\"raw\"; filename=\"raw\"\r\nContent-Type: application/octet-stream"
                    .to_owned(),
                b"raw".to_vec()
            ),
        ]
    );
    assert_eq!(
        received[1].header("content-length"),
        Some(received[1].body.len().to_string().as_str())
    );
}

#[tokio::test]
async fn collect_refuses_a_body_over_its_limit_and_the_body_limit_does_not_apply() {
    let len = 4 * BLOCK as u64;
    let server = Server::start(move |_, _| Reply::Generated(len)).await;
    let client = support::media::Client::builder()
        .base_url(server.url())
        .max_response_body(1024)
        .build()
        .unwrap();
    // The client's body limit (1 KiB) does not apply to a stream.
    let whole = client.download_media_file("f").send().await.unwrap();
    let whole = whole.collect(len as usize).await.unwrap();
    let mut checksum = Checksum::default();
    checksum.update(&whole);
    assert_eq!(checksum.finish(), expected_checksum(len));

    // Refused on the declared length, before reading.
    let stream = client.download_media_file("f").send().await.unwrap();
    let error = stream.collect(len as usize - 1).await.unwrap_err();
    let Error::BodyTooLarge {
        limit,
        received,
        declared,
        status,
        ..
    } = &error
    else {
        panic!("{error:?}");
    };
    assert_eq!(
        (*limit, *received, *declared, status.as_u16()),
        (len as usize - 1, 0, Some(len), 200)
    );
}

#[tokio::test]
async fn an_error_status_is_an_api_error_not_a_stream() {
    let server = Server::start(|_, _| {
        Reply::Body(
            404,
            "application/json",
            br#"{"errors": ["no such file"]}"#.to_vec(),
        )
    })
    .await;
    let client = client(&server, 1);
    let error = client.download_media_file("f").send().await.unwrap_err();
    let api = error.as_api().expect("an API error");
    assert_eq!(api.status(), 404);
    assert_eq!(api.errors(), ["no such file"]);
}

#[tokio::test]
async fn save_writes_the_whole_body_or_leaves_no_file() {
    let len = 8 * BLOCK as u64;
    let server = Server::start(move |r, _| {
        if r.path.ends_with("/broken") {
            Reply::CutShort {
                declared: len,
                sent: BLOCK,
            }
        } else {
            Reply::Generated(len)
        }
    })
    .await;
    let client = client(&server, 1);
    let dir = folder("save");

    let target = dir.join("whole.bin");
    std::fs::write(&target, b"old content").unwrap();
    let stream = client.download_media_file("whole").send().await.unwrap();
    assert_eq!(stream.save(&target).await.unwrap(), len);
    let saved = std::fs::read(&target).unwrap();
    let mut checksum = Checksum::default();
    checksum.update(&saved);
    assert_eq!(checksum.finish(), expected_checksum(len));

    let broken = dir.join("broken.bin");
    let stream = client.download_media_file("broken").send().await.unwrap();
    let error = stream.save(&broken).await.unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    let mut left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["whole.bin"], "no partial or temporary file is left");
}

#[tokio::test]
async fn a_stalled_body_fails_after_the_attempt_timeout() {
    let server = Server::start(|_, _| Reply::Stall { sent: 1000 }).await;
    let client = client(&server, 1);
    let stream = client
        .download_media_file("slow")
        .with_options(RequestOptions::new().attempt_timeout(Duration::from_millis(300)))
        .send()
        .await
        .unwrap();
    let started = std::time::Instant::now();
    let error = stream.collect(1 << 20).await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::Timeout {
                kind: TimeoutKind::BodyStall,
                ..
            }
        ),
        "{error:?}"
    );
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(250) && waited < Duration::from_secs(5),
        "{waited:?}"
    );
}
