// @generated from auth_servers.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Request builders, one file per API tag.

mod auth;
mod servers;

pub use self::auth::*;
pub use self::servers::*;
