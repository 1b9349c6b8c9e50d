"""python -m mock_site.mailpit --smtp-port 1025 --http-port 8025: run the catcher until interrupted."""

import argparse
import threading

from mock_site.mailpit import start_catcher


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="python -m mock_site.mailpit", description="Embedded Mailpit-compatible mail catcher.")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--smtp-port", type=int, default=1025, help="SMTP port, 0 for a free one (default 1025)")
    parser.add_argument("--http-port", type=int, default=8025, help="HTTP API port, 0 for a free one (default 8025)")
    parser.add_argument("--max-messages", type=int, default=500, help="messages kept, oldest pruned (default 500)")
    parser.add_argument("--enable-chaos", action="store_true", help="SMTP errors on demand, as Mailpit's (/api/v1/chaos)")
    args = parser.parse_args(argv)
    catcher = start_catcher(args.host, args.smtp_port, args.http_port, args.max_messages, args.enable_chaos)
    print(f"Mailpit-compatible catcher: HTTP {catcher.url}  SMTP {catcher.smtp_host}:{catcher.smtp_port}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        catcher.stop()


if __name__ == "__main__":
    main()
