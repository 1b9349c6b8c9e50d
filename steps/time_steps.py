"""Time travel: the target's clock for this scenario's session and the page's clock, together."""

from pytest_bdd import parsers, when

from site_under_test.scenario_time import parse_duration


@when(parsers.re(r"(?P<duration>\d.*) s'écoulen?t?"))
def time_passes(scenario_clock, duration):
    scenario_clock.advance(parse_duration(duration))


# The target's own periods (its capabilities), by the names the features give them.
RATE_LIMIT_PERIODS = {"durée du blocage": "block_seconds", "période de décompte": "window_seconds"}


@when(parsers.re(r"la (?P<period>durée du blocage|période de décompte) (?P<side>moins|et) 1 seconde s'écoulen?t?"))
def period_passes_but_one_second(scenario_clock, rate_limit, period, side):
    scenario_clock.advance(getattr(rate_limit, RATE_LIMIT_PERIODS[period]) + (-1 if side == "moins" else 1))


@when("l'horloge du site arrive à la dernière seconde d'une minute")
def clock_at_last_second_of_minute(scenario_clock):
    scenario_clock.to_last_second_of_minute()
