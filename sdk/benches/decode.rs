//! Decode speed of the generated models against two baselines on the same 1,000-item list body:
//! plain serde-derive structs that drop unknown fields (the speed target), and serde-derive structs
//! that keep unknown fields with `#[serde(flatten)]` (the naive approach the generator avoids).
//!
//! `cargo bench -p datadog-connections --bench decode`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use datadog_connections::models::OrgConnectionListResponse;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::hint::black_box;

fn body(items: usize) -> Vec<u8> {
    let item = |i: usize| {
        format!(
            r#"{{"type":"org_connection","id":"{:08x}-32b2-4aa3-8a1a-5d93b5382e3d","attributes":{{"created_at":"2025-08-26T20:19:36.177236+00:00","connection_types":["logs","metrics"]}},"relationships":{{"source_org":{{"data":{{"type":"orgs","id":"4dee724d-00cc-11ea-a77b-570c9d03c6c5","name":"DD Integration Tests (321813)"}}}},"sink_org":{{"data":{{"type":"orgs","id":"83999dcd-7f97-11f0-8de1-1ecf66f1aa85","name":"Cross-Org BDD Test Org"}}}},"created_by":{{"data":{{"type":"users","id":"03e6bc43-7ecc-11f0-b50b-f28f2be41840","name":"Amy Li"}}}}}}}}"#,
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

fn decode(c: &mut Criterion) {
    let body = body(1_000);
    // All three must accept the body, or the comparison is meaningless.
    assert_eq!(
        serde_json::from_slice::<OrgConnectionListResponse>(&body)
            .map(|l| l.data.len())
            .ok(),
        Some(1_000)
    );
    assert_eq!(
        serde_json::from_slice::<plain::List>(&body)
            .map(|l| l.data.len())
            .ok(),
        Some(1_000)
    );
    assert_eq!(
        serde_json::from_slice::<flatten::List>(&body)
            .map(|l| l.data.len())
            .ok(),
        Some(1_000)
    );

    let mut group = c.benchmark_group("decode_org_connection_list_1000");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("generated_models", |b| {
        b.iter(|| {
            serde_json::from_slice::<OrgConnectionListResponse>(black_box(&body))
                .map(|l| l.data.len())
        })
    });
    group.bench_function("serde_derive_baseline", |b| {
        b.iter(|| serde_json::from_slice::<plain::List>(black_box(&body)).map(|l| l.data.len()))
    });
    group.bench_function("serde_flatten_capture", |b| {
        b.iter(|| serde_json::from_slice::<flatten::List>(black_box(&body)).map(|l| l.data.len()))
    });
    group.finish();
}

criterion_group!(benches, decode);
criterion_main!(benches);
