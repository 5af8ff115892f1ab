## Les offres d’emploi, une offre et son formulaire de candidature. Source : ../en/jobs.ftl

jobs-title = Offres d’emploi
jobs-none = Aucune offre n’est ouverte pour le moment. Revenez un peu plus tard.
jobs-all = Voir toutes les offres
job-closed-title = Cette offre est close
job-closed = Cette offre n’accepte plus de candidatures, ou l’adresse est incomplète.
apply-heading = Postuler à cette offre
apply-button = Envoyer ma candidature
apply-name = Votre nom
apply-email = Votre adresse e-mail
apply-phone = Votre numéro de téléphone (facultatif)
apply-resume = CV (facultatif)
apply-resume-help = PDF, Word, OpenDocument, RTF ou texte brut, jusqu’à { $megabytes } Mo.
apply-trap = Laissez ce champ vide
apply-your-data = Vos données
apply-processing-consent = J’accepte que { $organization } traite mes données pour examiner ma candidature à ce poste (obligatoire pour postuler).
apply-retention-consent = Conserver mes données pendant { $period } après la fin de cette candidature, afin que { $organization } puisse me proposer d’autres postes (facultatif).
apply-processing-notice = { $organization } utilise ce que vous envoyez ici pour examiner votre candidature à ce poste.
apply-kept-for = { $organization } conserve vos données pendant { $period } après la fin de votre candidature, puis les efface.
apply-choices-later = À tout moment, grâce au lien personnel figurant dans nos e-mails, vous pouvez modifier vos choix et demander une copie, la rectification ou l’effacement de vos données.
applied = Merci — votre candidature a bien été reçue. { $organization } reviendra vers vous par e-mail.

problem-processing-consent = Pour postuler, veuillez cocher la case pour accepter que nous traitions vos données pour votre candidature.
problem-resume-too-long = Votre CV dépasse { $megabytes } Mo. Veuillez envoyer un fichier plus petit ; un PDF est généralement le plus léger.
problem-resume-invalid = Veuillez envoyer votre CV au format PDF, Word, OpenDocument, RTF ou texte brut.
problem-posting = Cette offre est close ou n’existe plus.
error-upload-quota = Nous ne pouvons plus accepter de fichiers aujourd’hui depuis votre lieu de connexion. Rien n’a été envoyé : postulez sans CV, ou réessayez demain.
