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
    assert_eq!(
        connection.attributes.additional_properties["region"]["primary"],
        "us1"
    );
    assert_eq!(connection.additional_properties["etag"], "W/\"1\"");
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
