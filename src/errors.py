"""The project's error hierarchy. Domain code raises these; only src/api_server maps them to HTTP."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where (``fields[2].constraints.min_value``) and what."""

    loc: str
    message: str

    def __str__(self) -> str:
        return f"{self.loc}: {self.message}" if self.loc else self.message


class SynthError(Exception):
    """Root of every error this project raises on purpose."""


class SchemaValidationError(SynthError):
    """A schema document (or a request around it) breaks a rule; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems) or "invalid schema")

    @classmethod
    def single(cls, loc: str, message: str) -> SchemaValidationError:
        return cls([Problem(loc, message)])

    @classmethod
    def from_pydantic(cls, err, prefix: str = "") -> SchemaValidationError:
        """Wrap a pydantic ValidationError, keeping each error's location and message."""
        from src.schemas.key_hints import explain_unknown_key  # the schema models import this module

        problems = []
        for e in err.errors():
            parts = []
            for p in e.get("loc", ()):
                if isinstance(p, int):
                    parts.append(f"[{p}]")
                else:
                    parts.append(("." if parts else "") + str(p))
            loc = prefix + "".join(parts)
            msg = str(e.get("msg", "invalid")).removeprefix("Value error, ")
            if e.get("type") == "extra_forbidden":
                msg = explain_unknown_key(e.get("loc", ())) or msg
            problems.append(Problem(loc, msg))
        return cls(problems)


class JobNotFoundError(SynthError):
    """No job has this id."""


class SavedSchemaNotFoundError(SynthError):
    """No saved schema has this id."""


class InvalidJobTransitionError(SynthError):
    """The job's state does not allow this action (resume a completed job, download too early)."""


class StorageError(SynthError):
    """Reading or writing job data failed."""


class OperationTimeoutError(SynthError):
    """A bounded operation (e.g. offline extraction) did not finish within its time limit."""


class LLMError(SynthError):
    """The LLM provider failed, timed out or answered something unusable."""


class LLMUnavailableError(LLMError):
    """The LLM provider is not configured or not reachable."""


class AuthenticationError(SynthError):
    """The request carries no valid API key or download token (the message never repeats a key)."""


class QuotaExceededError(SynthError):
    """Accepting the request would pass a configured limit on queued work; names the limit."""
