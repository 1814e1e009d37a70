"""Files and streams: the checks before reading, the bounded read, the format by suffix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from .limits import Limits, error, file_problem, over

__all__ = [
    "BRIEF_FORMATS",
    "TABLE_FORMATS",
    "check_file",
    "format_of",
    "is_dir",
    "os_problem",
    "read_file_bytes",
    "read_stream",
]

CSV_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
JSON_SUFFIXES = (".json",)
YAML_SUFFIXES = (".yaml", ".yml")


def read_file_bytes(path: Path, limits: Limits) -> bytes:
    name = check_file(path, limits)
    try:
        return path.read_bytes()
    except OSError as e:
        raise os_problem(name, e) from None


def os_problem(name: str, e: OSError) -> InputError:
    if isinstance(e, FileNotFoundError):
        return InputError(
            [Problem(name, None, None, e.filename, "an existing file", code="no_such_file")]
        )
    if isinstance(e, PermissionError):
        return file_problem(
            name, "a file this program may read (permission denied: check its access rights)"
        )
    if isinstance(e, IsADirectoryError):
        return file_problem(name, "a file, but this is a folder: give the file inside it")
    return file_problem(name, f"a readable file ({type(e).__name__}: {e.strerror})")


def is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def check_file(path: Path, limits: Limits) -> str:
    """The file's name for messages, once it is known to be a readable file within limits."""
    name = path.name or str(path)
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(path))
        size = path.stat().st_size
        with path.open("rb"):
            pass
    except OSError as e:
        raise os_problem(name, e) from None
    except ValueError:  # a NUL byte in the path
        raise file_problem(name, "a file name without NUL characters") from None
    if size > limits.max_file_bytes:
        raise error(
            name,
            over(
                "max_file_bytes",
                limits.max_file_bytes,
                "a file of at most {} bytes",
                f"{size:,}",
            ),
            code="limit",
        )
    return name


#: formats by name, and the suffixes that name them
TABLE_FORMATS = {"csv": CSV_SUFFIXES, "xlsx": XLSX_SUFFIXES, "json": JSON_SUFFIXES}
BRIEF_FORMATS = {"yaml": YAML_SUFFIXES, "json": JSON_SUFFIXES}
_FORMAT_WORDS = {
    ("csv", "xlsx", "json"): ".csv, .xlsx or .json",
    ("yaml", "json"): ".yaml, .yml or .json",
}


def format_of(
    format: str | None, suffix: str, name: str, formats: dict[str, tuple[str, ...]]
) -> str:
    wanted = ", ".join(f".{k}" for k in formats)
    if format is not None:
        key = str(format).lower().lstrip(".")
        key = {"yml": "yaml", "tsv": "csv", "txt": "csv", "xlsm": "xlsx"}.get(key, key)
        if key in formats:
            return key
        raise error(name, f"format= one of {wanted}", value=format, code="unknown_format")
    suffix = suffix.lower()
    for key, suffixes in formats.items():
        if suffix in suffixes:
            return key
    if suffix == ".xls":
        raise file_problem(name, "an .xlsx workbook: save this old .xls as .xlsx (or as CSV UTF-8)")
    raise error(
        name,
        f"a {_FORMAT_WORDS[tuple(formats)]} file (or say which with format=)",
        value=suffix or name,
        code="unknown_format",
    )


def read_stream(source: Any, limits: Limits) -> tuple[str, bytes]:
    """The bytes of an in-memory file or an open binary file, within the size limit."""
    name = Path(str(getattr(source, "name", "") or "")).name or "<stdin>"
    if isinstance(source, bytes | bytearray | memoryview):
        name, data = "<bytes>", bytes(source)
    else:
        try:
            data = source.read(limits.max_file_bytes + 1)
        except (OSError, ValueError) as e:
            raise file_problem(name, f"a readable stream ({type(e).__name__})") from None
        if isinstance(data, str):
            raise file_problem(name, "a binary stream (open the file with 'rb')")
    if len(data) > limits.max_file_bytes:
        raise error(
            name,
            over("max_file_bytes", limits.max_file_bytes, "a file of at most {} bytes"),
            code="limit",
        )
    return name, data
