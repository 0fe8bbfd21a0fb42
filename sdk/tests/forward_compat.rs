//! Forward compatibility: unknown properties and enum values survive a decode/encode round trip,
//! and absent, `null` and a value stay distinct for nullable fields.

use datadog_connections::models::{
    ConnectionsPagePagination, OrgConnectionListResponse, OrgConnectionTypeEnum,
    TeamConnectionsResponse,
};
use serde_json::{json, Value};

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(input: &Value) -> (T, Value) {
    let model: T = serde_json::from_value(input.clone()).expect("decodes");
    let back = serde_json::to_value(&model).expect("encodes");
    (model, back)
}

#[test]
fn unknown_fields_and_enum_values_round_trip_at_every_level() {
    let input = json!({
        "data": [{
            "id": "f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a",
            "type": "org_connection",
            "attributes": {
                "connection_types": ["logs", "apm_traces"],
                "created_at": "2023-01-01T12:00:00Z",
                "region": {"primary": "us1", "weights": [1, 2.5, null]}
            },
            "relationships": {
                "sink_org": {"data": {"id": "o1", "type": "orgs", "since": 2020}},
                "future_link": {"data": null}
            },
            "etag": "W/\"1\""
        }],
        "meta": {"page": {"total_count": 1, "total_filtered_count": 1, "cursor": "abc"}},
        "links": {"next": null}
    });
    let (model, back) = round_trip::<OrgConnectionListResponse>(&input);
    assert_eq!(back, input, "written back unchanged");
    let connection = &model.data[0];
    assert_eq!(
        connection.attributes.connection_types[1],
        OrgConnectionTypeEnum::Unknown("apm_traces".into())
    );
    match &connection.attributes.connection_types[1] {
        OrgConnectionTypeEnum::Unknown(value) => {
            assert_eq!(value, "apm_traces");
            assert_eq!(
                value.as_str(),
                connection.attributes.connection_types[1].as_str()
            );
        }
        other => panic!("expected the unknown value, got {other:?}"),
    }
    let region = connection.attributes.additional_properties["region"]
        .to_value()
        .expect("JSON");
    assert_eq!(region["primary"], "us1");
    assert_eq!(connection.additional_properties["etag"], json!("W/\"1\""));
    assert!(model.additional_properties.contains_key("links"));
}

#[test]
fn nullable_fields_keep_absent_null_and_value_apart() {
    let input =
        json!({"data": [], "meta": {"page": {"number": 2, "prev_number": 1, "next_number": null}}});
    let (model, back) = round_trip::<TeamConnectionsResponse>(&input);
    assert_eq!(back, input);
    let page = model.meta.and_then(|m| m.page).expect("page");
    assert_eq!(page.prev_number, Some(Some(1)), "a value");
    assert_eq!(page.next_number, Some(None), "present and null");
    assert_eq!(page.last_number, None, "absent");

    // In bodies we build: `None` from the setter sends an explicit null; never setting omits it.
    let explicit = ConnectionsPagePagination::default()
        .next_number(None)
        .prev_number(Some(3));
    assert_eq!(
        serde_json::to_value(&explicit).unwrap(),
        json!({"next_number": null, "prev_number": 3})
    );
    assert_eq!(
        serde_json::to_value(ConnectionsPagePagination::default()).unwrap(),
        json!({})
    );
}

#[test]
fn malformed_objects_are_errors_with_the_field_named() {
    let missing =
        serde_json::from_value::<OrgConnectionListResponse>(json!({"meta": {}})).unwrap_err();
    assert!(
        missing.to_string().contains("missing field `data`"),
        "{missing}"
    );
    let duplicate =
        serde_json::from_str::<OrgConnectionListResponse>(r#"{"data": [], "data": []}"#)
            .unwrap_err();
    assert!(
        duplicate.to_string().contains("duplicate field `data`"),
        "{duplicate}"
    );
    let wrong =
        serde_json::from_value::<OrgConnectionListResponse>(json!({"data": "x"})).unwrap_err();
    assert!(wrong.to_string().contains("invalid type"), "{wrong}");
    let not_object = serde_json::from_value::<OrgConnectionListResponse>(json!([1])).unwrap_err();
    assert!(
        not_object
            .to_string()
            .contains("OrgConnectionListResponse object"),
        "{not_object}"
    );
}

#[test]
fn unknown_numbers_round_trip_exactly() {
    // serde_json's `Value` would write the first back as 1.2345678901234568e29 and refuse the
    // second ("number out of range"), failing the whole response.
    let input = r#"{"data":[{"id":"f9ec96b0-8c8a-4b0a-9b0a-1b2c3d4e5f6a","type":"org_connection","attributes":{"connection_types":["logs"],"created_at":"2023-01-01T12:00:00Z","quota":123456789012345678901234567890,"ratio":1e400,"tiny":-0.000000000000000000000000000001e-300,"nested":{"n":[18446744073709551616,-9223372036854775809,1.50]}},"relationships":{}}],"meta":{"page":{"total_count":1,"huge":1E+400}}}"#;
    let model: OrgConnectionListResponse = serde_json::from_str(input).expect("decodes");
    let attributes = &model.data[0].attributes.additional_properties;
    assert_eq!(attributes["quota"].get(), "123456789012345678901234567890");
    assert_eq!(attributes["ratio"].get(), "1e400");
    assert_eq!(
        attributes["nested"].get(),
        r#"{"n":[18446744073709551616,-9223372036854775809,1.50]}"#
    );
    let page = model
        .meta
        .as_ref()
        .and_then(|m| m.page.as_ref())
        .expect("page");
    assert_eq!(page.additional_properties["huge"].get(), "1E+400");
    // Written back, every unknown value is the text that was received.
    let back = serde_json::to_string(&model).expect("encodes");
    for text in [
        r#""quota":123456789012345678901234567890"#,
        r#""ratio":1e400"#,
        r#""tiny":-0.000000000000000000000000000001e-300"#,
        r#""nested":{"n":[18446744073709551616,-9223372036854775809,1.50]}"#,
        r#""huge":1E+400"#,
    ] {
        assert!(back.contains(text), "{text} missing from {back}");
    }
    let again: OrgConnectionListResponse = serde_json::from_str(&back).expect("decodes again");
    assert_eq!(again, model);
    assert_eq!(serde_json::to_string(&again).expect("encodes"), back);
}

#[test]
fn unknown_properties_can_be_set_from_values_and_read_back() {
    use datadog_connections::models::OrgConnectionCreateAttributes;
    let mut attributes = OrgConnectionCreateAttributes::new(vec![OrgConnectionTypeEnum::Logs]);
    attributes
        .additional_properties
        .insert("labels".into(), json!({"team": "a"}).into());
    let text = serde_json::to_string(&attributes).expect("encodes");
    assert_eq!(
        text,
        r#"{"connection_types":["logs"],"labels":{"team":"a"}}"#
    );
    let back: OrgConnectionCreateAttributes = serde_json::from_str(&text).expect("decodes");
    assert_eq!(back, attributes);
    assert_eq!(back.additional_properties["labels"], json!({"team": "a"}));
}
