"""The keyboard walk: visible focus, order, traps, and elements the keyboard cannot reach."""

import pytest
from playwright.sync_api import expect

from accessibility.keyboard import KeyboardWalk
from pages.common import expect_alert

FORM = """
  <label for="nir">Numéro</label><input id="nir" type="text">
  <label for="date">Date</label><input id="date" type="text">
  <button type="button">Envoyer</button>
"""


def _walk_to_send(page) -> KeyboardWalk:
    walk = KeyboardWalk(page)
    walk.tab_to(page.get_by_role("button", name="Envoyer"))
    return walk


def test_a_correct_page_is_walked_forwards_and_backwards(show):
    page = show(FORM)
    walk = _walk_to_send(page)
    walk.tab_to(page.get_by_label("Numéro"))  # earlier in the page: Shift+Tab
    walk.type("1850775123456")
    expect(page.get_by_label("Numéro")).to_have_value("1850775123456")
    walk.expect_focus_visible_and_in_order()
    assert walk.stops == 5


def test_a_focus_shown_by_a_shadow_is_visible(show):
    page = show(FORM, head="<style>:focus { outline: none; box-shadow: 0 0 0 3px #000; }</style>")
    _walk_to_send(page).expect_focus_visible_and_in_order()


@pytest.mark.parametrize("style", [
    ":focus { outline: none; }",
    "input, button { outline: 2px solid #000; } :focus { outline: 2px solid #000; }",
], ids=["aucun contour", "contour identique sans le focus"])
def test_an_invisible_focus_is_reported(show, style):
    page = show(FORM, head=f"<style>{style}</style>")
    walk = _walk_to_send(page)
    with pytest.raises(AssertionError) as failure:
        walk.expect_focus_visible_and_in_order()
    message = str(failure.value)
    assert "Focus invisible sur about:blank : bouton « Envoyer » avec le focus" in message
    assert "champ « Numéro »" in message


def test_a_tab_order_against_the_page_is_reported(show):
    page = show('<button type="button">Un</button><button type="button" tabindex="1">Deux</button>'
                '<button type="button">Envoyer</button>')
    walk = _walk_to_send(page)
    with pytest.raises(AssertionError) as failure:
        walk.expect_focus_visible_and_in_order()
    assert ("Ordre du clavier différent de la page sur about:blank : avec Tab, bouton « Un » vient avant "
            "l'élément précédent dans la page.") in str(failure.value)


def test_a_tab_order_against_the_screen_is_reported(show):
    page = show('<div style="display:flex; flex-direction:column-reverse">'
                '<button type="button">Bas</button><button type="button">Haut</button></div>'
                '<button type="button">Envoyer</button>')
    walk = _walk_to_send(page)
    with pytest.raises(AssertionError) as failure:
        walk.expect_focus_visible_and_in_order()
    assert "le focus saute à bouton « Haut », affiché au-dessus de l'élément précédent" in str(failure.value)


def test_a_keyboard_trap_is_reported(show):
    page = show('<label for="piege">Piège</label><input id="piege" type="text"><button type="button">Envoyer</button>'
                "<script>document.getElementById('piege').addEventListener('keydown', "
                "(event) => { if (event.key === 'Tab') event.preventDefault(); });</script>")
    with pytest.raises(AssertionError) as failure:
        _walk_to_send(page)
    assert "Piège au clavier sur about:blank : avec Tab, le focus reste bloqué sur champ « Piège »" in str(failure.value)


def test_a_focus_sent_back_round_a_few_elements_is_a_trap(show):
    page = show(FORM + '<a href="#suite">Suite</a>'
                "<script>const send = document.querySelector('button');"
                "send.addEventListener('keydown', (event) => { if (event.key === 'Tab') "
                "{ event.preventDefault(); document.getElementById('nir').focus(); } });</script>")
    walk = KeyboardWalk(page)
    with pytest.raises(AssertionError) as failure:
        walk.tab_to(page.get_by_role("link", name="Suite"))
    assert "Piège au clavier" in str(failure.value) and "bouton « Envoyer » → champ « Numéro »" in str(failure.value)


def test_a_button_that_is_a_div_is_not_reached(show):
    page = show(FORM.replace('<button type="button">Envoyer</button>',
                             '<div role="button" onclick="this.textContent = \'envoyé\'">Envoyer</div>'))
    with pytest.raises(AssertionError) as failure:
        KeyboardWalk(page, max_presses=12).tab_to(page.get_by_role("button", name="Envoyer"))
    assert 'Au clavier, button "Envoyer" n\'a pas été atteint en 12 appuis sur Tab sur about:blank' in str(failure.value)


def test_a_button_that_is_a_plain_div_is_no_button(show):
    page = show(FORM.replace('<button type="button">Envoyer</button>', '<div onclick="void 0">Envoyer</div>'))
    with pytest.raises(AssertionError) as failure:
        KeyboardWalk(page).tab_to(page.get_by_role("button", name="Envoyer"))
    assert "Élément attendu sur about:blank" in str(failure.value)


def test_an_alert_without_its_role_is_not_announced(show):
    page = show('<div class="alerte">Votre numéro doit contenir 13 caractères.</div>' + FORM)
    with pytest.raises(AssertionError) as failure:
        expect_alert(page, "Votre numéro doit contenir 13 caractères.")
    assert "Message d'erreur attendu sur about:blank" in str(failure.value)
    show('<div role="alert">Votre numéro doit contenir 13 caractères.</div>' + FORM)
    expect_alert(page, "Votre numéro doit contenir 13 caractères.")


def test_the_walk_must_have_happened(show):
    page = show(FORM)
    with pytest.raises(AssertionError, match="Aucun appui sur Tab n'a été vérifié"):
        KeyboardWalk(page).expect_focus_visible_and_in_order()
