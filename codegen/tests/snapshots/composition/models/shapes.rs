// @generated from composition.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `shapes` operations.

/// A named circle (allOf of Named and its own fields).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Circle {
    pub name: String,
    pub kind: CircleKind,
    pub radius: f64,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl Circle {
    /// Creates a [`Circle`] from its required fields.
    #[inline]
    pub fn new(name: impl Into<String>, radius: f64) -> Self {
        Self {
            name: name.into(),
            kind: CircleKind::Circle,
            radius,
            additional_properties: Default::default(),
        }
    }

    /// Sets `kind`.
    #[inline]
    pub fn kind(mut self, value: CircleKind) -> Self {
        self.kind = value;
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    Circle { name(required) = "name", kind(required) = "kind", radius(required) =
    "radius" }
);

openapi_sdk_runtime::deserialize_struct!(
    exact Circle { name(required String) = "name", kind(required CircleKind) = "kind",
    radius(required f64) = "radius" }
);

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum CircleKind {
    /// `circle`
    #[default]
    Circle,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(CircleKind { Circle = "circle" });

impl openapi_sdk_runtime::serde_support::Exact for CircleKind {
    #[inline]
    fn is_exact(&self) -> bool {
        !matches!(self, Self::Unknown(_))
    }
}

/// A reading (its extra figures kept exactly), or a note; no discriminator.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Measurement {
    Reading(Reading),
    String(String),
    /// A shape none of the variants accepts, kept as its exact JSON text so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::RawJson),
}

openapi_sdk_runtime::deserialize_union!(
    Measurement { Reading(Reading), String(String) }
);

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Named {
    pub name: String,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl Named {
    /// Creates a [`Named`] from its required fields.
    #[inline]
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            additional_properties: Default::default(),
        }
    }
}

openapi_sdk_runtime::serialize_struct!(Named { name(required) = "name" });

openapi_sdk_runtime::deserialize_struct!(exact Named { name(required String) = "name" });

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize
)]
#[serde(transparent)]
pub struct Priority(pub i32);

impl Priority {
    /// `1`
    pub const V1: Self = Self(1i32);

    /// `2`
    pub const V2: Self = Self(2i32);

    /// `3`
    pub const V3: Self = Self(3i32);

    /// `-1`
    pub const MINUS_1: Self = Self(-1i32);

    /// Whether the value is one the spec documents (others are kept as they are).
    #[inline]
    pub fn is_known(self) -> bool {
        matches!(self.0, 1i32 | 2i32 | 3i32 | - 1i32)
    }
}

impl openapi_sdk_runtime::ParamValue for Priority {
    #[inline]
    fn write_param(&self, out: &mut String) {
        openapi_sdk_runtime::ParamValue::write_param(&self.0, out);
    }
}

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Reading {
    pub unit: String,
    pub scale: Option<f64>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl Reading {
    /// Creates a [`Reading`] from its required fields.
    #[inline]
    pub fn new(unit: impl Into<String>) -> Self {
        Self {
            unit: unit.into(),
            scale: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `scale`.
    #[inline]
    pub fn scale(mut self, value: f64) -> Self {
        self.scale = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    Reading { unit(required) = "unit", scale(optional) = "scale" }
);

openapi_sdk_runtime::deserialize_struct!(
    exact Reading { unit(required String) = "unit", scale(optional Option < f64 >) =
    "scale" }
);

/// No discriminator; the first exact match wins.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ScalarOrList {
    String(String),
    List(Vec<i64>),
    Named(Named),
    /// A shape none of the variants accepts, kept as its exact JSON text so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::RawJson),
}

openapi_sdk_runtime::deserialize_union!(
    ScalarOrList { String(String), List(Vec < i64 >), Named(Named) }
);

/// Selected by `kind`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Shape {
    Circle(Circle),
    Square(Square),
    /// A shape none of the variants accepts, kept as its exact JSON text so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::RawJson),
}

openapi_sdk_runtime::deserialize_union!(
    Shape { Circle(Circle), Square(Square) } tag "kind" { "circle" => Circle, "square" =>
    Square }
);

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ShapeList {
    pub data: Vec<Shape>,
    pub by_name: Option<std::collections::BTreeMap<String, Shape>>,
    pub tree: Option<TreeNode>,
    /// No discriminator; the first exact match wins.
    pub value: Option<ScalarOrList>,
    /// A reading (its extra figures kept exactly), or a note; no discriminator.
    pub measurement: Option<Measurement>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl ShapeList {
    /// Creates a [`ShapeList`] from its required fields.
    #[inline]
    pub fn new(data: Vec<Shape>) -> Self {
        Self {
            data,
            by_name: None,
            tree: None,
            value: None,
            measurement: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `by_name`.
    #[inline]
    pub fn by_name(mut self, value: std::collections::BTreeMap<String, Shape>) -> Self {
        self.by_name = Some(value);
        self
    }

    /// Sets `tree`.
    #[inline]
    pub fn tree(mut self, value: TreeNode) -> Self {
        self.tree = Some(value);
        self
    }

    /// Sets `value`.
    #[inline]
    pub fn value(mut self, value: ScalarOrList) -> Self {
        self.value = Some(value);
        self
    }

    /// Sets `measurement`.
    #[inline]
    pub fn measurement(mut self, value: Measurement) -> Self {
        self.measurement = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    ShapeList { data(required) = "data", by_name(optional) = "by_name", tree(optional) =
    "tree", value(optional) = "value", measurement(optional) = "measurement" }
);

openapi_sdk_runtime::deserialize_struct!(
    ShapeList { data(required Vec < Shape >) = "data", by_name(optional Option <
    std::collections::BTreeMap < String, Shape > >) = "by_name", tree(optional Option <
    TreeNode >) = "tree", value(optional Option < ScalarOrList >) = "value",
    measurement(optional Option < Measurement >) = "measurement" }
);

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Square {
    pub name: String,
    pub kind: SquareKind,
    pub side: f64,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl Square {
    /// Creates a [`Square`] from its required fields.
    #[inline]
    pub fn new(name: impl Into<String>, side: f64) -> Self {
        Self {
            name: name.into(),
            kind: SquareKind::Square,
            side,
            additional_properties: Default::default(),
        }
    }

    /// Sets `kind`.
    #[inline]
    pub fn kind(mut self, value: SquareKind) -> Self {
        self.kind = value;
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    Square { name(required) = "name", kind(required) = "kind", side(required) = "side" }
);

openapi_sdk_runtime::deserialize_struct!(
    exact Square { name(required String) = "name", kind(required SquareKind) = "kind",
    side(required f64) = "side" }
);

#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum SquareKind {
    /// `square`
    #[default]
    Square,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(SquareKind { Square = "square" });

impl openapi_sdk_runtime::serde_support::Exact for SquareKind {
    #[inline]
    fn is_exact(&self) -> bool {
        !matches!(self, Self::Unknown(_))
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct TreeNode {
    pub label: Option<String>,
    pub parent: Option<Box<TreeNode>>,
    pub children: Option<Vec<TreeNode>>,
    pub either: Option<Box<TreeOrLeaf>>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl TreeNode {
    /// Creates a [`TreeNode`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            label: None,
            parent: None,
            children: None,
            either: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `label`.
    #[inline]
    pub fn label(mut self, value: impl Into<String>) -> Self {
        self.label = Some(value.into());
        self
    }

    /// Sets `parent`.
    #[inline]
    pub fn parent(mut self, value: Box<TreeNode>) -> Self {
        self.parent = Some(value);
        self
    }

    /// Sets `children`.
    #[inline]
    pub fn children(mut self, value: Vec<TreeNode>) -> Self {
        self.children = Some(value);
        self
    }

    /// Sets `either`.
    #[inline]
    pub fn either(mut self, value: Box<TreeOrLeaf>) -> Self {
        self.either = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    TreeNode { label(optional) = "label", parent(optional) = "parent", children(optional)
    = "children", either(optional) = "either" }
);

openapi_sdk_runtime::deserialize_struct!(
    exact TreeNode { label(optional Option < String >) = "label", parent(optional Option
    < Box < TreeNode > >) = "parent", children(optional Option < Vec < TreeNode > >) =
    "children", either(optional Option < Box < TreeOrLeaf > >) = "either" }
);

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum TreeOrLeaf {
    TreeNode(Box<TreeNode>),
    String(String),
    /// A shape none of the variants accepts, kept as its exact JSON text so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::RawJson),
}

openapi_sdk_runtime::deserialize_union!(
    TreeOrLeaf { TreeNode(Box < TreeNode >), String(String) }
);
