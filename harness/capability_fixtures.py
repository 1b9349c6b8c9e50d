"""What this target offers, for the scenarios: the capabilities, and a skip with its reason
where a scenario needs what the target does not offer."""

import pytest

from reporting.evidence import record_announced
from site_under_test.capabilities import Capabilities, capabilities_from, skip_without


@pytest.fixture(scope="session")
def capabilities(shared_target) -> Capabilities:
    return capabilities_from(shared_target.offered_capabilities, shared_target.staging)


@pytest.fixture(scope="session")
def password_special_characters(capabilities):
    return capabilities.password_special_characters


@pytest.fixture
def rate_limit(capabilities, request):
    """The target's announced limit; the scenario's page of the report says it."""
    skip_without(capabilities.rate_limit is not None, "rate_limit")
    limit = capabilities.rate_limit
    record_announced(request.node, f"Limite annoncée par le site : {limit.limit} mails de renouvellement par période "
                                   f"de {limit.window_seconds:g} s, puis blocage de {limit.block_seconds:g} s.")
    return limit
