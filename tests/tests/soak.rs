//! The soak's short form: 300 calls, 32 at a time, through the SDK against the chaos server with
//! its faults (about 5% of requests; smaller bombs and oversized bodies than the full run, and a
//! 4 MiB body limit, to stay quick in a debug build). The full run is `cargo xtask soak`.

#[allow(dead_code)]
#[path = "../examples/soak.rs"]
mod soak;

use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn soak_short_form_loses_and_duplicates_nothing() {
    let mut config = soak::SoakConfig::new(300, 32);
    // Twice the usual fault rate, so that 300 calls meet every kind.
    config.chaos.weights = config.chaos.weights.map(|w| w * 2);
    config.chaos.bomb_len = 16 * 1024 * 1024;
    config.chaos.oversized_len = 6 * 1024 * 1024;
    config.max_response_body = Some(4 * 1024 * 1024);
    let report = tokio::time::timeout(Duration::from_secs(240), soak::run(config.clone()))
        .await
        .expect("every call ends: none hangs")
        .expect("the server starts");
    let text = soak::render(&config, &report);
    println!("{text}");

    let last = report.checkpoints.last().expect("a checkpoint");
    assert_eq!(last.calls, 300, "{text}");
    assert_eq!(report.panicked, 0, "{text}");
    assert_eq!(
        report.duplicated_writes, 0,
        "a POST or PATCH took effect twice\n{text}"
    );
    assert_eq!(
        report.acknowledged_not_applied_once, 0,
        "a write the client saw succeed did not take effect exactly once\n{text}"
    );
    assert_eq!(report.failed_applied_twice, 0, "{text}");
    // Every failure is one the faults explain, as a typed error.
    for kind in last.failures.keys() {
        assert!(
            [
                "Api 429",
                "Api 500",
                "Api 503",
                "Transport",
                "BodyTooLarge 200"
            ]
            .contains(&kind.as_str()),
            "unexpected failure kind {kind}\n{text}"
        );
    }
    assert!(report.server.faults_injected() >= 10, "{text}");
    assert!(last.successes >= 240, "{text}");
}
