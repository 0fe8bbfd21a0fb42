// @generated from wire.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Request builders, one file per API tag.

mod issues;

pub use self::issues::*;
