"""Files and streams: one bounded read of each, the format by suffix.

A path is opened once (without blocking, so a pipe cannot hang the reader), its open file
must be a regular file (a device such as ``/dev/zero``, a FIFO or a socket is refused, also
behind a symlink), and its bytes are counted as they are read, so neither a lying ``stat``
nor a file that grows can make the reader hold more than the limit.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import InputError, told
from .limits import error, file_problem, over

__all__ = [
    "BRIEF_FORMATS",
    "TABLE_FORMATS",
    "format_of",
    "source_bytes",
]

CSV_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
JSON_SUFFIXES = (".json",)
YAML_SUFFIXES = (".yaml", ".yml")
_CHUNK = 1 << 20


def source_bytes(
    source: Any, format: str | None, formats: dict[str, tuple[str, ...]], cap: tuple[str, int]
) -> tuple[str, str, bytes]:
    """(name, format, bytes) of a path, bytes or binary stream, read once within ``cap``.

    ``cap`` is the limit's name in :class:`Limits` and its value in bytes.
    """
    if isinstance(source, str | Path):
        path = Path(source)
        name = path.name or str(path)
        if _is_dir(path):  # before the suffix: a folder named x.csv is still a folder
            raise file_problem(name, "folder")
        kind = format_of(format, path.suffix, name, formats)
        return name, kind, _read_path(path, name, cap)
    name, data = _read_stream(source, cap)
    return name, format_of(format, Path(name).suffix, name, formats), data


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _read_path(path: Path, name: str, cap: tuple[str, int]) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        raise _os_problem(name, path, e) from None
    except ValueError:  # a NUL byte in the path
        raise file_problem(name, "nul_in_name") from None
    try:
        info = os.fstat(fd)
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            raise file_problem(name, "folder")
        if not stat.S_ISREG(mode):
            raise file_problem(
                name,
                "not_a_file",
                code="not_a_file",
            )
        if info.st_size > cap[1]:
            raise _too_big(name, cap, info.st_size)
        with os.fdopen(fd, "rb", buffering=0, closefd=False) as fh:
            # the size stat gives in one read (no second copy), then whatever follows
            # (a file that grew), counted against the limit
            head = fh.read(info.st_size) if info.st_size else b""
            tail = _read_counted(fh.read, name, cap, len(head))
            return head + tail if tail else head
    except OSError as e:
        raise _os_problem(name, path, e) from None
    finally:
        os.close(fd)


def _read_counted(
    read: Callable[[int], Any], name: str, cap: tuple[str, int], total: int = 0
) -> bytes:
    """Read in chunks, counting the bytes (``total`` read before); refuse once they pass
    the limit."""
    most = cap[1]
    chunks: list[bytes] = []
    while chunk := read(_CHUNK):
        if isinstance(chunk, str):
            raise file_problem(name, "text_stream")
        total += len(chunk)
        if total > most:
            raise _too_big(name, cap, total, "limit_stream_bytes")
        chunks.append(bytes(chunk))
    return b"".join(chunks)


def _too_big(
    name: str, cap: tuple[str, int], found: int, message: str = "limit_file_bytes"
) -> InputError:
    limit, most = cap
    return error(name, message, code="limit", found=found, **over(limit, most))


def _os_problem(name: str, path: Path, e: OSError) -> InputError:
    if isinstance(e, FileNotFoundError):
        return InputError([told(name, None, None, str(path), "no_such_file")])
    if isinstance(e, PermissionError):
        return file_problem(name, "permission")
    if isinstance(e, IsADirectoryError):
        return file_problem(name, "folder")
    return file_problem(name, "unreadable_file", why=f"{type(e).__name__}: {e.strerror}")


#: formats by name, and the suffixes that name them
TABLE_FORMATS = {"csv": CSV_SUFFIXES, "xlsx": XLSX_SUFFIXES, "json": JSON_SUFFIXES}
BRIEF_FORMATS = {"yaml": YAML_SUFFIXES, "json": JSON_SUFFIXES}
_SUFFIX_SENTENCE = {("csv", "xlsx", "json"): "table_suffix", ("yaml", "json"): "brief_suffix"}


def format_of(
    format: str | None, suffix: str, name: str, formats: dict[str, tuple[str, ...]]
) -> str:
    wanted = ", ".join(f".{k}" for k in formats)
    if format is not None:
        key = str(format).lower().lstrip(".")
        key = {"yml": "yaml", "tsv": "csv", "txt": "csv", "xlsm": "xlsx"}.get(key, key)
        if key in formats:
            return key
        raise error(name, "format_argument", value=format, code="unknown_format", formats=wanted)
    suffix = suffix.lower()
    for key, suffixes in formats.items():
        if suffix in suffixes:
            return key
    if suffix == ".xls":
        raise file_problem(name, "old_xls")
    raise error(
        name,
        _SUFFIX_SENTENCE[tuple(formats)],
        value=suffix or name,
        code="unknown_format",
    )


def _read_stream(source: Any, cap: tuple[str, int]) -> tuple[str, bytes]:
    """The bytes of an in-memory file or an open binary file, within the size limit."""
    name = Path(str(getattr(source, "name", "") or "")).name or "<stdin>"
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > cap[1]:
            raise _too_big("<bytes>", cap, len(data))
        return "<bytes>", data
    if not hasattr(source, "read"):
        raise error(
            "<input>",
            "not_a_source",
            value=type(source).__name__,
            code="unknown_format",
        )
    try:
        return name, _read_counted(source.read, name, cap)
    except InputError:
        raise
    except (OSError, ValueError) as e:  # a closed or unreadable stream
        raise file_problem(name, "unreadable_stream", why=type(e).__name__) from None
