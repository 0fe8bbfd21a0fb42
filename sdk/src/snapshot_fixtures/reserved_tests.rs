//! The reserved fixture's renamed models still read and write their wire names.

use super::reserved::models::{Choice, Kind, SelfModel, SomeModel};
use serde_json::json;

#[test]
fn renamed_fields_keep_their_wire_names() {
    let wire = json!({
        "self": "a", "Self": "b", "crate": "c", "super": "d", "_": "e", "type": "f", "gen": "g",
        "async": "h", "try": "i", "new": "j", "additional_properties": "k", "None": "l",
        "some": "Self", "kind": "Self", "choice": {"me": true}, "extra": 1
    });
    let model: SelfModel = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(model.self_.as_deref(), Some("a"));
    assert_eq!(model.self_2.as_deref(), Some("b"));
    assert_eq!(model.crate_.as_deref(), Some("c"));
    assert_eq!(model.super_.as_deref(), Some("d"));
    assert_eq!(model.value.as_deref(), Some("e"));
    assert_eq!(model.r#type.as_deref(), Some("f"));
    assert_eq!(model.r#gen.as_deref(), Some("g"));
    assert_eq!(model.new2.as_deref(), Some("j"));
    assert_eq!(model.additional_properties2.as_deref(), Some("k"));
    assert_eq!(model.some, Some(SomeModel::SelfValue));
    assert_eq!(model.kind, Some(Kind::SelfValue));
    assert!(matches!(model.choice, Some(Choice::SelfValue(ref c)) if c.me));
    assert_eq!(model.additional_properties.len(), 1);
    assert_eq!(serde_json::to_value(&model).unwrap(), wire);
}

#[test]
fn renamed_enum_variants_keep_their_values() {
    for (value, variant) in [
        ("Self", SomeModel::SelfValue),
        ("self", SomeModel::SelfValue2),
        ("Unknown", SomeModel::Unknown2),
        ("unknown", SomeModel::Unknown3),
        ("None", SomeModel::None),
        ("_", SomeModel::Underscore),
    ] {
        assert_eq!(
            serde_json::from_value::<SomeModel>(json!(value)).unwrap(),
            variant
        );
        assert_eq!(variant.as_str(), value);
    }
    let unknown: SomeModel = serde_json::from_value(json!("later")).unwrap();
    assert!(matches!(unknown, SomeModel::Unknown(_)));
}
