"""The mailbox page object: one bounded wait, exact addresses, proof of no mail, clear failures."""

import time
from datetime import UTC, datetime, timedelta

import pytest
import requests

from mails.mail import Mail
from mails.mailbox import Mailbox
from mails.mailpit_client import MailpitError

RENEWAL = "Votre compte ameli – renouveler mon mot de passe"


def test_wait_returns_the_mail_with_every_field(mailbox, send, address):
    to = address()
    before = datetime.now(UTC) - timedelta(seconds=1)
    send(
        f"Assuré Durand <{to}>",
        RENEWAL,
        text="Lien valable 30 minutes : http://site.test/r/abc",
        html='<a href="http://site.test/r/abc">Renouveler mon mot de passe</a>',
        cc="Copie <copie@x.test>",
        envelope=[to, "copie@x.test", "cache@x.test"],
    )
    mail = mailbox.wait_for_mail(to=to, subject=RENEWAL)
    assert isinstance(mail, Mail)
    assert mail.subject == RENEWAL
    assert (mail.sender_name, mail.sender_address) == ("Votre Assurance Maladie", "ne-pas-repondre@ameli.test")
    assert (mail.to, mail.cc, mail.bcc) == ((to,), ("copie@x.test",), ("cache@x.test",))
    assert mail.recipients == (to, "copie@x.test", "cache@x.test")
    assert "30 minutes" in mail.text and 'href="http://site.test/r/abc"' in mail.html
    assert mail.headers["Subject"] and mail.headers["From"] == ["Votre Assurance Maladie <ne-pas-repondre@ameli.test>"]
    assert mail.created >= before and mail.created.tzinfo is not None
    assert mail.date.tzinfo is not None
    assert mailbox.read_mails[-1] == mail
    assert mail.id in mail.describe() and RENEWAL in mail.describe() and to in mail.describe()


def test_wait_polls_until_the_mail_arrives(catcher, send, address):
    mailbox = Mailbox(catcher.url, timeout=5.0, poll_interval=0.05)
    to = address()
    timer = send(to, "Arrive plus tard", delay=0.4)
    started = time.monotonic()
    mail = mailbox.wait_for_mail(to=to, subject="Arrive plus tard")
    timer.join()
    assert mail.subject == "Arrive plus tard"
    assert 0.3 < time.monotonic() - started < mailbox.timeout


def test_addresses_are_matched_exactly(mailbox, send, address):
    to, longer = address("a"), address("ba")
    send(longer, "Pour ba")  # Mailpit's to:"a@…" finds this one too
    with pytest.raises(AssertionError):
        mailbox.wait_for_mail(to=to)
    send(to, "Pour a")
    send(longer, "Encore pour ba")
    assert mailbox.wait_for_mail(to=to).subject == "Pour a"
    assert [m.subject for m in mailbox.mails_to(to)] == ["Pour a"]


def test_address_case_does_not_matter(mailbox, send, address):
    to = address("Assure.Durand")
    send(to.upper(), "Majuscules")
    assert mailbox.wait_for_mail(to=to.lower()).subject == "Majuscules"


def test_subject_is_matched_exactly_and_the_newest_mail_wins(mailbox, send, address):
    to = address()
    send(to, f"{RENEWAL} (ancien)")
    send(to, RENEWAL, text="premier")
    send(to, RENEWAL, text="second")
    send(to, "Votre compte ameli – votre mot de passe a été modifié")
    mail = mailbox.wait_for_mail(to=to, subject=RENEWAL)
    assert mail.text.strip() == "second"
    assert [m.subject for m in mailbox.mails_to(to)][-1] == f"{RENEWAL} (ancien)"


def test_since_ignores_older_mails(mailbox, send, address):
    to = address()
    send(to, RENEWAL, text="ancien")
    first = mailbox.wait_for_mail(to=to, subject=RENEWAL)
    since = first.created + timedelta(microseconds=1)
    with pytest.raises(AssertionError, match="depuis"):
        mailbox.wait_for_mail(to=to, subject=RENEWAL, since=since)
    send(to, RENEWAL, text="nouveau")
    assert mailbox.wait_for_mail(to=to, subject=RENEWAL, since=since).text.strip() == "nouveau"
    assert [m.text.strip() for m in mailbox.mails_to(to, since=since)] == ["nouveau"]


def test_the_timeout_message_says_what_was_asked_and_what_arrived(mailbox, send, address, catcher):
    to = address()
    send(to, "Un autre mail")
    send(address("voisin"), "Pour un voisin")
    started = time.monotonic()
    with pytest.raises(AssertionError) as failure:
        mailbox.wait_for_mail(to=to, subject=RENEWAL)
    elapsed = time.monotonic() - started
    assert mailbox.timeout <= elapsed < mailbox.timeout + 3.0, "one bounded wait"
    message = str(failure.value)
    other = mailbox.mails_to(to)[0]
    assert f"Aucun mail « {RENEWAL} » pour {to}" in message
    assert f"reçu en {mailbox.timeout:g} s" in message and catcher.url in message
    assert "Reçus pour cette adresse :" in message
    assert "« Un autre mail », reçu le" in message and other.id in message
    assert "Pour un voisin" in message, "the newest mails to other addresses help spot a mistyped address"


def test_a_mail_that_comes_after_the_deadline_is_called_too_slow_not_wrong(mailbox, send, address, monkeypatch):
    to = address()

    def deadline_passed_then_it_came(look, deadline) -> None:
        send(to, RENEWAL)  # it comes once the wait has given up, which found nothing

    monkeypatch.setattr(mailbox, "poll", deadline_passed_then_it_came)
    with pytest.raises(AssertionError) as failure:
        mailbox.wait_for_mail(to=to, subject=RENEWAL)
    message = str(failure.value)
    assert message.startswith(f"Trop lent : le mail « {RENEWAL} » attendu pour {to} est arrivé après le délai de "
                              f"{mailbox.timeout:g} s"), message
    assert mailbox.mails_to(to)[0].id in message and "--slow-target" in message, message


def test_the_timeout_message_says_when_nothing_came(mailbox, address):
    to = address()
    with pytest.raises(AssertionError, match=r"Reçus pour cette adresse : aucun mail\."):
        mailbox.wait_for_mail(to=to)


def test_assert_no_mail_passes_when_nothing_came(mailbox, send, address):
    to = address("a")
    send(address("ba"), "Pas pour a")
    started = time.monotonic()
    mailbox.assert_no_mail(to=to)
    assert time.monotonic() - started >= mailbox.quiet_window, "it watches the whole window"


def test_assert_no_mail_fails_naming_the_mail(mailbox, send, address):
    to = address()
    send(to, RENEWAL)
    with pytest.raises(AssertionError) as failure:
        mailbox.assert_no_mail(to=to, window=0.2)
    assert f"Aucun mail n'était attendu pour {to}" in str(failure.value)
    assert RENEWAL in str(failure.value) and mailbox.read_mails[-1].id in str(failure.value)


def test_assert_no_mail_sees_a_mail_that_arrives_during_the_window(mailbox, send, address):
    to = address()
    timer = send(to, "En retard", delay=0.2)
    with pytest.raises(AssertionError, match="En retard"):
        mailbox.assert_no_mail(to=to, window=1.5)
    timer.join()


def test_assert_no_mail_respects_subject_and_since(mailbox, send, address):
    to = address()
    send(to, "Autre sujet")
    mailbox.assert_no_mail(to=to, subject=RENEWAL, window=0.1)
    old = mailbox.wait_for_mail(to=to)
    mailbox.assert_no_mail(to=to, since=old.created + timedelta(microseconds=1), window=0.1)


def test_search_finds_by_keywords_in_this_mailbox_only(mailbox, send, address):
    to = address("a")
    send(to, RENEWAL)
    send(address("ba"), RENEWAL)
    send(to, "Bienvenue", sender="Quelqu'un <x@x.test>")
    assert [m.subject for m in mailbox.search("renouveler mon mot de passe", to=to)] == [RENEWAL]
    assert [m.subject for m in mailbox.search('"Votre Assurance Maladie"', to=to)] == [RENEWAL]


def test_delete_removes_only_the_given_mails(mailbox, send, address):
    to = address()
    send(to, "Garder")
    send(to, "Supprimer")
    doomed = mailbox.wait_for_mail(to=to, subject="Supprimer")
    mailbox.delete(doomed)
    assert [m.subject for m in mailbox.mails_to(to)] == ["Garder"]
    mailbox.delete([])  # no IDs: nothing at all is sent to Mailpit (which would delete everything)
    assert [m.subject for m in mailbox.mails_to(to)] == ["Garder"]


def test_delete_all_to_spares_other_addresses(mailbox, send, address):
    to, longer = address("a"), address("ba")
    send(to, "Un")
    send(to, "Deux")
    send(longer, "Pour ba")
    mailbox.delete_all_to(to)
    assert mailbox.mails_to(to) == []
    assert [m.subject for m in mailbox.mails_to(longer)] == ["Pour ba"]


def test_an_unreachable_mailpit_is_named(address):
    with pytest.raises(MailpitError, match=r"Mailpit injoignable à http://127\.0\.0\.1:9"):
        Mailbox("http://127.0.0.1:9", timeout=0.1).wait_for_mail(to=address())


def test_mail_is_read_without_the_client_get_message(mailbox, send, address, catcher):
    """The summary's Read flag, missing from Mailpit's message, is what breaks API.get_message()."""
    to = address()
    send(to, "Lu")
    mail = mailbox.wait_for_mail(to=to)
    details = requests.get(f"{catcher.url}/api/v1/message/{mail.id}", timeout=5).json()
    assert "Read" not in details
