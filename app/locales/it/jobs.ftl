## Le offerte di lavoro, un'offerta e il suo modulo di candidatura. Fonte: ../en/jobs.ftl

jobs-title = Posizioni aperte
jobs-none = Al momento non ci sono posizioni aperte. La invitiamo a ricontrollare più avanti.
jobs-all = Vedi tutte le posizioni aperte
job-closed-title = Questa posizione è chiusa
job-closed = Questa posizione non accetta più candidature, oppure l'indirizzo è incompleto.
apply-heading = Candidati per questa posizione
apply-button = Invia la candidatura
apply-name = Il Suo nome
apply-email = Il Suo indirizzo e-mail
apply-phone = Il Suo numero di telefono (facoltativo)
apply-resume = Curriculum (facoltativo)
apply-resume-help = PDF, Word, OpenDocument, RTF o testo semplice, fino a { $megabytes } MB.
apply-trap = Lasci vuoto questo campo
apply-your-data = I Suoi dati
apply-processing-consent = Acconsento al trattamento dei miei dati da parte di { $organization } per valutarmi per questa posizione (obbligatorio per candidarsi).
apply-retention-consent = Conservare i miei dati per { $period } dopo la conclusione di questa candidatura, perché { $organization } possa propormi altre posizioni (facoltativo).
apply-processing-notice = { $organization } utilizza ciò che invia qui per valutarLa per questa posizione.
apply-kept-for = { $organization } conserva i Suoi dati per { $period } dopo la conclusione della candidatura, poi li cancella.
apply-choices-later = In qualsiasi momento, tramite il link personale nelle nostre e-mail, può modificare le Sue scelte e chiedere una copia, la rettifica o la cancellazione dei Suoi dati.
applied = Grazie: abbiamo ricevuto la Sua candidatura. { $organization } La contatterà via e-mail.

problem-processing-consent = Per candidarsi, selezioni la casella per acconsentire al trattamento dei Suoi dati per la candidatura.
problem-resume-too-long = Il Suo curriculum supera { $megabytes } MB. Carichi un file più piccolo; un PDF di solito è il più leggero.
problem-resume-invalid = Carichi il Suo curriculum in formato PDF, Word, OpenDocument, RTF o testo semplice.
problem-posting = Questa posizione è chiusa o non esiste più.
error-upload-quota = Oggi non possiamo accettare altri file dal luogo da cui si sta candidando. Non è stato inviato nulla: si candidi senza curriculum o riprovi domani.
