//! Items for generated code only: not part of the public API, and free to change.

pub use crate::request::{encode_path_segment, Method, Operation, ParamValue, Request};
pub use crate::options::RequestOptions;
pub use crate::response::ApiResponse;
pub use crate::body::Multipart;
pub use crate::serde_support::{deserialize_str_enum, double_option, Exact, Key};
pub use serde;
pub use serde_json;

/// Sends a request through the client's single runtime path. Generated crates pass their own
/// client type, a handle on this crate's [`Client`](crate::Client).
pub async fn execute<C: AsRef<crate::Client>>(client: &C, request: Request) -> Result<crate::response::RawResponse, crate::Error> {
    crate::client::execute(client.as_ref(), request).await
}

impl AsRef<crate::Client> for crate::Client {
    fn as_ref(&self) -> &crate::Client {
        self
    }
}
