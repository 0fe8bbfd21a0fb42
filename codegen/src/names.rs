//! Every Rust name the generator emits comes from here: case conversion (heck), then identifier and
//! keyword rules, then a deterministic way to make collisions unique.

use crate::ir::Diagnostic;
use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::BTreeSet;

/// Keywords that can be used as raw identifiers (`r#type`).
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers; they get a trailing underscore instead.
const NON_RAW_KEYWORDS: &[&str] = &["crate", "self", "super", "Self", "_"];

/// Type names the generated code itself refers to unqualified, so a model may not take them.
pub(crate) const RESERVED_TYPE_NAMES: &[&str] = &[
    "Box", "Client", "Default", "Error", "None", "Ok", "Err", "Option", "Result", "Self", "Some",
    "String", "Vec",
];

/// `OrgConnectionType`, from any spelling (`org_connection_type`, `APIErrorResponse`, `page[size]`).
pub(crate) fn type_name(raw: &str) -> String {
    let name = alphanumeric(raw).to_upper_camel_case();
    if name.is_empty() {
        "Unnamed".to_owned()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("N{name}")
    } else {
        name
    }
}

/// `connection_types`, `r#type`, `page_size` (from `page[size]`).
pub(crate) fn field_name(raw: &str) -> String {
    let mut name = alphanumeric(raw).to_snake_case();
    if name.is_empty() {
        name = "value".to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name = format!("n{name}");
    }
    keyword_safe(name)
}

/// `Logs`, `GithubTeam`; `Empty` for the empty string and a `V` prefix for leading digits.
pub(crate) fn variant_name(raw: &str) -> String {
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

/// Module file names: snake case, keyword-safe without raw identifiers.
pub(crate) fn module_name(raw: &str) -> String {
    let name = field_name(raw);
    match name.strip_prefix("r#") {
        Some(bare) => format!("{bare}_"),
        None => name,
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
/// suffix and reporting it, so a collision is never silent.
#[derive(Debug, Default)]
pub(crate) struct Namer {
    taken: BTreeSet<String>,
}

impl Namer {
    /// A namespace with some names already taken.
    pub(crate) fn with_reserved(reserved: &[&str]) -> Self {
        Namer {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
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
        if self.taken.insert(desired.clone()) {
            return desired;
        }
        let mut n = 2usize;
        loop {
            let candidate = format!("{desired}{n}");
            if self.taken.insert(candidate.clone()) {
                diagnostics.push(Diagnostic {
                    kind: crate::ir::NoteKind::Renamed,
                    pointer: pointer.to_owned(),
                    message: format!(
                        "`{origin}` would be named `{desired}`, which is already taken; named `{candidate}` instead"
                    ),
                });
                return candidate;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
