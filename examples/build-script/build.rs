//! Generates the Petstore client from `spec/petstore.yaml` into `$OUT_DIR/petstore.rs`, which
//! `src/lib.rs` includes; Cargo reruns this when the spec or its configuration changes.

fn main() {
    let built = openapi_sdk_codegen::build::Builder::new("spec/petstore.yaml")
        .config("spec/petstore.codegen.yaml")
        .generate();
    if let Err(error) = built {
        // A build script reports failure by exiting non-zero; the message names the file, the
        // JSON pointer into it and the reason.
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}
