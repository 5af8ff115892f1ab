## De e-mails die kandidaten ontvangen. Bron: ../en/emails.ftl

email-hello = Beste kandidaat,
email-hello-name = Beste { $name },
email-personal-link = Deze link is persoonlijk: stuur hem niet door.
email-open-preferences = Mijn voorkeuren voor mijn gegevens openen

## Een verzoek of keuze, bevestigd
confirmation-request-subject = { $organization }: we hebben uw verzoek ontvangen
confirmation-choice-subject = { $organization }: uw keuze is vastgelegd
confirmation-due = { $organization } antwoordt uiterlijk op { $date }.
confirmation-page = U kunt de status van uw verzoeken op elk moment bekijken en uw keuzes wijzigen op uw pagina met voorkeuren voor uw gegevens:

## Een nieuwe link
fresh-link-email-subject = Uw link naar uw voorkeuren voor uw gegevens bij { $organization }
fresh-link-email-asked = U (of iemand die uw adres heeft ingevuld) heeft een nieuwe link gevraagd naar uw pagina met voorkeuren voor uw gegevens bij { $organization }:
fresh-link-email-what = Daar kunt u toestemming geven of intrekken, geen contact meer krijgen over toekomstige functies, en om een kopie, rectificatie of wissing van uw gegevens vragen.
fresh-link-email-ignore = Als u hier niet om heeft gevraagd, kunt u deze e-mail negeren. De link is persoonlijk: stuur hem niet door.

## De informatie aan iemand die het team heeft toegevoegd (art. 14)
gdpr-notice-subject = Hoe { $organization } uw persoonsgegevens gebruikt
gdpr-notice-added = { $organization } heeft uw gegevens (zoals uw naam, contactgegevens en loopbaan) opgenomen in het wervingssysteem, om u in aanmerking te nemen voor huidige en toekomstige functies.
gdpr-notice-kept = We bewaren ze { $period }, tenzij u ons vraagt ze eerder te wissen.
gdpr-notice-decide = U bepaalt hoe we ze mogen gebruiken. Op uw persoonlijke pagina met voorkeuren kunt u toestemming geven of intrekken, ons vragen geen contact meer met u op te nemen, en om een kopie, rectificatie of wissing van uw gegevens vragen:
gdpr-notice-privacy-policy = Onze privacyverklaring: { $url }

## Het antwoord op een verzoek duurt langer, of wordt geweigerd
extension-subject = We hebben meer tijd nodig om uw verzoek te beantwoorden — nieuwe datum { $date }
extension-body = { $kind ->
    [access] Op { $received } heeft u { $organization } om een kopie van uw persoonsgegevens gevraagd. We hebben meer tijd nodig om uw verzoek zorgvuldig te beantwoorden, en antwoorden uiterlijk op { $new } in plaats van { $old }.
    [rectification] Op { $received } heeft u { $organization } om rectificatie van uw persoonsgegevens gevraagd. We hebben meer tijd nodig om uw verzoek zorgvuldig te beantwoorden, en antwoorden uiterlijk op { $new } in plaats van { $old }.
    [erasure] Op { $received } heeft u { $organization } om wissing van uw persoonsgegevens gevraagd. We hebben meer tijd nodig om uw verzoek zorgvuldig te beantwoorden, en antwoorden uiterlijk op { $new } in plaats van { $old }.
    [restriction] Op { $received } heeft u { $organization } om beperking van de verwerking van uw gegevens gevraagd. We hebben meer tijd nodig om uw verzoek zorgvuldig te beantwoorden, en antwoorden uiterlijk op { $new } in plaats van { $old }.
   *[objection] Op { $received } heeft u bezwaar gemaakt tegen de verwerking van uw gegevens door { $organization }. We hebben meer tijd nodig om uw bezwaar zorgvuldig te beantwoorden, en antwoorden uiterlijk op { $new } in plaats van { $old }.
}
extension-why = Reden: { $reason }
extension-follow = U kunt uw verzoek volgen op uw pagina met voorkeuren voor uw gegevens:
extension-button = Mijn verzoek volgen
refusal-subject = Over uw verzoek aan { $organization }
refusal-body = { $kind ->
    [access] Op { $received } heeft u { $organization } om een kopie van uw persoonsgegevens gevraagd. Dat kunnen we om de volgende reden niet doen:
    [rectification] Op { $received } heeft u { $organization } om rectificatie van uw persoonsgegevens gevraagd. Dat kunnen we om de volgende reden niet doen:
    [erasure] Op { $received } heeft u { $organization } om wissing van uw persoonsgegevens gevraagd. Dat kunnen we om de volgende reden niet doen:
    [restriction] Op { $received } heeft u { $organization } om beperking van de verwerking van uw gegevens gevraagd. Dat kunnen we om de volgende reden niet doen:
   *[objection] Op { $received } heeft u bezwaar gemaakt tegen de verwerking van uw gegevens door { $organization }. We kunnen uw bezwaar om de volgende reden niet honoreren:
}
refusal-complaint = Als u het hier niet mee eens bent, kunt u een klacht indienen bij een toezichthoudende autoriteit voor gegevensbescherming en een voorziening in rechte instellen.
refusal-page = Uw pagina met voorkeuren voor uw gegevens:

## Een gecorrigeerd adres bevestigen
address-confirm-subject = Bevestig uw e-mailadres voor { $organization }
address-confirm-asked = U heeft { $organization } gevraagd het e-mailadres dat we van u hebben te vervangen door dit adres. Bevestig voordat we ernaar schrijven dat het van u is:
address-confirm-until = Tot u bevestigt, blijven we schrijven naar het adres dat we hadden. De link is 7 dagen geldig.
address-confirm-ignore = Als u hier niet om heeft gevraagd, kunt u deze e-mail negeren: er verandert niets.
address-confirm-button = Mijn e-mailadres bevestigen
