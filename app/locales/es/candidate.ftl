## Las páginas de los candidatos. Fuente: ../en/candidate.ftl

## Todas las páginas
skip-link = Ir al contenido
language-label = Idioma
language-submit = Cambiar de idioma
privacy-policy = Política de privacidad
data-protection-contact = Preguntas sobre sus datos: { $contact }
period = { $unit ->
    [years] { $n ->
        [one] { $n } año
       *[other] { $n } años
    }
    [months] { $n ->
        [one] { $n } mes
       *[other] { $n } meses
    }
   *[days] { $n ->
        [one] { $n } día
       *[other] { $n } días
    }
}

## La página de sus preferencias
prefs-title = Sus preferencias sobre sus datos
prefs-intro = { $organization } utiliza Candor para gestionar los datos personales que usted facilitó al presentar su candidatura o al ser considerado para un puesto. Aquí decide cómo pueden utilizarse, y puede solicitar una copia, su rectificación o su supresión.
prefs-legitimate-interest = { $organization } trata sus datos para sus procesos de selección sobre la base de su interés legítimo: para considerarle para el puesto al que se presentó y para otros similares. Puede oponerse en cualquier momento dejando de recibir contactos más abajo o solicitando la supresión.
prefs-country-policy = Se le aplica la política de protección de datos de { $country }: sus datos se conservan durante { $period } después de que finalice su candidatura.
prefs-personal-link = Accede a esta página mediante su enlace personal. No lo reenvíe: cualquier persona que tenga el enlace puede cambiar sus preferencias.

consent-heading = Su consentimiento
purpose-title = { $purpose ->
    [processing] Considerarle para puestos
    [retention] Conservar sus datos para futuros puestos
   *[contact] Contactarle sobre futuros puestos
}
purpose-explanation = { $purpose ->
    [processing] { $organization } utiliza su candidatura, su currículum y las notas de las entrevistas para considerarle para los puestos a los que se ha presentado.
    [retention] Cuando finalice su candidatura, { $organization } conservará sus datos durante { $period } para contactarle sobre otros puestos que puedan encajar con su perfil. Sin este consentimiento, se suprimen en cuanto finaliza su candidatura.
   *[contact] { $organization } puede escribirle sobre futuros puestos que puedan interesarle.
}
consent-state = { $state ->
    [given] Consentimiento otorgado
    [revoked] Consentimiento no otorgado o retirado
   *[unasked] Aún no se ha solicitado
}
consent-give = { $purpose ->
    [processing] Dar mi consentimiento: considerarme para puestos
    [retention] Dar mi consentimiento: conservar mis datos para futuros puestos
   *[contact] Dar mi consentimiento: contactarme sobre futuros puestos
}
consent-revoke = { $purpose ->
    [processing] Retirar mi consentimiento: considerarme para puestos
    [retention] Retirar mi consentimiento: conservar mis datos para futuros puestos
   *[contact] Retirar mi consentimiento: contactarme sobre futuros puestos
}

contact-heading = Contacto sobre futuros puestos
contact-allowed = Actualmente se le puede contactar sobre futuros puestos.
contact-stopped = Ha solicitado que no se le contacte sobre futuros puestos.
contact-stop = No contactarme más sobre futuros puestos
contact-allow = Pueden volver a contactarme

requests-heading = Solicitudes sobre sus datos
access-title = Enviarme una copia de mis datos
access-text = Recibirá por correo electrónico los datos personales que se conservan sobre usted, con un archivo legible por máquina (derecho de acceso).
rectification-title = Corregir mis datos
rectification-text = Indíquenos qué es incorrecto. Rellene solo los valores que desea corregir (derecho de rectificación).
erasure-title = Suprimir mis datos personales
erasure-deleted = Se suprimirán su nombre, sus datos de contacto, su currículum, sus respuestas de la candidatura y sus mensajes.
erasure-applications-end = Cualquier candidatura en curso finalizará: dejará de ser considerado para esos puestos.
erasure-no-contact = No se le contactará sobre futuros puestos; esto se aplica desde el momento de su solicitud.
erasure-record-kept = Se conserva, sin sus datos personales, constancia de su solicitud y de la fecha en que se atendió, tal como exige la ley.
erasure-continue = Continuar con la supresión
erasure-confirm-question = ¿Desea continuar? La supresión no se puede deshacer una vez eliminados sus datos.
erasure-confirm = Sí, suprimir mis datos personales
cancel = Cancelar
submit-request = Enviar solicitud

field-note = ¿Qué debe corregirse?
field-name = Nombre correcto
field-email = Dirección de correo electrónico correcta
field-phone = Número de teléfono correcto
field-location = Lugar de residencia correcto
field-links = Enlaces correctos (uno por línea)

history-heading = Sus solicitudes
no-requests = Todavía no ha realizado ninguna solicitud.
earlier-requests = Solicitudes anteriores →
recent-requests = ← Solicitudes más recientes
request-pages-label = Más solicitudes
column-request = Solicitud
column-received = Recibida
column-due = Plazo
column-state = Estado
column-action = Acción
request-kind = { $kind ->
    [access] Acceso
    [rectification] Rectificación
    [erasure] Supresión
    [restriction] Limitación del tratamiento
   *[objection] Oposición
}
request-status = { $status ->
    [open] En curso
    [resolved] Atendida
    [refused] Denegada
   *[withdrawn] Retirada
}
withdraw-button = Retirar
withdraw-label = { $kind ->
    [access] Retirar su solicitud de acceso a sus datos personales
    [rectification] Retirar su solicitud de rectificación de sus datos personales
    [erasure] Retirar su solicitud de supresión de sus datos personales
    [restriction] Retirar su solicitud de limitación del tratamiento de sus datos
   *[objection] Retirar su oposición al tratamiento de sus datos
}
due-by = { $organization } le responderá a más tardar el { $date }.

## Lo que confirma una acción
request-received = { $kind ->
    [access] Hemos recibido su solicitud de una copia de sus datos personales.
    [rectification] Hemos recibido su solicitud de rectificación de sus datos personales.
    [erasure] Hemos recibido su solicitud de supresión de sus datos personales. No se le contactará sobre futuros puestos.
    [restriction] Hemos recibido su solicitud de limitación del tratamiento de sus datos.
   *[objection] Hemos recibido su oposición al tratamiento de sus datos.
}
request-already-open = { $kind ->
    [access] Ya solicitó una copia de sus datos personales y estamos trabajando en ello (consulte «Sus solicitudes» más abajo). No se ha enviado nada nuevo.
    [rectification] Ya solicitó la rectificación de sus datos personales y estamos trabajando en ello (consulte «Sus solicitudes» más abajo). No se ha enviado nada nuevo.
    [erasure] Ya solicitó la supresión de sus datos personales y estamos trabajando en ello (consulte «Sus solicitudes» más abajo). No se ha enviado nada nuevo.
    [restriction] Ya solicitó la limitación del tratamiento de sus datos y estamos trabajando en ello (consulte «Sus solicitudes» más abajo). No se ha enviado nada nuevo.
   *[objection] Ya se opuso al tratamiento de sus datos y estamos trabajando en ello (consulte «Sus solicitudes» más abajo). No se ha enviado nada nuevo.
}
request-withdrawn = { $kind ->
    [access] Ha retirado su solicitud de una copia de sus datos personales: no le daremos curso. Puede volver a solicitarlo en cualquier momento.
    [rectification] Ha retirado su solicitud de rectificación de sus datos personales: no le daremos curso. Puede volver a solicitarlo en cualquier momento.
    [erasure] Ha retirado su solicitud de supresión de sus datos personales: no le daremos curso. Puede volver a solicitarlo en cualquier momento.
    [restriction] Ha retirado su solicitud de limitación del tratamiento de sus datos: no le daremos curso. Puede volver a solicitarlo en cualquier momento.
   *[objection] Ha retirado su oposición al tratamiento de sus datos: no le daremos curso. Puede volver a oponerse en cualquier momento.
}
consent-given = { $purpose ->
    [processing] Gracias: ha dado su consentimiento para que se le considere para puestos.
    [retention] Gracias: ha dado su consentimiento para que se conserven sus datos para futuros puestos.
   *[contact] Se le podrá volver a contactar sobre futuros puestos.
}
consent-revoked = { $purpose ->
    [processing] Ha retirado su consentimiento para que se le considere para puestos.
    [retention] Ha retirado su consentimiento para que se conserven sus datos para futuros puestos.
   *[contact] No se le contactará sobre futuros puestos. Los correos ya programados se han cancelado.
}
consent-unchanged = No había nada que cambiar: su elección ya estaba registrada.
language-changed = Esta página se muestra ahora en español.

## Lo que salió mal
error-link-retired = Sus datos personales han sido suprimidos.
error-rate-limited = Ha enviado muchas solicitudes en poco tiempo. Espere un minuto y vuelva a intentarlo.
error-bad-form = No se ha podido leer este formulario, por lo que no se ha cambiado nada. Vuelva a cargar la página y envíelo de nuevo.
error-request-closed = Esta solicitud ya está cerrada: no se ha cambiado nada.
error-not-found = Aquí no hay nada. Puede que se haya eliminado o que la dirección esté incompleta.
error-unavailable = Algo ha fallado por nuestra parte y no se ha cambiado nada. Vuelva a intentarlo dentro de unos minutos.
problem-note-required = Describa qué debe corregirse o rellene al menos un valor corregido.
problem-confirm = Confirme que desea que se supriman sus datos.
problem-email-required = Introduzca su dirección de correo electrónico.
problem-email-invalid = Introduzca la dirección de correo electrónico con el formato nombre@example.com.
problem-phone-invalid = Introduzca el número de teléfono solo con cifras (se admiten espacios, +, - y paréntesis).
problem-links-invalid = Introduzca cada enlace como una dirección web completa que empiece por https://.
problem-required = Rellene { $field }.
problem-too-long = Acorte { $field }: { $max } caracteres como máximo.
problem-check = Revise { $field }.
field-object = { $field ->
    [note] su nota
    [name] el nombre
    [email] la dirección de correo electrónico
    [phone] el número de teléfono
    [location] el lugar de residencia
    [answer] su respuesta
   *[links] los enlaces
}

## Enlaces que no funcionan, y uno nuevo
link-invalid-title = Este enlace no es válido
link-invalid-text = Puede que el enlace haya caducado, que se haya sustituido por uno más reciente o que se haya copiado solo en parte. Sus datos y sus preferencias no han cambiado.
link-retired = Este enlace ya no está activo. { $organization } ha suprimido sus datos personales.
fresh-link-title = Enviarme un enlace nuevo
fresh-link-text = Introduzca la dirección de correo electrónico que utilizó con el equipo de selección. Si la conocemos, le enviaremos un nuevo enlace personal.
fresh-link-label = Su dirección de correo electrónico
fresh-link-submit = Enviarme un enlace nuevo por correo
fresh-link-sent = Gracias. Si conocemos esta dirección, hay un enlace nuevo en camino. Puede tardar unos minutos; revise también su carpeta de correo no deseado.
fresh-link-bad-email = Introduzca una dirección de correo electrónico con el formato nombre@example.com.

## Darse de baja
unsubscribe-title = Dejar de recibir correos sobre futuros puestos
unsubscribe-text = Pulse el botón y { $organization } dejará de contactarle sobre futuros puestos. Seguirá recibiendo las respuestas sobre sus propias candidaturas y solicitudes.
unsubscribe-button = No contactarme más
unsubscribed = Hecho: no se le contactará sobre futuros puestos.
more-choices = Ver todas sus preferencias sobre sus datos
more-choices-elsewhere = Sus demás preferencias sobre sus datos están en su página personal, enlazada desde cualquier correo que le enviemos.

## Confirmar una dirección de correo corregida
confirm-email-title = Confirme su dirección de correo electrónico
confirm-email-text = Ha pedido a { $organization } que a partir de ahora le escriba a { $email }. Confirme que esta dirección es suya.
confirm-email-button = Sí, es mi dirección
email-confirmed = Gracias: a partir de ahora, { $organization } le escribirá a { $email }.
confirm-link-invalid = Este enlace de confirmación ya no es válido. La dirección que teníamos no ha cambiado; vuelva a pedírnoslo si aún debe corregirse.
