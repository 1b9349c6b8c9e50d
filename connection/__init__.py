"""How the suite reaches the servers of a run (the site under test, its Mailpit): over HTTPS with a
private CA, behind a fence (HTTP basic auth), with their credentials kept out of every output."""
