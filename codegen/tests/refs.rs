//! References: any local JSON pointer, `$ref` path items, discriminator mappings by name, and
//! multi-file specs read inside their folder. Each shape generates (the places that refer to one
//! target share one type, with a name read from the pointer); each broken one is an error with the
//! pointer of the reference.

use openapi_sdk_codegen::{
    generate, generate_with_files, Error, FsFiles, Generated, MemoryFiles, Options,
};
use std::path::{Path, PathBuf};

const HEAD: &str = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";

fn code(generated: &Generated) -> String {
    generated
        .files
        .values()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\n")
}

fn generated(spec: &str) -> String {
    match generate(spec, &Options::default()) {
        Ok(generated) => code(&generated),
        Err(e) => panic!("{e}\n{spec}"),
    }
}

/// Asserts that `code` declares `item` exactly once.
fn declares_once(code: &str, item: &str) {
    assert_eq!(code.matches(item).count(), 1, "`{item}` in:\n{code}");
}

fn operation(path: &str, id: &str, schema: &str) -> String {
    format!("  {path}:\n    get:\n      operationId: {id}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {schema}\n")
}

#[test]
fn a_pointer_into_a_property_shares_the_property_type() {
    let spec = format!(
        "{HEAD}paths:\n{}{}components:\n  schemas:\n    CreateCompletionRequest:\n      type: object\n      properties:\n        logit_bias:\n          type: object\n          properties:\n            token: {{type: string}}\n",
        operation("/a", "GetA", "{$ref: '#/components/schemas/CreateCompletionRequest'}"),
        operation("/b", "GetB", "{type: object, properties: {bias: {$ref: '#/components/schemas/CreateCompletionRequest/properties/logit_bias'}}}"),
    );
    let code = generated(&spec);
    declares_once(&code, "pub struct CreateCompletionRequestLogitBias {");
    assert!(code.contains("pub logit_bias: Option<CreateCompletionRequestLogitBias>,"));
    assert!(code.contains("pub bias: Option<CreateCompletionRequestLogitBias>,"));
}

#[test]
fn a_pointer_into_a_response_names_the_path_and_is_shared() {
    let spec =
        format!(
        "{HEAD}paths:\n{}{}",
        operation("/v2/1-clicks", "ListClicks", "{type: object, properties: {n: {type: integer}}}"),
        operation(
            "/v2/2-clicks",
            "ListOtherClicks",
            "{$ref: '#/paths/~1v2~11-clicks/get/responses/200/content/application~1json/schema'}"
        ),
    );
    let generated = generate(&spec, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let code = code(&generated);
    declares_once(&code, "pub struct V21ClicksGet200Response {");
    assert_eq!(
        code.matches("rt::BodyFuture<V21ClicksGet200Response>")
            .count(),
        2,
        "{code}"
    );
    let note = generated
        .diagnostics
        .iter()
        .find(|d| d.message.contains("V21ClicksGet200Response"))
        .expect("a note for the hoisted schema");
    assert_eq!(
        note.pointer,
        "/paths/~1v2~11-clicks/get/responses/200/content/application~1json/schema"
    );
}

#[test]
fn pointers_to_parameters_responses_and_through_references_resolve() {
    let spec = format!(
        "{HEAD}paths:\n  /x:\n    get:\n      operationId: GetX\n      parameters:\n        - {{name: limit, in: query, schema: {{type: integer}}}}\n      responses:\n        '200': {{$ref: '#/components/responses/Things'}}\n  /y:\n    get:\n      operationId: GetY\n      parameters:\n        - $ref: '#/paths/~1x/get/parameters/0'\n      responses:\n        '200': {{$ref: '#/components/responses/Things/content/application~1json/schema/items/properties/child'}}\n  /z:\n    get:\n      operationId: GetZ\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{$ref: '#/components/responses/Things/content/application~1json/schema/items/properties/child'}}\ncomponents:\n  responses:\n    Things:\n      description: ok\n      content:\n        application/json:\n          schema:\n            type: array\n            items: {{$ref: '#/components/schemas/Thing'}}\n  schemas:\n    Thing:\n      type: object\n      properties:\n        child: {{type: object, properties: {{id: {{type: string}}}}}}\n"
    );
    let err = generate(&spec, &Options::default()).unwrap_err();
    // `/y`'s response points at a schema where a response belongs: a response needs a description.
    assert!(err.pointer().is_some(), "{err}");
    let spec = spec.replace(
        "'200': {$ref: '#/components/responses/Things/content/application~1json/schema/items/properties/child'}",
        "'200': {$ref: '#/paths/~1x/get/responses/200'}",
    );
    let code = generated(&spec);
    // The pointer went through `items`' `$ref` to `Thing`: its property is the shared type.
    declares_once(&code, "pub struct ThingChild {");
    assert!(code.contains("pub child: Option<ThingChild>,"), "{code}");
    assert!(code.contains("rt::BodyFuture<ThingChild>"), "{code}");
    // Both operations take the `limit` query parameter.
    assert_eq!(
        code.matches("pub fn limit(mut self, limit: i64)").count(),
        2,
        "{code}"
    );
}

#[test]
fn a_part_that_refers_to_itself_becomes_a_recursive_type() {
    let spec = format!(
        "{HEAD}paths:\n{}components:\n  schemas:\n    Tree:\n      type: object\n      properties:\n        node:\n          type: object\n          properties:\n            label: {{type: string}}\n            next: {{$ref: '#/components/schemas/Tree/properties/node'}}\n",
        operation("/t", "GetTree", "{$ref: '#/components/schemas/Tree'}"),
    );
    let code = generated(&spec);
    declares_once(&code, "pub struct TreeNode {");
    assert!(code.contains("pub node: Option<TreeNode>,"), "{code}");
    assert!(code.contains("pub next: Option<Box<TreeNode>>,"), "{code}");
}

#[test]
fn escaped_and_percent_encoded_pointers_resolve() {
    let spec = format!(
        "{HEAD}paths:\n{}{}components:\n  schemas:\n    A:\n      type: object\n      properties:\n        'a/b c':\n          type: object\n          properties:\n            x: {{type: string}}\n",
        operation("/a", "GetA", "{$ref: '#/components/schemas/A'}"),
        operation("/b", "GetB", "{$ref: '#/components/schemas/A/properties/a~1b%20c'}"),
    );
    let code = generated(&spec);
    declares_once(&code, "pub struct Aabc {");
    assert!(code.contains("rt::BodyFuture<Aabc>"), "{code}");
}

#[test]
fn path_items_may_be_references() {
    let spec = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    $ref: '#/components/pathItems/Pets'\n  /animals:\n    $ref: '#/x-more/Animals'\ncomponents:\n  pathItems:\n    Pets:\n      get:\n        operationId: ListPets\n        responses:\n          '200': {description: ok}\nx-more:\n  Animals:\n    post:\n      operationId: AddAnimal\n      responses:\n        '200': {description: ok}\n";
    let code = generated(spec);
    assert!(code.contains("pub fn list_pets(&self)"), "{code}");
    assert!(code.contains("pub fn add_animal(&self)"), "{code}");
    assert!(code.contains("\"/animals\""), "{code}");
}

#[test]
fn mapping_values_may_be_schema_names() {
    let spec = format!(
        "{HEAD}paths:\n{}components:\n  schemas:\n    OptionOneNoDisc: {{type: object, properties: {{kind: {{type: string}}}}}}\n    OptionTwo: {{type: object, properties: {{kind: {{type: string}}}}}}\n    Choice:\n      oneOf:\n        - $ref: '#/components/schemas/OptionOneNoDisc'\n        - $ref: '#/components/schemas/OptionTwo'\n      discriminator:\n        propertyName: kind\n        mapping:\n          one: OptionOneNoDisc\n          two: '#/components/schemas/OptionTwo'\n",
        operation("/c", "GetChoice", "{$ref: '#/components/schemas/Choice'}"),
    );
    let code = generated(&spec)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        code.contains(r#"tag "kind" { "one" => OptionOneNoDisc, "two" => OptionTwo"#),
        "{code}"
    );
    let err = generate(
        &spec.replace("one: OptionOneNoDisc", "one: OptionThree"),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.pointer(),
        Some("/components/schemas/Choice/discriminator/mapping/one"),
        "{err}"
    );
    assert!(
        err.to_string().contains("no schema named `OptionThree`"),
        "{err}"
    );
}

/// `(spec body after the header, pointer of the error, words of the message)`.
const ERRORS: &[(&str, &str, &str)] = &[
    (
        "paths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        b: {$ref: '#/components/schemas/A/properties/nope'}\n",
        "/components/schemas/A/properties/b",
        "has no `nope`",
    ),
    (
        "paths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B/properties/x'}\n    B: {$ref: '#/components/schemas/A/properties/x'}\n",
        "/components/schemas/A",
        "cycle",
    ),
    (
        "paths:\n  /a: {$ref: '#/paths/~1b'}\n  /b: {$ref: '#/paths/~1a'}\n",
        "/paths/~1a",
        "cycle",
    ),
    (
        "paths: {}\ncomponents:\n  schemas:\n    A: {$ref: 'https://example.com/schemas.yaml#/A'}\n",
        "/components/schemas/A",
        "`https://example.com/schemas.yaml#/A`",
    ),
    (
        "paths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B/properties/a~2'}\n",
        "/components/schemas/A",
        "`~0` or `~1`",
    ),
    (
        "paths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/info/title'}\n",
        "/components/schemas/A",
        "leads to `\"t\"`, not to a schema",
    ),
];

#[test]
fn broken_references_are_errors_at_the_reference() {
    for (body, pointer, words) in ERRORS {
        let spec = format!("{HEAD}{body}");
        for result in [
            generate(&spec, &Options::default()),
            generate_with_files(
                &MemoryFiles::new().with("openapi.yaml", spec.clone()),
                "openapi.yaml",
                &Options::default(),
            ),
        ] {
            let err = result.expect_err(body);
            assert_eq!(err.pointer(), Some(*pointer), "{err}\n{body}");
            assert!(
                err.to_string().contains(words),
                "{err} should say {words:?}"
            );
        }
    }
}

/// The multi-file spec under `tests/fixtures/refs/multi/`.
fn multi_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/refs/multi")
}

#[test]
fn a_multi_file_spec_generates_from_its_folder() {
    let files = FsFiles::new(multi_dir()).unwrap();
    let generated = generate_with_files(&files, "openapi.yaml", &Options::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let code = code(&generated);
    // `./schemas/pet.yaml#/Pet` is the component `Pet` (the main document names it so), its
    // `owner` is `#/Owner` of the same file, its `tag` is in `../common.yaml`.
    declares_once(&code, "pub struct Pet {");
    assert!(code.contains("pub owner: Option<Owner>,"), "{code}");
    assert!(code.contains("pub tag: Option<Tag>,"), "{code}");
    // The path item of `paths/pets.yaml`, whose references are relative to it.
    assert!(code.contains("pub fn list_pets(&self)"), "{code}");
    assert!(code.contains("rt::BodyFuture<Vec<Pet>>"), "{code}");
    // A file referred to whole (`common.yaml#/components/schemas/Error` and the like) is read once
    // and each target brought in once, however many places refer to it.
    declares_once(&code, "pub struct Tag {");
    declares_once(&code, "pub struct Owner {");
    let note = generated
        .diagnostics
        .iter()
        .find(|d| d.message.contains("`schemas/pet.yaml#/Owner`"))
        .expect("a note for the brought-in schema");
    assert_eq!(note.pointer, "schemas/pet.yaml#/Pet/properties/owner");
    // The same files in memory give the same crate.
    let mut memory = MemoryFiles::new();
    for path in [
        "openapi.yaml",
        "common.yaml",
        "schemas/pet.yaml",
        "paths/pets.yaml",
    ] {
        let text = std::fs::read_to_string(multi_dir().join(path)).unwrap();
        memory = memory.with(path, text);
    }
    let again = generate_with_files(&memory, "openapi.yaml", &Options::default()).unwrap();
    assert_eq!(again, generated);
    // Without its folder, the file reference is refused as before.
    let text = std::fs::read_to_string(multi_dir().join("openapi.yaml")).unwrap();
    let err = generate(&text, &Options::default()).unwrap_err();
    assert!(err.to_string().contains("pet.yaml"), "{err}");
}

#[test]
fn files_of_a_31_document_are_read_as_31() {
    let main = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /n:\n    get:\n      operationId: GetN\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: 'named.json#/Named'}\n";
    let named =
        r#"{"Named": {"type": "object", "properties": {"label": {"type": ["string", "null"]}}}}"#;
    let files = MemoryFiles::new()
        .with("api.yaml", main)
        .with("named.json", named);
    let generated = generate_with_files(&files, "api.yaml", &Options::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let code = code(&generated);
    declares_once(&code, "pub struct Named {");
    assert!(
        code.contains("pub label: Option<Option<String>>,"),
        "{code}"
    );
}

#[test]
fn files_outside_the_folder_and_missing_files_are_errors() {
    let spec = |reference: &str| {
        format!("{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        b: {{$ref: '{reference}'}}\n")
    };
    for (reference, words) in [
        ("../../etc/passwd", "outside the spec's folder"),
        ("/etc/passwd", "outside the spec's folder"),
        ("sub/../../x.yaml#/X", "outside the spec's folder"),
        ("missing.yaml#/X", "missing.yaml` does not exist"),
        ("other.yaml#/Nope", "other.yaml#/Nope` does not resolve"),
        ("broken.yaml#/X", "broken.yaml` is not YAML or JSON"),
    ] {
        let files = MemoryFiles::new()
            .with("spec/openapi.yaml", spec(reference))
            .with("spec/other.yaml", "X: {type: string}\n")
            .with("spec/broken.yaml", "X: [\n")
            .with("x.yaml", "X: {type: string}\n");
        let err = generate_with_files(&files, "spec/openapi.yaml", &Options::default())
            .expect_err(reference);
        assert!(matches!(err, Error::Reference { .. }), "{err:?}");
        assert_eq!(
            err.pointer(),
            Some("/components/schemas/A/properties/b"),
            "{err}"
        );
        assert!(
            err.to_string().contains(words),
            "{err} should say {words:?}"
        );
        assert!(
            err.to_string().contains(reference),
            "{err} should name {reference}"
        );
    }
}

#[test]
fn errors_inside_another_file_point_into_it() {
    let files = MemoryFiles::new()
        .with(
            "openapi.yaml",
            format!(
                "{HEAD}paths:\n{}",
                operation("/p", "GetP", "{$ref: 'pet.yaml#/Pet'}")
            ),
        )
        .with(
            "pet.yaml",
            "Pet:\n  type: object\n  properties:\n    id: {type: integer, maximum: lots}\n",
        );
    let err = generate_with_files(&files, "openapi.yaml", &Options::default()).unwrap_err();
    assert_eq!(
        err.pointer(),
        Some("pet.yaml#/Pet/properties/id/maximum"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_folder_is_refused() {
    let base = std::env::temp_dir().join(format!("codegen-refs-{}", std::process::id()));
    let spec_dir = base.join("spec");
    let outside = base.join("secret.yaml");
    std::fs::create_dir_all(&spec_dir).unwrap();
    std::fs::write(&outside, "X: {type: string}\n").unwrap();
    let link = spec_dir.join("link.yaml");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    std::fs::write(
        spec_dir.join("openapi.yaml"),
        format!("{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    A: {{$ref: 'link.yaml#/X'}}\n"),
    )
    .unwrap();
    let files = FsFiles::new(&spec_dir).unwrap();
    let result = generate_with_files(&files, "openapi.yaml", &Options::default());
    let _ = std::fs::remove_dir_all(&base);
    let err = result.unwrap_err();
    assert_eq!(err.pointer(), Some("/components/schemas/A"), "{err}");
    assert!(
        err.to_string().contains("outside the spec's folder"),
        "{err}"
    );
}

#[test]
fn a_remote_reference_in_a_file_is_never_fetched() {
    let files = MemoryFiles::new()
        .with("openapi.yaml", format!("{HEAD}paths:\n{}", operation("/p", "GetP", "{$ref: 'pet.yaml#/Pet'}")))
        .with("pet.yaml", "Pet:\n  type: object\n  properties:\n    owner: {$ref: 'http://127.0.0.1:9/owner.yaml#/Owner'}\n");
    let err = generate_with_files(&files, "openapi.yaml", &Options::default()).unwrap_err();
    assert_eq!(
        err.pointer(),
        Some("pet.yaml#/Pet/properties/owner"),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("`http://127.0.0.1:9/owner.yaml#/Owner`"),
        "{err}"
    );
}

#[test]
fn output_is_the_same_run_to_run() {
    let files = FsFiles::new(multi_dir()).unwrap();
    let one = generate_with_files(&files, "openapi.yaml", &Options::default()).unwrap();
    let two = generate_with_files(&files, "openapi.yaml", &Options::default()).unwrap();
    assert_eq!(one, two);
}

#[test]
fn a_document_that_multiplies_itself_through_references_is_refused() {
    // One path item of about 800 values, and 6,000 paths that refer to it: 4.8 million values
    // once inlined, past the bound of 4 million.
    let properties: String = (0..400)
        .map(|i| format!("p{i}: {{type: string}}, "))
        .collect();
    let mut spec = format!(
        "{HEAD}paths:\n  /p:\n    get:\n      operationId: P\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {{type: object, properties: {{{properties}}}}}\n"
    );
    for i in 0..6_000 {
        spec.push_str(&format!("  /p{i}: {{$ref: '#/paths/~1p'}}\n"));
    }
    let err = generate(&spec, &Options::default()).unwrap_err();
    assert!(matches!(err, Error::Reference { .. }), "{err:?}");
    assert!(
        err.to_string().contains("more than 4000000 values"),
        "{err}"
    );
    assert!(
        err.pointer().is_some_and(|p| p.starts_with("/paths/~1p")),
        "{err}"
    );
}

#[test]
fn files_of_a_swagger_20_document_go_to_its_definitions() {
    let main = "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n      operationId: ListPets\n      responses:\n        200: {description: ok, schema: {type: array, items: {$ref: '#/definitions/Pet'}}}\ndefinitions:\n  Pet: {$ref: 'definitions/pet.yaml#/Pet'}\n";
    let pet = "Pet:\n  type: object\n  properties:\n    owner: {$ref: '#/Owner'}\nOwner:\n  type: object\n  x-nullable: true\n  properties:\n    name: {type: string}\n";
    let files = MemoryFiles::new()
        .with("swagger.yaml", main)
        .with("definitions/pet.yaml", pet);
    let generated = generate_with_files(&files, "swagger.yaml", &Options::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let code = code(&generated);
    declares_once(&code, "pub struct Pet {");
    declares_once(&code, "pub struct Owner {");
    assert!(code.contains("pub owner: Option<Option<Owner>>,"), "{code}");
    assert!(code.contains("rt::BodyFuture<Vec<Pet>>"), "{code}");
    let broken = pet.replace(
        "name: {type: string}",
        "name: {type: string, maxLength: many}",
    );
    let files = MemoryFiles::new()
        .with("swagger.yaml", main)
        .with("definitions/pet.yaml", broken);
    let err = generate_with_files(&files, "swagger.yaml", &Options::default()).unwrap_err();
    assert_eq!(
        err.pointer(),
        Some("definitions/pet.yaml#/Owner/properties/name/maxLength"),
        "{err}"
    );
}

#[test]
fn references_that_are_not_followed_say_why() {
    for (reference, words) in [
        (
            "https://example.com/s.yaml#/A",
            "never fetched over the network",
        ),
        ("//example.com/s.yaml#/A", "never fetched over the network"),
        ("other.yaml#/A", "only with the spec's folder"),
    ] {
        let spec =
            format!("{HEAD}paths: {{}}\ncomponents:\n  schemas:\n    A: {{$ref: '{reference}'}}\n");
        let err = generate(&spec, &Options::default()).unwrap_err();
        assert_eq!(err.pointer(), Some("/components/schemas/A"), "{err}");
        assert!(
            err.to_string().contains(words),
            "{err} should say {words:?}"
        );
        assert!(err.to_string().contains(reference), "{err}");
    }
}

#[test]
fn pointers_in_a_swagger_20_document_follow_its_layout() {
    let spec = "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n      operationId: ListPets\n      responses:\n        200:\n          description: ok\n          schema:\n            type: array\n            items: {type: object, properties: {name: {type: string}}}\n  /first-pet:\n    get:\n      operationId: FirstPet\n      responses:\n        200:\n          description: ok\n          schema: {$ref: '#/paths/~1pets/get/responses/200/schema/items'}\n  /owner:\n    get:\n      operationId: GetOwner\n      responses:\n        200:\n          description: ok\n          schema: {$ref: '#/definitions/Pet/properties/owner'}\ndefinitions:\n  Pet:\n    type: object\n    properties:\n      owner: {type: object, properties: {id: {type: integer}}}\n";
    let code = generated(spec);
    declares_once(&code, "pub struct PetsGet200ResponseItem {");
    assert!(
        code.contains("rt::BodyFuture<Vec<PetsGet200ResponseItem>>"),
        "{code}"
    );
    assert!(
        code.contains("rt::BodyFuture<PetsGet200ResponseItem>"),
        "{code}"
    );
    declares_once(&code, "pub struct PetOwner {");
    assert!(code.contains("rt::BodyFuture<PetOwner>"), "{code}");
}

#[test]
fn mapping_values_may_name_files() {
    let main = format!(
        "{HEAD}paths:\n{}components:\n  schemas:\n    Pet:\n      oneOf:\n        - $ref: './pets/dog.yaml'\n        - $ref: 'pets/cat.yaml'\n      discriminator:\n        propertyName: kind\n        mapping:\n          dog: pets/dog.yaml\n          cat: './pets/cat.yaml'\n",
        operation("/pet", "GetPet", "{$ref: '#/components/schemas/Pet'}"),
    );
    let files = MemoryFiles::new()
        .with("openapi.yaml", main)
        .with(
            "pets/dog.yaml",
            "type: object\nproperties:\n  kind: {type: string}\n  barks: {type: boolean}\n",
        )
        .with(
            "pets/cat.yaml",
            "type: object\nproperties:\n  kind: {type: string}\n  purrs: {type: boolean}\n",
        );
    let generated = generate_with_files(&files, "openapi.yaml", &Options::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let code = code(&generated)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(code.contains("pub struct Dog {"), "{code}");
    assert!(code.contains("pub struct Cat {"), "{code}");
    assert!(
        code.contains(r#"tag "kind" { "dog" => Dog, "cat" => Cat"#),
        "{code}"
    );
}
