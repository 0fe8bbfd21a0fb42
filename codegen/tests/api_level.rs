//! What the generator makes of the API-level parts of a spec: security schemes and requirements,
//! servers and their variables, `x-pagination`, and the configuration; including the notes it
//! gives when a construct cannot be followed, instead of generating something wrong.

use openapi_sdk_codegen::{generate, Config, Generated, Options};

const HEAD: &str = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";

fn run(spec: &str, config: &str) -> Generated {
    let options = Options {
        config: Config::parse(config).expect("configuration"),
        ..Options::default()
    };
    generate(&format!("{HEAD}{spec}"), &options).unwrap_or_else(|e| panic!("{e}"))
}

fn notes(generated: &Generated) -> String {
    generated
        .diagnostics
        .iter()
        .map(|d| format!("{d}\n"))
        .collect()
}

fn all_code(generated: &Generated) -> String {
    generated.files.values().cloned().collect()
}

const LIST: &str = r#"
components:
  schemas:
    Page:
      type: object
      properties:
        data: {type: array, items: {$ref: '#/components/schemas/Item'}}
        meta:
          type: object
          properties:
            next: {type: string, nullable: true}
            total: {type: integer, format: int32}
    Item:
      type: object
      required: [id]
      properties:
        id: {type: string}
    Search:
      type: object
      required: [query]
      properties:
        query: {type: string}
        page:
          type: object
          properties:
            cursor: {type: string}
            limit: {type: integer, format: int32}
"#;

fn list_op(annotation: &str, params: &str) -> String {
    format!(
        r#"paths:
  /items:
    get:
      operationId: ListItems
      x-pagination: {annotation}
      parameters: {params}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Page'}}
{LIST}"#
    )
}

#[test]
fn each_pagination_style_gets_a_stream() {
    let params = "[{name: 'page[cursor]', in: query, schema: {type: string}}, {name: 'page[limit]', in: query, schema: {type: integer, format: int32, default: 25}}]";
    let cursor = run(&list_op("{cursorParam: 'page[cursor]', cursorPath: meta.next, limitParam: 'page[limit]', resultsPath: data}", params), "");
    let code = all_code(&cursor);
    assert!(
        code.contains("impl rt::pagination::PageSource for ListItemsRequest"),
        "{code}"
    );
    assert!(code.contains("style: rt::pagination::Style::Cursor"));
    assert!(
        code.contains("stop_on_short_page: true"),
        "no stop rules configured: a short page ends it"
    );
    assert!(
        code.contains("self.page_limit.map(i64::from).or(Some(25))"),
        "the documented default page size"
    );
    assert!(
        code.contains("item.id.to_string()"),
        "items with an id key the repeated-page guard"
    );

    let params = "[{name: offset, in: query, schema: {type: integer, format: int64}}]";
    let offset = run(
        &list_op("{pageOffsetParam: offset}", params),
        "pagination:\n  ListItems: {total_paths: [meta.total]}\n",
    );
    let code = all_code(&offset);
    assert!(
        code.contains("Style::Offset") && code.contains("stop_on_short_page: false"),
        "{code}"
    );
    assert!(code.contains(".total("), "the configured total is read");

    let params = "[{name: page, in: query, schema: {type: integer, format: int64}}]";
    let numbered = run(&list_op("{pageParam: page, pageStart: 1}", params), "");
    let code = all_code(&numbered);
    assert!(
        code.contains("Style::PageNumber") && code.contains("start: 1,"),
        "{code}"
    );
}

#[test]
fn a_cursor_in_the_body_is_set_on_the_body() {
    let spec = format!(
        r#"paths:
  /search:
    post:
      operationId: SearchItems
      x-pagination: {{cursorParam: body.page.cursor, cursorPath: meta.next, limitParam: body.page.limit}}
      requestBody:
        content:
          application/json:
            schema: {{$ref: '#/components/schemas/Search'}}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Page'}}
{LIST}"#
    );
    // The body is optional but has a required property: it cannot be created empty.
    let generated = run(&spec, "");
    assert!(notes(&generated).contains("no pagination stream for `SearchItems`: `body.page.cursor`: the optional body cannot be created empty"), "{}", notes(&generated));
    assert!(!all_code(&generated).contains("PageSource for"));

    let required = spec.replace(
        "      requestBody:\n",
        "      requestBody:\n        required: true\n",
    );
    let code = all_code(&run(&required, ""));
    assert!(code.contains("let target = &mut request.body;"), "{code}");
    assert!(
        code.contains("let target = target.page.get_or_insert_with(Default::default);"),
        "{code}"
    );
    assert!(code.contains("target.cursor = Some(value);"), "{code}");
}

#[test]
fn annotations_that_cannot_be_followed_are_notes_not_streams() {
    let cases = [
        (
            "{pageParam: missing}",
            "[]",
            "it names `missing`, which is not a query parameter of the operation",
        ),
        (
            "{pageOffsetParam: offset, resultsPath: meta}",
            "[{name: offset, in: query, schema: {type: integer}}]",
            "`meta` is not a list",
        ),
        (
            "{cursorParam: c}",
            "[{name: c, in: query, schema: {type: string}}]",
            "a cursorParam needs a cursorPath",
        ),
        (
            "{limitParam: l}",
            "[]",
            "names no cursorParam, pageOffsetParam or pageParam",
        ),
        (
            "{pageParam: p}",
            "[{name: p, in: query, schema: {type: string}}]",
            "has an unexpected type",
        ),
    ];
    for (annotation, params, note) in cases {
        let generated = run(&list_op(annotation, params), "");
        assert!(
            notes(&generated).contains(note),
            "{annotation}: {}",
            notes(&generated)
        );
        assert!(
            !all_code(&generated).contains("PageSource for"),
            "{annotation}"
        );
    }
    let params = "[{name: page, in: query, schema: {type: integer}}]";
    let generated = run(
        &list_op("{pageParam: page}", params),
        "pagination:\n  ListItems: {next_page_path: meta.nope}\n  Other: {}\n",
    );
    let text = notes(&generated);
    assert!(text.contains("`meta.nope`: no property `nope`"), "{text}");
    assert!(
        text.contains("rules for `Other`, which has no x-pagination annotation"),
        "{text}"
    );
}

const SECURED: &str = r#"servers:
  - url: https://{region}.example.com/v1
    variables:
      region: {default: eu, enum: [eu, us]}
  - url: /relative
security: [{key: []}]
paths:
  /a:
    get:
      operationId: Open
      security: []
      responses: {'204': {description: none}}
  /b:
    get:
      operationId: Either
      security: [{key: [], query: []}, {token: []}]
      responses: {'204': {description: none}}
  /c:
    get:
      operationId: Default
      responses: {'204': {description: none}}
  /d:
    get:
      operationId: Ghost
      security: [{nope: []}]
      responses: {'204': {description: none}}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key, x-env-name: EXAMPLE_KEY}
    query: {type: apiKey, in: query, name: k}
    token: {type: http, scheme: bearer}
    digest: {type: http, scheme: digest}
"#;

#[test]
fn security_and_servers_become_data_and_setters() {
    let generated = run(SECURED, "auth:\n  token: {env: EXAMPLE_TOKEN, setter: access_token}\nserver_variables:\n  region: {type: Region, names: {eu: EU1}}\n");
    let code = all_code(&generated);
    assert!(
        code.contains("security: &[],"),
        "security: [] sends nothing"
    );
    assert!(
        code.contains(r#"security: &[&["key", "query"], &["token"]],"#),
        "alternatives in order"
    );
    assert!(
        code.contains(r#"security: &[&["key"]],"#),
        "the document's default"
    );
    assert!(
        code.contains("pub fn access_token(self, access_token: impl Into<String>)"),
        "configured setter"
    );
    assert!(
        code.contains("pub fn key(self, key: impl Into<String>)"),
        "default setter"
    );
    assert!(
        code.contains(r#"rt::env_var("EXAMPLE_KEY")"#)
            && code.contains(r#"rt::env_var("EXAMPLE_TOKEN")"#)
    );
    assert!(
        code.contains("pub enum Region")
            && code.contains("Eu1,")
            && code.contains("pub fn region(self, region: Region)")
    );
    assert!(code.contains(r#"url: "https://{region}.example.com/v1""#));
    let text = notes(&generated);
    assert!(
        text.contains("HTTP auth scheme `digest` is not supported"),
        "{text}"
    );
    assert!(
        text.contains("names `nope`, which is not a usable security scheme"),
        "{text}"
    );
    assert!(
        text.contains("/servers/1/url: server URL `/relative` is relative"),
        "{text}"
    );
}

#[test]
fn configuration_errors_point_into_the_configuration() {
    let err = Config::parse("auth:\n  key: {envv: X}\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("/auth/key") && err.contains("envv"), "{err}");
    let err = Config::parse("pagination: [1]\n").unwrap_err().to_string();
    assert!(err.contains("/pagination"), "{err}");
}

/// A tag whose module is named like one of the runtime's forwarded features (`gzip`) shares that
/// feature: the manifest declares it once, forwarding to the runtime.
#[test]
fn a_tag_named_like_a_runtime_feature_shares_it() {
    use openapi_sdk_codegen::{CrateOptions, Output};
    let spec = "paths:\n  /a:\n    get:\n      operationId: Squeeze\n      tags: [Gzip]\n      responses: {'204': {description: none}}\n  /b:\n    get:\n      operationId: Plain\n      tags: [plain]\n      responses: {'204': {description: none}}\n";
    let options = Options {
        output: Output::Crate(CrateOptions {
            name: "example".into(),
            version: "0.1.0".into(),
            runtime: None,
        }),
        ..Options::default()
    };
    let generated = generate(&format!("{HEAD}{spec}"), &options).unwrap_or_else(|e| panic!("{e}"));
    let manifest = &generated.files["Cargo.toml"];
    let declared = |name: &str| {
        manifest
            .lines()
            .filter(|l| l.starts_with(&format!("{name} = ")))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        declared("gzip"),
        vec!["gzip = [\"openapi-sdk-runtime/gzip\"]"],
        "{manifest}"
    );
    assert_eq!(declared("plain"), vec!["plain = []"], "{manifest}");
    assert!(
        manifest.contains("full = [\"gzip\", \"plain\"]"),
        "{manifest}"
    );
}

#[test]
fn a_crate_manifest_takes_its_metadata_from_the_configuration() {
    use openapi_sdk_codegen::{CrateOptions, Output};
    let config = "package: {license: MIT OR Apache-2.0, repository: \"https://example.com/r\"}\n";
    let options = Options {
        config: Config::parse(config).expect("configuration"),
        output: Output::Crate(CrateOptions {
            name: "example".into(),
            version: "0.2.0".into(),
            runtime: None,
        }),
        ..Options::default()
    };
    let generated =
        generate(&format!("{HEAD}{SECURED}"), &options).unwrap_or_else(|e| panic!("{e}"));
    let manifest = &generated.files["Cargo.toml"];
    assert!(
        manifest.contains("name = \"example\"\nversion = \"0.2.0\""),
        "{manifest}"
    );
    assert!(
        manifest
            .contains("license = \"MIT OR Apache-2.0\"\nrepository = \"https://example.com/r\""),
        "{manifest}"
    );
    assert!(
        manifest
            .contains("openapi-sdk-runtime = { version = \"0.1.0\", default-features = false }"),
        "version only outside the workspace: {manifest}"
    );
    // The runtime's features are forwarded with its defaults; a feature per tag after them.
    for line in [
        "default = [\"rustls\", \"http2\", \"gzip\"]",
        "rustls = [\"openapi-sdk-runtime/rustls\"]",
        "rustls-no-provider = [\"openapi-sdk-runtime/rustls-no-provider\"]",
        "native-tls = [\"openapi-sdk-runtime/native-tls\"]",
        "http2 = [\"openapi-sdk-runtime/http2\"]",
        "gzip = [\"openapi-sdk-runtime/gzip\"]",
    ] {
        assert!(manifest.lines().any(|l| l == line), "{line}:\n{manifest}");
    }
    assert!(
        generated.files.contains_key("src/lib.rs") && !generated.files.contains_key("src/mod.rs")
    );
}

/// Above `model_crates.max_types`, a crate's models move to crates of their own: the types two
/// tags share into `models-shared`, each tag's own into a part that depends on the shared crate
/// alone, and the crate re-exports them all under `models`, so paths stay the same.
#[test]
fn a_big_spec_splits_its_models_into_crates() {
    use openapi_sdk_codegen::{CrateOptions, Output};
    let spec = "paths:\n  /a:\n    get:\n      operationId: GetA\n      tags: [alpha]\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}}\n  /b:\n    get:\n      operationId: GetB\n      tags: [beta, Gzip]\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/B'}}}}}\n  /c:\n    get:\n      operationId: GetC\n      tags: [Gzip]\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/C'}}}}}\ncomponents:\n  schemas:\n    Shared: {type: object, properties: {n: {type: integer}}}\n    A: {type: object, properties: {s: {$ref: '#/components/schemas/Shared'}, k: {$ref: '#/components/schemas/Kind'}}}\n    Kind: {type: string, enum: [x, y]}\n    B: {type: object, properties: {s: {$ref: '#/components/schemas/Shared'}}}\n    C: {type: object, properties: {s: {$ref: '#/components/schemas/Shared'}}}\n";
    let generate_with = |max_types: usize| {
        let options = Options {
            config: Config::parse(&format!("model_crates: {{ max_types: {max_types} }}\n"))
                .expect("configuration"),
            output: Output::Crate(CrateOptions {
                name: "example".into(),
                version: "0.3.0".into(),
                runtime: Some(openapi_sdk_codegen::RuntimeSource::Path {
                    path: "../runtime".into(),
                    version: "0.1.0".into(),
                }),
            }),
            ..Options::default()
        };
        generate(&format!("{HEAD}{spec}"), &options).unwrap_or_else(|e| panic!("{e}"))
    };
    // At or under the limit (and with 0, never) the models stay in the crate.
    for max_types in [0, 5] {
        let whole = generate_with(max_types);
        assert!(
            whole.files.contains_key("src/models/common.rs"),
            "{:?}",
            whole.files.keys()
        );
        assert!(!whole.files.keys().any(|p| p.starts_with("models-")));
    }
    let split = generate_with(1);
    let paths: Vec<&str> = split.files.keys().map(String::as_str).collect();
    for expected in [
        "models-shared/Cargo.toml",
        "models-shared/src/lib.rs",
        "models-shared/src/common.rs",
        "src/models/mod.rs",
    ] {
        assert!(paths.contains(&expected), "{expected} in {paths:?}");
    }
    assert!(!paths.contains(&"src/models/common.rs"), "{paths:?}");
    // One tag's types per part (max_types 1): alpha has A and Kind, beta B, gzip C.
    let part_of = |model_file: &str| {
        paths
            .iter()
            .find(|p| p.starts_with("models-") && p.ends_with(&format!("/src/{model_file}.rs")))
            .map(|p| p.split('/').next().unwrap_or_default().to_owned())
            .unwrap_or_else(|| panic!("{model_file} in {paths:?}"))
    };
    let alpha = part_of("alpha");
    assert_ne!(alpha, "models-shared");
    assert!(split.files[&format!("{alpha}/src/alpha.rs")].contains("pub enum Kind"));
    assert!(split.files["models-shared/src/common.rs"].contains("pub struct Shared"));
    let root = &split.files[&format!("{alpha}/src/lib.rs")];
    assert!(
        root.contains("pub use self::alpha::*;") && root.contains("use example_models_shared::*;"),
        "{root}"
    );
    let part_manifest = &split.files[&format!("{alpha}/Cargo.toml")];
    assert!(
        part_manifest.contains(&format!("name = \"example-{alpha}\"")),
        "{part_manifest}"
    );
    assert!(
        part_manifest.contains(
            "example-models-shared = { version = \"=0.3.0\", path = \"../models-shared\", default-features = false }"
        ) && part_manifest.contains("path = \"../../runtime\"")
            && part_manifest.contains("alpha = [\"example-models-shared/alpha\"]"),
        "{part_manifest}"
    );
    // The crate: the shared crate always, each part optional, turned on by its tags' features;
    // a tag named like a runtime feature forwards to both.
    let manifest = &split.files["Cargo.toml"];
    let line = |name: &str| {
        manifest
            .lines()
            .find(|l| l.starts_with(&format!("{name} = ")))
            .unwrap_or_else(|| panic!("{name} in {manifest}"))
            .to_owned()
    };
    assert_eq!(
        line("example-models-shared"),
        "example-models-shared = { version = \"=0.3.0\", path = \"models-shared\", default-features = false }"
    );
    assert!(line(&format!("example-{alpha}")).ends_with("optional = true }"));
    assert_eq!(
        line("alpha"),
        format!("alpha = [\"dep:example-{alpha}\", \"example-{alpha}/alpha\"]")
    );
    let gzip = line("gzip");
    assert!(
        gzip.starts_with("gzip = [\"openapi-sdk-runtime/gzip\", \"dep:example-models-"),
        "{gzip}"
    );
    assert_eq!(manifest.matches("\ngzip = ").count(), 1, "{manifest}");
    let models = &split.files["src/models/mod.rs"];
    assert!(
        models.contains(&format!(
            "#[cfg(feature = \"alpha\")]\n#[doc(inline)]\npub use example_{}::*;",
            alpha.replace('-', "_")
        )),
        "{models}"
    );
    // Operations name the models by the same paths as before.
    assert!(split.files["src/operations/alpha.rs"].contains("use super::super::models::"));
}

/// Operations without a tag are in the `untagged` module and a tag named "Full" in `full2`: no
/// module or feature is named `default` or `full`, which keep Cargo's meaning (the runtime's
/// default features) and "every operation". In a split crate each module's feature turns on its
/// models (the crates of models, depended on without their default features, have a feature of
/// each name).
#[test]
fn a_split_crate_turns_on_the_models_of_untagged_operations_and_a_full_tag() {
    use openapi_sdk_codegen::{CrateOptions, Output};
    let spec = "paths:\n  /u:\n    get:\n      operationId: GetU\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/U'}}}}}\n  /f:\n    get:\n      operationId: GetF\n      tags: [Full]\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/F'}}}}}\n  /b:\n    get:\n      operationId: GetB\n      tags: [beta]\n      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/B'}}}}}\ncomponents:\n  schemas:\n    U: {type: object, properties: {u: {type: string}}}\n    F: {type: object, properties: {f: {type: string}}}\n    B: {type: object, properties: {b: {type: string}}}\n";
    let options = Options {
        config: Config::parse("model_crates: { max_types: 1 }\n").expect("configuration"),
        output: Output::Crate(CrateOptions {
            name: "example".into(),
            version: "0.3.0".into(),
            runtime: None,
        }),
        ..Options::default()
    };
    let split = generate(&format!("{HEAD}{spec}"), &options).unwrap_or_else(|e| panic!("{e}"));
    let part_of = |model_file: &str| {
        split
            .files
            .keys()
            .find(|p| p.starts_with("models-") && p.ends_with(&format!("/src/{model_file}.rs")))
            .map(|p| p.split('/').next().unwrap_or_default().to_owned())
            .unwrap_or_else(|| panic!("{model_file} in {:?}", split.files.keys()))
    };
    let (untagged, full) = (part_of("untagged"), part_of("full2"));
    assert!(
        split
            .files
            .keys()
            .all(|p| !p.ends_with("/default.rs") && !p.ends_with("/full.rs")),
        "{:?}",
        split.files.keys()
    );
    let manifest = &split.files["Cargo.toml"];
    let line = |name: &str| {
        manifest
            .lines()
            .find(|l| l.starts_with(&format!("{name} = ")))
            .unwrap_or_else(|| panic!("{name} in {manifest}"))
            .to_owned()
    };
    assert_eq!(
        line("default"),
        "default = [\"rustls\", \"http2\", \"gzip\"]"
    );
    assert_eq!(line("full"), "full = [\"beta\", \"full2\", \"untagged\"]");
    assert_eq!(
        line("untagged"),
        format!("untagged = [\"dep:example-{untagged}\", \"example-{untagged}/untagged\"]")
    );
    assert_eq!(
        line("full2"),
        format!("full2 = [\"dep:example-{full}\", \"example-{full}/full2\"]")
    );
    for krate in ["models-shared", untagged.as_str(), full.as_str()] {
        assert!(
            line(&format!("example-{krate}")).contains("default-features = false"),
            "{manifest}"
        );
    }
    let untagged_manifest = &split.files[&format!("{untagged}/Cargo.toml")];
    assert!(
        untagged_manifest.contains("\nuntagged = [\"example-models-shared/untagged\"]")
            && !untagged_manifest.contains("\ndefault = "),
        "{untagged_manifest}"
    );
    assert!(
        split.files[&format!("{full}/Cargo.toml")]
            .contains("\nfull2 = [\"example-models-shared/full2\"]"),
        "{}",
        split.files[&format!("{full}/Cargo.toml")]
    );
    let shared = &split.files["models-shared/Cargo.toml"];
    assert!(
        shared.contains("\nuntagged = []") && shared.contains("\nfull2 = []"),
        "{shared}"
    );
}
