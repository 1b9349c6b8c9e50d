"""What this target offers, for the scenarios: the capabilities, and a skip with its reason
where a scenario needs what the target does not offer."""

import pytest

from target.capabilities import Capabilities, capabilities_from, skip_without


@pytest.fixture(scope="session")
def capabilities(shared_target) -> Capabilities:
    return capabilities_from(shared_target["offered_capabilities"], shared_target["staging"])


@pytest.fixture(scope="session")
def password_special_characters(capabilities):
    return capabilities.password_special_characters


@pytest.fixture
def rate_limit(capabilities):
    skip_without(capabilities.rate_limit is not None, "rate_limit")
    return capabilities.rate_limit
