"""spurdesk: the SPUR inspectors' desktop tool. The core (model, report, exchange) is Qt-free."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("spurdesk")
except PackageNotFoundError:  # running from a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"
