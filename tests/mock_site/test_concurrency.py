"""Concurrent requests on one account, as the suite's parallel scenarios make them."""

import threading
from concurrent.futures import ThreadPoolExecutor

from mock_site import wording
from tests.mock_site.site_client import NEW_PASSWORD, PUBLIC_URL, Visitor, link_in

THREADS = 8


def _all_at_once(action, count: int = THREADS) -> list:
    start = threading.Barrier(count)

    def run(index):
        start.wait()
        return action(index)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


def test_concurrent_requests_on_one_account_send_at_most_the_limit(app, mails):
    browsers = [Visitor(app) for _ in range(THREADS)]
    browsers[0].create_account()
    # Each visitor shows its form and reads its captcha first; only the submissions race.
    forms = [(visitor, visitor.open_forgot_password(), visitor.captcha_answer()) for visitor in browsers]
    pages = _all_at_once(lambda index: forms[index][0].request_renewal(captcha=forms[index][2], form=forms[index][1]))
    sent = [page for page in pages if page.notices == [wording.MAIL_SENT]]
    refused = [page for page in pages if page.alerts == [wording.TOO_MANY_MAILS]]
    assert (len(sent), len(refused)) == (3, THREADS - 3), [page.alerts for page in pages]
    assert len(mails.messages) == 3
    # exactly one link, the newest, still works
    working = [message for message in mails.messages
               if not browsers[0].get(link_in(message).removeprefix(PUBLIC_URL)).alerts]
    assert len(working) == 1


def test_one_link_submitted_concurrently_changes_the_password_once(app, mails):
    browsers = [Visitor(app) for _ in range(THREADS)]
    browsers[0].create_account()
    browsers[0].request_renewal()
    path = link_in(mails.messages[-1]).removeprefix(PUBLIC_URL)
    forms = [visitor.get(path) for visitor in browsers]
    pages = _all_at_once(lambda index: browsers[index].submit(
        path, forms[index], password=f"{NEW_PASSWORD}-{index}", confirmation=f"{NEW_PASSWORD}-{index}"))
    done = [page for page in pages if page.headings == ["Votre nouveau mot de passe a bien été enregistré"]]
    dead = [page for page in pages if page.alerts == [wording.LINK_INVALID]]
    assert (len(done), len(dead)) == (1, THREADS - 1)
    assert len(mails.messages) == 2  # the renewal mail and one confirmation


def test_parallel_sessions_on_separate_accounts_do_not_interfere(app, mails):
    def journey(index):
        visitor = Visitor(app)
        nir = f"1850775{index:06d}"
        visitor.create_account(nir=nir, email=f"assure-{index}@example.test")
        visitor.advance(index * 100)
        page = visitor.request_renewal(nir=nir)
        return page.notices == [wording.MAIL_SENT] and len(mails.to(f"assure-{index}@example.test")) == 1

    assert all(_all_at_once(journey))
