//! A Petstore client generated at build time: `build.rs` runs
//! `openapi_sdk_codegen::build::Builder` on `spec/petstore.yaml`, and the one file it writes to
//! `OUT_DIR` is included here, so the generated client, models and operations are this crate's.

include!(concat!(env!("OUT_DIR"), "/petstore.rs"));
