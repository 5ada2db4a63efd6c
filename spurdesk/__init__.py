"""spurdesk: the SPUR inspectors' desktop tool. The core (model, report, exchange) is Qt-free."""

# The single source of the version: pyproject.toml reads it from here (tool.setuptools.dynamic).
__version__ = "0.1.0"
