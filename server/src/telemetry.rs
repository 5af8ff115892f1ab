//! Structured logs. Personal data and tokens are kept out at the source: spans record the redacted
//! path (`app::core::security::redact_path`) and ids, never addresses or bodies.

use tracing_subscriber::{fmt, prelude::*, EnvFilter};

/// `RUST_LOG` filters (default `info`); `CANDOR_LOG_FORMAT=json` switches to JSON lines.
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let json = std::env::var("CANDOR_LOG_FORMAT").is_ok_and(|f| f == "json");
    let registry = tracing_subscriber::registry().with(filter);
    let result = if json {
        registry
            .with(fmt::layer().json().with_writer(std::io::stderr))
            .try_init()
    } else {
        registry
            .with(fmt::layer().with_writer(std::io::stderr))
            .try_init()
    };
    // A second init (tests) keeps the first subscriber.
    let _ = result;
}
