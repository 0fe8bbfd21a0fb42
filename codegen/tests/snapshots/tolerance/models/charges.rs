// @generated from tolerance.yaml by openapi-sdk-gen. Do not edit by hand:
// change the spec or the generator, then regenerate.

//! Models used by the `charges` operations.

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ListChargesLevel {
    /// `1`
    V1,
    /// `2`
    V2,
    /// `high`
    High,
    /// A value this version of the SDK does not know, kept verbatim so it round-trips.
    Unknown(openapi_sdk_runtime::serde_support::UnknownValue),
}

openapi_sdk_runtime::string_enum!(
    ListChargesLevel { V1 = "1", V2 = "2", High = "high" }
);

impl openapi_sdk_runtime::ParamValue for ListChargesLevel {
    #[inline]
    fn write_param(&self, out: &mut String) {
        out.push_str(self.as_str());
    }
}
