// @generated from recursion.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `recursion` operations.

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct BinaryOp {
    pub op: String,
    /// An expression; `Expr` itself as a member adds no shape.
    pub left: Box<Expr>,
    /// An expression; `Expr` itself as a member adds no shape.
    pub right: Box<Expr>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl BinaryOp {
    /// Creates a [`BinaryOp`] from its required fields.
    #[inline]
    pub fn new(op: impl Into<String>, left: Box<Expr>, right: Box<Expr>) -> Self {
        Self {
            op: op.into(),
            left,
            right,
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(
    BinaryOp { op(required) = "op", left(required) = "left", right(required) = "right" }
);

openapi_sdk_runtime::deserialize_struct!(
    exact BinaryOp { op(required String) = "op", left(required Box < Expr >) = "left",
    right(required Box < Expr >) = "right" }
);

/// Includes `EitherRight`, which includes it back.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum EitherLeft {
    Integer(i64),
    String(String),
    /// A shape none of the variants accepts, kept as its exact JSON text so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::RawJson),
}

openapi_sdk_runtime::deserialize_union!(EitherLeft { Integer(i64), String(String) });

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Everything {
    /// A list of lists, as deep as the data goes.
    pub nested: Option<Nested>,
    /// A map whose values are maps of the same kind.
    pub map: Option<NestedMap>,
    /// A list of groves; a grove is another name for a forest.
    pub forest: Option<Forest>,
    pub grove: Option<Grove>,
    /// A list whose items are the list itself or null, through a nullable wrapper.
    pub nullable_list: Option<Option<NullableList>>,
    pub loop_d: Option<LoopD>,
    /// An expression; `Expr` itself as a member adds no shape.
    pub expr: Option<Expr>,
    /// Includes `EitherRight`, which includes it back.
    pub left: Option<EitherLeft>,
    /// Any JSON value, typed.
    pub value: Option<JsonValue>,
    pub tree: Option<Tree>,
    /// A union with a newtype member, which it must be able to decode exactly.
    pub nested_or_text: Option<NestedOrText>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl Everything {
    /// Creates a [`Everything`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            nested: None,
            map: None,
            forest: None,
            grove: None,
            nullable_list: None,
            loop_d: None,
            expr: None,
            left: None,
            value: None,
            tree: None,
            nested_or_text: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `nested`.
    #[inline]
    pub fn nested(mut self, value: Nested) -> Self {
        self.nested = Some(value);
        self
    }

    /// Sets `map`.
    #[inline]
    pub fn map(mut self, value: NestedMap) -> Self {
        self.map = Some(value);
        self
    }

    /// Sets `forest`.
    #[inline]
    pub fn forest(mut self, value: Forest) -> Self {
        self.forest = Some(value);
        self
    }

    /// Sets `grove`.
    #[inline]
    pub fn grove(mut self, value: Grove) -> Self {
        self.grove = Some(value);
        self
    }

    /// Sets `nullable_list`.
    #[inline]
    pub fn nullable_list(mut self, value: Option<NullableList>) -> Self {
        self.nullable_list = Some(value);
        self
    }

    /// Sets `loop_d`.
    #[inline]
    pub fn loop_d(mut self, value: LoopD) -> Self {
        self.loop_d = Some(value);
        self
    }

    /// Sets `expr`.
    #[inline]
    pub fn expr(mut self, value: Expr) -> Self {
        self.expr = Some(value);
        self
    }

    /// Sets `left`.
    #[inline]
    pub fn left(mut self, value: EitherLeft) -> Self {
        self.left = Some(value);
        self
    }

    /// Sets `value`.
    #[inline]
    pub fn value(mut self, value: JsonValue) -> Self {
        self.value = Some(value);
        self
    }

    /// Sets `tree`.
    #[inline]
    pub fn tree(mut self, value: Tree) -> Self {
        self.tree = Some(value);
        self
    }

    /// Sets `nested_or_text`.
    #[inline]
    pub fn nested_or_text(mut self, value: NestedOrText) -> Self {
        self.nested_or_text = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    Everything { nested(optional) = "nested", map(optional) = "map", forest(optional) =
    "forest", grove(optional) = "grove", nullable_list(nullable) = "nullable_list",
    loop_d(optional) = "loop_d", expr(optional) = "expr", left(optional) = "left",
    value(optional) = "value", tree(optional) = "tree", nested_or_text(optional) =
    "nested_or_text" }
);

openapi_sdk_runtime::deserialize_struct!(
    Everything { nested(optional Option < Nested >) = "nested", map(optional Option <
    NestedMap >) = "map", forest(optional Option < Forest >) = "forest", grove(optional
    Option < Grove >) = "grove", nullable_list(nullable Option < NullableList >) =
    "nullable_list", loop_d(optional Option < LoopD >) = "loop_d", expr(optional Option <
    Expr >) = "expr", left(optional Option < EitherLeft >) = "left", value(optional
    Option < JsonValue >) = "value", tree(optional Option < Tree >) = "tree",
    nested_or_text(optional Option < NestedOrText >) = "nested_or_text" }
);

/// An expression; `Expr` itself as a member adds no shape.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Expr {
    String(String),
    BinaryOp(Box<BinaryOp>),
    /// A shape none of the variants accepts, kept as its exact JSON text so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::RawJson),
}

openapi_sdk_runtime::deserialize_union!(
    Expr { String(String), BinaryOp(Box < BinaryOp >) }
);

/// A list of groves; a grove is another name for a forest.
///
/// A struct around the value rather than a type alias, because the value contains `Forest` itself; it is serialized as the value it wraps.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Forest(pub Vec<Grove>);

impl std::ops::Deref for Forest {
    type Target = Vec<Grove>;

    #[inline]
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Forest {
    #[inline]
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl From<Vec<Grove>> for Forest {
    #[inline]
    fn from(value: Vec<Grove>) -> Self {
        Self(value)
    }
}

impl From<Forest> for Vec<Grove> {
    #[inline]
    fn from(value: Forest) -> Self {
        value.0
    }
}

pub type Grove = Forest;

/// Any JSON value, typed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum JsonValue {
    String(String),
    Number(f64),
    Bool(bool),
    List(Vec<JsonValue>),
    Map(std::collections::BTreeMap<String, JsonValue>),
    /// A shape none of the variants accepts, kept as its exact JSON text so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::RawJson),
}

openapi_sdk_runtime::deserialize_union!(
    JsonValue { String(String), Number(f64), Bool(bool), List(Vec < JsonValue >),
    Map(std::collections::BTreeMap < String, JsonValue >) }
);

pub type LoopD = serde_json::Value;

/// A list of lists, as deep as the data goes.
///
/// A struct around the value rather than a type alias, because the value contains `Nested` itself; it is serialized as the value it wraps.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Nested(pub Vec<Nested>);

impl std::ops::Deref for Nested {
    type Target = Vec<Nested>;

    #[inline]
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for Nested {
    #[inline]
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl From<Vec<Nested>> for Nested {
    #[inline]
    fn from(value: Vec<Nested>) -> Self {
        Self(value)
    }
}

impl From<Nested> for Vec<Nested> {
    #[inline]
    fn from(value: Nested) -> Self {
        value.0
    }
}

impl openapi_sdk_runtime::serde_support::Exact for Nested {
    #[inline]
    fn is_exact(&self) -> bool {
        openapi_sdk_runtime::serde_support::Exact::is_exact(&self.0)
    }
}

/// A map whose values are maps of the same kind.
///
/// A struct around the value rather than a type alias, because the value contains `NestedMap` itself; it is serialized as the value it wraps.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct NestedMap(pub std::collections::BTreeMap<String, NestedMap>);

impl std::ops::Deref for NestedMap {
    type Target = std::collections::BTreeMap<String, NestedMap>;

    #[inline]
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for NestedMap {
    #[inline]
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl From<std::collections::BTreeMap<String, NestedMap>> for NestedMap {
    #[inline]
    fn from(value: std::collections::BTreeMap<String, NestedMap>) -> Self {
        Self(value)
    }
}

impl From<NestedMap> for std::collections::BTreeMap<String, NestedMap> {
    #[inline]
    fn from(value: NestedMap) -> Self {
        value.0
    }
}

impl openapi_sdk_runtime::serde_support::Exact for NestedMap {
    #[inline]
    fn is_exact(&self) -> bool {
        openapi_sdk_runtime::serde_support::Exact::is_exact(&self.0)
    }
}

/// A union with a newtype member, which it must be able to decode exactly.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum NestedOrText {
    Nested(Nested),
    NestedMap(NestedMap),
    String(String),
    /// A shape none of the variants accepts, kept as its exact JSON text so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::RawJson),
}

openapi_sdk_runtime::deserialize_union!(
    NestedOrText { Nested(Nested), NestedMap(NestedMap), String(String) }
);

/// A list whose items are the list itself or null, through a nullable wrapper.
///
/// A struct around the value rather than a type alias, because the value contains `NullableList` itself; it is serialized as the value it wraps.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct NullableList(pub Vec<NullableList>);

impl std::ops::Deref for NullableList {
    type Target = Vec<NullableList>;

    #[inline]
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for NullableList {
    #[inline]
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl From<Vec<NullableList>> for NullableList {
    #[inline]
    fn from(value: Vec<NullableList>) -> Self {
        Self(value)
    }
}

impl From<NullableList> for Vec<NullableList> {
    #[inline]
    fn from(value: NullableList) -> Self {
        value.0
    }
}

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Tree {
    pub label: String,
    pub parent: Option<Box<Tree>>,
    pub children: Option<Vec<Tree>>,
    pub by_name: Option<std::collections::BTreeMap<String, Tree>>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl Tree {
    /// Creates a [`Tree`] from its required fields.
    #[inline]
    pub fn new(label: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            parent: None,
            children: None,
            by_name: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `parent`.
    #[inline]
    pub fn parent(mut self, value: Box<Tree>) -> Self {
        self.parent = Some(value);
        self
    }

    /// Sets `children`.
    #[inline]
    pub fn children(mut self, value: Vec<Tree>) -> Self {
        self.children = Some(value);
        self
    }

    /// Sets `by_name`.
    #[inline]
    pub fn by_name(mut self, value: std::collections::BTreeMap<String, Tree>) -> Self {
        self.by_name = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    Tree { label(required) = "label", parent(optional) = "parent", children(optional) =
    "children", by_name(optional) = "by_name" }
);

openapi_sdk_runtime::deserialize_struct!(
    Tree { label(required String) = "label", parent(optional Option < Box < Tree > >) =
    "parent", children(optional Option < Vec < Tree > >) = "children", by_name(optional
    Option < std::collections::BTreeMap < String, Tree > >) = "by_name" }
);
