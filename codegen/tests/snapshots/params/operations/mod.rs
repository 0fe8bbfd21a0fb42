// @generated from params.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Request builders, one file per API tag.

mod bodies;
mod params;
mod pet_store;
mod pet_store2;
mod untagged;

pub use self::bodies::*;
pub use self::params::*;
pub use self::pet_store::*;
pub use self::pet_store2::*;
pub use self::untagged::*;
