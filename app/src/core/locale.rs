//! Which language a candidate's page and emails speak (the rule is `domain::locale::choose`),
//! and the language switcher's effect.

use crate::domain::branding::Accent;
use crate::domain::locale::{choose, Locale, LocaleFacts};
use crate::domain::CandidateId;
use crate::error::AppError;
use serde::{Deserialize, Serialize};
use sqlx::PgPool;

/// A candidate page's data with the language to show it in. The language travels beside the
/// outcome because a page that failed (a bad link, an outage) still speaks to someone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Localized<T> {
    pub locale: Locale,
    /// The organization's accent colour (None: Candor's own).
    pub accent: Option<Accent>,
    pub page: Result<T, AppError>,
}

impl<T> Localized<T> {
    pub fn new((locale, accent): (Locale, Option<Accent>), page: Result<T, AppError>) -> Self {
        Localized {
            locale,
            accent,
            page,
        }
    }
}

/// A loaded candidate page's words, colour and outcome; a failed call (the server function's
/// transport itself) speaks English in Candor's colours.
pub fn localized<T>(
    result: Result<Localized<T>, AppError>,
) -> (crate::text::l10n::Tr, Option<Accent>, Result<T, AppError>) {
    use crate::text::l10n::Tr;
    match result {
        Ok(Localized {
            locale,
            accent,
            page,
        }) => (Tr::new(locale), accent, page),
        Err(error) => (Tr::new(Locale::En), None, Err(error)),
    }
}

/// What the database knows about a candidate's language, read with the page's own data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredLocales {
    pub picked: Option<String>,
    pub stored: Option<String>,
    pub default: Option<String>,
}

impl StoredLocales {
    /// The language to use, with the browser's languages from this request.
    pub fn choose(&self) -> Locale {
        let pseudo = leptos::prelude::use_context::<crate::core::state::AppState>()
            .is_some_and(|state| state.config.pseudo_locale);
        self.choose_with(&accepted_languages(), pseudo)
    }

    fn choose_with(&self, accepted: &[String], pseudo: bool) -> Locale {
        let facts = LocaleFacts {
            picked: self.picked.as_deref(),
            stored: self.stored.as_deref(),
            accepted: accepted.iter().map(String::as_str).collect(),
        };
        let default = self
            .default
            .as_deref()
            .and_then(Locale::from_tag)
            .unwrap_or(Locale::En);
        choose(&facts, default, pseudo)
    }
}

/// The language of a candidate's page (or, with no candidate, of a page for whoever opened it),
/// and the organization's accent colour. It never fails: when the database can't be read the
/// browser's language or English will do, in Candor's colours.
pub async fn for_candidate(
    pool: &PgPool,
    candidate: Option<CandidateId>,
) -> (Locale, Option<Accent>) {
    let row = sqlx::query!(
        r#"SELECT s.default_locale, s.accent_colour, c.page_locale, c.locale
             FROM settings s LEFT JOIN candidates c ON c.id = $1 AND c.anonymized_at IS NULL"#,
        candidate.map(CandidateId::into_uuid),
    )
    .fetch_optional(pool)
    .await;
    let (stored, accent) = match row {
        Ok(Some(row)) => (
            StoredLocales {
                picked: row.page_locale,
                stored: row.locale,
                default: Some(row.default_locale),
            },
            row.accent_colour
                .as_deref()
                .and_then(|c| Accent::parse(c).ok()),
        ),
        Ok(None) => (StoredLocales::default(), None),
        Err(error) => {
            tracing::warn!(%error, "candidate language unreadable: using the browser's");
            (StoredLocales::default(), None)
        }
    };
    (stored.choose(), accent)
}

/// The language of a candidate's emails: the one they picked, else their stored one, else the
/// organization's (an email has no browser to ask).
pub async fn for_emails(
    db: &mut sqlx::PgConnection,
    candidate: CandidateId,
) -> Result<Locale, AppError> {
    let row = sqlx::query!(
        r#"SELECT s.default_locale, c.page_locale, c.locale
             FROM settings s LEFT JOIN candidates c ON c.id = $1"#,
        candidate.into_uuid(),
    )
    .fetch_one(db)
    .await?;
    Ok(StoredLocales {
        picked: row.page_locale,
        stored: row.locale,
        default: Some(row.default_locale),
    }
    .choose_with(&[], false))
}

/// The language a candidate picked on their page, remembered for their next visit and emails.
pub async fn pick(pool: &PgPool, candidate: CandidateId, locale: Locale) -> Result<(), AppError> {
    if locale == Locale::Pseudo {
        return Err(AppError::BadForm);
    }
    let updated = sqlx::query!(
        "UPDATE candidates SET page_locale = $2 WHERE id = $1 AND anonymized_at IS NULL",
        candidate.into_uuid(),
        locale.as_str(),
    )
    .execute(pool)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::LinkRetired);
    }
    Ok(())
}

/// The request's `Accept-Language`, most wanted first (weights honoured, `q=0` dropped).
fn accepted_languages() -> Vec<String> {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(axum::http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .map(accept_language::parse)
        })
        .unwrap_or_default()
}
