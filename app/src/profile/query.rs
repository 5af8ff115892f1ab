//! Loading a profile. Several small queries: a profile is opened by one recruiter at a time, and
//! each part stays readable on its own.

use super::{
    AttachmentView, ContactDetails, Feedback, OpportunityView, Profile, RequestBanner, TeamText,
    TimelineEntry,
};
use crate::core::compliance::consent_panel_of;
use crate::core::config::Config;
use crate::domain::{
    anonymization::{personal_data_visible, team_text_visible, AnonymizationMode},
    consent_panel::contact_check,
    profile::{NOTES_SHOWN, TIMELINE_SHOWN},
    CandidateId, DueState, Permission, RequestKind, Viewer,
};
use crate::error::AppError;
use crate::profile::anonymize::AnonymizeOffer;
use crate::profile::requests::{resolve, RequestTools};
use crate::text;
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};
use std::collections::HashMap;
use uuid::Uuid;

pub async fn profile(
    pool: &PgPool,
    config: &Config,
    viewer: &Viewer,
    id: Uuid,
    whole_history: bool,
    now: DateTime<Utc>,
) -> Result<Profile, AppError> {
    // Some thirty statements of fixed shape, each keyed by the candidate: their plans are kept
    // rather than made again for each view (core::db), on one connection.
    let mut tx = crate::core::db::with_plans_kept(pool).await?;
    crate::core::candidates::reachable(&mut *tx, viewer, id).await?;
    // One row more than shown tells whether there is more; NULL (the whole history) is no limit.
    let notes_limit = (!whole_history).then_some(NOTES_SHOWN + 1);
    let timeline_limit = (!whole_history).then_some(TIMELINE_SHOWN + 1);
    let c = sqlx::query!(
        r#"SELECT c.id, c.name, c.headline, c.location_text, c.phones, c.skype, c.links,
                  c.anonymization_mode,
                  ARRAY(SELECT e.email FROM candidate_emails e WHERE e.candidate_id = c.id
                         ORDER BY e.is_primary DESC, e.created_at) AS "emails!"
             FROM candidates c WHERE c.id = $1"#,
        id,
    )
    .fetch_one(&mut *tx)
    .await?;
    let mode = c
        .anonymization_mode
        .as_deref()
        .and_then(|m| m.parse::<AnonymizationMode>().ok());
    let anonymized = c.anonymization_mode.is_some();
    let personal = personal_data_visible(mode);
    let team_text = team_text_visible(mode);

    let opportunities = sqlx::query!(
        r#"SELECT o.id, p.title AS "posting?", o.stage,
                  u.name AS "owner?", o.owner_id, o.origin, o.created_at, o.archived_at,
                  o.archive_reason, o.hired,
                  ARRAY(SELECT a.user_id FROM opportunity_assignees a JOIN users m ON m.id = a.user_id
                         WHERE a.opportunity_id = o.id ORDER BY lower(m.name), m.id) AS "assignee_ids!",
                  ARRAY(SELECT m.name FROM opportunity_assignees a JOIN users m ON m.id = a.user_id
                         WHERE a.opportunity_id = o.id ORDER BY lower(m.name), m.id) AS "assignee_names!"
             FROM opportunities o
             LEFT JOIN postings p ON p.id = o.posting_id
             LEFT JOIN users u ON u.id = o.owner_id
            WHERE o.candidate_id = $1
            ORDER BY o.created_at DESC"#,
        id
    )
    .fetch_all(&mut *tx)
    .await?;
    let folded = crate::domain::profile::folded_opportunities(
        &opportunities
            .iter()
            .map(|o| o.archived_at.is_some() && !o.hired)
            .collect::<Vec<_>>(),
        whole_history,
    );
    let mut sent = if personal {
        crate::core::candidates::what_they_sent(&mut tx, id).await?
    } else {
        crate::core::candidates::Sent::default()
    };
    let mut feedback: HashMap<Uuid, Vec<Feedback>> = HashMap::new();
    for f in sqlx::query!(
        r#"SELECT f.opportunity_id, u.name AS "author?", f.rating, f.body, f.created_at
             FROM feedback f JOIN opportunities o ON o.id = f.opportunity_id
             LEFT JOIN users u ON u.id = f.author_id
            WHERE o.candidate_id = $1 ORDER BY f.created_at DESC"#,
        id
    )
    .fetch_all(&mut *tx)
    .await?
    {
        feedback
            .entry(f.opportunity_id)
            .or_default()
            .push(Feedback {
                author: f.author,
                rating: f.rating,
                body: team_text.then_some(f.body),
                at: f.created_at,
            });
    }

    let attachments = if personal {
        sqlx::query!(
            r#"SELECT file_name, media_type, length(bytes)::int8 AS "size!", created_at
                 FROM attachments WHERE candidate_id = $1 ORDER BY created_at DESC"#,
            id
        )
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|a| AttachmentView {
            file_name: a.file_name,
            media_type: a.media_type,
            size_bytes: a.size,
            at: a.created_at,
        })
        .collect()
    } else {
        Vec::new()
    };
    let notes = sqlx::query!(
        r#"SELECT u.name AS "author?", n.body, n.created_at
             FROM notes n LEFT JOIN users u ON u.id = n.author_id
            WHERE n.candidate_id = $1 ORDER BY n.created_at DESC LIMIT $2"#,
        id,
        notes_limit,
    )
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|n| TeamText {
        author: n.author,
        body: team_text.then_some(n.body),
        at: n.created_at,
    })
    .collect::<Vec<_>>();
    let more_notes = notes_limit.is_some_and(|limit| notes.len() as i64 >= limit);
    let mut notes = notes;
    if !whole_history {
        notes.truncate(NOTES_SHOWN as usize);
    }

    let mut timeline: Vec<TimelineEntry> = sqlx::query!(
        r#"SELECT e.kind, e.stage, u.name AS "actor?", e.at, p.title AS "posting?"
             FROM events e JOIN opportunities o ON o.id = e.opportunity_id
             LEFT JOIN postings p ON p.id = o.posting_id
             LEFT JOIN users u ON u.id = e.actor_id
            WHERE o.candidate_id = $1
            ORDER BY e.at DESC LIMIT $2"#,
        id,
        timeline_limit,
    )
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|e| TimelineEntry::Event {
        at: e.at,
        kind: e.kind,
        stage: e.stage,
        actor: e.actor,
        posting: e.posting,
    })
    .collect();
    for e in sqlx::query!(
        r#"SELECT e.purpose, e.decision, e.source, u.name AS "recorded_by?", e.at
             FROM consent_events e LEFT JOIN users u ON u.id = e.recorded_by
            WHERE e.candidate_id = $1
            ORDER BY e.at DESC LIMIT $2"#,
        id,
        timeline_limit,
    )
    .fetch_all(&mut *tx)
    .await?
    {
        if let (Ok(purpose), Ok(decision)) = (e.purpose.parse(), e.decision.parse()) {
            timeline.push(TimelineEntry::Consent {
                at: e.at,
                purpose,
                decision,
                source: e.source,
                recorded_by: e.recorded_by,
            });
        }
    }

    // Each part brought its latest entries; together, the latest of both.
    timeline.sort_by_key(|e| std::cmp::Reverse(e.at()));
    let more_history = timeline_limit.is_some_and(|_| timeline.len() as i64 > TIMELINE_SHOWN);
    if !whole_history {
        timeline.truncate(TIMELINE_SHOWN as usize);
    }

    let panel = consent_panel_of(&mut tx, config, id, now).await?;

    let requests = open_requests(&mut tx, viewer, id, now).await?;
    // The profile's own panel decides the contact card: one consent computation per page.
    let outreach = crate::profile::outreach::service::outreach(
        &mut tx,
        id,
        contact_check(
            &panel,
            anonymized,
            requests.iter().any(|r| r.kind == RequestKind::Erasure),
        ),
        now,
    )
    .await?;
    let profile = Profile {
        id: c.id,
        name: if anonymized {
            text::ANONYMIZED_CANDIDATE.to_owned()
        } else {
            c.name
        },
        anonymized,
        headline: c.headline.filter(|_| personal),
        contact: personal.then_some(ContactDetails {
            emails: c.emails,
            phones: c.phones,
            skype: c.skype,
            links: c.links,
            location: c.location_text,
        }),
        opportunities: opportunities
            .into_iter()
            .zip(folded)
            .map(|(o, folded)| OpportunityView {
                // A folded one shows its title, stage and archiving only.
                responses: (!folded)
                    .then(|| sent.responses.remove(&o.id))
                    .flatten()
                    .unwrap_or_default(),
                comments: (!folded)
                    .then(|| sent.comments.remove(&o.id))
                    .flatten()
                    .unwrap_or_default(),
                feedback: (!folded)
                    .then(|| feedback.remove(&o.id))
                    .flatten()
                    .unwrap_or_default(),
                folded,
                id: o.id,
                posting: o.posting,
                stage: o.stage,
                owner: o.owner,
                origin: o.origin,
                created_at: o.created_at,
                archived_at: o.archived_at,
                may_act: !anonymized
                    && crate::domain::lifecycle::may_act_on_owned_by(
                        viewer,
                        o.owner_id.map(crate::domain::UserId),
                        o.assignee_ids.contains(&viewer.id.into_uuid()),
                    ),
                assignees: o.assignee_ids.into_iter().zip(o.assignee_names).collect(),
                archive_reason: o.archive_reason,
                hired: o.hired,
            })
            .collect(),
        attachments,
        notes,
        more_notes,
        timeline,
        more_history,
        panel,
        can_edit: viewer.may(Permission::ManageProfiles) && !anonymized,
        outreach,
        anonymize: if !anonymized && requests.iter().any(|r| r.kind == RequestKind::Erasure) {
            Some(if viewer.may(Permission::AnonymizeCandidates) {
                AnonymizeOffer::Offer(
                    crate::core::anonymization::preview(&mut tx, CandidateId(id)).await?,
                )
            } else {
                AnonymizeOffer::NeedsPermission
            })
        } else {
            None
        },
        requests,
        hold: crate::profile::legal_hold::service::current(&mut *tx, id).await?,
        may_manage_hold: viewer.role.manages_legal_holds() && !anonymized,
        may_audit: viewer.may(Permission::ViewComplianceDashboard),
        log_key: Uuid::new_v4(),
        today: now.date_naive().format("%Y-%m-%d").to_string(),
        colleagues: if !anonymized && crate::domain::lifecycle::assigns_colleagues(viewer.role) {
            crate::core::postings::active_members(&mut *tx).await?
        } else {
            Vec::new()
        },
        data_notice: sqlx::query!(
            "SELECT created_at, sent_at FROM email_outbox
              WHERE candidate_id = $1 AND kind = 'gdpr_notice' AND status <> 'cancelled'
              ORDER BY created_at LIMIT 1",
            id
        )
        .fetch_optional(&mut *tx)
        .await?
        .map(|n| super::DataNotice {
            queued_at: n.created_at,
            sent_at: n.sent_at,
        }),
    };
    tx.commit().await?;
    Ok(profile)
}

/// The candidate's open data requests, the nearest due date first, each with its resolve tools.
async fn open_requests(
    db: &mut PgConnection,
    viewer: &Viewer,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<Vec<RequestBanner>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT id, kind, received_at, coalesce(extended_until, due_at) AS "due_at!",
                  extended_until IS NOT NULL AS "extended!"
             FROM data_requests
            WHERE candidate_id = $1 AND status = 'open'
            ORDER BY coalesce(extended_until, due_at), received_at"#,
        id
    )
    .fetch_all(&mut *db)
    .await?;
    let candidate = CandidateId(id);
    let kinds: Vec<(Uuid, RequestKind)> = rows
        .iter()
        .filter_map(|r| Some((r.id, r.kind.parse().ok()?)))
        .collect();
    let access: Vec<Uuid> = kinds
        .iter()
        .filter(|(_, k)| *k == RequestKind::Access)
        .map(|(id, _)| *id)
        .collect();
    let (draft, sent) = if access.is_empty() {
        (None, HashMap::new())
    } else {
        (
            Some(resolve::access_draft(&mut *db, candidate).await?),
            resolve::data_sent(&mut *db, &access).await?,
        )
    };
    let mut banners = Vec::with_capacity(rows.len());
    for (r, (_, kind)) in rows.into_iter().zip(kinds) {
        let tools = match (kind, &draft) {
            (RequestKind::Access, Some(draft)) => RequestTools::Access {
                draft: draft.clone(),
                sent_at: sent.get(&r.id).copied(),
            },
            (RequestKind::Rectification, _) => RequestTools::Rectification(
                resolve::rectification_view(&mut *db, viewer, candidate, r.id).await?,
            ),
            _ => RequestTools::None,
        };
        banners.push(RequestBanner {
            id: r.id,
            kind,
            received_at: r.received_at,
            due_at: r.due_at,
            extended: r.extended,
            due: DueState::of(r.due_at, now),
            extendable: crate::domain::extended_due_date(r.received_at, 1, r.extended, now).is_ok(),
            refusable: kind.permission_to_refuse().is_none_or(|p| viewer.may(p)),
            tools,
        });
    }
    Ok(banners)
}
