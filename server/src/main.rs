use clap::Parser;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = candor_server::cli::Cli::parse();
    candor_server::telemetry::init();
    match candor_server::cli::run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("candor: {err}");
            ExitCode::FAILURE
        }
    }
}
