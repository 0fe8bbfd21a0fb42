//! Decode speed of the generated models against two baselines on the same 1,000-item list body:
//! plain serde-derive structs that drop unknown fields (the speed target), and serde-derive structs
//! that keep unknown fields with `#[serde(flatten)]` (the naive approach the generator avoids).
//! A second body adds unknown properties to every item (nested objects, arrays, a number beyond
//! `u64`), which the generated models keep as their exact text.
//!
//! After criterion's groups, an interleaved run decodes each body with each decoder in turn,
//! round after round, and prints the medians and the ratio to plain serde-derive: on a busy
//! machine the ratio is steadier than separate criterion runs (`DECODE_ROUNDS`, default 300).
//!
//! `cargo bench -p datadog-connections --bench decode`

use criterion::{criterion_group, Criterion, Throughput};
use datadog_connections::models::OrgConnectionListResponse;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::hint::black_box;

fn body(items: usize) -> Vec<u8> {
    body_with(items, "", "")
}

/// The same list with unknown properties in every item and its attributes.
fn body_with_unknown_fields(items: usize) -> Vec<u8> {
    body_with(
        items,
        r#","etag":"W/\"3f2a\"","links":{"self":"/api/v2/org_connections/1"}"#,
        r#","region":{"primary":"us1","weights":[1,2.5,null]},"quota":123456789012345678901234567890,"labels":["a","b","c"]"#,
    )
}

fn body_with(items: usize, item_extra: &str, attribute_extra: &str) -> Vec<u8> {
    let item = |i: usize| {
        format!(
            r#"{{"type":"org_connection","id":"{:08x}-32b2-4aa3-8a1a-5d93b5382e3d","attributes":{{"created_at":"2025-08-26T20:19:36.177236+00:00","connection_types":["logs","metrics"]{attribute_extra}}},"relationships":{{"source_org":{{"data":{{"type":"orgs","id":"4dee724d-00cc-11ea-a77b-570c9d03c6c5","name":"DD Integration Tests (321813)"}}}},"sink_org":{{"data":{{"type":"orgs","id":"83999dcd-7f97-11f0-8de1-1ecf66f1aa85","name":"Cross-Org BDD Test Org"}}}},"created_by":{{"data":{{"type":"users","id":"03e6bc43-7ecc-11f0-b50b-f28f2be41840","name":"Amy Li"}}}}}}{item_extra}}}"#,
            i
        )
    };
    let data: Vec<String> = (0..items).map(item).collect();
    format!(r#"{{"data":[{}],"meta":{{"page":{{"total_count":{items},"total_filtered_count":{items}}}}}}}"#, data.join(",")).into_bytes()
}

/// serde-derive mirror of the models, unknown fields dropped: the speed to match. (Fields are
/// decoded, never read.)
#[allow(dead_code)]
mod plain {
    use super::Deserialize;

    #[derive(Deserialize)]
    pub struct List {
        pub data: Vec<Conn>,
        pub meta: Option<Meta>,
    }
    #[derive(Deserialize)]
    pub struct Meta {
        pub page: Option<Page>,
    }
    #[derive(Deserialize)]
    pub struct Page {
        pub total_count: Option<i64>,
        pub total_filtered_count: Option<i64>,
    }
    #[derive(Deserialize)]
    pub struct Conn {
        pub id: uuid::Uuid,
        #[serde(rename = "type")]
        pub kind: String,
        pub attributes: Attrs,
        pub relationships: Rels,
    }
    #[derive(Deserialize)]
    pub struct Attrs {
        pub connection_types: Vec<String>,
        pub created_at: chrono::DateTime<chrono::Utc>,
    }
    #[derive(Deserialize)]
    pub struct Rels {
        pub created_by: Option<Rel>,
        pub sink_org: Option<Rel>,
        pub source_org: Option<Rel>,
    }
    #[derive(Deserialize)]
    pub struct Rel {
        pub data: Option<RelData>,
    }
    #[derive(Deserialize)]
    pub struct RelData {
        pub id: Option<String>,
        pub name: Option<String>,
        #[serde(rename = "type")]
        pub kind: Option<String>,
    }
}

/// The same mirror keeping unknown fields through `#[serde(flatten)]`, which buffers every object.
#[allow(dead_code)]
mod flatten {
    use super::{BTreeMap, Deserialize};
    type Extra = BTreeMap<String, serde_json::Value>;

    #[derive(Deserialize)]
    pub struct List {
        pub data: Vec<Conn>,
        pub meta: Option<Meta>,
        #[serde(flatten)]
        pub extra: Extra,
    }
    #[derive(Deserialize)]
    pub struct Meta {
        pub page: Option<Page>,
        #[serde(flatten)]
        pub extra: Extra,
    }
    #[derive(Deserialize)]
    pub struct Page {
        pub total_count: Option<i64>,
        pub total_filtered_count: Option<i64>,
        #[serde(flatten)]
        pub extra: Extra,
    }
    #[derive(Deserialize)]
    pub struct Conn {
        pub id: uuid::Uuid,
        #[serde(rename = "type")]
        pub kind: String,
        pub attributes: Attrs,
        pub relationships: Rels,
        #[serde(flatten)]
        pub extra: Extra,
    }
    #[derive(Deserialize)]
    pub struct Attrs {
        pub connection_types: Vec<String>,
        pub created_at: chrono::DateTime<chrono::Utc>,
        #[serde(flatten)]
        pub extra: Extra,
    }
    #[derive(Deserialize)]
    pub struct Rels {
        pub created_by: Option<Rel>,
        pub sink_org: Option<Rel>,
        pub source_org: Option<Rel>,
        #[serde(flatten)]
        pub extra: Extra,
    }
    #[derive(Deserialize)]
    pub struct Rel {
        pub data: Option<RelData>,
        #[serde(flatten)]
        pub extra: Extra,
    }
    #[derive(Deserialize)]
    pub struct RelData {
        pub id: Option<String>,
        pub name: Option<String>,
        #[serde(rename = "type")]
        pub kind: Option<String>,
        #[serde(flatten)]
        pub extra: Extra,
    }
}

fn generated(body: &[u8]) -> Option<usize> {
    serde_json::from_slice::<OrgConnectionListResponse>(black_box(body))
        .map(|l| l.data.len())
        .ok()
}

fn derive(body: &[u8]) -> Option<usize> {
    serde_json::from_slice::<plain::List>(black_box(body))
        .map(|l| l.data.len())
        .ok()
}

fn flatten(body: &[u8]) -> Option<usize> {
    serde_json::from_slice::<flatten::List>(black_box(body))
        .map(|l| l.data.len())
        .ok()
}

/// A decoder under test: the number of items decoded, or `None` on an error.
type Decoder = fn(&[u8]) -> Option<usize>;

const DECODERS: [(&str, Decoder); 3] = [
    ("generated_models", generated),
    ("serde_derive_baseline", derive),
    ("serde_flatten_capture", flatten),
];

fn decode(c: &mut Criterion) {
    for (group, body) in [
        ("decode_org_connection_list_1000", body(1_000)),
        (
            "decode_org_connection_list_1000_unknown_fields",
            body_with_unknown_fields(1_000),
        ),
    ] {
        // All three must accept the body, or the comparison is meaningless.
        for (name, decoder) in DECODERS {
            assert_eq!(decoder(&body), Some(1_000), "{name}");
        }
        let mut group = c.benchmark_group(group);
        group.throughput(Throughput::Bytes(body.len() as u64));
        for (name, decoder) in DECODERS {
            group.bench_function(name, |b| b.iter(|| decoder(&body)));
        }
        group.finish();
    }
}

/// Each decoder in turn on each body, `DECODE_ROUNDS` rounds; prints medians and ratios.
fn interleaved() {
    let rounds: usize = std::env::var("DECODE_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    if rounds == 0 {
        return;
    }
    for (name, body) in [
        ("known fields", body(1_000)),
        ("unknown fields", body_with_unknown_fields(1_000)),
    ] {
        let mut times = [const { Vec::new() }; 3];
        for _ in 0..rounds {
            for (i, (_, decoder)) in DECODERS.iter().enumerate() {
                let started = std::time::Instant::now();
                black_box(decoder(&body));
                times[i].push(started.elapsed());
            }
        }
        let medians: Vec<std::time::Duration> = times
            .iter_mut()
            .map(|t| {
                t.sort();
                t[t.len() / 2]
            })
            .collect();
        println!(
            "interleaved, {name}, median of {rounds} rounds: generated {:.3} ms, serde_derive {:.3} ms, \
             flatten {:.3} ms; generated/serde_derive = {:.3}, flatten/serde_derive = {:.3}",
            medians[0].as_secs_f64() * 1e3,
            medians[1].as_secs_f64() * 1e3,
            medians[2].as_secs_f64() * 1e3,
            medians[0].as_secs_f64() / medians[1].as_secs_f64(),
            medians[2].as_secs_f64() / medians[1].as_secs_f64(),
        );
    }
}

criterion_group!(benches, decode);

fn main() {
    benches();
    interleaved();
    Criterion::default().configure_from_args().final_summary();
}
