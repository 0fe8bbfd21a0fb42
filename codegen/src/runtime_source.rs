//! Where a generated crate gets the runtime crate (`openapi-sdk-runtime`) from: a registry
//! version, a folder, or a git repository. The generator configuration's `runtime` key and the
//! command line choose it; [`RuntimeSource::default`] is the registry version.

use serde::Deserialize;

/// The runtime crate's package name, as a generated `Cargo.toml` names it.
pub const RUNTIME_PACKAGE: &str = "openapi-sdk-runtime";

/// The runtime version a generated crate requires by default: the runtime this generator was
/// built with.
pub const RUNTIME_VERSION: &str = "0.1.0";

/// Where a generated crate's `openapi-sdk-runtime` dependency comes from. Every form keeps a
/// version requirement, which `cargo package` needs and a registry build uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeSource {
    /// From the registry (crates.io) by version requirement alone.
    Registry {
        /// The version requirement (`0.1.0`).
        version: String,
    },
    /// From a folder holding the runtime's `Cargo.toml`: absolute, or relative to the generated
    /// crate's root (as Cargo reads it).
    Path {
        /// The folder.
        path: String,
        /// The version requirement.
        version: String,
    },
    /// From a git repository that holds the runtime (Cargo finds the package by name in it).
    Git {
        /// The repository URL (`https://…`, `ssh://…`, `file://…`).
        url: String,
        /// Which commit.
        reference: GitReference,
        /// The version requirement.
        version: String,
    },
}

/// Which commit of a git repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitReference {
    /// The repository's default branch.
    DefaultBranch,
    /// The head of a branch.
    Branch(String),
    /// A tag.
    Tag(String),
    /// A commit id.
    Rev(String),
}

impl Default for RuntimeSource {
    fn default() -> Self {
        RuntimeSource::Registry {
            version: RUNTIME_VERSION.to_owned(),
        }
    }
}

impl RuntimeSource {
    /// The version requirement.
    pub fn version(&self) -> &str {
        match self {
            RuntimeSource::Registry { version }
            | RuntimeSource::Path { version, .. }
            | RuntimeSource::Git { version, .. } => version,
        }
    }
}

/// The configuration's `runtime` key, in Cargo's own dependency words:
/// `{ version: "0.1" }`, `{ path: ../runtime }`, or `{ git: URL, tag: v0.1.0 }` (or `branch`,
/// or `rev`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuntimeConfig {
    /// The version requirement (default: [`RUNTIME_VERSION`]).
    pub version: Option<String>,
    /// A folder holding the runtime, relative to the generated crate's root or absolute.
    pub path: Option<String>,
    /// A git repository holding the runtime.
    pub git: Option<String>,
    /// With `git`: a branch.
    pub branch: Option<String>,
    /// With `git`: a tag.
    pub tag: Option<String>,
    /// With `git`: a commit id.
    pub rev: Option<String>,
}

impl RuntimeConfig {
    /// The source this entry names, or why it names none (the reason, and the key it is about).
    pub fn source(&self) -> Result<RuntimeSource, (&'static str, String)> {
        let version = self
            .version
            .clone()
            .unwrap_or_else(|| RUNTIME_VERSION.to_owned());
        if version.trim().is_empty() {
            return Err(("version", "the version requirement is empty".to_owned()));
        }
        let refs: Vec<(&'static str, &String)> = [
            ("branch", &self.branch),
            ("tag", &self.tag),
            ("rev", &self.rev),
        ]
        .into_iter()
        .filter_map(|(key, value)| Some((key, value.as_ref()?)))
        .collect();
        match (&self.path, &self.git) {
            (Some(_), Some(_)) => Err((
                "git",
                "the runtime comes from a `path` or from `git`, not both".to_owned(),
            )),
            (Some(path), None) => match refs.first() {
                Some((key, _)) => Err((key, format!("`{key}` goes with `git`, not `path`"))),
                None if path.trim().is_empty() => Err(("path", "the path is empty".to_owned())),
                None => Ok(RuntimeSource::Path {
                    path: path.clone(),
                    version,
                }),
            },
            (None, Some(url)) => {
                let reference = match refs.as_slice() {
                    [] => GitReference::DefaultBranch,
                    [("branch", b)] => GitReference::Branch((*b).clone()),
                    [("tag", t)] => GitReference::Tag((*t).clone()),
                    [(_, r)] => GitReference::Rev((*r).clone()),
                    [_, (key, _), ..] => {
                        return Err((key, "give one of `branch`, `tag` or `rev`".to_owned()))
                    }
                };
                if url.trim().is_empty() {
                    return Err(("git", "the repository URL is empty".to_owned()));
                }
                Ok(RuntimeSource::Git {
                    url: url.clone(),
                    reference,
                    version,
                })
            }
            (None, None) => match refs.first() {
                Some((key, _)) => Err((key, format!("`{key}` goes with `git`"))),
                None => Ok(RuntimeSource::Registry { version }),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> RuntimeConfig {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn each_form_names_its_source() {
        assert_eq!(config("{}").source().unwrap(), RuntimeSource::default());
        assert_eq!(
            config("{ path: ../rt }").source().unwrap(),
            RuntimeSource::Path {
                path: "../rt".into(),
                version: RUNTIME_VERSION.into()
            }
        );
        assert_eq!(
            config("{ git: 'https://g/x', tag: v1, version: '1' }")
                .source()
                .unwrap(),
            RuntimeSource::Git {
                url: "https://g/x".into(),
                reference: GitReference::Tag("v1".into()),
                version: "1".into()
            }
        );
        for (text, key) in [
            ("{ path: a, git: b }", "git"),
            ("{ path: a, tag: b }", "tag"),
            ("{ rev: a }", "rev"),
            ("{ git: u, tag: a, rev: b }", "rev"),
            ("{ version: ' ' }", "version"),
        ] {
            assert_eq!(config(text).source().unwrap_err().0, key, "{text}");
        }
    }
}
