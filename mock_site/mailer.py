"""Mail out by SMTP: multipart/alternative, from "Votre Assurance Maladie"."""

import smtplib
import ssl
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr, make_msgid

from flask import current_app, render_template

from mock_site import faults, wording


class MailNotSent(Exception):
    """The SMTP server was unreachable or refused the message."""


def send(to: str, subject: str, template: str, sent_at: datetime, **context) -> None:
    """Render `mail/<template>.txt` and `.html` and hand the mail to SMTP, or raise MailNotSent."""
    config = current_app.config
    sender = config["MAIL_FROM"]
    message = EmailMessage(policy=SMTP)
    sender_name = "Assurance Maladie" if faults.active("mail_expediteur") else wording.SENDER_NAME
    message["From"] = formataddr((sender_name, sender))
    message["To"] = to
    if template == "renewal" and faults.active("mail_en_copie"):
        message["Cc"] = "archive@assurance-maladie.example"  # send_message sends to Cc as well
    message["Subject"] = subject
    message["Date"] = format_datetime(sent_at)
    # An explicit domain: make_msgid would otherwise ask DNS for this host's name.
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    message.set_content(render_template(f"mail/{template}.txt", **context), cte="quoted-printable")
    if not (template == "renewal" and faults.active("mail_texte_seul")):
        message.add_alternative(render_template(f"mail/{template}.html", **context), subtype="html",
                                cte="quoted-printable")
    try:
        with smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"], timeout=config["SMTP_TIMEOUT"]) as smtp:
            if config["SMTP_STARTTLS_CA_FILE"]:
                # The server's certificate checked against this CA alone, for the name SMTP_HOST.
                smtp.starttls(context=ssl.create_default_context(cafile=config["SMTP_STARTTLS_CA_FILE"]))
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:  # down, timed out, refused TLS, or a 4xx/5xx answer
        current_app.logger.warning("Mail to %s not sent: %r", to, error)
        raise MailNotSent from error
