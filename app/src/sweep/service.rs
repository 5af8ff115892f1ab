//! The retention sweep's work: one set-based scan decides every candidate through the domain rule,
//! then the due ones are anonymized by the same engine as the Anonymize button.

use crate::core::anonymization::anonymize_locked;
use crate::core::audit::Actor;
use crate::core::config::Config;
use crate::core::settings::country_policies;
use crate::core::webhooks;
use crate::domain::consent_panel::{compliance_facts, deletion_notice, Record};
use crate::domain::lawful_basis::OpportunityFacts;
use crate::domain::settings::GdprFacts;
use crate::domain::sweep::{scheduled_run_due, verdict, Outcome, Tally, Verdict};
use crate::domain::webhooks::EventType;
use crate::domain::{CandidateId, ConsentEvent, CountryCode, MarkReason};
use crate::error::AppError;
use crate::sweep::SweepRun;
use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use sqlx::PgPool;

/// Held by the server that is sweeping, for the length of the run (a session-level advisory lock:
/// it goes with the connection if the process dies).
const SWEEP_LOCK: i64 = 0x6361_6e64_6f72_0001;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    Schedule,
    Command,
}

impl Trigger {
    fn as_str(self) -> &'static str {
        match self {
            Trigger::Schedule => "schedule",
            Trigger::Command => "command",
        }
    }
}

/// What one run found and did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub dry_run: bool,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub tally: Tally,
    pub outcome: Outcome,
}

/// The operator's printout: counts by reason, and for a dry run the first ids that are due.
impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = &self.tally;
        writeln!(
            f,
            "{} {} candidates.",
            if self.dry_run {
                "Dry run: examined"
            } else {
                "Examined"
            },
            t.examined
        )?;
        writeln!(f, "Marked for deletion: {}", t.marked.values().sum::<u64>())?;
        for reason in MarkReason::ALL {
            let n = t.marked_by(*reason);
            if n > 0 {
                writeln!(f, "  {n:>8}  {}", crate::text::mark_reason(*reason))?;
            }
        }
        writeln!(f, "Within the grace period: {}", t.waiting)?;
        writeln!(f, "Due but on legal hold: {}", t.held)?;
        writeln!(f, "Due for anonymization: {}", t.due)?;
        if self.dry_run {
            if !t.first_due.is_empty() {
                writeln!(f, "First {} due:", t.first_due.len())?;
                for id in &t.first_due {
                    writeln!(f, "  {id}")?;
                }
            }
            writeln!(f, "Nothing was changed.")
        } else {
            let o = &self.outcome;
            writeln!(f, "Anonymized: {}", o.anonymized)?;
            writeln!(f, "No longer due when locked: {}", o.skipped)?;
            writeln!(f, "Left for the next run: {}", o.retry_later)
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SweepError {
    /// Another server (or command) holds the sweep lock.
    #[error("another sweep is running")]
    AlreadyRunning,
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<sqlx::Error> for SweepError {
    fn from(e: sqlx::Error) -> Self {
        SweepError::App(e.into())
    }
}

/// The counts of a scan, and every due id.
pub async fn scan(
    pool: &PgPool,
    now: DateTime<Utc>,
) -> Result<(Tally, Vec<CandidateId>), AppError> {
    let mut tally = Tally::default();
    let mut due = Vec::new();
    decide_all(pool, now, |id, verdict| {
        if matches!(verdict, Verdict::Anonymize(_)) {
            due.push(id);
        }
        tally.count(id, verdict);
    })
    .await?;
    Ok((tally, due))
}

/// Decides every candidate not yet anonymized, in one streamed query: the domain's deletion rule
/// gets the same facts the profile's banner is decided from.
pub async fn decide_all(
    pool: &PgPool,
    now: DateTime<Utc>,
    mut decided: impl FnMut(CandidateId, Verdict),
) -> Result<(), AppError> {
    let settings = crate::core::settings::load(pool).await?;
    let policies = country_policies(pool).await?;
    let mut rows = sqlx::query!(
        r#"SELECT id AS "id!", created_at AS "created_at!", location_country, gdpr_country_override,
                  posting_countries AS "posting_countries!: Vec<Option<String>>",
                  archived AS "archived!: Vec<Option<DateTime<Utc>>>",
                  hired AS "hired!: Vec<bool>",
                  purposes AS "purposes!: Vec<String>",
                  decisions AS "decisions!: Vec<String>",
                  ats AS "ats!: Vec<DateTime<Utc>>",
                  notice_sent_at,
                  on_hold AS "on_hold!"
             FROM candidate_retention_facts"#
    )
    .fetch(pool);
    while let Some(row) = rows.try_next().await? {
        let country = |code: Option<&str>| code.and_then(|c| CountryCode::parse(c).ok());
        let posting_countries: Vec<Option<CountryCode>> = row
            .posting_countries
            .iter()
            .map(|c| country(c.as_deref()))
            .collect();
        let events: Vec<ConsentEvent> = row
            .purposes
            .iter()
            .zip(&row.decisions)
            .zip(&row.ats)
            .filter_map(|((purpose, decision), at)| {
                Some(ConsentEvent {
                    purpose: purpose.parse().ok()?,
                    decision: decision.parse().ok()?,
                    at: *at,
                })
            })
            .collect();
        let gdpr = GdprFacts {
            country: country(row.location_country.as_deref()),
            country_override: country(row.gdpr_country_override.as_deref()),
            posting_countries,
        };
        let facts = compliance_facts(
            &settings,
            &policies,
            Record {
                gdpr,
                events: &events,
                opportunities: row
                    .archived
                    .iter()
                    .zip(&row.hired)
                    .map(|(archived_at, hired)| OpportunityFacts {
                        archived_at: *archived_at,
                        hired: *hired,
                    })
                    .collect(),
                created_at: row.created_at,
                notice_sent_at: row.notice_sent_at,
            },
            now,
        );
        decided(
            CandidateId(row.id),
            verdict(deletion_notice(&facts, now), row.on_hold, now),
        );
    }
    Ok(())
}

/// Counts what a sweep would do, changes nothing but the run summary.
pub async fn dry_run(
    pool: &PgPool,
    trigger: Trigger,
    now: DateTime<Utc>,
) -> Result<Report, AppError> {
    let started_at = Utc::now();
    let (tally, _) = scan(pool, now).await?;
    let report = Report {
        dry_run: true,
        started_at,
        finished_at: Utc::now(),
        tally,
        outcome: Outcome::default(),
    };
    record(pool, trigger, &report).await?;
    Ok(report)
}

/// A full run: scan, then anonymize every due candidate. Only one server sweeps at a time; a second
/// gets `AlreadyRunning` and changes nothing.
pub async fn sweep(
    pool: &PgPool,
    config: &Config,
    trigger: Trigger,
    now: DateTime<Utc>,
) -> Result<Report, SweepError> {
    let lock = SweepLock::take(pool).await?;
    let result = sweep_locked(pool, config, trigger, now).await;
    lock.release().await;
    result
}

/// The daily schedule: sweeps when no scheduled run started within the last day. Several servers
/// may call this at once; the lock makes one of them run and the others see the run recorded.
pub async fn run_if_scheduled(
    pool: &PgPool,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<Option<Report>, SweepError> {
    let lock = match SweepLock::take(pool).await {
        Ok(lock) => lock,
        Err(SweepError::AlreadyRunning) => return Ok(None),
        Err(e) => return Err(e),
    };
    let result = async {
        let last = sqlx::query_scalar!(
            "SELECT max(started_at) FROM sweep_runs WHERE trigger = 'schedule' AND NOT dry_run"
        )
        .fetch_one(pool)
        .await?;
        if !scheduled_run_due(last, now) {
            return Ok(None);
        }
        sweep_locked(pool, config, Trigger::Schedule, now)
            .await
            .map(Some)
    }
    .await;
    lock.release().await;
    result
}

async fn sweep_locked(
    pool: &PgPool,
    config: &Config,
    trigger: Trigger,
    now: DateTime<Utc>,
) -> Result<Report, SweepError> {
    let started_at = Utc::now();
    let announce = webhooks::listening(pool, EventType::CandidateMarkedForDeletion).await?;
    let mut tally = Tally::default();
    let mut due = Vec::new();
    let mut marked = Vec::new();
    decide_all(pool, now, |id, verdict| {
        if matches!(verdict, Verdict::Anonymize(_)) {
            due.push(id);
        }
        if let (true, Verdict::Waiting(n) | Verdict::Held(n) | Verdict::Anonymize(n)) =
            (announce, verdict)
        {
            marked.push((id, n));
        }
        tally.count(id, verdict);
    })
    .await?;
    // Before anonymizing, so a candidate due today is announced as marked, then as anonymized.
    webhooks::emit_marked(pool, &marked, now).await?;
    let outcome = anonymize_due(pool, config, &due, now).await;
    let report = Report {
        dry_run: false,
        started_at,
        finished_at: Utc::now(),
        tally,
        outcome,
    };
    record(pool, trigger, &report).await?;
    Ok(report)
}

/// Anonymizes each candidate in its own transaction, deciding again under the row lock: between
/// the scan and now they may have given consent, been hired, or been put on hold. A candidate
/// another transaction holds is left for the next run rather than waited for.
pub async fn anonymize_due(
    pool: &PgPool,
    config: &Config,
    due: &[CandidateId],
    now: DateTime<Utc>,
) -> Outcome {
    let mut outcome = Outcome::default();
    for &candidate in due {
        match anonymize_if_still_due(pool, config, candidate, now).await {
            Ok(Attempt::Anonymized) => outcome.anonymized += 1,
            Ok(Attempt::NoLongerDue) => outcome.skipped += 1,
            Ok(Attempt::Busy) => outcome.retry_later += 1,
            Err(error) => {
                // Ids only: the candidate's data stays out of the logs.
                tracing::warn!(%candidate, %error, "sweep could not anonymize; next run retries");
                outcome.retry_later += 1;
            }
        }
    }
    outcome
}

enum Attempt {
    Anonymized,
    /// Consent given, hired, put on hold or anonymized since the scan.
    NoLongerDue,
    /// Another transaction holds the candidate (a recruiter's action, another sweep).
    Busy,
}

async fn anonymize_if_still_due(
    pool: &PgPool,
    config: &Config,
    candidate: CandidateId,
    now: DateTime<Utc>,
) -> Result<Attempt, AppError> {
    let mut tx = pool.begin().await?;
    let locked = sqlx::query_scalar!(
        r#"SELECT anonymized_at IS NULL AS "active!" FROM candidates
            WHERE id = $1 FOR UPDATE SKIP LOCKED"#,
        candidate.into_uuid()
    )
    .fetch_optional(&mut *tx)
    .await?;
    match locked {
        None => return Ok(Attempt::Busy),
        Some(false) => return Ok(Attempt::NoLongerDue),
        Some(true) => {}
    }
    let panel =
        crate::core::compliance::consent_panel_of(&mut tx, config, candidate.into_uuid(), now)
            .await?;
    if panel.deletion.is_none_or(|d| d.anonymize_on > now) {
        return Ok(Attempt::NoLongerDue);
    }
    match anonymize_locked(&mut tx, config, Actor::System, true, candidate, now).await {
        Ok(_) => {
            tx.commit().await?;
            Ok(Attempt::Anonymized)
        }
        Err(AppError::LegalHold | AppError::Anonymized) => Ok(Attempt::NoLongerDue),
        Err(e) => Err(e),
    }
}

/// The PII-free summary of a run, for admins.
async fn record(pool: &PgPool, trigger: Trigger, report: &Report) -> Result<(), AppError> {
    let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    sqlx::query!(
        "INSERT INTO sweep_runs (trigger, dry_run, started_at, finished_at, examined, marked,
                                 waiting, held, due, anonymized, skipped, retry_later)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        trigger.as_str(),
        report.dry_run,
        report.started_at,
        report.finished_at.max(report.started_at),
        count(report.tally.examined),
        serde_json::to_value(&report.tally.marked).unwrap_or_default(),
        count(report.tally.waiting),
        count(report.tally.held),
        count(report.tally.due),
        count(report.outcome.anonymized),
        count(report.outcome.skipped),
        count(report.outcome.retry_later),
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// The sweep's advisory lock, on a connection of its own.
struct SweepLock(sqlx::pool::PoolConnection<sqlx::Postgres>);

impl SweepLock {
    async fn take(pool: &PgPool) -> Result<Self, SweepError> {
        let mut conn = pool.acquire().await?;
        let taken =
            sqlx::query_scalar!(r#"SELECT pg_try_advisory_lock($1) AS "taken!""#, SWEEP_LOCK)
                .fetch_one(&mut *conn)
                .await?;
        if taken {
            Ok(Self(conn))
        } else {
            Err(SweepError::AlreadyRunning)
        }
    }

    /// Closing the connection releases the lock even if an unlock would fail; a daily job can
    /// afford the reconnect.
    async fn release(self) {
        let _ = self.0.close().await;
    }
}

/// How often each server checks whether today's sweep has run.
const SCHEDULE_CHECK: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// The daily sweep inside `candor serve`: checks at start and then hourly, until `shutdown`.
pub async fn schedule(
    pool: PgPool,
    config: std::sync::Arc<Config>,
    shutdown: tokio::sync::watch::Receiver<bool>,
) {
    crate::core::background::every(SCHEDULE_CHECK, shutdown, || async {
        // Imports nobody finished hold personal data too; an hourly check bounds their stay.
        if let Err(error) = crate::core::import::service::purge_stale(&pool, Utc::now()).await {
            tracing::warn!(%error, "purging stale imports failed; next check retries");
        }
        match run_if_scheduled(&pool, &config, Utc::now()).await {
            Ok(Some(report)) => tracing::info!(
                examined = report.tally.examined,
                due = report.tally.due,
                anonymized = report.outcome.anonymized,
                held = report.tally.held,
                retry_later = report.outcome.retry_later,
                "retention sweep ran"
            ),
            Ok(None) => {}
            // Postgres away: the next check tries again.
            Err(error) => tracing::warn!(%error, "retention sweep failed; next check retries"),
        }
    })
    .await;
}

/// The latest run summaries, newest first.
pub async fn recent_runs(pool: &PgPool, limit: i64) -> Result<Vec<SweepRun>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT started_at, finished_at, trigger, dry_run, examined, marked, waiting, held, due,
                  anonymized, skipped, retry_later
             FROM sweep_runs ORDER BY started_at DESC LIMIT $1"#,
        limit
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let marked = MarkReason::ALL
                .iter()
                .filter_map(|reason| {
                    let n = r.marked.get(reason.as_str())?.as_i64()?;
                    Some((*reason, n))
                })
                .collect();
            SweepRun {
                started_at: r.started_at,
                finished_at: r.finished_at,
                scheduled: r.trigger == "schedule",
                dry_run: r.dry_run,
                examined: r.examined,
                marked,
                waiting: r.waiting,
                held: r.held,
                due: r.due,
                anonymized: r.anonymized,
                skipped: r.skipped,
                retry_later: r.retry_later,
            }
        })
        .collect())
}
