# Type-checking shim: the bank's Python tests are checked against the pytest subset the extension bundles
# (resources/python/pytest_subset.py), so a test that uses a pytest feature the bundled runner lacks fails here.
from pytest_subset import *  # noqa: F403
