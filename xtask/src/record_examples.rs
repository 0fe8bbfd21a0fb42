//! `cargo xtask record-examples`: re-records the SDK's workflow examples' cassettes
//! (`sdk/examples/cassettes/*.json`) against the loopback stand-in for Datadog
//! (`tests/examples/standin.rs`), through the test kit's recorder, which scrubs the keys.
//!
//! Each example runs against a fresh stand-in, so the ids and timestamps it records are the same on
//! every run. To record against Datadog itself, run an example with `DD_TESTKIT_MODE=record` and
//! real keys (see the example's header).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::e2e::cargo;

/// The workflow examples of `sdk/examples/` that have a cassette.
pub const EXAMPLES: &[&str] = &[
    "org_connections",
    "team_connections",
    "cross_org_visibility",
];

/// Stops the stand-in when dropped (closing its stdin ends it; killing is the fallback).
struct StandIn(Child);

impl Drop for StandIn {
    fn drop(&mut self) {
        drop(self.0.stdin.take());
        if !matches!(self.0.try_wait(), Ok(Some(_))) {
            let _ = self.0.kill();
        }
        let _ = self.0.wait();
    }
}

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let only: Vec<&str> = args.iter().map(String::as_str).collect();
    if let Some(unknown) = only.iter().find(|n| !EXAMPLES.contains(n)) {
        return Err(format!(
            "record-examples: unknown example {unknown} (known: {})",
            EXAMPLES.join(", ")
        ));
    }
    let cargo = cargo();
    eprintln!("record-examples: building the stand-in and the examples");
    let build = |args: &[&str]| -> Result<(), String> {
        let status = Command::new(&cargo)
            .args(args)
            .current_dir(root)
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        status
            .success()
            .then_some(())
            .ok_or_else(|| format!("`cargo {}` failed", args.join(" ")))
    };
    build(&[
        "build",
        "-q",
        "-p",
        "datadog-connections-replay",
        "--example",
        "standin",
    ])?;
    build(&["build", "-q", "-p", "datadog-connections", "--examples"])?;
    for example in EXAMPLES
        .iter()
        .filter(|e| only.is_empty() || only.contains(e))
    {
        let mut standin = start_standin(root, &cargo)?;
        let env = read_env(&mut standin)?;
        eprintln!("record-examples: {example}");
        let output = Command::new(&cargo)
            .args([
                "run",
                "-q",
                "-p",
                "datadog-connections",
                "--example",
                example,
            ])
            .current_dir(root)
            .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .env("DD_TESTKIT_MODE", "record")
            .env_remove("DD_ACCESS_TOKEN")
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("cannot run example {example}: {e}"))?;
        print!("{}", String::from_utf8_lossy(&output.stdout));
        if !output.status.success() {
            return Err(format!(
                "example {example} failed while recording:\n{}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let cassette = root.join(format!("sdk/examples/cassettes/{example}.json"));
        let text = std::fs::read_to_string(&cassette)
            .map_err(|e| format!("{}: {e}", cassette.display()))?;
        // The recorder scrubs credentials; check, since the file is about to be committed.
        if let Some((name, _)) = env
            .iter()
            .find(|(k, v)| k.ends_with("_KEY") && text.contains(v.as_str()))
        {
            return Err(format!(
                "{}: contains the value of {name}",
                cassette.display()
            ));
        }
        eprintln!("record-examples: wrote {}", cassette.display());
    }
    Ok(())
}

fn start_standin(root: &Path, cargo: &str) -> Result<StandIn, String> {
    let child = Command::new(cargo)
        .args([
            "run",
            "-q",
            "-p",
            "datadog-connections-replay",
            "--example",
            "standin",
        ])
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the stand-in: {e}"))?;
    Ok(StandIn(child))
}

/// The `NAME=value` lines the stand-in prints before `ready`.
fn read_env(standin: &mut StandIn) -> Result<Vec<(String, String)>, String> {
    let stdout = standin
        .0
        .stdout
        .take()
        .ok_or("the stand-in has no stdout")?;
    let mut env = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| format!("reading the stand-in's output: {e}"))?;
        if line == "ready" {
            return Ok(env);
        }
        if let Some((name, value)) = line.split_once('=') {
            env.push((name.to_owned(), value.to_owned()));
        }
    }
    Err("the stand-in stopped before it was ready".to_owned())
}
