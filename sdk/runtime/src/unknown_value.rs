//! [`UnknownValue`]: the payload of a string enum's `Unknown` variant.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

/// A string enum value this version of the SDK does not know, kept verbatim so that it is written
/// back unchanged.
///
/// Every generated string enum ends in `Unknown(UnknownValue)`. The text is boxed, so the value is
/// one pointer: an enum that can hold one is 8 bytes (one known value) or 16 (several) instead of
/// the 24 of a `String` payload, and the models that hold such enums (often several) stay small,
/// which is what decoding spends its time moving. Unknown values are rare, so the extra
/// allocation is paid only when one arrives.
///
/// It reads like a `&str` (`as_str`, `Deref`, comparison with strings, `Display`), and its `Debug`
/// is the string's, so `Unknown("apm_traces")` prints as it reads.
///
/// ```
/// use openapi_sdk_runtime::serde_support::UnknownValue;
///
/// let value = UnknownValue::from("apm_traces");
/// assert_eq!(value.as_str(), "apm_traces");
/// assert_eq!(value, "apm_traces");
/// assert!(value.starts_with("apm")); // any `str` method
/// assert_eq!(format!("{value:?}"), r#""apm_traces""#);
/// assert_eq!(std::mem::size_of::<UnknownValue>(), std::mem::size_of::<usize>());
/// assert_eq!(value.into_string(), "apm_traces");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
// The box is the point: a `String` is three words inline; this is one.
#[allow(clippy::box_collection)]
pub struct UnknownValue(Box<String>);

impl UnknownValue {
    /// The value as received.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value as an owned string.
    #[inline]
    pub fn into_string(self) -> String {
        *self.0
    }
}

impl Deref for UnknownValue {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for UnknownValue {
    #[inline]
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for UnknownValue {
    #[inline]
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for UnknownValue {
    #[inline]
    fn from(value: &str) -> Self {
        UnknownValue(Box::new(value.to_owned()))
    }
}

impl From<String> for UnknownValue {
    #[inline]
    fn from(value: String) -> Self {
        UnknownValue(Box::new(value))
    }
}

impl From<UnknownValue> for String {
    #[inline]
    fn from(value: UnknownValue) -> Self {
        value.into_string()
    }
}

impl PartialEq<str> for UnknownValue {
    #[inline]
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for UnknownValue {
    #[inline]
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for UnknownValue {
    #[inline]
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl fmt::Debug for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::UnknownValue;
    use std::collections::HashSet;

    #[test]
    fn an_enum_holding_one_is_smaller_than_with_a_string() {
        #[allow(dead_code)]
        enum One {
            Logs,
            Unknown(UnknownValue),
        }
        #[allow(dead_code)]
        enum Several {
            Logs,
            Metrics,
            Audit,
            Unknown(UnknownValue),
        }
        #[allow(dead_code)]
        enum WithString {
            Logs,
            Unknown(String),
        }
        assert_eq!(std::mem::size_of::<One>(), 8);
        assert_eq!(std::mem::size_of::<Several>(), 16);
        assert_eq!(std::mem::size_of::<Option<Several>>(), 16);
        assert_eq!(std::mem::size_of::<WithString>(), 24);
    }

    #[test]
    fn it_compares_hashes_and_prints_as_its_text() {
        let a = UnknownValue::from("audit_trail".to_owned());
        assert_eq!(a, UnknownValue::from("audit_trail"));
        assert_eq!(a, "audit_trail".to_owned());
        assert_ne!(a, "audit");
        assert_eq!(a.to_string(), "audit_trail");
        assert_eq!(format!("{:?}", UnknownValue::from("a\"b")), r#""a\"b""#);
        let set: HashSet<UnknownValue> = [a.clone()].into_iter().collect();
        assert!(set.contains("audit_trail"));
        let mut sorted = vec![UnknownValue::from("b"), a.clone()];
        sorted.sort();
        assert_eq!(sorted, [a.clone(), UnknownValue::from("b")]);
        assert_eq!(String::from(a), "audit_trail");
    }
}
