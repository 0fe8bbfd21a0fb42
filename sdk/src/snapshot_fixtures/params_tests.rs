//! The `params` fixture on a loopback server: the exact request target (raw, before any decoding),
//! headers and body bytes each operation sends, checked against OpenAPI 3.0's style tables (with
//! `color` as `"blue"`, `["blue", "black", "brown"]` or `{"R": 100, "G": 200, "B": 150}` there; see
//! the runtime's `param_style` module for the full table and the choices it leaves open).
//!
//! `FaultServer` keeps the query decoded (`a%2Cb` and `a,b` read the same), so these tests read the
//! raw HTTP/1.1 request themselves.

use super::params::models::{
    Color, Filter, FilterRange, NameOrColor, QueryDeepPage, Signup, Status, UploadDocumentBody,
};
use super::params::{Client, RetryPolicy};
use datadog_connections_replay::raw::{RawRecorder, RawRequest};
use serde_json::json;
use std::collections::BTreeMap;

/// A request as it arrived (target, headers in order, body), from the replay crate's recorder.
type Raw = RawRequest;

/// The one value of a header; fails when it is absent or repeated.
fn one<'r>(raw: &'r Raw, name: &str) -> &'r str {
    match raw.header(name) {
        Some(value) => value,
        None => panic!("header {name}: {:?} in {raw:?}", raw.all(name)),
    }
}

/// A loopback HTTP/1.1 server that answers every request `204 No Content` and records it raw.
struct Recorder {
    inner: RawRecorder,
    base_url: String,
}

impl Recorder {
    async fn start() -> Recorder {
        let inner = RawRecorder::start(204, "").await.unwrap();
        let base_url = inner.base_url().to_owned();
        Recorder { inner, base_url }
    }

    /// The requests received so far, in order.
    fn take(&self) -> Vec<Raw> {
        self.inner.take()
    }

    /// The only request received since the last call.
    fn last(&self) -> Raw {
        let mut all = self.take();
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }
}

fn client(server: &Recorder) -> Client {
    Client::builder()
        .base_url(&server.base_url)
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap()
}

/// The example object of the style tables.
fn color() -> Color {
    Color::new(100, 200, 150)
}

#[tokio::test]
async fn query_form_style_for_scalars_arrays_objects_and_maps() {
    let server = Recorder::start().await;
    let client = client(&server);
    let labels = BTreeMap::from([
        ("k1".to_owned(), "v 1".to_owned()),
        ("k2".to_owned(), "v2".to_owned()),
    ]);
    client
        .query_form()
        .tags(["blue", "black & brown"])
        .ids([1, 2])
        .color(color())
        .rgb(color())
        .labels(labels)
        .status([Status::Active, Status::Inactive])
        .q("a,b")
        .send()
        .await
        .unwrap();
    let raw = server.last();
    assert_eq!(raw.method, "GET");
    assert_eq!(
        raw.target,
        [
            "/query/form?",
            // Exploded array: the name per item (`color=blue&color=black&color=brown`).
            "tags=blue&tags=black%20%26%20brown",
            // Not exploded: `color=blue,black,brown`.
            "&ids=1,2",
            // Exploded object: each property its own pair (`R=100&G=200&B=150`).
            "&R=100&G=200&B=150",
            // Not exploded: `color=R,100,G,200,B,150`.
            "&rgb=R,100,G,200,B,150",
            // A map is an object.
            "&k1=v%201&k2=v2",
            "&status=active,inactive",
            // A comma inside a value is encoded, so it never reads as a delimiter.
            "&q=a%2Cb",
        ]
        .concat()
    );

    // Absent optional parameters send nothing.
    client.query_form().send().await.unwrap();
    assert_eq!(server.last().target, "/query/form");
}

#[tokio::test]
async fn query_space_and_pipe_delimited() {
    let server = Recorder::start().await;
    client(&server)
        .query_delimited()
        .space(["blue", "black"])
        .pipe(["blue", "bl|ack"])
        .space_color(color())
        .pipe_color(color())
        .send()
        .await
        .unwrap();
    assert_eq!(
        server.last().target,
        [
            "/query/delimited?",
            // `color=blue%20black%20brown`
            "space=blue%20black",
            // `color=blue|black|brown`; a `|` inside a value is encoded.
            "&pipe=blue|bl%7Cack",
            // `color=R%20100%20G%20200%20B%20150`
            "&space_color=R%20100%20G%20200%20B%20150",
            // `color=R|100|G|200|B|150`
            "&pipe_color=R|100|G|200|B|150",
        ]
        .concat()
    );
}

#[tokio::test]
async fn query_deep_objects_nest() {
    let server = Recorder::start().await;
    let filter = Filter::new()
        .name("n 1")
        .range(FilterRange::new().min(1).max(5))
        .tags(vec!["x".into(), "y".into()]);
    client(&server)
        .query_deep()
        .filter(filter)
        .page(QueryDeepPage::new().number(2).size(10))
        .expand(["a", "b c"])
        .send()
        .await
        .unwrap();
    assert_eq!(
        server.last().target,
        [
            "/query/deep?",
            // `color[R]=100&color[G]=200&color[B]=150`, brackets percent-encoded.
            "filter%5Bname%5D=n%201",
            "&filter%5Brange%5D%5Bmin%5D=1&filter%5Brange%5D%5Bmax%5D=5",
            // An array inside repeats its key.
            "&filter%5Btags%5D=x&filter%5Btags%5D=y",
            // `style: deepObject` without `explode` (which then defaults to false) is the same.
            "&page%5Bnumber%5D=2&page%5Bsize%5D=10",
            // A deepObject array is indexed by default (`expand[0]=a&expand[1]=b c`).
            "&expand%5B0%5D=a&expand%5B1%5D=b%20c",
        ]
        .concat()
    );
}

#[tokio::test]
async fn query_unions_free_form_values_and_nested_values() {
    let server = Recorder::start().await;
    let client = client(&server);
    client
        .query_dynamic()
        .shape(NameOrColor::String("blue".into()))
        .any(json!({"a": 1, "b": [1, 2], "c": null}))
        .rows([Color::new(1, 2, 3)])
        .filter(
            Filter::new()
                .name("n")
                .range(FilterRange::new().min(1))
                .tags(vec!["x".into()]),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        server.last().target,
        [
            "/query/dynamic?",
            // A union that holds a string is a scalar.
            "shape=blue",
            // Free-form JSON, not exploded: `k,v` pairs; a nested value is its JSON text; `null`
            // properties are left out.
            "&any=a,1,b,%5B1%2C2%5D",
            // An array of objects: each item's JSON text.
            "&rows=%7B%22R%22%3A1%2C%22G%22%3A2%2C%22B%22%3A3%7D",
            // An exploded object whose properties are an object and an array: their JSON text.
            "&name=n&range=%7B%22min%22%3A1%7D&tags=%5B%22x%22%5D",
        ]
        .concat()
    );
    // The same union holding an object is an object.
    client
        .query_dynamic()
        .shape(NameOrColor::Color(color()))
        .send()
        .await
        .unwrap();
    assert_eq!(server.last().target, "/query/dynamic?R=100&G=200&B=150");
}

#[tokio::test]
async fn query_parameters_described_by_content() {
    let server = Recorder::start().await;
    client(&server)
        .query_content(Filter::new().name("n").tags(vec!["a b".into()]))
        .note("plain text")
        .send()
        .await
        .unwrap();
    assert_eq!(
        server.last().target,
        // `application/json`: the JSON text (`{"name":"n","tags":["a b"]}`) as the value.
        "/query/content?where=%7B%22name%22%3A%22n%22%2C%22tags%22%3A%5B%22a%20b%22%5D%7D&note=plain%20text"
    );
}

#[tokio::test]
async fn path_simple_style() {
    let server = Recorder::start().await;
    client(&server)
        .path_simple("a/b?c", ["blue", "black brown"], color(), color())
        .send()
        .await
        .unwrap();
    assert_eq!(
        server.last().target,
        [
            // A scalar is percent-encoded, so it cannot change the path.
            "/simple/a%2Fb%3Fc",
            // `blue,black,brown`
            "/blue,black%20brown",
            // `R,100,G,200,B,150`, exploded `R=100,G=200,B=150`
            "/R,100,G,200,B,150/R=100,G=200,B=150",
        ]
        .concat()
    );
}

#[tokio::test]
async fn path_label_and_matrix_styles() {
    let server = Recorder::start().await;
    client(&server)
        .path_label_matrix(
            "blue",
            ["blue", "black"],
            ["blue", "black"],
            color(),
            [1, 2],
            [1, 2],
            color(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        server.last().target,
        [
            "/styled",
            // `.blue`
            "/.blue",
            // Label, not exploded: RFC 6570's `.blue,black`.
            "/.blue,black",
            // Exploded: `.blue.black.brown`.
            "/.blue.black",
            // Exploded object: `.R=100.G=200.B=150`.
            "/.R=100.G=200.B=150",
            // Matrix: `;color=blue,black,brown`, exploded `;color=blue;color=black;color=brown`,
            // and an object `;color=R,100,G,200,B,150`.
            "/x;matrix=1,2;matrix_exploded=1;matrix_exploded=2;matrix_color=R,100,G,200,B,150",
        ]
        .concat()
    );
}

#[tokio::test]
async fn operations_without_operation_id_and_untagged_ones() {
    let server = Recorder::start().await;
    let client = client(&server);
    // `GET /users/{id}/posts` has no operationId: named after its method and path.
    client.get_users_id_posts(7).send().await.unwrap();
    assert_eq!(server.last().target, "/users/7/posts");
    client.ping().send().await.unwrap();
    assert_eq!(server.last().target, "/ping");
    // Tags `Pet Store` and `pet-store` are different modules (`pet_store`, `pet_store2`).
    client.list_pets().send().await.unwrap();
    client.list_pet_store().send().await.unwrap();
    let targets: Vec<String> = server.take().into_iter().map(|r| r.target).collect();
    assert_eq!(targets, ["/pets", "/pet-store"]);
}

#[tokio::test]
async fn header_parameters_in_simple_style() {
    let server = Recorder::start().await;
    client(&server)
        .headers()
        .x_scalar(5)
        .x_list(["blue", "black"])
        .x_color(color())
        .x_color_exploded(color())
        .x_any(json!({"k": "v w"}))
        .x_filter(Filter::new().name("n"))
        .send()
        .await
        .unwrap();
    let raw = server.last();
    assert_eq!(one(&raw, "x-scalar"), "5");
    // `blue,black,brown`
    assert_eq!(one(&raw, "x-list"), "blue,black");
    // `R,100,G,200,B,150`, exploded `R=100,G=200,B=150`
    assert_eq!(one(&raw, "x-color"), "R,100,G,200,B,150");
    assert_eq!(one(&raw, "x-color-exploded"), "R=100,G=200,B=150");
    // Headers are not percent-encoded.
    assert_eq!(one(&raw, "x-any"), "k,v w");
    // `content: application/json`: the JSON text.
    assert_eq!(one(&raw, "x-filter"), r#"{"name":"n"}"#);
    // The spec's `Accept` header parameter is ignored: the client sends its own.
    assert_eq!(one(&raw, "accept"), "application/json");
}

#[tokio::test]
async fn cookie_parameters_share_one_header_with_a_cookie_credential() {
    let server = Recorder::start().await;
    let with_key = Client::builder()
        .base_url(&server.base_url)
        .cookie_key("ck-1")
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    with_key
        .cookies("s 1")
        .prefs(["blue", "black"])
        .prefs_flat(["blue", "black"])
        .color(color())
        .send()
        .await
        .unwrap();
    let raw = server.last();
    assert_eq!(
        raw.all("cookie"),
        // The credential's cookie first, then the parameters' (`form`: exploded arrays give a
        // cookie per item, others `name=a,b`; values percent-encoded).
        ["sid=ck-1; session=s%201; prefs=blue; prefs=black; prefs_flat=blue,black; color=R,100,G,200,B,150"]
    );

    // Without the credential (the operation also allows no auth): the parameters alone.
    client(&server).cookies("s1").send().await.unwrap();
    assert_eq!(server.last().all("cookie"), ["session=s1"]);
}

#[tokio::test]
async fn url_encoded_form_bodies_follow_their_encoding() {
    let server = Recorder::start().await;
    let body = Signup::new("Ann Lee & co")
        .tags(vec!["x".into(), "y".into()])
        .color(color())
        .age(30);
    client(&server).submit_form(body).send().await.unwrap();
    let raw = server.last();
    assert_eq!(raw.method, "POST");
    assert_eq!(
        one(&raw, "content-type"),
        "application/x-www-form-urlencoded"
    );
    assert_eq!(
        String::from_utf8(raw.body).unwrap(),
        [
            "name=Ann%20Lee%20%26%20co",
            // `encoding: {tags: {style: form, explode: false}}`
            "&tags=x,y",
            // `encoding: {color: {style: deepObject}}`
            "&color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150",
            // Without an encoding: `form`, exploded.
            "&age=30",
        ]
        .concat()
    );
}

/// The boundary of a `multipart/form-data` content type.
fn boundary(content_type: &str) -> &str {
    content_type
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap_or_else(|| panic!("{content_type}"))
}

#[tokio::test]
async fn typed_multipart_bodies_send_a_part_per_field() {
    let server = Recorder::start().await;
    let body = UploadDocumentBody::new("Q3 report", b"%PDF\x00\xff".to_vec())
        .thumbnail(b"\x89PNG".to_vec())
        .attachments(vec![b"one".to_vec(), b"two".to_vec()])
        .meta(Color::new(1, 2, 3))
        .tags(vec!["a".into(), "b".into()])
        .count(3);
    client(&server).upload_document(body).send().await.unwrap();
    let raw = server.last();
    let b = boundary(one(&raw, "content-type")).to_owned();
    let part = |headers: &str, data: &[u8]| {
        [
            format!("--{b}\r\n{headers}\r\n\r\n").as_bytes(),
            data,
            b"\r\n",
        ]
        .concat()
    };
    let expected = [
        // A string: a text part.
        part("Content-Disposition: form-data; name=\"title\"", b"Q3 report"),
        // `format: binary`: a file part, named after the property.
        part(
            "Content-Disposition: form-data; name=\"file\"; filename=\"file\"\r\nContent-Type: application/octet-stream",
            b"%PDF\x00\xff",
        ),
        // `encoding: {thumbnail: {contentType: image/png}}`
        part(
            "Content-Disposition: form-data; name=\"thumbnail\"; filename=\"thumbnail\"\r\nContent-Type: image/png",
            b"\x89PNG",
        ),
        // An array of binaries: a file part per item.
        part(
            "Content-Disposition: form-data; name=\"attachments\"; filename=\"attachments\"\r\nContent-Type: application/octet-stream",
            b"one",
        ),
        part(
            "Content-Disposition: form-data; name=\"attachments\"; filename=\"attachments\"\r\nContent-Type: application/octet-stream",
            b"two",
        ),
        // Objects and arrays: JSON parts.
        part(
            "Content-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json",
            br#"{"R":1,"G":2,"B":3}"#,
        ),
        part(
            "Content-Disposition: form-data; name=\"tags\"\r\nContent-Type: application/json",
            br#"["a","b"]"#,
        ),
        // A number: a text part.
        part("Content-Disposition: form-data; name=\"count\"", b"3"),
        format!("--{b}--\r\n").into_bytes(),
    ]
    .concat();
    assert_eq!(
        String::from_utf8_lossy(&raw.body),
        String::from_utf8_lossy(&expected)
    );
    assert_eq!(raw.body, expected);
}

#[tokio::test]
async fn multipart_bodies_can_be_typed_or_built_by_hand() {
    let server = Recorder::start().await;
    let client = client(&server);
    // A component schema without binaries: the model itself is the typed body.
    client
        .upload_optional()
        .body(Signup::new("n").age(4))
        .send()
        .await
        .unwrap();
    let raw = server.last();
    let b = boundary(one(&raw, "content-type")).to_owned();
    assert_eq!(
        String::from_utf8(raw.body).unwrap(),
        format!("--{b}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nn\r\n--{b}\r\nContent-Disposition: form-data; name=\"age\"\r\n\r\n4\r\n--{b}--\r\n")
    );
    // A form built by hand replaces the typed body.
    let form = openapi_sdk_runtime::Multipart::new().file(
        "doc",
        openapi_sdk_runtime::FilePart::new(b"%PDF".to_vec())
            .file_name("report.pdf")
            .content_type("application/pdf"),
    );
    client
        .upload_optional()
        .multipart(form)
        .send()
        .await
        .unwrap();
    let body = String::from_utf8(server.last().body).unwrap();
    assert!(
        body.contains("name=\"doc\"; filename=\"report.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n"),
        "{body}"
    );
    // No body at all.
    client.upload_optional().send().await.unwrap();
    let raw = server.last();
    assert!(
        raw.body.is_empty() && raw.all("content-type").is_empty(),
        "{raw:?}"
    );
}

#[tokio::test]
async fn json_wildcard_vendor_json_and_binary_bodies() {
    let server = Recorder::start().await;
    let client = client(&server);
    // `*/*` with a JSON schema: JSON.
    client
        .put_anything(Signup::new("n").age(1))
        .send()
        .await
        .unwrap();
    let raw = server.last();
    assert_eq!(one(&raw, "content-type"), "application/json");
    assert_eq!(raw.body, br#"{"name":"n","age":1}"#);
    // `application/vnd.api+json`: JSON, sent as that media type.
    client.patch_vnd(Color::new(1, 2, 3)).send().await.unwrap();
    let raw = server.last();
    assert_eq!(one(&raw, "content-type"), "application/vnd.api+json");
    assert_eq!(raw.body, br#"{"R":1,"G":2,"B":3}"#);
    // `*/*` with `format: binary`: bytes.
    client.upload_blob(vec![0, 1, 255]).send().await.unwrap();
    let raw = server.last();
    assert_eq!(one(&raw, "content-type"), "application/octet-stream");
    assert_eq!(raw.body, [0, 1, 255]);
}
