//! Resolving access and rectification requests (SPEC §7, Art. 15, 16 and 20): the personal data
//! a copy holds, the parts a recruiter may leave out, the readable draft and the machine-readable
//! export of the same data; and the corrections a candidate asked for, beside the current values.

use super::preferences::Corrections;
use super::{text_enum, RequestKind};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Everything personal the organization holds about a candidate, from all their opportunities.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalData {
    pub name: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub skype: Option<String>,
    pub links: Vec<String>,
    pub location: Option<String>,
    pub opportunities: Vec<OpportunityData>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpportunityData {
    /// The posting's title; `None` for a general (sourced) opportunity.
    pub posting: Option<String>,
    pub since: DateTime<Utc>,
    /// (question, answer)
    pub responses: Vec<(String, String)>,
    pub comments: Vec<String>,
}

/// One part of the copy a recruiter may leave out, named by a stable code for forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Part {
    Contact,
    Answers(usize),
    Comments(usize),
}

impl Part {
    pub fn code(self) -> String {
        match self {
            Part::Contact => "contact".into(),
            Part::Answers(i) => format!("answers-{i}"),
            Part::Comments(i) => format!("comments-{i}"),
        }
    }

    pub fn from_code(code: &str) -> Option<Part> {
        match code.split_once('-') {
            None if code == "contact" => Some(Part::Contact),
            Some(("answers", i)) => i.parse().ok().map(Part::Answers),
            Some(("comments", i)) => i.parse().ok().map(Part::Comments),
            _ => None,
        }
    }
}

impl PersonalData {
    /// The parts that hold something, in reading order.
    pub fn parts(&self) -> Vec<Part> {
        let mut parts = vec![Part::Contact];
        for (i, o) in self.opportunities.iter().enumerate() {
            if !o.responses.is_empty() {
                parts.push(Part::Answers(i));
            }
            if !o.comments.is_empty() {
                parts.push(Part::Comments(i));
            }
        }
        parts
    }

    /// The machine-readable copy (Art. 20) of the included parts: a stable, documented shape.
    pub fn export(
        &self,
        included: &[Part],
        organization: &str,
        at: DateTime<Utc>,
    ) -> serde_json::Value {
        use serde_json::json;
        let has = |p: Part| included.contains(&p);
        let opportunities: Vec<serde_json::Value> = self
            .opportunities
            .iter()
            .enumerate()
            .filter(|(i, _)| has(Part::Answers(*i)) || has(Part::Comments(*i)))
            .map(|(i, o)| {
                let mut entry = json!({ "posting": o.posting, "since": o.since });
                if has(Part::Answers(i)) {
                    entry["application_responses"] = o
                        .responses
                        .iter()
                        .map(|(q, a)| json!({ "question": q, "answer": a }))
                        .collect();
                }
                if has(Part::Comments(i)) {
                    entry["application_comments"] = json!(o.comments);
                }
                entry
            })
            .collect();
        let mut export = json!({
            "format": "candor.personal-data.v1",
            "organization": organization,
            "exported_at": at,
            "opportunities": opportunities,
        });
        if has(Part::Contact) {
            export["candidate"] = json!({
                "name": self.name,
                "emails": self.emails,
                "phones": self.phones,
                "skype": self.skype,
                "links": self.links,
                "location": self.location,
            });
        }
        export
    }
}

/// A field a candidate may ask to have corrected, in the order the form shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CorrectionField {
    Name,
    Email,
    Phone,
    Location,
    Links,
}
text_enum!(CorrectionField {
    Name => "name",
    Email => "email",
    Phone => "phone",
    Location => "location",
    Links => "links",
});

impl CorrectionField {
    /// The permission applying a correction of this field needs: contact details decide where
    /// Candor writes, so changing them is a profile manager's call.
    pub fn permission_to_apply(self) -> Option<super::roles::Permission> {
        match self {
            CorrectionField::Email | CorrectionField::Phone => {
                Some(super::roles::Permission::ManageProfiles)
            }
            CorrectionField::Name | CorrectionField::Location | CorrectionField::Links => None,
        }
    }
}

/// The values a correction replaces: the name, the primary email, the first phone number, the
/// location and the links.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentValues {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub location: Option<String>,
    pub links: Vec<String>,
}

/// One asked-for correction, beside the value on file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionRow {
    pub field: CorrectionField,
    pub current: Option<String>,
    pub requested: String,
    /// The value on file already is the requested one.
    pub applied: bool,
}

/// The corrections the candidate asked for, each beside its current value. Links are compared
/// as a list; emails regardless of case.
pub fn correction_rows(asked: &Corrections, current: &CurrentValues) -> Vec<CorrectionRow> {
    let links = |l: &[String]| l.join("\n");
    let pairs = [
        (
            CorrectionField::Name,
            Some(current.name.clone()),
            asked.name.clone(),
        ),
        (
            CorrectionField::Email,
            current.email.clone(),
            asked.email.clone(),
        ),
        (
            CorrectionField::Phone,
            current.phone.clone(),
            asked.phone.clone(),
        ),
        (
            CorrectionField::Location,
            current.location.clone(),
            asked.location.clone(),
        ),
        (
            CorrectionField::Links,
            (!current.links.is_empty()).then(|| links(&current.links)),
            (!asked.links.is_empty()).then(|| links(&asked.links)),
        ),
    ];
    pairs
        .into_iter()
        .filter_map(|(field, current, requested)| {
            let requested = requested?;
            let applied = match (&current, field) {
                (Some(c), CorrectionField::Email) => c.eq_ignore_ascii_case(&requested),
                (Some(c), _) => *c == requested,
                (None, _) => false,
            };
            Some(CorrectionRow {
                field,
                current,
                requested,
                applied,
            })
        })
        .collect()
}

/// How "Mark as resolved" closes a request of this kind; erasure is resolved only by
/// anonymizing, so it has none.
pub fn manual_resolution(kind: RequestKind) -> Option<&'static str> {
    match kind {
        RequestKind::Access => Some("data_sent"),
        RequestKind::Rectification | RequestKind::Restriction | RequestKind::Objection => {
            Some("updated")
        }
        RequestKind::Erasure => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn contact_corrections_need_a_profile_manager() {
        use crate::domain::Permission;
        let needs: Vec<_> = CorrectionField::ALL
            .iter()
            .filter(|f| f.permission_to_apply() == Some(Permission::ManageProfiles))
            .collect();
        assert_eq!(needs, [&CorrectionField::Email, &CorrectionField::Phone]);
    }

    fn ada() -> PersonalData {
        let since = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        PersonalData {
            name: "Ada Lovelace".into(),
            emails: vec!["ada@example.com".into()],
            phones: vec!["+44 20 7946 0958".into()],
            skype: None,
            links: vec!["https://ada.dev".into()],
            location: Some("London".into()),
            opportunities: vec![
                OpportunityData {
                    posting: Some("Engineer".into()),
                    since,
                    responses: vec![("Why us?".into(), "Engines".into())],
                    comments: vec![],
                },
                OpportunityData {
                    posting: None,
                    since,
                    responses: vec![],
                    comments: vec!["Cover letter".into()],
                },
            ],
        }
    }

    #[test]
    fn parts_are_the_contact_details_and_each_nonempty_answer_and_comment_set() {
        let parts = ada().parts();
        assert_eq!(parts, [Part::Contact, Part::Answers(0), Part::Comments(1)]);
        for part in parts {
            assert_eq!(Part::from_code(&part.code()), Some(part));
        }
        for junk in ["", "answers", "answers-x", "contact-1", "other-1"] {
            assert_eq!(Part::from_code(junk), None, "{junk}");
        }
    }

    #[test]
    fn the_export_holds_exactly_the_included_parts() {
        let at = Utc.with_ymd_and_hms(2026, 4, 1, 0, 0, 0).unwrap();
        let all = ada().export(&ada().parts(), "Northwind", at);
        assert_eq!(all["format"], "candor.personal-data.v1");
        assert_eq!(all["candidate"]["emails"][0], "ada@example.com");
        assert_eq!(
            all["opportunities"][0]["application_responses"][0]["answer"],
            "Engines"
        );
        assert_eq!(
            all["opportunities"][1]["application_comments"][0],
            "Cover letter"
        );

        let some = ada().export(&[Part::Comments(1)], "Northwind", at);
        assert!(some.get("candidate").is_none());
        assert_eq!(some["opportunities"].as_array().unwrap().len(), 1);
        assert!(some["opportunities"][0]
            .get("application_responses")
            .is_none());
    }

    #[test]
    fn corrections_sit_beside_the_current_values() {
        let current = CurrentValues {
            name: "Ada Lovelase".into(),
            email: Some("ADA@example.com".into()),
            phone: None,
            location: Some("London".into()),
            links: vec![],
        };
        let asked = Corrections {
            name: Some("Ada Lovelace".into()),
            email: Some("ada@example.com".into()),
            phone: Some("+44 1".into()),
            location: None,
            links: vec!["https://ada.dev".into()],
        };
        let rows = correction_rows(&asked, &current);
        let summary: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.field,
                    r.current.as_deref(),
                    r.requested.as_str(),
                    r.applied,
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    CorrectionField::Name,
                    Some("Ada Lovelase"),
                    "Ada Lovelace",
                    false
                ),
                (
                    CorrectionField::Email,
                    Some("ADA@example.com"),
                    "ada@example.com",
                    true
                ),
                (CorrectionField::Phone, None, "+44 1", false),
                (CorrectionField::Links, None, "https://ada.dev", false),
            ]
        );
    }

    #[test]
    fn erasure_is_resolved_only_by_anonymizing() {
        assert_eq!(manual_resolution(RequestKind::Access), Some("data_sent"));
        assert_eq!(
            manual_resolution(RequestKind::Rectification),
            Some("updated")
        );
        assert_eq!(manual_resolution(RequestKind::Erasure), None);
    }
}
