"""axe-core's WCAG 2.1 A/AA rules: each broken rule is reported in French, with its criteria and elements."""

import pytest

from accessibility.axe import (
    AXE_CORE_VERSION,
    axe_version,
    axe_violations,
    expect_no_axe_violation,
)
from accessibility.rendering import DESKTOP, PHONE

# A 1 × 1 transparent PNG.
PIXEL = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")

CORRECT_BODY = f"""
  <p>Un texte bien contrasté.</p>
  <label for="nir">Numéro</label><input id="nir" type="text">
  <img src="{PIXEL}" alt="Caractères à recopier">
  <button type="button">Envoyer</button>
"""


def test_a_correct_page_has_no_violation_at_either_size(show):
    page = show(CORRECT_BODY)
    expect_no_axe_violation(page, (DESKTOP, PHONE))
    assert page.viewport_size == {"width": 1280, "height": 720}, "la taille de la page est rendue après la vérification"


@pytest.mark.parametrize("body, rule, help_text, wcag, rgaa", [
    ('<input id="code" type="text">', "label",
     "Chaque élément de formulaire doit avoir une étiquette", "WCAG 4.1.2", "critère 11.1 (test 11.1.1)"),
    ('<p style="color:#aaa;background:#fff">Texte pâle</p>', "color-contrast",
     "Les éléments doivent avoir un contraste de couleurs suffisant", "WCAG 1.4.3", "critère 3.2 (test 3.2.1)"),
    (f'<img src="{PIXEL}">', "image-alt",
     "alternative textuelle", "WCAG 1.1.1", "critère 1.1 (test 1.1.1)"),
    ('<button type="button"></button>', "button-name",
     "Les boutons doivent avoir un texte perceptible", "WCAG 4.1.2", "critère 11.9 (test 11.9.1)"),
], ids=["champ sans étiquette", "contraste faible", "image sans nom", "bouton sans nom"])
def test_a_broken_rule_is_reported_in_french_with_criteria_and_elements(show, body, rule, help_text, wcag, rgaa):
    page = show(CORRECT_BODY + body)
    with pytest.raises(AssertionError) as failure:
        expect_no_axe_violation(page, (DESKTOP,))
    message = str(failure.value)
    assert "1 règle d'accessibilité (WCAG 2.1 AA / RGAA 4.1.2) non respectée(s) sur about:blank (ordinateur, 1280 × 800 px)" in message
    assert f"règle axe « {rule} »" in message
    assert help_text in message
    assert wcag in message and f"RGAA {rgaa}" in message
    assert "Éléments concernés (1)" in message and body.split(">")[0] in message


def test_each_size_is_reported(show):
    page = show(CORRECT_BODY + '<p style="color:#aaa">Texte pâle</p>')
    with pytest.raises(AssertionError) as failure:
        expect_no_axe_violation(page, (DESKTOP, PHONE))
    assert "(ordinateur, 1280 × 800 px)" in str(failure.value) and "(téléphone, 390 × 844 px)" in str(failure.value)


def test_only_the_wcag_21_a_and_aa_rules_run(show):
    # « region » (content outside landmarks) is a best practice, not a WCAG criterion.
    page = show("")
    page.set_content('<!doctype html><html lang="fr"><head><title>T</title></head><body><h1>T</h1><p>Hors repère</p></body></html>')
    assert axe_violations(page) == []


def test_the_french_locale_matches_the_bundled_axe_core(show):
    page = show(CORRECT_BODY)
    axe_violations(page)
    assert axe_version(page) == AXE_CORE_VERSION, (
        "axe-playwright-python embarque une autre version d'axe-core : reprenez son locales/fr.json "
        "dans accessibility/axe_fr.json et mettez AXE_CORE_VERSION à jour.")
