"""Text files to text: byte-order marks, UTF-8, UTF-16/32, Windows-1252, Mac Roman."""

from __future__ import annotations

import re

from .limits import error

__all__ = ["decode_text"]

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _line_of(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file: UTF-8 (± BOM), UTF-16/32 (BOM or not), Windows-1252, Mac Roman.

    A BOM decides; otherwise strict UTF-8; otherwise charset-normalizer chooses between
    Windows-1252 and Mac Roman (or UTF-16 without BOM when the bytes hold NULs). A file
    mixing UTF-8 lines with lines in another encoding is refused, naming the lines.

    Raises
    ------
    InputError
        When no encoding fits, the file mixes encodings, or it holds NUL characters.

    Examples
    --------
    >>> decode_text("Åse;Ørnbøl".encode("cp1252"), "x.csv")
    'Åse;Ørnbøl'
    >>> decode_text("\\ufeffÅse".encode("utf-8"), "x.csv")
    'Åse'
    """
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                text = body.decode(encoding)
            except UnicodeDecodeError as e:
                where = _line_of(body, e.start) if encoding == "utf-8" else None
                raise error(
                    name,
                    "encoding_bom",
                    encoding=encoding.upper(),
                    row=where,
                    row_word="line",
                    code="encoding",
                ) from None
            break
    if text is None and data.count(b"\x00") * 4 >= len(data) > 0:  # UTF-16/32 without BOM
        text = _detect(data, name, ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"])
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            _refuse_mixed(data, name)
            text = _detect(data, name, ["cp1252", "mac_roman"])
    nul = text.find("\x00")
    if nul >= 0:
        raise error(
            name,
            "encoding_nul",
            row=text.count("\n", 0, nul) + 1,
            row_word="line",
            code="encoding",
        )
    return text


_DANISH = frozenset("æøåÆØÅéÉüÜöÖäÄ")
#: What Danish letters turn into when Mac Roman is read as Windows-1252 or the reverse.
_MOJIBAKE = frozenset("®¯¿¾Œ∆≈ÿÊÂ‡ŸÃ")


def _danish_score(text: str) -> int:
    return sum(ch in _DANISH for ch in text) - sum(ch in _MOJIBAKE for ch in text)


def _detect(data: bytes, name: str, candidates: list[str]) -> str:
    """charset-normalizer's choice among ``candidates``, and each candidate's own reading
    when it has Danish letters; between Windows-1252 and Mac Roman, the reading with more
    Danish letters and fewer mojibake signs wins (short files are ambiguous, and these
    files are Danish: charset-normalizer alone read "ÆaÅ" in Windows-1252 as Mac Roman)."""
    from charset_normalizer import from_bytes

    decoded: list[str] = []
    for match in from_bytes(data, cp_isolation=candidates):
        try:
            decoded.append(data.decode(match.encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    for encoding in candidates:  # a short file charset-normalizer passes over: plain Danish
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _danish_score(text) > 0 and text not in decoded:
            decoded.append(text)
    if decoded:
        return max(enumerate(decoded), key=lambda kv: (_danish_score(kv[1]), -kv[0]))[1]
    raise error(
        name,
        "encoding_unknown",
        code="encoding",
    )


#: A UTF-8 letter from Latin-1 Supplement or Latin Extended-A (æ ø å é ü ...: C3/C4/C5 and
#: a continuation byte), not followed by another continuation byte. In Windows-1252 these
#: pairs read as 'Ã¸', 'Ã¥': never Danish text.
_UTF8_LETTER = re.compile(rb"[\xc3-\xc5][\x80-\xbf](?![\x80-\xbf])")


def _refuse_mixed(data: bytes, name: str) -> None:
    """Refuse a file where some lines are UTF-8 with non-ASCII letters and others are not."""
    utf8_line = bad_line = None
    for i, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad_line = bad_line or i
            if _UTF8_LETTER.search(line):  # UTF-8 letters and other bytes in one line
                utf8_line = utf8_line or i
        else:
            utf8_line = utf8_line or i
        if utf8_line and bad_line:
            raise error(
                name,
                "mixed_encoding_line" if utf8_line == bad_line else "mixed_encoding",
                row=bad_line,
                row_word="line",
                code="mixed_encoding",
                utf8=utf8_line,
                line=bad_line,
            )
