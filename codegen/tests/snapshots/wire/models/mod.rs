// @generated from wire.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Request and response models, one file per operation group.

mod issues;

pub use self::issues::*;
