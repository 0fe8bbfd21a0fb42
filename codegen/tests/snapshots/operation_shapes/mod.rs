// @generated from codegen/tests/fixtures/operation_shapes.yaml by `cargo xtask generate`. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models and operations generated from the Operations fixture (1).

pub mod models;
pub mod operations;
