"""What a screen reader meets, and the page at 200 % zoom: each check fails on a page that breaks it."""

import re

import pytest

from accessibility.rendering import (
    DESKTOP,
    ZOOM_200,
    expect_usable_without_horizontal_scroll,
)
from accessibility.structure import (
    Node,
    expect_autocomplete,
    expect_format_described,
    expect_invalid,
    expect_outline,
    expect_page_structure,
    expect_reading_order,
    expect_told_before,
)
from tests.accessibility.test_axe import PIXEL

DATE = ('<label for="date">Date de naissance</label><p id="format">Au format JJ/MM/AAAA</p>'
        '<input id="date" type="text" autocomplete="bday" aria-describedby="format" aria-invalid="true">')


def test_a_correct_page_passes_every_structure_check(show):
    page = show(DATE + f'<p>Vous disposez de 5 minutes.</p><img src="{PIXEL}" alt="Caractères à recopier">'
                       '<button type="button">Envoyer</button>')
    field = page.get_by_label("Date de naissance")
    expect_page_structure(page)
    expect_format_described(field, "Date de naissance", "JJ/MM/AAAA")
    expect_autocomplete(field, "Date de naissance", "bday")
    expect_invalid(field, "Date de naissance")
    expect_told_before(page, re.compile("5 minutes"), page.get_by_role("img"), "l'image")
    expect_reading_order(page, [[Node("heading", "Essai")], [Node("textbox", "Date de naissance")],
                                [Node("button", "Envoyer"), Node("img", "Caractères à recopier")]])
    expect_usable_without_horizontal_scroll(page, DESKTOP)


@pytest.mark.parametrize("html, expected", [
    ('<html><head><title>T</title></head><body><h1>T</h1></body></html>', "se déclarer en français"),
    ('<html lang="en"><head><title>T</title></head><body><h1>T</h1></body></html>', "langue déclarée : « en »"),
    ('<html lang="fr"><head><title> </title></head><body><h1>T</h1></body></html>', "un titre (<title>)"),
    ('<html lang="fr"><head><title>T</title></head><body><h1>T</h1><h1>U</h1></body></html>', "un et un seul titre de niveau 1"),
    ('<html lang="fr"><head><title>T</title></head><body><h2>T</h2></body></html>', "un et un seul titre de niveau 1"),
], ids=["sans langue", "en anglais", "sans titre", "deux h1", "aucun h1"])
def test_a_broken_page_structure_is_reported(page, html, expected):
    page.set_content(html)
    with pytest.raises(AssertionError, match=re.escape(expected)):
        expect_page_structure(page)


def test_a_field_without_its_format_in_its_description_is_reported(show):
    page = show('<label for="date">Date de naissance</label><p>Au format JJ/MM/AAAA</p><input id="date" type="text">')
    with pytest.raises(AssertionError, match="La description accessible du champ « Date de naissance » devait donner "
                                             "son format « JJ/MM/AAAA »"):
        expect_format_described(page.get_by_label("Date de naissance"), "Date de naissance", "JJ/MM/AAAA")


def test_a_field_without_its_autocomplete_is_reported(show):
    page = show(DATE.replace('autocomplete="bday"', 'autocomplete="off"'))
    with pytest.raises(AssertionError, match="Le champ « Date de naissance » devait porter autocomplete=\"bday\""):
        expect_autocomplete(page.get_by_label("Date de naissance"), "Date de naissance", "bday")


def test_a_field_in_error_without_aria_invalid_is_reported(show):
    page = show(DATE.replace(' aria-invalid="true"', ""))
    with pytest.raises(AssertionError, match="concerné par l'erreur, devait porter aria-invalid=\"true\""):
        expect_invalid(page.get_by_label("Date de naissance"), "Date de naissance")


def test_a_time_limit_told_after_the_captcha_is_reported(show):
    page = show(f'<img src="{PIXEL}" alt="Caractères à recopier"><p>Vous disposez de 5 minutes.</p>')
    with pytest.raises(AssertionError, match="le texte « Vous disposez de 5 minutes. » devait venir avant l'image"):
        expect_told_before(page, re.compile("5 minutes"), page.get_by_role("img"), "l'image")


def test_a_reading_order_that_differs_is_reported(show):
    page = show('<button type="button">Envoyer</button>' + DATE)
    with pytest.raises(AssertionError) as failure:
        expect_reading_order(page, [[Node("textbox", "Date de naissance")], [Node("button", "Envoyer")]])
    assert 'un lecteur d\'écran devait trouver button "Envoyer" après textbox "Date de naissance"' in str(failure.value)


def test_an_outline_that_differs_is_reported(show):
    page = show("<ul><li>Règle 1</li><li>Règle 3</li></ul>")
    with pytest.raises(AssertionError, match="Structure lue par un lecteur d'écran différente de l'attendue"):
        expect_outline(page.get_by_role("list"), "- list:\n  - /children: equal\n  - listitem: Règle 1\n"
                                                 "  - listitem: Règle 2\n  - listitem: Règle 3\n")


def test_a_page_wider_than_a_200_percent_zoom_is_reported(show):
    page = show('<label for="large">Large</label><input id="large" type="text" style="width: 1000px">')
    ZOOM_200.apply(page)
    with pytest.raises(AssertionError) as failure:
        expect_usable_without_horizontal_scroll(page, ZOOM_200)
    message = str(failure.value)
    assert "Page inutilisable sur about:blank (zoom à 200 % d'un écran de 1280 × 800, 640 × 400 px)" in message
    assert "la page défile horizontalement" in message and '« textbox "Large" » sort de l\'écran' in message


def test_a_covered_button_is_reported(show):
    page = show('<button type="button">Envoyer</button>'
                '<div style="position: fixed; inset: 0; background: #fff">Voile</div>')
    with pytest.raises(AssertionError, match='« button "Envoyer" » ne peut pas être cliqué'):
        expect_usable_without_horizontal_scroll(page, DESKTOP)
