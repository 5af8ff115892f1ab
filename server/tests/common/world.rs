//! A small recruiting world for tests: team members, candidates with opportunities and scheduled
//! outreach, and views of what the system wrote (outbox, notifications, consent events, audit).

use super::config_for;
use app::core::consent::{ConsentSource, Decider};
use app::{
    core::accounts,
    core::config::Config,
    domain::{CandidateId, EmailAddress, Purpose, RequestKind, Role, UserId},
    preferences::{
        model::{LinkPage, Notice, PreferencesView},
        service::{self, NewRequest},
    },
};
use chrono::{Duration, Utc};
use sqlx::PgPool;
use uuid::Uuid;

pub struct World {
    pub pool: PgPool,
    pub config: Config,
    /// Shared by every page this world loads, as one server's memory is.
    rules: app::core::settings::RulesCache,
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: UserId,
    pub email: String,
}

impl User {
    /// This user as a server function sees them, with `role` and no extra permissions.
    pub fn as_viewer(&self, role: Role) -> app::domain::Viewer {
        app::domain::Viewer {
            id: self.id,
            name: "Viewer".into(),
            role,
            permissions: vec![],
            via_key: None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: CandidateId,
    pub email: String,
    pub name: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Email {
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub headers: serde_json::Value,
    pub status: String,
    pub data_request_id: Option<Uuid>,
    pub send_after: chrono::DateTime<Utc>,
}

impl World {
    pub fn new(pool: PgPool) -> Self {
        let config = config_for(&pool);
        Self::with_config(pool, config)
    }

    pub fn with_config(pool: PgPool, config: Config) -> Self {
        Self {
            pool,
            config,
            rules: Default::default(),
        }
    }

    pub async fn user(&self, name: &str, role: &str) -> User {
        let email = format!("{}@team.example", name.to_lowercase().replace(' ', "."));
        let id = sqlx::query_scalar::<_, Uuid>(
            "INSERT INTO users (email, name, role, password_hash)
             VALUES ($1, $2, $3, '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA') RETURNING id",
        )
        .bind(&email)
        .bind(name)
        .bind(role)
        .fetch_one(&self.pool)
        .await
        .unwrap();
        User {
            id: UserId(id),
            email,
        }
    }

    /// A team member who can sign in with `password`.
    pub async fn member(&self, name: &str, role: Role, password: &str) -> User {
        let email = format!("{}@team.example", name.to_lowercase().replace(' ', "."));
        let parsed = EmailAddress::parse(&email).unwrap();
        let id = accounts::create_user(&self.pool, &parsed, name, role, password)
            .await
            .unwrap();
        User { id, email }
    }

    /// Grants `permission` (e.g. `manage_profiles`) on top of the member's role.
    pub async fn grant(&self, user: &User, permission: &str) {
        sqlx::query("UPDATE users SET permissions = array_append(permissions, $2) WHERE id = $1")
            .bind(user.id.into_uuid())
            .bind(permission)
            .execute(&self.pool)
            .await
            .unwrap();
    }

    /// An outbox worker that delivers to `smtp_url`, giving up after `max_attempts`.
    pub fn postman(&self, smtp_url: &str, max_attempts: u32) -> app::core::outbox::Worker {
        let mut config = self.config.clone();
        config.mail =
            app::core::config::MailTransport::Smtp(app::core::config::SmtpUrl(smtp_url.to_owned()));
        config.outbox.retry = app::domain::RetryPolicy {
            max_attempts,
            first_delay: Duration::seconds(30),
            max_delay: Duration::minutes(10),
        };
        app::core::outbox::Worker::new(self.pool.clone(), std::sync::Arc::new(config))
            .expect("a worker")
    }

    pub async fn disable(&self, user: &User) {
        self.sql_with_id(
            "UPDATE users SET disabled = true WHERE id = $1",
            user.id.into_uuid(),
        )
        .await;
    }

    /// A candidate named after their address ("anna@…" → "Anna Marker"), in Germany.
    pub async fn candidate(&self, email: &str) -> Candidate {
        let first = email.split('@').next().unwrap_or("someone");
        let name = format!("{}{} Marker", first[..1].to_uppercase(), &first[1..]);
        let id = sqlx::query_scalar::<_, Uuid>(
            "INSERT INTO candidates (name, location_text, location_country, phones)
             VALUES ($1, 'Berlin', 'DE', ARRAY['+49 30 1234567']) RETURNING id",
        )
        .bind(&name)
        .fetch_one(&self.pool)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO candidate_emails (candidate_id, email, is_primary) VALUES ($1, $2, true)",
        )
        .bind(id)
        .bind(email)
        .execute(&self.pool)
        .await
        .unwrap();
        Candidate {
            id: CandidateId(id),
            email: email.to_owned(),
            name,
        }
    }

    /// An opportunity created `created_days_ago`, archived `archived_days_ago` if given.
    pub async fn opportunity(
        &self,
        candidate: &Candidate,
        owner: Option<&User>,
        created_days_ago: i64,
        archived_days_ago: Option<i64>,
    ) {
        sqlx::query(
            "INSERT INTO opportunities (candidate_id, owner_id, origin, created_at, archived_at)
             VALUES ($1, $2, 'sourced', $3, $4)",
        )
        .bind(candidate.id.into_uuid())
        .bind(owner.map(|u| u.id.into_uuid()))
        .bind(Utc::now() - Duration::days(created_days_ago))
        .bind(archived_days_ago.map(|d| Utc::now() - Duration::days(d)))
        .execute(&self.pool)
        .await
        .unwrap();
    }

    /// Two nurture touchpoints and a recruiter message due in two days, all still waiting.
    pub async fn schedule_outreach(&self, candidate: &Candidate) {
        let template: Uuid = sqlx::query_scalar(
            "INSERT INTO email_templates (key, name, subject, body_text)
             VALUES ('t_' || substr(md5(random()::text), 1, 8), 'Check-in', 'Hello', 'Hi') RETURNING id",
        )
        .fetch_one(&self.pool)
        .await
        .unwrap();
        let campaign: Uuid = sqlx::query_scalar(
            "INSERT INTO nurture_campaigns (name) VALUES ('Later') RETURNING id",
        )
        .fetch_one(&self.pool)
        .await
        .unwrap();
        let enrollment: Uuid = sqlx::query_scalar(
            "INSERT INTO nurture_enrollments (campaign_id, candidate_id) VALUES ($1, $2) RETURNING id",
        )
        .bind(campaign)
        .bind(candidate.id.into_uuid())
        .fetch_one(&self.pool)
        .await
        .unwrap();
        for days in [7, 30] {
            sqlx::query(
                "INSERT INTO nurture_touchpoints (enrollment_id, template_id, send_at)
                 VALUES ($1, $2, now() + make_interval(days => $3))",
            )
            .bind(enrollment)
            .bind(template)
            .bind(days)
            .execute(&self.pool)
            .await
            .unwrap();
        }
        self.queue_email(candidate, "recruiter_message", 2).await;
    }

    /// A nurture campaign whose emails go `days_after` enrolment, each with the consent link.
    pub async fn campaign(&self, name: &str, days_after: &[i32]) -> Uuid {
        let template: Uuid = sqlx::query_scalar(
            "INSERT INTO email_templates (key, name, subject, body_text)
             VALUES ('t_' || substr(md5(random()::text), 1, 8), 'Check-in', 'Roles at {{ organization }}',
                     'Hi {{ candidate_first_name }}, see {{ consent_link }}') RETURNING id",
        )
        .fetch_one(&self.pool)
        .await
        .unwrap();
        let campaign: Uuid =
            sqlx::query_scalar("INSERT INTO nurture_campaigns (name) VALUES ($1) RETURNING id")
                .bind(name)
                .fetch_one(&self.pool)
                .await
                .unwrap();
        for days in days_after {
            sqlx::query(
                "INSERT INTO nurture_steps (campaign_id, template_id, days_after) VALUES ($1, $2, $3)",
            )
            .bind(campaign)
            .bind(template)
            .bind(days)
            .execute(&self.pool)
            .await
            .unwrap();
        }
        campaign
    }

    /// The send times of the candidate's touchpoints with their status, earliest first.
    pub async fn touchpoint_times(
        &self,
        candidate: &Candidate,
    ) -> Vec<(chrono::DateTime<Utc>, String)> {
        sqlx::query_as(
            "SELECT t.send_at, t.status FROM nurture_touchpoints t
               JOIN nurture_enrollments e ON e.id = t.enrollment_id
              WHERE e.candidate_id = $1 ORDER BY t.send_at, t.status",
        )
        .bind(candidate.id.into_uuid())
        .fetch_all(&self.pool)
        .await
        .unwrap()
    }

    /// One nurture touchpoint for the candidate, with `template`, due at `send_at`.
    pub async fn touchpoint(
        &self,
        candidate: &Candidate,
        template: Uuid,
        send_at: chrono::DateTime<Utc>,
    ) {
        sqlx::query(
            "WITH campaign AS (INSERT INTO nurture_campaigns (name) VALUES ('Spring') RETURNING id),
                  enrollment AS (INSERT INTO nurture_enrollments (campaign_id, candidate_id)
                                 SELECT id, $1 FROM campaign RETURNING id)
             INSERT INTO nurture_touchpoints (enrollment_id, template_id, send_at)
             SELECT id, $2, $3 FROM enrollment",
        )
        .bind(candidate.id.into_uuid())
        .bind(template)
        .bind(send_at)
        .execute(&self.pool)
        .await
        .unwrap();
    }

    /// A pending outbox row of `kind` for the candidate, to be sent in `in_days`.
    pub async fn queue_email(&self, candidate: &Candidate, kind: &str, in_days: i32) {
        sqlx::query(
            "INSERT INTO email_outbox (kind, recipient, subject, body_text, body_html, candidate_id,
                                       send_after, message_id)
             VALUES ($1, $2, 'Subject', 'Text', '<p>Text</p>', $3, now() + make_interval(days => $4),
                     '<' || gen_random_uuid() || '@test>')",
        )
        .bind(kind)
        .bind(&candidate.email)
        .bind(candidate.id.into_uuid())
        .bind(in_days)
        .execute(&self.pool)
        .await
        .unwrap();
    }

    pub async fn settings(&self, assignments: &str) {
        sqlx::query(&format!("UPDATE settings SET {assignments}"))
            .execute(&self.pool)
            .await
            .unwrap();
    }

    /// A candidate anonymized some time ago, whose requests and activity are left as they were:
    /// a state the engine (which resolves their requests and counts as activity now) can't
    /// produce, so written directly. Tests of anonymizing itself go through the engine.
    pub async fn anonymize(&self, candidate: &Candidate) {
        self.sql_with_id(
            "UPDATE candidates SET name = '', anonymized_at = now(), anonymization_mode = 'gdpr' WHERE id = $1",
            candidate.id.into_uuid(),
        )
        .await;
    }

    async fn sql_with_id(&self, sql: &str, id: Uuid) {
        sqlx::query(sql).bind(id).execute(&self.pool).await.unwrap();
    }

    pub fn link(&self, candidate: &Candidate) -> String {
        self.config
            .link_keys
            .sign(candidate.id, Utc::now(), self.config.link_ttl)
    }

    // What candidates do.

    pub async fn page(&self, candidate: &Candidate) -> PreferencesView {
        match service::load_page(
            &self.pool,
            &self.config,
            &self.rules,
            candidate.id,
            None,
            Utc::now(),
        )
        .await
        {
            Ok(LinkPage::Active(view)) => *view,
            other => panic!("expected an active page, got {other:?}"),
        }
    }

    /// Submits a request form with a fresh idempotency key.
    pub async fn request(&self, candidate: &Candidate, request: NewRequest) -> Notice {
        let key = Uuid::new_v4().to_string();
        self.request_with_key(candidate, request, &key).await
    }

    /// A request the candidate made `days_ago`.
    pub async fn request_received(
        &self,
        candidate: &Candidate,
        request: NewRequest,
        days_ago: i64,
    ) {
        let kind = request.kind();
        let notice = service::submit_request(
            &self.pool,
            &self.config,
            candidate.id,
            request,
            &Uuid::new_v4().to_string(),
            Utc::now() - Duration::days(days_ago),
        )
        .await
        .expect("request accepted");
        assert_eq!(notice, Notice::RequestReceived(kind), "a new request");
    }

    /// A second open request of a kind, as data from before the one-open-request rule may hold:
    /// the product no longer makes one, so it is written as it was then.
    pub async fn legacy_open_request(
        &self,
        candidate: &Candidate,
        kind: RequestKind,
        days_ago: i64,
    ) {
        sqlx::query(
            "INSERT INTO data_requests (candidate_id, kind, received_at, due_at, idempotency_key)
             VALUES ($1, $2, now() - make_interval(days => $3), now() - make_interval(days => $3) + interval '1 month', $4)",
        )
        .bind(candidate.id.into_uuid())
        .bind(kind.as_str())
        .bind(days_ago as i32)
        .bind(Uuid::new_v4().to_string())
        .execute(&self.pool)
        .await
        .unwrap();
    }

    pub async fn request_with_key(
        &self,
        candidate: &Candidate,
        request: NewRequest,
        key: &str,
    ) -> Notice {
        service::submit_request(
            &self.pool,
            &self.config,
            candidate.id,
            request,
            key,
            Utc::now(),
        )
        .await
        .expect("request accepted")
    }

    pub async fn decide(&self, candidate: &Candidate, purpose: Purpose, allow: bool) -> Notice {
        self.decide_at(candidate, purpose, allow, Utc::now()).await
    }

    pub async fn decide_at(
        &self,
        candidate: &Candidate,
        purpose: Purpose,
        allow: bool,
        now: chrono::DateTime<Utc>,
    ) -> Notice {
        app::core::consent::change_consent(
            &self.pool,
            &self.config,
            candidate.id,
            purpose,
            allow,
            Decider::Candidate(ConsentSource::PreferencesPage),
            now,
        )
        .await
        .expect("decision recorded")
        .into()
    }

    // What the system wrote.

    pub async fn outbox(&self) -> Vec<Email> {
        sqlx::query_as(
            "SELECT kind, recipient, subject, body_text, body_html, headers, status, data_request_id,
                    send_after
               FROM email_outbox ORDER BY created_at, kind, recipient",
        )
        .fetch_all(&self.pool)
        .await
        .unwrap()
    }

    pub async fn inbox(&self, address: &str) -> Vec<Email> {
        self.outbox()
            .await
            .into_iter()
            .filter(|e| e.recipient == address && e.status != "cancelled")
            .collect()
    }

    pub async fn notifications(&self, user: &User) -> Vec<(String, Uuid)> {
        sqlx::query_as(
            "SELECT kind, candidate_id FROM notifications WHERE user_id = $1 ORDER BY created_at",
        )
        .bind(user.id.into_uuid())
        .fetch_all(&self.pool)
        .await
        .unwrap()
    }

    /// (purpose, decision, source, text version), oldest first.
    pub async fn consent_events(
        &self,
        candidate: &Candidate,
    ) -> Vec<(String, String, String, Option<String>)> {
        sqlx::query_as(
            "SELECT purpose, decision, source, text_version FROM consent_events
              WHERE candidate_id = $1 ORDER BY at, id",
        )
        .bind(candidate.id.into_uuid())
        .fetch_all(&self.pool)
        .await
        .unwrap()
    }

    /// (actor kind, action, details), oldest first.
    pub async fn audit(&self, candidate: &Candidate) -> Vec<(String, String, serde_json::Value)> {
        sqlx::query_as(
            "SELECT actor_kind, action, details FROM audit_log WHERE candidate_id = $1 ORDER BY at, action",
        )
        .bind(candidate.id.into_uuid())
        .fetch_all(&self.pool)
        .await
        .unwrap()
    }

    /// (kind, status, details, corrections) of the candidate's requests, oldest first.
    pub async fn requests(
        &self,
        candidate: &Candidate,
    ) -> Vec<(String, String, Option<String>, Option<serde_json::Value>)> {
        sqlx::query_as(
            "SELECT kind, status, details, corrections FROM data_requests
              WHERE candidate_id = $1 ORDER BY received_at",
        )
        .bind(candidate.id.into_uuid())
        .fetch_all(&self.pool)
        .await
        .unwrap()
    }

    /// (status) of the candidate's nurture touchpoints.
    pub async fn touchpoints(&self, candidate: &Candidate) -> Vec<String> {
        sqlx::query_scalar(
            "SELECT t.status FROM nurture_touchpoints t
               JOIN nurture_enrollments e ON e.id = t.enrollment_id
              WHERE e.candidate_id = $1 ORDER BY t.send_at",
        )
        .bind(candidate.id.into_uuid())
        .fetch_all(&self.pool)
        .await
        .unwrap()
    }

    /// Every audited action, oldest first.
    pub async fn audit_actions(&self) -> Vec<String> {
        sqlx::query_scalar("SELECT action FROM audit_log ORDER BY at, action")
            .fetch_all(&self.pool)
            .await
            .unwrap()
    }

    pub async fn count(&self, table: &str) -> i64 {
        sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }
}

pub fn kinds(emails: &[Email]) -> Vec<&str> {
    emails.iter().map(|e| e.kind.as_str()).collect()
}

pub fn received(kind: RequestKind) -> Notice {
    Notice::RequestReceived(kind)
}
