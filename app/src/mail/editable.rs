//! Admin-editable email templates (`email_templates`, SPEC §2): checked when saved, rendered in a
//! sandbox when sent.
//!
//! Admins write plain text with three placeholders. The sandbox has no loader (no `include`, no
//! `import`), limits the work a template may do (fuel), and knows no other variable, so a template
//! can neither read files nor reach data it shouldn't. The HTML part is made from the text: escaped,
//! in paragraphs, with links made clickable.

use super::{render_file, Rendered};
use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;
use std::fmt;

/// The only names a template may use.
pub const PLACEHOLDERS: [&str; 3] = ["consent_link", "candidate_first_name", "organization"];

pub use crate::domain::outreach::{MAX_BODY_CHARS, MAX_SUBJECT_CHARS};

/// How much a template may compute when rendered (minijinja fuel): ample for text with a few
/// conditions, far too little for a runaway loop.
const FUEL: u64 = 20_000;

/// The part of a template a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Subject,
    Body,
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Part::Subject => "subject",
            Part::Body => "body",
        })
    }
}

/// Why a template was refused, worded for the admin who wrote it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("The {part} is empty.")]
    Empty { part: Part },
    #[error("The {part} is too long (at most {max} characters).")]
    TooLong { part: Part, max: usize },
    #[error("The {part} has a mistake on line {line}: {detail}.")]
    Syntax {
        part: Part,
        line: usize,
        detail: String,
    },
    #[error(
        "The {part} uses {{{{ {name} }}}}, which Candor can't fill in. \
         Use {{{{ consent_link }}}}, {{{{ candidate_first_name }}}} or {{{{ organization }}}}."
    )]
    UnknownPlaceholder { part: Part, name: String },
    #[error("The {part} could not be filled in: {detail}.")]
    Render { part: Part, detail: String },
}

/// A template that passed every check; only these are stored or rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditableTemplate {
    subject: String,
    body: String,
}

/// The values of the placeholders for one email.
#[derive(Debug, Clone, Serialize)]
pub struct Placeholders {
    pub consent_link: String,
    pub candidate_first_name: String,
    pub organization: String,
}

impl EditableTemplate {
    /// Checks a subject and body: not empty, not too long, valid syntax, known placeholders only.
    pub fn parse(subject: &str, body: &str) -> Result<Self, TemplateError> {
        let env = sandbox();
        for (part, source, max) in [
            (Part::Subject, subject, MAX_SUBJECT_CHARS),
            (Part::Body, body, MAX_BODY_CHARS),
        ] {
            if source.trim().is_empty() {
                return Err(TemplateError::Empty { part });
            }
            if source.chars().count() > max {
                return Err(TemplateError::TooLong { part, max });
            }
            let template = env
                .template_from_str(source)
                .map_err(|e| syntax_error(part, &e))?;
            let mut unknown: Vec<String> = template
                .undeclared_variables(false)
                .into_iter()
                .filter(|name| !PLACEHOLDERS.contains(&name.as_str()))
                .collect();
            unknown.sort();
            if let Some(name) = unknown.into_iter().next() {
                return Err(TemplateError::UnknownPlaceholder { part, name });
            }
        }
        Ok(Self {
            subject: subject.trim().to_owned(),
            body: body.to_owned(),
        })
    }

    pub fn subject(&self) -> &str {
        &self.subject
    }

    pub fn body(&self) -> &str {
        &self.body
    }

    /// Fills in the placeholders: a one-line subject, the text, and HTML made from the text.
    pub fn render(&self, values: &Placeholders) -> Result<Rendered, TemplateError> {
        let env = sandbox();
        let values_ctx = minijinja::Value::from(minijinja::value::Serde(values));
        let fill = |part: Part, source: &str| {
            env.render_str(source, values_ctx.clone())
                .map_err(|e| TemplateError::Render {
                    part,
                    detail: e.detail().unwrap_or("it does too much work").to_owned(),
                })
        };
        let subject = one_line(&fill(Part::Subject, &self.subject)?);
        let text = fill(Part::Body, &self.body)?;
        as_email(subject, text, &values.organization)
    }
}

/// A message a team member wrote in full, with no placeholders (the personal-data copy): checked
/// for length, its HTML made from the text as for templates. Braces in it are only text.
pub fn written(subject: &str, text: &str, organization: &str) -> Result<Rendered, TemplateError> {
    for (part, source, max) in [
        (Part::Subject, subject, MAX_SUBJECT_CHARS),
        (Part::Body, text, MAX_BODY_CHARS),
    ] {
        if source.trim().is_empty() {
            return Err(TemplateError::Empty { part });
        }
        if source.chars().count() > max {
            return Err(TemplateError::TooLong { part, max });
        }
    }
    as_email(one_line(subject), text.to_owned(), organization)
}

/// The rendered email: the subject, the text, and HTML made from the text.
fn as_email(subject: String, text: String, organization: &str) -> Result<Rendered, TemplateError> {
    let context = minijinja::Value::from(minijinja::value::Serde(serde_json::json!({
        "subject": subject,
        "paragraphs": paragraphs(&text),
        "organization": organization,
    })));
    let html = render_file("editable.html", &context).map_err(|e| TemplateError::Render {
        part: Part::Body,
        detail: e.to_string(),
    })?;
    Ok(Rendered {
        subject,
        text,
        html,
    })
}

/// The first word of a name, for `{{ candidate_first_name }}`; "there" when there is no name, so
/// "Hello {{ candidate_first_name }}" still reads.
pub fn first_name(full_name: &str) -> String {
    full_name
        .split_whitespace()
        .next()
        .unwrap_or("there")
        .to_owned()
}

fn sandbox() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    env
}

fn syntax_error(part: Part, error: &minijinja::Error) -> TemplateError {
    TemplateError::Syntax {
        part,
        line: error.line().unwrap_or(1),
        detail: error
            .detail()
            .map_or_else(|| error.kind().to_string(), str::to_owned),
    }
}

pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A run of text, or a link, inside one line of an email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct Segment {
    text: String,
    href: Option<String>,
}

/// Text → paragraphs (split on blank lines) → lines → segments, with http(s) URLs as links.
fn paragraphs(text: &str) -> Vec<Vec<Vec<Segment>>> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| p.lines().map(linkify).collect())
        .collect()
}

fn linkify(line: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut rest = line;
    while let Some(start) = ["https://", "http://"]
        .iter()
        .filter_map(|scheme| rest.find(scheme))
        .min()
    {
        let tail = &rest[start..];
        let end = tail.find(char::is_whitespace).unwrap_or(tail.len());
        // Sentence punctuation after a URL is not part of it.
        let url = tail[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'']);
        if start > 0 {
            segments.push(Segment {
                text: rest[..start].to_owned(),
                href: None,
            });
        }
        segments.push(Segment {
            text: url.to_owned(),
            href: Some(url.to_owned()),
        });
        rest = &rest[start + url.len()..];
    }
    if !rest.is_empty() {
        segments.push(Segment {
            text: rest.to_owned(),
            href: None,
        });
    }
    segments
}

/// Why saving a template failed.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error(transparent)]
    Invalid(#[from] TemplateError),
    #[error("The template name is empty.")]
    NoName,
    #[error("database error")]
    Db(#[from] sqlx::Error),
}

/// Creates or replaces the template `key`, after checking it. Nothing is stored when it is refused.
pub async fn save(
    db: &mut sqlx::PgConnection,
    key: &str,
    name: &str,
    subject: &str,
    body: &str,
    updated_by: Option<crate::domain::UserId>,
) -> Result<uuid::Uuid, SaveError> {
    let template = EditableTemplate::parse(subject, body)?;
    if name.trim().is_empty() {
        return Err(SaveError::NoName);
    }
    let id = sqlx::query_scalar!(
        "INSERT INTO email_templates (key, name, subject, body_text, updated_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (key) DO UPDATE
            SET name = excluded.name, subject = excluded.subject,
                body_text = excluded.body_text, updated_by = excluded.updated_by
         RETURNING id",
        key,
        name.trim(),
        template.subject(),
        template.body(),
        updated_by.map(crate::domain::UserId::into_uuid),
    )
    .fetch_one(db)
    .await?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Placeholders {
        Placeholders {
            consent_link: "https://candor.example/preferences/abc.def".into(),
            candidate_first_name: "Anna <b>".into(),
            organization: "Northwind & Co".into(),
        }
    }

    #[test]
    fn the_three_placeholders_render_in_text_and_html() {
        let template = EditableTemplate::parse(
            "News from {{ organization }}",
            "Hello {{ candidate_first_name }},\n\nManage your data: {{ consent_link }}.\n\n{{ organization }}",
        )
        .unwrap();
        let out = template.render(&values()).unwrap();
        assert_eq!(out.subject, "News from Northwind & Co");
        assert!(out.text.starts_with(
            "Hello Anna <b>,\n\nManage your data: https://candor.example/preferences/abc.def."
        ));
        assert!(out.html.contains("Hello Anna &lt;b&gt;,"));
        assert!(out.html.contains(
            r#"<a href="https:&#x2f;&#x2f;candor.example&#x2f;preferences&#x2f;abc.def" "#
        ));
        assert!(!out.html.contains("<b>"));
    }

    #[test]
    fn an_unknown_placeholder_is_refused_with_its_name() {
        let err = EditableTemplate::parse("Hi", "Dear {{ candidate_last_name }}").unwrap_err();
        assert_eq!(
            err,
            TemplateError::UnknownPlaceholder {
                part: Part::Body,
                name: "candidate_last_name".into()
            }
        );
        assert!(err.to_string().contains("{{ candidate_last_name }}"));
        assert!(EditableTemplate::parse("{{ secret }}", "ok").is_err());
    }

    #[test]
    fn a_syntax_error_is_refused_with_its_line() {
        let err = EditableTemplate::parse("Hi", "Line one\nHello {{ organization ").unwrap_err();
        match err {
            TemplateError::Syntax { part, line, .. } => {
                assert_eq!(part, Part::Body);
                assert_eq!(line, 2);
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn includes_and_imports_have_nothing_to_load() {
        let template = EditableTemplate::parse("Hi", "{% include 'base.html' %}").unwrap();
        assert!(matches!(
            template.render(&values()),
            Err(TemplateError::Render { .. })
        ));
    }

    #[test]
    fn a_runaway_loop_runs_out_of_fuel() {
        let template = EditableTemplate::parse(
            "Hi",
            "{% for a in organization %}{% for b in organization %}{% for c in organization %}{% for d in organization %}x{% endfor %}{% endfor %}{% endfor %}{% endfor %}",
        )
        .unwrap();
        assert!(matches!(
            template.render(&values()),
            Err(TemplateError::Render { .. })
        ));
    }

    #[test]
    fn empty_and_oversized_parts_are_refused() {
        assert_eq!(
            EditableTemplate::parse("  ", "body"),
            Err(TemplateError::Empty {
                part: Part::Subject
            })
        );
        let long = "x".repeat(MAX_BODY_CHARS + 1);
        assert!(matches!(
            EditableTemplate::parse("Hi", &long),
            Err(TemplateError::TooLong {
                part: Part::Body,
                ..
            })
        ));
    }

    #[test]
    fn urls_become_links_without_trailing_punctuation() {
        let segments = linkify("See https://a.example/x, or http://b.example.");
        let links: Vec<_> = segments.iter().filter_map(|s| s.href.clone()).collect();
        assert_eq!(links, ["https://a.example/x", "http://b.example"]);
        let joined: String = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, "See https://a.example/x, or http://b.example.");
    }

    #[test]
    fn first_names_fall_back_to_a_greeting_word() {
        assert_eq!(first_name("Anna Maria Svensson"), "Anna");
        assert_eq!(first_name("  "), "there");
    }
}
