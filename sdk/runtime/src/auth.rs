//! Auth mechanisms: an API key in a header, the query or a cookie; HTTP bearer and basic; an OAuth2
//! or OpenID Connect access token. A generated crate lists its schemes ([`SecurityScheme`]) and each
//! operation's requirements; the client applies the first requirement it holds credentials for.
//! Credentials never appear in `Debug` output, errors or traces.

use crate::error::ConfigError;
use base64::Engine as _;
use http::header::{HeaderName, HeaderValue, AUTHORIZATION, COOKIE};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use std::collections::BTreeMap;
use std::fmt;

/// A security scheme of the API (`components.securitySchemes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecurityScheme {
    /// The scheme's name in the document (`apiKeyAuth`); requirements refer to it.
    pub name: &'static str,
    /// How its credential is sent.
    pub kind: SchemeKind,
    /// The environment variable the generated `from_env` reads it from, for error messages.
    pub env: Option<&'static str>,
}

/// How a scheme's credential travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SchemeKind {
    /// `type: apiKey`: the key as it is, under `name`, in a header, the query or a cookie.
    ApiKey {
        /// Where the key goes.
        location: ApiKeyLocation,
        /// The header, query parameter or cookie name.
        name: &'static str,
    },
    /// `type: http, scheme: bearer`: `Authorization: Bearer <token>`.
    Bearer,
    /// `type: http, scheme: basic`: `Authorization: Basic <base64(user:password)>`.
    Basic,
    /// `type: oauth2`: an access token the caller obtained, sent as a bearer token.
    OAuth2,
    /// `type: openIdConnect`: an access token the caller obtained, sent as a bearer token.
    OpenIdConnect,
}

/// Where an API key goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKeyLocation {
    /// A request header.
    Header,
    /// A query parameter.
    Query,
    /// A cookie (`Cookie: name=value`).
    Cookie,
}

/// A credential: kept out of `Debug` output, and marked sensitive when it becomes a header.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a credential.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The credential itself. Avoid logging it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl<T: Into<String>> From<T> for Secret {
    fn from(value: T) -> Self {
        Secret::new(value)
    }
}

/// The credential for one scheme.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Credential {
    /// An API key, a bearer token or an access token.
    Token(Secret),
    /// A user name and password, for HTTP basic auth.
    Basic {
        /// The user name (not secret, but kept out of `Debug` all the same).
        username: String,
        /// The password.
        password: Secret,
    },
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credential::Token(_) => f.write_str("Token(<redacted>)"),
            Credential::Basic { .. } => f.write_str("Basic(<redacted>)"),
        }
    }
}

/// A credential ready to send.
#[derive(Clone)]
pub(crate) enum Applied {
    /// A header (marked sensitive).
    Header(HeaderName, HeaderValue),
    /// A query pair, already percent-encoded (`name=value`).
    Query(Secret),
    /// A cookie pair (`name=value`).
    Cookie(Secret),
}

impl fmt::Debug for Applied {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Applied::Header(name, _) => write!(f, "Header({name}: <redacted>)"),
            Applied::Query(_) => f.write_str("Query(<redacted>)"),
            Applied::Cookie(_) => f.write_str("Cookie(<redacted>)"),
        }
    }
}

/// The credentials a client holds, checked and encoded, by scheme name.
#[derive(Debug, Clone, Default)]
pub(crate) struct Credentials {
    by_scheme: BTreeMap<&'static str, Applied>,
    /// Schemes whose alternatives are tried first, in order.
    preferred: Vec<&'static str>,
}

/// What one request carries for auth.
#[derive(Default)]
pub(crate) struct AuthParts {
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) query: Vec<Secret>,
}

impl Credentials {
    /// Checks and encodes each credential for its scheme. Errors name the scheme, never the value.
    pub(crate) fn new(
        schemes: &'static [SecurityScheme],
        given: &BTreeMap<String, Credential>,
        preferred: &[String],
    ) -> Result<Credentials, ConfigError> {
        let find = |name: &str| {
            schemes.iter().find(|s| s.name == name).ok_or_else(|| {
                ConfigError::UnknownSecurityScheme {
                    name: name.to_owned(),
                    known: schemes
                        .iter()
                        .map(|s| s.name)
                        .collect::<Vec<_>>()
                        .join(", "),
                }
            })
        };
        let mut by_scheme = BTreeMap::new();
        for (name, credential) in given {
            let scheme = find(name)?;
            by_scheme.insert(scheme.name, apply(scheme, credential)?);
        }
        let preferred = preferred
            .iter()
            .map(|name| find(name).map(|s| s.name))
            .collect::<Result<_, _>>()?;
        Ok(Credentials {
            by_scheme,
            preferred,
        })
    }

    /// Whether a credential for this scheme is held.
    pub(crate) fn has(&self, scheme: &str) -> bool {
        self.by_scheme.contains_key(scheme)
    }

    /// The names of the schemes credentials are held for.
    pub(crate) fn schemes(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.by_scheme.keys().copied()
    }

    /// The auth for one operation: the first alternative of `security` whose schemes all have
    /// credentials. `None` when no alternative can be met; an empty `security` needs nothing.
    pub(crate) fn for_requirements(&self, security: &[&[&str]]) -> Option<AuthParts> {
        if security.is_empty() {
            return Some(AuthParts::default());
        }
        let held = |alternative: &&&[&str]| alternative.iter().all(|s| self.has(s));
        let preferred = self
            .preferred
            .iter()
            .find_map(|p| security.iter().filter(held).find(|a| a.contains(p)));
        let chosen = preferred.or_else(|| security.iter().find(held))?;
        let mut parts = AuthParts::default();
        let mut cookies: Vec<&str> = Vec::new();
        for scheme in chosen.iter() {
            match self.by_scheme.get(scheme) {
                Some(Applied::Header(name, value)) => {
                    parts.headers.push((name.clone(), value.clone()))
                }
                Some(Applied::Query(pair)) => parts.query.push(pair.clone()),
                Some(Applied::Cookie(pair)) => cookies.push(pair.expose()),
                None => {}
            }
        }
        if !cookies.is_empty() {
            if let Ok(mut value) = HeaderValue::from_str(&cookies.join("; ")) {
                value.set_sensitive(true);
                parts.headers.push((COOKIE, value));
            }
        }
        Some(parts)
    }
}

/// Describes requirements for an error message: `apiKeyAuth (API_KEY) + appKeyAuth, or AuthZ`,
/// naming each scheme's environment variable when it has one.
pub(crate) fn describe_requirements(security: &[&[&str]], schemes: &[SecurityScheme]) -> String {
    let scheme = |name: &&str| match schemes.iter().find(|s| s.name == *name).and_then(|s| s.env) {
        Some(env) => format!("{name} (${env})"),
        None => (*name).to_owned(),
    };
    security
        .iter()
        .map(|alternative| {
            alternative
                .iter()
                .map(scheme)
                .collect::<Vec<_>>()
                .join(" + ")
        })
        .collect::<Vec<_>>()
        .join(", or ")
}

/// Query components: unreserved characters stay, everything else is percent-encoded.
const QUERY: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn apply(scheme: &SecurityScheme, credential: &Credential) -> Result<Applied, ConfigError> {
    let name = scheme.name;
    match (scheme.kind, credential) {
        (
            SchemeKind::ApiKey {
                location,
                name: key_name,
            },
            Credential::Token(key),
        ) => {
            check_trimmed(key, name)?;
            match location {
                ApiKeyLocation::Header => {
                    let header = HeaderName::from_bytes(key_name.as_bytes()).map_err(|_| {
                        ConfigError::InvalidCredential {
                            scheme: name.to_owned(),
                            reason: "its header name is not a valid HTTP header name",
                        }
                    })?;
                    Ok(Applied::Header(header, sensitive(key.expose(), name)?))
                }
                ApiKeyLocation::Query => Ok(Applied::Query(Secret(format!(
                    "{}={}",
                    utf8_percent_encode(key_name, QUERY),
                    utf8_percent_encode(key.expose(), QUERY)
                )))),
                ApiKeyLocation::Cookie => {
                    let cookie_safe = |s: &str| {
                        s.bytes().all(|b| {
                            b.is_ascii_graphic() && !matches!(b, b';' | b',' | b'"' | b'\\')
                        })
                    };
                    if !cookie_safe(key.expose()) {
                        return Err(unsendable(
                            name,
                            "it has characters that cannot be sent in a cookie",
                        ));
                    }
                    Ok(Applied::Cookie(Secret(format!(
                        "{key_name}={}",
                        key.expose()
                    ))))
                }
            }
        }
        (
            SchemeKind::Bearer | SchemeKind::OAuth2 | SchemeKind::OpenIdConnect,
            Credential::Token(token),
        ) => {
            check_trimmed(token, name)?;
            if token
                .0
                .get(..7)
                .is_some_and(|prefix| prefix.eq_ignore_ascii_case("bearer "))
            {
                return Err(unsendable(
                    name,
                    "it starts with `Bearer `: pass the token alone",
                ));
            }
            if !token.0.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(unsendable(
                    name,
                    "it has characters that cannot be sent in an HTTP header",
                ));
            }
            Ok(Applied::Header(
                AUTHORIZATION,
                sensitive(&format!("Bearer {}", token.0), name)?,
            ))
        }
        (SchemeKind::Basic, Credential::Basic { username, password }) => {
            if username.contains(':') {
                return Err(unsendable(name, "the user name contains `:`"));
            }
            let encoded = base64::engine::general_purpose::STANDARD
                .encode(format!("{username}:{}", password.0));
            Ok(Applied::Header(
                AUTHORIZATION,
                sensitive(&format!("Basic {encoded}"), name)?,
            ))
        }
        (SchemeKind::Basic, Credential::Token(_)) => Err(unsendable(
            name,
            "basic auth needs a user name and password",
        )),
        (_, Credential::Basic { .. }) => Err(unsendable(
            name,
            "this scheme takes a single token, not a user name and password",
        )),
    }
}

fn sensitive(value: &str, scheme: &str) -> Result<HeaderValue, ConfigError> {
    let mut value = HeaderValue::from_str(value).map_err(|_| {
        unsendable(
            scheme,
            "it has characters that cannot be sent in an HTTP header",
        )
    })?;
    value.set_sensitive(true);
    Ok(value)
}

fn check_trimmed(secret: &Secret, scheme: &str) -> Result<(), ConfigError> {
    if secret.0.trim().is_empty() {
        return Err(unsendable(scheme, "it is empty"));
    }
    if secret.0.trim() != secret.0 {
        return Err(unsendable(scheme, "it has leading or trailing whitespace"));
    }
    Ok(())
}

fn unsendable(scheme: &str, reason: &'static str) -> ConfigError {
    ConfigError::InvalidCredential {
        scheme: scheme.to_owned(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMES: &[SecurityScheme] = &[
        SecurityScheme {
            name: "key",
            kind: SchemeKind::ApiKey {
                location: ApiKeyLocation::Header,
                name: "X-Key",
            },
            env: None,
        },
        SecurityScheme {
            name: "query",
            kind: SchemeKind::ApiKey {
                location: ApiKeyLocation::Query,
                name: "api key",
            },
            env: None,
        },
        SecurityScheme {
            name: "cookie",
            kind: SchemeKind::ApiKey {
                location: ApiKeyLocation::Cookie,
                name: "sid",
            },
            env: None,
        },
        SecurityScheme {
            name: "bearer",
            kind: SchemeKind::Bearer,
            env: None,
        },
        SecurityScheme {
            name: "basic",
            kind: SchemeKind::Basic,
            env: None,
        },
        SecurityScheme {
            name: "oauth",
            kind: SchemeKind::OAuth2,
            env: None,
        },
    ];

    fn credentials(pairs: &[(&str, Credential)]) -> Result<Credentials, ConfigError> {
        Credentials::new(
            SCHEMES,
            &pairs
                .iter()
                .map(|(n, c)| ((*n).to_owned(), c.clone()))
                .collect(),
            &[],
        )
    }

    fn token(value: &str) -> Credential {
        Credential::Token(Secret::new(value))
    }

    #[test]
    fn each_mechanism_is_encoded_and_sensitive() {
        let held = credentials(&[
            ("key", token("k1")),
            ("query", token("q 1&")),
            ("cookie", token("c1")),
            (
                "basic",
                Credential::Basic {
                    username: "ann".into(),
                    password: Secret::new("pw"),
                },
            ),
        ])
        .unwrap();
        let parts = held
            .for_requirements(&[&["key", "query", "cookie"]])
            .unwrap();
        assert_eq!(parts.headers.len(), 2);
        assert_eq!(parts.headers[0].0.as_str(), "x-key");
        assert_eq!(
            parts.headers[1],
            (COOKIE, HeaderValue::from_static("sid=c1"))
        );
        assert!(parts.headers.iter().all(|(_, v)| v.is_sensitive()));
        assert_eq!(parts.query[0].expose(), "api%20key=q%201%26");
        let basic = held.for_requirements(&[&["basic"]]).unwrap();
        assert_eq!(basic.headers[0].1, "Basic YW5uOnB3");
    }

    #[test]
    fn the_first_alternative_held_wins_and_empty_security_sends_nothing() {
        let held = credentials(&[("oauth", token("t")), ("key", token("k"))]).unwrap();
        let parts = held
            .for_requirements(&[&["key", "query"], &["oauth"]])
            .unwrap();
        assert_eq!(parts.headers[0].1, "Bearer t");
        assert!(held.for_requirements(&[&["basic"]]).is_none());
        let none = held.for_requirements(&[]).unwrap();
        assert!(none.headers.is_empty() && none.query.is_empty());
        assert!(held
            .for_requirements(&[&["basic"], &[]])
            .unwrap()
            .headers
            .is_empty());
        let given = BTreeMap::from([
            ("oauth".to_owned(), token("t")),
            ("key".to_owned(), token("k")),
        ]);
        let prefer_oauth = Credentials::new(SCHEMES, &given, &["oauth".to_owned()]).unwrap();
        assert_eq!(
            prefer_oauth
                .for_requirements(&[&["key"], &["oauth"]])
                .unwrap()
                .headers[0]
                .1,
            "Bearer t"
        );
        let keys_first = Credentials::new(SCHEMES, &given, &[]).unwrap();
        assert_eq!(
            keys_first
                .for_requirements(&[&["key"], &["oauth"]])
                .unwrap()
                .headers[0]
                .1,
            "k"
        );
        assert!(Credentials::new(SCHEMES, &given, &["nope".to_owned()]).is_err());
        let schemes = [SecurityScheme {
            name: "a",
            kind: SchemeKind::Bearer,
            env: Some("A_TOKEN"),
        }];
        assert_eq!(
            describe_requirements(&[&["a", "b"], &["c"]], &schemes),
            "a ($A_TOKEN) + b, or c"
        );
    }

    #[test]
    fn bad_credentials_are_errors_that_do_not_leak_them() {
        for value in [
            "",
            "  ",
            " s3cr3t",
            "s3cr3t\n",
            "s3 cr3t",
            "sécr3t",
            "Bearer s3cr3t",
        ] {
            let err = credentials(&[("bearer", token(value))]).unwrap_err();
            assert!(
                matches!(&err, ConfigError::InvalidCredential { scheme, .. } if scheme == "bearer"),
                "{value:?}: {err:?}"
            );
            assert!(!err.to_string().contains("s3cr3t") && !format!("{err:?}").contains("s3cr3t"));
        }
        assert!(credentials(&[("cookie", token("a;b"))]).is_err());
        assert!(credentials(&[("basic", token("x"))]).is_err());
        assert!(credentials(&[(
            "key",
            Credential::Basic {
                username: "u".into(),
                password: Secret::new("p")
            }
        )])
        .is_err());
        let unknown = credentials(&[("nope", token("x"))]).unwrap_err();
        assert!(
            unknown.to_string().contains("nope") && unknown.to_string().contains("basic"),
            "{unknown}"
        );
    }

    #[test]
    fn debug_never_shows_credentials() {
        let held = credentials(&[("key", token("s3cr3t")), ("query", token("s3cr3t"))]).unwrap();
        let text = format!("{held:?} {:?} {:?}", token("s3cr3t"), Secret::new("s3cr3t"));
        assert!(!text.contains("s3cr3t"), "{text}");
    }
}
