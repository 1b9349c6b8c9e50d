"""Binds every scenario of features/ (the whole guide) to the step definitions."""

from pytest_bdd import scenarios

scenarios(".")
