"""``DATABASE_TARGETS``: the databases a job may write into, by name (never a URL from a request)."""

from __future__ import annotations

import json
import os
import re

_NAME = re.compile(r"[A-Za-z0-9_.-]{1,64}")
_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def parse_targets_setting(text: str) -> dict[str, str]:
    """``{"name": "url"}`` (JSON) or ``name=url,name=url``; ValueError names what is wrong."""
    text = text.strip()
    if not text:
        return {}
    if text.startswith("{"):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as err:
            raise ValueError(f"DATABASE_TARGETS is not valid JSON: {err}") from None
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise ValueError("DATABASE_TARGETS as JSON is an object of name -> URL strings")
        pairs = list(value.items())
    else:
        pairs = []
        for part in (p.strip() for p in text.split(",") if p.strip()):
            name, eq, url = part.partition("=")
            if not eq or not url.strip():
                raise ValueError(f"DATABASE_TARGETS entry {part.split('://')[0]!r} is not name=url")
            pairs.append((name.strip(), url.strip()))
    for name, _ in pairs:
        if not _NAME.fullmatch(name):
            raise ValueError(f"DATABASE_TARGETS name {name!r}: use letters, digits, _ . - (at most 64)")
    return dict(pairs)


def resolve_target_url(url: str) -> str:
    """The URL with each ``${VAR}`` replaced from the environment (credentials stay out of settings
    files); a variable that is not set is an error naming it."""
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in os.environ:
            raise ValueError(f"environment variable {name} (used by a DATABASE_TARGETS URL) is not set")
        return os.environ[name]

    return _VARIABLE.sub(replace, url)
