// @generated from swagger2_body.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models and operations generated from the Swagger body fixture (1).

#[rustfmt::skip]
mod client;
#[rustfmt::skip]
pub mod models;
#[rustfmt::skip]
pub mod operations;

pub use self::client::*;
pub use openapi_sdk_runtime::{
    pagination, ApiError, ApiErrorKind, ApiResponse, ByteStream, ConfigError,
    DecodeError, Error, FilePart, Multipart, RateLimit, RequestOptions, RetryPolicy,
    TimeoutKind, UploadBody,
};
/// An unknown property's exact JSON text, as models keep it in `additional_properties`.
pub use openapi_sdk_runtime::serde_support::RawJson;
/// A string enum value this version does not know, as the enum's `Unknown` variant keeps it.
pub use openapi_sdk_runtime::serde_support::UnknownValue;
