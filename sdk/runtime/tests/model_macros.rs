//! The model macros' expansions name their own generic parameters out of the way of the models':
//! a spec may have schemas called `A`, `D` or `S` (the letters serde's own signatures use), and
//! models with those names must build and round-trip like any other.

use openapi_sdk_runtime::serde_support::{AdditionalProperties, UnknownValue};
use serde_json::json;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct A {
    pub name: Option<String>,
    pub additional_properties: AdditionalProperties,
}

openapi_sdk_runtime::serialize_struct!(A { name(optional) = "name" });
openapi_sdk_runtime::deserialize_struct!(exact A { name(optional Option<String>) = "name" });

#[derive(Debug, Clone, PartialEq)]
pub struct D {
    pub kind: S,
    pub additional_properties: AdditionalProperties,
}

openapi_sdk_runtime::serialize_struct!(D { kind(required) = "kind" });
openapi_sdk_runtime::deserialize_struct!(exact D { kind(required S) = "kind" });

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum S {
    Logs,
    Unknown(UnknownValue),
}

openapi_sdk_runtime::string_enum!(S { Logs = "logs" });

impl openapi_sdk_runtime::serde_support::Exact for S {
    fn is_exact(&self) -> bool {
        !matches!(self, S::Unknown(_))
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum U {
    D(D),
    A(A),
    Unknown(openapi_sdk_runtime::serde_support::RawJson),
}

openapi_sdk_runtime::deserialize_union!(U { D(D), A(A) });

#[test]
fn models_named_like_serdes_type_parameters_build_and_round_trip() {
    let a: A = serde_json::from_value(json!({"name": "n", "extra": 1})).expect("A decodes");
    assert_eq!(a.name.as_deref(), Some("n"));
    assert_eq!(a.additional_properties["extra"], json!(1));
    assert_eq!(
        serde_json::to_value(&a).expect("A encodes"),
        json!({"name": "n", "extra": 1})
    );

    let d: D = serde_json::from_value(json!({"kind": "logs"})).expect("D decodes");
    assert_eq!(d.kind, S::Logs);
    assert_eq!(S::from("traces").as_str(), "traces");
    assert_eq!(
        serde_json::to_value(&d).expect("D encodes"),
        json!({"kind": "logs"})
    );

    // The exact variant wins: `D` needs `kind`, so an object with a name alone is an `A`.
    let u: U = serde_json::from_value(json!({"kind": "logs"})).expect("U decodes");
    assert!(matches!(u, U::D(_)), "{u:?}");
    let u: U = serde_json::from_value(json!({"name": "x"})).expect("U decodes");
    assert!(matches!(u, U::A(_)), "{u:?}");
    assert!(
        serde_json::from_str::<D>("{}").is_err(),
        "a missing `kind` is an error"
    );
}
