## Les pages des candidats. Source : ../en/candidate.ftl

## Chaque page
skip-link = Aller au contenu
language-label = Langue
language-submit = Changer de langue
privacy-policy = Politique de confidentialité
data-protection-contact = Questions sur vos données : { $contact }
period = { $unit ->
    [years] { $n ->
        [one] { $n } an
       *[other] { $n } ans
    }
    [months] { $n } mois
   *[days] { $n ->
        [one] { $n } jour
       *[other] { $n } jours
    }
}

## La page de vos préférences
prefs-title = Vos préférences en matière de données
prefs-intro = { $organization } utilise Candor pour gérer les données à caractère personnel que vous avez communiquées lors de votre candidature ou de l’examen de votre profil pour un poste. Vous décidez ici de la manière dont elles peuvent être utilisées, et vous pouvez en demander une copie, la rectification ou l’effacement.
prefs-legitimate-interest = { $organization } traite vos données pour son recrutement sur la base de ses intérêts légitimes : pour examiner votre candidature au poste visé et à des postes similaires. Vous pouvez vous y opposer à tout moment en mettant fin aux contacts ci-dessous ou en demandant l’effacement.
prefs-country-policy = La politique de protection des données applicable pour le pays { $country } s’applique à vous : vos données sont conservées pendant { $period } après la fin de votre candidature.
prefs-personal-link = Vous accédez à cette page par votre lien personnel. Merci de ne pas le transférer : toute personne disposant du lien peut modifier vos choix.

consent-heading = Votre consentement
purpose-title = { $purpose ->
    [processing] Examen de votre candidature
    [retention] Conservation de vos données pour de futurs postes
   *[contact] Contact au sujet de futurs postes
}
purpose-explanation = { $purpose ->
    [processing] { $organization } utilise votre candidature, votre CV et les notes d’entretien pour examiner votre candidature aux postes que vous avez visés.
    [retention] Après la fin de votre candidature, { $organization } conserve vos données pendant { $period } afin de vous contacter pour d’autres postes susceptibles de vous correspondre. Sans ce consentement, elles sont effacées dès la fin de votre candidature.
   *[contact] { $organization } peut vous écrire au sujet de futurs postes susceptibles de vous intéresser.
}
consent-state = { $state ->
    [given] Consentement donné
    [revoked] Consentement non donné ou retiré
   *[unasked] Pas encore demandé
}
consent-give = { $purpose ->
    [processing] Donner mon consentement : examen de ma candidature
    [retention] Donner mon consentement : conservation de mes données pour de futurs postes
   *[contact] Donner mon consentement : contact au sujet de futurs postes
}
consent-revoke = { $purpose ->
    [processing] Retirer mon consentement : examen de ma candidature
    [retention] Retirer mon consentement : conservation de mes données pour de futurs postes
   *[contact] Retirer mon consentement : contact au sujet de futurs postes
}

contact-heading = Contact au sujet de futurs postes
contact-allowed = Vous pouvez actuellement être contacté(e) au sujet de futurs postes.
contact-stopped = Vous avez demandé à ne pas être contacté(e) au sujet de futurs postes.
contact-stop = Ne plus me contacter au sujet de futurs postes
contact-allow = Vous pouvez de nouveau me contacter

requests-heading = Vos demandes concernant vos données
access-title = M’envoyer une copie de mes données
access-text = Vous recevrez par e-mail les données à caractère personnel détenues à votre sujet, avec un fichier lisible par machine (droit d’accès).
rectification-title = Corriger mes informations
rectification-text = Indiquez-nous ce qui est inexact. Ne remplissez que les valeurs à corriger (droit de rectification).
erasure-title = Effacer mes données à caractère personnel
erasure-deleted = Votre nom, vos coordonnées, votre CV, vos réponses de candidature et vos messages seront effacés.
erasure-applications-end = Toute candidature en cours prendra fin : vous ne serez plus pris(e) en compte pour ces postes.
erasure-no-contact = Vous ne serez plus contacté(e) au sujet de futurs postes ; cela prend effet dès votre demande.
erasure-record-kept = Une trace de votre demande et de la date de son exécution est conservée sans vos données à caractère personnel, comme la loi l’exige.
erasure-continue = Continuer vers l’effacement
erasure-confirm-question = En êtes-vous sûr(e) ? L’effacement est irréversible une fois vos données supprimées.
erasure-confirm = Oui, effacer mes données à caractère personnel
cancel = Annuler
submit-request = Envoyer la demande

field-note = Que faut-il corriger ?
field-name = Nom exact
field-email = Adresse e-mail exacte
field-phone = Numéro de téléphone exact
field-location = Lieu de résidence exact
field-links = Liens exacts (un par ligne)

history-heading = Vos demandes
no-requests = Vous n’avez encore fait aucune demande.
earlier-requests = Demandes précédentes →
recent-requests = ← Demandes les plus récentes
request-pages-label = Autres demandes
column-request = Demande
column-received = Reçue le
column-due = Échéance
column-state = État
column-action = Action
request-kind = { $kind ->
    [access] Accès
    [rectification] Rectification
    [erasure] Effacement
    [restriction] Limitation du traitement
   *[objection] Opposition
}
request-status = { $status ->
    [open] En cours
    [resolved] Traitée
    [refused] Refusée
   *[withdrawn] Retirée
}
withdraw-button = Retirer
withdraw-label = { $kind ->
    [access] Retirer votre demande d’accès à vos données à caractère personnel
    [rectification] Retirer votre demande de rectification de vos données à caractère personnel
    [erasure] Retirer votre demande d’effacement de vos données à caractère personnel
    [restriction] Retirer votre demande de limitation du traitement de vos données
   *[objection] Retirer votre opposition au traitement de vos données
}
due-by = { $organization } vous répondra au plus tard le { $date }.

## Ce que confirme une action
request-received = { $kind ->
    [access] Nous avons bien reçu votre demande de copie de vos données à caractère personnel.
    [rectification] Nous avons bien reçu votre demande de rectification de vos données à caractère personnel.
    [erasure] Nous avons bien reçu votre demande d’effacement de vos données à caractère personnel. Vous ne serez plus contacté(e) au sujet de futurs postes.
    [restriction] Nous avons bien reçu votre demande de limitation du traitement de vos données.
   *[objection] Nous avons bien reçu votre opposition au traitement de vos données.
}
request-already-open = { $kind ->
    [access] Vous avez déjà demandé une copie de vos données à caractère personnel, et nous la traitons (voir « Vos demandes » ci-dessous). Aucune nouvelle demande n’a été envoyée.
    [rectification] Vous avez déjà demandé la rectification de vos données à caractère personnel, et nous la traitons (voir « Vos demandes » ci-dessous). Aucune nouvelle demande n’a été envoyée.
    [erasure] Vous avez déjà demandé l’effacement de vos données à caractère personnel, et nous la traitons (voir « Vos demandes » ci-dessous). Aucune nouvelle demande n’a été envoyée.
    [restriction] Vous avez déjà demandé la limitation du traitement de vos données, et nous la traitons (voir « Vos demandes » ci-dessous). Aucune nouvelle demande n’a été envoyée.
   *[objection] Vous vous êtes déjà opposé(e) au traitement de vos données, et nous traitons votre opposition (voir « Vos demandes » ci-dessous). Aucune nouvelle demande n’a été envoyée.
}
request-withdrawn = { $kind ->
    [access] Vous avez retiré votre demande de copie de vos données à caractère personnel : nous n’y donnerons pas suite. Vous pouvez la renouveler à tout moment.
    [rectification] Vous avez retiré votre demande de rectification de vos données à caractère personnel : nous n’y donnerons pas suite. Vous pouvez la renouveler à tout moment.
    [erasure] Vous avez retiré votre demande d’effacement de vos données à caractère personnel : nous n’y donnerons pas suite. Vous pouvez la renouveler à tout moment.
    [restriction] Vous avez retiré votre demande de limitation du traitement de vos données : nous n’y donnerons pas suite. Vous pouvez la renouveler à tout moment.
   *[objection] Vous avez retiré votre opposition au traitement de vos données : nous n’y donnerons pas suite. Vous pouvez vous opposer de nouveau à tout moment.
}
consent-given = { $purpose ->
    [processing] Merci : vous avez consenti à l’examen de votre candidature.
    [retention] Merci : vous avez consenti à la conservation de vos données pour de futurs postes.
   *[contact] Vous pouvez de nouveau être contacté(e) au sujet de futurs postes.
}
consent-revoked = { $purpose ->
    [processing] Vous avez retiré votre consentement à l’examen de votre candidature.
    [retention] Vous avez retiré votre consentement à la conservation de vos données pour de futurs postes.
   *[contact] Vous ne serez plus contacté(e) au sujet de futurs postes. Les e-mails déjà programmés ont été annulés.
}
consent-unchanged = Rien n’a dû changer : votre choix était déjà enregistré.
language-changed = Cette page s’affiche désormais en français.

## Ce qui n’a pas fonctionné
error-link-retired = Vos données à caractère personnel ont été effacées.
error-rate-limited = Vous avez envoyé de nombreuses demandes en peu de temps. Veuillez patienter une minute, puis réessayer.
error-bad-form = Ce formulaire n’a pas pu être lu, rien n’a donc été modifié. Veuillez recharger la page et l’envoyer de nouveau.
error-request-closed = Cette demande est déjà clôturée : rien n’a été modifié.
error-not-found = Il n’y a rien ici. Le contenu a peut-être été supprimé, ou l’adresse est incomplète.
error-unavailable = Un problème est survenu de notre côté et rien n’a été modifié. Veuillez réessayer dans quelques minutes.
problem-note-required = Veuillez décrire ce qui doit être corrigé, ou remplir au moins une valeur corrigée.
problem-confirm = Veuillez confirmer que vous souhaitez l’effacement de vos données.
problem-email-required = Veuillez saisir votre adresse e-mail.
problem-email-invalid = Veuillez saisir l’adresse e-mail sous la forme nom@example.com.
problem-phone-invalid = Veuillez saisir le numéro de téléphone uniquement avec des chiffres (les espaces, +, - et parenthèses sont acceptés).
problem-links-invalid = Veuillez saisir chaque lien sous forme d’adresse web complète commençant par https://.
problem-required = Veuillez renseigner { $field }.
problem-too-long = Veuillez raccourcir { $field } : { $max } caractères au maximum.
problem-check = Veuillez vérifier { $field }.
field-object = { $field ->
    [note] votre note
    [name] le nom
    [email] l’adresse e-mail
    [phone] le numéro de téléphone
    [location] le lieu de résidence
    [answer] votre réponse
   *[links] les liens
}

## Les liens qui ne fonctionnent pas, et un nouveau lien
link-invalid-title = Ce lien n’est pas valide
link-invalid-text = Le lien a peut-être expiré, été remplacé par un plus récent ou n’a été copié qu’en partie. Vos données et vos choix sont inchangés.
link-retired = Ce lien n’est plus actif. { $organization } a effacé vos données à caractère personnel.
fresh-link-title = Recevoir un nouveau lien
fresh-link-text = Saisissez l’adresse e-mail que vous avez utilisée auprès de l’équipe de recrutement. Si elle est connue, nous vous enverrons un nouveau lien personnel.
fresh-link-label = Votre adresse e-mail
fresh-link-submit = M’envoyer un nouveau lien par e-mail
fresh-link-sent = Merci. Si cette adresse nous est connue, un nouveau lien est en route. Cela peut prendre quelques minutes ; pensez à vérifier aussi vos courriers indésirables.
fresh-link-bad-email = Veuillez saisir une adresse e-mail sous la forme nom@example.com.

## Désinscription
unsubscribe-title = Ne plus recevoir d’e-mails sur de futurs postes
unsubscribe-text = Appuyez sur le bouton et { $organization } ne vous contactera plus au sujet de futurs postes. Les réponses concernant vos propres candidatures et demandes vous parviendront toujours.
unsubscribe-button = Ne plus me contacter
unsubscribed = C’est fait : vous ne serez plus contacté(e) au sujet de futurs postes.
more-choices = Voir tous vos choix concernant vos données
more-choices-elsewhere = Vos autres choix concernant vos données se trouvent sur votre page personnelle, accessible depuis chacun de nos e-mails.

## Confirmer une adresse e-mail corrigée
confirm-email-title = Confirmez votre adresse e-mail
confirm-email-text = Vous avez demandé à { $organization } de vous écrire désormais à l’adresse { $email }. Veuillez confirmer que cette adresse est bien la vôtre.
confirm-email-button = Oui, c’est mon adresse
email-confirmed = Merci : { $organization } vous écrira désormais à l’adresse { $email }.
confirm-link-invalid = Ce lien de confirmation n’est plus valide. L’adresse que nous avions reste inchangée ; contactez-nous de nouveau si elle doit encore être corrigée.
