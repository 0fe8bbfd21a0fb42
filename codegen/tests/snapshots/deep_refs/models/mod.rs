// @generated from deep_refs.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Request and response models, one file per operation group.

mod clicks;
mod completions;

pub use self::clicks::*;
pub use self::completions::*;
