"""Test-suite configuration: model objects are compared in assertion output without showing
personal values (see :mod:`corparent.testing.pytest_plugin`)."""

pytest_plugins = ["corparent.testing.pytest_plugin"]
