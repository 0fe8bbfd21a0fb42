//! docs/BENCHMARKS.md from the measurements: the machine, the targets with their measured ratios,
//! the chart, one table per section with absolute figures and ratios, and for each missed target
//! what profiling showed. A pure function of its inputs; sections without figures say so.

use super::machine::Machine;
use super::record::{by_key, Measurement};
use super::svg::{ratio_text, Bar};
use std::collections::BTreeSet;
use std::fmt::Write;

/// Section names, in page order.
pub const SECTIONS: [&str; 7] = [
    "codec",
    "request",
    "pagination",
    "build",
    "full-v2",
    "generation",
    "streaming",
];

/// Subjects and cases the sections record and the page reads.
pub mod names {
    /// This project.
    pub const OURS: &str = "ours";
    /// Plain serde-derive structs with the same fields.
    pub const PLAIN: &str = "serde-derive";
    /// datadog-api-client 0.38.
    pub const DDAC: &str = "datadog-api-client";
    /// The hand-written reqwest call.
    pub const HAND: &str = "reqwest by hand";
    /// The bare crate with the SDK's dependencies.
    pub const BARE: &str = "bare";
    /// The build section's clean build.
    pub const CLEAN: &str = "clean debug build";
    /// datadog-api-client's own compile, its dependencies prebuilt.
    pub const PREBUILT: &str = "debug build, dependencies prebuilt";
    /// Generation of the full v2 spec.
    pub const V2: &str = "full v2 spec";
    /// Generation of the connections spec.
    pub const CONNECTIONS: &str = "connections spec";
    /// The generator's whole run.
    pub const GENERATE: &str = "generate";
    /// Reading the YAML text into `openapiv3::OpenAPI`: the floor.
    pub const FLOOR: &str = "parse floor";
    /// The generator's first stage (parse, normalise, openapiv3).
    pub const LOAD: &str = "load";
}
use names::*;

/// The codec cases, in table order.
pub const CODEC_CASES: [&str; 4] = [
    "decode org list (1,000 items)",
    "decode team page (100 items)",
    "encode org list (1,000 items)",
    "encode team page (100 items)",
];
/// The request cases, in table order.
pub const REQUEST_CASES: [&str; 2] = ["sequential", "64 concurrent"];
/// The full-v2 builds, in table order: the feature.
pub const FULL_V2_FEATURES: [&str; 2] = ["teams", "full"];

/// A figure as the tables print it: three significant digits and the unit.
pub fn sig3(value: f64, unit: &str) -> String {
    let text = ratio_text(value);
    let number = text.trim_end_matches('×');
    if unit.is_empty() {
        number.to_owned()
    } else {
        format!("{number} {unit}")
    }
}

/// A size in MB (MiB, as /proc counts): MB below 1,000, GB above.
pub fn size_text(mb: f64) -> String {
    if mb >= 1000.0 {
        format!("{:.2} GB", mb / 1024.0)
    } else {
        format!("{mb:.0} MB")
    }
}

/// One target of issue 12.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// A short key (`decode-plain-org`) that finds its profile note.
    pub id: &'static str,
    /// What it asks.
    pub what: &'static str,
    /// The measured value, if measured.
    pub value: Option<f64>,
    /// The limit.
    pub limit: f64,
    /// Whether the value must be at least the limit (else at most).
    pub at_least: bool,
    /// How values print (`×`, ` s`, ` MB`).
    pub unit: &'static str,
}

impl Target {
    /// Whether it was met (`None`: not measured).
    pub fn met(&self) -> Option<bool> {
        let v = self.value?;
        Some(match (self.at_least, self.unit) {
            (true, _) => v >= self.limit,
            // A ratio may equal its limit; an absolute limit is "under".
            (false, "×") => v <= self.limit,
            (false, _) => v < self.limit,
        })
    }

    fn show(&self, v: f64) -> String {
        match self.unit {
            "×" => ratio_text(v),
            // One decimal below 1,000 MB, so 99.96 MB does not print as the 100 MB limit.
            " MB" if v < 1000.0 => format!("{v:.1} MB"),
            " MB" => size_text(v),
            unit => format!("{}{unit}", sig3(v, "")),
        }
    }

    /// `≤ 1.05×`, `≥ 5.00×`, `< 50.0 s`.
    pub fn limit_text(&self) -> String {
        let sign = match (self.at_least, self.unit) {
            (true, _) => "≥",
            (false, "×") => "≤",
            (false, _) => "<",
        };
        format!("{sign} {}", self.show(self.limit))
    }

    /// The measured value, or `not measured`.
    pub fn value_text(&self) -> String {
        self.value
            .map(|v| self.show(v))
            .unwrap_or_else(|| "not measured".to_owned())
    }

    /// `met`, `missed by 2.9%`, or `not measured`.
    pub fn status_text(&self) -> String {
        match (self.met(), self.value) {
            (Some(true), _) => "met".to_owned(),
            (Some(false), Some(v)) => {
                let off = if self.at_least {
                    (self.limit - v) / self.limit
                } else {
                    (v - self.limit) / self.limit
                };
                format!("**missed** by {:.1}%", off * 100.0)
            }
            _ => "not measured".to_owned(),
        }
    }
}

fn value(all: &[Measurement], section: &str, case: &str, subject: &str, name: &str) -> Option<f64> {
    all.iter()
        .find(|m| m.section == section && m.case == case && m.subject == subject)
        .and_then(|m| m.get(name))
}

fn ratio(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b),
        _ => None,
    }
}

fn pagination(all: &[Measurement]) -> Option<&Measurement> {
    all.iter().find(|m| m.section == "pagination")
}

/// The pagination ratio: resident memory at the end ÷ after 1,000 items.
fn pagination_ratio(all: &[Measurement]) -> Option<f64> {
    let m = pagination(all)?;
    ratio(m.get("rss_end_mb"), m.get("rss_1k_mb"))
}

/// Issue 12's targets with their measured values.
pub fn targets(all: &[Measurement]) -> Vec<Target> {
    let codec = |case: &str, subject: &str| value(all, "codec", case, subject, "median_ms");
    let request = |case: &str, subject: &str| value(all, "request", case, subject, "median_ms");
    let full = |name: &str| value(all, "full-v2", "full", OURS, name);
    let generation = |subject: &str, name: &str| value(all, "generation", V2, subject, name);
    vec![
        Target {
            id: "decode-org",
            what: "decode, org list (1,000 items): ours ÷ serde-derive",
            value: ratio(codec(CODEC_CASES[0], OURS), codec(CODEC_CASES[0], PLAIN)),
            limit: 1.05,
            at_least: false,
            unit: "×",
        },
        Target {
            id: "decode-team",
            what: "decode, team page (100 items): ours ÷ serde-derive",
            value: ratio(codec(CODEC_CASES[1], OURS), codec(CODEC_CASES[1], PLAIN)),
            limit: 1.05,
            at_least: false,
            unit: "×",
        },
        Target {
            id: "decode-ddac",
            what: "decode, org list: datadog-api-client ÷ ours",
            value: ratio(codec(CODEC_CASES[0], DDAC), codec(CODEC_CASES[0], OURS)),
            limit: 5.0,
            at_least: true,
            unit: "×",
        },
        Target {
            id: "request-sequential",
            what: "request overhead, sequential: ours ÷ reqwest by hand",
            value: ratio(
                request(REQUEST_CASES[0], OURS),
                request(REQUEST_CASES[0], HAND),
            ),
            limit: 1.05,
            at_least: false,
            unit: "×",
        },
        Target {
            id: "request-concurrent",
            what: "request overhead, 64 concurrent: ours ÷ reqwest by hand",
            value: ratio(
                request(REQUEST_CASES[1], OURS),
                request(REQUEST_CASES[1], HAND),
            ),
            limit: 1.05,
            at_least: false,
            unit: "×",
        },
        Target {
            id: "build",
            what: "clean debug build, wall: SDK user ÷ bare crate",
            value: ratio(
                value(all, "build", CLEAN, OURS, "wall_s"),
                value(all, "build", CLEAN, BARE, "wall_s"),
            ),
            limit: 1.1,
            at_least: false,
            unit: "×",
        },
        Target {
            id: "full-v2-wall",
            what: "full-v2 crate with `full`, dependencies prebuilt: wall",
            value: full("wall_s"),
            limit: 50.0,
            at_least: false,
            unit: " s",
        },
        Target {
            id: "full-v2-memory",
            what: "full-v2 crate with `full`, dependencies prebuilt: peak memory",
            value: full("peak_mb"),
            limit: 2048.0,
            at_least: false,
            unit: " MB",
        },
        Target {
            id: "generation-time",
            what: "generation of the full v2 spec ÷ parse floor",
            value: ratio(
                generation(GENERATE, "median_s"),
                generation(FLOOR, "median_s"),
            ),
            limit: 4.0,
            at_least: false,
            unit: "×",
        },
        Target {
            id: "generation-memory",
            what: "generation of the full v2 spec: peak memory",
            value: generation(GENERATE, "peak_mb"),
            limit: 100.0,
            at_least: false,
            unit: " MB",
        },
        Target {
            id: "pagination",
            what: "pagination: memory at 100,000 items ÷ at 1,000",
            value: pagination_ratio(all),
            limit: 1.1,
            at_least: false,
            unit: "×",
        },
    ]
}

/// The chart's bars: every ratio of ours to a baseline that was measured, with its target.
pub fn bars(all: &[Measurement]) -> Vec<Bar> {
    let mut bars = Vec::new();
    let mut push = |label: String, r: Option<f64>, target: Option<f64>| {
        if let Some(ratio) = r {
            bars.push(Bar {
                label,
                ratio,
                target,
            });
        }
    };
    for (i, case) in CODEC_CASES.iter().enumerate() {
        let ms = |s: &str| value(all, "codec", case, s, "median_ms");
        let decode = i < 2;
        push(
            format!("{case}: ÷ serde-derive"),
            ratio(ms(OURS), ms(PLAIN)),
            decode.then_some(1.05),
        );
        push(
            format!("{case}: ÷ datadog-api-client"),
            ratio(ms(OURS), ms(DDAC)),
            (i == 0).then_some(0.2),
        );
    }
    for case in REQUEST_CASES {
        push(
            format!("request, {case}: ÷ reqwest by hand"),
            ratio(
                value(all, "request", case, OURS, "median_ms"),
                value(all, "request", case, HAND, "median_ms"),
            ),
            Some(1.05),
        );
    }
    push(
        "pagination memory: 100,000 items ÷ 1,000".to_owned(),
        pagination_ratio(all),
        Some(1.1),
    );
    let build = |s: &str, name: &str| value(all, "build", CLEAN, s, name);
    push(
        "clean build wall: SDK user ÷ bare".to_owned(),
        ratio(build(OURS, "wall_s"), build(BARE, "wall_s")),
        Some(1.1),
    );
    push(
        "clean build wall: SDK user ÷ datadog-api-client user".to_owned(),
        ratio(build(OURS, "wall_s"), build(DDAC, "wall_s")),
        None,
    );
    push(
        "clean build peak memory: SDK user ÷ bare".to_owned(),
        ratio(build(OURS, "peak_mb"), build(BARE, "peak_mb")),
        None,
    );
    push(
        "clean build peak memory: SDK user ÷ datadog-api-client user".to_owned(),
        ratio(build(OURS, "peak_mb"), build(DDAC, "peak_mb")),
        None,
    );
    let theirs = value(all, "build", PREBUILT, DDAC, "wall_s");
    for feature in FULL_V2_FEATURES {
        push(
            format!("full-v2 {feature} build wall ÷ datadog-api-client's"),
            ratio(value(all, "full-v2", feature, OURS, "wall_s"), theirs),
            None,
        );
    }
    push(
        "generation, full v2 spec ÷ parse floor".to_owned(),
        ratio(
            value(all, "generation", V2, GENERATE, "median_s"),
            value(all, "generation", V2, FLOOR, "median_s"),
        ),
        Some(4.0),
    );
    push(
        "generation, connections spec ÷ parse floor".to_owned(),
        ratio(
            value(all, "generation", CONNECTIONS, GENERATE, "median_s"),
            value(all, "generation", CONNECTIONS, FLOOR, "median_s"),
        ),
        None,
    );
    bars
}

/// What the page needs besides the measurements.
#[derive(Debug, Clone)]
pub struct PageInput<'a> {
    /// The machine and this run.
    pub machine: &'a Machine,
    /// This run's id (`Measurement::run`): figures from other runs are marked reused.
    pub run: u64,
    /// The chart's file name, relative to the page.
    pub chart: &'a str,
    /// Per target id, what profiling showed, printed when the target is missed.
    pub notes: &'a [(&'a str, &'a str)],
}

/// Marks figures from earlier runs in one table and lists where they came from.
struct Reuse {
    run: u64,
    earlier: BTreeSet<(String, String)>,
}

impl Reuse {
    fn new(run: u64) -> Self {
        Reuse {
            run,
            earlier: BTreeSet::new(),
        }
    }

    /// `text`, with `†` when `m` is from an earlier run.
    fn mark(&mut self, m: Option<&Measurement>, text: String) -> String {
        match m {
            Some(m) if m.run != self.run => {
                self.earlier.insert((m.date.clone(), m.commit.clone()));
                format!("{text} †")
            }
            _ => text,
        }
    }

    /// The footnote, when something was marked.
    fn footnote(&self, out: &mut String) {
        if self.earlier.is_empty() {
            return;
        }
        let runs: Vec<String> = self
            .earlier
            .iter()
            .map(|(date, commit)| format!("{date}, commit {commit}"))
            .collect();
        let _ = writeln!(
            out,
            "\n† Reused from an earlier run ({}): this run did not measure it again (`--skip-slow` or `--only`).",
            runs.join("; ")
        );
    }
}

fn find<'a>(
    all: &'a [Measurement],
    section: &str,
    case: &str,
    subject: &str,
) -> Option<&'a Measurement> {
    all.iter()
        .find(|m| m.section == section && m.case == case && m.subject == subject)
}

fn ms_text(m: Option<&Measurement>) -> String {
    match (
        m.and_then(|m| m.get("median_ms")),
        m.and_then(|m| m.get("min_ms")),
    ) {
        (Some(median), Some(min)) => format!("{} ({})", sig3(median, "ms"), sig3(min, "")),
        (Some(median), None) => sig3(median, "ms"),
        _ => "—".to_owned(),
    }
}

fn opt_ratio(r: Option<f64>) -> String {
    r.map(ratio_text).unwrap_or_else(|| "—".to_owned())
}

fn not_measured(out: &mut String, section: &str) {
    let _ = writeln!(
        out,
        "Not measured yet: `cargo xtask bench --only {section}` measures it.\n"
    );
}

/// The page's Markdown.
pub fn render(all: &[Measurement], input: &PageInput<'_>) -> String {
    let machine = input.machine;
    let mut out = String::new();
    out.push_str("# Benchmarks\n\n");
    out.push_str(
        "<!-- @generated by `cargo xtask bench` from its measurements; the text is in xtask/src/benchmarks/page.rs -->\n\n",
    );
    out.push_str(
        "`cargo xtask bench` measures everything below and writes this page and its chart \
         (`docs/benchmarks.svg`). The comparison crates live in `bench/compare/`, a workspace of \
         its own that `cargo test --workspace` and `.ci/run` never build (datadog-api-client takes \
         minutes and about 10 GB to compile); `sdk/tests/bench_harness.rs` runs its harness core \
         once in `cargo test`. `--only SECTION` measures one section (repeatable; sections: \
         `codec`, `request`, `pagination`, `build`, `full-v2`, `generation`, `streaming`) and \
         reuses the others' last figures; `--skip-slow` reuses the last datadog-api-client build figures; \
         reused figures are marked †; `--render-only` writes the page again from the last \
         figures. Ratios are ours ÷ the baseline: below 1 is better.\n\n",
    );

    out.push_str("## Machine\n\n| | |\n|---|---|\n");
    let memory = machine
        .memory_kb
        .map(|kb| format!("{:.1} GiB", kb as f64 / 1024.0 / 1024.0))
        .unwrap_or_else(|| "unknown".to_owned());
    for (k, v) in [
        ("CPU", machine.cpu.clone()),
        ("cores", machine.cores.to_string()),
        ("memory", memory),
        ("OS", machine.os.clone()),
        ("rustc", machine.rustc.clone()),
        ("date (UTC)", machine.date.clone()),
        ("commit", machine.commit.clone()),
        ("load average at the start", machine.load.clone()),
    ] {
        let _ = writeln!(out, "| {k} | {v} |");
    }
    out.push_str(
        "\nThe machine is shared with other builds, so the micro-benchmarks interleave the \
         implementations round by round in one process and report medians (minimum in \
         parentheses); ratios come from the same run.\n\n",
    );

    // Targets.
    let targets = targets(all);
    out.push_str("## Targets\n\n| target | limit | measured | status |\n|---|---|---|---|\n");
    for t in &targets {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            t.what,
            t.limit_text(),
            t.value_text(),
            t.status_text()
        );
    }
    let met = targets.iter().filter(|t| t.met() == Some(true)).count();
    let measured = targets.iter().filter(|t| t.met().is_some()).count();
    let _ = writeln!(
        out,
        "\n{met} of {} targets met ({measured} measured). Where one is missed, \
         [what the profile showed](#missed-targets-what-the-profile-showed) follows the tables.\n",
        targets.len()
    );
    let _ = writeln!(
        out,
        "![Ratios of ours to each baseline, log scale, with targets]({})\n",
        input.chart
    );

    codec_section(&mut out, all, input.run);
    request_section(&mut out, all, input.run);
    pagination_section(&mut out, all, input.run);
    build_section(&mut out, all, input.run);
    full_v2_section(&mut out, all, input.run);
    generation_section(&mut out, all, input.run);
    super::streaming::render(&mut out, all, input.run);

    // Missed targets.
    out.push_str("## Missed targets: what the profile showed\n\n");
    let missed: Vec<&Target> = targets.iter().filter(|t| t.met() == Some(false)).collect();
    if missed.is_empty() {
        out.push_str("None: every measured target is met.\n");
    }
    let mut shown: Vec<&str> = Vec::new();
    for t in missed {
        let note = match input.notes.iter().find(|(id, _)| *id == t.id) {
            // Targets that share a profile (two decode cases, time and memory) print it once.
            Some((_, note)) if shown.contains(note) => "the same profile as above.",
            Some((_, note)) => {
                shown.push(note);
                note
            }
            None => "not profiled yet.",
        };
        let _ = writeln!(
            out,
            "- **{}**: {} against {}, {}.\n  Profile: {note}",
            t.what,
            t.value_text(),
            t.limit_text(),
            t.status_text().replace("**", "")
        );
    }
    out
}

fn codec_section(out: &mut String, all: &[Measurement], run: u64) {
    out.push_str("## Decode and encode\n\n");
    out.push_str(
        "`serde_json::from_slice` into, and `serde_json::to_vec` from, three sets of types: the \
         SDK's models (unknown properties kept as raw JSON text), plain serde-derive structs with \
         the same fields (enums as derived enums, unknown properties dropped), and \
         datadog-api-client 0.38's models. The bodies are shaped like the recorded responses \
         (`tests/cassettes/list_org_connections`, `list_team_connections`), with every item \
         different. Release build; each round times each implementation once, the first one \
         rotating; median of the rounds (minimum in parentheses), in milliseconds.\n\n",
    );
    if by_key(all, "codec").is_empty() {
        return not_measured(out, "codec");
    }
    out.push_str(
        "| case | ours | serde-derive | datadog-api-client | ours ÷ serde-derive | ours ÷ datadog-api-client |\n|---|---|---|---|---|---|\n",
    );
    let mut reuse = Reuse::new(run);
    for case in CODEC_CASES {
        let m = |s: &str| find(all, "codec", case, s);
        let r = |s: &str| {
            ratio(
                m(OURS).and_then(|m| m.get("median_ms")),
                m(s).and_then(|m| m.get("median_ms")),
            )
        };
        let cells = [OURS, PLAIN, DDAC].map(|s| reuse.mark(m(s), ms_text(m(s))));
        let _ = writeln!(
            out,
            "| {case} | {} | {} | {} | {} | {} |",
            cells[0],
            cells[1],
            cells[2],
            opt_ratio(r(PLAIN)),
            opt_ratio(r(DDAC))
        );
    }
    reuse.footnote(out);
    out.push('\n');
}

fn request_section(out: &mut String, all: &[Measurement], run: u64) {
    out.push_str("## Request overhead\n\n");
    out.push_str(
        "One `list_team_connections().page_size(100).send()` through the SDK's client against a \
         loopback hyper server (its own thread and runtime) that answers with a 100-item page, \
         against the same call written by hand: reqwest with the same request line and headers, \
         `bytes()`, then `serde_json::from_slice` into the same model. Sequential: rounds of 20 \
         calls one after another; 64 concurrent: rounds of 64 tasks making 4 calls each. The \
         two alternate round by round; per-call time (the round's wall time ÷ its calls), \
         median (minimum) in milliseconds.\n\n",
    );
    if by_key(all, "request").is_empty() {
        return not_measured(out, "request");
    }
    out.push_str("| case | ours | reqwest by hand | ours ÷ by hand |\n|---|---|---|---|\n");
    let mut reuse = Reuse::new(run);
    for case in REQUEST_CASES {
        let m = |s: &str| find(all, "request", case, s);
        let r = ratio(
            m(OURS).and_then(|m| m.get("median_ms")),
            m(HAND).and_then(|m| m.get("median_ms")),
        );
        let ours = reuse.mark(m(OURS), ms_text(m(OURS)));
        let hand = reuse.mark(m(HAND), ms_text(m(HAND)));
        let _ = writeln!(out, "| {case} | {ours} | {hand} | {} |", opt_ratio(r));
    }
    reuse.footnote(out);
    out.push('\n');
}

fn pagination_section(out: &mut String, all: &[Measurement], run: u64) {
    out.push_str("## Pagination\n\n");
    out.push_str(
        "`list_team_connections().page_size(100).into_stream()` over 100,000 team connections \
         (1,000 pages) that a loopback server builds page by page, in a process of its own \
         (release build); resident memory (`VmRSS`) after the first 1,000 items and after the \
         last, and the process's peak (`VmHWM`). Memory must stay flat: only one page is held.\n\n",
    );
    let Some(m) = pagination(all) else {
        return not_measured(out, "pagination");
    };
    let mut reuse = Reuse::new(run);
    out.push_str(
        "| items | wall | items/s | RSS at 1,000 | RSS at the end | peak | end ÷ 1,000 |\n|---|---|---|---|---|---|---|\n",
    );
    let get = |k: &str| m.get(k).unwrap_or(0.0);
    let items = reuse.mark(Some(m), format!("{:.0}", get("items")));
    let row = format!(
        "| {items} | {} | {:.0} | {:.1} MB | {:.1} MB | {:.1} MB | {} |",
        sig3(get("wall_s"), "s"),
        get("items") / get("wall_s").max(1e-9),
        get("rss_1k_mb"),
        get("rss_end_mb"),
        get("peak_mb"),
        opt_ratio(pagination_ratio(all))
    );
    let _ = writeln!(out, "{row}");
    reuse.footnote(out);
    out.push('\n');
}

fn build_row(
    reuse: &mut Reuse,
    m: Option<&Measurement>,
    label: &str,
    bare: Option<&Measurement>,
) -> String {
    let Some(m) = m else {
        return format!("| {label} | — | — | — | — | — | — |");
    };
    let get = |k: &str| m.get(k);
    let label = reuse.mark(Some(m), label.to_owned());
    format!(
        "| {label} | {} | {} | {} | {} | {} | {} |",
        get("wall_s").map(|v| sig3(v, "s")).unwrap_or_default(),
        get("peak_mb")
            .map(size_text)
            .unwrap_or_else(|| "—".to_owned()),
        get("tree_peak_mb")
            .map(size_text)
            .unwrap_or_else(|| "—".to_owned()),
        get("target_mb")
            .map(size_text)
            .unwrap_or_else(|| "—".to_owned()),
        load_text(get("load")),
        opt_ratio(ratio(get("wall_s"), bare.and_then(|b| b.get("wall_s")))),
    )
}

fn build_section(out: &mut String, all: &[Measurement], run: u64) {
    out.push_str("## Build cost\n\n");
    out.push_str(
        "A clean `cargo build` (debug) of three one-file binaries, generated under \
         `target/bench-compare/build/`, each with its own empty target folder and the same \
         lockfile (downloads fetched first, not timed): one that lists org connections with the \
         SDK; a bare one with the SDK's dependencies (reqwest with the same features, tokio, \
         serde, serde_json, uuid, chrono) that does the same call by hand; and one that lists \
         org connections with datadog-api-client 0.38 (rustls and retries, the SDK's TLS stack \
         and behaviour; its other defaults, native TLS and zstd, left out). Peak memory is the \
         largest single process (`/usr/bin/time`'s maximum resident set, in practice the \
         biggest `rustc`); \"all processes\" is the largest sum over cargo's process tree, \
         sampled every 100 ms. Builds are non-incremental (`CARGO_INCREMENTAL=0`), as a \
         dependency from crates.io is built. Target size counts each file once. Load is the mean one-minute \
         load average during the build: a build alone on this machine shows about its core \
         count, more means other work shared the cores and the wall time is inflated.\n\n",
    );
    if by_key(all, "build").is_empty() {
        return not_measured(out, "build");
    }
    out.push_str(
        "| crate | wall | peak memory | all processes | target size | load | wall ÷ bare |\n|---|---|---|---|---|---|---|\n",
    );
    let mut reuse = Reuse::new(run);
    let bare = find(all, "build", CLEAN, BARE);
    for (subject, label) in [
        (OURS, "SDK user"),
        (BARE, "bare (same dependencies)"),
        (DDAC, "datadog-api-client user"),
    ] {
        let row = build_row(&mut reuse, find(all, "build", CLEAN, subject), label, bare);
        let _ = writeln!(out, "{row}");
    }
    let row = build_row(
        &mut reuse,
        find(all, "build", PREBUILT, DDAC),
        "datadog-api-client user, dependencies prebuilt",
        bare,
    );
    let _ = writeln!(out, "{row}");
    reuse.footnote(out);
    out.push('\n');
}

fn full_v2_section(out: &mut String, all: &[Measurement], run: u64) {
    out.push_str("## The full-v2 generated crate\n\n");
    out.push_str(
        "Datadog's whole v2 spec generated as a crate with a feature per tag \
         (`cargo xtask bench-build`): its dependencies are built once, then the crate alone is \
         built from clean (debug, non-incremental, as a dependency from crates.io is built) \
         with one tag's feature and with `full`. Its models are generated as crates of their \
         own (a shared crate, then parts holding whole tags; `model_crates` in the generator \
         configuration), which cargo builds side by side and each rustc holds alone, and the \
         crate re-exports them as `models`: the crate and all its model crates are rebuilt. \
         Peak memory is the largest single process; \"all processes\" is the largest sum over \
         cargo's process tree (the parts compile two at a time on two cores). The comparison is \
         datadog-api-client's own compile with its dependencies prebuilt (from the build \
         section: it has no features, so every build compiles all of it).\n\n",
    );
    if by_key(all, "full-v2").is_empty() {
        return not_measured(out, "full-v2");
    }
    out.push_str(
        "| build, dependencies prebuilt | wall | peak memory | all processes | load | ÷ datadog-api-client (wall) | ÷ datadog-api-client (memory) |\n|---|---|---|---|---|---|---|\n",
    );
    let mut reuse = Reuse::new(run);
    let theirs = find(all, "build", PREBUILT, DDAC);
    for feature in FULL_V2_FEATURES {
        let m = find(all, "full-v2", feature, OURS);
        let get = |k: &str| m.and_then(|m| m.get(k));
        let label = reuse.mark(m, format!("`--features {feature}`"));
        let row = format!(
            "| {label} | {} | {} | {} | {} | {} | {} |",
            get("wall_s")
                .map(|v| sig3(v, "s"))
                .unwrap_or_else(|| "—".to_owned()),
            get("peak_mb")
                .map(size_text)
                .unwrap_or_else(|| "—".to_owned()),
            get("tree_peak_mb")
                .map(size_text)
                .unwrap_or_else(|| "—".to_owned()),
            load_text(get("load")),
            opt_ratio(ratio(get("wall_s"), theirs.and_then(|t| t.get("wall_s")))),
            opt_ratio(ratio(get("peak_mb"), theirs.and_then(|t| t.get("peak_mb")))),
        );
        let _ = writeln!(out, "{row}");
    }
    if let Some(t) = theirs {
        let label = reuse.mark(Some(t), "datadog-api-client".to_owned());
        let row = format!(
            "| {label} | {} | {} | {} | {} | 1.00× | 1.00× |",
            t.get("wall_s").map(|v| sig3(v, "s")).unwrap_or_default(),
            t.get("peak_mb").map(size_text).unwrap_or_default(),
            t.get("tree_peak_mb").map(size_text).unwrap_or_default(),
            load_text(t.get("load")),
        );
        let _ = writeln!(out, "{row}");
    }
    reuse.footnote(out);
    out.push('\n');
}

fn generation_section(out: &mut String, all: &[Measurement], run: u64) {
    out.push_str("## Generation\n\n");
    out.push_str(
        "Each run is a fresh child process of a release build of the xtask (built into \
         `target/bench-compare/generator`, so the generator and the parsers are optimised alike; \
         `cargo xtask bench-generate` does the same; peak = its `VmHWM`): the generator's whole \
         run (connections spec → the SDK's modules; full v2 spec → a crate with a feature per \
         tag), its first stage alone (`load`: parse, normalise, openapiv3), and the parse floor: \
         the YAML text read straight into `openapiv3::OpenAPI` with the same YAML parser \
         (serde_yaml), which no openapiv3-based generator can skip. Generation spreads emitting \
         and formatting over the cores; the floor runs on one.\n\n",
    );
    if by_key(all, "generation").is_empty() {
        return not_measured(out, "generation");
    }
    out.push_str(
        "| spec | stage | runs | median wall | min wall | peak memory | ÷ parse floor |\n|---|---|---|---|---|---|---|\n",
    );
    let mut reuse = Reuse::new(run);
    for spec in [CONNECTIONS, V2] {
        let floor = value(all, "generation", spec, FLOOR, "median_s");
        for (subject, label) in [
            (GENERATE, "generation"),
            (LOAD, "load"),
            (FLOOR, "parse floor"),
        ] {
            let Some(m) = find(all, "generation", spec, subject) else {
                continue;
            };
            let get = |k: &str| m.get(k).unwrap_or(0.0);
            let spec_cell = reuse.mark(Some(m), spec.to_owned());
            let row = format!(
                "| {spec_cell} | {label} | {:.0} | {} | {} | {} | {} |",
                get("runs"),
                seconds_text(get("median_s")),
                seconds_text(get("min_s")),
                size_text(get("peak_mb")),
                opt_ratio(ratio(m.get("median_s"), floor)),
            );
            let _ = writeln!(out, "{row}");
        }
    }
    reuse.footnote(out);
    out.push('\n');
}

/// A load average, or a dash.
fn load_text(load: Option<f64>) -> String {
    load.map(|l| format!("{l:.1}"))
        .unwrap_or_else(|| "—".to_owned())
}

/// Seconds: milliseconds below one second.
fn seconds_text(s: f64) -> String {
    if s < 1.0 {
        sig3(s * 1e3, "ms")
    } else {
        sig3(s, "s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(
        section: &str,
        case: &str,
        subject: &str,
        values: &[(&str, f64)],
        run: u64,
    ) -> Measurement {
        let mut m = Measurement::new(section, case, subject, values);
        m.run = run;
        m.date = if run == 1 { "2026-01-01" } else { "2026-02-02" }.to_owned();
        m.commit = format!("c{run}");
        m
    }

    fn machine() -> Machine {
        Machine {
            cpu: "Test CPU".into(),
            cores: 2,
            memory_kb: Some(24 * 1024 * 1024),
            os: "linux 6.1".into(),
            rustc: "rustc 1.95.0".into(),
            date: "2026-02-02".into(),
            commit: "c2".into(),
            load: "0.10, 0.20, 0.30".into(),
        }
    }

    fn sample() -> Vec<Measurement> {
        let mut all = Vec::new();
        for (case, ours, plain, ddac) in [
            (CODEC_CASES[0], 1.73, 1.60, 10.75),
            (CODEC_CASES[1], 0.098, 0.087, 0.392),
        ] {
            for (s, v) in [(OURS, ours), (PLAIN, plain), (DDAC, ddac)] {
                all.push(m(
                    "codec",
                    case,
                    s,
                    &[("median_ms", v), ("min_ms", v * 0.9)],
                    2,
                ));
            }
        }
        all.push(m("request", "sequential", OURS, &[("median_ms", 0.21)], 2));
        all.push(m("request", "sequential", HAND, &[("median_ms", 0.20)], 2));
        all.push(m(
            "pagination",
            "stream 100000 team connections, 100 per page",
            OURS,
            &[
                ("items", 100000.0),
                ("rss_1k_mb", 10.0),
                ("rss_end_mb", 10.5),
                ("peak_mb", 11.0),
                ("wall_s", 2.0),
            ],
            2,
        ));
        all.push(m(
            "build",
            CLEAN,
            OURS,
            &[("wall_s", 60.1), ("peak_mb", 410.0), ("load", 2.08)],
            2,
        ));
        all.push(m(
            "build",
            CLEAN,
            BARE,
            &[("wall_s", 52.6), ("peak_mb", 404.0)],
            2,
        ));
        // Reused from an earlier run.
        all.push(m(
            "build",
            CLEAN,
            DDAC,
            &[("wall_s", 247.4), ("peak_mb", 9820.0)],
            1,
        ));
        all.push(m(
            "build",
            PREBUILT,
            DDAC,
            &[("wall_s", 220.4), ("peak_mb", 9830.0)],
            1,
        ));
        all.push(m(
            "full-v2",
            "full",
            OURS,
            &[("wall_s", 103.4), ("peak_mb", 4638.0)],
            2,
        ));
        all.push(m(
            "full-v2",
            "teams",
            OURS,
            &[("wall_s", 2.8), ("peak_mb", 300.0)],
            2,
        ));
        all.push(m(
            "generation",
            V2,
            GENERATE,
            &[
                ("median_s", 1.23),
                ("min_s", 1.2),
                ("peak_mb", 99.0),
                ("runs", 5.0),
            ],
            2,
        ));
        all.push(m(
            "generation",
            V2,
            FLOOR,
            &[
                ("median_s", 0.165),
                ("min_s", 0.16),
                ("peak_mb", 60.0),
                ("runs", 5.0),
            ],
            2,
        ));
        all
    }

    #[test]
    fn targets_compare_ratios_with_their_limits() {
        let targets = targets(&sample());
        let get = |id: &str| targets.iter().find(|t| t.id == id).unwrap();
        let decode = get("decode-org");
        assert!((decode.value.unwrap() - 1.73 / 1.60).abs() < 1e-9);
        assert_eq!(decode.met(), Some(false));
        assert_eq!(decode.limit_text(), "≤ 1.05×");
        assert_eq!(decode.value_text(), "1.08×");
        assert_eq!(decode.status_text(), "**missed** by 3.0%");

        let ddac = get("decode-ddac");
        assert_eq!(ddac.met(), Some(true), "10.75 / 1.73 = 6.2 ≥ 5");
        assert_eq!(ddac.limit_text(), "≥ 5.00×");
        assert_eq!(ddac.status_text(), "met");

        let wall = get("full-v2-wall");
        assert_eq!(wall.limit_text(), "< 50.0 s");
        assert_eq!(wall.value_text(), "103 s");
        assert_eq!(wall.status_text(), "**missed** by 106.8%");
        let memory = get("full-v2-memory");
        assert_eq!(memory.limit_text(), "< 2.00 GB");
        assert_eq!(memory.value_text(), "4.53 GB");

        let pages = get("pagination");
        assert_eq!(pages.met(), Some(true));
        assert_eq!(pages.value_text(), "1.05×");
        assert_eq!(get("request-concurrent").met(), None);
        assert_eq!(get("request-concurrent").status_text(), "not measured");
        assert_eq!(get("generation-memory").met(), Some(true));
    }

    #[test]
    fn the_page_has_every_section_and_marks_reused_figures() {
        let machine = machine();
        let page = render(
            &sample(),
            &PageInput {
                machine: &machine,
                run: 2,
                chart: "benchmarks.svg",
                notes: &[
                    ("decode-org", "the profile showed X."),
                    ("decode-team", "the profile showed X."),
                ],
            },
        );
        for heading in [
            "## Machine",
            "## Targets",
            "## Decode and encode",
            "## Request overhead",
            "## Pagination",
            "## Build cost",
            "## The full-v2 generated crate",
            "## Generation",
            "## Missed targets: what the profile showed",
        ] {
            assert!(page.contains(&format!("\n{heading}\n")), "{heading}");
        }
        assert!(page.contains("| CPU | Test CPU |"));
        assert!(page.contains("| memory | 24.0 GiB |"));
        assert!(page.contains(
            "![Ratios of ours to each baseline, log scale, with targets](benchmarks.svg)"
        ));
        assert!(page.contains(
            "| decode org list (1,000 items) | 1.73 ms (1.56) | 1.60 ms (1.44) | 10.8 ms (9.68) | 1.08× | 0.161× |"
        ), "{page}");
        assert!(
            page.contains("| SDK user | 60.1 s | 410 MB | — | — | 2.1 | 1.14× |"),
            "{page}"
        );
        assert!(
            page.contains("| datadog-api-client user † | 247 s | 9.59 GB | — | — | — | 4.70× |"),
            "{page}"
        );
        assert!(page.contains("† Reused from an earlier run (2026-01-01, commit c1)"));
        assert!(
            page.contains("| `--features full` | 103 s | 4.53 GB | — | — | 0.469× | 0.472× |"),
            "{page}"
        );
        assert!(
            page.contains("| full v2 spec | generation | 5 | 1.23 s | 1.20 s | 99 MB | 7.45× |"),
            "{page}"
        );
        assert!(
            page.contains("| full v2 spec | parse floor | 5 | 165 ms | 160 ms | 60 MB | 1.00× |"),
            "{page}"
        );
        // How generation is measured: an optimised generator against the floor.
        assert!(page.contains("a release build of the xtask"), "{page}");
        assert!(
            page.contains("the YAML text read straight into `openapiv3::OpenAPI`"),
            "{page}"
        );
        assert!(!page.contains("debug build with the parsing"), "{page}");
        // Missed targets list their note, or say they were not profiled.
        assert!(page.contains(
            "- **decode, org list (1,000 items): ours ÷ serde-derive**: 1.08× against ≤ 1.05×, missed by 3.0%.\n  Profile: the profile showed X."
        ), "{page}");
        // A note shared by two targets is printed once.
        assert_eq!(page.matches("the profile showed X").count(), 1, "{page}");
        assert!(
            page.contains("missed by 7.3%.\n  Profile: the same profile as above."),
            "{page}"
        );
        assert!(
            page.contains(
                "peak memory**: 4.53 GB against < 2.00 GB, missed by 126.5%.\n  Profile: not profiled yet."
            ),
            "{page}"
        );
        // The request table has a row without figures for the concurrent case.
        assert!(page.contains("| 64 concurrent | — | — | — |"), "{page}");
        assert!(page.contains("4 of 11 targets met (10 measured)"), "{page}");
    }

    #[test]
    fn sections_without_figures_say_how_to_measure_them() {
        let machine = machine();
        let page = render(
            &[],
            &PageInput {
                machine: &machine,
                run: 2,
                chart: "benchmarks.svg",
                notes: &[],
            },
        );
        for section in SECTIONS {
            assert!(
                page.contains(&format!("`cargo xtask bench --only {section}` measures it")),
                "{section}"
            );
        }
        assert!(page.contains("0 of 11 targets met (0 measured)"));
        assert!(!page.contains("† Reused"));
    }

    #[test]
    fn bars_cover_the_measured_ratios_with_their_targets() {
        let bars = bars(&sample());
        let labels: Vec<&str> = bars.iter().map(|b| b.label.as_str()).collect();
        assert!(labels.contains(&"decode org list (1,000 items): ÷ serde-derive"));
        assert!(labels.contains(&"generation, full v2 spec ÷ parse floor"));
        assert!(!labels.iter().any(|l| l.contains("encode")), "not measured");
        let ddac = bars
            .iter()
            .find(|b| b.label == "decode org list (1,000 items): ÷ datadog-api-client")
            .unwrap();
        assert_eq!(ddac.target, Some(0.2));
        let full = bars
            .iter()
            .find(|b| b.label == "full-v2 full build wall ÷ datadog-api-client's")
            .unwrap();
        assert!((full.ratio - 103.4 / 220.4).abs() < 1e-9);
        assert_eq!(full.target, None);
    }

    #[test]
    fn sizes_and_figures_print_compactly() {
        assert_eq!(size_text(410.4), "410 MB");
        assert_eq!(size_text(9820.0), "9.59 GB");
        assert_eq!(sig3(0.0984, "ms"), "0.0984 ms");
        assert_eq!(sig3(60.14, "s"), "60.1 s");
        assert_eq!(seconds_text(0.165), "165 ms");
        assert_eq!(seconds_text(1.234), "1.23 s");
    }
}
