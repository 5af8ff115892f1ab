## Las ofertas de empleo, una oferta y su formulario de candidatura. Fuente: ../en/jobs.ftl

jobs-title = Ofertas de empleo
jobs-none = En este momento no hay ofertas abiertas. Vuelva a consultarlas más adelante.
jobs-all = Ver todas las ofertas
job-closed-title = Esta oferta está cerrada
job-closed = Esta oferta ya no admite candidaturas, o la dirección está incompleta.
apply-heading = Presentar mi candidatura
apply-button = Enviar candidatura
apply-name = Su nombre
apply-email = Su dirección de correo electrónico
apply-phone = Su número de teléfono (opcional)
apply-resume = Currículum (opcional)
apply-resume-help = PDF, Word, OpenDocument, RTF o texto sin formato, hasta { $megabytes } MB.
apply-trap = Deje este campo vacío
apply-your-data = Sus datos
apply-processing-consent = Acepto que { $organization } trate mis datos para considerarme para este puesto (obligatorio para presentar la candidatura).
apply-retention-consent = Conservar mis datos durante { $period } después de que finalice esta candidatura, para que { $organization } pueda informarme de otros puestos (opcional).
apply-processing-notice = { $organization } utiliza lo que envíe aquí para considerarle para este puesto.
apply-kept-for = { $organization } conserva sus datos durante { $period } después de que finalice su candidatura y después los suprime.
apply-choices-later = En cualquier momento, mediante el enlace personal de nuestros correos, puede cambiar sus preferencias y solicitar una copia, la rectificación o la supresión de sus datos.
applied = Gracias: hemos recibido su candidatura. { $organization } se pondrá en contacto con usted por correo electrónico.

problem-processing-consent = Para presentar su candidatura, marque la casilla para aceptar que tratemos sus datos para su candidatura.
problem-resume-too-long = Su currículum supera los { $megabytes } MB. Suba un archivo más pequeño; un PDF suele ser el más ligero.
problem-resume-invalid = Suba su currículum en formato PDF, Word, OpenDocument, RTF o texto sin formato.
problem-posting = Esta oferta está cerrada o ya no existe.
error-upload-quota = Hoy no podemos aceptar más archivos desde su ubicación. No se ha enviado nada: presente su candidatura sin currículum o vuelva a intentarlo mañana.
