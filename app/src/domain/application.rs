//! Applying to a job post (SPEC §5): what the applicant must give, which consent checkboxes the
//! form shows, and what their ticks record.

use super::lawful_basis::Combination;
use super::{
    lawful_basis::ConsentQuestions,
    preferences::{email_address, phone_number, Field, FieldError, Problem},
    settings::{gdpr_applies, GdprFacts},
    ComplianceMode, ConsentDecision, CountryCode, EmailAddress, GdprScope, Purpose,
};

/// The checkboxes a posting's form shows: consent is asked only where GDPR protects the
/// applicant, judged by the posting's country (the applicant's own is not known yet).
pub fn consent_questions(
    mode: ComplianceMode,
    scope: GdprScope,
    combination: Combination,
    posting_country: Option<CountryCode>,
) -> ConsentQuestions {
    let protected = gdpr_applies(
        mode,
        scope,
        &GdprFacts {
            country: None,
            country_override: None,
            posting_countries: vec![posting_country],
        },
    );
    if protected {
        combination.questions()
    } else {
        ConsentQuestions {
            processing_required: false,
            retention_optional: false,
        }
    }
}

/// The application form as posted (text fields; the résumé travels separately).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplicationForm {
    pub name: String,
    pub email: String,
    pub phone: String,
    /// The answer to the posting's first question (`answer`), then to the others (`answer_1`,
    /// `answer_2`, …), by position; a blank is no answer.
    pub answers: Vec<String>,
    pub processing_consent: bool,
    pub retention_consent: bool,
    /// A field people can't see: only a bot fills it in.
    pub trap: String,
}

/// A valid application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    pub name: String,
    pub email: EmailAddress,
    pub phone: Option<String>,
    /// The answers given, by the position of their question.
    pub answers: Vec<(usize, String)>,
    /// The consent decisions the form asked for, to record with source `job_post`.
    pub decisions: Vec<(Purpose, ConsentDecision)>,
}

/// Why an application was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Invalid(FieldError),
    /// The trap field was filled in: answered as if accepted, and dropped.
    Spam,
}

impl Application {
    pub fn parse(form: &ApplicationForm, questions: ConsentQuestions) -> Result<Self, Refused> {
        if !form.trap.trim().is_empty() {
            return Err(Refused::Spam);
        }
        let invalid = Refused::Invalid;
        let name = Field::Name.required(&form.name).map_err(invalid)?;
        let email = email_address(&form.email).map_err(invalid)?;
        let phone = phone_number(Some(&form.phone)).map_err(invalid)?;
        let mut answers = Vec::new();
        for (at, text) in form.answers.iter().enumerate() {
            if let Some(answer) = Field::Answer.optional(Some(text)).map_err(invalid)? {
                answers.push((at, answer));
            }
        }
        if questions.processing_required && !form.processing_consent {
            return Err(invalid(Field::ProcessingConsent.error(Problem::Required)));
        }
        let mut decisions = Vec::new();
        if questions.processing_required {
            decisions.push((Purpose::Processing, ConsentDecision::Given));
        }
        if questions.retention_optional {
            // Asked and left unticked is a refusal, recorded as such (SPEC §5 marks on it).
            decisions.push((
                Purpose::Retention,
                if form.retention_consent {
                    ConsentDecision::Given
                } else {
                    ConsentDecision::Denied
                },
            ));
        }
        Ok(Self {
            name,
            email,
            phone,
            answers,
            decisions,
        })
    }
}

/// Largest résumé accepted (the database allows no more).
pub const MAX_RESUME_BYTES: usize = 10 * 1024 * 1024;

/// The résumé formats accepted, by file extension, with the media type they are stored under.
/// The extension names the format (browsers report media types inconsistently); the content
/// must then be that format (`Resume::parse`).
pub const RESUME_FORMATS: [(&str, &str); 6] = [
    ("pdf", "application/pdf"),
    ("doc", "application/msword"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("odt", "application/vnd.oasis.opendocument.text"),
    ("rtf", "application/rtf"),
    ("txt", "text/plain"),
];

/// A résumé file that may be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resume {
    pub file_name: String,
    pub media_type: &'static str,
    pub bytes: Vec<u8>,
}

/// How many résumé bytes may be stored in one day, from one client and from everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadQuota {
    pub per_client_bytes: u64,
    pub total_bytes: u64,
}

impl UploadQuota {
    /// Whether the day's totals, this upload included, stay within both allowances.
    pub fn allows(&self, client_bytes_today: u64, total_bytes_today: u64) -> bool {
        client_bytes_today <= self.per_client_bytes && total_bytes_today <= self.total_bytes
    }
}

/// What a zip container holds, as listed from its central directory (nothing decompressed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ZipListing {
    pub names: Vec<String>,
    /// The sum of the sizes the entries claim to unpack to.
    pub unpacked_bytes: u64,
    /// The ODF `mimetype` entry's text (stored uncompressed by the standard), if there is one.
    pub odf_mimetype: Option<String>,
}

/// Most entries a résumé archive may list; Word and OpenDocument files hold a few dozen.
pub const MAX_ZIP_ENTRIES: usize = 2_000;
/// Most a résumé archive may claim to unpack to: far past any real document, far short of a bomb.
pub const MAX_ZIP_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;

/// Whether `bytes` are what `extension` says, judged by content: a PDF header, an OLE2
/// compound file for `.doc`, a zip holding a Word or OpenDocument text for `.docx`/`.odt`,
/// `{\rtf`, or UTF-8 text without control bytes.
pub fn content_matches(extension: &str, bytes: &[u8], zip: Option<&ZipListing>) -> bool {
    const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let sane_zip = |z: &ZipListing| {
        !z.names.is_empty()
            && z.names.len() <= MAX_ZIP_ENTRIES
            && z.unpacked_bytes <= MAX_ZIP_UNPACKED_BYTES
    };
    match extension {
        // PDF readers accept the header within the first kilobyte.
        "pdf" => bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-"),
        "doc" => bytes.starts_with(OLE2),
        "docx" => {
            bytes.starts_with(b"PK\x03\x04")
                && zip.is_some_and(|z| {
                    sane_zip(z) && z.names.iter().any(|n| n == "word/document.xml")
                })
        }
        "odt" => {
            bytes.starts_with(b"PK\x03\x04")
                && zip.is_some_and(|z| {
                    sane_zip(z)
                        && z.odf_mimetype.as_deref().map(str::trim)
                            == Some("application/vnd.oasis.opendocument.text")
                })
        }
        "rtf" => bytes.starts_with(b"{\\rtf"),
        "txt" => std::str::from_utf8(bytes).is_ok_and(|text| {
            text.chars()
                .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        }),
        _ => false,
    }
}

impl Resume {
    /// `None` when no file was chosen: browsers then send an empty part without a file name.
    /// `zip` is the listing of a zip container's entries, for the formats that are one.
    pub fn parse(
        file_name: &str,
        bytes: Vec<u8>,
        zip: Option<&ZipListing>,
    ) -> Result<Option<Self>, FieldError> {
        // Some browsers send the whole local path; only the last part is the file's name.
        let file_name = file_name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or_default()
            .trim();
        if file_name.is_empty() && bytes.is_empty() {
            return Ok(None);
        }
        if bytes.len() > MAX_RESUME_BYTES {
            return Err(Field::Resume.error(Problem::TooLong));
        }
        let extension = file_name
            .rsplit_once('.')
            .map(|(_, ext)| ext.to_ascii_lowercase())
            .unwrap_or_default();
        let media_type = RESUME_FORMATS
            .iter()
            .find(|(ext, _)| *ext == extension)
            .map(|(_, media_type)| *media_type);
        match media_type {
            Some(media_type) if content_matches(&extension, &bytes, zip) => Ok(Some(Self {
                file_name: Field::Resume.required(file_name)?,
                media_type,
                bytes,
            })),
            _ => Err(Field::Resume.error(Problem::Invalid)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::LawfulBasis::*;

    fn combination(n: u8) -> Combination {
        let basis = |consent| {
            if consent {
                ExplicitConsent
            } else {
                LegitimateInterestOrContract
            }
        };
        Combination {
            processing: basis(n >= 3),
            retention: basis(n == 2 || n == 4),
        }
    }

    fn de() -> Option<CountryCode> {
        CountryCode::parse("DE").ok()
    }

    fn form() -> ApplicationForm {
        ApplicationForm {
            name: "Mia Park".into(),
            email: "mia@example.com".into(),
            answers: vec!["I like your mission.".into()],
            ..Default::default()
        }
    }

    #[test]
    fn each_combination_asks_exactly_its_checkboxes_where_gdpr_applies() {
        use ComplianceMode::*;
        use GdprScope::*;
        // combination, processing required, retention optional
        for (n, processing, retention) in [
            (1, false, false),
            (2, false, true),
            (3, true, false),
            (4, true, true),
        ] {
            let q = consent_questions(Gdpr, EuOnly, combination(n), de());
            assert_eq!(
                (q.processing_required, q.retention_optional),
                (processing, retention),
                "combination {n}"
            );
        }
        let none = ConsentQuestions {
            processing_required: false,
            retention_optional: false,
        };
        assert_eq!(
            consent_questions(Gdpr, EuOnly, combination(4), CountryCode::parse("US").ok()),
            none
        );
        assert_eq!(consent_questions(Off, All, combination(4), de()), none);
        assert_eq!(
            consent_questions(Localized, All, combination(4), de()),
            none
        );
        assert_ne!(
            consent_questions(Gdpr, EuAndUnknown, combination(4), None),
            none
        );
    }

    #[test]
    fn processing_consent_is_required_where_asked_and_retention_records_either_way() {
        let both = combination(4).questions();
        assert_eq!(
            Application::parse(&form(), both),
            Err(Refused::Invalid(FieldError {
                field: Field::ProcessingConsent,
                problem: Problem::Required
            }))
        );
        let ticked = ApplicationForm {
            processing_consent: true,
            ..form()
        };
        assert_eq!(
            Application::parse(&ticked, both).unwrap().decisions,
            vec![
                (Purpose::Processing, ConsentDecision::Given),
                (Purpose::Retention, ConsentDecision::Denied)
            ]
        );
        let all = ApplicationForm {
            retention_consent: true,
            ..ticked.clone()
        };
        assert_eq!(
            Application::parse(&all, both).unwrap().decisions,
            vec![
                (Purpose::Processing, ConsentDecision::Given),
                (Purpose::Retention, ConsentDecision::Given)
            ]
        );
        // Nothing asked: nothing recorded, whatever was posted.
        assert!(Application::parse(&all, combination(1).questions())
            .unwrap()
            .decisions
            .is_empty());
    }

    #[test]
    fn contact_details_are_checked_and_a_filled_trap_is_spam() {
        let q = combination(1).questions();
        let bad_email = ApplicationForm {
            email: "mia@localhost".into(),
            ..form()
        };
        assert_eq!(
            Application::parse(&bad_email, q),
            Err(Refused::Invalid(FieldError {
                field: Field::Email,
                problem: Problem::Invalid
            }))
        );
        let no_name = ApplicationForm {
            name: " ".into(),
            ..form()
        };
        assert!(
            matches!(Application::parse(&no_name, q), Err(Refused::Invalid(e)) if e.field == Field::Name)
        );
        let bot = ApplicationForm {
            trap: "http://spam.example".into(),
            ..form()
        };
        assert_eq!(Application::parse(&bot, q), Err(Refused::Spam));
        let bad_phone = ApplicationForm {
            phone: "call me".into(),
            ..form()
        };
        assert!(
            matches!(Application::parse(&bad_phone, q), Err(Refused::Invalid(e)) if e.field == Field::Phone)
        );
        let long_answer = ApplicationForm {
            answers: vec![String::new(), "x".repeat(5001)],
            ..form()
        };
        assert_eq!(
            Application::parse(&long_answer, q),
            Err(Refused::Invalid(FieldError {
                field: Field::Answer,
                problem: Problem::TooLong
            }))
        );
    }

    #[test]
    fn the_upload_quota_holds_per_client_and_in_all() {
        let quota = UploadQuota {
            per_client_bytes: 100,
            total_bytes: 1_000,
        };
        assert!(quota.allows(100, 1_000));
        assert!(!quota.allows(101, 500), "one client past its share");
        assert!(
            !quota.allows(10, 1_001),
            "everyone together past the day's total"
        );
    }

    fn word_listing() -> ZipListing {
        ZipListing {
            names: vec!["[Content_Types].xml".into(), "word/document.xml".into()],
            unpacked_bytes: 40_000,
            odf_mimetype: None,
        }
    }

    #[test]
    fn a_resume_is_a_known_format_within_the_size_limit() {
        let error = |problem| Err(Field::Resume.error(problem));
        assert_eq!(Resume::parse("", Vec::new(), None), Ok(None));
        let pdf = Resume::parse("C:\\Users\\mia\\CV Mia.PDF", b"%PDF-1.7".to_vec(), None)
            .unwrap()
            .unwrap();
        assert_eq!(
            (pdf.file_name.as_str(), pdf.media_type),
            ("CV Mia.PDF", "application/pdf")
        );
        assert_eq!(
            Resume::parse("cv.docx", b"PK\x03\x04rest".to_vec(), Some(&word_listing()))
                .unwrap()
                .unwrap()
                .media_type,
            RESUME_FORMATS[2].1
        );
        assert_eq!(
            Resume::parse("cv.exe", vec![1], None),
            error(Problem::Invalid)
        );
        assert_eq!(Resume::parse("cv", vec![1], None), error(Problem::Invalid));
        assert_eq!(
            Resume::parse("cv.pdf", Vec::new(), None),
            error(Problem::Invalid)
        );
        let mut big = b"%PDF-1.7".to_vec();
        big.resize(MAX_RESUME_BYTES + 1, b' ');
        assert_eq!(
            Resume::parse("cv.pdf", big.clone(), None),
            error(Problem::TooLong)
        );
        big.truncate(MAX_RESUME_BYTES);
        assert!(Resume::parse("cv.pdf", big, None).is_ok());
    }

    #[test]
    fn a_resume_is_judged_by_its_content_not_its_name() {
        let odt = ZipListing {
            names: vec!["mimetype".into(), "content.xml".into()],
            unpacked_bytes: 10_000,
            odf_mimetype: Some("application/vnd.oasis.opendocument.text".into()),
        };
        let bomb = ZipListing {
            unpacked_bytes: MAX_ZIP_UNPACKED_BYTES + 1,
            ..word_listing()
        };
        let zip = b"PK\x03\x04....".as_slice();
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
        // (extension, bytes, listing, accepted)
        let cases: &[(&str, &[u8], Option<&ZipListing>, bool)] = &[
            ("pdf", b"%PDF-1.4 ...", None, true),
            ("pdf", b"\x00\x00junk%PDF-1.4", None, true),
            ("pdf", b"MZ\x90\x00 an executable", None, false),
            ("pdf", b"<html>not a pdf</html>", None, false),
            ("doc", &ole, None, true),
            ("doc", b"%PDF-1.4", None, false),
            ("docx", zip, Some(&word_listing()), true),
            ("docx", zip, Some(&odt), false),
            ("docx", zip, Some(&bomb), false),
            ("docx", zip, None, false),
            ("docx", b"%PDF-1.4", Some(&word_listing()), false),
            ("odt", zip, Some(&odt), true),
            ("odt", zip, Some(&word_listing()), false),
            ("rtf", b"{\\rtf1\\ansi Mia}", None, true),
            ("rtf", b"plain words", None, false),
            ("txt", b"Mia Park\nEngineer\t2020-2026\n", None, true),
            ("txt", b"MZ\x90\x00\x03\x00", None, false),
            ("txt", &[0xff, 0xfe, 0x00], None, false),
        ];
        for (extension, bytes, listing, accepted) in cases {
            assert_eq!(
                content_matches(extension, bytes, *listing),
                *accepted,
                "{extension}: {bytes:?}"
            );
        }
        let too_many = ZipListing {
            names: vec!["word/document.xml".into(); MAX_ZIP_ENTRIES + 1],
            ..word_listing()
        };
        assert!(!content_matches("docx", zip, Some(&too_many)));
    }
}
