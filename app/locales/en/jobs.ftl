## The job board, a posting and its application form.

jobs-title = Open jobs
jobs-none = There are no open jobs right now. Please check again later.
jobs-all = See all open jobs
job-closed-title = This job is closed
job-closed = This job is no longer taking applications, or the address is incomplete.
apply-heading = Apply for this job
apply-button = Send application
apply-name = Your name
apply-email = Your email address
apply-phone = Your phone number (optional)
apply-resume = Résumé (optional)
apply-resume-help = PDF, Word, OpenDocument, RTF or plain text, up to { $megabytes } MB.
apply-trap = Leave this field empty
apply-your-data = Your data
apply-processing-consent = I agree that { $organization } processes my data to consider me for this job (required to apply).
apply-retention-consent = Keep my data for { $period } after this application ends, so { $organization } can tell me about other jobs (optional).
apply-processing-notice = { $organization } uses what you send here to consider you for this job.
apply-kept-for = { $organization } keeps your data for { $period } after your application ends, then deletes it.
apply-choices-later = At any time, through the personal link in our emails, you can change your choices and ask for a copy of your data, a correction or its removal.
applied = Thank you — your application was received. { $organization } will be in touch by email.

problem-processing-consent = To apply, please tick the box to agree that we process your data for your application.
problem-resume-too-long = Your résumé is larger than { $megabytes } MB. Please upload a smaller file; a PDF is usually smallest.
problem-resume-invalid = Please upload your résumé as a PDF, Word, OpenDocument, RTF or plain-text file.
problem-posting = That job is closed or no longer exists.
error-upload-quota = We can't take more files today from where you are applying. Nothing was sent: apply without a résumé, or try again tomorrow.
