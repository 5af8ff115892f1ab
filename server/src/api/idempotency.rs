//! `Idempotency-Key` on the API's POSTs (the Stripe convention): the first call with a key runs
//! and its answer is kept for a day; a replay with the same method, path and body gets that
//! answer again (`Idempotent-Replayed: true`) and changes nothing; the same key with a different
//! call is a 409, as is a replay while the first call still runs. Answers that say the call did
//! not happen (401, 429, 5xx) are not kept, so a retry runs. The answers kept hold ids and
//! states only; the call itself is kept only as a keyed hash.

use super::{ApiState, Problem, MAX_BODY_BYTES};
use app::error::AppError;
use axum::{
    body::{to_bytes, Body},
    extract::{Request, State},
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// How long an answer is kept, and after how long a first call that never finished (its client
/// gone, the server restarted) no longer blocks a retry.
const KEPT_HOURS: i64 = 24;
const ABANDONED_SECONDS: i64 = 60;

pub(super) async fn replay_or_run(
    State(state): State<ApiState>,
    request: Request,
    next: Next,
) -> Response {
    let Some(raw) = request.headers().get("idempotency-key").cloned() else {
        return next.run(request).await;
    };
    let Some(idempotency_key) = raw
        .to_str()
        .ok()
        .filter(|k| (1..=255).contains(&k.len()) && k.bytes().all(|b| b.is_ascii_graphic()))
        .map(str::to_owned)
    else {
        return Problem::bad_parameter("Idempotency-Key")
            .with_detail("Send an Idempotency-Key of 1 to 255 visible ASCII characters.".to_owned())
            .into_response();
    };
    // Whose key, and within its rate: checked here once, and left for the handler.
    let principal = match super::extract::admit(&state, request.headers()).await {
        Ok(principal) => principal,
        Err(problem) => return problem.into_response(),
    };
    let mut request = request;
    request.extensions_mut().insert(principal.clone());

    let (parts, body) = request.into_parts();
    let Ok(body) = to_bytes(body, MAX_BODY_BYTES).await else {
        return super::too_large();
    };
    let fingerprint = {
        let digest = Sha256::digest(&body);
        let call = format!("{} {}\n{}", parts.method, parts.uri, hex(&digest));
        state
            .app
            .config
            .hmac_key
            .digest("idempotency", &call)
            .to_vec()
    };
    match claim(&state, principal.key, &idempotency_key, &fingerprint).await {
        Ok(Claim::Run) => {}
        Ok(Claim::Replay { status, body }) => return replayed(status, body),
        Ok(Claim::Conflict(problem)) => return problem.into_response(),
        Err(error) => return Problem::of(error).into_response(),
    }

    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    let (mut head, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY_BYTES).await else {
        forget(&state, principal.key, &idempotency_key).await;
        return Problem::of(AppError::Unavailable).into_response();
    };
    let status = head.status;
    let kept = !(status.is_server_error()
        || status == StatusCode::UNAUTHORIZED
        || status == StatusCode::TOO_MANY_REQUESTS);
    let json = serde_json::from_slice::<serde_json::Value>(&bytes).ok();
    match json.filter(|_| kept) {
        Some(json) => {
            let stored = sqlx::query!(
                "UPDATE api_idempotency SET status = $3, body = $4
                  WHERE key_id = $1 AND idempotency_key = $2",
                principal.key,
                idempotency_key,
                status.as_u16() as i16,
                json
            )
            .execute(&state.app.pool)
            .await;
            if let Err(error) = stored {
                tracing::error!(%error, "an idempotent answer could not be kept");
            }
        }
        None => forget(&state, principal.key, &idempotency_key).await,
    }
    head.headers
        .insert("idempotent-replayed", HeaderValue::from_static("false"));
    Response::from_parts(head, Body::from(bytes))
}

enum Claim {
    Run,
    Replay {
        status: StatusCode,
        body: serde_json::Value,
    },
    Conflict(Problem),
}

/// Takes the key for this call, or finds what an earlier call with it left.
async fn claim(
    state: &ApiState,
    key: Uuid,
    idempotency_key: &str,
    fingerprint: &[u8],
) -> Result<Claim, AppError> {
    let pool = &state.app.pool;
    // Each call clears a few expired answers, more than it adds: the table stays a day long
    // without a job of its own.
    sqlx::query!(
        "DELETE FROM api_idempotency
          WHERE ctid = ANY (ARRAY(SELECT ctid FROM api_idempotency
                                   WHERE created_at < now() - make_interval(hours => $1)
                                   ORDER BY created_at LIMIT 100))",
        KEPT_HOURS as i32
    )
    .execute(pool)
    .await?;
    // A first call abandoned mid-way frees the key.
    sqlx::query!(
        "DELETE FROM api_idempotency
          WHERE key_id = $1 AND idempotency_key = $2
            AND (created_at < now() - make_interval(hours => $3)
                 OR (status IS NULL AND created_at < now() - make_interval(secs => $4)))",
        key,
        idempotency_key,
        KEPT_HOURS as i32,
        ABANDONED_SECONDS as f64
    )
    .execute(pool)
    .await?;
    let inserted = sqlx::query!(
        "INSERT INTO api_idempotency (key_id, idempotency_key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING",
        key,
        idempotency_key,
        fingerprint
    )
    .execute(pool)
    .await?
    .rows_affected();
    if inserted == 1 {
        return Ok(Claim::Run);
    }
    let earlier = sqlx::query!(
        "SELECT request_hash, status, body FROM api_idempotency
          WHERE key_id = $1 AND idempotency_key = $2",
        key,
        idempotency_key
    )
    .fetch_optional(pool)
    .await?
    .map(|row| (row.request_hash, row.status, row.body));
    Ok(match earlier {
        // Freed between the two statements: the caller retries.
        None => Claim::Conflict(in_progress()),
        Some((hash, _, _)) if hash != fingerprint => Claim::Conflict(Problem::conflict(
            "idempotency_key_reused",
            "This Idempotency-Key was used for a different call. Use a new key for a new call.",
        )),
        Some((_, Some(status), Some(body))) => Claim::Replay {
            status: StatusCode::from_u16(status as u16).unwrap_or(StatusCode::OK),
            body,
        },
        Some(_) => Claim::Conflict(in_progress()),
    })
}

fn in_progress() -> Problem {
    let mut problem = Problem::conflict(
        "idempotency_in_progress",
        "The first call with this Idempotency-Key is still running. Retry in a moment.",
    );
    problem.retry_after = Some(1);
    problem
}

/// Lets a retry with the key run again (the first call did not happen).
async fn forget(state: &ApiState, key: Uuid, idempotency_key: &str) {
    let deleted = sqlx::query!(
        "DELETE FROM api_idempotency WHERE key_id = $1 AND idempotency_key = $2 AND status IS NULL",
        key,
        idempotency_key
    )
    .execute(&state.app.pool)
    .await;
    if let Err(error) = deleted {
        tracing::error!(%error, "an idempotency key could not be freed");
    }
}

fn replayed(status: StatusCode, body: serde_json::Value) -> Response {
    let content_type = if status.is_success() {
        "application/json"
    } else {
        "application/problem+json"
    };
    let mut response = (status, body.to_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    response
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
