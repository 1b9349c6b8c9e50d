"""What the person lives after each refusal of the forgot-password form: a new captcha, nothing counted, nothing sent."""

from pytest_bdd import parsers, when

from target.writings import NIR_WRITINGS

_NIR_WRITINGS = "|".join(NIR_WRITINGS)


@when(parsers.re(f"il se connecte avec son numéro de sécurité sociale (?P<writing>{_NIR_WRITINGS}) et son mot de passe"))
def logs_in_with_nir_written(computer, account, writing):
    computer.log_in(NIR_WRITINGS[writing](account.nir), account.password)


@when(parsers.re(f"il demande le renouvellement de son mot de passe en écrivant son numéro (?P<writing>{_NIR_WRITINGS})"))
def requests_renewal_with_nir_written(journey, account, writing):
    journey.request_renewal(account, nir_written=NIR_WRITINGS[writing])
