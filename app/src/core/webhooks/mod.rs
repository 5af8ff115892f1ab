//! Webhooks (SPEC §11): an event is written to the webhook outbox in the transaction of the change
//! it reports, one delivery per subscribed endpoint; [`delivery`] sends them, signed per the
//! Standard Webhooks scheme; [`endpoints`] is what the Super Admin manages in Settings.
//!
//! Payloads hold ids (Candor's and the other system's `external_id`), kinds, states and times,
//! never personal data: the receiver reads details through the API with its key.

#[cfg(feature = "ssr")]
pub mod delivery;
#[cfg(feature = "ssr")]
pub mod endpoints;
#[cfg(feature = "ssr")]
pub mod signature;

#[cfg(feature = "ssr")]
pub use events::*;

use crate::domain::webhooks::EventType;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// An endpoint as the settings page lists it: never its secret, only its first characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndpointView {
    pub id: Uuid,
    pub url: String,
    pub events: Vec<EventType>,
    pub hint: String,
    pub enabled: bool,
    /// Turned off by Candor after failing for days (not by an admin).
    pub disabled_for_failing: bool,
    pub failing_since: Option<DateTime<Utc>>,
    /// While the old secret still signs, after a rotation.
    pub old_secret_until: Option<DateTime<Utc>>,
    pub recent: Vec<DeliveryView>,
}

/// One delivery of one event to the endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryView {
    pub event_id: Uuid,
    pub event: String,
    pub status: String,
    pub attempts: i32,
    pub receiver_status: Option<i32>,
    pub error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub next_attempt_at: Option<DateTime<Utc>>,
}

/// A new or rotated secret, on the one page view that shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevealedSecret {
    pub endpoint: Uuid,
    pub url: String,
    pub secret: String,
}

#[cfg(feature = "ssr")]
mod events {
    use crate::domain::consent_panel::DeletionNotice;
    use crate::domain::webhooks::EventType;
    use crate::domain::{CandidateId, RequestId};
    use crate::error::AppError;
    use chrono::{DateTime, SecondsFormat, Utc};
    use serde_json::{json, Map, Value};
    use sqlx::PgConnection;
    use uuid::Uuid;

    /// Tells every enabled endpoint subscribed to `event` about `candidate`, with the event's own
    /// `data` (ids, kinds, states, times). `dedupe_key` makes an event a periodic check finds again
    /// a single event. Costs one small query when nobody listens.
    pub async fn emit(
        db: &mut PgConnection,
        event: EventType,
        candidate: CandidateId,
        data: Map<String, Value>,
        dedupe_key: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        if !listening(&mut *db, event).await? {
            return Ok(());
        }
        write(db, event, candidate, data, dedupe_key, now).await
    }

    /// Writes the event and its deliveries, once the caller knows someone listens.
    async fn write(
        db: &mut PgConnection,
        event: EventType,
        candidate: CandidateId,
        data: Map<String, Value>,
        dedupe_key: Option<String>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let external_id = sqlx::query_scalar!(
            "SELECT external_id FROM candidates WHERE id = $1",
            candidate.into_uuid()
        )
        .fetch_optional(&mut *db)
        .await?
        .flatten();
        let mut body = Map::new();
        body.insert("candidate_id".into(), json!(candidate));
        body.insert("candidate_external_id".into(), json!(external_id));
        body.extend(data);
        let id = Uuid::new_v4();
        let payload = payload(event.as_str(), now, body);
        sqlx::query!(
            "WITH event AS (
             INSERT INTO webhook_events (id, type, payload, dedupe_key, created_at)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (dedupe_key) DO NOTHING
             RETURNING id)
         INSERT INTO webhook_deliveries (event_id, endpoint_id, next_attempt_at, created_at)
         SELECT event.id, e.id, $5, $5
           FROM event, webhook_endpoints e
          WHERE e.enabled AND $2 = ANY(e.events)",
            id,
            event.as_str(),
            payload,
            dedupe_key,
            now,
        )
        .execute(&mut *db)
        .await?;
        Ok(())
    }

    /// The body every event has: its type, when it happened, and its data.
    pub(super) fn payload(event: &str, now: DateTime<Utc>, data: Map<String, Value>) -> Value {
        json!({
            "type": event,
            "timestamp": now.to_rfc3339_opts(SecondsFormat::Millis, true),
            "data": data,
        })
    }

    /// A data request event, with the request's kind, state and dates as they are now (inside the
    /// caller's transaction, so after the change).
    pub async fn emit_request(
        db: &mut PgConnection,
        event: EventType,
        request: RequestId,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        // Nobody listening: no need to read the request either.
        if !listening(&mut *db, event).await? {
            return Ok(());
        }
        let row = sqlx::query!(
            "SELECT candidate_id, kind, status, resolution, received_at,
                coalesce(extended_until, due_at) AS \"due_at!\"
           FROM data_requests WHERE id = $1",
            request.into_uuid()
        )
        .fetch_one(&mut *db)
        .await?;
        let data = json!({
            "request_id": request,
            "kind": row.kind,
            "state": row.status,
            "resolution": row.resolution,
            "received_at": row.received_at,
            "due_at": row.due_at,
        });
        let dedupe_key = match event {
            // The alert check meets an overdue request every hour; it is overdue once.
            EventType::DataRequestOverdue => Some(format!("overdue:{request}:{}", row.due_at)),
            _ => None,
        };
        write(
            db,
            event,
            CandidateId(row.candidate_id),
            object(data),
            dedupe_key,
            now,
        )
        .await
    }

    /// Whether any enabled endpoint wants `event` (so a periodic check can skip collecting).
    pub async fn listening(
        db: impl sqlx::PgExecutor<'_>,
        event: EventType,
    ) -> Result<bool, AppError> {
        Ok(sqlx::query_scalar!(
            r#"SELECT EXISTS (SELECT 1 FROM webhook_endpoints
                               WHERE enabled AND $1 = ANY(events)) AS "listening!""#,
            event.as_str()
        )
        .fetch_one(db)
        .await?)
    }

    /// `candidate.marked_for_deletion` for each candidate the sweep found marked, once per
    /// candidate and deletion date however many daily runs find them again; written a thousand
    /// at a time, each chunk one statement.
    pub async fn emit_marked(
        pool: &sqlx::PgPool,
        marked: &[(CandidateId, DeletionNotice)],
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let event = EventType::CandidateMarkedForDeletion.as_str();
        let stamp = |at: DateTime<Utc>| at.to_rfc3339_opts(SecondsFormat::Millis, true);
        for chunk in marked.chunks(1000) {
            let ids: Vec<Uuid> = chunk.iter().map(|(c, _)| c.into_uuid()).collect();
            let reasons: Vec<&str> = chunk.iter().map(|(_, n)| n.reason.as_str()).collect();
            let since: Vec<String> = chunk.iter().map(|(_, n)| stamp(n.since)).collect();
            let on: Vec<String> = chunk.iter().map(|(_, n)| stamp(n.anonymize_on)).collect();
            let keys: Vec<String> = chunk
                .iter()
                .map(|(c, n)| format!("marked:{c}:{}", n.anonymize_on.timestamp()))
                .collect();
            sqlx::query!(
                "WITH item AS (
                     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[],
                                          $5::text[]) AS i(candidate_id, reason, since, due, key)),
                 event AS (
                     INSERT INTO webhook_events (type, payload, dedupe_key, created_at)
                     SELECT $6, jsonb_build_object(
                                'type', $6::text, 'timestamp', $7::text,
                                'data', jsonb_build_object(
                                    'candidate_id', item.candidate_id,
                                    'candidate_external_id', c.external_id,
                                    'reason', item.reason,
                                    'marked_since', item.since,
                                    'anonymize_on', item.due)),
                            item.key, $8
                       FROM item JOIN candidates c ON c.id = item.candidate_id
                     ON CONFLICT (dedupe_key) DO NOTHING
                     RETURNING id)
                 INSERT INTO webhook_deliveries (event_id, endpoint_id, next_attempt_at, created_at)
                 SELECT event.id, e.id, $8, $8
                   FROM event, webhook_endpoints e
                  WHERE e.enabled AND $6 = ANY(e.events)",
                &ids,
                &reasons as &[&str],
                &since,
                &on,
                &keys,
                event,
                stamp(now),
                now,
            )
            .execute(pool)
            .await?;
        }
        Ok(())
    }

    /// The fields of a JSON object literal.
    pub fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }
}
