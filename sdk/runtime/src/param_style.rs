//! Parameter styles: how a value that is not a plain scalar (an array, an object, a map, a union,
//! any JSON) becomes query pairs, a path segment, a header or cookies, as OpenAPI 3.0's `style`
//! and `explode` say (its "Style Values" and "Style Examples" tables, after RFC 6570).
//!
//! The value is serialized with serde and walked: objects give their properties as key/value pairs
//! in the order they were serialized, arrays give their items, scalars their text (a string as it
//! is, a number or boolean as JSON writes it). A value nested inside an item or a property (an
//! object inside an array, say) has no spelling in any style but `deepObject`, so it is sent as its
//! JSON text. `null` (and an empty array or object) is an undefined value, which sends nothing.
//!
//! With `color` set to `"blue"`, `["blue", "black", "brown"]` or `{"R": 100, "G": 200, "B": 150}`:
//!
//! | style | explode | string | array | object |
//! |---|---|---|---|---|
//! | query `form` | true | `color=blue` | `color=blue&color=black&color=brown` | `R=100&G=200&B=150` |
//! | query `form` | false | `color=blue` | `color=blue,black,brown` | `color=R,100,G,200,B,150` |
//! | query `spaceDelimited` | false | `color=blue` | `color=blue%20black%20brown` | `color=R%20100%20G%20200%20B%20150` |
//! | query `pipeDelimited` | false | `color=blue` | `color=blue\|black\|brown` | `color=R\|100\|G\|200\|B\|150` |
//! | query `deepObject` | any | `color=blue` | `color=blue&color=black&color=brown` | `color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150` |
//! | path `simple` | false | `blue` | `blue,black,brown` | `R,100,G,200,B,150` |
//! | path `simple` | true | `blue` | `blue,black,brown` | `R=100,G=200,B=150` |
//! | path `label` | false | `.blue` | `.blue,black,brown` | `.R,100,G,200,B,150` |
//! | path `label` | true | `.blue` | `.blue.black.brown` | `.R=100.G=200.B=150` |
//! | path `matrix` | false | `;color=blue` | `;color=blue,black,brown` | `;color=R,100,G,200,B,150` |
//! | path `matrix` | true | `;color=blue` | `;color=blue;color=black;color=brown` | `;R=100;G=200;B=150` |
//! | header `simple` | false | `blue` | `blue,black,brown` | `R,100,G,200,B,150` |
//! | header `simple` | true | `blue` | `blue,black,brown` | `R=100,G=200,B=150` |
//! | cookie `form` | true | `color=blue` | `color=blue; color=black; color=brown` | `R=100; G=200; B=150` |
//! | cookie `form` | false | `color=blue` | `color=blue,black,brown` | `color=R,100,G,200,B,150` |
//!
//! Notes on the choices the tables leave open:
//!
//! - Names and values are percent-encoded except for RFC 3986's unreserved characters, in the
//!   query, the path and cookies (not in headers, which are sent as they are and must be visible
//!   ASCII). The style's own delimiters stay literal, so a `,` inside a value (`%2C`) never reads as
//!   a delimiter. `deepObject`'s brackets are part of the name, and percent-encoded like the
//!   brackets of any name (`page%5Bsize%5D`); servers decode both spellings alike.
//! - `label` without explode separates with commas, as RFC 6570 (which the style is defined by)
//!   says; the 3.0 example table shows dots there, which would make it identical to explode.
//! - `pipeDelimited` joins with a literal `|` (the 3.0.3 table), which every HTTP stack accepts in a
//!   query and keeps apart from an encoded `|` inside a value.
//! - `spaceDelimited` and `pipeDelimited` are defined without explode; exploded, they repeat the
//!   name like `form`. `deepObject` is defined for objects, with any explode: nested objects nest
//!   the brackets (`filter%5Ba%5D%5Bb%5D=1`), an array repeats its key, and a scalar or an array at
//!   the top is sent like exploded `form`.
//! - Cookie pairs are joined with `; `, as in a `Cookie` header.
//!
//! `deepObject` on an array (Stripe's `expand`, say) is not defined by OpenAPI, and servers read
//! it in different ways, so [`Request::query_deep_object`](crate::Request::query_deep_object)
//! takes the form as a [`DeepArrays`]: with `color` set to `["blue", "black"]`,
//!
//! | form | array | array in an object (`{"c": ["blue", "black"]}`) |
//! |---|---|---|
//! | `Indexed` | `color%5B0%5D=blue&color%5B1%5D=black` | `color%5Bc%5D%5B0%5D=blue&color%5Bc%5D%5B1%5D=black` |
//! | `Brackets` | `color%5B%5D=blue&color%5B%5D=black` | `color%5Bc%5D%5B%5D=blue&color%5Bc%5D%5B%5D=black` |
//! | `Repeated` | `color=blue&color=black` | `color%5Bc%5D=blue&color%5Bc%5D=black` |
//!
//! `Repeated` is what [`QueryStyle::DeepObject`] does. With `Indexed`, an object or array inside
//! an array nests further (`color%5B0%5D%5Bk%5D=v`); with the other forms, whose keys would not
//! say which item a property belongs to, it is sent as its JSON text. An index is the item's
//! position in the array, counting the `null`s that send nothing.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
use std::fmt;

/// How a query parameter (or a property of an `application/x-www-form-urlencoded` body) is
/// serialized: OpenAPI's `style` for `in: query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum QueryStyle {
    /// `form` (the default): `name=a&name=b` exploded, `name=a,b` not.
    Form,
    /// `spaceDelimited`: `name=a%20b`.
    SpaceDelimited,
    /// `pipeDelimited`: `name=a|b`.
    PipeDelimited,
    /// `deepObject`: `name[key]=value`, nested.
    DeepObject,
}

/// How a `deepObject` query parameter writes arrays, which OpenAPI leaves undefined, at the top of
/// the value and inside its objects (`name[k][0]=a` when indexed). With `Indexed`, an object or
/// array inside an array nests further (`name[0][k]=v`); with the other forms, whose keys would
/// not say which item a property belongs to, it is sent as its JSON text. Names and brackets are
/// percent-encoded (`name%5B0%5D=a`), like every `deepObject` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DeepArrays {
    /// `name[0]=a&name[1]=b`: each item under its index.
    Indexed,
    /// `name[]=a&name[]=b`: each item under empty brackets.
    Brackets,
    /// `name=a&name=b`: each item under the array's own key, as [`QueryStyle::DeepObject`] does.
    Repeated,
}

/// How a path parameter is serialized: OpenAPI's `style` for `in: path`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PathStyle {
    /// `simple` (the default): `a,b`.
    Simple,
    /// `label`: `.a,b`, or `.a.b` exploded.
    Label,
    /// `matrix`: `;name=a,b`, or `;name=a;name=b` exploded.
    Matrix,
}

/// A serialized parameter value, with object properties in the order they were serialized.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// `null`: undefined, sends nothing.
    Null,
    /// A boolean or a number, as its text.
    Literal(String),
    /// A string.
    Str(String),
    /// An array.
    List(Vec<Node>),
    /// An object.
    Object(Vec<(String, Node)>),
}

impl Node {
    /// Serializes `value` (through JSON, which keeps the order of a struct's fields).
    pub(crate) fn of<T: Serialize + ?Sized>(value: &T) -> Result<Node, String> {
        let json = serde_json::to_vec(value).map_err(|e| e.to_string())?;
        serde_json::from_slice(&json).map_err(|e| e.to_string())
    }

    /// The text of a scalar; the JSON text of an array or object; `None` for `null`.
    pub(crate) fn text(&self) -> Option<String> {
        match self {
            Node::Null => None,
            Node::Literal(s) | Node::Str(s) => Some(s.clone()),
            Node::List(_) | Node::Object(_) => {
                let mut out = String::new();
                self.write_json(&mut out);
                Some(out)
            }
        }
    }

    fn write_json(&self, out: &mut String) {
        match self {
            Node::Null => out.push_str("null"),
            Node::Literal(s) => out.push_str(s),
            Node::Str(s) => out.push_str(&serde_json::to_string(s).unwrap_or_default()),
            Node::List(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                out.push(']');
            }
            Node::Object(pairs) => {
                out.push('{');
                for (i, (key, value)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(key).unwrap_or_default());
                    out.push(':');
                    value.write_json(out);
                }
                out.push('}');
            }
        }
    }

    /// The texts of an array's items (nested values as JSON, `null`s left out).
    fn item_texts(items: &[Node]) -> Vec<String> {
        items.iter().filter_map(Node::text).collect()
    }

    /// The key/value texts of an object's properties (nested values as JSON, `null`s left out).
    fn pair_texts(pairs: &[(String, Node)]) -> Vec<(&str, String)> {
        pairs
            .iter()
            .filter_map(|(k, v)| Some((k.as_str(), v.text()?)))
            .collect()
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Literal(v.to_string()))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Literal(v.to_string()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Literal(v.to_string()))
    }

    /// Floats are written as Rust displays them (`100`, `0.5`), like scalar parameters.
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Literal(v.to_string()))
    }

    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut pairs = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Node>()? {
            pairs.push((key, value));
        }
        Ok(Node::Object(pairs))
    }
}

impl fmt::Display for QueryStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            QueryStyle::Form => "form",
            QueryStyle::SpaceDelimited => "spaceDelimited",
            QueryStyle::PipeDelimited => "pipeDelimited",
            QueryStyle::DeepObject => "deepObject",
        })
    }
}

impl fmt::Display for PathStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PathStyle::Simple => "simple",
            PathStyle::Label => "label",
            PathStyle::Matrix => "matrix",
        })
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub(crate) fn encode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, crate::request::UNRESERVED).to_string()
}

/// The query pairs of one parameter, each already percent-encoded (`name=a,b`).
pub(crate) fn query_pairs(
    name: &str,
    value: &Node,
    style: QueryStyle,
    explode: bool,
) -> Vec<String> {
    let mut out = Vec::new();
    let name_enc = encode(name);
    let pair = |key: &str, value: &str| format!("{key}={value}");
    let delimiter = match (style, explode) {
        (QueryStyle::Form, false) => Some(","),
        (QueryStyle::SpaceDelimited, false) => Some("%20"),
        (QueryStyle::PipeDelimited, false) => Some("|"),
        _ => None,
    };
    match value {
        Node::Null => {}
        Node::Literal(s) | Node::Str(s) => out.push(pair(&name_enc, &encode(s))),
        Node::Object(_) if style == QueryStyle::DeepObject => {
            deep_pairs(&name_enc, value, DeepArrays::Repeated, &mut out);
        }
        Node::List(items) => {
            let texts = Node::item_texts(items);
            if texts.is_empty() {
                return out;
            }
            match delimiter {
                Some(d) => {
                    let joined: Vec<String> = texts.iter().map(|t| encode(t)).collect();
                    out.push(pair(&name_enc, &joined.join(d)));
                }
                None => out.extend(texts.iter().map(|t| pair(&name_enc, &encode(t)))),
            }
        }
        Node::Object(pairs) => {
            let texts = Node::pair_texts(pairs);
            if texts.is_empty() {
                return out;
            }
            match delimiter {
                Some(d) => {
                    let joined: Vec<String> = texts
                        .iter()
                        .flat_map(|(k, v)| [encode(k), encode(v)])
                        .collect();
                    out.push(pair(&name_enc, &joined.join(d)));
                }
                None => out.extend(texts.iter().map(|(k, v)| pair(&encode(k), &encode(v)))),
            }
        }
    }
    out
}

/// The query pairs of a `deepObject` parameter whose arrays are written in the given form, each
/// already percent-encoded.
pub(crate) fn deep_object_pairs(name: &str, value: &Node, arrays: DeepArrays) -> Vec<String> {
    let mut out = Vec::new();
    deep_pairs(&encode(name), value, arrays, &mut out);
    out
}

/// `prefix=value` for a scalar, `prefix[key]…` for each property of an object (nesting), and for
/// each item of an array the key its form gives. `prefix` is already percent-encoded.
fn deep_pairs(prefix: &str, value: &Node, arrays: DeepArrays, out: &mut Vec<String>) {
    match value {
        Node::Null => {}
        Node::Literal(s) | Node::Str(s) => out.push(format!("{prefix}={}", encode(s))),
        Node::Object(pairs) => {
            for (key, value) in pairs {
                deep_pairs(
                    &format!("{prefix}%5B{}%5D", encode(key)),
                    value,
                    arrays,
                    out,
                );
            }
        }
        Node::List(items) => {
            for (i, item) in items.iter().enumerate() {
                match arrays {
                    DeepArrays::Indexed => {
                        deep_pairs(&format!("{prefix}%5B{i}%5D"), item, arrays, out);
                    }
                    DeepArrays::Brackets | DeepArrays::Repeated => {
                        let key = if arrays == DeepArrays::Brackets {
                            format!("{prefix}%5B%5D")
                        } else {
                            prefix.to_owned()
                        };
                        if let Some(text) = item.text() {
                            out.push(format!("{key}={}", encode(&text)));
                        }
                    }
                }
            }
        }
    }
}

/// One path parameter's text, percent-encoded except for the style's delimiters.
pub(crate) fn path_text(name: &str, value: &Node, style: PathStyle, explode: bool) -> String {
    let (prefix, separator) = match (style, explode) {
        (PathStyle::Simple, _) => ("", ","),
        (PathStyle::Label, false) => (".", ","),
        (PathStyle::Label, true) => (".", "."),
        (PathStyle::Matrix, false) => (";", ","),
        (PathStyle::Matrix, true) => (";", ";"),
    };
    let name_enc = encode(name);
    let matrix = style == PathStyle::Matrix;
    match value {
        Node::Null => String::new(),
        Node::Literal(s) | Node::Str(s) => match (matrix, s.is_empty()) {
            (true, true) => format!(";{name_enc}"),
            (true, false) => format!(";{name_enc}={}", encode(s)),
            (false, _) => format!("{prefix}{}", encode(s)),
        },
        Node::List(items) => {
            let texts = Node::item_texts(items);
            if texts.is_empty() {
                return String::new();
            }
            let parts: Vec<String> = texts
                .iter()
                .map(|t| match (matrix, explode) {
                    (true, true) => format!("{name_enc}={}", encode(t)),
                    _ => encode(t),
                })
                .collect();
            match (matrix, explode) {
                (true, false) => format!(";{name_enc}={}", parts.join(separator)),
                _ => format!("{prefix}{}", parts.join(separator)),
            }
        }
        Node::Object(pairs) => {
            let texts = Node::pair_texts(pairs);
            if texts.is_empty() {
                return String::new();
            }
            let parts: Vec<String> = if explode {
                texts
                    .iter()
                    .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                    .collect()
            } else {
                texts
                    .iter()
                    .flat_map(|(k, v)| [encode(k), encode(v)])
                    .collect()
            };
            let joined = parts.join(if explode { separator } else { "," });
            match (matrix, explode) {
                (true, false) => format!(";{name_enc}={joined}"),
                _ => format!("{prefix}{joined}"),
            }
        }
    }
}

/// A header parameter's value (`simple` style, not percent-encoded); `None` when undefined.
pub(crate) fn header_text(value: &Node, explode: bool) -> Option<String> {
    match value {
        Node::Null => None,
        Node::Literal(s) | Node::Str(s) => Some(s.clone()),
        Node::List(items) => {
            let texts = Node::item_texts(items);
            (!texts.is_empty()).then(|| texts.join(","))
        }
        Node::Object(pairs) => {
            let texts = Node::pair_texts(pairs);
            let parts: Vec<String> = if explode {
                texts.iter().map(|(k, v)| format!("{k}={v}")).collect()
            } else {
                texts
                    .iter()
                    .flat_map(|(k, v)| [(*k).to_owned(), v.clone()])
                    .collect()
            };
            (!parts.is_empty()).then(|| parts.join(","))
        }
    }
}

/// A cookie parameter's `name=value` pairs (`form` style), percent-encoded.
pub(crate) fn cookie_pairs(name: &str, value: &Node, explode: bool) -> Vec<String> {
    // `form`'s pairs, each of which is a cookie.
    query_pairs(name, value, QueryStyle::Form, explode)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::BTreeMap;

    fn node(value: serde_json::Value) -> Node {
        Node::of(&value).unwrap()
    }

    /// The OpenAPI example values: `"blue"`, `["blue","black","brown"]`, `{"R":100,"G":200,"B":150}`
    /// (a struct, so the properties keep their order).
    fn values() -> [Node; 3] {
        #[derive(Serialize)]
        #[allow(non_snake_case)]
        struct Color {
            R: i64,
            G: i64,
            B: i64,
        }
        [
            node(json!("blue")),
            node(json!(["blue", "black", "brown"])),
            Node::of(&Color {
                R: 100,
                G: 200,
                B: 150,
            })
            .unwrap(),
        ]
    }

    fn query(style: QueryStyle, explode: bool) -> Vec<String> {
        values()
            .iter()
            .map(|v| query_pairs("color", v, style, explode).join("&"))
            .collect()
    }

    #[test]
    fn query_styles_follow_the_style_examples() {
        use QueryStyle::*;
        assert_eq!(
            query(Form, true),
            [
                "color=blue",
                "color=blue&color=black&color=brown",
                "R=100&G=200&B=150"
            ]
        );
        assert_eq!(
            query(Form, false),
            [
                "color=blue",
                "color=blue,black,brown",
                "color=R,100,G,200,B,150"
            ]
        );
        assert_eq!(
            query(SpaceDelimited, false)[1..],
            [
                "color=blue%20black%20brown",
                "color=R%20100%20G%20200%20B%20150"
            ]
        );
        assert_eq!(
            query(PipeDelimited, false)[1..],
            ["color=blue|black|brown", "color=R|100|G|200|B|150"]
        );
        assert_eq!(
            query(DeepObject, true)[2],
            "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"
        );
        // deepObject ignores explode (specs often leave it at its `false` default).
        assert_eq!(query(DeepObject, false), query(DeepObject, true));
        // Exploded delimited styles repeat the name, like form.
        assert_eq!(query(PipeDelimited, true), query(Form, true));
    }

    #[test]
    fn query_empty_and_null_values() {
        assert_eq!(
            query_pairs("color", &node(json!("")), QueryStyle::Form, true),
            ["color="]
        );
        for empty in [
            json!(null),
            json!([]),
            json!({}),
            json!([null]),
            json!({"a": null}),
        ] {
            for style in [QueryStyle::Form, QueryStyle::DeepObject] {
                assert!(query_pairs("c", &node(empty.clone()), style, false).is_empty());
            }
        }
    }

    #[test]
    fn query_values_are_percent_encoded_and_nested_values_are_json() {
        assert_eq!(
            query_pairs("a b", &node(json!(["x,y", "&="])), QueryStyle::Form, false),
            ["a%20b=x%2Cy,%26%3D"]
        );
        assert_eq!(
            query_pairs(
                "f",
                // (`json!` objects sort their keys.)
                &node(json!({"o": {"k": [1, "v"]}, "n": 1.5, "t": true})),
                QueryStyle::Form,
                true
            ),
            ["n=1.5", "o=%7B%22k%22%3A%5B1%2C%22v%22%5D%7D", "t=true"]
        );
    }

    #[test]
    fn deep_objects_nest_and_repeat_array_keys() {
        let value = node(json!({"a": {"b": {"c": 1}, "d": "x y"}, "tags": ["p", "q"], "z": null}));
        assert_eq!(
            query_pairs("filter", &value, QueryStyle::DeepObject, true),
            [
                "filter%5Ba%5D%5Bb%5D%5Bc%5D=1",
                "filter%5Ba%5D%5Bd%5D=x%20y",
                "filter%5Btags%5D=p",
                "filter%5Btags%5D=q"
            ]
        );
    }

    #[test]
    fn deep_object_arrays_take_their_form() {
        let deep =
            |value: serde_json::Value, arrays| deep_object_pairs("expand", &node(value), arrays);
        let list = json!(["customer", "a b&c"]);
        assert_eq!(
            deep(list.clone(), DeepArrays::Indexed),
            ["expand%5B0%5D=customer", "expand%5B1%5D=a%20b%26c"]
        );
        assert_eq!(
            deep(list.clone(), DeepArrays::Brackets),
            ["expand%5B%5D=customer", "expand%5B%5D=a%20b%26c"]
        );
        assert_eq!(
            deep(list.clone(), DeepArrays::Repeated),
            ["expand=customer", "expand=a%20b%26c"]
        );
        // `Repeated` is the plain deepObject style, for arrays and objects alike.
        let object = json!({"a": {"b": [1, 2]}, "t": ["p", "q"]});
        for value in [list, object.clone()] {
            assert_eq!(
                deep(value.clone(), DeepArrays::Repeated),
                query_pairs("expand", &node(value), QueryStyle::DeepObject, false)
            );
        }
        // The form applies to arrays inside objects too; names are percent-encoded.
        assert_eq!(
            deep_object_pairs("f[x]", &node(object), DeepArrays::Indexed),
            [
                "f%5Bx%5D%5Ba%5D%5Bb%5D%5B0%5D=1",
                "f%5Bx%5D%5Ba%5D%5Bb%5D%5B1%5D=2",
                "f%5Bx%5D%5Bt%5D%5B0%5D=p",
                "f%5Bx%5D%5Bt%5D%5B1%5D=q"
            ]
        );
        // Indexed nests objects inside arrays; the others send them as JSON. An index counts the
        // `null`s that send nothing.
        let items = json!([{"k": "v"}, null, "s"]);
        assert_eq!(
            deep(items.clone(), DeepArrays::Indexed),
            ["expand%5B0%5D%5Bk%5D=v", "expand%5B2%5D=s"]
        );
        assert_eq!(
            deep(items, DeepArrays::Brackets),
            ["expand%5B%5D=%7B%22k%22%3A%22v%22%7D", "expand%5B%5D=s"]
        );
        // Scalars are `name=value`; empty and undefined values send nothing.
        assert_eq!(deep(json!(7), DeepArrays::Indexed), ["expand=7"]);
        for empty in [json!(null), json!([]), json!({}), json!([null])] {
            assert!(deep(empty, DeepArrays::Indexed).is_empty());
        }
    }

    fn path(style: PathStyle, explode: bool) -> Vec<String> {
        values()
            .iter()
            .map(|v| path_text("color", v, style, explode))
            .collect()
    }

    #[test]
    fn path_styles_follow_the_style_examples() {
        use PathStyle::*;
        assert_eq!(
            path(Simple, false),
            ["blue", "blue,black,brown", "R,100,G,200,B,150"]
        );
        assert_eq!(
            path(Simple, true),
            ["blue", "blue,black,brown", "R=100,G=200,B=150"]
        );
        assert_eq!(
            path(Label, false),
            [".blue", ".blue,black,brown", ".R,100,G,200,B,150"]
        );
        assert_eq!(
            path(Label, true),
            [".blue", ".blue.black.brown", ".R=100.G=200.B=150"]
        );
        assert_eq!(
            path(Matrix, false),
            [
                ";color=blue",
                ";color=blue,black,brown",
                ";color=R,100,G,200,B,150"
            ]
        );
        assert_eq!(
            path(Matrix, true),
            [
                ";color=blue",
                ";color=blue;color=black;color=brown",
                ";R=100;G=200;B=150"
            ]
        );
        // The "empty" column: an empty string.
        let empty = node(json!(""));
        assert_eq!(path_text("color", &empty, Matrix, false), ";color");
        assert_eq!(path_text("color", &empty, Label, false), ".");
        assert_eq!(path_text("color", &empty, Simple, false), "");
    }

    #[test]
    fn path_values_cannot_change_the_path() {
        let value = node(json!(["../a", "b/c?d#e", "x;y=z.w"]));
        assert_eq!(
            path_text("p", &value, PathStyle::Matrix, true),
            ";p=..%2Fa;p=b%2Fc%3Fd%23e;p=x%3By%3Dz.w"
        );
    }

    #[test]
    fn headers_and_cookies() {
        let [string, array, object] = values();
        assert_eq!(header_text(&string, false).as_deref(), Some("blue"));
        assert_eq!(
            header_text(&array, true).as_deref(),
            Some("blue,black,brown")
        );
        assert_eq!(
            header_text(&object, false).as_deref(),
            Some("R,100,G,200,B,150")
        );
        assert_eq!(
            header_text(&object, true).as_deref(),
            Some("R=100,G=200,B=150")
        );
        assert_eq!(header_text(&node(json!(null)), true), None);
        assert_eq!(
            cookie_pairs("color", &array, true),
            ["color=blue", "color=black", "color=brown"]
        );
        assert_eq!(
            cookie_pairs("color", &object, false),
            ["color=R,100,G,200,B,150"]
        );
        assert_eq!(
            cookie_pairs("c", &node(json!("a;b c")), true),
            ["c=a%3Bb%20c"]
        );
    }

    #[test]
    fn maps_and_floats() {
        let mut map = BTreeMap::new();
        map.insert("b", 2.0f64);
        map.insert("a", 0.5f64);
        assert_eq!(
            query_pairs("m", &Node::of(&map).unwrap(), QueryStyle::Form, false),
            ["m=a,0.5,b,2"]
        );
        assert_eq!(
            Node::of(&json!({"a": [1, "x\"y"]}))
                .unwrap()
                .text()
                .as_deref(),
            Some(r#"{"a":[1,"x\"y"]}"#)
        );
    }
}
