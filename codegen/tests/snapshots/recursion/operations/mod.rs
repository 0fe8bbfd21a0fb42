// @generated from recursion.yaml by `cargo xtask generate`. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Request builders, one file per API tag.

mod recursion;

pub use self::recursion::*;
