"""Guide step 2: NIR, birth date and the characters to copy."""

from datetime import timedelta

from pytest_bdd import given, parsers, then, when

from contract import wording
from site_under_test.accounts import (
    NO_ADDRESS,
    UNVALIDATED_ADDRESS,
    VALIDATED_ADDRESS,
    named_birth,
    random_identity,
)
from site_under_test.captcha import wrong_characters
from site_under_test.scenario_time import typed_date
from site_under_test.writings import CHARACTERS_WRITINGS, DATE_WRITINGS, NIR_WRITINGS


@given("un assuré dont le compte a une adresse mail validée", target_fixture="account")
def insured_with_validated_address(account_provider):
    return account_provider.account(VALIDATED_ADDRESS)


@given(parsers.re("un assuré né (?P<birth>.+) dont le compte a une adresse mail validée"), target_fixture="account")
def insured_born(account_provider, target_time, birth):
    return account_provider.account(VALIDATED_ADDRESS, named_birth(birth, target_time.today()))


@given("un assuré dont le compte n'a pas d'adresse mail", target_fixture="account")
def insured_without_address(account_provider):
    return account_provider.account(NO_ADDRESS)


@given("un assuré dont le compte a une adresse mail non validée", target_fixture="account")
def insured_with_unvalidated_address(account_provider):
    return account_provider.account(UNVALIDATED_ADDRESS)


def _choices(writings: dict) -> str:
    return "|".join(writings)


@given("il a saisi son numéro de sécurité sociale et sa date de naissance", target_fixture="typed_identity")
@when(parsers.re(
    f"il saisit son numéro de sécurité sociale(?: (?P<nir_writing>{_choices(NIR_WRITINGS)}))? "
    f"et sa date de naissance(?: (?P<date_writing>{_choices(DATE_WRITINGS)}))?"
), target_fixture="typed_identity")
def types_identity(forgot_password_page, account, nir_writing="tel quel", date_writing="telle quelle"):
    return forgot_password_page.fill_identity(NIR_WRITINGS[nir_writing or "tel quel"](account.nir),
                                              DATE_WRITINGS[date_writing or "telle quelle"](account.birth_date_text))


@when(parsers.parse("il saisit le numéro « {nir} » et la date de naissance « {birth_date} »"),
      target_fixture="typed_identity")
def types_given_identity(forgot_password_page, target_time, nir, birth_date):
    return forgot_password_page.fill_identity(nir, typed_date(birth_date, target_time.today()))


@when("il saisit un numéro de sécurité sociale qu'aucun compte ne porte et sa date de naissance",
      target_fixture="typed_identity")
def types_unknown_nir(forgot_password_page, account):
    unknown_nir, _ = random_identity()
    return forgot_password_page.fill_identity(unknown_nir, account.birth_date_text)


@when("il saisit son numéro de sécurité sociale et une autre date de naissance", target_fixture="typed_identity")
def types_wrong_birth_date(forgot_password_page, account):
    other_day = account.birth_date + timedelta(days=1)
    return forgot_password_page.fill_identity(account.nir, other_day.strftime("%d/%m/%Y"))


@then("son numéro de sécurité sociale et sa date de naissance sont toujours saisis")
def identity_kept(forgot_password_page, typed_identity):
    forgot_password_page.expect_identity_kept(*typed_identity)


@then("l'image des caractères à recopier est affichée")
def captcha_image_shown(forgot_password_page):
    forgot_password_page.expect_captcha_image_shown()


@when("il clique sur la flèche « Nouvelle liste de caractères »", target_fixture="characters_before_refresh")
def asks_for_new_characters(forgot_password_page, captcha):
    shown = captcha.current()
    forgot_password_page.ask_for_new_characters()
    return shown


@then("de nouveaux caractères à recopier sont affichés")
def new_characters_shown(captcha, characters_before_refresh):
    captcha.expect_new_since(characters_before_refresh, f"« {wording.NEW_CAPTCHA_BUTTON} »")


@when("il clique sur le microphone « Écouter les caractères »")
@when("il clique de nouveau sur le microphone « Écouter les caractères »")
def listens(forgot_password_page, heard_sounds):
    heard_sounds.append(forgot_password_page.listen())


@then("la page joue un son")
def sound_played(forgot_password_page, heard_sounds):
    forgot_password_page.expect_audio(heard_sounds[-1])


@then("la page joue un autre son que le précédent")
def other_sound_played(forgot_password_page, heard_sounds):
    forgot_password_page.expect_other_audio(heard_sounds[-2], heard_sounds[-1])


@when(parsers.re(f"il recopie les caractères affichés(?: (?P<writing>{_choices(CHARACTERS_WRITINGS)}))?"))
@when("il recopie les nouveaux caractères affichés")
def copies_characters(forgot_password_page, captcha, writing="tels quels"):
    forgot_password_page.copy_characters(CHARACTERS_WRITINGS[writing or "tels quels"](captcha.current()))


@when("il recopie des caractères erronés")
def copies_wrong_characters(forgot_password_page, captcha):
    forgot_password_page.copy_characters(wrong_characters(captcha.current()))


@when("il recopie les caractères remplacés")
def copies_replaced_characters(forgot_password_page, captcha):
    forgot_password_page.copy_characters(captcha.replaced())


@then("le champ des caractères à recopier est vide")
def characters_field_empty(forgot_password_page):
    forgot_password_page.expect_characters_field_empty()

