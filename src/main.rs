//! The `backlab` binary: parse the command line, run the command, turn the
//! outcome into an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = backlab::cli::Cli::parse();
    match backlab::cli::execute(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("backlab: {error:#}");
            ExitCode::from(2)
        }
    }
}
