//! Items for generated code only: not part of the public API, and free to change.

pub use crate::request::{encode_path_segment, Method, Operation, ParamValue, Request};
pub use crate::options::RequestOptions;
pub use crate::response::ApiResponse;
pub use crate::serde_support::{deserialize_str_enum, double_option, Exact, Key};
pub use serde;
pub use serde_json;

/// Sends a request through the client's single runtime path.
pub async fn execute(client: &crate::Client, request: Request) -> Result<crate::response::RawResponse, crate::Error> {
    crate::client::execute(client, request).await
}
