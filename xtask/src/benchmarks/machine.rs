//! What the benchmark page says about the machine and the run (CPU, cores, memory, OS, toolchain,
//! date, commit), and the readers of Linux's `/proc` files the measurements use. The parsers take
//! the files' text, so tests can feed them any.

use std::path::Path;
use std::process::Command;

/// The machine and the run, as the page's first table shows them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Machine {
    /// The CPU model (`/proc/cpuinfo`'s `model name`).
    pub cpu: String,
    /// Cores available to this process.
    pub cores: usize,
    /// Total memory, in kB (`/proc/meminfo`'s `MemTotal`).
    pub memory_kb: Option<u64>,
    /// Kernel name and release.
    pub os: String,
    /// `rustc --version`.
    pub rustc: String,
    /// The UTC date of the run (`YYYY-MM-DD`).
    pub date: String,
    /// The commit the tree is at, short, with a note when the tree has uncommitted changes.
    pub commit: String,
    /// The load averages (1, 5 and 15 minutes) when the run started: other work on the machine.
    pub load: String,
}

impl Machine {
    /// Reads this machine's facts; what cannot be read is `unknown`.
    pub fn read(root: &Path) -> Machine {
        let text = |path: &str| std::fs::read_to_string(path).unwrap_or_default();
        let output = |program: &str, args: &[&str]| -> Option<String> {
            let out = Command::new(program)
                .args(args)
                .current_dir(root)
                .output()
                .ok()?;
            out.status
                .success()
                .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        };
        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
        let commit = match output("git", &["rev-parse", "--short=12", "HEAD"]) {
            Some(hash) => {
                let dirty = output("git", &["status", "--porcelain", "--untracked-files=no"])
                    .is_some_and(|s| !s.is_empty());
                if dirty {
                    format!("{hash} (with uncommitted changes)")
                } else {
                    hash
                }
            }
            None => "unknown".to_owned(),
        };
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Machine {
            cpu: cpu_model(&text("/proc/cpuinfo")).unwrap_or_else(|| "unknown".to_owned()),
            cores: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1),
            memory_kb: field_kb(&text("/proc/meminfo"), "MemTotal"),
            os: format!(
                "{} {}",
                std::env::consts::OS,
                text("/proc/sys/kernel/osrelease").trim()
            )
            .trim()
            .to_owned(),
            rustc: output(&rustc, &["--version"]).unwrap_or_else(|| "unknown".to_owned()),
            date: utc_date(seconds),
            commit,
            load: load_average(&text("/proc/loadavg")).unwrap_or_else(|| "unknown".to_owned()),
        }
    }
}

/// The first `model name` of `/proc/cpuinfo` text.
pub fn cpu_model(cpuinfo: &str) -> Option<String> {
    cpuinfo.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        (key.trim() == "model name").then(|| value.trim().to_owned())
    })
}

/// The 1, 5 and 15 minute load averages of `/proc/loadavg` text, comma-separated.
pub fn load_average(loadavg: &str) -> Option<String> {
    let fields: Vec<&str> = loadavg.split_whitespace().take(3).collect();
    (fields.len() == 3 && fields.iter().all(|f| f.parse::<f64>().is_ok()))
        .then(|| fields.join(", "))
}

/// A `Name:   1234 kB` field of `/proc/<pid>/status` or `/proc/meminfo` text, in kB.
pub fn field_kb(text: &str, name: &str) -> Option<u64> {
    text.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        if key != name {
            return None;
        }
        value.trim().trim_end_matches("kB").trim().parse().ok()
    })
}

/// The parent pid in `/proc/<pid>/stat` text. The command name (in parentheses) may hold spaces
/// and parentheses itself, so the fields are counted after its last `)`.
pub fn parent_pid(stat: &str) -> Option<u32> {
    let (_, rest) = stat.rsplit_once(')')?;
    // After the name: state, then the parent pid.
    rest.split_whitespace().nth(1)?.parse().ok()
}

/// The resident memory of a process now (`VmRSS`), in kB.
pub fn rss_kb(pid: u32) -> Option<u64> {
    field_kb(
        &std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?,
        "VmRSS",
    )
}

/// Every process's parent, from `/proc` (empty where there is none).
pub fn process_parents() -> Vec<(u32, u32)> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(|entry| {
        let pid: u32 = entry.ok()?.file_name().to_str()?.parse().ok()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        Some((pid, parent_pid(&stat)?))
    })
    .collect()
}

/// `root` and every process below it, given `(pid, parent)` pairs.
pub fn descendants(root: u32, parents: &[(u32, u32)]) -> Vec<u32> {
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(
            parents
                .iter()
                .filter(|(pid, ppid)| *ppid == parent && *pid != root)
                .map(|(pid, _)| *pid),
        );
        i += 1;
    }
    found
}

/// `YYYY-MM-DD` of a Unix time, in UTC (Howard Hinnant's days-to-civil algorithm).
pub fn utc_date(unix_seconds: u64) -> String {
    let days = (unix_seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_cpu_model_and_memory() {
        let cpuinfo = "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Processor @ 2.10GHz\n\nprocessor\t: 1\nmodel name\t: other\n";
        assert_eq!(
            cpu_model(cpuinfo).as_deref(),
            Some("Intel(R) Xeon(R) Processor @ 2.10GHz")
        );
        assert_eq!(cpu_model("processor: 0\n"), None);
        let meminfo = "MemTotal:       24567890 kB\nMemFree:         1234 kB\n";
        assert_eq!(field_kb(meminfo, "MemTotal"), Some(24_567_890));
        assert_eq!(field_kb(meminfo, "MemFree"), Some(1_234));
        assert_eq!(field_kb(meminfo, "Mem"), None);
    }

    #[test]
    fn reads_the_load_average() {
        assert_eq!(
            load_average("8.27 6.56 4.58 3/512 12345\n").as_deref(),
            Some("8.27, 6.56, 4.58")
        );
        assert_eq!(load_average("8.27 6.56\n"), None);
        assert_eq!(load_average(""), None);
    }

    #[test]
    fn reads_resident_memory_from_status() {
        let status = "Name:\tcargo\nVmPeak:\t  900000 kB\nVmHWM:\t  412345 kB\nVmRSS:\t  398765 kB\nThreads:\t4\n";
        assert_eq!(field_kb(status, "VmRSS"), Some(398_765));
        assert_eq!(field_kb(status, "VmHWM"), Some(412_345));
        assert_eq!(field_kb(status, "Threads"), Some(4));
        assert_eq!(field_kb(status, "VmSwap"), None);
        assert_eq!(field_kb("VmRSS:\tlots kB\n", "VmRSS"), None);
        // This process has a resident size on Linux.
        if cfg!(target_os = "linux") {
            assert!(rss_kb(std::process::id()).is_some_and(|kb| kb > 0));
        }
    }

    #[test]
    fn reads_the_parent_past_awkward_names() {
        assert_eq!(parent_pid("1234 (cargo) S 1200 1234 1200 0"), Some(1200));
        assert_eq!(
            parent_pid("77 (rustc (x) y) R 76 77 76 0 -1"),
            Some(76),
            "a name with spaces and parentheses"
        );
        assert_eq!(parent_pid("77 rustc R 76"), None);
    }

    #[test]
    fn finds_a_process_tree() {
        let parents = [(2, 1), (3, 2), (4, 2), (5, 3), (6, 1), (7, 6)];
        let mut tree = descendants(2, &parents);
        tree.sort();
        assert_eq!(tree, [2, 3, 4, 5]);
        assert_eq!(descendants(9, &parents), [9]);
    }

    #[test]
    fn formats_utc_dates() {
        assert_eq!(utc_date(0), "1970-01-01");
        assert_eq!(utc_date(951_782_400), "2000-02-29");
        assert_eq!(utc_date(1_709_251_199), "2024-02-29");
        assert_eq!(utc_date(1_735_689_600), "2025-01-01");
        assert_eq!(utc_date(4_102_444_799), "2099-12-31");
    }
}
