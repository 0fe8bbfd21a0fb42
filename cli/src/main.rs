//! `openapi-sdk-gen`: the generator's command line (see the library's `args` module for the
//! flags and `run` for what each command does).

use clap::Parser;
use openapi_sdk_gen::{clap_exit_code, run, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to stdout; usage errors to stderr.
            let _ = error.print();
            return ExitCode::from(clap_exit_code(&error));
        }
    };
    let cwd = std::path::PathBuf::from(".");
    let code = run(
        &cli,
        &cwd,
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(code)
}
