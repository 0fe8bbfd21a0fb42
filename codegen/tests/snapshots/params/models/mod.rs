// @generated from params.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Request and response models, one file per operation group.

mod bodies;
mod common;
mod params;

pub use self::bodies::*;
pub use self::common::*;
pub use self::params::*;
