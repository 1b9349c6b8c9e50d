"""python -m mock_site: serve the mock by hand."""

import argparse
import os

from mock_site.server import bind, origin, tls_context

FENCE_PASSWORD_VARIABLE = "MOCK_SITE_PASSWORD"


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m mock_site", description="Mock of ameli's forgot-password journey.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=5000, help="port to listen on, 0 for a free one (default: %(default)s)")
    parser.add_argument("--smtp-host", default="127.0.0.1", help="SMTP server for outgoing mail (default: %(default)s)")
    parser.add_argument("--smtp-port", type=int, default=1025, help="SMTP port (default: %(default)s)")
    parser.add_argument("--smtp-starttls-ca", metavar="CA_FILE",
                        help="hand mail over after STARTTLS, the SMTP server's certificate checked against this CA")
    parser.add_argument("--public-url", help="origin written into mail links (default: http://<host>:<port>)")
    parser.add_argument("--mail-from", help="sender address of the mails (display name: Votre Assurance Maladie)")
    parser.add_argument("--no-test-api", action="store_true", help="turn off /__test__/ (it then answers 404)")
    parser.add_argument("--tls-cert", help="serve over HTTPS with this certificate (PEM, its chain after it)")
    parser.add_argument("--tls-key", help="the certificate's private key (PEM), with --tls-cert")
    parser.add_argument("--basic-auth-user", help="fence the whole site with HTTP basic auth for this user; "
                                                  f"the password is read from ${FENCE_PASSWORD_VARIABLE}")
    parser.add_argument("--faults", default="",
                        help="test-only faults to turn on, comma-separated (see README; needs the test API)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    arguments = parse_arguments(argv)
    config = {"SMTP_HOST": arguments.smtp_host, "SMTP_PORT": arguments.smtp_port, "TEST_API": not arguments.no_test_api,
              "FAULTS": arguments.faults, "SMTP_STARTTLS_CA_FILE": arguments.smtp_starttls_ca}
    if arguments.public_url:
        config["PUBLIC_URL"] = arguments.public_url
    if arguments.mail_from:
        config["MAIL_FROM"] = arguments.mail_from
    if arguments.basic_auth_user:
        password = os.environ.get(FENCE_PASSWORD_VARIABLE)
        if not password:
            raise SystemExit(f"mock_site : --basic-auth-user demande le mot de passe dans ${FENCE_PASSWORD_VARIABLE}")
        config["BASIC_AUTH"] = (arguments.basic_auth_user, password)
    if bool(arguments.tls_cert) != bool(arguments.tls_key):
        raise SystemExit("mock_site : --tls-cert et --tls-key vont ensemble")
    try:
        tls = tls_context(arguments.tls_cert, arguments.tls_key) if arguments.tls_cert else None
        server = bind(config, arguments.host, arguments.port, tls=tls)
    except (ValueError, OSError) as error:  # an unknown fault, a fault without the test API, an unreadable certificate
        raise SystemExit(f"mock_site : {error}") from None
    scheme = "https" if tls else "http"
    print(f"mock_site listening on {origin(arguments.host, server.port, scheme)} "
          f"(mail links: {server.app.config['PUBLIC_URL']}, SMTP {arguments.smtp_host}:{arguments.smtp_port}"
          f"{' with STARTTLS' if arguments.smtp_starttls_ca else ''})",
          flush=True)
    if server.app.config["FAULTS"]:
        print(f"mock_site: FAULTS ON (test only): {', '.join(server.app.config['FAULTS'])}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
