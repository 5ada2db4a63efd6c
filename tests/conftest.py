"""Test setup shared by the whole suite. Qt runs offscreen so the tests need no display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
