## E-Mails an Bewerberinnen und Bewerber. Quelle: ../en/emails.ftl

email-hello = Guten Tag,
email-hello-name = Guten Tag { $name },
email-personal-link = Dieser Link ist persönlich: Bitte leiten Sie ihn nicht weiter.
email-open-preferences = Meine Datenschutzeinstellungen öffnen

## Eine Anfrage oder Entscheidung, bestätigt
confirmation-request-subject = { $organization }: Wir haben Ihre Anfrage erhalten
confirmation-choice-subject = { $organization }: Ihre Entscheidung ist gespeichert
confirmation-due = { $organization } antwortet bis zum { $date }.
confirmation-page = Den Stand Ihrer Anfragen sehen und Ihre Entscheidungen ändern können Sie jederzeit auf Ihrer Seite mit den Datenschutzeinstellungen:

## Ein neuer Link
fresh-link-email-subject = Ihr Link zu Ihren Datenschutzeinstellungen bei { $organization }
fresh-link-email-asked = Sie (oder jemand, der Ihre Adresse eingegeben hat) haben einen neuen Link zu Ihrer Seite mit den Datenschutzeinstellungen bei { $organization } angefordert:
fresh-link-email-what = Dort können Sie Ihre Einwilligung erteilen oder widerrufen, die Kontaktaufnahme zu künftigen Stellen beenden und eine Kopie, eine Berichtigung oder die Löschung Ihrer Daten verlangen.
fresh-link-email-ignore = Wenn Sie das nicht angefordert haben, können Sie diese E-Mail ignorieren. Der Link ist persönlich: Bitte leiten Sie ihn nicht weiter.

## Die Information an eine vom Team erfasste Person (Art. 14)
gdpr-notice-subject = Wie { $organization } Ihre personenbezogenen Daten verwendet
gdpr-notice-added = { $organization } hat Ihre Angaben (etwa Ihren Namen, Ihre Kontaktdaten und Ihren beruflichen Werdegang) in das Recruiting-System aufgenommen, um Sie für aktuelle und künftige Stellen zu berücksichtigen.
gdpr-notice-kept = Wir speichern sie { $period } lang, sofern Sie nicht früher ihre Löschung verlangen.
gdpr-notice-decide = Sie entscheiden, wie wir sie verwenden dürfen. Auf Ihrer persönlichen Seite mit den Datenschutzeinstellungen können Sie Ihre Einwilligung erteilen oder widerrufen, die Kontaktaufnahme beenden und eine Kopie, eine Berichtigung oder die Löschung Ihrer Daten verlangen:
gdpr-notice-privacy-policy = Unsere Datenschutzerklärung: { $url }

## Die Antwort auf eine Anfrage dauert länger oder wird abgelehnt
extension-subject = Wir brauchen mehr Zeit für die Antwort auf Ihre Anfrage – neues Datum { $date }
extension-body = { $kind ->
    [access] Am { $received } haben Sie { $organization } um eine Kopie Ihrer personenbezogenen Daten gebeten. Wir brauchen mehr Zeit, um die Anfrage sorgfältig zu beantworten, und antworten bis zum { $new } statt bis zum { $old }.
    [rectification] Am { $received } haben Sie { $organization } um die Berichtigung Ihrer personenbezogenen Daten gebeten. Wir brauchen mehr Zeit, um die Anfrage sorgfältig zu beantworten, und antworten bis zum { $new } statt bis zum { $old }.
    [erasure] Am { $received } haben Sie { $organization } um die Löschung Ihrer personenbezogenen Daten gebeten. Wir brauchen mehr Zeit, um die Anfrage sorgfältig zu beantworten, und antworten bis zum { $new } statt bis zum { $old }.
    [restriction] Am { $received } haben Sie { $organization } um die Einschränkung der Verarbeitung Ihrer Daten gebeten. Wir brauchen mehr Zeit, um die Anfrage sorgfältig zu beantworten, und antworten bis zum { $new } statt bis zum { $old }.
   *[objection] Am { $received } haben Sie der Verarbeitung Ihrer Daten durch { $organization } widersprochen. Wir brauchen mehr Zeit, um den Widerspruch sorgfältig zu beantworten, und antworten bis zum { $new } statt bis zum { $old }.
}
extension-why = Grund: { $reason }
extension-follow = Ihre Anfrage können Sie auf Ihrer Seite mit den Datenschutzeinstellungen verfolgen:
extension-button = Meine Anfrage verfolgen
refusal-subject = Zu Ihrer Anfrage an { $organization }
refusal-body = { $kind ->
    [access] Am { $received } haben Sie { $organization } um eine Kopie Ihrer personenbezogenen Daten gebeten. Das können wir aus folgendem Grund nicht tun:
    [rectification] Am { $received } haben Sie { $organization } um die Berichtigung Ihrer personenbezogenen Daten gebeten. Das können wir aus folgendem Grund nicht tun:
    [erasure] Am { $received } haben Sie { $organization } um die Löschung Ihrer personenbezogenen Daten gebeten. Das können wir aus folgendem Grund nicht tun:
    [restriction] Am { $received } haben Sie { $organization } um die Einschränkung der Verarbeitung Ihrer Daten gebeten. Das können wir aus folgendem Grund nicht tun:
   *[objection] Am { $received } haben Sie der Verarbeitung Ihrer Daten durch { $organization } widersprochen. Diesem Widerspruch können wir aus folgendem Grund nicht stattgeben:
}
refusal-complaint = Wenn Sie damit nicht einverstanden sind, können Sie sich bei einer Datenschutz-Aufsichtsbehörde beschweren und einen gerichtlichen Rechtsbehelf einlegen.
refusal-page = Ihre Seite mit den Datenschutzeinstellungen:

## Eine berichtigte Adresse bestätigen
address-confirm-subject = Bitte bestätigen Sie Ihre E-Mail-Adresse für { $organization }
address-confirm-asked = Sie haben { $organization } gebeten, die bei uns gespeicherte E-Mail-Adresse in diese zu ändern. Bevor wir an sie schreiben, bestätigen Sie bitte, dass sie Ihnen gehört:
address-confirm-until = Bis zu Ihrer Bestätigung schreiben wir weiter an die bisherige Adresse. Der Link ist 7 Tage gültig.
address-confirm-ignore = Wenn Sie das nicht veranlasst haben, können Sie diese E-Mail ignorieren: Es ändert sich nichts.
address-confirm-button = Meine E-Mail-Adresse bestätigen
