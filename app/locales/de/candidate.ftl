## Die Seiten für Bewerberinnen und Bewerber. Quelle: ../en/candidate.ftl

## Jede Seite
skip-link = Zum Inhalt springen
language-label = Sprache
language-submit = Sprache wechseln
privacy-policy = Datenschutzerklärung
data-protection-contact = Fragen zu Ihren Daten: { $contact }
period = { $unit ->
    [years] { $n ->
        [one] { $n } Jahr
       *[other] { $n } Jahre
    }
    [months] { $n ->
        [one] { $n } Monat
       *[other] { $n } Monate
    }
   *[days] { $n ->
        [one] { $n } Tag
       *[other] { $n } Tage
    }
}

## Die Seite mit Ihren Datenschutzeinstellungen
prefs-title = Ihre Datenschutzeinstellungen
prefs-intro = { $organization } verwaltet mit Candor die personenbezogenen Daten, die Sie bei Ihrer Bewerbung oder bei der Prüfung für eine Stelle übermittelt haben. Hier entscheiden Sie, wie sie verwendet werden dürfen, und Sie können eine Kopie, eine Berichtigung oder ihre Löschung verlangen.
prefs-legitimate-interest = { $organization } verarbeitet Ihre Daten für die Personalgewinnung auf der Grundlage berechtigter Interessen: um Sie für die Stelle, auf die Sie sich beworben haben, und für ähnliche Stellen zu berücksichtigen. Sie können jederzeit Widerspruch einlegen, indem Sie unten die Kontaktaufnahme beenden oder die Löschung verlangen.
prefs-country-policy = Für Sie gilt die Datenschutzrichtlinie für { $country }: Ihre Daten werden nach Abschluss Ihrer Bewerbung { $period } lang gespeichert.
prefs-personal-link = Diese Seite erreichen Sie über Ihren persönlichen Link. Bitte leiten Sie ihn nicht weiter: Jede Person mit diesem Link kann Ihre Einstellungen ändern.

consent-heading = Ihre Einwilligung
purpose-title = { $purpose ->
    [processing] Berücksichtigung für Stellen
    [retention] Speicherung Ihrer Daten für künftige Stellen
   *[contact] Kontaktaufnahme zu künftigen Stellen
}
purpose-explanation = { $purpose ->
    [processing] { $organization } verwendet Ihre Bewerbung, Ihren Lebenslauf und Notizen aus Gesprächen, um Sie für die Stellen zu berücksichtigen, auf die Sie sich beworben haben.
    [retention] Nach Abschluss Ihrer Bewerbung speichert { $organization } Ihre Daten { $period } lang, um Sie auf andere passende Stellen anzusprechen. Ohne diese Einwilligung werden sie gelöscht, sobald Ihre Bewerbung abgeschlossen ist.
   *[contact] { $organization } darf Ihnen E-Mails zu künftigen Stellen senden, die zu Ihnen passen könnten.
}
consent-state = { $state ->
    [given] Einwilligung erteilt
    [revoked] Einwilligung nicht erteilt oder widerrufen
   *[unasked] Noch nicht gefragt
}
consent-give = { $purpose ->
    [processing] Einwilligen: Berücksichtigung für Stellen
    [retention] Einwilligen: Speicherung Ihrer Daten für künftige Stellen
   *[contact] Einwilligen: Kontaktaufnahme zu künftigen Stellen
}
consent-revoke = { $purpose ->
    [processing] Einwilligung widerrufen: Berücksichtigung für Stellen
    [retention] Einwilligung widerrufen: Speicherung Ihrer Daten für künftige Stellen
   *[contact] Einwilligung widerrufen: Kontaktaufnahme zu künftigen Stellen
}

contact-heading = Kontaktaufnahme zu künftigen Stellen
contact-allowed = Sie dürfen derzeit zu künftigen Stellen kontaktiert werden.
contact-stopped = Sie haben darum gebeten, nicht zu künftigen Stellen kontaktiert zu werden.
contact-stop = Nicht mehr zu künftigen Stellen kontaktieren
contact-allow = Sie dürfen mich wieder kontaktieren

requests-heading = Anfragen zu Ihren Daten
access-title = Kopie meiner Daten senden
access-text = Sie erhalten die über Sie gespeicherten personenbezogenen Daten per E-Mail, mit einer maschinenlesbaren Datei (Recht auf Auskunft).
rectification-title = Meine Angaben berichtigen
rectification-text = Teilen Sie uns mit, was nicht stimmt. Füllen Sie nur die Angaben aus, die berichtigt werden sollen (Recht auf Berichtigung).
erasure-title = Meine personenbezogenen Daten löschen
erasure-deleted = Ihr Name, Ihre Kontaktdaten, Ihr Lebenslauf, Ihre Antworten aus der Bewerbung und Ihre Nachrichten werden gelöscht.
erasure-applications-end = Laufende Bewerbungen enden: Sie werden für diese Stellen nicht mehr berücksichtigt.
erasure-no-contact = Sie werden nicht mehr zu künftigen Stellen kontaktiert; das gilt ab dem Moment Ihrer Anfrage.
erasure-record-kept = Ein Nachweis, dass Sie die Löschung verlangt haben und wann sie erfolgt ist, wird ohne Ihre personenbezogenen Daten aufbewahrt, wie es das Gesetz verlangt.
erasure-continue = Weiter zur Löschung
erasure-confirm-question = Sind Sie sicher? Die Löschung kann nicht rückgängig gemacht werden, sobald Ihre Daten gelöscht sind.
erasure-confirm = Ja, meine personenbezogenen Daten löschen
cancel = Abbrechen
submit-request = Anfrage senden

field-note = Was soll berichtigt werden?
field-name = Richtiger Name
field-email = Richtige E-Mail-Adresse
field-phone = Richtige Telefonnummer
field-location = Richtiger Wohnort
field-links = Richtige Links (einer pro Zeile)

history-heading = Ihre Anfragen
no-requests = Sie haben noch keine Anfragen gestellt.
earlier-requests = Frühere Anfragen →
recent-requests = ← Neueste Anfragen
request-pages-label = Weitere Anfragen
column-request = Anfrage
column-received = Eingegangen
column-due = Frist
column-state = Stand
column-action = Aktion
request-kind = { $kind ->
    [access] Auskunft
    [rectification] Berichtigung
    [erasure] Löschung
    [restriction] Einschränkung der Verarbeitung
   *[objection] Widerspruch
}
request-status = { $status ->
    [open] In Bearbeitung
    [resolved] Erledigt
    [refused] Abgelehnt
   *[withdrawn] Zurückgezogen
}
withdraw-button = Zurückziehen
withdraw-label = { $kind ->
    [access] Ihre Anfrage auf Auskunft zurückziehen
    [rectification] Ihre Anfrage auf Berichtigung zurückziehen
    [erasure] Ihre Anfrage auf Löschung zurückziehen
    [restriction] Ihre Anfrage auf Einschränkung der Verarbeitung zurückziehen
   *[objection] Ihren Widerspruch zurückziehen
}
due-by = { $organization } antwortet bis zum { $date }.

## Was eine Aktion bestätigt
request-received = { $kind ->
    [access] Wir haben Ihre Anfrage auf eine Kopie Ihrer personenbezogenen Daten erhalten.
    [rectification] Wir haben Ihre Anfrage auf Berichtigung Ihrer personenbezogenen Daten erhalten.
    [erasure] Wir haben Ihre Anfrage auf Löschung Ihrer personenbezogenen Daten erhalten. Sie werden nicht mehr zu künftigen Stellen kontaktiert.
    [restriction] Wir haben Ihre Anfrage auf Einschränkung der Verarbeitung Ihrer Daten erhalten.
   *[objection] Wir haben Ihren Widerspruch gegen die Verarbeitung Ihrer Daten erhalten.
}
request-already-open = { $kind ->
    [access] Sie haben bereits eine Kopie Ihrer personenbezogenen Daten angefordert, und wir bearbeiten die Anfrage (siehe „Ihre Anfragen“ unten). Es wurde nichts Neues gesendet.
    [rectification] Sie haben bereits eine Berichtigung Ihrer personenbezogenen Daten verlangt, und wir bearbeiten die Anfrage (siehe „Ihre Anfragen“ unten). Es wurde nichts Neues gesendet.
    [erasure] Sie haben bereits die Löschung Ihrer personenbezogenen Daten verlangt, und wir bearbeiten die Anfrage (siehe „Ihre Anfragen“ unten). Es wurde nichts Neues gesendet.
    [restriction] Sie haben bereits die Einschränkung der Verarbeitung Ihrer Daten verlangt, und wir bearbeiten die Anfrage (siehe „Ihre Anfragen“ unten). Es wurde nichts Neues gesendet.
   *[objection] Sie haben bereits Widerspruch gegen die Verarbeitung Ihrer Daten eingelegt, und wir bearbeiten ihn (siehe „Ihre Anfragen“ unten). Es wurde nichts Neues gesendet.
}
request-withdrawn = { $kind ->
    [access] Sie haben Ihre Anfrage auf eine Kopie Ihrer personenbezogenen Daten zurückgezogen: Wir werden sie nicht bearbeiten. Sie können jederzeit erneut anfragen.
    [rectification] Sie haben Ihre Anfrage auf Berichtigung Ihrer personenbezogenen Daten zurückgezogen: Wir werden sie nicht bearbeiten. Sie können jederzeit erneut anfragen.
    [erasure] Sie haben Ihre Anfrage auf Löschung Ihrer personenbezogenen Daten zurückgezogen: Wir werden sie nicht bearbeiten. Sie können jederzeit erneut anfragen.
    [restriction] Sie haben Ihre Anfrage auf Einschränkung der Verarbeitung Ihrer Daten zurückgezogen: Wir werden sie nicht bearbeiten. Sie können jederzeit erneut anfragen.
   *[objection] Sie haben Ihren Widerspruch gegen die Verarbeitung Ihrer Daten zurückgezogen: Wir werden ihn nicht bearbeiten. Sie können jederzeit erneut widersprechen.
}
consent-given = { $purpose ->
    [processing] Vielen Dank: Sie haben in die Berücksichtigung für Stellen eingewilligt.
    [retention] Vielen Dank: Sie haben in die Speicherung Ihrer Daten für künftige Stellen eingewilligt.
   *[contact] Sie dürfen wieder zu künftigen Stellen kontaktiert werden.
}
consent-revoked = { $purpose ->
    [processing] Sie haben Ihre Einwilligung in die Berücksichtigung für Stellen widerrufen.
    [retention] Sie haben Ihre Einwilligung in die Speicherung Ihrer Daten für künftige Stellen widerrufen.
   *[contact] Sie werden nicht mehr zu künftigen Stellen kontaktiert. Bereits geplante E-Mails wurden storniert.
}
consent-unchanged = Es war keine Änderung nötig: Ihre Entscheidung war bereits gespeichert.
language-changed = Diese Seite wird jetzt auf Deutsch angezeigt.

## Was schiefging
error-link-retired = Ihre personenbezogenen Daten wurden gelöscht.
error-rate-limited = Sie haben in kurzer Zeit viele Anfragen gesendet. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.
error-bad-form = Dieses Formular konnte nicht gelesen werden, daher wurde nichts geändert. Bitte laden Sie die Seite neu und senden Sie es erneut.
error-request-closed = Diese Anfrage ist bereits abgeschlossen: Es wurde nichts geändert.
error-not-found = Hier ist nichts. Der Inhalt wurde vielleicht entfernt, oder die Adresse ist unvollständig.
error-unavailable = Bei uns ist etwas schiefgegangen, und es wurde nichts geändert. Bitte versuchen Sie es in ein paar Minuten erneut.
problem-note-required = Bitte beschreiben Sie, was berichtigt werden soll, oder füllen Sie mindestens eine berichtigte Angabe aus.
problem-confirm = Bitte bestätigen Sie, dass Ihre Daten gelöscht werden sollen.
problem-email-required = Bitte geben Sie Ihre E-Mail-Adresse ein.
problem-email-invalid = Bitte geben Sie die E-Mail-Adresse in der Form name@example.com ein.
problem-phone-invalid = Bitte geben Sie die Telefonnummer nur mit Ziffern ein (Leerzeichen, +, - und Klammern sind erlaubt).
problem-links-invalid = Bitte geben Sie jeden Link als vollständige Webadresse ein, die mit https:// beginnt.
problem-required = Bitte füllen Sie { $field } aus.
problem-too-long = Bitte kürzen Sie { $field }: höchstens { $max } Zeichen.
problem-check = Bitte prüfen Sie { $field }.
field-object = { $field ->
    [note] Ihre Notiz
    [name] den Namen
    [email] die E-Mail-Adresse
    [phone] die Telefonnummer
    [location] den Wohnort
    [answer] Ihre Antwort
   *[links] die Links
}

## Links, die nicht funktionieren, und ein neuer Link
link-invalid-title = Dieser Link ist ungültig
link-invalid-text = Der Link ist vielleicht abgelaufen, wurde durch einen neueren ersetzt oder nur teilweise kopiert. Ihre Daten und Einstellungen sind unverändert.
link-retired = Dieser Link ist nicht mehr aktiv. { $organization } hat Ihre personenbezogenen Daten gelöscht.
fresh-link-title = Neuen Link anfordern
fresh-link-text = Geben Sie die E-Mail-Adresse ein, die Sie gegenüber dem Recruiting-Team verwendet haben. Wenn sie bekannt ist, senden wir Ihnen einen neuen persönlichen Link.
fresh-link-label = Ihre E-Mail-Adresse
fresh-link-submit = Neuen Link per E-Mail senden
fresh-link-sent = Vielen Dank. Wenn uns diese Adresse bekannt ist, ist ein neuer Link unterwegs. Das kann einige Minuten dauern; sehen Sie bitte auch in Ihrem Spam-Ordner nach.
fresh-link-bad-email = Bitte geben Sie eine E-Mail-Adresse in der Form name@example.com ein.

## Abmelden
unsubscribe-title = Keine E-Mails mehr zu künftigen Stellen
unsubscribe-text = Wenn Sie auf die Schaltfläche klicken, kontaktiert { $organization } Sie nicht mehr zu künftigen Stellen. Antworten zu Ihren eigenen Bewerbungen und Anfragen erreichen Sie weiterhin.
unsubscribe-button = Nicht mehr kontaktieren
unsubscribed = Erledigt: Sie werden nicht mehr zu künftigen Stellen kontaktiert.
more-choices = Alle Ihre Datenschutzeinstellungen ansehen
more-choices-elsewhere = Ihre weiteren Datenschutzeinstellungen finden Sie auf Ihrer persönlichen Seite, die in jeder unserer E-Mails verlinkt ist.

## Eine berichtigte E-Mail-Adresse bestätigen
confirm-email-title = Bestätigen Sie Ihre E-Mail-Adresse
confirm-email-text = Sie haben { $organization } gebeten, Ihnen künftig an { $email } zu schreiben. Bitte bestätigen Sie, dass diese Adresse Ihnen gehört.
confirm-email-button = Ja, das ist meine Adresse
email-confirmed = Vielen Dank: { $organization } schreibt Ihnen ab jetzt an { $email }.
confirm-link-invalid = Dieser Bestätigungslink ist nicht mehr gültig. Ihre bisherige Adresse bleibt unverändert; wenden Sie sich erneut an uns, falls sie noch berichtigt werden muss.
