//! The generator's snapshot fixtures (`codegen/tests/snapshots/`), compiled against this runtime
//! with warnings denied (test builds only), so every construct the generator emits is known to build.

#[path = "../../codegen/tests/snapshots/names/mod.rs"]
pub mod names;
#[path = "../../codegen/tests/snapshots/operations/mod.rs"]
pub mod operations;
#[path = "../../codegen/tests/snapshots/optionality/mod.rs"]
pub mod optionality;
