## De vacatures, een vacature en het sollicitatieformulier. Bron: ../en/jobs.ftl

jobs-title = Vacatures
jobs-none = Er zijn op dit moment geen vacatures. Kijk later nog eens.
jobs-all = Alle vacatures bekijken
job-closed-title = Deze vacature is gesloten
job-closed = Voor deze vacature kan niet meer worden gesolliciteerd, of het adres is onvolledig.
apply-heading = Solliciteren op deze vacature
apply-button = Sollicitatie versturen
apply-name = Uw naam
apply-email = Uw e-mailadres
apply-phone = Uw telefoonnummer (optioneel)
apply-resume = Cv (optioneel)
apply-resume-help = PDF, Word, OpenDocument, RTF of platte tekst, tot { $megabytes } MB.
apply-trap = Laat dit veld leeg
apply-your-data = Uw gegevens
apply-processing-consent = Ik geef { $organization } toestemming mijn gegevens te verwerken om mij in aanmerking te nemen voor deze functie (verplicht om te solliciteren).
apply-retention-consent = Mijn gegevens { $period } bewaren nadat deze sollicitatie is afgerond, zodat { $organization } mij op andere functies kan wijzen (optioneel).
apply-processing-notice = { $organization } gebruikt wat u hier verstuurt om u in aanmerking te nemen voor deze functie.
apply-kept-for = { $organization } bewaart uw gegevens { $period } nadat uw sollicitatie is afgerond en wist ze daarna.
apply-choices-later = Via de persoonlijke link in onze e-mails kunt u op elk moment uw keuzes wijzigen en om een kopie, rectificatie of wissing van uw gegevens vragen.
applied = Dank u — uw sollicitatie is ontvangen. { $organization } neemt per e-mail contact met u op.

problem-processing-consent = Vink het vakje aan om te solliciteren: zo geeft u toestemming uw gegevens voor uw sollicitatie te verwerken.
problem-resume-too-long = Uw cv is groter dan { $megabytes } MB. Upload een kleiner bestand; een pdf is meestal het kleinst.
problem-resume-invalid = Upload uw cv als pdf-, Word-, OpenDocument-, RTF- of tekstbestand.
problem-posting = Deze vacature is gesloten of bestaat niet meer.
error-upload-quota = Vanaf uw locatie kunnen we vandaag geen bestanden meer aannemen. Er is niets verstuurd: solliciteer zonder cv of probeer het morgen opnieuw.
