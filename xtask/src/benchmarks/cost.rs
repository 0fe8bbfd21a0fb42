//! Build cost: timing a cargo command with its peak memory, both of the largest process
//! (`/usr/bin/time`'s maximum resident set, exact) and of the whole process tree (sampled), and
//! the size of a target folder; and the three one-file crates whose clean builds the page
//! compares.

use super::machine::{descendants, process_parents, rss_kb};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// One timed command.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cost {
    /// Wall time.
    pub wall: Duration,
    /// The largest resident set of any one process in the tree, in kB.
    pub peak_kb: Option<u64>,
    /// The largest sum of resident sets over the tree, in kB (sampled every 100 ms).
    pub tree_peak_kb: Option<u64>,
    /// The mean one-minute load average while it ran (the command's own processes count: a
    /// build alone on two cores shows about 2).
    pub load: Option<f64>,
}

impl Cost {
    /// The page's figures: `wall_s`, `peak_mb`, `tree_peak_mb`.
    pub fn values(&self) -> Vec<(&'static str, f64)> {
        let mut values = vec![("wall_s", self.wall.as_secs_f64())];
        if let Some(kb) = self.peak_kb {
            values.push(("peak_mb", kb as f64 / 1024.0));
        }
        if let Some(kb) = self.tree_peak_kb {
            values.push(("tree_peak_mb", kb as f64 / 1024.0));
        }
        if let Some(load) = self.load {
            values.push(("load", load));
        }
        values
    }
}

const TIME: &str = "/usr/bin/time";

/// Runs `command` to completion and measures it; its output goes to this process's stderr.
pub fn measure(command: &Command) -> Result<Cost, String> {
    let report = std::env::temp_dir().join(format!("xtask-bench-time-{}", std::process::id()));
    let _ = std::fs::remove_file(&report);
    let timed = Path::new(TIME).is_file();
    let mut cmd = if timed {
        let mut cmd = Command::new(TIME);
        cmd.arg("-f").arg("%M").arg("-o").arg(&report);
        cmd.arg(command.get_program()).args(command.get_args());
        cmd
    } else {
        let mut cmd = Command::new(command.get_program());
        cmd.args(command.get_args());
        cmd
    };
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => cmd.env(key, value),
            None => cmd.env_remove(key),
        };
    }
    if let Some(dir) = command.get_current_dir() {
        cmd.current_dir(dir);
    }
    cmd.stdout(Stdio::null());
    let started = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("could not run {:?}: {e}", command.get_program()))?;
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = {
        let stop = Arc::clone(&stop);
        let root = child.id();
        std::thread::spawn(move || sample_tree(root, &stop))
    };
    let status = child.wait().map_err(|e| e.to_string())?;
    let wall = started.elapsed();
    stop.store(true, Ordering::Relaxed);
    let (largest_sampled, tree_peak_kb, load) = sampler.join().unwrap_or((None, None, None));
    if !status.success() {
        return Err(format!("{command:?} failed ({status})"));
    }
    let peak_kb = if timed {
        std::fs::read_to_string(&report)
            .ok()
            .and_then(|text| text.lines().last()?.trim().parse().ok())
    } else {
        largest_sampled
    };
    let _ = std::fs::remove_file(&report);
    Ok(Cost {
        wall,
        peak_kb,
        tree_peak_kb,
        load,
    })
}

/// Samples the tree under `root` every 100 ms until `stop`: the largest single resident set, the
/// largest sum seen, and the mean one-minute load average.
fn sample_tree(root: u32, stop: &AtomicBool) -> (Option<u64>, Option<u64>, Option<f64>) {
    let (mut largest, mut total) = (None::<u64>, None::<u64>);
    let (mut load_sum, mut load_samples) = (0.0, 0u32);
    while !stop.load(Ordering::Relaxed) {
        if let Some(load) = std::fs::read_to_string("/proc/loadavg")
            .ok()
            .and_then(|text| text.split_whitespace().next()?.parse::<f64>().ok())
        {
            load_sum += load;
            load_samples += 1;
        }
        let parents = process_parents();
        let sizes: Vec<u64> = descendants(root, &parents)
            .into_iter()
            .filter_map(rss_kb)
            .collect();
        if let Some(max) = sizes.iter().max() {
            largest = Some(largest.map_or(*max, |l| l.max(*max)));
            let sum: u64 = sizes.iter().sum();
            total = Some(total.map_or(sum, |t| t.max(sum)));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let load = (load_samples > 0).then(|| load_sum / f64::from(load_samples));
    (largest, total, load)
}

/// The bytes under `dir`, each file counted once (cargo hard-links its outputs).
pub fn dir_size(dir: &Path) -> u64 {
    let mut seen = std::collections::HashSet::new();
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&path) {
                stack.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
            }
        } else if meta.is_file() {
            use std::os::unix::fs::MetadataExt;
            if seen.insert((meta.dev(), meta.ino())) {
                total += meta.len();
            }
        }
    }
    total
}

/// A crate whose clean build the page times.
#[derive(Debug, Clone, Copy)]
pub struct BuildCrate {
    /// The subject name on the page.
    pub subject: &'static str,
    /// Its package and folder name.
    pub name: &'static str,
    /// `[dependencies]`, with `{sdk}` for the SDK's path.
    pub dependencies: &'static str,
    /// `src/main.rs`.
    pub main: &'static str,
}

const TOKIO: &str =
    r#"tokio = { version = "1", features = ["macros", "rt-multi-thread", "net", "time", "sync"] }"#;

/// The three crates: the SDK's user, a bare crate with the SDK's dependencies making the same
/// call by hand, and datadog-api-client's user.
pub fn crates() -> [BuildCrate; 3] {
    [
        BuildCrate {
            subject: super::page::names::OURS,
            name: "bench-sdk-user",
            dependencies: "datadog-connections = { path = \"{sdk}\" }\n{tokio}\n",
            main: r#"//! Lists org connections with the SDK.

#[tokio::main]
async fn main() {
    let client = match datadog_connections::ClientBuilder::from_env().build() {
        Ok(client) => client,
        Err(e) => return eprintln!("{e}"),
    };
    match client.list_org_connections().send().await {
        Ok(list) => println!("{} org connections", list.data.len()),
        Err(e) => eprintln!("{e}"),
    }
}
"#,
        },
        BuildCrate {
            subject: super::page::names::BARE,
            name: "bench-bare",
            dependencies: r#"reqwest = { version = "0.13", default-features = false, features = ["rustls", "http2", "gzip"] }
serde = { version = "1", features = ["derive"] }
serde_json = { version = "1", features = ["raw_value"] }
uuid = { version = "1", features = ["serde"] }
chrono = { version = "0.4", default-features = false, features = ["std", "serde", "clock"] }
{tokio}
"#,
            main: r#"//! Lists org connections by hand with the SDK's dependencies.

#[derive(serde::Deserialize)]
struct List {
    data: Vec<Connection>,
}

#[derive(serde::Deserialize)]
struct Connection {
    #[allow(dead_code)]
    id: uuid::Uuid,
    #[allow(dead_code)]
    attributes: Attributes,
}

#[derive(serde::Deserialize)]
struct Attributes {
    #[allow(dead_code)]
    created_at: chrono::DateTime<chrono::Utc>,
}

#[tokio::main]
async fn main() {
    let key = |name: &str| std::env::var(name).unwrap_or_default();
    let response = reqwest::Client::new()
        .get("https://api.datadoghq.com/api/v2/org_connections")
        .header("DD-API-KEY", key("DD_API_KEY"))
        .header("DD-APPLICATION-KEY", key("DD_APP_KEY"))
        .send()
        .await;
    let body = match response {
        Ok(response) => response.bytes().await,
        Err(e) => return eprintln!("{e}"),
    };
    match body.map(|b| serde_json::from_slice::<List>(&b)) {
        Ok(Ok(list)) => println!("{} org connections", list.data.len()),
        Ok(Err(e)) => eprintln!("{e}"),
        Err(e) => eprintln!("{e}"),
    }
}
"#,
        },
        BuildCrate {
            subject: super::page::names::DDAC,
            name: "bench-ddac-user",
            dependencies: "datadog-api-client = { version = \"=0.38.0\", default-features = false, features = [\"rustls-tls\", \"retry\"] }\n{tokio}\n",
            main: r#"//! Lists org connections with datadog-api-client.

use datadog_api_client::datadog;
use datadog_api_client::datadogV2::api_org_connections::{
    ListOrgConnectionsOptionalParams, OrgConnectionsAPI,
};

#[tokio::main]
async fn main() {
    let api = OrgConnectionsAPI::with_config(datadog::Configuration::new());
    match api
        .list_org_connections(ListOrgConnectionsOptionalParams::default())
        .await
    {
        Ok(list) => println!("{} org connections", list.data.len()),
        Err(e) => eprintln!("{e}"),
    }
}
"#,
        },
    ]
}

impl BuildCrate {
    /// Its `Cargo.toml`: a workspace of its own, so the folder above does not claim it.
    pub fn manifest(&self, sdk: &Path) -> String {
        let dependencies = self
            .dependencies
            .replace("{sdk}", &sdk.display().to_string())
            .replace("{tokio}", TOKIO);
        format!(
            "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [workspace]\n\n[dependencies]\n{dependencies}",
            self.name
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crates_are_standalone_and_name_their_dependencies() {
        let crates = crates();
        for c in &crates {
            let manifest = c.manifest(Path::new("/repo/sdk"));
            assert!(manifest.contains("\n[workspace]\n"), "{manifest}");
            assert!(manifest.contains(&format!("name = \"{}\"", c.name)));
            assert!(manifest.contains("tokio = { version = \"1\""), "{manifest}");
            assert!(!manifest.contains("{sdk}") && !manifest.contains("{tokio}"));
            assert!(c.main.contains("async fn main()"));
        }
        assert!(crates[0]
            .manifest(Path::new("/repo/sdk"))
            .contains("datadog-connections = { path = \"/repo/sdk\" }"));
        assert!(crates[2]
            .manifest(Path::new("/repo/sdk"))
            .contains("datadog-api-client = { version = \"=0.38.0\""));
    }

    #[test]
    fn measures_a_command_and_a_folder() {
        let dir = std::env::temp_dir().join(format!("xtask-bench-cost-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("a")).unwrap();
        std::fs::write(dir.join("a/one"), [0u8; 1000]).unwrap();
        std::fs::write(dir.join("two"), [0u8; 24]).unwrap();
        // A hard link is counted once.
        std::fs::hard_link(dir.join("two"), dir.join("a/two-again")).unwrap();
        assert_eq!(dir_size(&dir), 1024);

        let mut sleep = Command::new("sleep");
        sleep.arg("0.3");
        let cost = measure(&sleep).unwrap();
        assert!(cost.wall >= Duration::from_millis(300));
        if cfg!(target_os = "linux") {
            assert!(cost.peak_kb.is_some_and(|kb| kb > 0), "{cost:?}");
            assert!(cost.tree_peak_kb.is_some_and(|kb| kb > 0), "{cost:?}");
        }
        assert!(measure(&Command::new("false")).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
