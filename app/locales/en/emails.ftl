## The emails a candidate receives. Text and HTML parts say the same sentences.
## $kind: access, rectification, erasure, restriction, objection

email-hello = Hello,
email-hello-name = Hello { $name },
email-personal-link = This link is personal: please don't forward it.
email-open-preferences = Open my data preferences

## A request or a choice, confirmed
confirmation-request-subject = { $organization }: we received your request
confirmation-choice-subject = { $organization }: your choice is recorded
confirmation-due = { $organization } will answer by { $date }.
confirmation-page = You can see the state of your requests and change your choices at any time on your data-preferences page:

## A fresh link
fresh-link-email-subject = Your data-preferences link for { $organization }
fresh-link-email-asked = You (or someone who typed your address) asked for a new link to your data-preferences page at { $organization }:
fresh-link-email-what = There you can give or withdraw consent, stop being contacted about future jobs, and ask for a copy, a correction or the removal of your data.
fresh-link-email-ignore = If you didn't ask for this, you can ignore this email. The link is personal: please don't forward it.

## The notice to a candidate the team added (Art. 14)
gdpr-notice-subject = How { $organization } uses your personal data
gdpr-notice-added = { $organization } has added your details (such as your name, contact details and work history) to its recruiting system, to consider you for current and future roles.
gdpr-notice-kept = We keep them for { $period } unless you ask us to remove them sooner.
gdpr-notice-decide = You decide how we may use them. On your personal data-preferences page you can give or withdraw consent, stop us contacting you, and ask for a copy, a correction or the removal of your data:
gdpr-notice-privacy-policy = Our privacy policy: { $url }

## A request's answer takes longer, or is refused
extension-subject = We need more time to answer your request — new date { $date }
extension-body = { $kind ->
    [access] On { $received } you asked { $organization } for a copy of your personal data. We need more time to answer it properly, and will answer by { $new } instead of { $old }.
    [rectification] On { $received } you asked { $organization } for a correction of your personal data. We need more time to answer it properly, and will answer by { $new } instead of { $old }.
    [erasure] On { $received } you asked { $organization } for the removal of your personal data. We need more time to answer it properly, and will answer by { $new } instead of { $old }.
    [restriction] On { $received } you asked { $organization } for a restriction of the use of your data. We need more time to answer it properly, and will answer by { $new } instead of { $old }.
   *[objection] On { $received } you objected to { $organization }'s use of your data. We need more time to answer it properly, and will answer by { $new } instead of { $old }.
}
extension-why = Why: { $reason }
extension-follow = You can follow your request on your data-preferences page:
extension-button = Follow my request
refusal-subject = About your request to { $organization }
refusal-body = { $kind ->
    [access] On { $received } you asked { $organization } for a copy of your personal data. We can't do this, for the following reason:
    [rectification] On { $received } you asked { $organization } for a correction of your personal data. We can't do this, for the following reason:
    [erasure] On { $received } you asked { $organization } for the removal of your personal data. We can't do this, for the following reason:
    [restriction] On { $received } you asked { $organization } for a restriction of the use of your data. We can't do this, for the following reason:
   *[objection] On { $received } you objected to { $organization }'s use of your data. We can't uphold your objection, for the following reason:
}
refusal-complaint = If you disagree, you can lodge a complaint with a data-protection supervisory authority and seek a remedy before the courts.
refusal-page = Your data-preferences page:

## Confirming a corrected address
address-confirm-subject = Please confirm your email address for { $organization }
address-confirm-asked = You asked { $organization } to correct the email address we hold for you to this one. Before we write to it, please confirm that it is yours:
address-confirm-until = Until you confirm, we keep writing to the address we had. The link works for 7 days.
address-confirm-ignore = If you didn't ask for this, you can ignore this email: nothing will change.
address-confirm-button = Confirm my email address
