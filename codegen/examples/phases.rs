use std::time::Instant;
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let t = Instant::now();
    let spec = datadog_connections_codegen::load::load(&text).unwrap();
    let t1 = t.elapsed();
    let api = datadog_connections_codegen::lower::lower(&spec).unwrap();
    let t2 = t.elapsed();
    let g = datadog_connections_codegen::generate(&text, &Default::default()).unwrap();
    let t3 = t.elapsed();
    println!("load {:?} lower {:?} full-generate {:?} files {} types {}", t1, t2 - t1, t3 - t2, g.files.len(), api.types.len());
}
