//! Measurements as `cargo xtask bench` keeps them: one record per (section, case, subject) with its
//! figures, the date and the commit it was measured at. The comparison binary prints them as JSON
//! lines; the last run's are kept in `target/bench-compare/results.json` so a later run can reuse
//! what it does not measure again (the page marks those).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One measured subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    /// The page section (`codec`, `request`, `pagination`, `build`, `full-v2`, `generation`).
    pub section: String,
    /// What was measured (`decode org list (1,000 items)`).
    pub case: String,
    /// Whose figure it is (`ours`, `serde-derive`, `datadog-api-client`).
    pub subject: String,
    /// The figures, by name (`median_ms`, `wall_s`, `peak_mb`).
    pub values: BTreeMap<String, f64>,
    /// The UTC date it was measured (filled in by `cargo xtask bench`).
    #[serde(default)]
    pub date: String,
    /// The commit it was measured at.
    #[serde(default)]
    pub commit: String,
    /// The run that measured it (its start, in Unix seconds): a figure from another run than the
    /// page's is marked as reused.
    #[serde(default)]
    pub run: u64,
}

impl Measurement {
    /// A measurement with figures, not yet dated.
    pub fn new(section: &str, case: &str, subject: &str, values: &[(&str, f64)]) -> Measurement {
        Measurement {
            section: section.to_owned(),
            case: case.to_owned(),
            subject: subject.to_owned(),
            values: values.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect(),
            date: String::new(),
            commit: String::new(),
            run: 0,
        }
    }

    /// A figure, if it was measured.
    pub fn get(&self, name: &str) -> Option<f64> {
        self.values.get(name).copied()
    }

    /// Whether `self` and `other` measure the same thing.
    pub fn same_key(&self, other: &Measurement) -> bool {
        self.section == other.section && self.case == other.case && self.subject == other.subject
    }
}

/// The measurements in the comparison binary's output: one JSON object per line; other lines (a
/// blank one, a progress message) are skipped, a malformed object is an error naming its line.
pub fn parse_lines(output: &str) -> Result<Vec<Measurement>, String> {
    output
        .lines()
        .enumerate()
        .filter(|(_, line)| line.trim_start().starts_with('{'))
        .map(|(i, line)| {
            serde_json::from_str(line)
                .map_err(|e| format!("line {} of the benchmark output: {e}: {line}", i + 1))
        })
        .collect()
}

/// The kept results: `measured` replaces, section by section, what `kept` had for the sections
/// that were run; the other sections' records stay as they were. Order: sections as `order` lists
/// them, records in the order they were measured.
pub fn merge(
    kept: Vec<Measurement>,
    measured: Vec<Measurement>,
    sections_run: &[&str],
    order: &[&str],
) -> Vec<Measurement> {
    let mut all: Vec<Measurement> = kept
        .into_iter()
        .filter(|m| !sections_run.contains(&m.section.as_str()))
        .chain(measured)
        .collect();
    let rank = |m: &Measurement| {
        order
            .iter()
            .position(|s| *s == m.section)
            .unwrap_or(order.len())
    };
    all.sort_by_key(rank);
    all
}

/// What `cargo xtask bench` keeps between runs: the figures, and the machine's facts as each run
/// that measured some of them saw them (so the page can be written again without measuring).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    /// Per run id, the machine and the run.
    #[serde(default)]
    pub runs: BTreeMap<u64, super::machine::Machine>,
    /// The figures.
    pub measurements: Vec<Measurement>,
}

impl Kept {
    /// The figures with the facts of the runs they come from (and no others).
    pub fn new(
        measurements: Vec<Measurement>,
        runs: &BTreeMap<u64, super::machine::Machine>,
    ) -> Kept {
        let runs = runs
            .iter()
            .filter(|(run, _)| measurements.iter().any(|m| m.run == **run))
            .map(|(run, machine)| (*run, machine.clone()))
            .collect();
        Kept { runs, measurements }
    }

    /// The latest run that measured something, and its facts if they were kept.
    pub fn latest(&self) -> (u64, Option<&super::machine::Machine>) {
        let run = self.measurements.iter().map(|m| m.run).max().unwrap_or(0);
        (run, self.runs.get(&run))
    }
}

/// Reads the kept results (none when the file is missing or unreadable; a bare list of figures,
/// as earlier versions wrote, is read without the runs' facts).
pub fn load(path: &std::path::Path) -> Kept {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Kept::default();
    };
    serde_json::from_str::<Kept>(&text)
        .or_else(|_| {
            serde_json::from_str::<Vec<Measurement>>(&text).map(|measurements| Kept {
                runs: BTreeMap::new(),
                measurements,
            })
        })
        .unwrap_or_default()
}

/// Writes the kept results.
pub fn save(path: &std::path::Path, kept: &Kept) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    let text = serde_json::to_string_pretty(kept).map_err(|e| e.to_string())?;
    std::fs::write(path, text + "\n").map_err(|e| format!("{}: {e}", path.display()))
}

/// Figures by (case, subject) within one section, for the page's tables.
pub fn by_key<'a>(
    all: &'a [Measurement],
    section: &str,
) -> BTreeMap<(&'a str, &'a str), &'a Measurement> {
    all.iter()
        .filter(|m| m.section == section)
        .map(|m| ((m.case.as_str(), m.subject.as_str()), m))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_harness_output() {
        let output = "\
{\"section\":\"codec\",\"case\":\"decode org list (1,000 items)\",\"subject\":\"ours\",\"values\":{\"median_ms\":1.73,\"min_ms\":1.7,\"rounds\":300.0}}

warming up
{\"section\":\"codec\",\"case\":\"decode org list (1,000 items)\",\"subject\":\"serde-derive\",\"values\":{\"median_ms\":1.6}}
";
        let ms = parse_lines(output).unwrap();
        assert_eq!(ms.len(), 2);
        assert_eq!(ms[0].section, "codec");
        assert_eq!(ms[0].case, "decode org list (1,000 items)");
        assert_eq!(ms[0].subject, "ours");
        assert_eq!(ms[0].get("median_ms"), Some(1.73));
        assert_eq!(ms[0].get("rounds"), Some(300.0));
        assert_eq!(ms[0].get("wall_s"), None);
        assert_eq!(ms[0].date, "", "dated by the caller");
        assert_eq!(ms[1].subject, "serde-derive");

        let err = parse_lines("{\"section\":\"codec\"}\n").unwrap_err();
        assert!(err.starts_with("line 1 of the benchmark output"), "{err}");
        assert!(parse_lines("{not json\n").is_err());
    }

    #[test]
    fn merging_replaces_only_the_sections_run() {
        let at = |section: &str, subject: &str, v: f64, date: &str| {
            let mut m = Measurement::new(section, "case", subject, &[("wall_s", v)]);
            m.date = date.to_owned();
            m
        };
        let kept = vec![
            at("build", "ours", 1.0, "old"),
            at("build", "gone", 1.0, "old"),
            at("codec", "ours", 2.0, "old"),
            at("generation", "ours", 3.0, "old"),
        ];
        let measured = vec![at("build", "ours", 5.0, "new")];
        let order = ["codec", "build", "generation"];
        let all = merge(kept, measured, &["build"], &order);
        let summary: Vec<(String, String, f64, String)> = all
            .iter()
            .map(|m| {
                (
                    m.section.clone(),
                    m.subject.clone(),
                    m.get("wall_s").unwrap(),
                    m.date.clone(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("codec".into(), "ours".into(), 2.0, "old".into()),
                ("build".into(), "ours".into(), 5.0, "new".into()),
                ("generation".into(), "ours".into(), 3.0, "old".into()),
            ]
        );
    }

    #[test]
    fn results_survive_a_save_and_load() {
        let dir = std::env::temp_dir().join(format!("xtask-bench-record-{}", std::process::id()));
        let path = dir.join("results.json");
        let mut m = Measurement::new("build", "clean debug build", "ours", &[("wall_s", 60.1)]);
        m.date = "2026-01-02".into();
        m.commit = "abc".into();
        m.run = 7;
        let machine = super::super::machine::Machine {
            cpu: "cpu".into(),
            cores: 2,
            memory_kb: None,
            os: "linux".into(),
            rustc: "rustc".into(),
            date: "2026-01-02".into(),
            commit: "abc".into(),
            load: "1, 2, 3".into(),
        };
        let runs = BTreeMap::from([(7, machine.clone()), (3, machine.clone())]);
        let kept = Kept::new(vec![m.clone()], &runs);
        assert_eq!(
            kept.runs.keys().collect::<Vec<_>>(),
            [&7],
            "unreferenced runs dropped"
        );
        assert_eq!(kept.latest(), (7, Some(&machine)));
        save(&path, &kept).unwrap();
        assert_eq!(load(&path), kept);
        // The bare list earlier versions wrote.
        std::fs::write(&path, serde_json::to_string(&vec![m.clone()]).unwrap()).unwrap();
        assert_eq!(load(&path).measurements, vec![m]);
        assert_eq!(load(&path).latest(), (7, None));
        std::fs::write(&path, "[{\"unexpected\": true}]").unwrap();
        assert_eq!(
            load(&path),
            Kept::default(),
            "an unreadable file is no results"
        );
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(load(&path), Kept::default());
    }
}
