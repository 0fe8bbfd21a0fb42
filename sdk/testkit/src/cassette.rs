//! Reads VCR cassettes as Datadog records them into [`Cassette`]s of recorded requests and responses.
//!
//! The format (one JSON file per scenario):
//!
//! ```json
//! {"http_interactions": [{
//!     "request": {"body": {"string": "...", "encoding": null} | "", "headers": {"Name": ["value"]},
//!                 "method": "post", "uri": "https://api.datadoghq.com/api/v2/...?..."},
//!     "response": {"body": {"string": "...", "encoding": null}, "headers": {"Name": ["value"]},
//!                  "status": {"code": 200, "message": "OK"}},
//!     "recorded_at": "Tue, 26 Aug 2025 20:19:35 GMT"}],
//!  "recorded_with": "VCR 6.0.0"}
//! ```
//!
//! A body is either an object `{"string", "encoding"}` or a plain string (Datadog writes `""` for "no
//! body"); `null` and an absent body also mean "no body". Only text bodies are supported: an
//! `encoding` of `null` or `UTF-8` (any case); any other encoding is a
//! [`CassetteError::UnsupportedEncoding`]. Nothing here panics on bad input: every problem is a typed
//! [`CassetteError`].

use std::fmt;
use std::path::{Path, PathBuf};

use http::{HeaderName, HeaderValue, Method, StatusCode};
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};
use serde_json::{Map, Value};
use url::Url;

use crate::error::CassetteError;
use crate::redact::redacted_value;

/// One cassette: the interactions recorded for one scenario, in recorded order.
#[derive(Debug, Clone, PartialEq)]
pub struct Cassette {
    /// The cassette's name: the file stem for [`Cassette::load`], the given name for
    /// [`Cassette::from_json`].
    pub name: String,
    /// The recorded request/response pairs, in the order they were recorded.
    pub interactions: Vec<Interaction>,
}

/// One recorded request and the response the API gave to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Interaction {
    /// What the client sent.
    pub request: RecordedRequest,
    /// What the API answered.
    pub response: RecordedResponse,
    /// When it was recorded (free text, as the recorder wrote it), if the cassette says.
    pub recorded_at: Option<String>,
}

/// A recorded request, reduced to what replay matching looks at (plus its headers, for reference).
///
/// The scheme, host and port of the recorded URI are dropped: replay ignores them.
#[derive(Clone, PartialEq)]
pub struct RecordedRequest {
    /// The HTTP method (recorded in lower case, parsed case-insensitively).
    pub method: Method,
    /// The URI's path, percent-decoded (e.g. `/api/v2/team/connections`).
    pub path: String,
    /// The URI's query pairs, percent-decoded, in recorded order (e.g. `("filter[sources]", "github")`).
    pub query: Vec<(String, String)>,
    /// The recorded headers as `(name, value)` pairs, one pair per value.
    pub headers: Vec<(String, String)>,
    /// The body text; `None` when the request had no body (or an empty one).
    pub body: Option<String>,
}

/// A recorded response.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedResponse {
    /// The status code (validated to be a legal HTTP status, 100..=999).
    pub status: u16,
    /// The recorded reason phrase, e.g. `Not Found` (may be empty).
    pub message: String,
    /// The recorded headers as `(name, value)` pairs, one pair per value (validated to be legal HTTP).
    pub headers: Vec<(String, String)>,
    /// The body text (empty when there was none, e.g. for a 204).
    pub body: String,
}

impl Cassette {
    /// Reads and parses the cassette file at `path`; the cassette is named after the file stem.
    pub fn load(path: &Path) -> Result<Cassette, CassetteError> {
        let text = std::fs::read_to_string(path).map_err(|source| CassetteError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let name = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        Cassette::from_json(&name, &text)
    }

    /// Parses cassette JSON text; `name` becomes [`Cassette::name`] and appears in errors.
    pub fn from_json(name: &str, json: &str) -> Result<Cassette, CassetteError> {
        let root: Value =
            serde_json::from_str(json).map_err(|source| CassetteError::MalformedJson {
                cassette: name.to_string(),
                source,
            })?;
        let top = Ctx {
            cassette: name,
            location: "cassette".to_string(),
        };
        let root = top.object("(root)", &root)?;
        let list = top.required(root, "http_interactions")?;
        let list = list
            .as_array()
            .ok_or_else(|| top.invalid("http_interactions", "is not an array"))?;
        let interactions = list
            .iter()
            .enumerate()
            .map(|(i, item)| parse_interaction(name, i, item))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Cassette {
            name: name.to_string(),
            interactions,
        })
    }
}

/// Every `*.json` file under `dir` (recursively), sorted by path: the cassettes of a cassette tree.
///
/// Other files (e.g. Datadog's `*.frozen` clock files, READMEs) are skipped.
pub fn cassette_files(dir: &Path) -> Result<Vec<PathBuf>, CassetteError> {
    let mut out = Vec::new();
    collect_json_files(dir, &mut out)?;
    out.sort();
    Ok(out)
}

fn collect_json_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), CassetteError> {
    let io_err = |source| CassetteError::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io_err)? {
        let path = entry.map_err(io_err)?.path();
        if path.is_dir() {
            collect_json_files(&path, out)?;
        } else if path.extension().is_some_and(|ext| ext == "json") {
            out.push(path);
        }
    }
    Ok(())
}

impl RecordedRequest {
    /// The body parsed as JSON: `None` without a body, `Some(Err(_))` when it is not JSON.
    pub fn json_body(&self) -> Option<Result<Value, serde_json::Error>> {
        self.body.as_deref().map(serde_json::from_str)
    }

    /// The first value of header `name` (compared case-insensitively), if recorded.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// The path and query re-encoded for sending, e.g. `/api/v2/team/connections?page%5Bsize%5D=10`.
    ///
    /// The query is form-encoded in recorded order, the way Datadog's clients encode it.
    pub fn path_and_query(&self) -> String {
        let mut out = utf8_percent_encode(&self.path, PATH_ENCODE).to_string();
        if !self.query.is_empty() {
            let mut query = url::form_urlencoded::Serializer::new(String::new());
            for (name, value) in &self.query {
                query.append_pair(name, value);
            }
            out.push('?');
            out.push_str(&query.finish());
        }
        out
    }
}

impl fmt::Debug for RecordedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), redacted_value(n, v)))
            .collect();
        f.debug_struct("RecordedRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &headers)
            .field("body", &self.body)
            .finish()
    }
}

impl RecordedResponse {
    /// The first value of header `name` (compared case-insensitively), if recorded.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Characters percent-encoded when a decoded path is put back into a URI.
const PATH_ENCODE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// Where in a cassette we are, for error messages.
struct Ctx<'a> {
    cassette: &'a str,
    location: String,
}

impl Ctx<'_> {
    fn missing(&self, field: &str) -> CassetteError {
        CassetteError::MissingField {
            cassette: self.cassette.to_string(),
            location: self.location.clone(),
            field: field.to_string(),
        }
    }

    fn invalid(&self, field: &str, problem: impl Into<String>) -> CassetteError {
        CassetteError::InvalidField {
            cassette: self.cassette.to_string(),
            location: self.location.clone(),
            field: field.to_string(),
            problem: problem.into(),
        }
    }

    fn object<'v>(
        &self,
        field: &str,
        value: &'v Value,
    ) -> Result<&'v Map<String, Value>, CassetteError> {
        value
            .as_object()
            .ok_or_else(|| self.invalid(field, format!("is not an object (found {})", kind(value))))
    }

    fn required<'v>(
        &self,
        map: &'v Map<String, Value>,
        field: &str,
    ) -> Result<&'v Value, CassetteError> {
        map.get(field).ok_or_else(|| self.missing(field))
    }

    fn string<'v>(
        &self,
        map: &'v Map<String, Value>,
        field: &str,
    ) -> Result<&'v str, CassetteError> {
        let value = self.required(map, field)?;
        value
            .as_str()
            .ok_or_else(|| self.invalid(field, format!("is not a string (found {})", kind(value))))
    }

    fn at(&self, sub: &str) -> Ctx<'_> {
        Ctx {
            cassette: self.cassette,
            location: format!("{} {sub}", self.location),
        }
    }

    /// Headers: an object of name -> array of strings (a lone string is accepted too); absent or null = none.
    fn headers(&self, map: &Map<String, Value>) -> Result<Vec<(String, String)>, CassetteError> {
        let Some(value) = map.get("headers") else {
            return Ok(Vec::new());
        };
        if value.is_null() {
            return Ok(Vec::new());
        }
        let object = self.object("headers", value)?;
        let mut out = Vec::new();
        for (name, values) in object {
            let field = format!("headers.{name}");
            match values {
                Value::String(v) => out.push((name.clone(), v.clone())),
                Value::Array(items) => {
                    for item in items {
                        let v = item.as_str().ok_or_else(|| {
                            self.invalid(
                                &field,
                                format!("has a value that is not a string (found {})", kind(item)),
                            )
                        })?;
                        out.push((name.clone(), v.to_string()));
                    }
                }
                other => {
                    return Err(self.invalid(
                        &field,
                        format!("is not an array of strings (found {})", kind(other)),
                    ))
                }
            }
        }
        Ok(out)
    }

    /// A body: `{"string", "encoding"}`, a plain string, null or absent. Returns the text ("" = none).
    fn body(&self, map: &Map<String, Value>) -> Result<String, CassetteError> {
        let Some(value) = map.get("body") else {
            return Ok(String::new());
        };
        match value {
            Value::Null => Ok(String::new()),
            Value::String(s) => Ok(s.clone()),
            Value::Object(body) => {
                let ctx = self.at("body");
                match body.get("encoding") {
                    None | Some(Value::Null) => {}
                    Some(Value::String(enc)) if is_text_encoding(enc) => {}
                    Some(Value::String(enc)) => {
                        return Err(CassetteError::UnsupportedEncoding {
                            cassette: self.cassette.to_string(),
                            location: ctx.location,
                            encoding: enc.clone(),
                        })
                    }
                    Some(other) => {
                        return Err(ctx.invalid(
                            "encoding",
                            format!("is not a string (found {})", kind(other)),
                        ))
                    }
                }
                Ok(ctx.string(body, "string")?.to_string())
            }
            other => Err(self.invalid(
                "body",
                format!("is neither an object nor a string (found {})", kind(other)),
            )),
        }
    }
}

fn is_text_encoding(encoding: &str) -> bool {
    encoding.eq_ignore_ascii_case("utf-8") || encoding.eq_ignore_ascii_case("utf8")
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn parse_interaction(
    cassette: &str,
    index: usize,
    value: &Value,
) -> Result<Interaction, CassetteError> {
    let ctx = Ctx {
        cassette,
        location: format!("interaction {index}"),
    };
    let map = ctx.object("http_interactions[]", value)?;
    let request = ctx.object("request", ctx.required(map, "request")?)?;
    let response = ctx.object("response", ctx.required(map, "response")?)?;
    let recorded_at = match map.get("recorded_at") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => {
            return Err(ctx.invalid(
                "recorded_at",
                format!("is not a string (found {})", kind(other)),
            ))
        }
    };
    Ok(Interaction {
        request: parse_request(&ctx.at("request"), request)?,
        response: parse_response(&ctx.at("response"), response)?,
        recorded_at,
    })
}

fn parse_request(
    ctx: &Ctx<'_>,
    map: &Map<String, Value>,
) -> Result<RecordedRequest, CassetteError> {
    let method_text = ctx.string(map, "method")?;
    let method = Method::from_bytes(method_text.to_ascii_uppercase().as_bytes())
        .map_err(|_| ctx.invalid("method", format!("{method_text:?} is not an HTTP method")))?;
    let uri = ctx.string(map, "uri")?;
    let url = Url::parse(uri)
        .map_err(|e| ctx.invalid("uri", format!("{uri:?} is not an absolute URI: {e}")))?;
    let path = percent_decode_str(url.path())
        .decode_utf8_lossy()
        .into_owned();
    let query = url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let headers = ctx.headers(map)?;
    let body = ctx.body(map)?;
    Ok(RecordedRequest {
        method,
        path,
        query,
        headers,
        body: (!body.is_empty()).then_some(body),
    })
}

fn parse_response(
    ctx: &Ctx<'_>,
    map: &Map<String, Value>,
) -> Result<RecordedResponse, CassetteError> {
    let status = ctx.object("status", ctx.required(map, "status")?)?;
    let sctx = ctx.at("status");
    let code_value = sctx.required(status, "code")?;
    let code = code_value
        .as_u64()
        .and_then(|c| u16::try_from(c).ok())
        .filter(|c| StatusCode::from_u16(*c).is_ok())
        .ok_or_else(|| {
            sctx.invalid(
                "code",
                format!("{code_value} is not an HTTP status code (100..=999)"),
            )
        })?;
    let message = match status.get("message") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(sctx.invalid(
                "message",
                format!("is not a string (found {})", kind(other)),
            ))
        }
    };
    let headers = ctx.headers(map)?;
    for (name, value) in &headers {
        if HeaderName::from_bytes(name.as_bytes()).is_err() {
            return Err(ctx.invalid(
                &format!("headers.{name}"),
                "is not a legal HTTP header name",
            ));
        }
        if HeaderValue::from_str(value).is_err() {
            return Err(ctx.invalid(
                &format!("headers.{name}"),
                "has a value that is not a legal HTTP header value",
            ));
        }
    }
    let body = ctx.body(map)?;
    Ok(RecordedResponse {
        status: code,
        message,
        headers,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(request: &str, response: &str) -> String {
        format!(
            r#"{{"http_interactions":[{{"request":{request},"response":{response},"recorded_at":"now"}}],"recorded_with":"VCR 6.0.0"}}"#
        )
    }

    const OK_RESPONSE: &str = r#"{"body":{"string":"{}","encoding":null},"headers":{"Content-Type":["application/json"]},"status":{"code":200,"message":"OK"}}"#;

    #[test]
    fn parses_both_body_shapes_and_decodes_the_uri() {
        let json = one(
            r#"{"body":"","headers":{"Accept":["application/json"]},"method":"get","uri":"https://api.datadoghq.com/api/v2/team/connections?filter%5Bsources%5D=github&page%5Bsize%5D=10"}"#,
            OK_RESPONSE,
        );
        let cassette = Cassette::from_json("c", &json).expect("parses");
        let request = &cassette.interactions[0].request;
        assert_eq!(request.method, Method::GET);
        assert_eq!(request.path, "/api/v2/team/connections");
        assert_eq!(
            request.query,
            vec![
                ("filter[sources]".into(), "github".into()),
                ("page[size]".into(), "10".into())
            ]
        );
        assert_eq!(request.body, None);
        assert!(request.json_body().is_none());
        assert_eq!(request.header("accept"), Some("application/json"));
        assert_eq!(
            request.path_and_query(),
            "/api/v2/team/connections?filter%5Bsources%5D=github&page%5Bsize%5D=10"
        );
        let response = &cassette.interactions[0].response;
        assert_eq!(
            (
                response.status,
                response.message.as_str(),
                response.body.as_str()
            ),
            (200, "OK", "{}")
        );
        assert_eq!(cassette.interactions[0].recorded_at.as_deref(), Some("now"));

        let json = one(
            r#"{"body":{"string":"{\"a\":1}","encoding":"UTF-8"},"method":"post","uri":"https://api.datadoghq.com/api/v2/org_connections"}"#,
            OK_RESPONSE,
        );
        let cassette = Cassette::from_json("c", &json).expect("parses");
        let request = &cassette.interactions[0].request;
        assert_eq!(request.method, Method::POST);
        assert_eq!(request.body.as_deref(), Some(r#"{"a":1}"#));
        assert_eq!(
            request.json_body().and_then(Result::ok),
            Some(serde_json::json!({"a": 1}))
        );
    }

    #[test]
    fn malformed_json_is_a_typed_error() {
        let err = Cassette::from_json("broken", "{\"http_interactions\": [").unwrap_err();
        assert!(
            matches!(err, CassetteError::MalformedJson { ref cassette, .. } if cassette == "broken"),
            "{err}"
        );
    }

    #[test]
    fn missing_fields_are_typed_errors() {
        let err = Cassette::from_json("c", r#"{"recorded_with":"VCR"}"#).unwrap_err();
        assert!(
            matches!(err, CassetteError::MissingField { ref field, .. } if field == "http_interactions"),
            "{err}"
        );

        let json = one(r#"{"method":"get"}"#, OK_RESPONSE);
        let err = Cassette::from_json("c", &json).unwrap_err();
        assert!(
            matches!(err, CassetteError::MissingField { ref field, ref location, .. } if field == "uri" && location == "interaction 0 request"),
            "{err}"
        );

        let json = one(r#"{"method":"get","uri":"https://h/x"}"#, r#"{"body":""}"#);
        let err = Cassette::from_json("c", &json).unwrap_err();
        assert!(
            matches!(err, CassetteError::MissingField { ref field, .. } if field == "status"),
            "{err}"
        );

        let json = one(
            r#"{"method":"get","uri":"https://h/x","body":{"encoding":null}}"#,
            OK_RESPONSE,
        );
        let err = Cassette::from_json("c", &json).unwrap_err();
        assert!(
            matches!(err, CassetteError::MissingField { ref field, .. } if field == "string"),
            "{err}"
        );
        assert!(
            err.to_string().contains("interaction 0 request body"),
            "{err}"
        );
    }

    #[test]
    fn invalid_values_are_typed_errors() {
        let cases = [
            (
                one(r#"{"method":"get","uri":"not a uri"}"#, OK_RESPONSE),
                "uri",
            ),
            (
                one(r#"{"method":"g e t","uri":"https://h/"}"#, OK_RESPONSE),
                "method",
            ),
            (
                one(
                    r#"{"method":"get","uri":"https://h/"}"#,
                    r#"{"status":{"code":42}}"#,
                ),
                "code",
            ),
            (
                one(
                    r#"{"method":"get","uri":"https://h/"}"#,
                    r#"{"status":{"code":"200"}}"#,
                ),
                "code",
            ),
            (
                one(
                    r#"{"method":"get","uri":"https://h/","headers":{"A":[1]}}"#,
                    OK_RESPONSE,
                ),
                "headers.A",
            ),
            (
                one(
                    r#"{"method":"get","uri":"https://h/"}"#,
                    r#"{"status":{"code":200},"headers":{"bad name":["x"]}}"#,
                ),
                "headers.bad name",
            ),
            (
                one(
                    r#"{"method":"get","uri":"https://h/","body":7}"#,
                    OK_RESPONSE,
                ),
                "body",
            ),
            (
                r#"{"http_interactions":{}}"#.to_string(),
                "http_interactions",
            ),
            (
                r#"{"http_interactions":[[]]}"#.to_string(),
                "http_interactions[]",
            ),
        ];
        for (json, want) in cases {
            let err = Cassette::from_json("c", &json).unwrap_err();
            assert!(
                matches!(err, CassetteError::InvalidField { ref field, .. } if field == want),
                "{want}: {err}"
            );
        }
    }

    #[test]
    fn unknown_encodings_are_typed_errors() {
        let json = one(
            r#"{"method":"get","uri":"https://h/"}"#,
            r#"{"status":{"code":200},"body":{"string":"e30=","encoding":"base64"}}"#,
        );
        let err = Cassette::from_json("c", &json).unwrap_err();
        assert!(
            matches!(err, CassetteError::UnsupportedEncoding { ref encoding, .. } if encoding == "base64"),
            "{err}"
        );
    }

    #[test]
    fn load_reports_io_errors_and_names_by_stem() {
        let missing = Path::new("/nonexistent/dir/Some-scenario.json");
        assert!(matches!(
            Cassette::load(missing),
            Err(CassetteError::Io { .. })
        ));
        let dir = std::env::temp_dir().join(format!("replay-cassette-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("op")).expect("temp dir");
        let file = dir.join("op").join("Some-scenario.json");
        std::fs::write(
            &file,
            one(r#"{"method":"delete","uri":"https://h/x"}"#, OK_RESPONSE),
        )
        .expect("write");
        std::fs::write(dir.join("op").join("Some-scenario.frozen"), "2025").expect("write");
        let cassette = Cassette::load(&file).expect("loads");
        assert_eq!(cassette.name, "Some-scenario");
        assert_eq!(cassette_files(&dir).expect("lists"), vec![file]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn debug_redacts_secret_headers() {
        let json = one(
            r#"{"method":"get","uri":"https://h/","headers":{"DD-API-KEY":["sekrit1"],"Authorization":["Bearer sekrit2"],"Accept":["text/plain"]}}"#,
            OK_RESPONSE,
        );
        let cassette = Cassette::from_json("c", &json).expect("parses");
        let debug = format!("{cassette:?}");
        assert!(!debug.contains("sekrit"), "{debug}");
        assert!(
            debug.contains("<redacted>") && debug.contains("text/plain"),
            "{debug}"
        );
    }
}
