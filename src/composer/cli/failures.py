"""How the command line fails: its exit codes and the error it reports in one message."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["EXIT_BUG", "EXIT_INFEASIBLE", "EXIT_INPUT", "EXIT_OK", "CliError"]

EXIT_OK, EXIT_BUG, EXIT_INPUT, EXIT_INFEASIBLE = 0, 1, 2, 3


class CliError(Exception):
    """An error the command line reports in one message (and, with JSON, as an object)."""

    def __init__(
        self,
        message: str,
        code: str = "bad_input",
        exit_code: int = EXIT_INPUT,
        problems: Sequence[dict[str, Any]] = (),
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.exit_code = exit_code
        self.problems = list(problems)
        self.extra = extra or {}
