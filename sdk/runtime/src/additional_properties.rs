//! [`AdditionalProperties`]: the properties a model's schema does not list, kept as their exact
//! JSON text.

use crate::serde_support::RawJson;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::{Deref, DerefMut};

/// The properties a model received but its schema does not list, by name, each kept as its exact
/// JSON text so it is written back unchanged.
///
/// It reads and writes like the `BTreeMap<String, RawJson>` it dereferences to (`get`, `insert`,
/// `contains_key`, `iter`, `len`, indexing by name), and is one pointer in size: almost every
/// object has none, and keeping the map behind a box that exists only when it holds something
/// makes every model smaller, so decoding moves less memory.
///
/// ```
/// use openapi_sdk_runtime::serde_support::{AdditionalProperties, RawJson};
/// use serde_json::json;
///
/// let mut extra = AdditionalProperties::new();
/// assert!(extra.is_empty());
/// assert_eq!(std::mem::size_of::<AdditionalProperties>(), std::mem::size_of::<usize>());
///
/// extra.insert("region".to_owned(), RawJson::from(json!("us1")));
/// assert_eq!(extra["region"], json!("us1"));
/// assert_eq!(extra.len(), 1);
/// for (name, value) in &extra {
///     assert_eq!((name.as_str(), value.get()), ("region", "\"us1\""));
/// }
/// ```
#[derive(Clone, Default)]
// The box is the point: an empty `BTreeMap` is three words inline; this is one.
#[allow(clippy::box_collection)]
pub struct AdditionalProperties(Option<Box<BTreeMap<String, RawJson>>>);

/// What an `AdditionalProperties` without a map reads as.
static EMPTY: BTreeMap<String, RawJson> = BTreeMap::new();

impl AdditionalProperties {
    /// No properties (allocates nothing).
    #[inline]
    pub const fn new() -> Self {
        AdditionalProperties(None)
    }

    /// The properties as a map of their own.
    #[inline]
    pub fn into_map(self) -> BTreeMap<String, RawJson> {
        self.0.map(|map| *map).unwrap_or_default()
    }
}

impl Deref for AdditionalProperties {
    type Target = BTreeMap<String, RawJson>;

    #[inline]
    fn deref(&self) -> &Self::Target {
        match &self.0 {
            Some(map) => map,
            None => &EMPTY,
        }
    }
}

impl DerefMut for AdditionalProperties {
    #[inline]
    fn deref_mut(&mut self) -> &mut Self::Target {
        self.0.get_or_insert_with(Box::default)
    }
}

impl From<BTreeMap<String, RawJson>> for AdditionalProperties {
    /// Keeps `map` (an empty one allocates nothing).
    #[inline]
    fn from(map: BTreeMap<String, RawJson>) -> Self {
        if map.is_empty() {
            AdditionalProperties(None)
        } else {
            AdditionalProperties(Some(Box::new(map)))
        }
    }
}

impl From<AdditionalProperties> for BTreeMap<String, RawJson> {
    fn from(properties: AdditionalProperties) -> Self {
        properties.into_map()
    }
}

impl FromIterator<(String, RawJson)> for AdditionalProperties {
    fn from_iter<I: IntoIterator<Item = (String, RawJson)>>(iter: I) -> Self {
        AdditionalProperties::from(iter.into_iter().collect::<BTreeMap<_, _>>())
    }
}

impl Extend<(String, RawJson)> for AdditionalProperties {
    fn extend<I: IntoIterator<Item = (String, RawJson)>>(&mut self, iter: I) {
        let mut iter = iter.into_iter().peekable();
        if iter.peek().is_some() {
            self.deref_mut().extend(iter);
        }
    }
}

impl<'a> IntoIterator for &'a AdditionalProperties {
    type Item = (&'a String, &'a RawJson);
    type IntoIter = std::collections::btree_map::Iter<'a, String, RawJson>;

    #[inline]
    fn into_iter(self) -> Self::IntoIter {
        self.deref().iter()
    }
}

impl IntoIterator for AdditionalProperties {
    type Item = (String, RawJson);
    type IntoIter = std::collections::btree_map::IntoIter<String, RawJson>;

    fn into_iter(self) -> Self::IntoIter {
        self.into_map().into_iter()
    }
}

impl PartialEq for AdditionalProperties {
    /// The same properties with equal values (no map and an empty map are equal).
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl fmt::Debug for AdditionalProperties {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn one(name: &str, value: serde_json::Value) -> AdditionalProperties {
        std::iter::once((name.to_owned(), RawJson::from(value))).collect()
    }

    #[test]
    fn empty_allocates_nothing_and_equals_an_empty_map() {
        let none = AdditionalProperties::new();
        let emptied = AdditionalProperties::from(BTreeMap::new());
        assert!(none.0.is_none() && emptied.0.is_none());
        let mut grown = one("a", json!(1));
        grown.remove("a");
        assert!(grown.0.is_some() && grown.is_empty());
        assert_eq!(none, grown);
        assert_eq!(format!("{none:?}"), "{}");
        let mut extended = AdditionalProperties::new();
        extended.extend(std::iter::empty());
        assert!(extended.0.is_none());
    }

    #[test]
    fn reads_and_writes_like_a_map() {
        let mut extra = one("b", json!({"x": [1, 2]}));
        extra.insert("a".to_owned(), RawJson::from(json!("s")));
        assert_eq!(extra.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(extra["b"], json!({"x": [1, 2]}));
        assert_ne!(extra, one("b", json!({"x": [1, 2]})));
        let map: BTreeMap<String, RawJson> = extra.clone().into();
        assert_eq!(AdditionalProperties::from(map), extra);
        let names: Vec<String> = extra.into_iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["a", "b"]);
    }
}
