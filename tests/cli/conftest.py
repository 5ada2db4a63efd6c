"""The command-line tests work on the same throw-away libraries as the library tests."""

from tests.library.conftest import criteria, empty_library_template, library, library_path

__all__ = ["criteria", "empty_library_template", "library", "library_path"]
