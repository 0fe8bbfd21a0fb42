//! Runs a parsed command line: what each command prints (progress and reports on stderr, a diff
//! report on stdout) and the exit status it ends with.

use crate::args::{Cli, Command, GenerateArgs};
use crate::check::check_files;
use crate::diff::compare;
use crate::error::{TaskError, EXIT_DRIFT, EXIT_ERROR};
use crate::generate::generate_files;
use std::io::Write;
use std::path::Path;

/// The exit status of a command that succeeded.
pub const EXIT_OK: u8 = 0;

/// Runs `cli` with relative paths taken from `cwd`, printing to `stdout` and `stderr`; returns
/// the exit status (0 ok, 1 drift or a breaking change, 2 an error).
pub fn run(cli: &Cli, cwd: &Path, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let result = match &cli.command {
        Command::Generate(args) => generate(args, cwd, stderr),
        Command::Check(args) => check(args, cwd, stderr),
        Command::Diff(args) => compare(&args.comparison()).and_then(|report| {
            writeln!(stdout, "{}", report.text.trim_end())
                .and_then(|()| stdout.flush())
                .map_err(|e| TaskError::Io("<stdout>".into(), e))?;
            Ok(if report.breaking { EXIT_DRIFT } else { EXIT_OK })
        }),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // Nothing is left to report to when stderr itself fails.
            let _ = writeln!(stderr, "error: {e}");
            e.exit_code()
        }
    }
}

fn generate(args: &GenerateArgs, cwd: &Path, stderr: &mut dyn Write) -> Result<u8, TaskError> {
    let task = args.task(cwd)?;
    say(
        stderr,
        &format!(
            "generating {} into {}…",
            args.spec.display(),
            args.out.display()
        ),
    );
    let report = generate_files(&task)?;
    for line in report.lines(&args.out, args.verbose) {
        say(stderr, &line);
    }
    Ok(EXIT_OK)
}

fn check(args: &GenerateArgs, cwd: &Path, stderr: &mut dyn Write) -> Result<u8, TaskError> {
    let task = args.task(cwd)?;
    say(
        stderr,
        &format!(
            "checking {} against {}…",
            args.out.display(),
            args.spec.display()
        ),
    );
    check_files(&task, &args.command_line())?;
    say(
        stderr,
        &format!("generated code is up to date with {}", args.spec.display()),
    );
    Ok(EXIT_OK)
}

/// A progress line; a failure to print it does not fail the command.
fn say(stderr: &mut dyn Write, line: &str) {
    let _ = writeln!(stderr, "{line}");
}

/// The exit status for an error clap reports: 0 for `--help` and `--version`, else
/// [`EXIT_ERROR`].
pub fn clap_exit_code(error: &clap::Error) -> u8 {
    if error.use_stderr() {
        EXIT_ERROR
    } else {
        EXIT_OK
    }
}
