## The candidate's pages: preferences, unsubscribe, bad and fresh links, email confirmation.
## English is the source: every other locale has exactly these messages, attributes and
## variables (a test holds them to it). Selectors take the values the code passes:
##   $purpose: processing, retention, contact
##   $kind: access, rectification, erasure, restriction, objection
##   $state: given, revoked, unasked
##   $status: open, resolved, refused, withdrawn
##   $unit: years, months, days

## Every candidate page
skip-link = Skip to content
language-label = Language
language-submit = Change language
privacy-policy = Privacy policy
data-protection-contact = Questions about your data: { $contact }
period = { $unit ->
    [years] { $n ->
        [one] { $n } year
       *[other] { $n } years
    }
    [months] { $n ->
        [one] { $n } month
       *[other] { $n } months
    }
   *[days] { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
}

## The preferences page
prefs-title = Your data preferences
prefs-intro = { $organization } uses Candor to handle the personal data you shared when applying or being considered for a job. Here you decide how it may be used, and you can ask for a copy, a correction or its removal.
prefs-legitimate-interest = { $organization } processes your data for its recruiting on the basis of its legitimate interest: to consider you for the role you applied to and similar ones. You may object at any time by stopping contact below or asking for removal.
prefs-country-policy = The data-protection policy for { $country } applies to you: your data is kept for { $period } after your application ends.
prefs-personal-link = This page is reached through your personal link. Please don't forward it: anyone with the link can change your choices.

consent-heading = Your consent
purpose-title = { $purpose ->
    [processing] Considering you for jobs
    [retention] Keeping your data for future jobs
   *[contact] Contact about future jobs
}
purpose-explanation = { $purpose ->
    [processing] { $organization } uses your application, résumé and interview notes to consider you for the roles you applied to.
    [retention] After your application ends, { $organization } keeps your data for { $period } to contact you about other roles that may fit. Without this consent it is deleted once your application ends.
   *[contact] { $organization } may email you about future jobs that may suit you.
}
consent-state = { $state ->
    [given] Consent given
    [revoked] Consent not provided or revoked
   *[unasked] Not yet asked
}
consent-give = { $purpose ->
    [processing] Give consent: considering you for jobs
    [retention] Give consent: keeping your data for future jobs
   *[contact] Give consent: contact about future jobs
}
consent-revoke = { $purpose ->
    [processing] Revoke consent: considering you for jobs
    [retention] Revoke consent: keeping your data for future jobs
   *[contact] Revoke consent: contact about future jobs
}

contact-heading = Contact about future jobs
contact-allowed = You may currently be contacted about future jobs.
contact-stopped = You asked not to be contacted about future jobs.
contact-stop = Stop contacting me about future jobs
contact-allow = You may contact me again

requests-heading = Ask about your data
access-title = Send me a copy of my data
access-text = You'll receive the personal data held about you by email, with a machine-readable file.
rectification-title = Update my information
rectification-text = Tell us what is wrong. Fill in only the values you want corrected.
erasure-title = Remove my personal data
erasure-deleted = Your name, contact details, résumé, application answers and messages will be deleted.
erasure-applications-end = Any application you have in progress will end: you won't be considered for those roles.
erasure-no-contact = You won't be contacted about future jobs; this takes effect as soon as you ask.
erasure-record-kept = A record that you asked, and when it was done, is kept without your personal data, as the law requires.
erasure-continue = Continue to removal
erasure-confirm-question = Are you sure? Removal cannot be undone once your data is deleted.
erasure-confirm = Yes, remove my personal data
cancel = Cancel
submit-request = Send request

field-note = What should be corrected?
field-name = Correct name
field-email = Correct email address
field-phone = Correct phone number
field-location = Correct location
field-links = Correct links (one per line)

history-heading = Your requests
no-requests = You haven't made any requests yet.
earlier-requests = Earlier requests →
recent-requests = ← Most recent requests
request-pages-label = More of your requests
column-request = Request
column-received = Received
column-due = Due
column-state = State
column-action = Action
request-kind = { $kind ->
    [access] Copy of my data
    [rectification] Correction
    [erasure] Removal
    [restriction] Restriction
   *[objection] Objection
}
request-status = { $status ->
    [open] In progress
    [resolved] Done
    [refused] Refused
   *[withdrawn] Withdrawn
}
withdraw-button = Withdraw
withdraw-label = { $kind ->
    [access] Withdraw your request for a copy of your personal data
    [rectification] Withdraw your request for a correction of your personal data
    [erasure] Withdraw your request for the removal of your personal data
    [restriction] Withdraw your request for a restriction of the use of your data
   *[objection] Withdraw your objection to the use of your data
}
due-by = { $organization } will answer by { $date }.

## What an action answers
request-received = { $kind ->
    [access] We received your request for a copy of your personal data.
    [rectification] We received your request to correct your personal data.
    [erasure] We received your request to remove your personal data. You won't be contacted about future jobs.
    [restriction] We received your request to restrict the use of your data.
   *[objection] We received your objection to the use of your data.
}
request-already-open = { $kind ->
    [access] You already asked for a copy of your personal data, and we are working on it (see Your requests below). Nothing new was sent.
    [rectification] You already asked for a correction of your personal data, and we are working on it (see Your requests below). Nothing new was sent.
    [erasure] You already asked for the removal of your personal data, and we are working on it (see Your requests below). Nothing new was sent.
    [restriction] You already asked for a restriction of the use of your data, and we are working on it (see Your requests below). Nothing new was sent.
   *[objection] You already objected to the use of your data, and we are working on it (see Your requests below). Nothing new was sent.
}
request-withdrawn = { $kind ->
    [access] You withdrew your request for a copy of your personal data: we won't act on it. You can ask again at any time.
    [rectification] You withdrew your request for a correction of your personal data: we won't act on it. You can ask again at any time.
    [erasure] You withdrew your request for the removal of your personal data: we won't act on it. You can ask again at any time.
    [restriction] You withdrew your request for a restriction of the use of your data: we won't act on it. You can ask again at any time.
   *[objection] You withdrew your objection to the use of your data: we won't act on it. You can object again at any time.
}
consent-given = { $purpose ->
    [processing] Thank you: you gave your consent to considering you for jobs.
    [retention] Thank you: you gave your consent to keeping your data for future jobs.
   *[contact] You may be contacted about future jobs again.
}
consent-revoked = { $purpose ->
    [processing] You revoked your consent to considering you for jobs.
    [retention] You revoked your consent to keeping your data for future jobs.
   *[contact] You won't be contacted about future jobs. Emails already scheduled have been cancelled.
}
consent-unchanged = Nothing needed to change: your choice was already recorded.
language-changed = This page is now in English.

## What went wrong
error-link-retired = Your personal data has been deleted.
error-rate-limited = You sent many requests in a short time. Please wait a minute, then try again.
error-bad-form = This form could not be read, so nothing was changed. Please reload the page and send it again.
error-request-closed = This request is already closed: nothing was changed.
error-not-found = There is nothing here. It may have been removed, or the address is incomplete.
error-unavailable = Something went wrong on our side and nothing was changed. Please try again in a few minutes.
problem-note-required = Please describe what should be corrected, or fill in at least one corrected value.
problem-confirm = Please confirm that you want your data removed.
problem-email-required = Please enter your email address.
problem-email-invalid = Please enter the email address like name@example.com.
problem-phone-invalid = Please enter the phone number with digits only (spaces, +, - and brackets are fine).
problem-links-invalid = Please enter each link as a full web address starting with https://.
# $field is one of the field-object messages below.
problem-required = Please fill in { $field }.
problem-too-long = Please shorten { $field }: at most { $max } characters.
problem-check = Please check { $field }.
field-object = { $field ->
    [note] your note
    [name] the name
    [email] the email address
    [phone] the phone number
    [location] the location
    [answer] your answer
   *[links] the links
}

## Links that don't work, and a fresh one
link-invalid-title = This link isn't valid
link-invalid-text = The link may have expired, been replaced by a newer one, or been copied only in part. Your data and choices are unchanged.
link-retired = This link is no longer active. { $organization } has deleted your personal data.
fresh-link-title = Send me a fresh link
fresh-link-text = Enter the email address you used with the recruiting team. If it is known, we'll email a new personal link to it.
fresh-link-label = Your email address
fresh-link-submit = Email me a fresh link
fresh-link-sent = Thank you. If this address is known to us, a new link is on its way. It can take a few minutes; check your spam folder too.
fresh-link-bad-email = Please enter an email address like name@example.com.

## Unsubscribe
unsubscribe-title = Stop emails about future jobs
unsubscribe-text = Press the button and { $organization } won't contact you about future jobs. Replies about your own applications and requests still reach you.
unsubscribe-button = Stop contacting me
unsubscribed = Done: you won't be contacted about future jobs.
more-choices = See all your data choices
more-choices-elsewhere = Your other data choices are on your personal page, linked from any email we send you.

## Confirming a corrected email address
confirm-email-title = Confirm your email address
confirm-email-text = You asked { $organization } to write to you at { $email } from now on. Please confirm that this address is yours.
confirm-email-button = Yes, this is my address
email-confirmed = Thank you: { $organization } will write to you at { $email } from now on.
confirm-link-invalid = This confirmation link isn't valid any more. The address we had for you is unchanged; ask us again if it still needs correcting.
