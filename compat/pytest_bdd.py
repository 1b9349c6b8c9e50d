"""pytest-bdd's internals (version 9.0.1), for the report, the traceability table and the project's tests.

- a test function's scenario template (`scenario_wrapper_template_registry`) and the parameter that holds
  an outline's example: a scenario's name, tags and steps even when it is skipped before its first step;
- a test report's scenario (`test_report_context_registry`, `ReportContext`): pytest-bdd 9 writes its
  cucumber JSON from it, and looks it up by report object, which xdist does not carry from a worker;
- the cucumber JSON's path option (`--cucumberjson`'s destination);
- the feature parser (one file at a time) and the step definitions' registry, read by the project's tests.
"""

from pytest_bdd.feature import get_features
from pytest_bdd.parser import FeatureParser
from pytest_bdd.reporting import ReportContext, test_report_context_registry
from pytest_bdd.scenario import make_python_name, scenario_wrapper_template_registry
from pytest_bdd.steps import StepFunctionContext, step_function_context_registry

from compat import require

require("pytest-bdd", "9.0.1", __file__, "registres des scénarios et des étapes, contexte des rapports, "
        "analyseur des fonctionnalités, option --cucumberjson")

__all__ = [
    "FeatureParser",
    "ReportContext",
    "StepFunctionContext",
    "get_features",
    "make_python_name",
    "scenario_wrapper_template_registry",
    "step_function_context_registry",
    "test_report_context_registry",
]

# The parameter in which pytest-bdd passes an outline's example to its test function.
EXAMPLE_PARAMETER = "_pytest_bdd_example"
# Where --cucumberjson's path is kept on config.option.
CUCUMBER_JSON_OPTION = "cucumber_json_path"


def mark_last_step_skipped(scenario: dict) -> None:
    """A skip inside a step is no step error for pytest-bdd, which then writes every step as passed:
    flag the step that skipped, so that the cucumber JSON calls it skipped."""
    if scenario["steps"]:
        scenario["steps"][-1]["failed"] = True
