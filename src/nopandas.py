"""Keep pandas out of processes that never use it (the CLI and generation workers)."""

from __future__ import annotations

import sys


class NoPandasFinder:
    """Makes `import pandas` fail fast: pyarrow imports it on first use when installed (1+ s of
    start-up) and falls back cleanly without it; the CLI never needs pandas."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("pandas is not used by the synthgen CLI")
        return None


def skip_pandas_import() -> None:
    """Install the finder once, unless pandas is already imported."""
    if "pandas" not in sys.modules and not any(isinstance(f, NoPandasFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, NoPandasFinder())
