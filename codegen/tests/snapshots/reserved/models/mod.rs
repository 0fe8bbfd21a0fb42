// @generated from reserved.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Request and response models, one file per operation group.

mod common;
mod self_;

pub use self::common::*;
pub use self::self_::*;
