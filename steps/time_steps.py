"""Time travel: the target's clock for this scenario's session and the page's clock, together."""

from pytest_bdd import parsers, when

from target.clock import parse_duration


@when(parsers.re(r"(?P<duration>\d.*) s'écoulen?t?"))
def time_passes(scenario_clock, duration):
    scenario_clock.advance(parse_duration(duration))


@when("la durée du blocage moins 1 seconde s'écoule")
def block_almost_over(scenario_clock, rate_limit):
    scenario_clock.advance(rate_limit.block_seconds - 1)


@when("la durée du blocage et 1 seconde s'écoulent")
def block_over(scenario_clock, rate_limit):
    scenario_clock.advance(rate_limit.block_seconds + 1)


@when("la période de décompte moins 1 seconde s'écoule")
def window_almost_over(scenario_clock, rate_limit):
    scenario_clock.advance(rate_limit.window_seconds - 1)


@when("la période de décompte et 1 seconde s'écoulent")
def window_over(scenario_clock, rate_limit):
    scenario_clock.advance(rate_limit.window_seconds + 1)


@when("l'horloge du site arrive à la dernière seconde d'une minute")
def clock_at_last_second_of_minute(scenario_clock):
    scenario_clock.to_last_second_of_minute()
