//! Reading an application form off the wire, and the one transaction that files it.

use super::JobPage;
use crate::core::audit::{self, Actor};
use crate::core::consent::{record_consent, Decider};
use crate::core::postings::PostingChoice;
use crate::core::settings;
use crate::domain::application::{
    consent_questions, Application, ApplicationForm, Refused, Resume, MAX_RESUME_BYTES,
};
use crate::domain::preferences::{Field, FieldError, Problem};
use crate::domain::settings::Organization;
use crate::domain::{consent::ConsentSource, CandidateId, CountryCode};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

/// A published posting with what its application form must show.
pub async fn posting(pool: &PgPool, id: Uuid) -> Result<JobPage, AppError> {
    let settings = settings::load(pool).await?;
    let row = sqlx::query!(
        r#"SELECT id, title, location_country, description, questions FROM postings
            WHERE id = $1 AND state = 'published'"#,
        id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let posting = PostingChoice {
        id: row.id,
        title: row.title,
        country: row.location_country,
    };
    let questions = consent_questions(
        settings.mode,
        settings.scope,
        settings.combination,
        country(&posting.country),
    );
    Ok(JobPage {
        organization: Organization::from(&settings.compliance),
        processing_required: questions.processing_required,
        retention_optional: questions.retention_optional,
        retention_days: settings.retention_days,
        description: row.description,
        questions: row.questions,
        // Minted per page view: a double or replayed submit of this form makes one application.
        key: Uuid::new_v4(),
        posting,
    })
}

fn country(code: &Option<String>) -> Option<CountryCode> {
    code.as_deref().and_then(|c| CountryCode::parse(c).ok())
}

/// The application form as received.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Submission {
    pub posting: Option<Uuid>,
    pub key: Option<Uuid>,
    /// The language the form was shown in; it becomes the applicant's.
    pub locale: Option<crate::domain::locale::Locale>,
    pub form: ApplicationForm,
    /// The résumé part's file name and bytes, as sent (an empty part when none was chosen).
    pub resume: Option<(String, Vec<u8>)>,
}

/// Reads the multipart form. Whatever was read before a problem is kept, so the answer can
/// still send the applicant back to the posting they came from.
pub async fn read(mut multipart: multer::Multipart<'static>) -> (Submission, Result<(), AppError>) {
    let mut submission = Submission::default();
    let outcome = async {
        while let Some(mut part) = multipart.next_field().await.map_err(wire_error)? {
            let name = part.name().unwrap_or_default().to_owned();
            if name == "resume" {
                let file_name = part.file_name().unwrap_or_default().to_owned();
                let bytes = read_capped(&mut part, MAX_RESUME_BYTES)
                    .await?
                    .ok_or(AppError::Invalid(Field::Resume.error(Problem::TooLong)))?;
                submission.resume = Some((file_name, bytes));
                continue;
            }
            let Some(field) = text_field(&name) else {
                continue;
            };
            // Characters can take four bytes; the character limit itself is the domain's.
            let cap = field.map_or(64, |f| f.max_chars() * 4);
            let value = read_capped(&mut part, cap).await?.ok_or(AppError::Invalid(
                field.unwrap_or(Field::Posting).error(Problem::TooLong),
            ))?;
            let value = String::from_utf8_lossy(&value).into_owned();
            let form = &mut submission.form;
            match name.as_str() {
                "posting" => submission.posting = value.trim().parse().ok(),
                "key" => submission.key = value.trim().parse().ok(),
                "locale" => submission.locale = crate::domain::locale::Locale::from_tag(&value),
                "name" => form.name = value,
                "email" => form.email = value,
                "phone" => form.phone = value,
                "answer" => answer_at(form, 0, value),
                name if name.starts_with("answer_") => {
                    if let Some(at) = answer_position(name) {
                        answer_at(form, at, value)
                    }
                }
                "processing_consent" => form.processing_consent = !value.is_empty(),
                "retention_consent" => form.retention_consent = !value.is_empty(),
                "website" => form.trap = value,
                _ => {}
            }
        }
        Ok(())
    }
    .await;
    (submission, outcome)
}

/// The form's text parts and the field each is limited as (`None`: an id or a tick).
fn text_field(name: &str) -> Option<Option<Field>> {
    Some(match name {
        "posting" | "key" | "locale" | "processing_consent" | "retention_consent" => None,
        "name" => Some(Field::Name),
        "email" => Some(Field::Email),
        "phone" => Some(Field::Phone),
        "answer" | "website" => Some(Field::Answer),
        name if answer_position(name).is_some() => Some(Field::Answer),
        _ => return None,
    })
}

/// The question an `answer_N` part answers: `N`, below the most questions a posting asks.
fn answer_position(name: &str) -> Option<usize> {
    let at: usize = name.strip_prefix("answer_")?.parse().ok()?;
    (1..crate::domain::postings::MAX_QUESTIONS)
        .contains(&at)
        .then_some(at)
}

fn answer_at(form: &mut ApplicationForm, at: usize, value: String) {
    if form.answers.len() <= at {
        form.answers.resize(at + 1, String::new());
    }
    form.answers[at] = value;
}

/// The part's bytes, or `None` when it holds more than `cap`.
async fn read_capped(
    part: &mut multer::Field<'static>,
    cap: usize,
) -> Result<Option<Vec<u8>>, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = part.chunk().await.map_err(wire_error)? {
        if bytes.len() + chunk.len() > cap {
            return Ok(None);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(Some(bytes))
}

/// A broken upload: cut off at the size limit, or not a well-formed form.
fn wire_error(error: multer::Error) -> AppError {
    let problem = match error {
        multer::Error::StreamReadFailed(_) | multer::Error::StreamSizeExceeded { .. } => {
            Problem::TooLong
        }
        _ => Problem::Invalid,
    };
    AppError::Invalid(Field::Resume.error(problem))
}

/// What became of an application; the applicant is answered the same for all three.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filed {
    Applied {
        candidate: CandidateId,
    },
    /// The same form was already filed (a double or replayed submit).
    Repeat,
    /// The trap field was filled in: a bot, dropped without a trace.
    Dropped,
}

/// Files the application — candidate, email, applied opportunity owned by the posting's owner,
/// answer, résumé, the consent decisions the form asked for, audit — all or nothing.
pub async fn apply(
    pool: &PgPool,
    config: &crate::core::config::Config,
    submission: &Submission,
    client: std::net::IpAddr,
    now: DateTime<Utc>,
) -> Result<Filed, AppError> {
    let closed = AppError::Invalid(FieldError {
        field: Field::Posting,
        problem: Problem::Invalid,
    });
    let posting_id = submission.posting.ok_or(closed)?;
    // Without a key (a hand-made post) every submit counts; the page always sends one.
    let key = submission.key;
    let mut tx = pool.begin().await?;
    let settings = settings::load(&mut *tx).await?;
    let posting = sqlx::query!(
        "SELECT location_country, owner_id, questions FROM postings WHERE id = $1 AND state = 'published'",
        posting_id
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(closed)?;
    let questions = consent_questions(
        settings.mode,
        settings.scope,
        settings.combination,
        country(&posting.location_country),
    );
    let application = match Application::parse(&submission.form, questions) {
        Ok(application) => application,
        Err(Refused::Spam) => return Ok(Filed::Dropped),
        Err(Refused::Invalid(error)) => return Err(AppError::Invalid(error)),
    };
    let resume = match &submission.resume {
        Some((file_name, bytes)) => {
            Resume::parse(file_name, bytes.clone(), zip_listing(bytes).as_ref())?
        }
        None => None,
    };
    if let Some(key) = key {
        let filed = sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM opportunities WHERE application_key = $1) AS "filed!""#,
            key
        )
        .fetch_one(&mut *tx)
        .await?;
        if filed {
            return Ok(Filed::Repeat);
        }
    }
    let candidate = crate::core::candidates::insert(
        &mut tx,
        &crate::core::candidates::NewCandidate {
            name: &application.name,
            email: &application.email,
            phone: application.phone.as_deref(),
            country: None,
            locale: submission.locale,
        },
        now,
    )
    .await?;
    let opportunity = sqlx::query_scalar!(
        "INSERT INTO opportunities (candidate_id, posting_id, owner_id, origin, application_key, created_at)
         VALUES ($1, $2, $3, 'applied', $4, $5) RETURNING id",
        candidate,
        posting_id,
        posting.owner_id,
        key,
        now,
    )
    .fetch_one(&mut *tx)
    .await;
    // A twin submit that got past the check above waits on the key's unique index, then lands
    // here once the first one committed.
    let opportunity = match opportunity {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Ok(Filed::Repeat),
        other => other?,
    };
    // An answer to a question the posting doesn't ask (a stale or hand-made form) is dropped.
    for (at, answer) in &application.answers {
        let Some(question) = posting.questions.get(*at) else {
            continue;
        };
        sqlx::query!(
            "INSERT INTO application_responses (opportunity_id, question, answer, created_at)
             VALUES ($1, $2, $3, $4)",
            opportunity,
            question,
            answer,
            now,
        )
        .execute(&mut *tx)
        .await?;
    }
    if let Some(resume) = &resume {
        charge_upload(&mut tx, config, client, resume.bytes.len(), now).await?;
        sqlx::query!(
            "INSERT INTO attachments (candidate_id, opportunity_id, file_name, media_type, bytes, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
            candidate,
            opportunity,
            resume.file_name,
            resume.media_type,
            resume.bytes,
            now,
        )
        .execute(&mut *tx)
        .await?;
    }
    let candidate = CandidateId::from(candidate);
    for (purpose, decision) in &application.decisions {
        record_consent(
            &mut tx,
            &settings,
            candidate,
            *purpose,
            *decision,
            &Decider::Candidate(ConsentSource::JobPost),
            now,
        )
        .await?;
    }
    audit::record(
        &mut tx,
        Actor::Candidate,
        "candidate.applied",
        Some(candidate),
        None,
        json!({
            "posting": posting_id,
            "opportunity": opportunity,
            "resume": resume.is_some(),
        }),
    )
    .await?;
    if settings.application_confirmation {
        crate::core::notify::confirm_application(
            &mut tx,
            config,
            &settings,
            candidate,
            &application.name,
            application.email.as_str(),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(Filed::Applied { candidate })
}

/// The entries of a zip container, read from its central directory only: nothing is unpacked
/// (the ODF `mimetype` entry, stored uncompressed and a few bytes long, aside), so a zip bomb
/// costs no more than its own size. `None` for anything that is not a readable zip.
fn zip_listing(bytes: &[u8]) -> Option<crate::domain::application::ZipListing> {
    use crate::domain::application::{ZipListing, MAX_ZIP_ENTRIES};
    use std::io::Read as _;
    if !bytes.starts_with(b"PK\x03\x04") {
        return None;
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    if archive.len() > MAX_ZIP_ENTRIES {
        // Listed as too many to be a document; the domain refuses it.
        return Some(ZipListing {
            names: vec![String::new(); archive.len()],
            ..ZipListing::default()
        });
    }
    let mut listing = ZipListing::default();
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).ok()?;
        listing.unpacked_bytes = listing.unpacked_bytes.saturating_add(entry.size());
        listing.names.push(entry.name().to_owned());
    }
    if let Ok(entry) = archive.by_name("mimetype") {
        if entry.compression() == zip::CompressionMethod::Stored && entry.size() <= 100 {
            let mut text = String::new();
            if entry.take(100).read_to_string(&mut text).is_ok() {
                listing.odf_mimetype = Some(text);
            }
        }
    }
    Some(listing)
}

/// Counts the upload against today's allowances, in the application's transaction: refused,
/// the transaction rolls back and nothing (the count included) is kept.
async fn charge_upload(
    tx: &mut sqlx::PgConnection,
    config: &crate::core::config::Config,
    client: std::net::IpAddr,
    bytes: usize,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let client = crate::core::security::limit_key(client).to_string();
    let digest = config.hmac_key.digest("upload client", &client);
    let subject: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let today = now.date_naive();
    let used = sqlx::query!(
        r#"INSERT INTO upload_usage (day, subject, bytes)
           SELECT $1, unnest(ARRAY[$2, 'total']), $3
           ON CONFLICT (day, subject) DO UPDATE SET bytes = upload_usage.bytes + excluded.bytes
           RETURNING subject, bytes"#,
        today,
        subject,
        bytes as i64,
    )
    .fetch_all(&mut *tx)
    .await?;
    let of = |name: &str| {
        used.iter()
            .find(|r| r.subject == name)
            .map_or(0, |r| r.bytes.max(0) as u64)
    };
    if !config.upload_quota.allows(of(&subject), of("total")) {
        tracing::info!("résumé refused: the day's upload allowance is used up");
        return Err(AppError::UploadQuota);
    }
    // Yesterday's counts and older are of no further use.
    sqlx::query!(
        "DELETE FROM upload_usage WHERE day < $1",
        today.pred_opt().unwrap_or(today)
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}
