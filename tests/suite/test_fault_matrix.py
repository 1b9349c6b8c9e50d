"""The fault matrix's bookkeeping: a scenario's node id with and without the fault it runs against."""

import pytest

from harness.fault_matrix import base_nodeid

SCENARIO = "steps/test_guide_mot_de_passe_oublie.py::test_le_lien_ne_sert_quune_fois"


@pytest.mark.parametrize("nodeid, base", [
    (f"{SCENARIO}[panne=lien_reutilisable]", SCENARIO),
    (f"{SCENARIO}[panne=lien_reutilisable-7-le mot-de-passe]", f"{SCENARIO}[7-le mot-de-passe]"),
    (f"{SCENARIO}[7-le mot-de-passe-panne=lien_reutilisable]", f"{SCENARIO}[7-le mot-de-passe]"),
    (f"{SCENARIO}[panne=autre-7]", f"{SCENARIO}[panne=autre-7]"),
])
def test_the_fault_is_taken_out_of_the_node_id(nodeid, base):
    assert base_nodeid(nodeid, "lien_reutilisable") == base
