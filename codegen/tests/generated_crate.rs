//! A standalone crate as a user gets it: its Cargo features (`full` is every operation, no module
//! or feature is named `default`), its package metadata (`cargo package` has nothing to warn
//! about), and its README (the runtime source its manifest names, the features, credentials,
//! servers, Preview operations and an example; spec text escaped; the same bytes every run).

use openapi_sdk_codegen::{
    generate, Config, CrateOptions, Generated, Options, Output, RuntimeSource,
};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use toml_edit::DocumentMut;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn runtime_dir() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../sdk/runtime")
        .canonicalize()
        .expect("the runtime's folder")
        .display()
        .to_string()
}

fn crate_of(spec: &str, config: &str, runtime: Option<RuntimeSource>) -> Generated {
    let options = Options {
        spec_name: "spec.yaml".into(),
        config: Config::parse(config).expect("configuration"),
        output: Output::Crate(CrateOptions {
            name: "example-api".into(),
            version: "0.2.0".into(),
            runtime,
        }),
        ..Options::default()
    };
    generate(spec, &options).unwrap_or_else(|e| panic!("{e}"))
}

fn manifest(generated: &Generated) -> DocumentMut {
    generated.files["Cargo.toml"]
        .parse()
        .expect("a TOML manifest")
}

fn strings(item: &toml_edit::Item) -> Vec<String> {
    item.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Every operation module is a feature that `full` turns on, the untagged operations' included;
/// tags named `default`, `full` and `untagged` get modules of their own; Cargo's `default` holds
/// the runtime's transport features and no operation.
#[test]
fn full_is_every_operation_and_no_module_is_named_default() {
    let generated = crate_of(&fixture("names.yaml"), "", None);
    let modules: BTreeSet<String> = generated
        .files
        .keys()
        .filter_map(|p| p.strip_prefix("src/operations/")?.strip_suffix(".rs"))
        .filter(|m| *m != "mod")
        .map(str::to_owned)
        .collect();
    let expected: BTreeSet<String> = ["default2", "full2", "names", "untagged", "untagged2"]
        .map(str::to_owned)
        .into();
    assert_eq!(modules, expected);
    let manifest = manifest(&generated);
    let features = &manifest["features"];
    let full: BTreeSet<String> = strings(&features["full"]).into_iter().collect();
    assert_eq!(full, modules, "{manifest}");
    for m in &modules {
        assert!(features.get(m).is_some(), "feature {m} in {manifest}");
    }
    assert_eq!(strings(&features["default"]), ["rustls", "http2", "gzip"]);
    // The module of the operations without a tag holds them.
    let untagged = &generated.files["src/operations/untagged2.rs"];
    assert!(untagged.contains("pub fn get_without_tag("), "{untagged}");
}

/// The metadata crates.io shows: documentation (docs.rs by default), readme, keywords,
/// categories, docs.rs building every feature, and what the configuration gives.
#[test]
fn the_manifest_carries_package_metadata() {
    let spec = fixture("auth_servers.yaml");
    let bare = manifest(&crate_of(&spec, "", None));
    let package = &bare["package"];
    assert_eq!(
        package["documentation"].as_str(),
        Some("https://docs.rs/example-api/0.2.0")
    );
    assert_eq!(package["readme"].as_str(), Some("README.md"));
    assert!(package.get("homepage").is_none() && package.get("repository").is_none());
    assert_eq!(
        package["metadata"]["docs"]["rs"]["all-features"].as_bool(),
        Some(true)
    );
    assert!(!strings(&package["keywords"]).is_empty() && strings(&package["keywords"]).len() <= 5);
    assert!(strings(&package["categories"]).contains(&"api-bindings".to_owned()));

    let configured = manifest(&crate_of(
        &spec,
        "package: { license: MIT, repository: 'https://r.example/x', documentation: 'https://d.example/x', homepage: 'https://h.example' }\n",
        None,
    ));
    let package = &configured["package"];
    for (key, expected) in [
        ("license", "MIT"),
        ("repository", "https://r.example/x"),
        ("documentation", "https://d.example/x"),
        ("homepage", "https://h.example"),
    ] {
        assert_eq!(package[key].as_str(), Some(expected), "{key}");
    }
}

/// Without a license or a repository the generator says so, and how to set them; with both it
/// has nothing to say about the package.
#[test]
fn missing_metadata_is_a_configuration_note() {
    let spec = fixture("auth_servers.yaml");
    let notes = |g: &Generated| -> Vec<String> {
        g.diagnostics
            .iter()
            .filter(|d| d.kind == openapi_sdk_codegen::ir::NoteKind::Configuration)
            .map(|d| d.message.clone())
            .collect()
    };
    let bare = notes(&crate_of(&spec, "", None));
    assert!(
        bare.iter().any(|n| n.contains("no license")
            && n.contains("cargo package")
            && n.contains("package: { license:")),
        "{bare:?}"
    );
    assert!(
        bare.iter()
            .any(|n| n.contains("no repository") && n.contains("package: { repository:")),
        "{bare:?}"
    );
    let configured = notes(&crate_of(
        &spec,
        "package: { license: MIT, repository: 'https://r.example/x' }\n",
        None,
    ));
    assert!(configured.is_empty(), "{configured:?}");
}

/// `cargo package --list` (offline, no build) of a generated crate whose runtime is a folder, as
/// `RuntimeSource::Path` writes it: no warning once the license and repository are configured,
/// and cargo's own warning without a license (so the check can fail).
#[test]
fn cargo_package_has_no_warnings() {
    let spec = fixture("auth_servers.yaml");
    let runtime = Some(RuntimeSource::Path {
        path: runtime_dir(),
        version: openapi_sdk_codegen::RUNTIME_VERSION.into(),
    });
    let package = |config: &str, folder: &str| -> String {
        let generated = crate_of(&spec, config, runtime.clone());
        let dir =
            std::env::temp_dir().join(format!("codegen-package-{folder}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (rel, contents) in &generated.files {
            let path = dir.join(rel);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("create the folder");
            std::fs::write(&path, contents).expect("write a file");
        }
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let output = Command::new(cargo)
            .args(["package", "--list", "--offline", "--allow-dirty"])
            .current_dir(&dir)
            .env("CARGO_TERM_COLOR", "never")
            .output()
            .expect("run cargo");
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        let listed = String::from_utf8_lossy(&output.stdout).into_owned();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(output.status.success(), "{stderr}");
        assert!(
            listed.lines().any(|l| l == "README.md") && listed.lines().any(|l| l == "src/lib.rs"),
            "{listed}"
        );
        stderr
    };
    let configured = package(
        "package: { license: MIT, repository: 'https://r.example/x' }\n",
        "configured",
    );
    assert!(
        !configured.lines().any(|l| l.starts_with("warning:")),
        "{configured}"
    );
    let bare = package("", "bare");
    assert!(
        bare.lines()
            .any(|l| l.starts_with("warning:") && l.contains("license")),
        "{bare}"
    );
}

const HOSTILE: &str = r#"openapi: 3.0.3
info:
  title: "Pets <script>alert(1)</script> | *API*"
  version: "2.0 <b>"
  description: |
    Pets and their owners.

    ```rust
    fn main() { std::process::exit(1) }
    ```

        indented code

    <img src=x onerror=alert(1)>
servers:
  - url: "https://{region}.pets.example"
    description: "Main | <i>server</i>"
    variables:
      region: {default: eu, enum: [eu, us]}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
    token: {type: http, scheme: bearer}
paths:
  /pets:
    get:
      operationId: listPets
      tags: [pets]
      responses: {'200': {description: ok}}
  /pets/{id}:
    get:
      operationId: getPet
      tags: [pets]
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses: {'200': {description: ok}}
  /lab:
    get:
      operationId: labExperiment
      x-unstable: "in preview"
      responses: {'200': {description: ok}}
"#;

/// The README's parts, each from the model: the runtime line exactly as in `Cargo.toml`, a row
/// per feature with its operations, each scheme's setter and environment variable, the servers
/// and variables, the Preview operations, and an example with a `main` that calls an operation.
#[test]
fn the_readme_describes_the_crate() {
    let config = "auth:\n  key: { env: PETS_KEY, setter: api_key }\n";
    let generated = crate_of(HOSTILE, config, None);
    let readme = &generated.files["README.md"];
    let cargo = &generated.files["Cargo.toml"];
    let runtime_line = cargo
        .lines()
        .find(|l| l.starts_with("openapi-sdk-runtime = "))
        .expect("the runtime dependency");
    assert!(
        readme.contains(&format!("```toml\n{runtime_line}\n```")),
        "{readme}"
    );
    assert!(readme.contains("[patch.crates-io]"), "{readme}");
    assert!(readme.contains("--runtime-path") && readme.contains("runtime: { git:"));
    assert!(readme.contains("example-api = { path = "), "{readme}");
    for row in [
        "| `pets` | `pets` | `list_pets`, `get_pet` |",
        "| `untagged` | none | `lab_experiment` |",
        "| `full` | every tag | every operation above |",
        "| `key` | header `X-Key` | `.api_key(…)` | `PETS_KEY` |",
        "| `token` | `Authorization: Bearer …` | `.token(…)` | none |",
        "| 0 | `https://{region}.pets.example` | Main \\| \\<i\\>server\\</i\\> |",
        "| `region` | `eu` | `eu`, `us` | `.region(Region::…)` | none |",
        "| `labExperiment` | `lab_experiment` |",
    ] {
        assert!(readme.lines().any(|l| l == row), "{row} in\n{readme}");
    }
    assert!(
        readme.contains("enable_preview(\"labExperiment\")"),
        "{readme}"
    );
    // The example: the rustdoc example of the first operation without arguments, and a main.
    assert!(
        readme.contains("async fn example(client: &Client) -> Result<(), Error> {\n    client.list_pets().send().await?;")
            && readme.contains("let client = Client::from_env()?;\n    example(&client).await?;"),
        "{readme}"
    );
    // With the runtime from a folder, the README says that instead of the patch.
    let by_path = crate_of(
        HOSTILE,
        config,
        Some(RuntimeSource::Path {
            path: "../runtime".into(),
            version: "0.1.0".into(),
        }),
    );
    let readme = &by_path.files["README.md"];
    assert!(
        readme.contains("openapi-sdk-runtime = { version = \"0.1.0\", path = \"../runtime\", default-features = false }")
            && !readme.contains("[patch.crates-io]"),
        "{readme}"
    );
}

/// Spec text is text: the title, version and server description are escaped, and the
/// description's code blocks are `text` blocks and its HTML is escaped. The README is the same
/// every run.
#[test]
fn the_readme_escapes_spec_text_and_is_deterministic() {
    let a = crate_of(HOSTILE, "", None);
    let b = crate_of(HOSTILE, "", None);
    assert_eq!(a.files["README.md"], b.files["README.md"]);
    let readme = &a.files["README.md"];
    // The generator's own marker opens it.
    let marker =
        "<!-- @generated by openapi-sdk-codegen with the crate: regenerate rather than edit. -->\n";
    let body = readme.strip_prefix(marker).expect("the generated marker");
    // As a Markdown renderer reads it: no HTML, and every code block fenced as TOML, the
    // generator's Rust, or text.
    use pulldown_cmark::{CodeBlockKind, Event, Options as Markdown, Parser, Tag};
    for event in Parser::new_ext(body, Markdown::ENABLE_TABLES) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => panic!("HTML {html:?} in\n{readme}"),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                panic!("an indented code block in\n{readme}")
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => assert!(
                ["toml", "rust,no_run", "text"].contains(&&*info),
                "{info} in\n{readme}"
            ),
            _ => {}
        }
    }
    assert!(
        readme.contains("Pets \\<script\\>alert\\(1\\)\\</script\\> \\| \\*API\\*"),
        "{readme}"
    );
    assert!(
        readme.contains("```text\nfn main() { std::process::exit(1) }\n```"),
        "{readme}"
    );
}
