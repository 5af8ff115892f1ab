//! The candidate surfaces in the candidate's language: Fluent messages (`app/locales/<tag>/*.ftl`,
//! compiled in) and ICU4X dates, all on the server. Candidate pages are server HTML (their one
//! island carries no text), so no translation ships to the browser and none of this is in the
//! WASM.
//!
//! Fluent rather than leptos_i18n: its messages are full sentences with selectors, so a
//! translator writes each case as their language says it (German nouns keep their capitals, a
//! plural follows the locale's CLDR rules) instead of the code gluing fragments together; and it
//! renders where the page renders, which here is only the server.

use crate::domain::error::AppError;
use crate::domain::locale::Locale;
use crate::domain::preferences::{ConsentState, Field, Notice, Problem};
use crate::domain::{Purpose, RequestKind, RequestStatus};
use fluent_bundle::{concurrent::FluentBundle, FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

/// Every message file, per locale, in the order they are added to the locale's bundle.
pub const SOURCES: &[(Locale, &str, &str)] = &[
    (
        Locale::En,
        "candidate.ftl",
        include_str!("../../locales/en/candidate.ftl"),
    ),
    (
        Locale::En,
        "emails.ftl",
        include_str!("../../locales/en/emails.ftl"),
    ),
    (
        Locale::En,
        "jobs.ftl",
        include_str!("../../locales/en/jobs.ftl"),
    ),
    (
        Locale::De,
        "candidate.ftl",
        include_str!("../../locales/de/candidate.ftl"),
    ),
    (
        Locale::De,
        "emails.ftl",
        include_str!("../../locales/de/emails.ftl"),
    ),
    (
        Locale::De,
        "jobs.ftl",
        include_str!("../../locales/de/jobs.ftl"),
    ),
    (
        Locale::Fr,
        "candidate.ftl",
        include_str!("../../locales/fr/candidate.ftl"),
    ),
    (
        Locale::Fr,
        "emails.ftl",
        include_str!("../../locales/fr/emails.ftl"),
    ),
    (
        Locale::Fr,
        "jobs.ftl",
        include_str!("../../locales/fr/jobs.ftl"),
    ),
    (
        Locale::Es,
        "candidate.ftl",
        include_str!("../../locales/es/candidate.ftl"),
    ),
    (
        Locale::Es,
        "emails.ftl",
        include_str!("../../locales/es/emails.ftl"),
    ),
    (
        Locale::Es,
        "jobs.ftl",
        include_str!("../../locales/es/jobs.ftl"),
    ),
    (
        Locale::It,
        "candidate.ftl",
        include_str!("../../locales/it/candidate.ftl"),
    ),
    (
        Locale::It,
        "emails.ftl",
        include_str!("../../locales/it/emails.ftl"),
    ),
    (
        Locale::It,
        "jobs.ftl",
        include_str!("../../locales/it/jobs.ftl"),
    ),
    (
        Locale::Nl,
        "candidate.ftl",
        include_str!("../../locales/nl/candidate.ftl"),
    ),
    (
        Locale::Nl,
        "emails.ftl",
        include_str!("../../locales/nl/emails.ftl"),
    ),
    (
        Locale::Nl,
        "jobs.ftl",
        include_str!("../../locales/nl/jobs.ftl"),
    ),
];

struct Catalog {
    bundle: FluentBundle<FluentResource>,
    dates: icu_datetime::FixedCalendarDateTimeFormatter<
        icu_calendar::Gregorian,
        icu_datetime::fieldsets::YMD,
    >,
}

static CATALOGS: LazyLock<Vec<(Locale, Catalog)>> = LazyLock::new(|| {
    Locale::ALL
        .iter()
        .chain([&Locale::Pseudo])
        .map(|&l| (l, catalog(l)))
        .collect()
});

fn catalog(locale: Locale) -> Catalog {
    let tag = locale.as_str();
    let id: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Pages and emails are all left-to-right: no isolation marks around placeables.
    bundle.set_use_isolating(false);
    // The pseudo-locale is the English messages, lengthened.
    let sources = if locale == Locale::Pseudo {
        bundle.set_transform(Some(pseudo));
        Locale::En
    } else {
        locale
    };
    for (_, file, source) in SOURCES.iter().filter(|(l, ..)| *l == sources) {
        // A file that fails to parse keeps its good messages; the locale test fails on it.
        let resource =
            FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, errors)| {
                tracing::error!(
                    locale = tag,
                    file,
                    errors = errors.len(),
                    "message file has syntax errors"
                );
                r
            });
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(
                locale = tag,
                file,
                errors = errors.len(),
                "message file repeats a message"
            );
        }
    }
    // English dates in the British order the pages always used: "23 November 2026".
    let date_locale = if matches!(locale, Locale::En | Locale::Pseudo) {
        "en-GB"
    } else {
        tag
    };
    let date_locale: icu_locale_core::Locale = date_locale
        .parse()
        .expect("every locale's tag is valid BCP 47");
    let dates = icu_datetime::FixedCalendarDateTimeFormatter::try_new(
        date_locale.into(),
        icu_datetime::fieldsets::YMD::long(),
    )
    .expect("compiled CLDR data has long dates for every locale");
    Catalog { bundle, dates }
}

/// English text 40 % longer, its letters accented so that an untranslated string stands out:
/// "Send request" becomes "Šéñd ŕéqûéšt ·····". Fluent applies it to the messages' own text,
/// never to what fills their placeholders (a name, a date).
fn pseudo(text: &str) -> std::borrow::Cow<'_, str> {
    const FROM: &str = "aceinorsuyzACEINORSUYZ";
    const TO: &str = "àçéîñöŕšûýžÀÇÉÎÑÖŔŠÛÝŽ";
    let mut out: String = text
        .chars()
        .map(|c| {
            FROM.find(c)
                .and_then(|i| TO.chars().nth(FROM[..i].chars().count()))
                .unwrap_or(c)
        })
        .collect();
    let letters = text.chars().filter(|c| !c.is_whitespace()).count();
    let extra = (letters * 2).div_ceil(5);
    // Padding in short words, so it wraps as a longer language would.
    let padding: Vec<String> = (0..extra)
        .step_by(5)
        .map(|start| "·".repeat((extra - start).min(5)))
        .collect();
    if !padding.is_empty() {
        out.push(' ');
        out.push_str(&padding.join(" "));
    }
    std::borrow::Cow::Owned(out)
}

fn catalog_of(locale: Locale) -> &'static Catalog {
    let catalogs = &*CATALOGS;
    catalogs
        .iter()
        .find(|(l, _)| *l == locale)
        .map(|(_, c)| c)
        .unwrap_or(&catalogs[0].1)
}

/// A message argument: text, or a number (which picks the plural form).
pub enum Arg<'a> {
    Text(&'a str),
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(text)
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<i32> for Arg<'_> {
    fn from(n: i32) -> Self {
        Arg::Number(n.into())
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// The words of one locale. `Copy`: pass it down to every component of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    locale: Locale,
}

impl Tr {
    pub const fn new(locale: Locale) -> Tr {
        Tr { locale }
    }

    pub fn locale(self) -> Locale {
        self.locale
    }

    /// A message without arguments.
    pub fn t(self, id: &str) -> String {
        self.t_with(id, &[])
    }

    /// A message with its arguments. A message this locale lacks (the locale test makes that a
    /// bug caught before release) is taken from English rather than shown as its id.
    pub fn t_with(self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(*text),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let args = (!args.is_empty()).then_some(&fluent_args);
        for locale in [self.locale, Locale::En] {
            let bundle = &catalog_of(locale).bundle;
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                tracing::error!(id, locale = locale.as_str(), "message missing");
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::error!(id, locale = locale.as_str(), errors = ?errors, "message arguments missing");
            }
            return text.into_owned();
        }
        id.to_owned()
    }

    /// A day as this locale writes it in full: "23. November 2026", "23 de noviembre de 2026".
    pub fn date(self, at: chrono::DateTime<chrono::Utc>) -> String {
        use chrono::Datelike;
        let day =
            icu_calendar::Date::try_new_gregorian(at.year(), at.month() as u8, at.day() as u8)
                .expect("a chrono date is a valid Gregorian date");
        catalog_of(self.locale).dates.format(&day).to_string()
    }

    /// A period as people say it: "2 Jahre", "18 mois", "45 días".
    pub fn period(self, days: i32) -> String {
        use crate::domain::preferences::Period;
        let (unit, n) = match Period::of_days(days) {
            Period::Years(n) => ("years", n),
            Period::Months(n) => ("months", n),
            Period::Days(n) => ("days", n),
        };
        self.t_with("period", &[("unit", unit.into()), ("n", n.into())])
    }
}

/// The largest résumé, in whole megabytes, as forms and errors state it.
pub const RESUME_MEGABYTES: usize = crate::domain::application::MAX_RESUME_BYTES / (1024 * 1024);

/// The selector values messages branch on (`app/locales/en/candidate.ftl` lists them).
impl Tr {
    pub fn purpose_title(self, purpose: Purpose) -> String {
        self.t_with("purpose-title", &[("purpose", purpose.as_str().into())])
    }

    pub fn request_kind(self, kind: RequestKind) -> String {
        self.t_with("request-kind", &[("kind", kind.as_str().into())])
    }

    pub fn request_status(self, status: RequestStatus) -> String {
        self.t_with("request-status", &[("status", status.as_str().into())])
    }

    pub fn consent_state(self, state: ConsentState) -> String {
        let state = match state {
            ConsentState::Given => "given",
            ConsentState::NotProvidedOrRevoked => "revoked",
            ConsentState::NotYetAsked => "unasked",
        };
        self.t_with("consent-state", &[("state", state.into())])
    }

    /// What an action on a candidate page answers.
    pub fn notice(self, notice: &Notice) -> String {
        let kind =
            |id: &str, kind: &RequestKind| self.t_with(id, &[("kind", kind.as_str().into())]);
        match notice {
            Notice::Changed { purpose, allowed } => self.t_with(
                if *allowed {
                    "consent-given"
                } else {
                    "consent-revoked"
                },
                &[("purpose", purpose.as_str().into())],
            ),
            Notice::Unchanged => self.t("consent-unchanged"),
            Notice::RequestReceived(k) => kind("request-received", k),
            Notice::RequestAlreadyOpen(k) => kind("request-already-open", k),
            Notice::Withdrawn(k) => kind("request-withdrawn", k),
            Notice::LanguageChanged => self.t("language-changed"),
            Notice::Failed(error) => self.error(error),
        }
    }

    /// What went wrong, for a candidate. The errors only the team's pages can meet keep their
    /// English wording (`text::error_message`).
    pub fn error(self, error: &AppError) -> String {
        match error {
            AppError::Invalid(e) => self.field_problem(e.field, e.problem),
            AppError::LinkInvalid => self.t("link-invalid-text"),
            AppError::LinkRetired => self.t("error-link-retired"),
            AppError::RateLimited => self.t("error-rate-limited"),
            AppError::BadForm => self.t("error-bad-form"),
            AppError::RequestClosed => self.t("error-request-closed"),
            AppError::NotFound => self.t("error-not-found"),
            AppError::Unavailable => self.t("error-unavailable"),
            AppError::UploadQuota => self.t("error-upload-quota"),
            other => super::error_message(other),
        }
    }

    fn field_problem(self, field: Field, problem: Problem) -> String {
        let id = match (field, problem) {
            (Field::Note, Problem::Required) => return self.t("problem-note-required"),
            (Field::Confirm, _) => return self.t("problem-confirm"),
            (Field::Email, Problem::Required) => return self.t("problem-email-required"),
            (Field::Email, Problem::Invalid) => return self.t("problem-email-invalid"),
            (Field::Phone, Problem::Invalid) => return self.t("problem-phone-invalid"),
            (Field::Links, Problem::Invalid) => return self.t("problem-links-invalid"),
            (Field::ProcessingConsent, _) => return self.t("problem-processing-consent"),
            (Field::Resume, Problem::TooLong) => {
                return self.t_with(
                    "problem-resume-too-long",
                    &[("megabytes", RESUME_MEGABYTES.into())],
                )
            }
            (Field::Resume, _) => return self.t("problem-resume-invalid"),
            (Field::Posting, _) => return self.t("problem-posting"),
            (_, Problem::Required) => "problem-required",
            (_, Problem::TooLong) => "problem-too-long",
            (_, _) => "problem-check",
        };
        let object = match field {
            Field::Note
            | Field::Name
            | Field::Email
            | Field::Phone
            | Field::Location
            | Field::Links => self.t_with("field-object", &[("field", field.as_str().into())]),
            // Not a field of a candidate's form: the team's wording.
            other => return super::field_problem(other, problem),
        };
        self.t_with(
            id,
            &[
                ("field", object.as_str().into()),
                ("max", field.max_chars().into()),
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};

    /// Each message's shape: its attributes, the variables it uses and the selector keys it
    /// branches on (a locale may add plural keys its grammar needs, never drop the source's).
    #[derive(Debug, Default, PartialEq)]
    struct Shape {
        attributes: BTreeSet<String>,
        variables: BTreeSet<String>,
        keys: BTreeSet<String>,
    }

    fn shapes(source: &str) -> BTreeMap<String, Shape> {
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("syntax errors: {errors:?}"));
        let mut out = BTreeMap::new();
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut shape = Shape::default();
                if let Some(value) = &message.value {
                    walk(value, &mut shape);
                }
                for attribute in &message.attributes {
                    shape.attributes.insert(attribute.id.name.to_owned());
                    walk(&attribute.value, &mut shape);
                }
                let id = message.id.name.to_owned();
                assert!(
                    out.insert(id.clone(), shape).is_none(),
                    "{id} appears twice"
                );
            }
        }
        out
    }

    fn walk(pattern: &ast::Pattern<&str>, shape: &mut Shape) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_of(expression, shape);
            }
        }
    }

    fn expression_of(expression: &ast::Expression<&str>, shape: &mut Shape) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline(selector, shape);
                for variant in variants {
                    if let ast::VariantKey::Identifier { name } = &variant.key {
                        // Plural categories are the locale's own; the named cases are ours.
                        if !["zero", "one", "two", "few", "many", "other"].contains(name) {
                            shape.keys.insert((*name).to_owned());
                        }
                    }
                    walk(&variant.value, shape);
                }
            }
            ast::Expression::Inline(inline_expression) => inline(inline_expression, shape),
        }
    }

    fn inline(expression: &ast::InlineExpression<&str>, shape: &mut Shape) {
        match expression {
            ast::InlineExpression::VariableReference { id } => {
                shape.variables.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => expression_of(expression, shape),
            _ => {}
        }
    }

    fn source(locale: Locale, file: &str) -> &'static str {
        SOURCES
            .iter()
            .find(|(l, f, _)| *l == locale && *f == file)
            .map(|(_, _, s)| *s)
            .unwrap_or_else(|| panic!("{locale} has no {file}"))
    }

    #[test]
    fn every_locale_has_every_message_of_the_source_with_the_same_placeholders() {
        let mut problems = Vec::new();
        for (_, file, _) in SOURCES.iter().filter(|(l, ..)| *l == Locale::En) {
            let english = shapes(source(Locale::En, file));
            for &locale in Locale::ALL.iter().filter(|l| **l != Locale::En) {
                let translated = shapes(source(locale, file));
                for (id, shape) in &english {
                    match translated.get(id) {
                        None => problems.push(format!("{locale}/{file}: {id} is missing")),
                        Some(other) if other != shape => problems.push(format!(
                            "{locale}/{file}: {id} differs: {other:?}, the source has {shape:?}"
                        )),
                        Some(_) => {}
                    }
                }
                for id in translated.keys().filter(|id| !english.contains_key(*id)) {
                    problems.push(format!("{locale}/{file}: {id} is not in the source"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn every_locale_file_lists_each_file_of_the_source() {
        for &locale in Locale::ALL {
            let files: BTreeSet<&str> = SOURCES
                .iter()
                .filter(|(l, ..)| *l == locale)
                .map(|(_, f, _)| *f)
                .collect();
            let english: BTreeSet<&str> = SOURCES
                .iter()
                .filter(|(l, ..)| *l == Locale::En)
                .map(|(_, f, _)| *f)
                .collect();
            assert_eq!(files, english, "{locale}");
        }
    }

    #[test]
    fn every_message_formats_without_errors_in_every_locale() {
        for &(locale, file, source) in SOURCES {
            let bundle = &catalog_of(locale).bundle;
            for (id, shape) in shapes(source) {
                let message = bundle.get_message(&id).expect("added");
                let pattern = message.value().expect("every message has a value");
                // Each variable with each of the selector keys the source branches on, and a
                // count of 2 (`n`, `max`).
                let keys: Vec<String> = shape.keys.iter().cloned().chain(["x".into()]).collect();
                for key in &keys {
                    let mut args = FluentArgs::new();
                    for variable in &shape.variables {
                        if ["n", "max"].contains(&variable.as_str()) {
                            args.set(variable.clone(), 2);
                        } else {
                            args.set(variable.clone(), key.clone());
                        }
                    }
                    let mut errors = Vec::new();
                    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                    assert!(errors.is_empty(), "{locale}/{file} {id}: {errors:?}");
                    assert!(!text.trim().is_empty(), "{locale}/{file} {id} is empty");
                }
            }
        }
    }

    #[test]
    fn every_message_the_code_asks_for_is_in_the_source() {
        let english: BTreeMap<String, Shape> = SOURCES
            .iter()
            .filter(|(l, ..)| *l == Locale::En)
            .flat_map(|(_, _, s)| shapes(s))
            .collect();
        // `tr.t("id")`, `tr.t_with("id", …)` in the code, `t(locale, "id", …)` in email templates.
        let call =
            regex::Regex::new(r#"(?:\.t(?:_with)?\(\s*|\bt\(locale, )"([a-z0-9-]+)""#).unwrap();
        let mut missing = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path
                    .extension()
                    .is_some_and(|e| ["rs", "txt", "html", "subject"].iter().any(|x| e == *x))
                {
                    let code = std::fs::read_to_string(&path).unwrap();
                    // Comments may show a call by example.
                    let code: String = code
                        .lines()
                        .filter(|l| !l.trim_start().starts_with("//"))
                        .collect::<Vec<_>>()
                        .join("\n");
                    for id in call.captures_iter(&code).map(|c| c[1].to_owned()) {
                        if !english.contains_key(&id) {
                            missing.push(format!("{}: {id}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "messages missing from the source: {missing:?}"
        );
    }

    #[test]
    fn the_pseudo_locale_is_english_forty_percent_longer() {
        let english = Tr::new(Locale::En).t("submit-request");
        let pseudo = Tr::new(Locale::Pseudo).t("submit-request");
        assert_eq!(english, "Send request");
        assert!(pseudo.starts_with("Šéñd ŕéqûéšt ·····"), "{pseudo}");
        let length = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
        assert!(length(&pseudo) * 10 >= length(&english) * 14, "{pseudo}");
        // What fills a placeholder stays as it is.
        let due = Tr::new(Locale::Pseudo).t_with(
            "due-by",
            &[("organization", "Acme".into()), ("date", "1 May".into())],
        );
        assert!(due.contains("Acme") && due.contains("1 May"), "{due}");
    }

    #[test]
    fn plurals_follow_each_locale() {
        assert_eq!(Tr::new(Locale::En).period(1), "1 day");
        assert_eq!(Tr::new(Locale::En).period(730), "2 years");
        assert_eq!(Tr::new(Locale::De).period(730), "2 Jahre");
        assert_eq!(Tr::new(Locale::De).period(365), "1 Jahr");
        assert_eq!(Tr::new(Locale::Fr).period(180), "6 mois");
        assert_eq!(Tr::new(Locale::Es).period(45), "45 días");
        assert_eq!(Tr::new(Locale::It).period(1), "1 giorno");
        assert_eq!(Tr::new(Locale::Nl).period(90), "3 maanden");
    }

    #[test]
    fn dates_are_written_in_each_locales_long_form() {
        let at = chrono::Utc
            .with_ymd_and_hms(2026, 11, 23, 12, 0, 0)
            .unwrap();
        let date = |l| Tr::new(l).date(at);
        assert_eq!(date(Locale::En), "23 November 2026");
        assert_eq!(date(Locale::De), "23. November 2026");
        assert_eq!(date(Locale::Fr), "23 novembre 2026");
        assert_eq!(date(Locale::Es), "23 de noviembre de 2026");
        assert_eq!(date(Locale::It), "23 novembre 2026");
        assert_eq!(date(Locale::Nl), "23 november 2026");
    }

    #[test]
    fn arguments_fill_the_message_without_isolation_marks() {
        let text = Tr::new(Locale::De).t_with(
            "due-by",
            &[("organization", "Acme".into()), ("date", "1. Mai".into())],
        );
        assert!(text.contains("Acme") && text.contains("1. Mai"), "{text}");
        assert!(!text.contains('\u{2068}'), "{text:?}");
    }
}
