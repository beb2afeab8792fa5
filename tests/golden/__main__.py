"""`python -m tests.golden [--update]`: check, or record, the golden seeded-output hashes."""

from __future__ import annotations

import argparse

from tests.golden import compute_golden, list_changes, read_recorded, update_golden


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.golden")
    parser.add_argument("--update", action="store_true", help="record the current hashes")
    args = parser.parse_args()
    if args.update:
        print(update_golden())
        return 0
    changes = list_changes(read_recorded()["hashes"], compute_golden())
    print("seeded output unchanged" if not changes else "seeded output changed: " + ", ".join(changes))
    return 1 if changes else 0


if __name__ == "__main__":
    raise SystemExit(main())
