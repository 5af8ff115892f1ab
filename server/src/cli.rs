//! The `candor` command line: `serve` (default), `migrate`, `seed-demo`, `link`, `create-user`,
//! `create-api-key`, `sweep`, `import`.

use crate::{db, http, seed};
use app::core::background::supervise;
use app::core::webhooks::delivery::Deliverer;
use app::{
    core::accounts,
    core::config::{database_url_from_env, Config},
    core::links,
    core::outbox,
    core::state::AppState,
    domain::{EmailAddress, Role},
    sweep::service::{self as sweep, SweepError, Trigger},
};
use clap::{Parser, Subcommand};
use std::sync::Arc;

#[derive(Debug, Parser)]
#[command(
    name = "candor",
    version,
    about = "Consent and data requests for recruiting teams"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server and its background jobs (the default).
    Serve,
    /// Apply database migrations, then exit.
    Migrate,
    /// Fill an empty database with a demo organization; prints sign-in credentials.
    SeedDemo,
    /// Print a candidate's personal preferences link.
    Link {
        /// The candidate's email address.
        email: String,
    },
    /// Create a recruiter account; prints its generated password once.
    CreateUser {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// super_admin, admin, team_member or limited_team_member.
        #[arg(long, default_value = "super_admin")]
        role: String,
    },
    /// Create an integration API key for a Super Admin; prints the key once.
    CreateApiKey {
        /// What the key is for ("Greenhouse sync").
        #[arg(long)]
        name: String,
        /// Comma-separated: read, write, anonymize.
        #[arg(long)]
        scopes: String,
        /// The Super Admin it belongs to (its default On-Behalf-Of).
        #[arg(long)]
        created_by: String,
    },
    /// Import candidates, opportunities and consent decisions from a CSV file (the README's
    /// template, or a Greenhouse or Lever export). Checks the whole file first; applies it only
    /// when nothing in it is refused.
    Import {
        /// The CSV file (UTF-8, comma-separated, a header line first).
        file: std::path::PathBuf,
        /// Check and report what would be created, updated and skipped; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// The Super Admin the import acts as (its audit trail names them). May be left out
        /// when the organization has one Super Admin.
        #[arg(long = "as")]
        acting_as: Option<String>,
    },
    /// Anonymize every candidate whose deletion grace period has passed (the daily job, now).
    Sweep {
        /// Count what would happen, by reason, and list the first candidate ids; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

/// Everything a subcommand can fail with, worded for the operator.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("configuration error: {0}")]
    Config(#[from] app::core::config::ConfigError),
    #[error(transparent)]
    Db(#[from] db::DbError),
    #[error("{0}")]
    Usage(String),
    #[error("could not create the user: {0}")]
    Account(#[from] accounts::AccountError),
    #[error("seeding failed: {0}")]
    Seed(#[source] sqlx::Error),
    #[error("database error: {0}")]
    Query(#[from] sqlx::Error),
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
    #[error("Leptos configuration error: {0}")]
    Leptos(String),
    #[error("the webhook HTTP client could not be made: {0}")]
    Webhooks(#[from] reqwest::Error),
    #[error("sweep failed: {0}")]
    Sweep(#[from] SweepError),
    #[error("sweep failed: {0}")]
    App(#[from] app::error::AppError),
}

pub async fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve().await,
        Command::Migrate => {
            let pool = db::connect(&database_url_from_env()?).await?;
            db::migrate(&pool).await?;
            println!("Migrations are up to date.");
            Ok(())
        }
        Command::SeedDemo => {
            let config = Config::from_env()?;
            let pool = db::connect(&config.database_url).await?;
            db::migrate(&pool).await?;
            match seed::seed_demo(&pool, &config)
                .await
                .map_err(CliError::Seed)?
            {
                Some(report) => print!("{report}"),
                None => println!("The database already has users; demo data was not added."),
            }
            Ok(())
        }
        Command::Link { email } => {
            let config = Config::from_env()?;
            let email = EmailAddress::parse(&email).map_err(|e| CliError::Usage(e.to_string()))?;
            let pool = db::connect(&config.database_url).await?;
            let found = app::core::candidates::find_by_email(&pool, &email).await?;
            let Some(candidate) = found.first() else {
                return Err(CliError::Usage(
                    "no active candidate has that email address".into(),
                ));
            };
            let token = config
                .link_keys
                .sign(*candidate, chrono::Utc::now(), config.link_ttl);
            println!("{}", links::preferences_url(&config.public_url, &token));
            Ok(())
        }
        Command::CreateUser { email, name, role } => {
            let email = EmailAddress::parse(&email)
                .map_err(|e| CliError::Usage(format!("--email: {e}")))?;
            let role: Role = role.parse().map_err(|_| {
                CliError::Usage(
                    "--role must be super_admin, admin, team_member or limited_team_member".into(),
                )
            })?;
            let pool = db::connect(&database_url_from_env()?).await?;
            db::migrate(&pool).await?;
            let password = accounts::generate_password();
            accounts::create_user(&pool, &email, &name, role, &password).await?;
            println!(
                "Created {} ({}). Password (shown once): {password}",
                email,
                app::text::role(role)
            );
            Ok(())
        }
        Command::CreateApiKey {
            name,
            scopes,
            created_by,
        } => {
            let email = EmailAddress::parse(&created_by)
                .map_err(|e| CliError::Usage(format!("--created-by: {e}")))?;
            let on = |scope: &str| {
                scopes
                    .split(',')
                    .any(|s| s.trim() == scope)
                    .then(|| "on".to_owned())
            };
            let form = app::domain::api_keys::ApiKeyForm {
                name,
                read: on("read"),
                write: on("write"),
                anonymize: on("anonymize"),
            };
            let unknown = scopes
                .split(',')
                .map(str::trim)
                .any(|s| !["read", "write", "anonymize"].contains(&s));
            let new = app::domain::api_keys::NewApiKey::parse(&form)
                .ok()
                .filter(|_| !unknown)
                .ok_or_else(|| {
                    CliError::Usage(
                        "--name must not be empty and --scopes must list read, write or anonymize"
                            .into(),
                    )
                })?;
            let pool = db::connect(&database_url_from_env()?).await?;
            db::migrate(&pool).await?;
            let viewer = accounts::viewer_by_email(&pool, &email)
                .await?
                .ok_or_else(|| CliError::Usage("--created-by names no active account".into()))?;
            let key = app::core::api_keys::create_shown(&pool, &viewer, &new, chrono::Utc::now())
                .await
                .map_err(|e| match e {
                    app::error::AppError::Forbidden => {
                        CliError::Usage("--created-by must be a Super Admin".into())
                    }
                    other => CliError::App(other),
                })?;
            println!("{key}");
            Ok(())
        }
        Command::Import {
            file,
            dry_run,
            acting_as,
        } => import(&file, dry_run, acting_as.as_deref()).await,
        Command::Sweep { dry_run } => {
            let config = Config::from_env()?;
            let pool = db::connect(&config.database_url).await?;
            db::migrate(&pool).await?;
            let now = chrono::Utc::now();
            let report = if dry_run {
                sweep::dry_run(&pool, Trigger::Command, now).await?
            } else {
                sweep::sweep(&pool, &config, Trigger::Command, now).await?
            };
            print!("{report}");
            Ok(())
        }
    }
}

/// `candor import`: checks the file with a progress bar by bytes read, prints the report, then
/// (unless a dry run, or the file was refused) applies it with a progress bar by lines.
async fn import(
    path: &std::path::Path,
    dry_run: bool,
    acting_as: Option<&str>,
) -> Result<(), CliError> {
    use app::core::import::service::{self as import, Progress};
    use app::domain::import::Status;
    let config = Config::from_env()?;
    let file = std::fs::File::open(path)
        .map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))?;
    let bytes = file.metadata()?.len();
    let pool = db::connect(&config.database_url).await?;
    db::migrate(&pool).await?;
    let viewer = match acting_as {
        Some(email) => {
            let email =
                EmailAddress::parse(email).map_err(|e| CliError::Usage(format!("--as: {e}")))?;
            accounts::viewer_by_email(&pool, &email)
                .await?
                .ok_or_else(|| CliError::Usage("--as names no active account".into()))?
        }
        None => sole_super_admin(&pool).await?,
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let forbidden = |e: app::error::AppError| match e {
        app::error::AppError::Forbidden => CliError::Usage("--as must be a Super Admin".into()),
        other => CliError::App(other),
    };
    let now = chrono::Utc::now();
    let id = import::create(&pool, &viewer, &name, bytes, now)
        .await
        .map_err(forbidden)?;
    let bar = progress_bar(bytes, "checking");
    let checked = import::check(&pool, &config, &viewer, id, file, now, |p: Progress| {
        bar.set_position(p.done)
    })
    .await?;
    bar.finish_and_clear();
    print!("{}", import_report(&checked));
    if checked.status != Status::Checked || dry_run {
        if dry_run && checked.status == Status::Checked {
            println!("Dry run: nothing was changed. Run again without --dry-run to apply.");
        }
        return match checked.status {
            Status::Refused => Err(CliError::Usage(
                "the file was refused; nothing was changed".into(),
            )),
            _ => Ok(()),
        };
    }
    let bar = progress_bar(checked.rows_total.unwrap_or(0), "applying");
    let applied = import::apply(&pool, &config, &viewer, id, chrono::Utc::now(), |p| {
        bar.set_position(p.done)
    })
    .await?;
    bar.finish_and_clear();
    print!("{}", import_report(&applied));
    Ok(())
}

/// The one active Super Admin, when there is exactly one.
async fn sole_super_admin(pool: &sqlx::PgPool) -> Result<app::domain::Viewer, CliError> {
    let admins = sqlx::query_scalar!(
        "SELECT email FROM users
          WHERE role = 'super_admin' AND NOT disabled AND password_hash IS NOT NULL
          LIMIT 2"
    )
    .fetch_all(pool)
    .await?;
    let [email] = &admins[..] else {
        return Err(CliError::Usage(
            "name the Super Admin the import acts as with --as EMAIL".into(),
        ));
    };
    let email = EmailAddress::parse(email).map_err(|e| CliError::Usage(e.to_string()))?;
    accounts::viewer_by_email(pool, &email)
        .await?
        .ok_or_else(|| CliError::Usage("--as names no active account".into()))
}

/// A progress bar on standard error, drawn only on a terminal.
fn progress_bar(total: u64, phase: &'static str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{msg:>9} [{bar:40}] {percent:>3}% {elapsed_precise} (eta {eta})",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(phase);
    bar
}

/// The report of a check or an apply, as the command prints it.
fn import_report(view: &app::core::import::ImportView) -> String {
    use app::domain::import::Status;
    use std::fmt::Write;
    let mut out = String::new();
    let c = view.counts;
    let _ = writeln!(
        out,
        "{}: {}",
        view.file_name,
        app::text::import_status(view.status)
    );
    if view.status != Status::Refused {
        let applied = view.status == Status::Applied;
        let _ = writeln!(
            out,
            "{}",
            app::text::import_counts(applied, c.create, c.update, c.unchanged, c.skip)
        );
    }
    for problem in &view.problems {
        let _ = writeln!(out, "  {}", app::text::file_problem(problem));
    }
    for skipped in &view.skipped {
        let _ = writeln!(
            out,
            "  {}: skipped. {}",
            app::text::line_label(skipped.line),
            app::text::skip_reason(skipped.reason)
        );
    }
    if (view.skipped.len() as u64) < c.skip {
        let _ = writeln!(
            out,
            "  {}",
            app::text::more_skipped(c.skip - view.skipped.len() as u64)
        );
    }
    out
}

async fn serve() -> Result<(), CliError> {
    let config = Config::from_env()?;
    let pool = db::connect(&config.database_url).await?;
    db::migrate(&pool).await?;

    let mut leptos_options = leptos::config::get_configuration(None)
        .map_err(|e| CliError::Leptos(e.to_string()))?
        .leptos_options;
    leptos_options.site_addr = config.site_addr;

    let addr = config.site_addr;
    let config = Arc::new(config);
    let state = AppState::new(leptos_options, pool.clone(), config.clone());

    // The outbox worker shares the process; it stops after its batch in hand when we do. Each
    // background task runs under a supervisor that restarts it (with backoff) if it dies.
    let (stop_worker, worker_stopped) = tokio::sync::watch::channel(false);
    let backoff = app::core::background::Backoff::default();
    let worker = if config.outbox.worker {
        // Built once up front, so a bad mail configuration stops the start, not a restart.
        outbox::Worker::new(pool.clone(), config.clone())?;
        let (pool, config) = (pool.clone(), config.clone());
        Some(tokio::spawn(supervise(
            "outbox",
            worker_stopped,
            backoff,
            move |shutdown| {
                let worker = outbox::Worker::new(pool.clone(), config.clone());
                async move {
                    match worker {
                        Ok(worker) => worker.run(shutdown).await,
                        Err(error) => tracing::error!(%error, "outbox worker could not start"),
                    }
                }
            },
        )))
    } else {
        tracing::info!("outbox worker off (CANDOR_OUTBOX_WORKER=off)");
        None
    };

    let deliverer = if config.webhooks.worker {
        // Built once up front, so a client that can't be made stops the start, not a restart.
        Deliverer::new(pool.clone(), config.clone())?;
        let (pool, config) = (pool.clone(), config.clone());
        Some(tokio::spawn(supervise(
            "webhooks",
            stop_worker.subscribe(),
            backoff,
            move |shutdown| {
                let deliverer = Deliverer::new(pool.clone(), config.clone());
                async move {
                    match deliverer {
                        Ok(deliverer) => deliverer.run(shutdown).await,
                        Err(error) => tracing::error!(%error, "webhook deliverer could not start"),
                    }
                }
            },
        )))
    } else {
        tracing::info!("webhook deliverer off (CANDOR_WEBHOOKS_WORKER=off)");
        None
    };

    let sweeper = if config.sweep_schedule {
        let (pool, config) = (pool.clone(), config.clone());
        Some(tokio::spawn(supervise(
            "retention sweep",
            stop_worker.subscribe(),
            backoff,
            move |shutdown| sweep::schedule(pool.clone(), config.clone(), shutdown),
        )))
    } else {
        tracing::info!("retention sweep schedule off (CANDOR_SWEEP_SCHEDULE=off)");
        None
    };

    let alerter = if config.alert_schedule {
        let (pool, config) = (pool.clone(), config.clone());
        Some(tokio::spawn(supervise(
            "due-date alerts",
            stop_worker.subscribe(),
            backoff,
            move |shutdown| app::alerts::schedule(pool.clone(), config.clone(), shutdown),
        )))
    } else {
        tracing::info!("due-date alerts off (CANDOR_ALERT_SCHEDULE=off)");
        None
    };

    // Always on: without folds the dashboard's counts add up more and more unfolded changes.
    let tallies = {
        let pool = pool.clone();
        tokio::spawn(supervise(
            "dashboard tallies",
            stop_worker.subscribe(),
            backoff,
            move |shutdown| app::dashboard::service::keep_tallies(pool.clone(), shutdown),
        ))
    };

    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(%addr, "Candor is listening");
    http::serve(
        listener,
        http::router(state),
        config.slow_client,
        shutdown_signal(),
    )
    .await?;
    let _ = stop_worker.send(true);
    if let Some(worker) = worker {
        let _ = worker.await;
    }
    if let Some(deliverer) = deliverer {
        let _ = deliverer.await;
    }
    if let Some(sweeper) = sweeper {
        let _ = sweeper.await;
    }
    if let Some(alerter) = alerter {
        let _ = alerter.await;
    }
    let _ = tallies.await;
    // Say goodbye to Postgres rather than leaving it to notice the closed sockets.
    pool.close().await;
    tracing::info!("Candor stopped");
    Ok(())
}

/// Ctrl-C or SIGTERM: stop accepting, let in-flight requests finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
