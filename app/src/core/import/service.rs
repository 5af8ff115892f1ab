//! Checking and applying an import. The file is parsed on a blocking thread by the `csv` crate
//! and handed over line by line through a bounded channel, so memory stays flat whatever the
//! file's size; the database side works in batches of [`BATCH`] lines.

use super::{ImportSummary, ImportView, SkippedLine};
use crate::core::audit::{self, Actor};
use crate::core::config::Config;
use crate::core::records::{import_consent, upsert_candidate_matching, Matching, Refused};
use crate::domain::import::{
    may_import, Counts, FileProblem, ImportRow, Layout, LineProblem, SkipReason, Status, Verdict,
    CHECKED_KEPT_HOURS, MAX_LINE_BYTES, MAX_PROBLEMS, MAX_ROWS,
};
use crate::domain::records::{CandidateRecord, ImportedDecision};
use crate::domain::Viewer;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sqlx::{Acquire, PgConnection, PgPool};
use std::collections::HashSet;
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use uuid::Uuid;

/// Lines per transaction: large enough to amortize a round trip, small enough that a batch's
/// locks are brief.
pub const BATCH: usize = 500;
/// The pieces an upload is kept in.
pub const CHUNK_BYTES: usize = 1 << 20;
/// A running phase without a sign of life for this long was left by a stopped server.
const STALLED_AFTER_SECONDS: i64 = 120;
/// The most skipped lines an import's page lists (the counts cover them all).
const SKIPS_SHOWN: i64 = 200;

fn allowed(viewer: &Viewer) -> Result<(), AppError> {
    if may_import(viewer.role) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// How far a phase is, for a progress bar: `done` of `total` bytes (checking) or lines
/// (applying).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub applying: bool,
    pub done: u64,
    pub total: u64,
}

/// A new import of the file `file_name` of `file_bytes` bytes, by the viewer.
pub async fn create(
    pool: &PgPool,
    viewer: &Viewer,
    file_name: &str,
    file_bytes: u64,
    now: DateTime<Utc>,
) -> Result<Uuid, AppError> {
    allowed(viewer)?;
    purge_stale(pool, now).await?;
    // A file name is shown back on the page: plain text, bounded.
    let name: String = file_name
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect();
    let name = if name.trim().is_empty() {
        "import.csv".to_owned()
    } else {
        name
    };
    Ok(sqlx::query_scalar!(
        "INSERT INTO imports (created_by, file_name, file_bytes, created_at, heartbeat_at)
         VALUES ($1, $2, $3, $4, $4) RETURNING id",
        viewer.id.into_uuid(),
        name,
        i64::try_from(file_bytes).unwrap_or(i64::MAX),
        now
    )
    .fetch_one(pool)
    .await?)
}

/// Keeps one piece of an upload (`seq` from 0), and the file's size so far.
pub async fn store_chunk(pool: &PgPool, id: Uuid, seq: i32, bytes: &[u8]) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "INSERT INTO import_chunks (import_id, seq, bytes) VALUES ($1, $2, $3)",
        id,
        seq,
        bytes
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE imports SET file_bytes = file_bytes + $2, heartbeat_at = now() WHERE id = $1",
        id,
        bytes.len() as i64
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Forgets an upload that could not be finished.
pub async fn discard(pool: &PgPool, id: Uuid) -> Result<(), AppError> {
    sqlx::query!("DELETE FROM imports WHERE id = $1", id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Deletes what waits too long: uploads and checked files nobody applied within a day, and a
/// check or an apply stopped for a day and not resumed (their files and parsed lines are
/// personal data; a file cut short is imported again, which changes nothing already done).
/// Applied and refused imports keep their reports, which quote no cell.
pub async fn purge_stale(pool: &PgPool, now: DateTime<Utc>) -> Result<(), AppError> {
    sqlx::query!(
        "DELETE FROM imports
          WHERE status IN ('uploaded', 'checking', 'checked', 'applying') AND heartbeat_at < $1",
        now - chrono::Duration::hours(CHECKED_KEPT_HOURS)
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Reads an upload back from its pieces, for the check's blocking thread.
pub struct ChunkReader {
    pool: PgPool,
    id: Uuid,
    next: i32,
    chunk: Vec<u8>,
    at: usize,
    runtime: tokio::runtime::Handle,
}

impl ChunkReader {
    /// Must be made inside the runtime; read on a blocking thread.
    pub fn new(pool: PgPool, id: Uuid) -> Self {
        Self {
            pool,
            id,
            next: 0,
            chunk: Vec::new(),
            at: 0,
            runtime: tokio::runtime::Handle::current(),
        }
    }
}

impl Read for ChunkReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.chunk.len() {
            let (pool, id, seq) = (self.pool.clone(), self.id, self.next);
            let piece = self
                .runtime
                .block_on(async move {
                    sqlx::query_scalar!(
                        "SELECT bytes FROM import_chunks WHERE import_id = $1 AND seq = $2",
                        id,
                        seq
                    )
                    .fetch_optional(&pool)
                    .await
                })
                .map_err(std::io::Error::other)?;
            match piece {
                None => return Ok(0),
                Some(bytes) => {
                    self.chunk = bytes;
                    self.at = 0;
                    self.next += 1;
                }
            }
        }
        let n = buf.len().min(self.chunk.len() - self.at);
        buf[..n].copy_from_slice(&self.chunk[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// Why the reader stopped the parse.
#[derive(Debug)]
struct Stopped(LineProblem);

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl std::error::Error for Stopped {}

/// Counts what is read and refuses what no candidate file holds — a line over
/// [`MAX_LINE_BYTES`], a UTF-16 file — before the parser buffers it.
struct Guard<R> {
    inner: R,
    read: Arc<AtomicU64>,
    line: u64,
    since_newline: usize,
    first: bool,
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        if std::mem::take(&mut self.first)
            && n >= 2
            && matches!(buf[..2], [0xFF, 0xFE] | [0xFE, 0xFF])
        {
            return Err(std::io::Error::other(Stopped(LineProblem {
                line: None,
                problem: FileProblem::Encoding { utf16: true },
            })));
        }
        for byte in &buf[..n] {
            if *byte == b'\n' {
                self.line += 1;
                self.since_newline = 0;
            } else {
                self.since_newline += 1;
                if self.since_newline > MAX_LINE_BYTES {
                    return Err(std::io::Error::other(Stopped(LineProblem {
                        line: Some(self.line + 1),
                        problem: FileProblem::LineTooLong,
                    })));
                }
            }
        }
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// What the parsing thread hands over.
enum Parsed {
    Header(Vec<String>),
    Line(u64, Vec<String>),
    Problem(LineProblem),
}

/// Parses the file into lines of text cells, until its end, a problem, or the receiver leaving.
fn parse(reader: impl Read, to: tokio::sync::mpsc::Sender<Parsed>) {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut record = csv::ByteRecord::new();
    let mut header = true;
    loop {
        let parsed = match csv.read_byte_record(&mut record) {
            Ok(false) => return,
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line());
                let cells: Result<Vec<String>, _> = record
                    .iter()
                    .map(|cell| std::str::from_utf8(cell).map(str::to_owned))
                    .collect();
                match cells {
                    Err(_) => Parsed::Problem(LineProblem {
                        line: Some(line),
                        problem: FileProblem::Encoding { utf16: false },
                    }),
                    Ok(mut cells) if std::mem::take(&mut header) => {
                        if let Some(first) = cells.first_mut() {
                            *first = first.trim_start_matches('\u{feff}').to_owned();
                        }
                        Parsed::Header(cells)
                    }
                    // Spreadsheets leave rows of empty cells at the end.
                    Ok(cells) if cells.iter().all(|c| c.trim().is_empty()) => continue,
                    Ok(cells) => Parsed::Line(line, cells),
                }
            }
            Err(error) => {
                let line = error.position().map(|p| p.line());
                let stopped = match error.kind() {
                    csv::ErrorKind::Io(io) => io
                        .get_ref()
                        .and_then(|e| e.downcast_ref::<Stopped>())
                        .map(|s| s.0.clone()),
                    _ => None,
                };
                Parsed::Problem(stopped.unwrap_or(LineProblem {
                    line,
                    problem: FileProblem::Malformed,
                }))
            }
        };
        let last = matches!(parsed, Parsed::Problem(_));
        if to.blocking_send(parsed).is_err() || last {
            return;
        }
    }
}

/// Checks the import's file, read from `reader`: parses every line, and tries each valid one in
/// a transaction that is rolled back, keeping what applying it would do. A file with problems
/// is refused whole, with up to [`MAX_PROBLEMS`] of them by line. `progress` hears after each
/// batch.
pub async fn check<R: Read + Send + 'static>(
    pool: &PgPool,
    config: &Config,
    viewer: &Viewer,
    id: Uuid,
    reader: R,
    now: DateTime<Utc>,
    progress: impl Fn(Progress),
) -> Result<ImportView, AppError> {
    allowed(viewer)?;
    let file_bytes = claim(pool, id, Phase::Check).await?;
    sqlx::query!("DELETE FROM import_rows WHERE import_id = $1", id)
        .execute(pool)
        .await?;
    let read = Arc::new(AtomicU64::new(0));
    let guard = Guard {
        inner: reader,
        read: read.clone(),
        line: 0,
        since_newline: 0,
        first: true,
    };
    let (to, mut from) = tokio::sync::mpsc::channel(4 * BATCH);
    let parser = tokio::task::spawn_blocking(move || parse(guard, to));
    let mut layout = None;
    let mut problems: Vec<LineProblem> = Vec::new();
    let mut counts = Counts::default();
    let mut batch: Vec<(u64, ImportRow)> = Vec::with_capacity(BATCH);
    let mut seen = HashSet::new();
    let mut rows = 0u64;
    let mut checked_batches = 0u64;
    let outcome: Result<(), AppError> = async {
        while let Some(parsed) = from.recv().await {
            match parsed {
                Parsed::Header(cells) => {
                    let headers: Vec<&str> = cells.iter().map(String::as_str).collect();
                    match Layout::of(&headers) {
                        Ok(found) => layout = Some(found),
                        Err(problem) => {
                            problems.push(LineProblem {
                                line: Some(1),
                                problem,
                            });
                            break;
                        }
                    }
                }
                Parsed::Line(line, cells) => {
                    rows += 1;
                    if rows > MAX_ROWS {
                        problems.push(LineProblem {
                            line: Some(line),
                            problem: FileProblem::TooManyRows,
                        });
                        break;
                    }
                    let Some(layout) = &layout else { break };
                    let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
                    match layout.row(&cells, now) {
                        Ok(row) if problems.is_empty() => {
                            batch.push((line, row));
                            if batch.len() == BATCH {
                                try_and_stage(
                                    pool,
                                    config,
                                    viewer,
                                    id,
                                    &batch,
                                    &mut seen,
                                    &mut counts,
                                    now,
                                )
                                .await?;
                                batch.clear();
                                checked_batches += 1;
                                // Each tried batch leaves its rolled-back rows behind until a
                                // vacuum; plans that know the tables' size stay on indexes.
                                if checked_batches.is_multiple_of(ANALYZE_EVERY_BATCHES) {
                                    refresh_statistics(pool).await;
                                }
                                let done = read.load(Ordering::Relaxed);
                                report(pool, id, done, counts.rows(), &counts).await?;
                                progress(Progress {
                                    applying: false,
                                    done,
                                    total: file_bytes,
                                });
                            }
                        }
                        // After the first problem, lines are only parsed, to list the next.
                        Ok(_) => {}
                        Err(problem) => {
                            problems.push(LineProblem {
                                line: Some(line),
                                problem,
                            });
                            if problems.len() >= MAX_PROBLEMS {
                                break;
                            }
                        }
                    }
                }
                Parsed::Problem(problem) => {
                    problems.push(problem);
                    break;
                }
            }
        }
        Ok(())
    }
    .await;
    // Dropping the receiver stops the parser at its next line.
    drop(from);
    let _ = parser.await;
    outcome?;
    if problems.is_empty() && !batch.is_empty() {
        try_and_stage(
            pool,
            config,
            viewer,
            id,
            &batch,
            &mut seen,
            &mut counts,
            now,
        )
        .await?;
    }
    if problems.is_empty() && rows == 0 {
        problems.push(LineProblem {
            line: None,
            problem: FileProblem::Empty,
        });
    }
    let done = read.load(Ordering::Relaxed);
    let mut tx = pool.begin().await?;
    if problems.is_empty() {
        report(&mut *tx, id, done, rows, &counts).await?;
        sqlx::query!(
            "UPDATE imports SET status = 'checked', rows_total = rows_done WHERE id = $1",
            id
        )
        .execute(&mut *tx)
        .await?;
    } else {
        sqlx::query!("DELETE FROM import_rows WHERE import_id = $1", id)
            .execute(&mut *tx)
            .await?;
        sqlx::query!(
            "UPDATE imports SET status = 'refused', problems = $2, rows_total = NULL, bytes_done = $3,
                    to_create = 0, to_update = 0, unchanged = 0, skipped = 0, heartbeat_at = now()
              WHERE id = $1",
            id,
            serde_json::to_value(&problems).unwrap_or_default(),
            done as i64,
        )
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query!("DELETE FROM import_chunks WHERE import_id = $1", id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    progress(Progress {
        applying: false,
        done: file_bytes.max(done),
        total: file_bytes.max(done),
    });
    view(pool, viewer, id).await
}

/// A phase an import can be claimed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Check,
    Apply,
}

/// Starts the phase, if the import is ready for it (or its last run of it stalled), so two
/// clicks or two servers never run one import twice. The file's size.
async fn claim(pool: &PgPool, id: Uuid, phase: Phase) -> Result<u64, AppError> {
    let (from, to) = match phase {
        Phase::Check => ("uploaded", "checking"),
        Phase::Apply => ("checked", "applying"),
    };
    let claimed = sqlx::query_scalar!(
        "UPDATE imports
            SET status = $3,
                heartbeat_at = now(),
                -- A fresh apply counts what it does; a resumed one goes on counting.
                to_create = CASE WHEN status = $2 THEN 0 ELSE to_create END,
                to_update = CASE WHEN status = $2 THEN 0 ELSE to_update END,
                unchanged = CASE WHEN status = $2 THEN 0 ELSE unchanged END,
                skipped = CASE WHEN status = $2 THEN 0 ELSE skipped END,
                rows_done = CASE WHEN status = $2 THEN 0 ELSE rows_done END
          WHERE id = $1
            AND (status = $2 OR (status = $3 AND heartbeat_at < now() - make_interval(secs => $4)))
          RETURNING file_bytes",
        id,
        from,
        to,
        STALLED_AFTER_SECONDS as f64,
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::ImportNotReady)?;
    Ok(u64::try_from(claimed).unwrap_or(0))
}

/// Records a phase's progress, which is also its sign of life.
async fn report(
    db: impl sqlx::PgExecutor<'_>,
    id: Uuid,
    bytes: u64,
    rows: u64,
    counts: &Counts,
) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE imports SET bytes_done = $2, rows_done = $3, to_create = $4, to_update = $5,
                unchanged = $6, skipped = $7, heartbeat_at = now()
          WHERE id = $1",
        id,
        bytes as i64,
        rows as i32,
        counts.create as i32,
        counts.update as i32,
        counts.unchanged as i32,
        counts.skip as i32,
    )
    .execute(db)
    .await?;
    Ok(())
}

/// Tries a batch in a transaction that is rolled back, then keeps its lines with their
/// verdicts. A line whose person an earlier batch created (rolled back, so not there now) is
/// an update, as it will be when applied.
#[allow(clippy::too_many_arguments)]
async fn try_and_stage(
    pool: &PgPool,
    config: &Config,
    viewer: &Viewer,
    id: Uuid,
    batch: &[(u64, ImportRow)],
    seen: &mut HashSet<u64>,
    counts: &mut Counts,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let mut verdicts = Vec::with_capacity(batch.len());
    for (_, row) in batch {
        verdicts.push(apply_row(&mut tx, config, viewer, row, now).await?);
    }
    tx.rollback().await?;
    let (mut lines, mut kinds, mut reasons, mut records) = (vec![], vec![], vec![], vec![]);
    for ((line, row), (verdict, reason)) in batch.iter().zip(verdicts) {
        let keys = identity(row);
        let verdict = match verdict {
            Verdict::Create if keys.iter().any(|k| seen.contains(k)) => Verdict::Update,
            other => other,
        };
        if verdict != Verdict::Skip {
            seen.extend(keys);
        }
        counts.add(verdict);
        lines.push(*line as i32);
        kinds.push(verdict.as_str().to_owned());
        reasons.push(reason.map(|r| r.as_str().to_owned()));
        records.push(serde_json::to_string(row).unwrap_or_default());
    }
    sqlx::query!(
        "INSERT INTO import_rows (import_id, line, verdict, reason, record)
         SELECT $1, l, v, r, j::jsonb
           FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS u (l, v, r, j)",
        id,
        &lines,
        &kinds,
        &reasons as &[Option<String>],
        &records,
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// The keys a line's person is matched by (their external id, their addresses), hashed.
fn identity(row: &ImportRow) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let hash = |kind: &str, value: &str| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (kind, value).hash(&mut hasher);
        hasher.finish()
    };
    let candidate = &row.candidate;
    candidate
        .external_id
        .iter()
        .map(|e| hash("id", e.trim()))
        .chain(
            candidate
                .emails
                .iter()
                .map(|e| hash("email", &e.trim().to_lowercase())),
        )
        .collect()
}

/// Applies one line in the caller's transaction, inside a savepoint, so a line Candor's rules
/// refuse is skipped (with why) and the rest of the batch goes on. Only an outage is an error.
async fn apply_row(
    tx: &mut PgConnection,
    config: &Config,
    viewer: &Viewer,
    row: &ImportRow,
    now: DateTime<Utc>,
) -> Result<(Verdict, Option<SkipReason>), AppError> {
    let skip = |reason| Ok((Verdict::Skip, Some(reason)));
    // The check parsed it; a line kept from an older release may no longer parse.
    let Ok(record) = CandidateRecord::parse(&row.candidate, now) else {
        return skip(SkipReason::Refused);
    };
    let decision = match &row.consent {
        None => None,
        Some(consent) => match ImportedDecision::parse(consent, now) {
            Ok(decision) => Some(decision),
            Err(_) => return skip(SkipReason::Refused),
        },
    };
    if erased(&mut *tx, config, &record).await? {
        return skip(SkipReason::Erased);
    }
    let mut savepoint = (&mut *tx).begin().await?;
    let result: Result<(bool, bool), Refused> = async {
        let done = Box::pin(upsert_candidate_matching(
            &mut savepoint,
            viewer,
            &record,
            Matching::ExternalIdOrEmail,
            now,
        ))
        .await?;
        let recorded = match &decision {
            Some(decision) => import_consent(&mut savepoint, viewer, done.id, decision).await?,
            None => false,
        };
        Ok((done.created, done.changed || recorded))
    }
    .await;
    match result {
        Ok((created, changed)) => {
            savepoint.commit().await?;
            Ok((
                if created {
                    Verdict::Create
                } else if changed {
                    Verdict::Update
                } else {
                    Verdict::Unchanged
                },
                None,
            ))
        }
        Err(refused) => {
            savepoint.rollback().await?;
            match skip_reason(&refused) {
                Some(reason) => skip(reason),
                None => Err(AppError::Unavailable),
            }
        }
    }
}

/// Why a refused line is skipped; `None` for an outage, which stops the phase instead.
fn skip_reason(refused: &Refused) -> Option<SkipReason> {
    Some(match refused {
        Refused::Field(error) => {
            let path = error.path.as_str();
            if path.contains("posting") {
                SkipReason::UnknownPosting
            } else if path.ends_with("owner_email") {
                SkipReason::UnknownOwner
            } else if path.starts_with("/opportunities") && path.ends_with("external_id") {
                SkipReason::OtherCandidatesOpportunity
            } else if path.starts_with("/emails") {
                SkipReason::OtherRecordsAddress
            } else {
                SkipReason::Refused
            }
        }
        Refused::Call(AppError::Unavailable) => return None,
        Refused::Call(AppError::Anonymized | AppError::LinkRetired) => SkipReason::Anonymized,
        Refused::Call(AppError::OpportunityHired) => SkipReason::Hired,
        Refused::Call(_) => SkipReason::Refused,
    })
}

/// Whether the line's person was erased: an anonymized record kept a keyed hash of one of
/// their addresses, and no live record (one they made since, by applying again) has them.
async fn erased(
    tx: &mut PgConnection,
    config: &Config,
    record: &CandidateRecord,
) -> Result<bool, AppError> {
    let emails: Vec<String> = record
        .emails
        .iter()
        .map(|e| e.as_str().to_owned())
        .collect();
    if emails.is_empty() {
        return Ok(false);
    }
    let digests = crate::core::compliance::contact_digests(config, &emails);
    let kept = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM anonymized_contacts WHERE email_hmac = ANY($1)) AS "kept!""#,
        &digests[..]
    )
    .fetch_one(&mut *tx)
    .await?;
    if !kept {
        return Ok(false);
    }
    let normalized: Vec<String> = record.emails.iter().map(|e| e.normalized()).collect();
    let live = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM candidate_emails e
                            JOIN candidates c ON c.id = e.candidate_id AND c.anonymized_at IS NULL
                           WHERE lower(e.email) = ANY($1)) AS "live!""#,
        &normalized
    )
    .fetch_one(&mut *tx)
    .await?;
    Ok(!live)
}

/// Applies a checked import: every line again, in order, in batches that commit with their
/// progress. A stalled apply (its server stopped) resumes after the last committed line. When
/// done, the parsed lines are deleted (a skip keeps its line and reason).
pub async fn apply(
    pool: &PgPool,
    config: &Config,
    viewer: &Viewer,
    id: Uuid,
    now: DateTime<Utc>,
    progress: impl Fn(Progress),
) -> Result<ImportView, AppError> {
    allowed(viewer)?;
    claim(pool, id, Phase::Apply).await?;
    let state = sqlx::query!(
        "SELECT applied_through, rows_done, rows_total, to_create, to_update, unchanged, skipped
           FROM imports WHERE id = $1",
        id
    )
    .fetch_one(pool)
    .await?;
    let total = state.rows_total.unwrap_or(0) as u64;
    let mut through = state.applied_through;
    let mut rows_done = state.rows_done as u64;
    let mut counts = Counts::stored(
        state.to_create,
        state.to_update,
        state.unchanged,
        state.skipped,
    );
    let mut batches = 0u64;
    loop {
        let lines = sqlx::query!(
            r#"SELECT line, record AS "record!" FROM import_rows
                WHERE import_id = $1 AND line > $2 AND record IS NOT NULL
                ORDER BY line LIMIT $3"#,
            id,
            through,
            BATCH as i64
        )
        .fetch_all(pool)
        .await?;
        let Some(last) = lines.last().map(|l| l.line) else {
            break;
        };
        let mut tx = pool.begin().await?;
        let (mut numbers, mut kinds, mut reasons) = (vec![], vec![], vec![]);
        for line in &lines {
            let (verdict, reason) = match serde_json::from_value::<ImportRow>(line.record.clone()) {
                Ok(row) => apply_row(&mut tx, config, viewer, &row, now).await?,
                Err(_) => (Verdict::Skip, Some(SkipReason::Refused)),
            };
            counts.add(verdict);
            numbers.push(line.line);
            kinds.push(verdict.as_str().to_owned());
            reasons.push(reason.map(|r| r.as_str().to_owned()));
        }
        sqlx::query!(
            "UPDATE import_rows r SET verdict = u.v, reason = u.r
               FROM unnest($2::int[], $3::text[], $4::text[]) AS u (l, v, r)
              WHERE r.import_id = $1 AND r.line = u.l",
            id,
            &numbers,
            &kinds,
            &reasons as &[Option<String>],
        )
        .execute(&mut *tx)
        .await?;
        rows_done += lines.len() as u64;
        report(&mut *tx, id, 0, rows_done, &counts).await?;
        sqlx::query!(
            "UPDATE imports SET applied_through = $2 WHERE id = $1",
            id,
            last
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        through = last;
        batches += 1;
        if batches.is_multiple_of(ANALYZE_EVERY_BATCHES) {
            refresh_statistics(pool).await;
        }
        progress(Progress {
            applying: true,
            done: rows_done,
            total,
        });
    }
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "DELETE FROM import_rows WHERE import_id = $1 AND verdict <> 'skip'",
        id
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE import_rows SET record = NULL WHERE import_id = $1",
        id
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "UPDATE imports SET status = 'applied', applied_at = $2, heartbeat_at = now() WHERE id = $1",
        id,
        now
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Actor::of(viewer),
        "import.applied",
        None,
        None,
        serde_json::json!({
            "import": id,
            "created": counts.create,
            "updated": counts.update,
            "unchanged": counts.unchanged,
            "skipped": counts.skip,
        }),
    )
    .await?;
    tx.commit().await?;
    view(pool, viewer, id).await
}

/// How often an apply refreshes the planner's statistics of the tables it fills.
const ANALYZE_EVERY_BATCHES: u64 = 4;

/// An import can grow a table from nothing to a million rows in one sitting, far faster than
/// autovacuum's analyze follows (or at all, where it is off). Planned for the empty table, every
/// look-up by address or external id would scan it whole; fresh statistics keep them indexed.
async fn refresh_statistics(pool: &PgPool) {
    if let Err(error) =
        sqlx::query("ANALYZE candidates, candidate_emails, opportunities, consent_events")
            .execute(pool)
            .await
    {
        tracing::warn!(%error, "import could not refresh table statistics");
    }
}

/// The import `id`, as its page shows it.
pub async fn view(pool: &PgPool, viewer: &Viewer, id: Uuid) -> Result<ImportView, AppError> {
    allowed(viewer)?;
    let row = sqlx::query!(
        r#"SELECT id, file_name, status, file_bytes, bytes_done, rows_done, rows_total,
                  to_create, to_update, unchanged, skipped, problems, created_at, applied_at,
                  heartbeat_at < now() - make_interval(secs => $2) AS "stale!"
             FROM imports WHERE id = $1"#,
        id,
        STALLED_AFTER_SECONDS as f64
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let skipped = sqlx::query!(
        "SELECT line, reason FROM import_rows
          WHERE import_id = $1 AND verdict = 'skip' ORDER BY line LIMIT $2",
        id,
        SKIPS_SHOWN
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|s| SkippedLine {
        line: s.line as u64,
        reason: s
            .reason
            .and_then(|r| r.parse().ok())
            .unwrap_or(SkipReason::Refused),
    })
    .collect();
    let status: Status = row.status.parse().unwrap_or(Status::Refused);
    Ok(ImportView {
        id: row.id,
        file_name: row.file_name,
        status,
        file_bytes: row.file_bytes as u64,
        bytes_done: row.bytes_done as u64,
        rows_done: row.rows_done as u64,
        rows_total: row.rows_total.map(|n| n as u64),
        counts: Counts::stored(row.to_create, row.to_update, row.unchanged, row.skipped),
        problems: serde_json::from_value(row.problems).unwrap_or_default(),
        skipped,
        created_at: row.created_at,
        applied_at: row.applied_at,
        stalled: status.running() && row.stale,
    })
}

/// The last imports, newest first.
pub async fn recent(pool: &PgPool, viewer: &Viewer) -> Result<Vec<ImportSummary>, AppError> {
    allowed(viewer)?;
    Ok(sqlx::query!(
        "SELECT id, file_name, status, to_create, to_update, unchanged, skipped, created_at
           FROM imports ORDER BY created_at DESC LIMIT 10"
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| ImportSummary {
        id: r.id,
        file_name: r.file_name,
        status: r.status.parse().unwrap_or(Status::Refused),
        counts: Counts::stored(r.to_create, r.to_update, r.unchanged, r.skipped),
        created_at: r.created_at,
    })
    .collect())
}

/// Checks an uploaded import in the background, reading its pieces back.
pub fn spawn_check(pool: PgPool, config: Arc<Config>, viewer: Viewer, id: Uuid) {
    tokio::spawn(async move {
        let reader = ChunkReader::new(pool.clone(), id);
        if let Err(error) = check(&pool, &config, &viewer, id, reader, Utc::now(), |_| ()).await {
            tracing::warn!(import = %id, error = %error.code(), "import check stopped");
        }
    });
}

/// Applies a checked import in the background.
pub fn spawn_apply(pool: PgPool, config: Arc<Config>, viewer: Viewer, id: Uuid) {
    tokio::spawn(async move {
        if let Err(error) = apply(&pool, &config, &viewer, id, Utc::now(), |_| ()).await {
            tracing::warn!(import = %id, error = %error.code(), "import apply stopped");
        }
    });
}

/// Takes up a phase a stopped server left: the check again from the kept upload, or the apply
/// after its last committed line. An upload that stopped is not resumed (its file may be cut
/// short): it is uploaded again.
pub async fn resume(
    pool: &PgPool,
    config: Arc<Config>,
    viewer: &Viewer,
    id: Uuid,
) -> Result<(), AppError> {
    let shown = view(pool, viewer, id).await?;
    if !shown.stalled {
        return Err(AppError::ImportNotReady);
    }
    match shown.status {
        // The check reads the kept upload from its start; `claim` takes the stalled phase.
        Status::Checking => spawn_check(pool.clone(), config, viewer.clone(), id),
        Status::Applying => spawn_apply(pool.clone(), config, viewer.clone(), id),
        _ => return Err(AppError::ImportNotReady),
    }
    Ok(())
}
