"""What a person checks in a mail: its sender, its recipients, its parts, its words."""

import re
from datetime import datetime

from contract import wording
from contract.time import PARIS
from mails.mail import Mail, collapse_spaces


def expect_sender(mail: Mail, name: str) -> None:
    assert mail.sender_name == name, f"Expéditeur attendu « {name} », vu « {mail.sender_name} » ({mail.describe()})."


def expect_only_recipient(mail: Mail, address: str) -> None:
    assert [r.lower() for r in mail.recipients] == [address.lower()], (
        f"Destinataire attendu : {address} seul ; vus : {', '.join(mail.recipients)} ({mail.describe()})."
    )


def expect_text_and_html(mail: Mail) -> None:
    content_type = mail.headers.get("Content-Type", [""])[0]
    assert content_type.startswith("multipart/alternative"), (
        f"Mail multipart/alternative attendu, vu « {content_type} » ({mail.describe()})."
    )
    assert mail.text.strip() and mail.html.strip(), f"Une version texte et une version HTML attendues ({mail.describe()})."


def expect_both_versions_say(mail: Mail, shown_html: str, words: str) -> None:
    """`shown_html`: the HTML version's text as the browser shows it (markup says nothing to a reader)."""
    for version, content in (("texte", mail.text), ("HTML (telle qu'affichée)", shown_html)):
        assert words in collapse_spaces(content), f"La version {version} du mail devait dire « {words} » ({mail.describe()})."


def expect_subject_avoids(mail: Mail, *forbidden_words: str) -> None:
    for forbidden in forbidden_words:
        assert forbidden.lower() not in mail.subject.lower(), (
            f"L'objet « {mail.subject} » ne devait pas contenir « {forbidden} » ({mail.describe()})."
        )


def expect_found(results: list[Mail], mail: Mail) -> None:
    found = [result.id for result in results]
    assert mail.id in found, f"La recherche devait trouver le mail {mail.describe()} ; elle a trouvé {found or 'aucun mail'}."


def expect_link_on_site(address: str, site_url: str, mail: Mail) -> str:
    assert address.startswith(f"{site_url}/"), (
        f"Le lien du mail devait mener au site {site_url} ; il mène à {address} ({mail.describe()})."
    )
    return address


def expect_text_gives(mail: Mail, address: str) -> None:
    assert address in mail.text, f"La version texte devait donner l'adresse {address} ({mail.describe()})."


_CHANGE_MOMENT = re.compile(re.escape(wording.CHANGED_SENTENCE_PREFIX) + r" (\d{2}/\d{2}/\d{4}) à (\d{2}h\d{2})\.")


def stated_change_moment(mail: Mail) -> datetime:
    """The moment that the confirmation mail states, the same in its text and HTML versions."""
    html_text = re.sub(r"<[^>]+>", " ", mail.html)
    stated = {version: _CHANGE_MOMENT.search(collapse_spaces(content))
              for version, content in (("texte", mail.text), ("HTML", html_text))}
    missing = [version for version, found in stated.items() if not found]
    assert not missing, (
        f"La phrase « {wording.CHANGED_SENTENCE_PREFIX} JJ/MM/AAAA à HHhMM. » manque dans la version "
        f"{' et '.join(missing)} du mail ({mail.describe()})."
    )
    moments = {found.group(1) + " " + found.group(2) for found in stated.values()}
    assert len(moments) == 1, f"Les versions texte et HTML du mail donnent des moments différents : {moments}."
    return datetime.strptime(moments.pop(), "%d/%m/%Y %Hh%M")


def expect_exact_change_moment(mail: Mail, submitted_at: datetime) -> None:
    """On a frozen clock: the minute of the click, Europe/Paris, truncated (hh:mm:59 is still hh:mm)."""
    stated = stated_change_moment(mail)
    submitted = submitted_at.astimezone(PARIS).replace(second=0, microsecond=0, tzinfo=None)
    assert stated == submitted, (
        f"Le mail devait dater le changement du {submitted:%d/%m/%Y à %Hh%M} (heure de Paris, la minute du clic "
        f"à {submitted_at.astimezone(PARIS):%Hh%M:%S}, sans arrondir) ; il indique le {stated:%d/%m/%Y à %Hh%M} "
        f"({mail.describe()})."
    )


def expect_change_stated_at(mail: Mail, submitted_at: datetime, hour: str) -> None:
    """The mail says the day of the click in Paris, at the hour (HHhMM) that the feature writes."""
    stated = stated_change_moment(mail)
    day = submitted_at.astimezone(PARIS).date()
    assert (stated.date(), f"{stated:%Hh%M}") == (day, hour), (
        f"Le mail devait dater le changement du {day:%d/%m/%Y} à {hour} (heure de Paris : le clic a eu lieu à "
        f"{submitted_at:%Y-%m-%d %H:%M:%S%z} selon l'horloge du site) ; il indique le {stated:%d/%m/%Y à %Hh%M} "
        f"({mail.describe()})."
    )


def expect_change_moment(mail: Mail, submitted_at: datetime) -> None:
    """The mail dates the change to the minute of the click (truncated), or the next if it turned meanwhile."""
    stated = stated_change_moment(mail)
    submitted = submitted_at.replace(second=0, microsecond=0, tzinfo=None)
    assert 0 <= (stated - submitted).total_seconds() <= 60, (
        f"Le mail devait dater le changement du {submitted:%d/%m/%Y à %Hh%M} (heure de Paris, horloge du site), "
        f"à la minute près ; il indique le {stated:%d/%m/%Y à %Hh%M} ({mail.describe()})."
    )
