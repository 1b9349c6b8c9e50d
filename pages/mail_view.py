"""The mail as the person sees it: its HTML shown in the browser by Mailpit (/view/{id}.html)."""

from urllib.parse import urlsplit

from playwright.sync_api import Locator, Page, Route


class MailView:
    def __init__(self, page: Page, mailpit_url: str, authorization: str | None = None):
        self.page = page
        self.mailpit_url = mailpit_url.rstrip("/")
        self.authorization = authorization

    def show(self, mail_id: str) -> None:
        if self.authorization:
            self._pass_the_fence()
        self.page.goto(f"{self.mailpit_url}/view/{mail_id}.html")

    def _pass_the_fence(self) -> None:
        """A guarded Mailpit's credentials, on the requests to that Mailpit only (a context's http_credentials
        are the site's: one context has one set)."""
        def with_credentials(route: Route) -> None:
            route.continue_(headers={**route.request.headers, "authorization": self.authorization})

        pattern = f"{self.mailpit_url}/**"
        self.page.unroute(pattern)  # once per page, however many mails it shows
        self.page.route(pattern, with_credentials)

    def text(self) -> str:
        """The mail's words as shown: rendered, without markup."""
        return self.page.locator("body").inner_text()

    def link(self, name: str) -> Locator:
        return self.page.get_by_role("link", name=name, exact=True)

    def link_address(self, name: str) -> str:
        """Where the link of that name leads, read as the browser shows it."""
        return self.link(name).get_attribute("href") or ""

    def click(self, name: str) -> None:
        """Click the link as a person does, and wait for the page it opens."""
        self.link(name).click()
        self.page.wait_for_load_state()


class MailInBrowser:
    """The scenario's mails opened as the person opens them, by their Mailpit id, in whichever browser;
    with `site_url`, a link that leads to another origin than the site under test is a configuration error."""

    def __init__(self, mailpit_url: str, site_url: str | None = None, authorization: str | None = None):
        self.mailpit_url = mailpit_url
        self.site_url = site_url
        self.authorization = authorization  # a guarded Mailpit's Authorization header

    def _shown(self, page: Page, mail_id: str) -> MailView:
        view = MailView(page, self.mailpit_url, self.authorization)
        view.show(mail_id)
        return view

    def open_link(self, page: Page, mail_id: str, name: str) -> None:
        """Show the mail's HTML and click the link named `name`."""
        view = self._shown(page, mail_id)
        if self.site_url:
            href = view.link_address(name)
            if _origin(href) != _origin(self.site_url):
                raise AssertionError(
                    f"Erreur de configuration : le lien « {name} » du mail {mail_id} mène à {href}, "
                    f"mais la suite teste le site {self.site_url}. Donnez à --base-url l'origine que "
                    f"le site écrit dans ses mails."
                )
        view.click(name)

    def link_address(self, page: Page, mail_id: str, name: str) -> str:
        """Where the link of that name in the mail's HTML leads, read as the browser shows it."""
        return self._shown(page, mail_id).link_address(name)

    def shown_text(self, page: Page, mail_id: str) -> str:
        """The words of the mail's HTML version as a person reads them: rendered, without tags."""
        return self._shown(page, mail_id).text()


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc
