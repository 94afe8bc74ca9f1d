"""What every reader shares: decoding bytes safely and the reader's error type."""

from __future__ import annotations

import codecs
import unicodedata

MAX_ARTICLE_BYTES = 4 * 1024 * 1024
MAX_LINE_CHARS = 100_000


class ReaderError(Exception):
    """An article file that cannot be read; carries the 1-based line when known."""

    def __init__(self, line: int | None, message: str):
        self.line = line
        self.message = message
        super().__init__(message)


def decode(data: bytes) -> str:
    """Decode an article file: UTF-8 (or UTF-16 with a BOM); refuse binary and undecodable bytes."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ReaderError(
            None, f"file is {len(data) / 1e6:.1f} MB; an article of at most {MAX_ARTICLE_BYTES // 2**20} MiB expected"
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReaderError(None, f"invalid UTF-16 at byte {exc.start}; UTF-8 text expected") from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise ReaderError(
                line, f"invalid UTF-8 byte 0x{data[exc.start]:02x}; a UTF-8 text file expected"
            ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ReaderError(line, "NUL byte: this looks like a binary file, a text article expected")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for number, row in enumerate(text.split("\n"), start=1):
        if len(row) > MAX_LINE_CHARS:
            raise ReaderError(number, f"line of {len(row)} characters; at most {MAX_LINE_CHARS} expected")
    # Drop control and format characters (soft hyphens included) other than newline and tab, and use
    # one Unicode form throughout. Only the distinct characters present are classified.
    drop = {ord(ch): None for ch in set(text) if ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cf")}
    return unicodedata.normalize("NFC", text.translate(drop) if drop else text)
