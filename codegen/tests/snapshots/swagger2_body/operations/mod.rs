// @generated from swagger2_body.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Request builders, one file per API tag.

mod notes;

pub use self::notes::*;
