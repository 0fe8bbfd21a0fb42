//! The recursion fixture's types decode what their schemas describe and encode it back unchanged.

use super::recursion::models::{
    EitherLeft, Everything, Expr, Forest, JsonValue, LoopD, Nested, NestedMap, NestedOrText, Tree,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

/// Decodes `value` as `T` and checks that encoding gives `value` back.
fn round_trip<T: DeserializeOwned + Serialize>(value: Value) -> T {
    let decoded: T = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(serde_json::to_value(&decoded).unwrap(), value);
    decoded
}

#[test]
fn a_list_of_itself_is_a_newtype_used_like_the_list() {
    let nested: Nested = round_trip(json!([[], [[], [[]]]]));
    assert_eq!(nested.len(), 2);
    assert!(nested[0].is_empty());
    assert_eq!(nested[1][1][0], Nested::default());
    let built = Nested::from(vec![Nested(vec![])]);
    assert_eq!(serde_json::to_value(&built).unwrap(), json!([[]]));
    let inner: Vec<Nested> = built.into();
    assert_eq!(inner, vec![Nested::default()]);
}

#[test]
fn a_union_decodes_newtype_members() {
    let list: NestedOrText = round_trip(json!([[[]]]));
    assert!(matches!(list, NestedOrText::Nested(ref n) if n[0][0].is_empty()));
    let map: NestedOrText = round_trip(json!({"a": {}}));
    assert!(matches!(map, NestedOrText::NestedMap(ref m) if m["a"].is_empty()));
    assert!(matches!(
        round_trip::<NestedOrText>(json!("t")),
        NestedOrText::String(_)
    ));
    assert!(matches!(
        round_trip::<NestedOrText>(json!(3)),
        NestedOrText::Unknown(_)
    ));
}

#[test]
fn a_map_of_itself_and_a_list_through_an_alias_round_trip() {
    let map: NestedMap = round_trip(json!({"a": {"b": {}, "c": {"d": {}}}}));
    assert!(map["a"]["c"]["d"].is_empty());
    let forest: Forest = round_trip(json!([[[]], []]));
    assert_eq!(forest[0].len(), 1);
}

#[test]
fn an_alias_cycle_accepts_any_json() {
    let value: LoopD = round_trip(json!({"anything": [1, "two", null]}));
    assert!(value.is_object());
}

#[test]
fn a_union_that_includes_itself_decodes_its_other_shapes() {
    let expr: Expr = round_trip(
        json!({"op": "+", "left": "a", "right": {"op": "*", "left": "b", "right": "c"}}),
    );
    let Expr::BinaryOp(op) = expr else {
        panic!("not a binary operation: {expr:?}");
    };
    assert!(matches!(*op.left, Expr::String(ref s) if s == "a"));
    assert!(matches!(*op.right, Expr::BinaryOp(ref inner) if inner.op == "*"));
    assert!(matches!(round_trip::<Expr>(json!("x")), Expr::String(_)));
    // Unions that include each other take both members' shapes, and keep what neither accepts.
    assert!(matches!(
        round_trip::<EitherLeft>(json!(5)),
        EitherLeft::Integer(5)
    ));
    assert!(matches!(
        round_trip::<EitherLeft>(json!("x")),
        EitherLeft::String(_)
    ));
    assert!(matches!(
        round_trip::<EitherLeft>(json!(true)),
        EitherLeft::Unknown(_)
    ));
}

#[test]
fn a_union_recursing_through_lists_and_maps_round_trips() {
    let value: JsonValue = round_trip(json!({"a": [1.5, "x", {"b": true}], "c": []}));
    let JsonValue::Map(map) = value else {
        panic!("not a map: {value:?}");
    };
    assert!(matches!(&map["a"], JsonValue::List(items) if items.len() == 3));
}

#[test]
fn every_shape_together_round_trips() {
    let everything: Everything = round_trip(json!({
        "nested": [[]],
        "map": {"k": {}},
        "forest": [[]],
        "grove": [],
        "nullable_list": null,
        "loop_d": 7,
        "expr": "e",
        "left": 1,
        "value": [true],
        "tree": {
            "label": "root",
            "parent": {"label": "up"},
            "children": [{"label": "kid", "children": []}],
            "by_name": {"x": {"label": "x"}}
        }
    }));
    let tree: Tree = everything.tree.unwrap();
    assert_eq!(tree.parent.unwrap().label, "up");
    assert_eq!(tree.by_name.unwrap()["x"].label, "x");
    assert_eq!(everything.nullable_list, Some(None));
}
