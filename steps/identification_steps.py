"""Guide step 2: NIR, birth date and the characters to copy."""

from datetime import timedelta

from pytest_bdd import given, parsers, then, when

from target.accounts import NO_ADDRESS, UNVALIDATED_ADDRESS, VALIDATED_ADDRESS, random_identity
from target.captcha import expect_new_characters, wrong_characters
from target.clock import typed_date


@given("un assuré dont le compte a une adresse mail validée", target_fixture="account")
def insured_with_validated_address(account_provider):
    return account_provider.account(VALIDATED_ADDRESS)


@given("un assuré dont le compte n'a pas d'adresse mail", target_fixture="account")
def insured_without_address(account_provider):
    return account_provider.account(NO_ADDRESS)


@given("un assuré dont le compte a une adresse mail non validée", target_fixture="account")
def insured_with_unvalidated_address(account_provider):
    return account_provider.account(UNVALIDATED_ADDRESS)


@when("il saisit son numéro de sécurité sociale et sa date de naissance")
def types_identity(forgot_password_page, account):
    forgot_password_page.fill_identity(account.nir, account.birth_date_text)


@when(parsers.parse("il saisit le numéro « {nir} » et la date de naissance « {birth_date} »"))
def types_given_identity(forgot_password_page, target_time, nir, birth_date):
    forgot_password_page.fill_identity(nir, typed_date(birth_date, target_time.today()))


@when("il saisit un numéro de sécurité sociale qu'aucun compte ne porte et sa date de naissance")
def types_unknown_nir(forgot_password_page, account):
    unknown_nir, _ = random_identity()
    forgot_password_page.fill_identity(unknown_nir, account.birth_date_text)


@when("il saisit son numéro de sécurité sociale et une autre date de naissance")
def types_wrong_birth_date(forgot_password_page, account):
    other_day = account.birth_date + timedelta(days=1)
    forgot_password_page.fill_identity(account.nir, other_day.strftime("%d/%m/%Y"))


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
    expect_new_characters(characters_before_refresh, captcha.current())


@then("son numéro de sécurité sociale et sa date de naissance sont toujours saisis")
def identity_kept(forgot_password_page, account):
    forgot_password_page.expect_identity_kept(account.nir, account.birth_date_text)


@when("il clique sur le microphone « Écouter les caractères »", target_fixture="captcha_audio")
def listens(forgot_password_page):
    return forgot_password_page.listen()


@then("la page joue un son")
def sound_played(forgot_password_page, captcha_audio):
    forgot_password_page.expect_audio(captcha_audio)


@when("il recopie les caractères affichés")
@when("il recopie les nouveaux caractères affichés")
def copies_characters(forgot_password_page, captcha):
    forgot_password_page.copy_characters(captcha.current())


@when("il recopie les caractères affichés en minuscules")
def copies_characters_lower_case(forgot_password_page, captcha):
    forgot_password_page.copy_characters(captcha.current().lower())


@when("il recopie des caractères erronés")
def copies_wrong_characters(forgot_password_page, captcha):
    forgot_password_page.copy_characters(wrong_characters(captcha.current()))


@then("le champ des caractères à recopier est vide")
def characters_field_empty(forgot_password_page):
    forgot_password_page.expect_characters_field_empty()
