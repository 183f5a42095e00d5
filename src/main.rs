//! The `cchc` binary: parses arguments, runs the library, maps the result to an exit status.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cchc::cli::main()
}
