## De pagina's voor kandidaten. Bron: ../en/candidate.ftl

## Elke pagina
skip-link = Naar de inhoud
language-label = Taal
language-submit = Taal wijzigen
privacy-policy = Privacyverklaring
data-protection-contact = Vragen over uw gegevens: { $contact }
period = { $unit ->
    [years] { $n } jaar
    [months] { $n ->
        [one] { $n } maand
       *[other] { $n } maanden
    }
   *[days] { $n ->
        [one] { $n } dag
       *[other] { $n } dagen
    }
}

## De pagina met uw voorkeuren
prefs-title = Uw voorkeuren voor uw gegevens
prefs-intro = { $organization } gebruikt Candor om de persoonsgegevens te beheren die u heeft verstrekt bij uw sollicitatie of toen u voor een functie in aanmerking werd genomen. Hier bepaalt u hoe ze gebruikt mogen worden, en u kunt om een kopie, een correctie of wissing ervan vragen.
prefs-legitimate-interest = { $organization } verwerkt uw gegevens voor de werving op basis van een gerechtvaardigd belang: om u in aanmerking te nemen voor de functie waarop u solliciteerde en voor vergelijkbare functies. U kunt op elk moment bezwaar maken door hieronder contact stop te zetten of om wissing te vragen.
prefs-country-policy = Voor u geldt het gegevensbeschermingsbeleid voor { $country }: uw gegevens worden { $period } bewaard nadat uw sollicitatie is afgerond.
prefs-personal-link = U bereikt deze pagina via uw persoonlijke link. Stuur deze niet door: iedereen met de link kan uw keuzes wijzigen.

consent-heading = Uw toestemming
purpose-title = { $purpose ->
    [processing] U in aanmerking nemen voor functies
    [retention] Uw gegevens bewaren voor toekomstige functies
   *[contact] Contact over toekomstige functies
}
purpose-explanation = { $purpose ->
    [processing] { $organization } gebruikt uw sollicitatie, cv en aantekeningen van gesprekken om u in aanmerking te nemen voor de functies waarop u heeft gesolliciteerd.
    [retention] Nadat uw sollicitatie is afgerond, bewaart { $organization } uw gegevens { $period } om u te benaderen voor andere functies die bij u passen. Zonder deze toestemming worden ze gewist zodra uw sollicitatie is afgerond.
   *[contact] { $organization } mag u e-mailen over toekomstige functies die bij u kunnen passen.
}
consent-state = { $state ->
    [given] Toestemming gegeven
    [revoked] Toestemming niet gegeven of ingetrokken
   *[unasked] Nog niet gevraagd
}
consent-give = { $purpose ->
    [processing] Toestemming geven: mij in aanmerking nemen voor functies
    [retention] Toestemming geven: mijn gegevens bewaren voor toekomstige functies
   *[contact] Toestemming geven: contact over toekomstige functies
}
consent-revoke = { $purpose ->
    [processing] Toestemming intrekken: mij in aanmerking nemen voor functies
    [retention] Toestemming intrekken: mijn gegevens bewaren voor toekomstige functies
   *[contact] Toestemming intrekken: contact over toekomstige functies
}

contact-heading = Contact over toekomstige functies
contact-allowed = Er mag op dit moment contact met u worden opgenomen over toekomstige functies.
contact-stopped = U heeft gevraagd geen contact meer te krijgen over toekomstige functies.
contact-stop = Geen contact meer over toekomstige functies
contact-allow = U mag weer contact met mij opnemen

requests-heading = Verzoeken over uw gegevens
access-title = Stuur mij een kopie van mijn gegevens
access-text = U ontvangt de persoonsgegevens die over u zijn vastgelegd per e-mail, met een machineleesbaar bestand (recht van inzage).
rectification-title = Mijn gegevens corrigeren
rectification-text = Laat ons weten wat er niet klopt. Vul alleen de gegevens in die gecorrigeerd moeten worden (recht op rectificatie).
erasure-title = Mijn persoonsgegevens wissen
erasure-deleted = Uw naam, contactgegevens, cv, antwoorden bij uw sollicitatie en berichten worden gewist.
erasure-applications-end = Lopende sollicitaties worden beëindigd: u wordt niet langer in aanmerking genomen voor die functies.
erasure-no-contact = Er wordt geen contact meer met u opgenomen over toekomstige functies; dit gaat in zodra u het vraagt.
erasure-record-kept = Een vastlegging dat u erom vroeg en wanneer het is uitgevoerd, wordt zonder uw persoonsgegevens bewaard, zoals de wet vereist.
erasure-continue = Verder naar wissen
erasure-confirm-question = Weet u het zeker? Wissen kan niet ongedaan worden gemaakt zodra uw gegevens zijn gewist.
erasure-confirm = Ja, wis mijn persoonsgegevens
cancel = Annuleren
submit-request = Verzoek versturen

field-note = Wat moet er gecorrigeerd worden?
field-name = Juiste naam
field-email = Juist e-mailadres
field-phone = Juist telefoonnummer
field-location = Juiste woonplaats
field-links = Juiste links (één per regel)

history-heading = Uw verzoeken
no-requests = U heeft nog geen verzoeken gedaan.
earlier-requests = Eerdere verzoeken →
recent-requests = ← Meest recente verzoeken
request-pages-label = Meer verzoeken
column-request = Verzoek
column-received = Ontvangen
column-due = Uiterlijk
column-state = Status
column-action = Actie
request-kind = { $kind ->
    [access] Inzage
    [rectification] Rectificatie
    [erasure] Wissing
    [restriction] Beperking van de verwerking
   *[objection] Bezwaar
}
request-status = { $status ->
    [open] In behandeling
    [resolved] Afgehandeld
    [refused] Geweigerd
   *[withdrawn] Ingetrokken
}
withdraw-button = Intrekken
withdraw-label = { $kind ->
    [access] Uw verzoek om inzage in uw persoonsgegevens intrekken
    [rectification] Uw verzoek om rectificatie van uw persoonsgegevens intrekken
    [erasure] Uw verzoek om wissing van uw persoonsgegevens intrekken
    [restriction] Uw verzoek om beperking van de verwerking van uw gegevens intrekken
   *[objection] Uw bezwaar tegen de verwerking van uw gegevens intrekken
}
due-by = { $organization } antwoordt uiterlijk op { $date }.

## Wat een actie bevestigt
request-received = { $kind ->
    [access] We hebben uw verzoek om een kopie van uw persoonsgegevens ontvangen.
    [rectification] We hebben uw verzoek om rectificatie van uw persoonsgegevens ontvangen.
    [erasure] We hebben uw verzoek om wissing van uw persoonsgegevens ontvangen. Er wordt geen contact meer met u opgenomen over toekomstige functies.
    [restriction] We hebben uw verzoek om beperking van de verwerking van uw gegevens ontvangen.
   *[objection] We hebben uw bezwaar tegen de verwerking van uw gegevens ontvangen.
}
request-already-open = { $kind ->
    [access] U heeft al om een kopie van uw persoonsgegevens gevraagd, en we zijn ermee bezig (zie „Uw verzoeken” hieronder). Er is niets nieuws verstuurd.
    [rectification] U heeft al om rectificatie van uw persoonsgegevens gevraagd, en we zijn ermee bezig (zie „Uw verzoeken” hieronder). Er is niets nieuws verstuurd.
    [erasure] U heeft al om wissing van uw persoonsgegevens gevraagd, en we zijn ermee bezig (zie „Uw verzoeken” hieronder). Er is niets nieuws verstuurd.
    [restriction] U heeft al om beperking van de verwerking van uw gegevens gevraagd, en we zijn ermee bezig (zie „Uw verzoeken” hieronder). Er is niets nieuws verstuurd.
   *[objection] U heeft al bezwaar gemaakt tegen de verwerking van uw gegevens, en we zijn ermee bezig (zie „Uw verzoeken” hieronder). Er is niets nieuws verstuurd.
}
request-withdrawn = { $kind ->
    [access] U heeft uw verzoek om een kopie van uw persoonsgegevens ingetrokken: we doen er niets mee. U kunt er op elk moment opnieuw om vragen.
    [rectification] U heeft uw verzoek om rectificatie van uw persoonsgegevens ingetrokken: we doen er niets mee. U kunt er op elk moment opnieuw om vragen.
    [erasure] U heeft uw verzoek om wissing van uw persoonsgegevens ingetrokken: we doen er niets mee. U kunt er op elk moment opnieuw om vragen.
    [restriction] U heeft uw verzoek om beperking van de verwerking van uw gegevens ingetrokken: we doen er niets mee. U kunt er op elk moment opnieuw om vragen.
   *[objection] U heeft uw bezwaar tegen de verwerking van uw gegevens ingetrokken: we doen er niets mee. U kunt op elk moment opnieuw bezwaar maken.
}
consent-given = { $purpose ->
    [processing] Dank u: u heeft toestemming gegeven om u in aanmerking te nemen voor functies.
    [retention] Dank u: u heeft toestemming gegeven om uw gegevens te bewaren voor toekomstige functies.
   *[contact] Er mag weer contact met u worden opgenomen over toekomstige functies.
}
consent-revoked = { $purpose ->
    [processing] U heeft uw toestemming ingetrokken om u in aanmerking te nemen voor functies.
    [retention] U heeft uw toestemming ingetrokken om uw gegevens te bewaren voor toekomstige functies.
   *[contact] Er wordt geen contact meer met u opgenomen over toekomstige functies. Al geplande e-mails zijn geannuleerd.
}
consent-unchanged = Er hoefde niets te veranderen: uw keuze was al vastgelegd.
language-changed = Deze pagina is nu in het Nederlands.

## Wat er misging
error-link-retired = Uw persoonsgegevens zijn gewist.
error-rate-limited = U heeft in korte tijd veel verzoeken verstuurd. Wacht een minuut en probeer het dan opnieuw.
error-bad-form = Dit formulier kon niet worden gelezen, dus er is niets gewijzigd. Laad de pagina opnieuw en verstuur het nogmaals.
error-request-closed = Dit verzoek is al afgesloten: er is niets gewijzigd.
error-not-found = Hier is niets. Het is misschien verwijderd, of het adres is onvolledig.
error-unavailable = Er ging bij ons iets mis en er is niets gewijzigd. Probeer het over een paar minuten opnieuw.
problem-note-required = Beschrijf wat er gecorrigeerd moet worden, of vul ten minste één gecorrigeerd gegeven in.
problem-confirm = Bevestig dat u wilt dat uw gegevens worden gewist.
problem-email-required = Vul uw e-mailadres in.
problem-email-invalid = Vul het e-mailadres in als naam@example.com.
problem-phone-invalid = Vul het telefoonnummer alleen met cijfers in (spaties, +, - en haakjes zijn toegestaan).
problem-links-invalid = Vul elke link in als een volledig webadres dat begint met https://.
problem-required = Vul { $field } in.
problem-too-long = Maak { $field } korter: hoogstens { $max } tekens.
problem-check = Controleer { $field }.
field-object = { $field ->
    [note] uw toelichting
    [name] de naam
    [email] het e-mailadres
    [phone] het telefoonnummer
    [location] de woonplaats
    [answer] uw antwoord
   *[links] de links
}

## Links die niet werken, en een nieuwe
link-invalid-title = Deze link is niet geldig
link-invalid-text = De link is misschien verlopen, vervangen door een nieuwere of maar gedeeltelijk gekopieerd. Uw gegevens en keuzes zijn ongewijzigd.
link-retired = Deze link is niet meer actief. { $organization } heeft uw persoonsgegevens gewist.
fresh-link-title = Stuur mij een nieuwe link
fresh-link-text = Vul het e-mailadres in dat u bij het wervingsteam heeft gebruikt. Als het bij ons bekend is, e-mailen we er een nieuwe persoonlijke link naartoe.
fresh-link-label = Uw e-mailadres
fresh-link-submit = E-mail mij een nieuwe link
fresh-link-sent = Dank u. Als dit adres bij ons bekend is, is er een nieuwe link onderweg. Dat kan een paar minuten duren; kijk ook in uw map met ongewenste e-mail.
fresh-link-bad-email = Vul een e-mailadres in als naam@example.com.

## Afmelden
unsubscribe-title = Geen e-mails meer over toekomstige functies
unsubscribe-text = Druk op de knop en { $organization } neemt geen contact meer met u op over toekomstige functies. Antwoorden over uw eigen sollicitaties en verzoeken blijft u ontvangen.
unsubscribe-button = Geen contact meer
unsubscribed = Gedaan: er wordt geen contact meer met u opgenomen over toekomstige functies.
more-choices = Bekijk al uw keuzes voor uw gegevens
more-choices-elsewhere = Uw andere keuzes voor uw gegevens staan op uw persoonlijke pagina, waarnaar elke e-mail van ons linkt.

## Een gecorrigeerd e-mailadres bevestigen
confirm-email-title = Bevestig uw e-mailadres
confirm-email-text = U heeft { $organization } gevraagd u voortaan te schrijven op { $email }. Bevestig dat dit adres van u is.
confirm-email-button = Ja, dit is mijn adres
email-confirmed = Dank u: { $organization } schrijft u voortaan op { $email }.
confirm-link-invalid = Deze bevestigingslink is niet meer geldig. Het adres dat we van u hadden is ongewijzigd; vraag het ons opnieuw als het nog gecorrigeerd moet worden.
