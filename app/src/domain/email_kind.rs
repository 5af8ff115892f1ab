//! The kinds of email Candor sends, and which of them a "stop contacting me" stops.

use super::text_enum;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EmailKind {
    OwnerAlert,
    CandidateConfirmation,
    AccessPackage,
    RecruiterMessage,
    Nurture,
    GdprNotice,
    ExtensionNotice,
    RefusalNotice,
    FreshLink,
    DueSoonAlert,
    OverdueAlert,
    OverdueEscalation,
    AdminDigest,
    /// To a corrected address not yet confirmed: the link that confirms it.
    EmailConfirmation,
    /// To a colleague: the one-time link that sets their first password.
    TeamInvitation,
    /// To a colleague: the one-time link that sets a new password.
    PasswordReset,
    /// To the admins: a webhook delivery failed for good.
    WebhookFailing,
    /// To the admins: a webhook endpoint failing for days was turned off.
    WebhookDisabled,
}
text_enum!(EmailKind {
    OwnerAlert => "owner_alert",
    CandidateConfirmation => "candidate_confirmation",
    AccessPackage => "access_package",
    RecruiterMessage => "recruiter_message",
    Nurture => "nurture",
    GdprNotice => "gdpr_notice",
    ExtensionNotice => "extension_notice",
    RefusalNotice => "refusal_notice",
    FreshLink => "fresh_link",
    DueSoonAlert => "due_soon_alert",
    OverdueAlert => "overdue_alert",
    OverdueEscalation => "overdue_escalation",
    AdminDigest => "admin_digest",
    EmailConfirmation => "email_confirmation",
    TeamInvitation => "team_invitation",
    PasswordReset => "password_reset",
    WebhookFailing => "webhook_failing",
    WebhookDisabled => "webhook_disabled",
});

impl EmailKind {
    /// Outreach the candidate can stop: revoking consent or contact, or asking for erasure,
    /// cancels these when still waiting. Answers to the candidate's own requests and legal
    /// notices are not outreach and still go.
    pub fn is_outreach(self) -> bool {
        matches!(self, EmailKind::RecruiterMessage | EmailKind::Nurture)
    }

    /// Sent to the candidate (and so carries the one-click unsubscribe headers).
    pub fn to_candidate(self) -> bool {
        !matches!(
            self,
            EmailKind::OwnerAlert
                | EmailKind::DueSoonAlert
                | EmailKind::OverdueAlert
                | EmailKind::OverdueEscalation
                | EmailKind::AdminDigest
                | EmailKind::TeamInvitation
                | EmailKind::PasswordReset
                | EmailKind::WebhookFailing
                | EmailKind::WebhookDisabled
        )
    }

    /// The kinds [`is_outreach`](Self::is_outreach) selects, as stored, for SQL `= ANY($1)`.
    pub fn outreach_kinds() -> Vec<String> {
        Self::ALL
            .iter()
            .filter(|k| k.is_outreach())
            .map(|k| k.as_str().to_owned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_outreach_is_stoppable_and_team_alerts_are_not_to_candidates() {
        assert_eq!(
            EmailKind::outreach_kinds(),
            ["recruiter_message", "nurture"]
        );
        assert!(EmailKind::CandidateConfirmation.to_candidate());
        assert!(!EmailKind::CandidateConfirmation.is_outreach());
        assert!(!EmailKind::OwnerAlert.to_candidate());
        for kind in EmailKind::ALL {
            assert_eq!(kind.as_str().parse::<EmailKind>().unwrap(), *kind);
        }
    }
}
