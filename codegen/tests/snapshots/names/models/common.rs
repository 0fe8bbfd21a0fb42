// @generated from codegen/tests/fixtures/names.yaml by `cargo xtask generate`. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models shared by several operation groups.

/// Shadows a prelude name, so it is renamed.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
#[non_exhaustive]
pub struct Result2 {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ok: Option<bool>,
    /// Properties this version of the SDK does not know, kept so they are written back unchanged.
    #[serde(flatten)]
    pub additional_properties: std::collections::BTreeMap<String, serde_json::Value>,
}

impl Result2 {
    /// Creates a [`Result2`] from its required fields.
    pub fn new() -> Self {
        Self {
            ok: None,
            additional_properties: Default::default(),
        }
    }

    /// Sets `ok`.
    pub fn ok(mut self, value: bool) -> Self {
        self.ok = Some(value);
        self
    }
}
crate::__deserialize_struct!(Result2 { ok(optional) = "ok" });
