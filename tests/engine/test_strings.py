"""Byte-level string builders: hex digits written in place match Python's own hex spelling."""

import uuid

import numpy as np

from src.engine import strings
from tests.engine.conftest import generate


def _random_bytes(rows: int, width: int) -> np.ndarray:
    return np.random.default_rng(3).integers(0, 256, (rows, width), dtype=np.uint8)


def test_hex_pairs_written_at_an_odd_column_spell_each_byte():
    raw = _random_bytes(500, 3)
    out = np.full((500, 9), ord("."), dtype=np.uint8)
    strings.write_hex_pairs(out[:, 1:7], raw)  # column 1: a 2-byte view that is not 2-byte aligned
    text = [bytes(row).decode() for row in out]
    assert text == ["." + bytes(r).hex() + ".." for r in raw]


def test_hex_pairs_in_upper_case_match_the_hex_matrix():
    raw = _random_bytes(200, 8)
    out = np.empty((200, 16), dtype=np.uint8)
    strings.write_hex_pairs(out, raw, upper=True)
    assert np.array_equal(out, strings.hex_matrix_bytes(raw, upper=True))
    assert bytes(out[0]).decode() == bytes(raw[0]).hex().upper()


def test_uuids_read_back_as_the_same_version_4_uuid_in_canonical_form():
    values = generate([{"name": "id", "type": "uuid"}], rows=3000)["id"]
    parsed = [uuid.UUID(v) for v in values]
    assert [str(u) for u in parsed] == values  # lower-case, dashes at 8-13-18-23
    assert all(u.version == 4 and u.variant == uuid.RFC_4122 for u in parsed)
    assert len(set(values)) == len(values)


def test_uuids_do_not_depend_on_the_chunk_they_are_made_in():
    fields = [{"name": "id", "type": "uuid"}]
    whole = generate(fields, rows=2500)["id"]
    parts = [generate(fields, rows=min(333, 2500 - s), start=s)["id"] for s in range(0, 2500, 333)]
    assert [v for part in parts for v in part] == whole
