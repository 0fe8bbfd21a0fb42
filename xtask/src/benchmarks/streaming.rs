//! The `streaming` section: download and upload throughput of the runtime's streamed bodies
//! against reqwest's own streams on the same loopback server. The measuring is the runtime's
//! `benches/streaming.rs` (release build, through the generated Media fixture's client), which
//! prints one JSON line per case and side; this file runs it and writes the page's section.

use super::page::sig3;
use super::record::{parse_lines, Measurement};
use std::fmt::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// The section's name.
pub const SECTION: &str = "streaming";
/// Our side.
const OURS: &str = "ours";
/// reqwest's own stream of the response body.
const REQWEST_DOWNLOAD: &str = "reqwest bytes_stream";
/// reqwest with a `tokio::fs::File` body.
const REQWEST_UPLOAD: &str = "reqwest File body";
/// The download target: ours ÷ reqwest's median throughput.
pub const DOWNLOAD_TARGET: f64 = 0.9;

/// Runs `cargo bench -p openapi-sdk-runtime --bench streaming` (release); its records.
pub fn measure(root: &Path, quick: bool) -> Result<Vec<Measurement>, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root).args([
        "bench",
        "--quiet",
        "-p",
        "openapi-sdk-runtime",
        "--bench",
        "streaming",
        "--",
    ]);
    if quick {
        cmd.arg("--quick");
    }
    eprintln!("   building and running the runtime's streaming benchmark (release)…");
    let output = cmd
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not run cargo bench: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "the streaming benchmark failed ({})",
            output.status
        ));
    }
    let rows = parse_lines(&String::from_utf8_lossy(&output.stdout))?;
    if rows.iter().all(|m| m.section != SECTION) {
        return Err("the streaming benchmark printed no figures".to_owned());
    }
    Ok(rows)
}

/// Ours ÷ the baseline's median throughput for a case (above 1 is faster).
fn ratio(all: &[Measurement], case: &str, baseline: &str) -> Option<f64> {
    let get = |subject: &str| {
        all.iter()
            .find(|m| m.section == SECTION && m.case == case && m.subject == subject)
            .and_then(|m| m.get("median_mibs"))
    };
    match (get(OURS), get(baseline)) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b),
        _ => None,
    }
}

/// Writes the section: a row per side and case, and the download target.
pub fn render(out: &mut String, all: &[Measurement], run: u64) {
    out.push_str("## Streaming\n\n");
    out.push_str(
        "Binary bodies streamed through the generated client of the Media snapshot fixture \
         (`ByteStream`, `UploadBody::from_file`) against reqwest's own streams on the same \
         loopback server, in one process (release build, `sdk/runtime/benches/streaming.rs`). \
         The server generates the download on the fly and counts the upload without keeping it; \
         each side reads chunk by chunk and keeps nothing. The sides alternate (A B A B) after a \
         warm-up round each; throughput is the median over the rounds (minimum–maximum). \
         Target: ours ≥ 0.9× reqwest's download throughput. Peak RSS is the benchmark \
         process's `VmHWM` after the downloads (both sides); `tests/streaming_memory.rs` \
         (in `cargo test`) downloads 1 GiB through the generated client alone and checks \
         its peak RSS stays under 50 MB.\n\n",
    );
    let rows: Vec<&Measurement> = all.iter().filter(|m| m.section == SECTION).collect();
    if rows.is_empty() {
        let _ = writeln!(
            out,
            "Not measured yet: `cargo xtask bench --only {SECTION}` measures it.\n"
        );
        return;
    }
    out.push_str(
        "| case | client | MiB/s (min–max) | rounds | ours ÷ reqwest (above 1 is faster) | peak RSS |\n",
    );
    out.push_str("|---|---|---|---|---|---|\n");
    let mut reused = Vec::new();
    for m in &rows {
        let mark = if m.run != run {
            let note = format!("{}, commit {}", m.date, m.commit);
            if !reused.contains(&note) {
                reused.push(note);
            }
            " †"
        } else {
            ""
        };
        let get = |k: &str| m.get(k).unwrap_or(0.0);
        let ratio_text = if m.subject == OURS {
            let baseline = if m.case.starts_with("download") {
                REQWEST_DOWNLOAD
            } else {
                REQWEST_UPLOAD
            };
            ratio(all, &m.case, baseline)
                .map(|r| format!("{r:.2}×"))
                .unwrap_or_else(|| "—".to_owned())
        } else {
            String::new()
        };
        let peak = m
            .get("peak_mb")
            .map(|p| format!("{p:.1} MB"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "| {}{mark} | {} | {} ({}–{}) | {:.0} | {ratio_text} | {peak} |",
            m.case,
            m.subject,
            sig3(get("median_mibs"), ""),
            sig3(get("min_mibs"), ""),
            sig3(get("max_mibs"), ""),
            get("rounds"),
        );
    }
    let download = rows
        .iter()
        .find(|m| m.subject == OURS && m.case.starts_with("download"))
        .and_then(|m| ratio(all, &m.case, REQWEST_DOWNLOAD));
    if let Some(r) = download {
        let status = if r >= DOWNLOAD_TARGET {
            "met"
        } else {
            "**missed**"
        };
        let _ = writeln!(
            out,
            "\nDownload target (≥ {DOWNLOAD_TARGET}× reqwest): {r:.2}×, {status}."
        );
    }
    if !reused.is_empty() {
        let _ = writeln!(
            out,
            "\n† Reused from an earlier run ({}): this run did not measure it again (`--only`).",
            reused.join("; ")
        );
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(case: &str, subject: &str, median: f64) -> Measurement {
        let mut m = Measurement::new(
            SECTION,
            case,
            subject,
            &[
                ("median_mibs", median),
                ("min_mibs", median - 10.0),
                ("max_mibs", median + 10.0),
                ("rounds", 5.0),
            ],
        );
        m.run = 7;
        m
    }

    #[test]
    fn the_section_shows_each_side_and_the_download_ratio() {
        let all = vec![
            row("download 1024 MiB", OURS, 900.0),
            row("download 1024 MiB", REQWEST_DOWNLOAD, 1000.0),
            row("upload 256 MiB from a file", OURS, 500.0),
            row("upload 256 MiB from a file", REQWEST_UPLOAD, 400.0),
        ];
        let mut out = String::new();
        render(&mut out, &all, 7);
        assert!(
            out.contains("| download 1024 MiB | ours | 900 (890–910) | 5 | 0.90× |"),
            "{out}"
        );
        assert!(
            out.contains("| upload 256 MiB from a file | ours | 500 (490–510) | 5 | 1.25× |"),
            "{out}"
        );
        assert!(out.contains("0.90×, met."), "{out}");
        assert!(!out.contains('†'), "{out}");
        let mut slower = all.clone();
        slower[0].values.insert("median_mibs".into(), 800.0);
        let mut out = String::new();
        render(&mut out, &slower, 8);
        assert!(out.contains("0.80×, **missed**"), "{out}");
        assert!(out.contains('†'), "{out}");
        let mut out = String::new();
        render(&mut out, &[], 1);
        assert!(out.contains("`cargo xtask bench --only streaming` measures it"));
    }
}
