// @generated from reserved.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `self_` operations.

use super::{Choice, OptionModel, ResultModel, StringModel, VecModel};

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct BoxModel {
    pub inner: Option<Box<BoxModel>>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl BoxModel {
    /// Creates a [`BoxModel`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            inner: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `inner`.
    #[inline]
    pub fn inner(mut self, value: Box<BoxModel>) -> Self {
        self.inner = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(BoxModel { inner(optional) = "inner" });

openapi_sdk_runtime::deserialize_struct!(
    BoxModel { inner(optional Option < Box < BoxModel > >) = "inner" }
);

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ClientModel {
    pub id: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl ClientModel {
    /// Creates a [`ClientModel`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            id: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `id`.
    #[inline]
    pub fn id(mut self, value: impl Into<String>) -> Self {
        self.id = Some(value.into());
        self
    }
}

openapi_sdk_runtime::serialize_struct!(ClientModel { id(optional) = "id" });

openapi_sdk_runtime::deserialize_struct!(
    ClientModel { id(optional Option < String >) = "id" }
);

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
pub struct DefaultModel(pub i64);

impl DefaultModel {
    /// `0`
    pub const V0: Self = Self(0i64);

    /// `1`
    pub const V1: Self = Self(1i64);

    /// Whether the value is one the spec documents (others are kept as they are).
    #[inline]
    pub fn is_known(self) -> bool {
        matches!(self.0, 0i64 | 1i64)
    }
}

impl openapi_sdk_runtime::ParamValue for DefaultModel {
    #[inline]
    fn write_param(&self, out: &mut String) {
        openapi_sdk_runtime::ParamValue::write_param(&self.0, out);
    }
}

pub type DisplayModel = String;

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ErrorModel {
    pub message: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl ErrorModel {
    /// Creates a [`ErrorModel`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            message: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `message`.
    #[inline]
    pub fn message(mut self, value: impl Into<String>) -> Self {
        self.message = Some(value.into());
        self
    }
}

openapi_sdk_runtime::serialize_struct!(ErrorModel { message(optional) = "message" });

openapi_sdk_runtime::deserialize_struct!(
    ErrorModel { message(optional Option < String >) = "message" }
);

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct FromModel {
    pub into: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl FromModel {
    /// Creates a [`FromModel`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            into: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `into`.
    #[inline]
    pub fn into(mut self, value: impl Into<String>) -> Self {
        self.into = Some(value.into());
        self
    }
}

openapi_sdk_runtime::serialize_struct!(FromModel { into(optional) = "into" });

openapi_sdk_runtime::deserialize_struct!(
    FromModel { into(optional Option < String >) = "into" }
);

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct IteratorModel {
    pub next: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl IteratorModel {
    /// Creates a [`IteratorModel`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            next: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `next`.
    #[inline]
    pub fn next(mut self, value: impl Into<String>) -> Self {
        self.next = Some(value.into());
        self
    }
}

openapi_sdk_runtime::serialize_struct!(IteratorModel { next(optional) = "next" });

openapi_sdk_runtime::deserialize_struct!(
    IteratorModel { next(optional Option < String >) = "next" }
);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// `Option`
    Option,
    /// `Result`
    Result,
    /// `Self`
    SelfValue,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(
    Kind { Option = "Option", Result = "Result", SelfValue = "Self" }
);

/// A schema named `Self`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct SelfModel {
    pub self_: Option<String>,
    pub self_2: Option<String>,
    pub crate_: Option<String>,
    pub super_: Option<String>,
    pub value: Option<String>,
    pub r#type: Option<String>,
    pub r#gen: Option<String>,
    pub r#async: Option<String>,
    pub r#try: Option<String>,
    pub new2: Option<String>,
    pub additional_properties2: Option<String>,
    pub none: Option<String>,
    pub option: Option<OptionModel>,
    pub result: Option<ResultModel>,
    pub vec: Option<VecModel>,
    pub string: Option<StringModel>,
    pub r#box: Option<BoxModel>,
    pub some: Option<SomeModel>,
    pub default: Option<DefaultModel>,
    pub iterator: Option<IteratorModel>,
    pub client: Option<ClientModel>,
    pub error: Option<ErrorModel>,
    pub send: Option<SendModel>,
    pub from: Option<FromModel>,
    pub display: Option<DisplayModel>,
    /// Would be named `Self` too.
    pub lower_self: Option<SelfModel2>,
    pub kind: Option<Kind>,
    /// Its member `ChoiceSelf` would give a variant named `Self`.
    pub choice: Option<Choice>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl SelfModel {
    /// Creates a [`SelfModel`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            self_: None,
            self_2: None,
            crate_: None,
            super_: None,
            value: None,
            r#type: None,
            r#gen: None,
            r#async: None,
            r#try: None,
            new2: None,
            additional_properties2: None,
            none: None,
            option: None,
            result: None,
            vec: None,
            string: None,
            r#box: None,
            some: None,
            default: None,
            iterator: None,
            client: None,
            error: None,
            send: None,
            from: None,
            display: None,
            lower_self: None,
            kind: None,
            choice: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `self`.
    #[inline]
    pub fn self_(mut self, value: impl Into<String>) -> Self {
        self.self_ = Some(value.into());
        self
    }

    /// Sets `Self`.
    #[inline]
    pub fn self_2(mut self, value: impl Into<String>) -> Self {
        self.self_2 = Some(value.into());
        self
    }

    /// Sets `crate`.
    #[inline]
    pub fn crate_(mut self, value: impl Into<String>) -> Self {
        self.crate_ = Some(value.into());
        self
    }

    /// Sets `super`.
    #[inline]
    pub fn super_(mut self, value: impl Into<String>) -> Self {
        self.super_ = Some(value.into());
        self
    }

    /// Sets `_`.
    #[inline]
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// Sets `type`.
    #[inline]
    pub fn r#type(mut self, value: impl Into<String>) -> Self {
        self.r#type = Some(value.into());
        self
    }

    /// Sets `gen`.
    #[inline]
    pub fn r#gen(mut self, value: impl Into<String>) -> Self {
        self.r#gen = Some(value.into());
        self
    }

    /// Sets `async`.
    #[inline]
    pub fn r#async(mut self, value: impl Into<String>) -> Self {
        self.r#async = Some(value.into());
        self
    }

    /// Sets `try`.
    #[inline]
    pub fn r#try(mut self, value: impl Into<String>) -> Self {
        self.r#try = Some(value.into());
        self
    }

    /// Sets `new`.
    #[inline]
    pub fn new2(mut self, value: impl Into<String>) -> Self {
        self.new2 = Some(value.into());
        self
    }

    /// Sets `additional_properties`.
    #[inline]
    pub fn additional_properties2(mut self, value: impl Into<String>) -> Self {
        self.additional_properties2 = Some(value.into());
        self
    }

    /// Sets `None`.
    #[inline]
    pub fn none(mut self, value: impl Into<String>) -> Self {
        self.none = Some(value.into());
        self
    }

    /// Sets `option`.
    #[inline]
    pub fn option(mut self, value: OptionModel) -> Self {
        self.option = Some(value);
        self
    }

    /// Sets `result`.
    #[inline]
    pub fn result(mut self, value: ResultModel) -> Self {
        self.result = Some(value);
        self
    }

    /// Sets `vec`.
    #[inline]
    pub fn vec(mut self, value: VecModel) -> Self {
        self.vec = Some(value);
        self
    }

    /// Sets `string`.
    #[inline]
    pub fn string(mut self, value: StringModel) -> Self {
        self.string = Some(value);
        self
    }

    /// Sets `box`.
    #[inline]
    pub fn r#box(mut self, value: BoxModel) -> Self {
        self.r#box = Some(value);
        self
    }

    /// Sets `some`.
    #[inline]
    pub fn some(mut self, value: SomeModel) -> Self {
        self.some = Some(value);
        self
    }

    /// Sets `default`.
    #[inline]
    pub fn default(mut self, value: DefaultModel) -> Self {
        self.default = Some(value);
        self
    }

    /// Sets `iterator`.
    #[inline]
    pub fn iterator(mut self, value: IteratorModel) -> Self {
        self.iterator = Some(value);
        self
    }

    /// Sets `client`.
    #[inline]
    pub fn client(mut self, value: ClientModel) -> Self {
        self.client = Some(value);
        self
    }

    /// Sets `error`.
    #[inline]
    pub fn error(mut self, value: ErrorModel) -> Self {
        self.error = Some(value);
        self
    }

    /// Sets `send`.
    #[inline]
    pub fn send(mut self, value: SendModel) -> Self {
        self.send = Some(value);
        self
    }

    /// Sets `from`.
    #[inline]
    pub fn from(mut self, value: FromModel) -> Self {
        self.from = Some(value);
        self
    }

    /// Sets `display`.
    #[inline]
    pub fn display(mut self, value: DisplayModel) -> Self {
        self.display = Some(value);
        self
    }

    /// Sets `lower_self`.
    #[inline]
    pub fn lower_self(mut self, value: SelfModel2) -> Self {
        self.lower_self = Some(value);
        self
    }

    /// Sets `kind`.
    #[inline]
    pub fn kind(mut self, value: Kind) -> Self {
        self.kind = Some(value);
        self
    }

    /// Sets `choice`.
    #[inline]
    pub fn choice(mut self, value: Choice) -> Self {
        self.choice = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(
    SelfModel { self_(optional) = "self", self_2(optional) = "Self", crate_(optional) =
    "crate", super_(optional) = "super", value(optional) = "_", r#type(optional) =
    "type", r#gen(optional) = "gen", r#async(optional) = "async", r#try(optional) =
    "try", new2(optional) = "new", additional_properties2(optional) =
    "additional_properties", none(optional) = "None", option(optional) = "option",
    result(optional) = "result", vec(optional) = "vec", string(optional) = "string",
    r#box(optional) = "box", some(optional) = "some", default(optional) = "default",
    iterator(optional) = "iterator", client(optional) = "client", error(optional) =
    "error", send(optional) = "send", from(optional) = "from", display(optional) =
    "display", lower_self(optional) = "lower_self", kind(optional) = "kind",
    choice(optional) = "choice" }
);

openapi_sdk_runtime::deserialize_struct!(
    SelfModel { self_(optional Option < String >) = "self", self_2(optional Option <
    String >) = "Self", crate_(optional Option < String >) = "crate", super_(optional
    Option < String >) = "super", value(optional Option < String >) = "_",
    r#type(optional Option < String >) = "type", r#gen(optional Option < String >) =
    "gen", r#async(optional Option < String >) = "async", r#try(optional Option < String
    >) = "try", new2(optional Option < String >) = "new", additional_properties2(optional
    Option < String >) = "additional_properties", none(optional Option < String >) =
    "None", option(optional Option < OptionModel >) = "option", result(optional Option <
    ResultModel >) = "result", vec(optional Option < VecModel >) = "vec", string(optional
    Option < StringModel >) = "string", r#box(optional Option < BoxModel >) = "box",
    some(optional Option < SomeModel >) = "some", default(optional Option < DefaultModel
    >) = "default", iterator(optional Option < IteratorModel >) = "iterator",
    client(optional Option < ClientModel >) = "client", error(optional Option <
    ErrorModel >) = "error", send(optional Option < SendModel >) = "send", from(optional
    Option < FromModel >) = "from", display(optional Option < DisplayModel >) =
    "display", lower_self(optional Option < SelfModel2 >) = "lower_self", kind(optional
    Option < Kind >) = "kind", choice(optional Option < Choice >) = "choice" }
);

/// Would be named `Self` too.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct SelfModel2 {
    pub id: Option<String>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl SelfModel2 {
    /// Creates a [`SelfModel2`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            id: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `id`.
    #[inline]
    pub fn id(mut self, value: impl Into<String>) -> Self {
        self.id = Some(value.into());
        self
    }
}

openapi_sdk_runtime::serialize_struct!(SelfModel2 { id(optional) = "id" });

openapi_sdk_runtime::deserialize_struct!(
    SelfModel2 { id(optional Option < String >) = "id" }
);

#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct SendModel {
    pub sync: Option<bool>,
    /// Properties this version of the SDK does not know, kept as their exact JSON text so they are written back unchanged.
    pub additional_properties: openapi_sdk_runtime::serde_support::AdditionalProperties,
}

impl SendModel {
    /// Creates a [`SendModel`] from its required fields.
    #[inline]
    pub fn new() -> Self {
        Self {
            sync: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `sync`.
    #[inline]
    pub fn sync(mut self, value: bool) -> Self {
        self.sync = Some(value);
        self
    }
}

openapi_sdk_runtime::serialize_struct!(SendModel { sync(optional) = "sync" });

openapi_sdk_runtime::deserialize_struct!(
    SendModel { sync(optional Option < bool >) = "sync" }
);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SomeModel {
    /// `Self`
    SelfValue,
    /// `self`
    SelfValue2,
    /// `Unknown`
    Unknown2,
    /// `unknown`
    Unknown3,
    /// `None`
    None,
    /// `Some`
    Some,
    /// `type`
    Type,
    /// `_`
    Underscore,
    /// `crate`
    Crate,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(
    SomeModel { SelfValue = "Self", SelfValue2 = "self", Unknown2 = "Unknown", Unknown3 =
    "unknown", None = "None", Some = "Some", Type = "type", Underscore = "_", Crate =
    "crate" }
);
