"""The site and the Mailpit of one scenario: the run's target, unless the scenario has a site of its own.

Two kinds of scenarios have one: the mail outage scenarios (@panne-messagerie, harness/outage.py),
whose mail server fails on demand, and, in a fault-matrix run (harness/fault_matrix.py), each
scenario, run against a bundled mock with one fault switched on. A scenario of both kinds gets a
mock with that fault that mails through the outage relay.
"""

import pytest

from connection.endpoint import Endpoint
from harness.outage import OUTAGE_TAG


@pytest.fixture
def site_url(request, base_url, fault_under_test) -> str:
    """The site of the scenario's pages, accounts, captcha and clock."""
    outage = request.node.get_closest_marker(OUTAGE_TAG) is not None
    if fault_under_test is not None:
        fault_sites = request.getfixturevalue("fault_sites")
        if outage:
            relay_port = request.getfixturevalue("outage_sites").relay_port
            return fault_sites.site(fault_under_test, ("127.0.0.1", relay_port))
        return fault_sites.site(fault_under_test)
    if outage:
        return request.getfixturevalue("outage_target").site_url
    return base_url


@pytest.fixture
def scenario_mailpit(request, shared_target) -> Endpoint:
    """The Mailpit this scenario reads: the run's, or for @panne-messagerie the outage Mailpit."""
    if request.node.get_closest_marker(OUTAGE_TAG):
        return request.getfixturevalue("outage_target").mailpit
    return shared_target.mailpit
