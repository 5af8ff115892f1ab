//! Property tests over everything that reads input from outside: candidate links and every
//! public form's parser. Whatever arrives, each answers Ok or a typed refusal, never a panic.
//! The test command runs a short round; `scripts/fuzz.sh` runs 100,000 inputs each
//! (`PROPTEST_CASES`).

use crate::core::links::{KeyRing, PREFERENCES, UNSUBSCRIBE};
use crate::domain::{
    application::{content_matches, Application, ApplicationForm, Resume, ZipListing},
    lawful_basis::ConsentQuestions,
    preferences::{Rectification, RectificationForm},
    EmailAddress,
};
use proptest::prelude::*;

fn ring() -> KeyRing {
    KeyRing::parse("k1:AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=").unwrap()
}

/// Text as forms receive it: anything, and things close to what the parsers look for.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,80}",
        "[a-zA-Z0-9.+_-]{0,20}@[a-zA-Z0-9.-]{0,20}",
        "(https?|ftp|javascript)://[ -~]{0,40}",
        "[\\PC\\n\\r\\t]{0,300}",
    ]
}

proptest! {
    #[test]
    fn link_verification_never_panics(token in any::<String>()) {
        let _ = ring().verify(&token);
        let _ = ring().verify_for(&token, &[PREFERENCES, UNSUBSCRIBE]);
    }

    #[test]
    fn a_mutated_link_never_verifies_as_someone_else(
        position in any::<prop::sample::Index>(),
        replacement in any::<char>(),
    ) {
        let candidate = "0b6a4d1e-8f58-4d8e-9a1c-3f2e5d6c7b8a".parse().unwrap();
        let token = ring().sign(candidate, chrono::Utc::now(), chrono::Duration::days(30));
        let mut chars: Vec<char> = token.chars().collect();
        let at = position.index(chars.len());
        chars[at] = replacement;
        let mutated: String = chars.into_iter().collect();
        if let Ok(verified) = ring().verify(&mutated) {
            prop_assert_eq!(verified, candidate, "a forged link named someone else");
        }
    }

    #[test]
    fn email_parsing_never_panics_and_is_canonical(raw in field()) {
        if let Ok(email) = EmailAddress::parse(&raw) {
            prop_assert_eq!(email.as_str(), email.as_str().to_lowercase());
            prop_assert!(!email.as_str().contains(['<', '>', '[', ' ', '"']));
            prop_assert_eq!(EmailAddress::parse(email.as_str()), Ok(email.clone()));
        }
    }

    #[test]
    fn the_rectification_form_never_panics(
        note in proptest::option::of(field()),
        name in proptest::option::of(field()),
        email in proptest::option::of(field()),
        phone in proptest::option::of(field()),
        location in proptest::option::of(field()),
        links in proptest::option::of(field()),
    ) {
        let _ = Rectification::parse(&RectificationForm {
            note: note.as_deref(),
            name: name.as_deref(),
            email: email.as_deref(),
            phone: phone.as_deref(),
            location: location.as_deref(),
            links: links.as_deref(),
        });
    }

    #[test]
    fn the_application_form_never_panics(
        name in field(), email in field(), phone in field(),
        answers in proptest::collection::vec(field(), 0..12), trap in field(),
        processing_consent in any::<bool>(), retention_consent in any::<bool>(),
        processing_required in any::<bool>(), retention_optional in any::<bool>(),
    ) {
        let form = ApplicationForm {
            name, email, phone, answers, processing_consent, retention_consent, trap,
        };
        let questions = ConsentQuestions { processing_required, retention_optional };
        let _ = Application::parse(&form, questions);
    }

    #[test]
    fn the_resume_check_never_panics(
        file_name in field(),
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
        names in proptest::collection::vec(field(), 0..8),
        unpacked_bytes in any::<u64>(),
        odf_mimetype in proptest::option::of(field()),
    ) {
        let listing = ZipListing { names, unpacked_bytes, odf_mimetype };
        let _ = Resume::parse(&file_name, bytes.clone(), Some(&listing));
        for extension in ["pdf", "doc", "docx", "odt", "rtf", "txt", "exe"] {
            let _ = content_matches(extension, &bytes, None);
        }
    }
}
