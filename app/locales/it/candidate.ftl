## Le pagine dei candidati. Fonte: ../en/candidate.ftl

## Ogni pagina
skip-link = Vai al contenuto
language-label = Lingua
language-submit = Cambia lingua
privacy-policy = Informativa sulla privacy
data-protection-contact = Domande sui Suoi dati: { $contact }
period = { $unit ->
    [years] { $n ->
        [one] { $n } anno
       *[other] { $n } anni
    }
    [months] { $n ->
        [one] { $n } mese
       *[other] { $n } mesi
    }
   *[days] { $n ->
        [one] { $n } giorno
       *[other] { $n } giorni
    }
}

## La pagina delle Sue preferenze
prefs-title = Le Sue preferenze sui dati
prefs-intro = { $organization } utilizza Candor per gestire i dati personali che Lei ha fornito candidandosi o venendo preso in considerazione per una posizione. Qui decide come possono essere utilizzati e può chiederne una copia, la rettifica o la cancellazione.
prefs-legitimate-interest = { $organization } tratta i Suoi dati per la selezione del personale sulla base del proprio legittimo interesse: per valutarLa per la posizione a cui si è candidato e per posizioni simili. Può opporsi in qualsiasi momento interrompendo i contatti qui sotto o chiedendo la cancellazione.
prefs-country-policy = Nel Suo caso si applica la politica di protezione dei dati per { $country }: i Suoi dati sono conservati per { $period } dopo la conclusione della candidatura.
prefs-personal-link = Questa pagina si raggiunge tramite il Suo link personale. La preghiamo di non inoltrarlo: chiunque abbia il link può modificare le Sue scelte.

consent-heading = Il Suo consenso
purpose-title = { $purpose ->
    [processing] Valutazione per posizioni
    [retention] Conservazione dei Suoi dati per posizioni future
   *[contact] Contatti su posizioni future
}
purpose-explanation = { $purpose ->
    [processing] { $organization } utilizza la Sua candidatura, il Suo curriculum e le note dei colloqui per valutarLa per le posizioni a cui si è candidato.
    [retention] Dopo la conclusione della candidatura, { $organization } conserva i Suoi dati per { $period } per contattarLa su altre posizioni adatte a Lei. Senza questo consenso vengono cancellati al termine della candidatura.
   *[contact] { $organization } può scriverLe in merito a posizioni future che potrebbero interessarLe.
}
consent-state = { $state ->
    [given] Consenso prestato
    [revoked] Consenso non prestato o revocato
   *[unasked] Non ancora richiesto
}
consent-give = { $purpose ->
    [processing] Presta il consenso: valutazione per posizioni
    [retention] Presta il consenso: conservazione dei dati per posizioni future
   *[contact] Presta il consenso: contatti su posizioni future
}
consent-revoke = { $purpose ->
    [processing] Revoca il consenso: valutazione per posizioni
    [retention] Revoca il consenso: conservazione dei dati per posizioni future
   *[contact] Revoca il consenso: contatti su posizioni future
}

contact-heading = Contatti su posizioni future
contact-allowed = Al momento può essere contattato in merito a posizioni future.
contact-stopped = Ha chiesto di non essere contattato in merito a posizioni future.
contact-stop = Non contattatemi più per posizioni future
contact-allow = Potete contattarmi di nuovo

requests-heading = Richieste sui Suoi dati
access-title = Inviatemi una copia dei miei dati
access-text = Riceverà via e-mail i dati personali che La riguardano, con un file leggibile da dispositivo automatico (diritto di accesso).
rectification-title = Correggi i miei dati
rectification-text = Ci indichi che cosa non è corretto. Compili solo i valori da correggere (diritto di rettifica).
erasure-title = Cancella i miei dati personali
erasure-deleted = Il Suo nome, i Suoi recapiti, il Suo curriculum, le risposte alla candidatura e i Suoi messaggi saranno cancellati.
erasure-applications-end = Ogni candidatura in corso si concluderà: non sarà più preso in considerazione per quelle posizioni.
erasure-no-contact = Non sarà più contattato in merito a posizioni future; ciò ha effetto non appena ne fa richiesta.
erasure-record-kept = Una traccia della Sua richiesta e della data in cui è stata eseguita viene conservata senza i Suoi dati personali, come richiesto dalla legge.
erasure-continue = Procedi con la cancellazione
erasure-confirm-question = Vuole davvero procedere? La cancellazione non può essere annullata una volta eliminati i dati.
erasure-confirm = Sì, cancella i miei dati personali
cancel = Annulla
submit-request = Invia la richiesta

field-note = Che cosa va corretto?
field-name = Nome corretto
field-email = Indirizzo e-mail corretto
field-phone = Numero di telefono corretto
field-location = Luogo di residenza corretto
field-links = Link corretti (uno per riga)

history-heading = Le Sue richieste
no-requests = Non ha ancora fatto nessuna richiesta.
earlier-requests = Richieste precedenti →
recent-requests = ← Richieste più recenti
request-pages-label = Altre richieste
column-request = Richiesta
column-received = Ricevuta
column-due = Scadenza
column-state = Stato
column-action = Azione
request-kind = { $kind ->
    [access] Accesso
    [rectification] Rettifica
    [erasure] Cancellazione
    [restriction] Limitazione del trattamento
   *[objection] Opposizione
}
request-status = { $status ->
    [open] In corso
    [resolved] Evasa
    [refused] Respinta
   *[withdrawn] Ritirata
}
withdraw-button = Ritira
withdraw-label = { $kind ->
    [access] Ritira la Sua richiesta di accesso ai dati personali
    [rectification] Ritira la Sua richiesta di rettifica dei dati personali
    [erasure] Ritira la Sua richiesta di cancellazione dei dati personali
    [restriction] Ritira la Sua richiesta di limitazione del trattamento dei dati
   *[objection] Ritira la Sua opposizione al trattamento dei dati
}
due-by = { $organization } Le risponderà entro il { $date }.

## Che cosa conferma un'azione
request-received = { $kind ->
    [access] Abbiamo ricevuto la Sua richiesta di una copia dei Suoi dati personali.
    [rectification] Abbiamo ricevuto la Sua richiesta di rettifica dei Suoi dati personali.
    [erasure] Abbiamo ricevuto la Sua richiesta di cancellazione dei Suoi dati personali. Non sarà più contattato in merito a posizioni future.
    [restriction] Abbiamo ricevuto la Sua richiesta di limitazione del trattamento dei Suoi dati.
   *[objection] Abbiamo ricevuto la Sua opposizione al trattamento dei Suoi dati.
}
request-already-open = { $kind ->
    [access] Ha già chiesto una copia dei Suoi dati personali e ce ne stiamo occupando (veda «Le Sue richieste» più sotto). Non è stato inviato nulla di nuovo.
    [rectification] Ha già chiesto la rettifica dei Suoi dati personali e ce ne stiamo occupando (veda «Le Sue richieste» più sotto). Non è stato inviato nulla di nuovo.
    [erasure] Ha già chiesto la cancellazione dei Suoi dati personali e ce ne stiamo occupando (veda «Le Sue richieste» più sotto). Non è stato inviato nulla di nuovo.
    [restriction] Ha già chiesto la limitazione del trattamento dei Suoi dati e ce ne stiamo occupando (veda «Le Sue richieste» più sotto). Non è stato inviato nulla di nuovo.
   *[objection] Si è già opposto al trattamento dei Suoi dati e ce ne stiamo occupando (veda «Le Sue richieste» più sotto). Non è stato inviato nulla di nuovo.
}
request-withdrawn = { $kind ->
    [access] Ha ritirato la Sua richiesta di una copia dei Suoi dati personali: non vi daremo seguito. Può presentarla di nuovo in qualsiasi momento.
    [rectification] Ha ritirato la Sua richiesta di rettifica dei Suoi dati personali: non vi daremo seguito. Può presentarla di nuovo in qualsiasi momento.
    [erasure] Ha ritirato la Sua richiesta di cancellazione dei Suoi dati personali: non vi daremo seguito. Può presentarla di nuovo in qualsiasi momento.
    [restriction] Ha ritirato la Sua richiesta di limitazione del trattamento dei Suoi dati: non vi daremo seguito. Può presentarla di nuovo in qualsiasi momento.
   *[objection] Ha ritirato la Sua opposizione al trattamento dei Suoi dati: non vi daremo seguito. Può opporsi di nuovo in qualsiasi momento.
}
consent-given = { $purpose ->
    [processing] Grazie: ha prestato il consenso alla valutazione per posizioni.
    [retention] Grazie: ha prestato il consenso alla conservazione dei Suoi dati per posizioni future.
   *[contact] Può di nuovo essere contattato in merito a posizioni future.
}
consent-revoked = { $purpose ->
    [processing] Ha revocato il consenso alla valutazione per posizioni.
    [retention] Ha revocato il consenso alla conservazione dei Suoi dati per posizioni future.
   *[contact] Non sarà più contattato in merito a posizioni future. Le e-mail già programmate sono state annullate.
}
consent-unchanged = Non c'era nulla da cambiare: la Sua scelta era già registrata.
language-changed = Questa pagina è ora in italiano.

## Che cosa non ha funzionato
error-link-retired = I Suoi dati personali sono stati cancellati.
error-rate-limited = Ha inviato molte richieste in poco tempo. Attenda un minuto, poi riprovi.
error-bad-form = Non è stato possibile leggere questo modulo, quindi non è stato modificato nulla. Ricarichi la pagina e lo invii di nuovo.
error-request-closed = Questa richiesta è già chiusa: non è stato modificato nulla.
error-not-found = Qui non c'è nulla. Il contenuto potrebbe essere stato rimosso, oppure l'indirizzo è incompleto.
error-unavailable = Si è verificato un problema da parte nostra e non è stato modificato nulla. Riprovi tra qualche minuto.
problem-note-required = Descriva che cosa va corretto, oppure compili almeno un valore corretto.
problem-confirm = Confermi di voler cancellare i Suoi dati.
problem-email-required = Inserisca il Suo indirizzo e-mail.
problem-email-invalid = Inserisca l'indirizzo e-mail nel formato nome@example.com.
problem-phone-invalid = Inserisca il numero di telefono usando solo cifre (spazi, +, - e parentesi sono ammessi).
problem-links-invalid = Inserisca ogni link come indirizzo web completo che inizia con https://.
problem-required = Compili { $field }.
problem-too-long = Accorci { $field }: al massimo { $max } caratteri.
problem-check = Controlli { $field }.
field-object = { $field ->
    [note] la Sua nota
    [name] il nome
    [email] l'indirizzo e-mail
    [phone] il numero di telefono
    [location] il luogo di residenza
    [answer] la Sua risposta
   *[links] i link
}

## Link che non funzionano, e uno nuovo
link-invalid-title = Questo link non è valido
link-invalid-text = Il link potrebbe essere scaduto, essere stato sostituito da uno più recente o essere stato copiato solo in parte. I Suoi dati e le Sue scelte non sono cambiati.
link-retired = Questo link non è più attivo. { $organization } ha cancellato i Suoi dati personali.
fresh-link-title = Inviatemi un nuovo link
fresh-link-text = Inserisca l'indirizzo e-mail che ha usato con il team di selezione. Se lo conosciamo, Le invieremo un nuovo link personale.
fresh-link-label = Il Suo indirizzo e-mail
fresh-link-submit = Inviatemi un nuovo link via e-mail
fresh-link-sent = Grazie. Se conosciamo questo indirizzo, un nuovo link è in arrivo. Potrebbero volerci alcuni minuti; controlli anche la cartella della posta indesiderata.
fresh-link-bad-email = Inserisca un indirizzo e-mail nel formato nome@example.com.

## Annullare l'iscrizione
unsubscribe-title = Non ricevere più e-mail su posizioni future
unsubscribe-text = Prema il pulsante e { $organization } non La contatterà più in merito a posizioni future. Le risposte sulle Sue candidature e richieste continueranno ad arrivarLe.
unsubscribe-button = Non contattatemi più
unsubscribed = Fatto: non sarà più contattato in merito a posizioni future.
more-choices = Vedi tutte le Sue scelte sui dati
more-choices-elsewhere = Le altre scelte sui Suoi dati si trovano nella Sua pagina personale, collegata da ogni e-mail che Le inviamo.

## Confermare un indirizzo e-mail corretto
confirm-email-title = Confermi il Suo indirizzo e-mail
confirm-email-text = Ha chiesto a { $organization } di scriverLe d'ora in poi all'indirizzo { $email }. Confermi che questo indirizzo è Suo.
confirm-email-button = Sì, è il mio indirizzo
email-confirmed = Grazie: d'ora in poi { $organization } Le scriverà all'indirizzo { $email }.
confirm-link-invalid = Questo link di conferma non è più valido. L'indirizzo che avevamo resta invariato; ce lo chieda di nuovo se deve ancora essere corretto.
