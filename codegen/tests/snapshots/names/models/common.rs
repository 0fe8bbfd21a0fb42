// @generated from codegen/tests/fixtures/names.yaml by `cargo xtask generate`. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models shared by several operation groups.

/// Shadows a prelude name, so it is renamed.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Result2 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ok: Option<bool>,
}

impl Result2 {
    /// Creates a [`Result2`] from its required fields.
    pub fn new() -> Self {
        Self { ok: None }
    }

    /// Sets `ok`.
    pub fn ok(mut self, value: bool) -> Self {
        self.ok = Some(value);
        self
    }
}
