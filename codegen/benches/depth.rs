//! How long the generator takes to refuse a document nested 100,000 deep (JSON, YAML flow and
//! YAML block sequences) and to load one nested just under the limit, through the public
//! `load::load`: the nesting limit is checked in one pass over the text, before either parser
//! runs (issue 21: 40,000-deep JSON used to take 46 s, 100,000-deep over 300 s, and a 200 KB YAML
//! sequence nested 100,000 deep 31.5 s).
//!
//! Measured on 2026-12-07 (2 shared cores, release): refusing 100,000-deep JSON 52 µs, YAML flow
//! 59 µs, YAML block sequences 68 µs (the pass stops where the limit is crossed); loading the
//! 99-deep documents 80 µs, 226 µs and 159 µs.
//!
//! `cargo bench -p openapi-sdk-codegen --bench depth`

use criterion::{criterion_group, criterion_main, Criterion};
use openapi_sdk_codegen::load::load;
use std::hint::black_box;

const HEAD_JSON: &str =
    r#"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "x-deep": "#;
const HEAD_YAML: &str = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\nx-deep: ";

fn documents(depth: usize) -> [(String, String); 3] {
    [
        (
            format!("json {depth}"),
            format!("{HEAD_JSON}{}{}}}", "[".repeat(depth), "]".repeat(depth)),
        ),
        (
            format!("yaml flow {depth}"),
            format!("{HEAD_YAML}{}{}\n", "[".repeat(depth), "]".repeat(depth)),
        ),
        (
            format!("yaml block {depth}"),
            format!("{HEAD_YAML}\n  {}x\n", "- ".repeat(depth)),
        ),
    ]
}

fn depth(c: &mut Criterion) {
    let mut group = c.benchmark_group("nesting");
    group.sample_size(20);
    // 100,000 deep: refused. 99 deep (the root makes 100): loaded.
    for depth in [100_000, 99] {
        for (name, text) in documents(depth) {
            let refused = load(&text).is_err();
            assert_eq!(refused, depth > 99, "{name}");
            group.bench_function(name, |b| b.iter(|| load(black_box(&text)).is_err()));
        }
    }
    group.finish();
}

criterion_group!(benches, depth);
criterion_main!(benches);
