// @generated from reserved.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Request builders, one file per API tag.

mod core_;
mod crate_;
mod self_;
mod serde_;
mod serde_json_;
mod std_;
mod type_;

pub use self::core_::*;
pub use self::crate_::*;
pub use self::self_::*;
pub use self::serde_::*;
pub use self::serde_json_::*;
pub use self::std_::*;
pub use self::type_::*;
