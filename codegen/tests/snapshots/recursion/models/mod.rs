// @generated from recursion.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Request and response models, one file per operation group.

mod recursion;

pub use self::recursion::*;
