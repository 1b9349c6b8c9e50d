# The acceptance suite in a container: `docker compose run --rm suite`
# (see docker-compose.yml), or on its own:
#   docker build -t mot-de-passe-oublie-suite .
#   docker run --rm -e BASE_URL=… -e MAILPIT_URL=… -v "$PWD/reports:/suite/reports" mot-de-passe-oublie-suite
#
# Microsoft's Playwright image for Python, with its Chromium and the system
# libraries it needs. Its tag follows the Playwright version: keep it equal
# to the playwright== pin of pyproject.toml (tests/reporting checks it).
FROM mcr.microsoft.com/playwright/python:v1.65.2-noble

# Ubuntu 24.04 marks its Python as managed by apt; this image is the suite's
# alone, so pip may install into it.
ENV PIP_BREAK_SYSTEM_PACKAGES=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    SUITE_IN_CONTAINER=1

WORKDIR /suite
# What the run reads: the suite, and the mock site (harness/servers.py imports it
# to serve it itself when no BASE_URL is given).
COPY conftest.py pytest.ini ./
COPY features ./features
COPY steps ./steps
COPY contract ./contract
COPY compat ./compat
COPY connection ./connection
COPY pages ./pages
COPY mails ./mails
COPY site_under_test ./site_under_test
COPY harness ./harness
COPY mock_site ./mock_site
COPY reporting ./reporting
COPY accessibility ./accessibility
# The suite in editable mode with its mock group, as ./run.sh installs it (pip reads dependency
# groups from 25.1 on); editable, so that the code run is the code copied above.
COPY pyproject.toml ./
RUN python -m pip install --ignore-installed pip==25.3 \
 && python -m pip install --editable . --group mock

# The real Mailpit, the suite's first choice when no MAILPIT_URL is given: the official image's binary,
# of the release in mailpit.version (tests/reporting checks it).
COPY --from=axllent/mailpit:v1.33.1 /mailpit /usr/local/bin/mailpit

# reports/ (JUnit XML, cucumber JSON, rapport.html, artifacts/): mount it to keep them.
VOLUME ["/suite/reports"]
ENTRYPOINT ["python", "-m", "pytest", "steps"]
CMD ["-n", "auto"]
