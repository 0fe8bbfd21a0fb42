fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).unwrap();
    match datadog_connections_codegen::generate(&text, &Default::default()) {
        Ok(g) => {
            for (p, c) in g.files { println!("==== {p}\n{c}"); }
            for d in g.diagnostics { println!("diag {d:?}"); }
        }
        Err(e) => println!("ERROR {e}"),
    }
}
