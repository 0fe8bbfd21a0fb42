// @generated from names.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Request builders, one file per API tag.

mod default2;
mod full2;
mod names;
mod untagged;
mod untagged2;

pub use self::default2::*;
pub use self::full2::*;
pub use self::names::*;
pub use self::untagged::*;
pub use self::untagged2::*;
