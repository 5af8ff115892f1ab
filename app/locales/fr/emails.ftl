## Les e-mails que reçoivent les candidats. Source : ../en/emails.ftl

email-hello = Bonjour,
email-hello-name = Bonjour { $name },
email-personal-link = Ce lien est personnel : merci de ne pas le transférer.
email-open-preferences = Ouvrir mes préférences en matière de données

## Une demande ou un choix, confirmé
confirmation-request-subject = { $organization } : nous avons bien reçu votre demande
confirmation-choice-subject = { $organization } : votre choix est enregistré
confirmation-due = { $organization } vous répondra au plus tard le { $date }.
confirmation-page = Vous pouvez à tout moment suivre l’état de vos demandes et modifier vos choix sur votre page de préférences en matière de données :

## Un nouveau lien
fresh-link-email-subject = Votre lien vers vos préférences en matière de données chez { $organization }
fresh-link-email-asked = Vous (ou une personne ayant saisi votre adresse) avez demandé un nouveau lien vers votre page de préférences en matière de données chez { $organization } :
fresh-link-email-what = Vous pouvez y donner ou retirer votre consentement, ne plus être contacté(e) au sujet de futurs postes, et demander une copie, la rectification ou l’effacement de vos données.
fresh-link-email-ignore = Si vous n’êtes pas à l’origine de cette demande, vous pouvez ignorer cet e-mail. Ce lien est personnel : merci de ne pas le transférer.

## L’information d’une personne ajoutée par l’équipe (art. 14)
gdpr-notice-subject = Comment { $organization } utilise vos données à caractère personnel
gdpr-notice-added = { $organization } a ajouté vos informations (telles que votre nom, vos coordonnées et votre parcours professionnel) à son outil de recrutement, afin d’examiner votre profil pour des postes actuels et futurs.
gdpr-notice-kept = Nous les conservons pendant { $period }, sauf si vous nous demandez de les effacer plus tôt.
gdpr-notice-decide = Vous décidez de la manière dont nous pouvons les utiliser. Sur votre page personnelle de préférences, vous pouvez donner ou retirer votre consentement, nous demander de ne plus vous contacter, et demander une copie, la rectification ou l’effacement de vos données :
gdpr-notice-privacy-policy = Notre politique de confidentialité : { $url }

## La réponse à une demande prend plus de temps, ou est refusée
extension-subject = Nous avons besoin de plus de temps pour répondre à votre demande — nouvelle date : { $date }
extension-body = { $kind ->
    [access] Le { $received }, vous avez demandé à { $organization } une copie de vos données à caractère personnel. Nous avons besoin de plus de temps pour y répondre correctement et vous répondrons au plus tard le { $new } au lieu du { $old }.
    [rectification] Le { $received }, vous avez demandé à { $organization } la rectification de vos données à caractère personnel. Nous avons besoin de plus de temps pour y répondre correctement et vous répondrons au plus tard le { $new } au lieu du { $old }.
    [erasure] Le { $received }, vous avez demandé à { $organization } l’effacement de vos données à caractère personnel. Nous avons besoin de plus de temps pour y répondre correctement et vous répondrons au plus tard le { $new } au lieu du { $old }.
    [restriction] Le { $received }, vous avez demandé à { $organization } la limitation du traitement de vos données. Nous avons besoin de plus de temps pour y répondre correctement et vous répondrons au plus tard le { $new } au lieu du { $old }.
   *[objection] Le { $received }, vous vous êtes opposé(e) au traitement de vos données par { $organization }. Nous avons besoin de plus de temps pour y répondre correctement et vous répondrons au plus tard le { $new } au lieu du { $old }.
}
extension-why = Motif : { $reason }
extension-follow = Vous pouvez suivre votre demande sur votre page de préférences en matière de données :
extension-button = Suivre ma demande
refusal-subject = Au sujet de votre demande à { $organization }
refusal-body = { $kind ->
    [access] Le { $received }, vous avez demandé à { $organization } une copie de vos données à caractère personnel. Nous ne pouvons pas y donner suite, pour la raison suivante :
    [rectification] Le { $received }, vous avez demandé à { $organization } la rectification de vos données à caractère personnel. Nous ne pouvons pas y donner suite, pour la raison suivante :
    [erasure] Le { $received }, vous avez demandé à { $organization } l’effacement de vos données à caractère personnel. Nous ne pouvons pas y donner suite, pour la raison suivante :
    [restriction] Le { $received }, vous avez demandé à { $organization } la limitation du traitement de vos données. Nous ne pouvons pas y donner suite, pour la raison suivante :
   *[objection] Le { $received }, vous vous êtes opposé(e) au traitement de vos données par { $organization }. Nous ne pouvons pas faire droit à votre opposition, pour la raison suivante :
}
refusal-complaint = Si vous n’êtes pas d’accord, vous pouvez introduire une réclamation auprès d’une autorité de contrôle de la protection des données et former un recours juridictionnel.
refusal-page = Votre page de préférences en matière de données :

## Confirmer une adresse corrigée
address-confirm-subject = Veuillez confirmer votre adresse e-mail pour { $organization }
address-confirm-asked = Vous avez demandé à { $organization } de remplacer l’adresse e-mail que nous détenons par celle-ci. Avant de vous y écrire, veuillez confirmer qu’elle est bien la vôtre :
address-confirm-until = Tant que vous n’avez pas confirmé, nous continuons d’écrire à l’adresse que nous avions. Le lien est valable 7 jours.
address-confirm-ignore = Si vous n’êtes pas à l’origine de cette demande, vous pouvez ignorer cet e-mail : rien ne changera.
address-confirm-button = Confirmer mon adresse e-mail
