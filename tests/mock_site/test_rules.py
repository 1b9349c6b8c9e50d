"""rules.md as pure functions: NIR, birth date, captcha, link lifetime, password rules."""

from datetime import UTC, date, datetime, timedelta

import pytest

from mock_site import rules, wording

RULE_LENGTH, RULE_CASES, RULE_DIGIT_OR_SPECIAL, RULE_ALLOWED, RULE_PERSONAL = wording.PASSWORD_RULES
NIR = "1850775123456"
BIRTH = date(1985, 7, 15)
MOMENT = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize("typed, expected", [
    ("1850775123456", "1850775123456"),
    (" 1 85 07 75 123 456 ", "1850775123456"),  # spaces ignored
    ("1.85.07.75.123.456", "1850775123456"),  # dots ignored
    ("185072A123456", "185072A123456"),  # Corsica
    ("185072b123456", "185072B123456"),  # either case
    ("2850799123456", "2850799123456"),
])
def test_well_formed_nir_is_normalised(typed, expected):
    assert rules.nir_from_typed(typed) == expected


@pytest.mark.parametrize("typed", [
    "", "185077512345", "18507751234567",  # 12 and 14 characters
    "185072C123456",  # 2C is no department
    "A850775123456", "18507751234A6", "1850A75123456",  # letters outside positions 6-7
    "185077512345!", "1850775-23456", "1850775_23456", "+850775123456",
    "١٨٥٠٧٧٥١٢٣٤٥٦",  # digits of another script
    "185077512345\x00", "1850775123456\t1",
])
def test_malformed_nir_is_refused(typed):
    assert rules.nir_from_typed(typed) is None


@pytest.mark.parametrize("typed, expected", [
    ("15/07/1985", date(1985, 7, 15)),
    ("  15/07/1985 ", date(1985, 7, 15)),
    ("29/02/2024", date(2024, 2, 29)),
])
def test_birth_date_is_read_as_jj_mm_aaaa(typed, expected):
    assert rules.birth_date_from_typed(typed) == expected


@pytest.mark.parametrize("typed", ["15/7/1985", "1985-07-15", "31/02/1985", "29/02/2023", "00/01/1985",
                                   "15/13/1985", "15/07/0000", "15/07/85", "15.07.1985", "", "١٥/٠٧/١٩٨٥"])
def test_birth_date_not_a_real_jj_mm_aaaa_date_is_refused(typed):
    assert rules.birth_date_from_typed(typed) is None


def test_identity_errors_name_every_field_error_in_order():
    today = date(2026, 3, 1)
    assert rules.identity_errors("x", "y", today) == [wording.NIR_FORMAT, wording.DATE_FORMAT]
    assert rules.identity_errors(NIR, "01/03/2026", today) == [wording.DATE_NOT_PAST]
    assert rules.identity_errors("x", "02/03/2026", today) == [wording.NIR_FORMAT, wording.DATE_NOT_PAST]
    assert rules.identity_errors(NIR, "28/02/2026", today) == []


@pytest.mark.parametrize("elapsed, expired", [(299, False), (300, False), (301, True)])
def test_captcha_lives_300_seconds(elapsed, expired):
    assert rules.captcha_expired(MOMENT, MOMENT + timedelta(seconds=elapsed)) is expired


@pytest.mark.parametrize("elapsed, expired", [(1799, False), (1800, False), (1801, True)])
def test_link_lives_1800_seconds(elapsed, expired):
    assert rules.link_expired(MOMENT, MOMENT + timedelta(seconds=elapsed)) is expired


@pytest.mark.parametrize("typed", ["K7PX2M", "k7px2m", "  K7pX2m "])
def test_captcha_is_compared_without_case_and_surrounding_spaces(typed):
    assert rules.captcha_matches(typed, "K7PX2M")


@pytest.mark.parametrize("typed", ["K7PX2", "K7PX2MM", "K7 PX2M", ""])
def test_captcha_with_other_characters_is_refused(typed):
    assert not rules.captcha_matches(typed, "K7PX2M")


@pytest.mark.parametrize("password, broken", [
    ("Abcdefg1", []),
    ("Abcdefg!", []),  # a special character instead of a digit
    ("A" * 25 + "a" * 24 + "1", []),  # 50 characters
    ("Abcdef1", [RULE_LENGTH]),  # 7 characters
    ("A" * 25 + "a" * 25 + "1", [RULE_LENGTH]),  # 51 characters
    ("abcdefg1", [RULE_CASES]),
    ("ABCDEFG1", [RULE_CASES]),
    ("Abcdefgh", [RULE_DIGIT_OR_SPECIAL]),
    ("Abcdefg 1", [RULE_ALLOWED]),  # space
    ("Abcdéfg1", [RULE_ALLOWED]),
    ("Abcdefg1😀", [RULE_ALLOWED]),
    ("Abcdefg1\x00", [RULE_ALLOWED]),
    ("Ab-1850775123456", [RULE_PERSONAL]),  # the NIR
    ("Ab-15071985", [RULE_PERSONAL]),
    ("Ab-15/07/1985", [RULE_PERSONAL]),
    ("Ab-19850715", [RULE_PERSONAL]),
    ("", [RULE_LENGTH, RULE_CASES, RULE_DIGIT_OR_SPECIAL]),
    ("é", [RULE_LENGTH, RULE_CASES, RULE_DIGIT_OR_SPECIAL, RULE_ALLOWED]),
    ("15071985", [RULE_CASES, RULE_PERSONAL]),
    ("ééééééééé 1850775123456", [RULE_CASES, RULE_ALLOWED, RULE_PERSONAL]),
    ("aé" * 30, list(wording.PASSWORD_RULES[:2]) + [RULE_DIGIT_OR_SPECIAL, RULE_ALLOWED]),
])
def test_each_password_rule_is_judged_on_its_own(password, broken):
    assert rules.broken_password_rules(password, NIR, BIRTH) == broken


def test_personal_data_is_found_without_regard_to_case():
    assert rules.broken_password_rules("Ab-185072a123456", "185072A123456", BIRTH) == [RULE_PERSONAL]


def test_every_ascii_punctuation_character_is_allowed():
    for special in rules.PASSWORD_SPECIAL_CHARACTERS:
        assert rules.broken_password_rules(f"Abcdefg{special}", NIR, BIRTH) == [], special
    assert len(rules.PASSWORD_SPECIAL_CHARACTERS) == 32
