//! Every Rust name the generator emits comes from here: case conversion (heck), then identifier and
//! keyword rules, then a deterministic way to make collisions unique.
//!
//! Each name function returns a name that is a valid identifier and that no position reserves: a
//! keyword (of any edition, 2015 to 2024) becomes a raw identifier (`r#type`) where one is allowed,
//! and names that cannot be raw (`self`, `crate`, `super`, `Self`) or that the generated code, the
//! prelude or a crate path already uses get a suffix (`self_`, `SelfModel`, `std_`). [`Namer`]
//! notes each such rename (`NoteKind::Renamed`) when it hands the name out.

use crate::ir::{Diagnostic, NoteKind};
use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::BTreeSet;

/// Keywords of every edition (strict, reserved, and `async`/`await`/`dyn`/`try`/`gen`), which can
/// be used as raw identifiers (`r#type`).
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers; they get a trailing underscore instead.
const NON_RAW_KEYWORDS: &[&str] = &["crate", "self", "super", "Self", "_"];

/// Type names a model may not take: `Self`, the names generated code refers to unqualified
/// (`Client`, `Error`, the prelude's types, traits and variants), and the std and derive names a
/// reader would take for the standard ones.
pub(crate) const RESERVED_TYPE_NAMES: &[&str] = &[
    "AsMut",
    "AsRef",
    "AsyncFn",
    "AsyncFnMut",
    "AsyncFnOnce",
    "Box",
    "Client",
    "ClientBuilder",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Deref",
    "DerefMut",
    "Deserialize",
    "Display",
    "DoubleEndedIterator",
    "Drop",
    "Eq",
    "Err",
    "Error",
    "ExactSizeIterator",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "FromIterator",
    "FromStr",
    "Future",
    "Hash",
    "Into",
    "IntoFuture",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Self",
    "Send",
    "Serialize",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Vec",
];

/// Module (file) names that would shadow a crate or module the generated code names by path, or
/// the generated crate's own top-level modules.
pub(crate) const RESERVED_MODULE_NAMES: &[&str] = &[
    "alloc",
    "chrono",
    "client",
    "core",
    "models",
    "openapi_sdk_runtime",
    "operations",
    "proc_macro",
    "rt",
    "serde",
    "serde_json",
    "std",
    "test",
    "uuid",
];

/// Methods of the generated `Client` (its own and derived), which an operation's method may not take.
pub(crate) const CLIENT_METHODS: &[&str] = &[
    "base_url",
    "builder",
    "clone",
    "clone_from",
    "fmt",
    "from_env",
    "is_preview_enabled",
    "runtime",
    "send",
    "send_with_response",
    "with_options",
];

/// Methods and fields of a generated request builder (its own, its pagination adapter's and the
/// derived ones), which a parameter's setter and field may not take.
pub(crate) const BUILDER_MEMBERS: &[&str] = &[
    "body",
    "client",
    "clone",
    "clone_from",
    "collect_all",
    "decode",
    "fmt",
    "into_request",
    "into_stream",
    "multipart",
    "multipart_form",
    "new",
    "options",
    "pages",
    "paginate",
    "send",
    "send_with_response",
    "with_options",
];

/// `OrgConnectionType`, from any spelling (`org_connection_type`, `APIErrorResponse`, `page[size]`);
/// `Self`, `Option` and the other reserved names become `SelfModel`, `OptionModel`.
pub(crate) fn type_name(raw: &str) -> String {
    unreserved_camel(plain_type(raw), "Model")
}

/// The type name before reserved names are avoided.
fn plain_type(raw: &str) -> String {
    let name = alphanumeric(raw).to_upper_camel_case();
    if name.is_empty() {
        "Unnamed".to_owned()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("N{name}")
    } else {
        name
    }
}

/// `connection_types`, `r#type`, `self_`, `page_size` (from `page[size]`).
pub(crate) fn field_name(raw: &str) -> String {
    keyword_safe(plain_snake(raw))
}

/// The snake-case name before keywords are avoided.
fn plain_snake(raw: &str) -> String {
    let name = alphanumeric(raw).to_snake_case();
    if name.is_empty() {
        "value".to_owned()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n{name}")
    } else {
        name
    }
}

/// `Logs`, `GithubTeam`; `Empty` for the empty string, a `V` prefix for leading digits, and
/// `SelfValue` for `Self` (the one UpperCamelCase keyword, which no variant may be called).
pub(crate) fn variant_name(raw: &str) -> String {
    unreserved_variant(plain_variant(raw))
}

/// A variant name that may not be `Self`.
pub(crate) fn unreserved_variant(name: String) -> String {
    if name == "Self" {
        "SelfValue".to_owned()
    } else {
        name
    }
}

fn plain_variant(raw: &str) -> String {
    if raw.is_empty() {
        return "Empty".to_owned();
    }
    let name = alphanumeric(raw).to_upper_camel_case();
    if name.is_empty() {
        // Only punctuation: spell the characters so `+` and `-` stay distinct.
        return raw.chars().map(punctuation_word).collect();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{name}")
    } else {
        name
    }
}

/// Module file names (and so Cargo feature names): snake case, keyword-safe without raw
/// identifiers, and never the name of a crate the generated code uses (`std_`, `serde_`).
pub(crate) fn module_name(raw: &str) -> String {
    let name = plain_snake(raw);
    if RAW_KEYWORDS.contains(&name.as_str())
        || NON_RAW_KEYWORDS.contains(&name.as_str())
        || RESERVED_MODULE_NAMES.contains(&name.as_str())
    {
        format!("{name}_")
    } else {
        name
    }
}

fn keyword_safe(name: String) -> String {
    if RAW_KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else if NON_RAW_KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// `name`, or `name` + `suffix` when it is a reserved type name.
fn unreserved_camel(name: String, suffix: &str) -> String {
    if RESERVED_TYPE_NAMES.contains(&name.as_str()) {
        format!("{name}{suffix}")
    } else {
        name
    }
}

/// The reserved name `origin` would have had, when `desired` is what a name function made of it to
/// avoid that name (`Self` for `SelfModel`, `self` for `self_`); raw identifiers are not renames.
fn reserved_origin(desired: &str, origin: &str) -> Option<String> {
    // The only ways a name function changes a plain name besides raw identifiers; anything else
    // cannot be an avoided reserved name, so the conversions below (run for every claim) are
    // skipped.
    let changed = desired.ends_with("Model") || desired.ends_with('_') || desired == "SelfValue";
    if !changed {
        return None;
    }
    let candidates = [
        (plain_type(origin), type_name(origin)),
        (plain_snake(origin), field_name(origin)),
        (plain_snake(origin), module_name(origin)),
        (plain_variant(origin), variant_name(origin)),
    ];
    candidates
        .into_iter()
        .find(|(plain, safe)| plain != desired && safe == desired)
        .map(|(plain, _)| plain)
}

/// Replaces every character that cannot be in an identifier with a word separator.
fn alphanumeric(raw: &str) -> String {
    raw.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

fn punctuation_word(c: char) -> String {
    let word = match c {
        '+' => "Plus",
        '-' => "Minus",
        '*' => "Star",
        '/' => "Slash",
        '.' => "Dot",
        '_' => "Underscore",
        '@' => "At",
        '#' => "Hash",
        '!' => "Bang",
        '=' => "Equals",
        '<' => "Less",
        '>' => "Greater",
        '%' => "Percent",
        '&' => "And",
        '|' => "Pipe",
        ' ' => "Space",
        _ => return format!("U{:X}", c as u32),
    };
    word.to_owned()
}

/// A namespace of Rust names: hands out each name once, making later claimants unique with a numeric
/// suffix and reporting it, so a collision is never silent. Names a name function changed to avoid
/// a reserved one are reported too.
#[derive(Debug, Default)]
pub(crate) struct Namer {
    taken: BTreeSet<String>,
    /// Names this namespace's owner uses itself (`new`, `Unknown`), taken from the start.
    reserved: BTreeSet<String>,
}

impl Namer {
    /// A namespace with some names already taken: the names its owner defines itself.
    pub(crate) fn with_reserved(reserved: &[&str]) -> Self {
        let reserved: BTreeSet<String> = reserved.iter().map(|s| (*s).to_owned()).collect();
        Namer {
            taken: reserved.clone(),
            reserved,
        }
    }

    /// Claims `desired` (or `desired2`, `desired3`, … when taken) for `origin`, noting a rename in
    /// `diagnostics`.
    pub(crate) fn claim(
        &mut self,
        desired: String,
        origin: &str,
        pointer: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> String {
        let avoided = reserved_origin(&desired, origin);
        let mut name = desired.clone();
        let mut n = 2usize;
        while !self.taken.insert(name.clone()) {
            name = format!("{desired}{n}");
            n += 1;
        }
        let reserved_word = "is reserved in Rust or in the generated code";
        let why = match (&avoided, name == desired) {
            (None, true) => return name,
            (Some(_), true) => reserved_word.to_owned(),
            (Some(_), false) => format!("{reserved_word}, and `{desired}` is already taken"),
            (None, false) if self.reserved.contains(&desired) => {
                "is reserved here (the generated code defines it)".to_owned()
            }
            (None, false) => "is already taken".to_owned(),
        };
        let original = avoided.unwrap_or(desired);
        let subject = if original == origin {
            format!("`{origin}`")
        } else {
            format!("`{origin}` would be named `{original}`, which")
        };
        diagnostics.push(Diagnostic {
            kind: NoteKind::Renamed,
            pointer: pointer.to_owned(),
            message: format!("{subject} {why}; named `{name}` instead"),
        });
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(f: fn(&str) -> String, cases: &[(&str, &str)]) {
        for (input, expected) in cases {
            assert_eq!(f(input), *expected, "input {input:?}");
        }
    }

    #[test]
    fn type_names() {
        check(
            type_name,
            &[
                ("APIErrorResponse", "ApiErrorResponse"),
                ("OrgConnectionTypeEnum", "OrgConnectionTypeEnum"),
                ("org_connection", "OrgConnection"),
                ("2fa settings", "N2faSettings"),
                ("", "Unnamed"),
                ("Self", "SelfModel"),
                ("self", "SelfModel"),
                ("option", "OptionModel"),
                ("Result", "ResultModel"),
                ("client", "ClientModel"),
                ("iterator", "IteratorModel"),
            ],
        );
    }

    #[test]
    fn field_names() {
        check(
            field_name,
            &[
                ("type", "r#type"),
                ("connection_types", "connection_types"),
                ("page[size]", "page_size"),
                ("filter[connected_team_ids]", "filter_connected_team_ids"),
                ("createdAt", "created_at"),
                ("self", "self_"),
                ("Self", "self_"),
                ("crate", "crate_"),
                ("super", "super_"),
                ("_", "value"),
                ("gen", "r#gen"),
                ("async", "r#async"),
                ("try", "r#try"),
                ("3d", "n3d"),
                ("", "value"),
            ],
        );
    }

    #[test]
    fn variant_names() {
        check(
            variant_name,
            &[
                ("org_connection", "OrgConnection"),
                ("github_team", "GithubTeam"),
                ("", "Empty"),
                ("1d", "V1d"),
                ("+", "Plus"),
                ("-", "Minus"),
                ("a.b", "AB"),
                ("Self", "SelfValue"),
                ("self", "SelfValue"),
                ("_", "Underscore"),
            ],
        );
    }

    #[test]
    fn module_names() {
        check(
            module_name,
            &[
                ("Org Connections", "org_connections"),
                ("type", "type_"),
                ("self", "self_"),
                ("std", "std_"),
                ("serde_json", "serde_json_"),
                ("Serde JSON", "serde_json_"),
                ("core", "core_"),
                ("openapi-sdk-runtime", "openapi_sdk_runtime_"),
            ],
        );
    }

    #[test]
    fn namer_suffixes_and_reports_collisions() {
        let mut diags = Vec::new();
        let mut namer = Namer::with_reserved(&["Error"]);
        assert_eq!(
            namer.claim(type_name("AWSAccountID"), "AWSAccountID", "/a", &mut diags),
            "AwsAccountId"
        );
        assert_eq!(
            namer.claim(type_name("AwsAccountId"), "AwsAccountId", "/b", &mut diags),
            "AwsAccountId2"
        );
        assert_eq!(
            namer.claim("Error".into(), "Error", "/c", &mut diags),
            "Error2"
        );
        assert_eq!(diags.len(), 2);
        assert_eq!(diags[0].pointer, "/b");
        assert!(diags[0].message.contains("AwsAccountId2"));
        assert!(
            diags[1].message.contains("reserved here"),
            "{}",
            diags[1].message
        );
    }

    #[test]
    fn namer_notes_names_changed_to_avoid_reserved_ones() {
        let mut diags = Vec::new();
        let mut types = Namer::default();
        assert_eq!(
            types.claim(type_name("Self"), "Self", "/s", &mut diags),
            "SelfModel"
        );
        // A spec name that is already the safe spelling is not a rename.
        assert_eq!(
            types.claim(type_name("OptionModel"), "OptionModel", "/o", &mut diags),
            "OptionModel"
        );
        let mut fields = Namer::default();
        assert_eq!(
            fields.claim(field_name("self"), "self", "/f", &mut diags),
            "self_"
        );
        // A raw identifier keeps its name.
        assert_eq!(
            fields.claim(field_name("type"), "type", "/t", &mut diags),
            "r#type"
        );
        let pointers: Vec<&str> = diags.iter().map(|d| d.pointer.as_str()).collect();
        assert_eq!(pointers, ["/s", "/f"]);
        assert!(diags.iter().all(|d| d.kind == NoteKind::Renamed));
        assert_eq!(
            diags[0].message,
            "`Self` is reserved in Rust or in the generated code; named `SelfModel` instead"
        );
        assert!(
            diags[1].message.contains("named `self_` instead"),
            "{}",
            diags[1].message
        );
    }

    /// Every keyword and reserved name, in several spellings, for the property tests to draw from.
    fn reserved_spellings() -> Vec<String> {
        let words = RAW_KEYWORDS
            .iter()
            .chain(NON_RAW_KEYWORDS)
            .chain(RESERVED_TYPE_NAMES)
            .chain(RESERVED_MODULE_NAMES)
            .chain(CLIENT_METHODS)
            .chain(BUILDER_MEMBERS)
            .chain(&[
                "Unknown",
                "unknown",
                "Self",
                "r#type",
                "self_",
                "Self2",
                "OptionModel",
            ]);
        words
            .flat_map(|w| {
                [
                    w.to_string(),
                    w.to_uppercase(),
                    w.to_lowercase(),
                    format!(" {w} "),
                ]
            })
            .collect()
    }

    fn any_name() -> impl Strategy<Value = String> {
        prop_oneof![
            proptest::sample::select(reserved_spellings()),
            "\\PC{0,12}",
            "[a-zA-Z0-9_ .\\-\\[\\]]{0,12}",
        ]
    }

    /// A valid identifier (raw ones included) that is not a keyword.
    fn assert_identifier(name: &str) -> Result<(), TestCaseError> {
        let parsed = syn::parse_str::<syn::Ident>(name);
        prop_assert!(parsed.is_ok(), "{name:?} is not an identifier");
        let bare = name.strip_prefix("r#").unwrap_or(name);
        if name.starts_with("r#") {
            prop_assert!(!NON_RAW_KEYWORDS.contains(&bare), "{name:?}");
        } else {
            prop_assert!(
                !RAW_KEYWORDS.contains(&bare) && !NON_RAW_KEYWORDS.contains(&bare),
                "{name:?} is a keyword"
            );
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn name_functions_give_identifiers_no_position_reserves(raw in any_name()) {
            let ty = type_name(&raw);
            assert_identifier(&ty)?;
            prop_assert!(!ty.starts_with("r#") && !RESERVED_TYPE_NAMES.contains(&ty.as_str()), "type {ty:?}");
            prop_assert!(ty.starts_with(|c: char| c.is_ascii_uppercase()), "type {ty:?}");

            let field = field_name(&raw);
            assert_identifier(&field)?;

            let variant = variant_name(&raw);
            assert_identifier(&variant)?;
            prop_assert!(!variant.starts_with("r#") && variant != "Self", "variant {variant:?}");

            // A module name is also a file name and a Cargo feature: no raw identifiers, only
            // ASCII letters, digits and underscores, starting with a letter.
            let module = module_name(&raw);
            assert_identifier(&module)?;
            prop_assert!(!RESERVED_MODULE_NAMES.contains(&module.as_str()), "module {module:?}");
            prop_assert!(module.starts_with(|c: char| c.is_ascii_lowercase()), "module {module:?}");
            prop_assert!(module.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'), "module {module:?}");
        }

        #[test]
        fn namer_hands_out_unique_names(raws in proptest::collection::vec(any_name(), 0..40)) {
            let mut diags = Vec::new();
            let mut types = Namer::with_reserved(RESERVED_TYPE_NAMES);
            let mut methods = Namer::with_reserved(CLIENT_METHODS);
            let mut setters = Namer::with_reserved(BUILDER_MEMBERS);
            let (mut t, mut m, mut s) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
            for raw in &raws {
                let ty = types.claim(type_name(raw), raw, "/t", &mut diags);
                assert_identifier(&ty)?;
                prop_assert!(!RESERVED_TYPE_NAMES.contains(&ty.as_str()));
                prop_assert!(t.insert(ty));
                let method = methods.claim(field_name(raw), raw, "/m", &mut diags);
                prop_assert!(!CLIENT_METHODS.contains(&method.as_str()));
                prop_assert!(m.insert(method));
                let setter = setters.claim(field_name(raw), raw, "/s", &mut diags);
                assert_identifier(&setter)?;
                prop_assert!(!BUILDER_MEMBERS.contains(&setter.as_str()));
                prop_assert!(s.insert(setter));
            }
            prop_assert!(diags.iter().all(|d| d.kind == NoteKind::Renamed));
        }
    }
}
