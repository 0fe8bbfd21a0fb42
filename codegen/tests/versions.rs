//! Documents of each supported version (Swagger 2.0, OpenAPI 3.0 and 3.1), as YAML and as JSON,
//! generate the code their constructs mean; other versions are refused at the version field; and
//! errors and notes about a 2.0 or 3.1 document point into it as written.

use openapi_sdk_codegen::{generate, Error, Generated, Options};

fn run(text: &str) -> Generated {
    generate(text, &Options::default()).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn fail(text: &str) -> Error {
    match generate(text, &Options::default()) {
        Ok(_) => panic!("generated, but should have failed:\n{text}"),
        Err(e) => e,
    }
}

fn code(generated: &Generated) -> String {
    generated.files.values().cloned().collect()
}

fn notes(generated: &Generated) -> Vec<(String, String)> {
    generated
        .diagnostics
        .iter()
        .map(|d| (d.pointer.clone(), d.message.clone()))
        .collect()
}

fn assert_has(code: &str, expected: &[&str]) {
    for e in expected {
        assert!(code.contains(e), "missing {e:?} in:\n{code}");
    }
}

/// The same document as JSON, in the same order (serde_json writes YAML's `200` keys as strings).
fn to_json(yaml: &str) -> String {
    let value: serde_yaml::Value = serde_yaml::from_str(yaml).expect("test YAML");
    serde_json::to_string_pretty(&value).expect("JSON")
}

/// Generates the YAML and its JSON form, checks they give the same output, and returns it.
fn run_both(yaml: &str) -> Generated {
    let from_yaml = run(yaml);
    let json = to_json(yaml);
    assert!(json.starts_with('{'));
    let from_json = run(&json);
    assert_eq!(from_yaml, from_json, "YAML and JSON forms differ");
    from_yaml
}

const SWAGGER: &str = r#"swagger: "2.0"
info: {title: Pets, version: "1"}
host: pets.example.com
basePath: /v2/
schemes: [https]
consumes: [application/json]
produces: [application/json]
securityDefinitions:
  api_key: {type: apiKey, name: X-Api-Key, in: header}
  basic_auth: {type: basic}
  petstore_auth:
    type: oauth2
    flow: implicit
    authorizationUrl: https://pets.example.com/oauth/authorize
    scopes: {"write:pets": modify pets}
security: [{api_key: []}]
parameters:
  Limit: {name: limit, in: query, type: integer, format: int32, maximum: 100}
paths:
  /pets:
    post:
      operationId: CreatePet
      tags: [pets]
      security: [{petstore_auth: ["write:pets"]}, {basic_auth: []}]
      parameters:
        - {name: body, in: body, required: true, schema: {$ref: '#/definitions/Pet'}}
      responses:
        200: {description: ok, schema: {$ref: '#/definitions/Pet'}}
    get:
      operationId: ListPets
      tags: [pets]
      parameters:
        - {name: tags, in: query, type: array, items: {type: string}}
        - {name: status, in: query, type: array, items: {type: string}, collectionFormat: multi}
        - $ref: '#/parameters/Limit'
      responses:
        200:
          description: ok
          headers: {X-Total: {type: integer}}
          schema: {type: array, items: {$ref: '#/definitions/Pet'}}
  /pets/{petId}/photo:
    parameters:
      - {name: petId, in: path, required: true, type: integer, format: int64}
    post:
      operationId: UploadPhoto
      tags: [pets]
      consumes: [multipart/form-data]
      parameters:
        - {name: file, in: formData, type: file, required: true}
        - {name: caption, in: formData, type: string}
      responses:
        204: {description: stored}
    get:
      operationId: GetPhoto
      tags: [pets]
      produces: [image/png]
      responses:
        200: {description: the photo, schema: {type: file}}
definitions:
  Pet:
    type: object
    required: [name]
    properties:
      id: {type: integer, format: int64}
      name: {type: string}
      nickname: {type: string, x-nullable: true}
      owner: {$ref: '#/definitions/Owner', x-nullable: true}
  Owner:
    type: object
    properties:
      email: {type: string}
"#;

#[test]
fn swagger_2_generates_operations_models_security_and_servers() {
    let generated = run_both(SWAGGER);
    let all = code(&generated);
    assert_has(
        &all,
        &[
            // `definitions` are models; `x-nullable` is nullable, beside a `$ref` too.
            "pub struct Pet {",
            "pub nickname: Option<Option<String>>",
            "pub owner: Option<Option<Owner>>",
            // A body parameter is the positional body; form fields are the multipart body's model.
            "pub fn create_pet(&self, body: Pet) -> CreatePetRequest",
            "pub fn upload_photo(",
            "pet_id: i64,",
            "pub struct UploadPhotoBody {",
            "pub file: ",
            "pub caption: Option<String>,",
            // Parameters: `csv` (the default) is one comma-separated value, `multi` one per value.
            "request.query_list(\"tags\", self.tags.as_ref(), false);",
            "request.query_list(\"status\", self.status.as_ref(), true);",
            "pub fn limit(mut self, limit: i32) -> Self",
            // A `file` response is bytes.
            "pub fn get_photo(&self, pet_id: i64) -> GetPhotoRequest",
            "Vec<u8>",
        ],
    );
    let client = &generated.files["client.rs"];
    assert_has(
        client,
        &[
            "url: \"https://pets.example.com/v2\"",
            "pub fn api_key(self, api_key: impl Into<String>) -> Self",
            "pub fn basic_auth(",
            "pub fn petstore_auth(self, petstore_auth: impl Into<String>) -> Self",
            "rt::SchemeKind::Basic",
            "rt::SchemeKind::OAuth2",
        ],
    );
    assert!(notes(&generated).is_empty(), "{:?}", notes(&generated));
}

#[test]
fn swagger_2_without_host_uses_base_path_or_nothing() {
    let doc = |base: &str| {
        format!("swagger: '2.0'\ninfo: {{title: t, version: '1'}}\n{base}paths:\n  /x:\n    get:\n      operationId: X\n      responses:\n        200: {{description: ok}}\n")
    };
    let relative = run(&doc("basePath: /api\n"));
    assert_has(&relative.files["client.rs"], &["url: \"/api\""]);
    assert!(notes(&relative)
        .iter()
        .any(|(p, m)| p == "/servers/0/url" || m.contains("relative")));
    let none = run(&doc(""));
    assert!(
        notes(&none)
            .iter()
            .any(|(p, m)| p == "/servers" && m.contains("no servers")),
        "{:?}",
        notes(&none)
    );
}

#[test]
fn swagger_2_form_encoded_body_and_collection_format_notes() {
    let text = r#"swagger: "2.0"
info: {title: t, version: "1"}
paths:
  /login:
    post:
      operationId: Login
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - {name: ids, in: query, type: array, items: {type: string}, collectionFormat: tsv}
        - {name: user, in: formData, type: string, required: true}
      responses:
        200: {description: ok}
"#;
    let generated = run_both(text);
    assert_has(&code(&generated), &["pub fn login(&self, body: "]);
    assert!(
        notes(&generated).iter().any(|(p, m)| {
            p == "/paths/~1login/post/parameters/0/collectionFormat" && m.contains("tsv")
        }),
        "{:?}",
        notes(&generated)
    );
}

const OPENAPI_31: &str = r#"openapi: 3.1.0
jsonSchemaDialect: https://spec.openapis.org/oas/3.1/dialect/base
info:
  title: Things
  version: "1"
  license: {name: Apache 2.0, identifier: Apache-2.0}
servers: [{url: https://things.example.com}]
paths:
  /things/{id}:
    $ref: '#/components/pathItems/Thing'
  /things:
    post:
      operationId: CreateThing
      tags: [things]
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Thing'}
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing', description: a sibling of the reference}
webhooks:
  thingChanged:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Thing'}
      responses:
        '200': {description: ok}
components:
  pathItems:
    Thing:
      get:
        operationId: GetThing
        tags: [things]
        parameters:
          - {name: id, in: path, required: true, schema: {type: string}}
        responses:
          '200':
            description: a thing
            content:
              application/json:
                schema: {$ref: '#/components/schemas/Thing'}
  schemas:
    Thing:
      $schema: https://json-schema.org/draft/2020-12/schema
      type: object
      required: [id, count]
      properties:
        id: {type: string, examples: [t-1]}
        kind: {const: thing}
        label: {type: [string, "null"]}
        count: {type: [integer, "null"], format: int64}
        score: {type: number, exclusiveMinimum: 0, exclusiveMaximum: 100}
        code: {type: [integer, string]}
        parent:
          anyOf:
            - $ref: '#/components/schemas/Thing'
            - type: "null"
        blob: {type: string, contentEncoding: base64}
        anything: true
"#;

#[test]
fn openapi_31_generates_nullable_fields_enums_and_unions() {
    let generated = run_both(OPENAPI_31);
    let all = code(&generated);
    assert_has(
        &all,
        &[
            // `type: [T, "null"]`: nullable; optional and nullable is a double option.
            "pub label: Option<Option<String>>",
            "pub count: Option<i64>",
            "pub parent: Option<Option<Box<Thing>>>",
            // `const` is a one-value enum; several types are a union.
            "pub kind: Option<ThingKind>",
            "Thing,",
            "pub code: Option<ThingCode>",
            "Integer(i64)",
            "String(String)",
            "pub score: Option<f64>",
            "Example: `t-1`",
            // The path item from `components.pathItems` is inlined.
            "pub fn get_thing(&self, id: ",
            "pub fn create_thing(&self, body: Thing) -> CreateThingRequest",
        ],
    );
    // Fields keep the document's order (not alphabetical), from YAML and from JSON alike.
    let fields = [
        "pub id:",
        "pub kind:",
        "pub label:",
        "pub count:",
        "pub score:",
        "pub code:",
    ];
    let at: Vec<Option<usize>> = fields.iter().map(|f| all.find(f)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    assert_eq!(
        notes(&generated),
        [(
            "/webhooks/thingChanged".to_owned(),
            "webhook `thingChanged` is not generated (OpenAPI 3.0 has no webhooks)".to_owned()
        )]
    );
}

#[test]
fn openapi_31_may_have_no_paths() {
    let generated = run("openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents: {schemas: {A: {type: string}}}\n");
    assert!(generated.files.contains_key("client.rs"));
}

#[test]
fn json_is_read_as_json_surrogate_pairs_included() {
    for version in [
        r#""openapi": "3.0.3""#,
        r#""openapi": "3.1.0""#,
        r#""swagger": "2.0""#,
    ] {
        let text = format!(
            r#"{{{version}, "info": {{"title": "t", "version": "1"}}, "paths": {{"/x": {{"get": {{
                "operationId": "GetX", "description": "Smiles \ud83d\ude00 and \u00e9",
                "responses": {{"200": {{"description": "ok"}}}}}}}}}}}}"#
        );
        assert_has(&code(&run(&text)), &["Smiles 😀 and é"]);
    }
}

#[test]
fn unsupported_or_missing_versions_are_refused_at_the_version() {
    let body = "info: 7\npaths: {}\n";
    let cases = [
        ("openapi: 2.5\n", "/openapi", "`2.5`"),
        ("openapi: 3.2.0\n", "/openapi", "`3.2.0`"),
        ("swagger: \"1.2\"\n", "/swagger", "`1.2`"),
        ("", "/openapi", "no version"),
    ];
    for (version, pointer, words) in cases {
        let err = fail(&format!("{version}{body}"));
        assert_eq!(err.pointer(), Some(pointer), "{err}");
        assert!(err.to_string().contains(words), "{err}");
    }
    let err = fail("{\"swagger\": \"3.0\", \"info\": 7}");
    assert_eq!(err.pointer(), Some("/swagger"), "{err}");
}

/// `(2.0 document, expected pointer, expected words)`: errors found in the normalised document
/// point into the 2.0 one.
const SWAGGER_ERRORS: &[(&str, &str, &str)] = &[
    (
        "definitions:\n  Pet:\n    type: object\n    properties:\n      id: {type: integer, maximum: lots}\n",
        "/definitions/Pet/properties/id/maximum",
        "invalid type",
    ),
    (
        "definitions:\n  Pet:\n    type: object\n    properties:\n      owner: {$ref: 'other.yaml#/Owner'}\n",
        "/definitions/Pet/properties/owner",
        "local reference",
    ),
    (
        "paths:\n  /pets:\n    post:\n      operationId: P\n      parameters:\n        - {name: body, in: body, schema: {$ref: '#/definitions/Missing'}}\n      responses:\n        200: {description: ok}\n",
        "/paths/~1pets/post/parameters/0/schema",
        "`#/definitions/Missing`",
    ),
    (
        "paths:\n  /pets:\n    get:\n      operationId: P\n      parameters:\n        - {name: body, in: body, schema: {type: object}}\n        - {name: limit, in: query, type: integer, minimum: none}\n      responses:\n        200: {description: ok}\n",
        "/paths/~1pets/get/parameters/1/minimum",
        "invalid type",
    ),
    (
        "paths:\n  /pets:\n    get:\n      operationId: P\n      responses:\n        200: {description: ok, schema: {type: array, items: [1]}}\n",
        "/paths/~1pets/get/responses/200/schema/items",
        "invalid type",
    ),
    (
        "paths:\n  /pets:\n    post:\n      operationId: P\n      parameters:\n        - {name: body, in: body, schema: {type: object}}\n        - {name: id, in: path, required: true, type: string}\n      responses:\n        200: {description: ok}\n",
        "/paths/~1pets/post/parameters/1/name",
        "does not appear in the path",
    ),
    (
        "paths: {}\nsecurityDefinitions:\n  key: {type: apiKey, name: k, in: nowhere}\n",
        "/securityDefinitions/key",
        "nowhere",
    ),
    (
        "paths:\n  /pets:\n    get:\n      operationId: P\n      parameters:\n        - $ref: '#/parameters/Nope'\n      responses:\n        200: {description: ok}\n",
        "/paths/~1pets/get/parameters/0",
        "`#/parameters/Nope`",
    ),
];

#[test]
fn errors_in_swagger_2_documents_point_into_them() {
    for (body, pointer, words) in SWAGGER_ERRORS {
        let text = format!("swagger: '2.0'\ninfo: {{title: t, version: '1'}}\n{body}");
        let text = if body.contains("paths:") {
            text
        } else {
            format!("{text}paths: {{}}\n")
        };
        let err = fail(&text);
        assert_eq!(err.pointer(), Some(*pointer), "{err}\n{text}");
        assert!(
            err.to_string().contains(words),
            "{err} should mention {words}"
        );
    }
}

#[test]
fn errors_in_openapi_31_documents_point_into_them() {
    let head = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n";
    let cases = [
        (
            "components:\n  schemas:\n    A:\n      type: [integer, string]\n      minimum: low\n",
            "/components/schemas/A/minimum",
        ),
        (
            "components:\n  schemas:\n    A:\n      $ref: '#/components/schemas/B'\n      properties: {x: {type: string, maxLength: long}}\n    B: {type: object}\n",
            "/components/schemas/A/properties/x/maxLength",
        ),
    ];
    for (body, pointer) in cases {
        let err = fail(&format!("{head}{body}"));
        assert_eq!(err.pointer(), Some(pointer), "{err}\n{body}");
    }
}

#[test]
fn notes_about_moved_parts_point_into_the_original() {
    // A lowering note about a 2.0 definition names the definition.
    let text = "swagger: '2.0'\ninfo: {title: t, version: '1'}\nhost: h\npaths:\n  /x:\n    get:\n      operationId: X\n      responses:\n        200: {description: ok, schema: {$ref: '#/definitions/A'}}\ndefinitions:\n  A:\n    type: object\n    required: [ghost]\n    properties: {a: {type: string}}\n";
    let generated = run(text);
    assert!(
        notes(&generated)
            .iter()
            .any(|(p, _)| p.starts_with("/definitions/A")),
        "{:?}",
        notes(&generated)
    );
    assert!(
        notes(&generated)
            .iter()
            .all(|(p, _)| !p.starts_with("/components")),
        "{:?}",
        notes(&generated)
    );
}
