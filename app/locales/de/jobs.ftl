## Die Stellenbörse, eine Stelle und ihr Bewerbungsformular. Quelle: ../en/jobs.ftl

jobs-title = Offene Stellen
jobs-none = Derzeit gibt es keine offenen Stellen. Bitte schauen Sie später wieder vorbei.
jobs-all = Alle offenen Stellen ansehen
job-closed-title = Diese Stelle ist geschlossen
job-closed = Für diese Stelle werden keine Bewerbungen mehr angenommen, oder die Adresse ist unvollständig.
apply-heading = Auf diese Stelle bewerben
apply-button = Bewerbung senden
apply-name = Ihr Name
apply-email = Ihre E-Mail-Adresse
apply-phone = Ihre Telefonnummer (optional)
apply-resume = Lebenslauf (optional)
apply-resume-help = PDF, Word, OpenDocument, RTF oder reiner Text, bis zu { $megabytes } MB.
apply-trap = Dieses Feld bitte leer lassen
apply-your-data = Ihre Daten
apply-processing-consent = Ich willige ein, dass { $organization } meine Daten verarbeitet, um mich für diese Stelle zu berücksichtigen (für die Bewerbung erforderlich).
apply-retention-consent = Meine Daten nach Abschluss dieser Bewerbung { $period } lang speichern, damit { $organization } mich über andere Stellen informieren kann (optional).
apply-processing-notice = { $organization } verwendet, was Sie hier senden, um Sie für diese Stelle zu berücksichtigen.
apply-kept-for = { $organization } speichert Ihre Daten nach Abschluss Ihrer Bewerbung { $period } lang und löscht sie dann.
apply-choices-later = Über den persönlichen Link in unseren E-Mails können Sie Ihre Entscheidungen jederzeit ändern und eine Kopie, eine Berichtigung oder die Löschung Ihrer Daten verlangen.
applied = Vielen Dank – Ihre Bewerbung ist eingegangen. { $organization } meldet sich per E-Mail bei Ihnen.

problem-processing-consent = Um sich zu bewerben, setzen Sie bitte das Häkchen und willigen Sie ein, dass wir Ihre Daten für Ihre Bewerbung verarbeiten.
problem-resume-too-long = Ihr Lebenslauf ist größer als { $megabytes } MB. Bitte laden Sie eine kleinere Datei hoch; ein PDF ist meist am kleinsten.
problem-resume-invalid = Bitte laden Sie Ihren Lebenslauf als PDF-, Word-, OpenDocument-, RTF- oder Textdatei hoch.
problem-posting = Diese Stelle ist geschlossen oder existiert nicht mehr.
error-upload-quota = Von Ihrem Standort aus können wir heute keine weiteren Dateien annehmen. Es wurde nichts gesendet: Bewerben Sie sich ohne Lebenslauf oder versuchen Sie es morgen erneut.
