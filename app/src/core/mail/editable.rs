//! Admin-editable email templates (`email_templates`, SPEC §2): checked when saved, rendered in a
//! sandbox when sent.
//!
//! Admins write plain text with three placeholders and, at most, `{% if placeholder %}` …
//! `{% else %}` … `{% endif %}`. Nothing else is accepted: no `set`, loop, filter, operator or
//! string, so what a template renders is never more than its own text with the placeholders
//! filled in, and a hostile one cannot make the renderer allocate without end. The sandbox also
//! has no loader (no `include`, no `import`), limits its work (fuel) and its output, and knows no
//! other variable. The HTML part is made from the text: escaped, in paragraphs, with links made
//! clickable.

use super::{render_file, Rendered};
use minijinja::{Environment, UndefinedBehavior};
use regex::Regex;
use serde::Serialize;
use std::fmt;
use std::sync::LazyLock;

/// The only names a template may use.
pub const PLACEHOLDERS: [&str; 3] = ["consent_link", "candidate_first_name", "organization"];

pub use crate::domain::outreach::{MAX_BODY_CHARS, MAX_SUBJECT_CHARS};

/// How much a template may compute when rendered (minijinja fuel): ample for text with a few
/// conditions, far too little for a runaway loop.
const FUEL: u64 = 20_000;

/// The longest rendered part: a body of the longest allowed text, its placeholders filled.
pub const MAX_RENDERED_CHARS: usize = 100_000;

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
    #[error(
        "The {part} uses {found} on line {line}. Templates may use only {{{{ consent_link }}}}, \
         {{{{ candidate_first_name }}}}, {{{{ organization }}}} and {{% if … %}} … {{% endif %}}."
    )]
    Unsupported {
        part: Part,
        line: usize,
        found: String,
    },
    #[error("The {part} would make an email too long to send (over {max} characters).")]
    TooMuchOutput { part: Part, max: usize },
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
            check_constructs(part, source)?;
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
        let template = Self {
            subject: subject.trim().to_owned(),
            body: body.to_owned(),
        };
        // The same bounded render the send path runs, with the longest values a real email has.
        template.render(&Placeholders::longest())?;
        Ok(template)
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
            let out =
                env.render_str(source, values_ctx.clone())
                    .map_err(|e| TemplateError::Render {
                        part,
                        detail: e.detail().unwrap_or("it does too much work").to_owned(),
                    })?;
            if out.chars().count() > MAX_RENDERED_CHARS {
                return Err(TemplateError::TooMuchOutput {
                    part,
                    max: MAX_RENDERED_CHARS,
                });
            }
            Ok(out)
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

impl Placeholders {
    /// Values as long as real ones get: a consent link, a long first name, a long organization.
    fn longest() -> Self {
        Self {
            consent_link: format!("https://candor.example.com/preferences/{}", "x".repeat(400)),
            candidate_first_name: "x".repeat(100),
            organization: "x".repeat(200),
        }
    }
}

/// Refuses every tag but `{{ name }}`, `{% if name %}` / `{% if not name %}`, `{% elif … %}`,
/// `{% else %}`, `{% endif %}` and comments (whitespace-control dashes allowed). The names are
/// checked afterwards against the placeholders.
fn check_constructs(part: Part, source: &str) -> Result<(), TemplateError> {
    static EXPRESSION: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[-+]?\s*[A-Za-z_][A-Za-z0-9_]*\s*[-+]?$").expect("valid"));
    static STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[-+]?\s*(?:(?:if|elif)\s+(?:not\s+)?[A-Za-z_][A-Za-z0-9_]*|else|endif)\s*[-+]?$",
        )
        .expect("valid")
    });
    let mut rest = source;
    while let Some(start) = rest.find('{') {
        let tail = &rest[start..];
        let (close, pattern) = if tail.starts_with("{{") {
            ("}}", Some(&*EXPRESSION))
        } else if tail.starts_with("{%") {
            ("%}", Some(&*STATEMENT))
        } else if tail.starts_with("{#") {
            ("#}", None)
        } else {
            rest = &tail[1..];
            continue;
        };
        let end = tail[2..].find(close).map(|i| i + 2).unwrap_or(tail.len());
        let inner = &tail[2..end];
        if pattern.is_some_and(|p| !p.is_match(inner)) {
            let line = source[..source.len() - tail.len()].matches('\n').count() + 1;
            let found: String = tail[..(end + 2).min(tail.len())].chars().take(40).collect();
            return Err(TemplateError::Unsupported { part, line, found });
        }
        rest = &tail[(end + 2).min(tail.len())..];
    }
    Ok(())
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

/// A template's version in another language, checked as a template is. An empty subject and
/// body remove the version (the default one is sent again). Returns the template's id.
pub async fn save_version(
    db: &mut sqlx::PgConnection,
    key: &str,
    locale: crate::domain::locale::Locale,
    subject: &str,
    body: &str,
    updated_by: Option<crate::domain::UserId>,
) -> Result<Option<uuid::Uuid>, SaveError> {
    if subject.trim().is_empty() && body.trim().is_empty() {
        return Ok(sqlx::query_scalar!(
            "DELETE FROM email_template_versions v USING email_templates t
              WHERE v.template_id = t.id AND t.key = $1 AND v.locale = $2
          RETURNING t.id",
            key,
            locale.as_str(),
        )
        .fetch_optional(db)
        .await?);
    }
    let template = EditableTemplate::parse(subject, body)?;
    Ok(sqlx::query_scalar!(
        "INSERT INTO email_template_versions (template_id, locale, subject, body_text, updated_by)
         SELECT id, $2, $3, $4, $5 FROM email_templates WHERE key = $1
         ON CONFLICT (template_id, locale) DO UPDATE
            SET subject = excluded.subject, body_text = excluded.body_text,
                updated_by = excluded.updated_by
         RETURNING template_id",
        key,
        locale.as_str(),
        template.subject(),
        template.body(),
        updated_by.map(crate::domain::UserId::into_uuid),
    )
    .fetch_optional(db)
    .await?)
}

/// The subject and body of the template `key` a candidate reading `locale` is sent: its version
/// in that language, else the default one. None: no such template.
pub async fn in_language(
    db: &mut sqlx::PgConnection,
    key: &str,
    locale: crate::domain::locale::Locale,
) -> Result<Option<(String, String)>, sqlx::Error> {
    Ok(sqlx::query!(
        r#"SELECT coalesce(v.subject, t.subject) AS "subject!", coalesce(v.body_text, t.body_text) AS "body!"
             FROM email_templates t
             LEFT JOIN email_template_versions v ON v.template_id = t.id AND v.locale = $2
            WHERE t.key = $1"#,
        key,
        locale.as_str(),
    )
    .fetch_optional(db)
    .await?
    .map(|t| (t.subject, t.body)))
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
    fn includes_imports_loops_sets_and_filters_are_refused_with_their_line() {
        for (body, found) in [
            ("{% include 'base.html' %}", "{% include 'base.html' %}"),
            ("{% import 'x' as y %}", "{% import 'x' as y %}"),
            (
                "Hi\n{% for a in organization %}x{% endfor %}",
                "{% for a in organization %}",
            ),
            (
                "{% set a = organization %}{{ a }}",
                "{% set a = organization %}",
            ),
            ("{{ organization|upper }}", "{{ organization|upper }}"),
            (
                "{{ organization ~ organization }}",
                "{{ organization ~ organization }}",
            ),
            ("{{ 'x' * 100 }}", "{{ 'x' * 100 }}"),
            ("{% raw %}{{ x }}{% endraw %}", "{% raw %}"),
        ] {
            match EditableTemplate::parse("Hi", body) {
                Err(TemplateError::Unsupported { found: f, line, .. }) => {
                    assert_eq!(f, found, "{body}");
                    assert_eq!(line, if body.starts_with("Hi\n") { 2 } else { 1 });
                }
                other => panic!("{body}: expected a refusal, got {other:?}"),
            }
        }
    }

    #[test]
    fn conditions_and_comments_on_placeholders_are_fine() {
        let template = EditableTemplate::parse(
            "Hi",
            "{# greeting #}{% if candidate_first_name -%}Hello {{- candidate_first_name }}{% elif not organization %}Hi{% else %}Hello{% endif %}, {{organization}}",
        )
        .unwrap();
        assert!(template
            .render(&values())
            .unwrap()
            .text
            .starts_with("Hello"));
    }

    /// The body that, stored unchecked, made every email that used it fail: each line doubles.
    pub(super) fn doubling_body() -> String {
        let mut body = String::from("{% set a = organization %}\n");
        for _ in 0..40 {
            body.push_str("{% set a = a ~ a %}\n");
        }
        body.push_str("{{ a }}");
        body
    }

    #[test]
    fn the_doubling_template_is_refused_before_anything_renders_it() {
        assert!(matches!(
            EditableTemplate::parse("Hi", &doubling_body()),
            Err(TemplateError::Unsupported { line: 1, .. })
        ));
    }

    /// Runs the doubling body through the check and the sandbox in a child process limited to
    /// 512 MB of address space: if a future change (or a template engine upgrade) let it render,
    /// the child runs out of memory and this test fails, instead of the machine running out.
    #[test]
    fn the_doubling_template_stays_bounded_under_a_memory_limit() {
        if std::env::var_os("CANDOR_MEMORY_LIMITED").is_some() {
            // Everything a server does with a template: save-time checks, then the send path.
            let parsed = EditableTemplate::parse("Hi", &doubling_body());
            assert!(parsed.is_err(), "the check refuses it");
            // And the engine itself, should the check ever let such a body through.
            let values = minijinja::Value::from(minijinja::value::Serde(values()));
            assert!(sandbox().render_str(&doubling_body(), values).is_err());
            return;
        }
        let exe = std::env::current_exe().unwrap();
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(r#"ulimit -v 524288 && exec "$0" "$@""#)
            .arg(exe)
            .args([
                "--exact",
                "mail::editable::tests::the_doubling_template_stays_bounded_under_a_memory_limit",
                "--test-threads=1",
            ])
            .env("CANDOR_MEMORY_LIMITED", "1")
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "the bounded render failed: {status}");
    }

    #[test]
    fn output_past_the_limit_is_refused() {
        let body = "{{ consent_link }}".repeat(MAX_BODY_CHARS / 18);
        assert!(matches!(
            EditableTemplate::parse("Hi", &body),
            Err(TemplateError::TooMuchOutput {
                part: Part::Body,
                ..
            })
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
