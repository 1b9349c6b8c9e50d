"""Which fields each alert concerns: they carry aria-invalid="true" and the alert in their description."""

from mock_site import wording

_CONCERNED = {
    wording.NIR_FORMAT: ("nir",),
    wording.DATE_FORMAT: ("birth_date",),
    wording.DATE_NOT_PAST: ("birth_date",),
    wording.CAPTCHA_WRONG: ("captcha",),
    wording.CAPTCHA_EXPIRED: ("captcha",),
    wording.UNKNOWN_PERSON: ("nir", "birth_date"),
    wording.LOGIN_REFUSED: ("nir", "password"),
    wording.PASSWORD_REFUSED_INTRO: ("password",),
    wording.PASSWORDS_DIFFER: ("confirmation",),
}


def fields_concerned(messages: list[str] | None) -> set[str]:
    """The ids of the fields that these alert messages concern (none for a refusal that no field causes)."""
    return {field for message in messages or () for field in _CONCERNED.get(message, ())}
