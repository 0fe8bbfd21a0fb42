//! Text → JSON value: JSON through serde_json, anything else through the YAML parser.
//!
//! Both decode straight into a [`Json`] value through [`Strict`], which turns mapping keys
//! into strings (YAML's `200:` is the key `"200"`) and refuses a key seen twice in one mapping,
//! as a YAML mapping would. Syntax errors keep the parser's line and column.
//!
//! Before either parser runs, one linear pass ([`check_depth`]) refuses a document nested deeper
//! than [`MAX_DEPTH`] collections, with a pointer to where the limit was crossed. The parsers are
//! not linear in depth: YAML's scanner walks its stack of possible simple keys, one per open
//! collection, at every token, so a document nested 100,000 deep took minutes; serde_json and the
//! YAML deserializer stop at 128 levels, but only after the whole text has been scanned.

use super::json::{Json, Map};
use crate::error::{Error, Pointer};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;
use std::fmt;

/// The deepest nesting a document may have: collections (JSON objects and arrays, YAML mappings
/// and sequences) inside one another, the root counted.
///
/// Real specs need far less: Datadog's full v2 document nests 17 deep, and an inline schema nested
/// forty properties deep is about 90. The parsers' own limit is 128 (serde_json and the YAML
/// deserializer both stop there), so the only documents refused that parsed before are those
/// nested between 101 and 127 deep; the margin keeps the parsers' own, pointerless error from
/// ever being the one reported.
pub(crate) const MAX_DEPTH: usize = 100;

/// Parses the text of a document. Text that starts like a JSON object (`{` then `"` or `}`) is
/// JSON, and only JSON: its syntax errors are reported as JSON errors (escapes such as surrogate
/// pairs follow JSON's rules). Anything else is YAML, a flow mapping such as `{openapi: 3.0.3}`
/// included.
pub(super) fn parse(text: &str) -> Result<Json, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if looks_like_json(text) {
        check_depth(text, Syntax::Json)?;
        parse_json(text)
    } else {
        check_depth(text, Syntax::Yaml)?;
        parse_yaml(text)
    }
}

/// Whether the text opens a JSON object: `{`, then a quoted key or the closing brace.
fn looks_like_json(text: &str) -> bool {
    let mut rest = text.trim_start().bytes();
    rest.next() == Some(b'{')
        && rest
            .find(|b| !b.is_ascii_whitespace())
            .is_none_or(|b| b == b'"' || b == b'}')
}

fn parse_json(text: &str) -> Result<Json, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    Strict::deserialize(&mut de)
        .and_then(|Strict(value)| de.end().map(|()| value))
        .map_err(|e| Error::Parse {
            pointer: String::new(),
            location: (e.line() > 0).then(|| (e.line(), e.column())),
            message: e.to_string(),
        })
}

fn parse_yaml(text: &str) -> Result<Json, Error> {
    serde_yaml::from_str::<Strict>(text)
        .map(|Strict(value)| value)
        .map_err(|e| Error::Parse {
            pointer: String::new(),
            location: e.location().map(|l| (l.line(), l.column())),
            message: e.to_string(),
        })
}

/// Which grammar [`check_depth`] follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Json,
    Yaml,
}

/// Refuses text nested deeper than [`MAX_DEPTH`], in one pass over its bytes, before a parser sees
/// it. It follows the structure without parsing values: JSON's (and YAML flow collections')
/// brackets outside strings, and YAML's block collections by indentation (`- ` entries and
/// `key:` lines; block scalars, comments and quoted text skipped). The error names the line and
/// column of the collection one level too deep and, as a pointer, where it is (keys and indices
/// as far as the pass can tell them). What it cannot see, such as YAML aliases, the parsers'
/// own limit of 128 still catches. Returns the deepest nesting it saw.
fn check_depth(text: &str, syntax: Syntax) -> Result<usize, Error> {
    let mut scan = DepthScan {
        text: text.as_bytes(),
        pos: 0,
        syntax,
        block: Vec::new(),
        flow: Vec::new(),
        scalar: None,
        deepest: 0,
    };
    match syntax {
        Syntax::Json => scan.flow_run(),
        Syntax::Yaml => scan.yaml(),
    }
    .map(|()| scan.deepest)
    .map_err(|at| depth_error(text, &at))
}

/// Where the limit was crossed: the byte offset and the path to the collection there.
struct Crossing {
    offset: usize,
    pointer: Pointer,
}

fn depth_error(text: &str, at: &Crossing) -> Error {
    let before = text.get(..at.offset).unwrap_or(text);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before
        .get(line_start..)
        .map_or(1, |l| l.chars().count() + 1);
    Error::Parse {
        pointer: at.pointer.as_str().to_owned(),
        location: Some((line, column)),
        message: format!(
            "the document is nested more than {MAX_DEPTH} levels deep (objects and arrays, \
             mappings and sequences, inside one another), the most this generator reads"
        ),
    }
}

/// A collection open at the point the scan has reached.
#[derive(Debug, Clone, Copy)]
struct Open {
    /// The column of a block collection's entries (unused for flow collections).
    column: usize,
    kind: OpenKind,
    /// Where in the collection the scan is: the current key or index.
    at: Segment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpenKind {
    Sequence,
    Mapping,
}

/// A position inside a collection, kept as byte ranges so that nothing is copied unless an error
/// needs it.
#[derive(Debug, Clone, Copy)]
enum Segment {
    Index(usize),
    /// A key: its text is `text[start..end]`, quoted (`"…"` or `'…'`) or plain.
    Key {
        start: usize,
        end: usize,
    },
    /// A flow mapping before its first key.
    Unknown,
}

struct DepthScan<'a> {
    text: &'a [u8],
    pos: usize,
    syntax: Syntax,
    /// YAML block collections, outermost first.
    block: Vec<Open>,
    /// Flow collections (JSON's, or YAML's inside the block ones), outermost first.
    flow: Vec<Open>,
    /// The last scalar the flow scan passed, which a `:` makes a key.
    scalar: Option<(usize, usize)>,
    /// The deepest nesting seen so far.
    deepest: usize,
}

impl DepthScan<'_> {
    fn byte(&self, at: usize) -> Option<u8> {
        self.text.get(at).copied()
    }

    /// Whether the byte at `at` ends a token: whitespace, a line break or the end of the text.
    fn is_break(&self, at: usize) -> bool {
        self.byte(at)
            .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    }

    /// Where the scan is: the path through every open collection.
    fn pointer(&self) -> Pointer {
        let mut pointer = Pointer::root();
        for open in self.block.iter().chain(&self.flow) {
            pointer = match open.at {
                Segment::Index(index) => pointer.push(index.to_string()),
                Segment::Key { start, end } => pointer.push(self.key_text(start, end)),
                Segment::Unknown => pointer.push(""),
            };
        }
        pointer
    }

    /// A key's text, its quotes removed (JSON escapes decoded where they are valid).
    fn key_text(&self, start: usize, end: usize) -> String {
        let raw = self.text.get(start..end).unwrap_or_default();
        let raw = String::from_utf8_lossy(raw);
        match raw.as_bytes().first() {
            Some(b'"') => serde_json::from_str::<String>(&raw)
                .unwrap_or_else(|_| raw.trim_matches('"').to_owned()),
            Some(b'\'') => raw.trim_matches('\'').replace("''", "'"),
            _ => raw.trim().to_owned(),
        }
    }

    /// Opens a collection, refusing it when it is one too many.
    fn open(&mut self, open: Open, flow: bool) -> Result<(), Crossing> {
        if self.block.len() + self.flow.len() >= MAX_DEPTH {
            return Err(Crossing {
                offset: self.pos,
                pointer: self.pointer(),
            });
        }
        if flow {
            self.flow.push(open);
        } else {
            self.block.push(open);
        }
        self.deepest = self.deepest.max(self.block.len() + self.flow.len());
        Ok(())
    }

    /// Skips a quoted scalar starting at `self.pos` (which may span lines); returns its range,
    /// quotes included.
    fn quoted(&mut self) -> (usize, usize) {
        let start = self.pos;
        let quote = self.byte(start);
        let mut at = start + 1;
        while let Some(b) = self.byte(at) {
            if quote == Some(b'"') && b == b'\\' {
                at += 2;
                continue;
            }
            if Some(b) == quote {
                // `''` inside single quotes is an escaped quote.
                if b == b'\'' && self.byte(at + 1) == Some(b'\'') {
                    at += 2;
                    continue;
                }
                at += 1;
                break;
            }
            at += 1;
        }
        self.pos = at.min(self.text.len());
        (start, self.pos)
    }

    /// Skips to the start of the next line.
    fn next_line(&mut self) {
        self.pos = match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        {
            Some(at) => self.pos + at + 1,
            None => self.text.len(),
        };
    }

    fn skip_blanks(&mut self) {
        while matches!(self.byte(self.pos), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// Scans flow collections from `self.pos`. For JSON, the whole text; for YAML, until the
    /// flow collection that starts here closes.
    fn flow_run(&mut self) -> Result<(), Crossing> {
        let json = self.syntax == Syntax::Json;
        while let Some(b) = self.byte(self.pos) {
            match b {
                b'[' | b'{' => {
                    let (kind, at) = if b == b'[' {
                        (OpenKind::Sequence, Segment::Index(0))
                    } else {
                        (OpenKind::Mapping, Segment::Unknown)
                    };
                    self.open(
                        Open {
                            column: 0,
                            kind,
                            at,
                        },
                        true,
                    )?;
                    self.scalar = None;
                    self.pos += 1;
                }
                b']' | b'}' => {
                    self.flow.pop();
                    self.scalar = None;
                    self.pos += 1;
                    if self.flow.is_empty() && !json {
                        return Ok(());
                    }
                }
                b',' => {
                    if let Some(top) = self.flow.last_mut() {
                        top.at = match top.at {
                            Segment::Index(index) => Segment::Index(index.saturating_add(1)),
                            _ => Segment::Unknown,
                        };
                    }
                    self.scalar = None;
                    self.pos += 1;
                }
                b':' => {
                    if let (Some(top), Some((start, end))) = (self.flow.last_mut(), self.scalar) {
                        if top.kind == OpenKind::Mapping {
                            top.at = Segment::Key { start, end };
                        }
                    }
                    self.scalar = None;
                    self.pos += 1;
                }
                b'"' => self.scalar = Some(self.quoted()),
                b'\'' if !json => self.scalar = Some(self.quoted()),
                b'#' if !json && (self.pos == 0 || self.is_break(self.pos - 1)) => self.next_line(),
                b' ' | b'\t' | b'\r' | b'\n' => self.pos += 1,
                _ => self.scalar = Some(self.flow_plain()),
            }
        }
        Ok(())
    }

    /// Skips a plain scalar in a flow collection (or a JSON number or literal).
    fn flow_plain(&mut self) -> (usize, usize) {
        let start = self.pos;
        while let Some(b) = self.byte(self.pos) {
            let ends = match b {
                b',' | b'[' | b']' | b'{' | b'}' | b'\n' | b'\r' => true,
                b':' => {
                    self.pos > start && {
                        let next = self.byte(self.pos + 1);
                        self.is_break(self.pos + 1)
                            || matches!(next, Some(b',' | b'[' | b']' | b'{' | b'}'))
                    }
                }
                b'#' => {
                    self.syntax == Syntax::Yaml && self.pos > start && self.is_break(self.pos - 1)
                }
                _ => false,
            };
            if ends {
                break;
            }
            self.pos += 1;
        }
        // A lone `:` or other indicator: step over it so the scan always advances.
        if self.pos == start {
            self.pos += 1;
        }
        (start, self.pos)
    }

    /// Scans a YAML document line by line.
    fn yaml(&mut self) -> Result<(), Crossing> {
        // The column a block scalar's parent is at: its lines are those indented further.
        let mut block_scalar: Option<usize> = None;
        while self.pos < self.text.len() {
            let line_start = self.pos;
            self.skip_spaces_only();
            let indent = self.pos - line_start;
            let first = self.byte(self.pos);
            let blank = matches!(first, None | Some(b'\n' | b'\r'));
            if let Some(parent) = block_scalar {
                if blank || indent > parent {
                    self.next_line();
                    continue;
                }
                block_scalar = None;
            }
            if blank || first == Some(b'#') || first == Some(b'\t') {
                self.next_line();
                continue;
            }
            if indent == 0 && (self.starts_marker(b"---") || self.starts_marker(b"...")) {
                self.block.clear();
                self.next_line();
                continue;
            }
            if indent == 0 && first == Some(b'%') {
                self.next_line();
                continue;
            }
            block_scalar = self.yaml_line(line_start)?;
        }
        Ok(())
    }

    fn skip_spaces_only(&mut self) {
        while self.byte(self.pos) == Some(b' ') {
            self.pos += 1;
        }
    }

    /// Whether a document marker (`---`, `...`) starts at `self.pos`.
    fn starts_marker(&self, marker: &[u8]) -> bool {
        self.text
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(marker))
            && self.is_break(self.pos + marker.len())
    }

    /// Scans one line's content (the scan is at its first non-space byte) and moves to the next
    /// line. Returns the parent column of a block scalar that starts on it.
    fn yaml_line(&mut self, line_start: usize) -> Result<Option<usize>, Crossing> {
        // `- ` entries, possibly several on one line (`- - x`), and explicit `? ` / `: ` markers.
        loop {
            match self.byte(self.pos) {
                Some(b'-') if self.is_break(self.pos + 1) => {
                    self.push_block(self.pos - line_start, OpenKind::Sequence, None)?;
                    self.pos += 1;
                    self.skip_blanks();
                }
                Some(b'?' | b':') if self.is_break(self.pos + 1) => {
                    self.pos += 1;
                    self.skip_blanks();
                }
                _ => break,
            }
        }
        let column = self.pos - line_start;
        self.skip_properties();
        match self.byte(self.pos) {
            Some(b'[' | b'{') => {
                self.flow_run()?;
                self.next_line();
                Ok(None)
            }
            Some(b'|' | b'>') => {
                let parent = self.block.last().map(|open| open.column);
                self.next_line();
                Ok(parent)
            }
            Some(b'"' | b'\'') => {
                let (start, end) = self.quoted();
                self.skip_blanks();
                if self.byte(self.pos) == Some(b':') && self.is_break(self.pos + 1) {
                    self.push_block(column, OpenKind::Mapping, Some((start, end)))?;
                    self.pos += 1;
                    return self.yaml_value();
                }
                self.next_line();
                Ok(None)
            }
            None | Some(b'#' | b'\n' | b'\r' | b'*') => {
                self.next_line();
                Ok(None)
            }
            Some(_) => match self.plain_key_end() {
                Some(colon) => {
                    let start = self.pos;
                    self.push_block(column, OpenKind::Mapping, Some((start, colon)))?;
                    self.pos = colon + 1;
                    self.yaml_value()
                }
                None => {
                    self.next_line();
                    Ok(None)
                }
            },
        }
    }

    /// Skips node properties: anchors (`&a`) and tags (`!t`).
    fn skip_properties(&mut self) {
        while matches!(self.byte(self.pos), Some(b'&' | b'!')) {
            while !self.is_break(self.pos) {
                self.pos += 1;
            }
            self.skip_blanks();
        }
    }

    /// Where a plain key starting at `self.pos` ends: the `:` followed by a blank or the line's
    /// end, before any comment; `None` for a plain scalar that is not a key.
    fn plain_key_end(&self) -> Option<usize> {
        let mut at = self.pos;
        while let Some(b) = self.byte(at) {
            match b {
                b'\n' | b'\r' => return None,
                b'#' if at > self.pos && self.is_break(at - 1) => return None,
                b':' if self.is_break(at + 1) => return Some(at),
                _ => at += 1,
            }
        }
        None
    }

    /// Scans what follows a block key's `:` on its line, then moves to the next line.
    fn yaml_value(&mut self) -> Result<Option<usize>, Crossing> {
        self.skip_blanks();
        self.skip_properties();
        match self.byte(self.pos) {
            Some(b'[' | b'{') => {
                self.flow_run()?;
                self.next_line();
                Ok(None)
            }
            Some(b'|' | b'>') => {
                let parent = self.block.last().map(|open| open.column);
                self.next_line();
                Ok(parent)
            }
            Some(b'"' | b'\'') => {
                self.quoted();
                self.next_line();
                Ok(None)
            }
            _ => {
                self.next_line();
                Ok(None)
            }
        }
    }

    /// A block entry at `column`: a `- ` item, or a key (its range). Entries further right are
    /// closed; one at the same column is a sibling, except a sequence at its parent key's column
    /// (`key:` then `- item` under it), which YAML allows.
    fn push_block(
        &mut self,
        column: usize,
        kind: OpenKind,
        key: Option<(usize, usize)>,
    ) -> Result<(), Crossing> {
        let mut index = 0;
        while let Some(top) = self.block.last() {
            if top.column < column {
                break;
            }
            if top.column == column {
                match (top.kind, kind) {
                    (OpenKind::Mapping, OpenKind::Sequence) => break,
                    (OpenKind::Sequence, OpenKind::Sequence) => {
                        if let Segment::Index(previous) = top.at {
                            index = previous.saturating_add(1);
                        }
                    }
                    _ => {}
                }
            }
            self.block.pop();
        }
        let at = match key {
            Some((start, end)) => Segment::Key { start, end },
            None => Segment::Index(index),
        };
        self.open(Open { column, kind, at }, false)
    }
}

/// A value decoded from any self-describing format, with string keys and no duplicate keys.
struct Strict(Json);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON-compatible value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }

    /// Infinities and NaN (YAML's `.inf`, `.nan`) have no JSON form: they become `null`, as they
    /// would in any `serde_json::Value`.
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Number::from_f64(v).map_or(Json::Null, Json::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        Strict::deserialize(deserializer).map(|Strict(v)| v)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut object = Map::new();
        while let Some(Key(key)) = map.next_key()? {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format_args!(
                    "duplicate entry with key {key:?}"
                )));
            }
            let Strict(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Json::Object(object))
    }

    /// A YAML tag (`!Thing value`) is dropped: the value is what counts.
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Json, A::Error> {
        use de::VariantAccess;
        let (de::IgnoredAny, variant) = data.variant()?;
        variant.newtype_variant::<Strict>().map(|Strict(v)| v)
    }
}

/// A mapping key as a string: YAML keys that are numbers, booleans or null are written as JSON
/// would quote them (`200`, `true`, `null`).
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KeyVisitor).map(Key)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, number or boolean mapping key")
    }

    fn visit_bool<E>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_i64<E>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_f64<E>(self, v: f64) -> Result<String, E> {
        Ok(Number::from_f64(v).map_or_else(|| v.to_string(), |n| n.to_string()))
    }

    fn visit_str<E>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_unit<E>(self) -> Result<String, E> {
        Ok("null".to_owned())
    }

    fn visit_none<E>(self) -> Result<String, E> {
        Ok("null".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_surrogate_pairs_decode() {
        let value = parse(r#"{"a": "\ud83d\ude00"}"#).unwrap_or_default();
        assert_eq!(value.get("a"), Some(&Json::from("😀")));
    }

    #[test]
    fn yaml_keys_become_strings_in_order() {
        let value = parse("z: 1\n200: ok\ntrue: yes\n~: n\n").unwrap_or_default();
        let keys: Vec<&String> = value
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(keys, ["z", "200", "true", "null"]);
    }

    #[test]
    fn duplicate_keys_are_errors_with_a_location() {
        for text in [
            "a: 1\nb: 2\na: 3\n",
            "200: x\n'200': y\n",
            "{\"a\": 1,\n \"a\": 2}",
        ] {
            let err = parse(text).map(drop).unwrap_err();
            assert!(
                matches!(&err, Error::Parse { location: Some(_), message, .. } if message.contains("duplicate")),
                "{err:?}"
            );
        }
    }

    #[test]
    fn yaml_flow_mapping_is_not_mistaken_for_json() {
        let value = parse("{openapi: 3.0.3, paths: {}}").unwrap_or_default();
        assert_eq!(value.get("openapi"), Some(&Json::from("3.0.3")));
    }

    #[test]
    fn broken_json_reports_the_json_error() {
        let err = parse("{\"a\": [1, 2}").map(drop).unwrap_err();
        assert!(
            matches!(
                err,
                Error::Parse {
                    location: Some((1, _)),
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn yaml_tags_are_dropped() {
        let value = parse("a: !Thing {b: 1}\n").unwrap_or_default();
        assert_eq!(
            value.get("a").and_then(|a| a.get("b")),
            Some(&Json::Number(1.into()))
        );
    }

    /// The nesting of a parsed value, the root counted.
    fn depth_of(value: &Json) -> usize {
        match value {
            Json::Array(items) => 1 + items.iter().map(depth_of).max().unwrap_or(0),
            Json::Object(map) => 1 + map.values().map(depth_of).max().unwrap_or(0),
            _ => 0,
        }
    }

    #[test]
    fn the_depth_pass_sees_the_depth_the_parser_builds() {
        // Each form of nesting, and text that looks like nesting but is not (block scalars,
        // quotes, comments, colons in values).
        let cases = [
            "a: 1\n",
            "a:\n  b:\n    c: 1\n  d: 2\ne: [1, [2, {f: [3]}]]\n",
            "a:\n- 1\n- b:\n    c: [x]\n  d: 2\n",
            "- - - x\n  - y\n- z\n",
            "a: |\n  [[[[ not {nested\n      - - - still text\n        k: v\nb: >-\n    folded: [\nc: 1\n",
            "a: \"[[[\n  {{ quoted: [\"\nb: 'it''s [ - x'\n",
            "# [[[ comment\na: 1 # {{{\nurl: http://x.example/a:b\nk: v:w\n",
            "a: &anchor\n  b: !tag {c: [1, 2]}\n? complex\n: value\n",
            "---\nopenapi: 3.0.3\npaths:\n  /x:\n    get:\n      parameters:\n        - name: a\n          schema: {type: array, items: {type: string}}\n",
            "a:\n  - [1,\n     [2,\n      3]]\n  - {k: [\n      v]}\n",
            "{openapi: 3.0.3, paths: {a: [b, {c: d}]}}",
        ];
        for text in cases {
            let value = parse_yaml(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(
                check_depth(text, Syntax::Yaml).ok(),
                Some(depth_of(&value)),
                "{text:?}"
            );
        }
        let json = r#"{"a": {"b": [1, {"c": "]]]}}}"}, [[]]]}, "d": "\\\"[["}"#;
        let value = parse_json(json).unwrap_or_default();
        assert_eq!(check_depth(json, Syntax::Json).ok(), Some(depth_of(&value)));
    }

    #[test]
    fn datadogs_v2_spec_is_measured_as_deep_as_it_is() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../shared/specs/datadog-v2-openapi.yaml"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            return;
        };
        let value = parse(&text).unwrap_or_default();
        assert_eq!(
            check_depth(&text, Syntax::Yaml).ok(),
            Some(depth_of(&value))
        );
        assert!(depth_of(&value) < MAX_DEPTH / 4, "{}", depth_of(&value));
    }

    #[test]
    fn too_deep_is_refused_with_the_place_it_crossed() {
        let deep = |open: &str, close: &str| {
            format!(
                "{{\"a\": {{\"b\": {}{}}}}}",
                open.repeat(MAX_DEPTH),
                close.repeat(MAX_DEPTH)
            )
        };
        let err = parse(&deep("[", "]")).map(drop).unwrap_err();
        // `{"a": {"b": ` is 12 bytes; the 99th `[` is the 101st collection.
        let zeros = "/0".repeat(MAX_DEPTH - 2);
        assert!(
            matches!(&err, Error::Parse { pointer, location: Some((1, 111)), message }
                if *pointer == format!("/a/b{zeros}") && message.contains("more than 100 levels")),
            "{err:?}"
        );
        // One level less is read.
        let ok = format!(
            "{{\"a\": {}{}}}",
            "[".repeat(MAX_DEPTH - 1),
            "]".repeat(MAX_DEPTH - 1)
        );
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn json_never_falls_back_to_yaml() {
        // Valid YAML (a flow mapping with a plain key), invalid JSON: the JSON error is reported.
        let err = parse("{\"openapi\": \"3.0.3\", info: {}}")
            .map(drop)
            .unwrap_err();
        assert!(
            matches!(&err, Error::Parse { location: Some((1, _)), message, .. } if message.contains("key must be a string")),
            "{err:?}"
        );
    }
}
