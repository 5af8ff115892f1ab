## Los correos que reciben los candidatos. Fuente: ../en/emails.ftl

email-hello = Hola:
email-hello-name = Hola, { $name }:
email-personal-link = Este enlace es personal: no lo reenvíe.
email-open-preferences = Abrir mis preferencias sobre mis datos

## Una solicitud o una elección, confirmada
confirmation-request-subject = { $organization }: hemos recibido su solicitud
confirmation-choice-subject = { $organization }: su elección ha quedado registrada
confirmation-due = { $organization } le responderá a más tardar el { $date }.
confirmation-page = Puede consultar el estado de sus solicitudes y cambiar sus preferencias en cualquier momento en su página de preferencias sobre sus datos:

## Un enlace nuevo
fresh-link-email-subject = Su enlace a sus preferencias sobre sus datos en { $organization }
fresh-link-email-asked = Usted (o alguien que escribió su dirección) ha solicitado un nuevo enlace a su página de preferencias sobre sus datos en { $organization }:
fresh-link-email-what = Allí puede dar o retirar su consentimiento, dejar de recibir contactos sobre futuros puestos y solicitar una copia, la rectificación o la supresión de sus datos.
fresh-link-email-ignore = Si no lo ha solicitado, puede ignorar este correo. El enlace es personal: no lo reenvíe.

## La información a una persona añadida por el equipo (art. 14)
gdpr-notice-subject = Cómo utiliza { $organization } sus datos personales
gdpr-notice-added = { $organization } ha añadido sus datos (como su nombre, sus datos de contacto y su trayectoria profesional) a su sistema de selección, para considerarle para puestos actuales y futuros.
gdpr-notice-kept = Los conservamos durante { $period }, salvo que nos pida suprimirlos antes.
gdpr-notice-decide = Usted decide cómo podemos utilizarlos. En su página personal de preferencias puede dar o retirar su consentimiento, pedirnos que dejemos de contactarle y solicitar una copia, la rectificación o la supresión de sus datos:
gdpr-notice-privacy-policy = Nuestra política de privacidad: { $url }

## La respuesta a una solicitud se retrasa o se deniega
extension-subject = Necesitamos más tiempo para responder a su solicitud — nueva fecha: { $date }
extension-body = { $kind ->
    [access] El { $received } solicitó a { $organization } una copia de sus datos personales. Necesitamos más tiempo para responderle debidamente y le responderemos a más tardar el { $new } en lugar del { $old }.
    [rectification] El { $received } solicitó a { $organization } la rectificación de sus datos personales. Necesitamos más tiempo para responderle debidamente y le responderemos a más tardar el { $new } en lugar del { $old }.
    [erasure] El { $received } solicitó a { $organization } la supresión de sus datos personales. Necesitamos más tiempo para responderle debidamente y le responderemos a más tardar el { $new } en lugar del { $old }.
    [restriction] El { $received } solicitó a { $organization } la limitación del tratamiento de sus datos. Necesitamos más tiempo para responderle debidamente y le responderemos a más tardar el { $new } en lugar del { $old }.
   *[objection] El { $received } se opuso al tratamiento de sus datos por parte de { $organization }. Necesitamos más tiempo para responderle debidamente y le responderemos a más tardar el { $new } en lugar del { $old }.
}
extension-why = Motivo: { $reason }
extension-follow = Puede seguir su solicitud en su página de preferencias sobre sus datos:
extension-button = Seguir mi solicitud
refusal-subject = Sobre su solicitud a { $organization }
refusal-body = { $kind ->
    [access] El { $received } solicitó a { $organization } una copia de sus datos personales. No podemos atenderla por el siguiente motivo:
    [rectification] El { $received } solicitó a { $organization } la rectificación de sus datos personales. No podemos atenderla por el siguiente motivo:
    [erasure] El { $received } solicitó a { $organization } la supresión de sus datos personales. No podemos atenderla por el siguiente motivo:
    [restriction] El { $received } solicitó a { $organization } la limitación del tratamiento de sus datos. No podemos atenderla por el siguiente motivo:
   *[objection] El { $received } se opuso al tratamiento de sus datos por parte de { $organization }. No podemos estimar su oposición por el siguiente motivo:
}
refusal-complaint = Si no está de acuerdo, puede presentar una reclamación ante una autoridad de control de protección de datos y ejercitar acciones judiciales.
refusal-page = Su página de preferencias sobre sus datos:

## Confirmar una dirección corregida
address-confirm-subject = Confirme su dirección de correo electrónico para { $organization }
address-confirm-asked = Ha pedido a { $organization } que sustituya por esta la dirección de correo electrónico que tenemos de usted. Antes de escribirle a ella, confirme que es suya:
address-confirm-until = Hasta que la confirme, seguiremos escribiendo a la dirección que teníamos. El enlace es válido durante 7 días.
address-confirm-ignore = Si no lo ha solicitado, puede ignorar este correo: no cambiará nada.
address-confirm-button = Confirmar mi dirección de correo electrónico
