## Le e-mail che ricevono i candidati. Fonte: ../en/emails.ftl

email-hello = Gentile candidato,
email-hello-name = Gentile { $name },
email-personal-link = Questo link è personale: La preghiamo di non inoltrarlo.
email-open-preferences = Apri le mie preferenze sui dati

## Una richiesta o una scelta, confermata
confirmation-request-subject = { $organization }: abbiamo ricevuto la Sua richiesta
confirmation-choice-subject = { $organization }: la Sua scelta è stata registrata
confirmation-due = { $organization } Le risponderà entro il { $date }.
confirmation-page = Può vedere lo stato delle Sue richieste e modificare le Sue scelte in qualsiasi momento nella pagina delle Sue preferenze sui dati:

## Un nuovo link
fresh-link-email-subject = Il Suo link alle preferenze sui dati presso { $organization }
fresh-link-email-asked = Lei (o qualcuno che ha digitato il Suo indirizzo) ha chiesto un nuovo link alla pagina delle Sue preferenze sui dati presso { $organization }:
fresh-link-email-what = Lì può prestare o revocare il consenso, non essere più contattato in merito a posizioni future e chiedere una copia, la rettifica o la cancellazione dei Suoi dati.
fresh-link-email-ignore = Se non ha fatto questa richiesta, può ignorare questa e-mail. Il link è personale: La preghiamo di non inoltrarlo.

## L'informativa a una persona aggiunta dal team (art. 14)
gdpr-notice-subject = Come { $organization } utilizza i Suoi dati personali
gdpr-notice-added = { $organization } ha inserito i Suoi dati (come il nome, i recapiti e il percorso professionale) nel proprio sistema di selezione, per valutarLa per posizioni attuali e future.
gdpr-notice-kept = Li conserviamo per { $period }, a meno che Lei non ci chieda di cancellarli prima.
gdpr-notice-decide = È Lei a decidere come possiamo utilizzarli. Nella Sua pagina personale delle preferenze può prestare o revocare il consenso, chiederci di non contattarLa più e chiedere una copia, la rettifica o la cancellazione dei Suoi dati:
gdpr-notice-privacy-policy = La nostra informativa sulla privacy: { $url }

## La risposta a una richiesta richiede più tempo, o è respinta
extension-subject = Ci serve più tempo per rispondere alla Sua richiesta — nuova data: { $date }
extension-body = { $kind ->
    [access] Il { $received } ha chiesto a { $organization } una copia dei Suoi dati personali. Ci serve più tempo per rispondere in modo accurato e Le risponderemo entro il { $new } anziché entro il { $old }.
    [rectification] Il { $received } ha chiesto a { $organization } la rettifica dei Suoi dati personali. Ci serve più tempo per rispondere in modo accurato e Le risponderemo entro il { $new } anziché entro il { $old }.
    [erasure] Il { $received } ha chiesto a { $organization } la cancellazione dei Suoi dati personali. Ci serve più tempo per rispondere in modo accurato e Le risponderemo entro il { $new } anziché entro il { $old }.
    [restriction] Il { $received } ha chiesto a { $organization } la limitazione del trattamento dei Suoi dati. Ci serve più tempo per rispondere in modo accurato e Le risponderemo entro il { $new } anziché entro il { $old }.
   *[objection] Il { $received } si è opposto al trattamento dei Suoi dati da parte di { $organization }. Ci serve più tempo per rispondere in modo accurato e Le risponderemo entro il { $new } anziché entro il { $old }.
}
extension-why = Motivo: { $reason }
extension-follow = Può seguire la Sua richiesta nella pagina delle Sue preferenze sui dati:
extension-button = Segui la mia richiesta
refusal-subject = In merito alla Sua richiesta a { $organization }
refusal-body = { $kind ->
    [access] Il { $received } ha chiesto a { $organization } una copia dei Suoi dati personali. Non possiamo darvi seguito per il seguente motivo:
    [rectification] Il { $received } ha chiesto a { $organization } la rettifica dei Suoi dati personali. Non possiamo darvi seguito per il seguente motivo:
    [erasure] Il { $received } ha chiesto a { $organization } la cancellazione dei Suoi dati personali. Non possiamo darvi seguito per il seguente motivo:
    [restriction] Il { $received } ha chiesto a { $organization } la limitazione del trattamento dei Suoi dati. Non possiamo darvi seguito per il seguente motivo:
   *[objection] Il { $received } si è opposto al trattamento dei Suoi dati da parte di { $organization }. Non possiamo accogliere la Sua opposizione per il seguente motivo:
}
refusal-complaint = Se non è d'accordo, può proporre reclamo a un'autorità di controllo per la protezione dei dati e proporre ricorso giurisdizionale.
refusal-page = La pagina delle Sue preferenze sui dati:

## Confermare un indirizzo corretto
address-confirm-subject = Confermi il Suo indirizzo e-mail per { $organization }
address-confirm-asked = Ha chiesto a { $organization } di sostituire con questo l'indirizzo e-mail che abbiamo per Lei. Prima di scriverLe a questo indirizzo, confermi che è Suo:
address-confirm-until = Finché non conferma, continuiamo a scriverLe all'indirizzo che avevamo. Il link è valido per 7 giorni.
address-confirm-ignore = Se non ha fatto questa richiesta, può ignorare questa e-mail: non cambierà nulla.
address-confirm-button = Conferma il mio indirizzo e-mail
