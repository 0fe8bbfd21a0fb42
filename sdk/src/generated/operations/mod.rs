// @generated from datadog-connections.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Request builders, one file per API tag.

mod org_connections;
mod team_connections;

pub use self::org_connections::*;
pub use self::team_connections::*;
