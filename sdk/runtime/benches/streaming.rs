//! Streaming throughput on a loopback server, for `cargo xtask bench --only streaming`: a 1 GiB
//! download through the generated Media client's `ByteStream` against reqwest's own
//! `bytes_stream` on the same server, and a 256 MiB upload from a file (`UploadBody::from_file`)
//! against reqwest with a `tokio::fs::File` body. The two sides alternate (A B A B …) after a
//! warm-up round each; one JSON line per side and case (median, minimum and maximum MiB/s).
//!
//! `-- --quick` makes 3 rounds of 256 MiB instead of 5 of 1 GiB.

#[path = "../tests/support/mod.rs"]
mod support;

use futures_util::StreamExt;
use openapi_sdk_runtime::UploadBody;
use std::time::Instant;
use support::{Reply, Server};

const MIB: u64 = 1024 * 1024;

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let (rounds, download_mib, upload_mib) = if quick { (3, 256, 64) } else { (5, 1024, 256) };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(run(rounds, download_mib, upload_mib));
}

async fn run(rounds: usize, download_mib: u64, upload_mib: u64) {
    let len = download_mib * MIB;
    let server = Server::start(move |r, _| {
        if r.method == http::Method::GET {
            Reply::Generated(len)
        } else {
            Reply::Body(200, "application/json", b"{}".to_vec())
        }
    })
    .await;
    let ours = support::client(&server, 1);
    let reqwest = reqwest::Client::new();
    let url = format!("{}/media/files/big", server.url());

    // Download: round 0 warms up both sides and is not counted.
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for round in 0..=rounds {
        let started = Instant::now();
        let mut stream = ours
            .download_media_file("big")
            .send()
            .await
            .expect("download");
        let mut got = 0u64;
        while let Some(chunk) = stream.next().await {
            got += chunk.expect("a chunk").len() as u64;
        }
        assert_eq!(got, len);
        let ours_rate = mibs(len, started);

        let started = Instant::now();
        let response = reqwest.get(&url).send().await.expect("download");
        let mut stream = response.bytes_stream();
        let mut got = 0u64;
        while let Some(chunk) = stream.next().await {
            got += chunk.expect("a chunk").len() as u64;
        }
        assert_eq!(got, len);
        let reqwest_rate = mibs(len, started);
        eprintln!(
            "   download round {round}: ours {ours_rate:.0} MiB/s, reqwest {reqwest_rate:.0} MiB/s"
        );
        if round > 0 {
            a.push(ours_rate);
            b.push(reqwest_rate);
        }
    }
    let peak_mb = support::peak_rss() as f64 / 1e6;
    let case = format!("download {download_mib} MiB");
    print(&case, "ours", &a, Some(peak_mb));
    print(&case, "reqwest bytes_stream", &b, None);

    // Upload from a file.
    let path = std::env::temp_dir().join(format!(
        "openapi-sdk-runtime-bench-{}.bin",
        std::process::id()
    ));
    write_file(&path, upload_mib * MIB).await;
    let upload_url = format!("{}/media/files/discard", server.url());
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for round in 0..=rounds {
        let started = Instant::now();
        let body = UploadBody::from_file(&path).await.expect("the file");
        ours.put_media_file("discard", body)
            .send()
            .await
            .expect("upload");
        let ours_rate = mibs(upload_mib * MIB, started);

        let started = Instant::now();
        let file = tokio::fs::File::open(&path).await.expect("the file");
        let length = file.metadata().await.expect("its length").len();
        reqwest
            .put(&upload_url)
            .header("content-type", "application/octet-stream")
            .header("content-length", length)
            .body(reqwest::Body::from(file))
            .send()
            .await
            .expect("upload")
            .error_for_status()
            .expect("a 200");
        let reqwest_rate = mibs(upload_mib * MIB, started);
        eprintln!(
            "   upload round {round}: ours {ours_rate:.0} MiB/s, reqwest {reqwest_rate:.0} MiB/s"
        );
        if round > 0 {
            a.push(ours_rate);
            b.push(reqwest_rate);
        }
    }
    let _ = std::fs::remove_file(&path);
    let received = server.received();
    let uploads: Vec<_> = received
        .iter()
        .filter(|r| r.path.ends_with("/discard"))
        .collect();
    assert!(
        uploads.iter().all(|r| r.body_len == upload_mib * MIB),
        "every upload arrived whole"
    );
    let case = format!("upload {upload_mib} MiB from a file");
    print(&case, "ours", &a, None);
    print(&case, "reqwest File body", &b, None);
}

fn mibs(bytes: u64, started: Instant) -> f64 {
    bytes as f64 / MIB as f64 / started.elapsed().as_secs_f64()
}

/// A file of `len` bytes, written in 1 MiB blocks.
async fn write_file(path: &std::path::Path, len: u64) {
    use tokio::io::AsyncWriteExt;
    let mut file = tokio::fs::File::create(path)
        .await
        .expect("a temporary file");
    let block: Vec<u8> = (0..MIB).map(|i| (i % 251) as u8).collect();
    for _ in 0..len / MIB {
        file.write_all(&block).await.expect("written");
    }
    file.flush().await.expect("flushed");
}

/// One JSON line in the format `cargo xtask bench` keeps.
fn print(case: &str, subject: &str, rates: &[f64], peak_mb: Option<f64>) {
    let mut sorted = rates.to_vec();
    sorted.sort_by(f64::total_cmp);
    let median = if sorted.len() % 2 == 1 {
        sorted[sorted.len() / 2]
    } else {
        (sorted[sorted.len() / 2 - 1] + sorted[sorted.len() / 2]) / 2.0
    };
    let mut values = serde_json::json!({
        "median_mibs": median,
        "min_mibs": sorted[0],
        "max_mibs": sorted[sorted.len() - 1],
        "rounds": sorted.len(),
    });
    if let Some(peak) = peak_mb {
        values["peak_mb"] = serde_json::json!(peak);
    }
    let line = serde_json::json!({
        "section": "streaming",
        "case": case,
        "subject": subject,
        "values": values,
    });
    println!("{line}");
}
