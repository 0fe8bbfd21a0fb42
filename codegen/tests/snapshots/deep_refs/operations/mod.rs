// @generated from deep_refs.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Request builders, one file per API tag.

mod clicks;
mod completions;

pub use self::clicks::*;
pub use self::completions::*;
