//! A large download through a generated client takes constant memory: the body is streamed to a
//! counting sink, its size and checksum are checked, and the process's peak RSS stays under
//! 50 MB. Alone in its test binary, so no other test inflates the peak.
//!
//! `cargo test` downloads 1 GiB (about 14 s in a debug build on a shared 2-core machine);
//! `STREAMING_TEST_MIB` sets another size.

mod support;

use support::{client, expected_checksum, peak_rss, CountingSink, Reply, Server};

const DEFAULT_MIB: u64 = 1024;
const PEAK_RSS_LIMIT: u64 = 50 * 1000 * 1000;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_download_streams_in_constant_memory() {
    let mib = std::env::var("STREAMING_TEST_MIB")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(DEFAULT_MIB);
    let len = mib * 1024 * 1024;
    let server = Server::start(move |_, _| Reply::Generated(len)).await;
    let client = client(&server, 1);
    let started = std::time::Instant::now();
    let response = client
        .download_media_file("large.bin")
        .send_with_response()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let stream = response.into_body();
    assert_eq!(stream.content_length(), Some(len));
    assert_eq!(stream.content_type(), Some("application/octet-stream"));
    let mut sink = CountingSink::default();
    let written = stream.write_to(&mut sink).await.unwrap();
    let elapsed = started.elapsed();
    assert_eq!(written, len);
    assert_eq!(sink.0.bytes, len);
    assert_eq!(sink.0.finish(), expected_checksum(len));
    let peak = peak_rss();
    println!(
        "downloaded {mib} MiB in {:.2} s ({:.0} MiB/s); peak RSS {:.1} MB",
        elapsed.as_secs_f64(),
        mib as f64 / elapsed.as_secs_f64(),
        peak as f64 / 1e6
    );
    assert!(
        peak < PEAK_RSS_LIMIT,
        "peak RSS {peak} bytes is over {PEAK_RSS_LIMIT}"
    );
}
