"""Every step line of features/ is matched by exactly one step definition of the suite:
pytest-bdd silently takes the last registered of several, so a second match is a bug."""

import importlib
from pathlib import Path

import pytest
from pytest_bdd import parsers

from compat.pytest_bdd import StepFunctionContext, get_features, step_function_context_registry
from tests.conftest import PROJECT_ROOT

STEP_MODULES = sorted(f"steps.{path.stem}" for path in (PROJECT_ROOT / "steps").glob("*_steps.py"))


def suite_step_definitions() -> list[StepFunctionContext]:
    for module in STEP_MODULES:
        importlib.import_module(module)
    return [context for context in step_function_context_registry.values()
            if context.step_func.__module__ in STEP_MODULES]


def feature_steps():
    """(where, type, text) of every step of every scenario, an outline's once per example row."""
    for feature in get_features([str(PROJECT_ROOT / "features")]):
        for template in feature.scenarios.values():
            rows = [row for examples in template.examples for row in examples.as_contexts()] or [{}]
            for row in rows:
                for step in template.render(row).steps:
                    yield f"{Path(feature.filename).name}:{step.line_number}", step.type, step.name


def matching(definitions: list[StepFunctionContext], step_type: str, text: str) -> list[str]:
    return [f"{d.step_func.__module__}.{d.step_func.__name__}" for d in definitions
            if d.type in (None, step_type) and d.parser.is_matching(text)]


def test_every_step_of_the_features_has_exactly_one_definition():
    definitions = suite_step_definitions()
    steps = list(feature_steps())
    assert len(steps) > 100 and len(definitions) > 30  # the walk did see the features and the steps

    problems = [f"{where} « {text} » ({step_type}) : {found or 'aucune définition'}"
                for where, step_type, text in steps
                if len(found := matching(definitions, step_type, text)) != 1]
    assert not problems, "Pas exactement une définition pour :\n" + "\n".join(problems)


def test_the_check_sees_two_definitions_of_one_step():
    step_type, text = "when", "il clique sur « Valider »"
    shadowing = [StepFunctionContext(type="when", step_func=print, parser=parsers.parse("il clique sur « {name} »")),
                 StepFunctionContext(type=None, step_func=print, parser=parsers.re("il clique sur « (?P<name>.+) »"))]
    assert len(matching(shadowing, step_type, text)) == 2
    assert len(matching(shadowing, "then", text)) == 1  # a typed definition matches its own type only


@pytest.mark.parametrize("module", STEP_MODULES)
def test_each_step_module_is_registered_by_the_suite(module):
    conftest = (PROJECT_ROOT / "conftest.py").read_text(encoding="utf-8")
    assert f'"{module}"' in conftest
