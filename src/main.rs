//! The `cchc` binary: parses arguments, runs the library, maps the result to an exit status.

fn main() -> std::process::ExitCode {
    cchc::cli::main()
}
