"""Vectorized string building: Arrow string arrays straight from numpy byte buffers and pools."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc



def strings_from_byte_matrix(mat: np.ndarray) -> pa.Array:
    """An Arrow string array whose row i is the ASCII bytes of ``mat[i]`` (all rows equal width)."""
    mat = np.ascontiguousarray(mat, dtype=np.uint8)
    n, width = mat.shape
    offsets = np.arange(0, (n + 1) * width, width, dtype=np.int32) if n else np.zeros(1, np.int32)
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(mat))  # no copy


def digit_matrix(values: np.ndarray, width: int) -> np.ndarray:
    """ASCII digits of non-negative integers, zero-padded to ``width`` columns."""
    values = np.asarray(values).astype(np.int64, copy=False)
    out = np.empty((values.shape[0], width), dtype=np.uint8)
    for k in range(width):  # one scalar divisor per column: numpy divides by a scalar fast
        out[:, k] = (values // 10 ** (width - 1 - k)) % 10
    out += ord("0")
    return out


def digits(values: np.ndarray, width: int) -> pa.Array:
    """Zero-padded decimal strings of fixed width."""
    return strings_from_byte_matrix(digit_matrix(values, width))


def _pair_table(upper: bool) -> np.ndarray:
    digits = "0123456789ABCDEF" if upper else "0123456789abcdef"
    return np.array([int.from_bytes((digits[b >> 4] + digits[b & 15]).encode(), "little") for b in range(256)],
                    dtype=np.uint16)


_HEX_PAIRS = _pair_table(False)
_HEX_PAIRS_UPPER = _pair_table(True)


def hex_matrix(values: np.ndarray, width: int, upper: bool = False) -> np.ndarray:
    """ASCII hex digits of uint64 values: the last ``width`` (<= 16) hex digits of each."""
    as_bytes = np.asarray(values, dtype=np.uint64).astype(">u8").view(np.uint8).reshape(-1, 8)
    return hex_matrix_bytes(as_bytes, upper)[:, 16 - width:]


def hex_matrix_bytes(as_bytes: np.ndarray, upper: bool = False) -> np.ndarray:
    """Two ASCII hex digits per byte of a (rows, k) uint8 matrix: a (rows, 2k) matrix."""
    pairs = (_HEX_PAIRS_UPPER if upper else _HEX_PAIRS)[as_bytes]
    return pairs.view(np.uint8).reshape(as_bytes.shape[0], -1)


def write_hex_pairs(out: np.ndarray, as_bytes: np.ndarray, upper: bool = False) -> None:
    """``hex_matrix_bytes(as_bytes)`` written into ``out`` (rows, 2k uint8, rows contiguous) in place."""
    out.view(np.uint16)[...] = (_HEX_PAIRS_UPPER if upper else _HEX_PAIRS)[as_bytes]


def literal_matrix(text: str, n: int) -> np.ndarray:
    return np.broadcast_to(np.frombuffer(text.encode(), dtype=np.uint8), (n, len(text)))


def concat_matrices(*parts: np.ndarray) -> np.ndarray:
    return np.concatenate(parts, axis=1)


def take(pool: pa.Array, indices: np.ndarray) -> pa.Array:
    """Pool values at the given indices (vectorized; strings copied in C++)."""
    return pool.take(pa.array(np.asarray(indices, dtype=np.int64)))


def join(*parts: pa.Array | str, sep: str = "") -> pa.Array:
    """Element-wise concatenation of string arrays and literal strings."""
    return pc.binary_join_element_wise(*parts, sep)


def int_strings(values: np.ndarray) -> pa.Array:
    """Decimal strings of integers (no padding)."""
    return pc.cast(pa.array(np.asarray(values, dtype=np.int64)), pa.string())


def lower(arr: pa.Array) -> pa.Array:
    return pc.utf8_lower(arr)


def ascii_slug(arr: pa.Array) -> pa.Array:
    """Lower-case ASCII letters only (for emails and usernames built from names)."""
    folded = pc.utf8_lower(arr)
    for src, dst in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("é", "e"), ("è", "e"),
                     ("á", "a"), ("à", "a"), ("í", "i"), ("ó", "o"), ("ú", "u"), ("ñ", "n"),
                     ("ç", "c"), ("ø", "o"), ("å", "a"), ("ê", "e"), ("ô", "o"), ("ë", "e")):
        folded = pc.replace_substring(folded, src, dst)
    return pc.replace_substring_regex(folded, r"[^a-z]", "")


def cut_at_word(values: pa.Array, max_length: int) -> pa.Array:
    """Values longer than ``max_length`` cut at the last word that fits ('Amanda Massey' -> 'Amanda'),
    or exactly at the limit when no word boundary falls inside it."""
    cut = pc.utf8_slice_codeunits(values, 0, max_length)
    too_long = pc.greater(pc.utf8_length(values), max_length)
    at_word_end = pc.match_substring_regex(pc.utf8_slice_codeunits(values, max_length, max_length + 1),
                                           r"^[\s,.;:!?]")  # the cut falls between words: keep them all
    trimmed = pc.utf8_rtrim(pc.if_else(at_word_end, cut, pc.replace_substring_regex(cut, r"\s+\S*$", "")),
                            characters=" ,.;&-/")
    trimmed = pc.if_else(pc.equal(pc.utf8_length(trimmed), 0), cut, trimmed)
    return pc.if_else(too_long, trimmed, values)


def utf8_truncate(arr: pa.Array, max_length: int) -> pa.Array:
    return pc.utf8_slice_codeunits(arr, 0, max_length)


def slice_prefix(arr: pa.Array, lengths: np.ndarray) -> pa.Array:
    """Row i keeps its first lengths[i] bytes (ASCII strings; no nulls). One gather, no loops."""
    arr = arr.cast(pa.string())
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    n = len(arr)
    offsets = np.frombuffer(arr.buffers()[1], dtype=np.int32)[arr.offset:arr.offset + n + 1]
    data = np.frombuffer(arr.buffers()[2], dtype=np.uint8) if arr.buffers()[2] is not None else np.zeros(0, np.uint8)
    starts = offsets[:-1].astype(np.int64)
    lengths = np.minimum(np.asarray(lengths, dtype=np.int64), offsets[1:] - offsets[:-1]).clip(0)
    new_offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=new_offsets[1:])
    total = int(new_offsets[-1])
    gather = np.arange(total, dtype=np.int64) + np.repeat(starts - new_offsets[:-1], lengths)
    return pa.StringArray.from_buffers(n, pa.py_buffer(new_offsets.astype(np.int32)),
                                       pa.py_buffer(data[gather].tobytes()))


def lengths_of(arr: pa.Array) -> np.ndarray:
    """Byte length of each string (no nulls)."""
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    offsets = np.frombuffer(arr.buffers()[1], dtype=np.int32)[arr.offset:arr.offset + len(arr) + 1]
    return np.diff(offsets).astype(np.int64)


def scatter(parts: list[pa.Array], order: list[np.ndarray], n: int) -> pa.Array:
    """Arrays made for groups of rows (``order[i]`` the rows of ``parts[i]``), put back in row order."""
    if len(parts) == 1:
        return parts[0]
    inverse = np.empty(n, dtype=np.int64)
    inverse[np.concatenate(order)] = np.arange(n)
    return pa.concat_arrays(parts).take(pa.array(inverse))
