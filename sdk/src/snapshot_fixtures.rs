//! The generator's snapshot fixtures (`codegen/tests/snapshots/`), compiled against this runtime
//! with warnings denied (test builds only), so every construct the generator emits is known to build.

#[rustfmt::skip]
#[path = "../../codegen/tests/snapshots/auth_servers/mod.rs"]
pub mod auth_servers;
#[rustfmt::skip]
#[path = "../../codegen/tests/snapshots/deep_refs/mod.rs"]
pub mod deep_refs;
#[rustfmt::skip]
#[path = "../../codegen/tests/snapshots/composition/mod.rs"]
pub mod composition;
#[rustfmt::skip]
#[path = "../../codegen/tests/snapshots/media/mod.rs"]
pub mod media;
#[rustfmt::skip]
#[path = "../../codegen/tests/snapshots/names/mod.rs"]
pub mod names;
#[rustfmt::skip]
#[path = "../../codegen/tests/snapshots/operation_shapes/mod.rs"]
pub mod operation_shapes;
#[rustfmt::skip]
#[path = "../../codegen/tests/snapshots/optionality/mod.rs"]
pub mod optionality;
#[rustfmt::skip]
#[path = "../../codegen/tests/snapshots/params/mod.rs"]
pub mod params;
#[rustfmt::skip]
#[path = "../../codegen/tests/snapshots/recursion/mod.rs"]
pub mod recursion;
#[rustfmt::skip]
#[path = "../../codegen/tests/snapshots/reserved/mod.rs"]
pub mod reserved;
#[rustfmt::skip]
#[path = "../../codegen/tests/snapshots/swagger2_body/mod.rs"]
pub mod swagger2_body;
#[rustfmt::skip]
#[path = "../../codegen/tests/snapshots/tolerance/mod.rs"]
pub mod tolerance;
#[rustfmt::skip]
#[path = "../../codegen/tests/snapshots/wire/mod.rs"]
pub mod wire;

/// Auth mechanisms, security alternatives and server selection, checked on loopback servers.
#[cfg(test)]
mod auth_servers_tests;

/// Parameters of every style and typed form bodies, checked byte for byte on a loopback server.
#[cfg(test)]
mod params_tests;

/// Requests that follow the spec (readOnly, empty required arrays, Swagger 2.0 bodies) and
/// rate-limit and error conventions from the configuration, on loopback servers.
#[cfg(test)]
mod wire_tests;

/// Behaviour of the generated constructs, not just their shape.
#[cfg(test)]
mod tests {
    use super::composition::models::{
        Measurement, Priority, ScalarOrList, Shape, ShapeList, TreeOrLeaf,
    };
    use serde_json::json;

    #[test]
    fn discriminator_selects_the_variant_and_all_of_merges_fields() {
        let list: ShapeList = serde_json::from_value(json!({
            "data": [{"kind": "square", "name": "s", "side": 2.0}, {"kind": "circle", "name": "c", "radius": 1.0}]
        }))
        .unwrap();
        match (&list.data[0], &list.data[1]) {
            (Shape::Square(s), Shape::Circle(c)) => {
                assert_eq!((s.name.as_str(), s.side), ("s", 2.0));
                assert_eq!((c.name.as_str(), c.radius), ("c", 1.0));
            }
            other => panic!("wrong variants: {other:?}"),
        }
        // A mapped tag that does not fit its variant is an error, not a silent fallback.
        assert!(serde_json::from_value::<Shape>(json!({"kind": "square", "name": "s"})).is_err());
        // An unmapped tag falls back to trying the variants, then to `Unknown`.
        let unknown: Shape =
            serde_json::from_value(json!({"kind": "hexagon", "corners": 6})).unwrap();
        assert!(matches!(unknown, Shape::Unknown(_)));
        assert_eq!(
            serde_json::to_value(&unknown).unwrap(),
            json!({"kind": "hexagon", "corners": 6})
        );
    }

    #[test]
    fn untagged_unions_prefer_exact_matches_and_keep_unknown_shapes() {
        assert!(
            matches!(serde_json::from_value(json!("x")).unwrap(), ScalarOrList::String(s) if s == "x")
        );
        assert!(
            matches!(serde_json::from_value(json!([1, 2])).unwrap(), ScalarOrList::List(v) if v == [1, 2])
        );
        assert!(matches!(
            serde_json::from_value(json!({"name": "n"})).unwrap(),
            ScalarOrList::Named(_)
        ));
        let odd: ScalarOrList = serde_json::from_value(json!(true)).unwrap();
        assert!(matches!(odd, ScalarOrList::Unknown(_)));
        assert_eq!(serde_json::to_value(&odd).unwrap(), json!(true));
    }

    #[test]
    fn unions_keep_numbers_beyond_f64_exactly() {
        // 2^64 + 1, a number beyond f64's range, and a decimal with more digits than f64 keeps:
        // through `serde_json::Value` the first two would be rounded or refused.
        let reading = r#"{"unit":"m","scale":0.5,"count":18446744073709551617,"huge":1e400,"precise":0.1000000000000000055511151231257827}"#;
        let list_text = format!(r#"{{"data":[],"measurement":{reading}}}"#);
        let list: ShapeList = serde_json::from_str(&list_text).unwrap();
        let Some(Measurement::Reading(decoded)) = &list.measurement else {
            panic!("not a reading: {:?}", list.measurement)
        };
        assert_eq!((decoded.unit.as_str(), decoded.scale), ("m", Some(0.5)));
        assert_eq!(
            decoded.additional_properties["count"].get(),
            "18446744073709551617"
        );
        assert_eq!(decoded.additional_properties["huge"].get(), "1e400");
        assert_eq!(
            decoded.additional_properties["precise"].get(),
            "0.1000000000000000055511151231257827"
        );
        // Encoding writes the same text back.
        assert_eq!(serde_json::to_string(&list).unwrap(), list_text);
        // A shape no variant accepts is kept as its exact text, too.
        let odd = "[18446744073709551617,1e400,0.1000000000000000055511151231257827]";
        let unknown: Measurement = serde_json::from_str(odd).unwrap();
        assert!(matches!(&unknown, Measurement::Unknown(raw) if raw.get() == odd));
        assert_eq!(serde_json::to_string(&unknown).unwrap(), odd);
        let note: Measurement = serde_json::from_str(r#""calibrating""#).unwrap();
        assert!(matches!(note, Measurement::String(s) if s == "calibrating"));
    }

    #[test]
    fn recursive_schemas_are_boxed_and_decode() {
        let list: ShapeList = serde_json::from_value(json!({
            "data": [],
            "tree": {"label": "root", "parent": {"label": "up"}, "children": [{"label": "kid"}], "either": {"label": "inner"}}
        }))
        .unwrap();
        let tree = list.tree.unwrap();
        assert_eq!(tree.parent.unwrap().label.as_deref(), Some("up"));
        assert_eq!(tree.children.unwrap()[0].label.as_deref(), Some("kid"));
        assert!(matches!(
            tree.either.as_deref(),
            Some(TreeOrLeaf::TreeNode(_))
        ));
    }

    #[test]
    fn integer_enums_keep_unknown_values() {
        assert_eq!(
            serde_json::from_value::<Priority>(json!(2)).unwrap(),
            Priority::V2
        );
        assert_eq!(Priority::MINUS_1.0, -1);
        let future: Priority = serde_json::from_value(json!(7)).unwrap();
        assert!(!future.is_known());
        assert_eq!(serde_json::to_value(future).unwrap(), json!(7));
    }
}

/// Recursive schemas: newtypes, flattened and boxed unions, round-tripping JSON.
#[cfg(test)]
mod recursion_tests;

/// Reserved names, renamed: the models decode and encode under their wire names.
#[cfg(test)]
mod reserved_tests;

/// Non-JSON bodies go through the same runtime path, with their own content types.
#[cfg(test)]
mod media_tests {
    use super::media::Client;
    use datadog_connections_replay::fault::{Fault, FaultServer};
    use openapi_sdk_runtime::{FilePart, Multipart, RetryPolicy};

    /// The fixture has no security schemes, so no credentials; `SubmitMediaLog` has its own server,
    /// which the base URL does not replace: it is pointed at the test server by its operation id.
    async fn client(server: &FaultServer) -> Client {
        Client::builder()
            .base_url(server.base_url())
            .operation_base_url("SubmitMediaLog", server.base_url())
            .retry_policy(RetryPolicy::disabled())
            .build()
            .unwrap()
    }

    #[tokio::test]
    async fn text_bytes_and_multipart_bodies_round_trip() {
        let server = FaultServer::start(vec![
            Fault::Respond {
                status: 202,
                headers: vec![("content-type".into(), "text/plain".into())],
                body: b"accepted".to_vec(),
            },
            Fault::Respond {
                status: 200,
                headers: vec![("content-type".into(), "application/zip".into())],
                body: b"PK\x03\x04".to_vec(),
            },
            Fault::json(200, r#"{"id": "spec-1"}"#),
        ])
        .await
        .unwrap();
        let client = client(&server).await;
        assert_eq!(
            client
                .submit_media_log("line one\n".to_owned())
                .send()
                .await
                .unwrap(),
            "accepted"
        );
        assert_eq!(
            client
                .upload_media_archive(vec![0, 1, 2])
                .send()
                .await
                .unwrap()
                .collect(1024)
                .await
                .unwrap(),
            &b"PK\x03\x04"[..]
        );
        let form = Multipart::new().file(
            "openapi_spec_file",
            FilePart::new(b"openapi: 3.0.0".to_vec())
                .file_name("spec.yaml")
                .content_type("application/yaml"),
        );
        assert_eq!(
            client
                .upload_media_spec(Default::default())
                .multipart(form)
                .send()
                .await
                .unwrap()
                .id
                .as_deref(),
            Some("spec-1")
        );

        let received = server.received();
        assert_eq!(received[0].header("content-type"), Some("text/plain"));
        assert_eq!(received[0].body.as_ref(), b"line one\n");
        assert_eq!(
            received[1].header("content-type"),
            Some("application/octet-stream")
        );
        assert_eq!(received[1].body.as_ref(), [0, 1, 2]);
        let multipart = received[2].header("content-type").unwrap_or_default();
        assert!(
            multipart.starts_with("multipart/form-data; boundary="),
            "{multipart}"
        );
        let body = String::from_utf8_lossy(&received[2].body);
        assert!(
            body.contains("filename=\"spec.yaml\"") && body.contains("openapi: 3.0.0"),
            "{body}"
        );
    }

    #[tokio::test]
    async fn the_status_selects_the_success_body() {
        use super::media::models::StartMediaJobResponse;
        let server = FaultServer::start(vec![
            Fault::json(200, r#"{"result": "done"}"#),
            Fault::json(202, r#"{"job_id": "j1"}"#),
        ])
        .await
        .unwrap();
        let client = client(&server).await;
        let done = client.start_media_job().send_with_response().await.unwrap();
        assert_eq!(done.status(), 200);
        assert!(matches!(done.body(), StartMediaJobResponse::Status200(r) if r.result == "done"));
        let accepted = client.start_media_job().send().await.unwrap();
        assert!(matches!(accepted, StartMediaJobResponse::Status202(r) if r.job_id == "j1"));
    }
}
