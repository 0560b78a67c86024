"""The physical lines of one file, whatever its bytes, in bounded memory.

A line is what ends at ``\\n``, ``\\r\\n`` or ``\\r``: the unit the reader accounts for. Nothing
here joins lines (a quote that never closes cannot swallow the rest of a file) and nothing holds
more than one chunk and one line: a line longer than :data:`MAX_LINE` bytes is given as ``None``
(reported by the caller), the rest of it skipped.

Encodings: UTF-8 (with or without a byte-order mark); UTF-16 (Excel's "Unicode Text", found by
its byte-order mark or by the zero bytes of its ASCII characters), decoded; any line that is not
UTF-8 is read as Windows-1252 and counted, so the caller can say so. A file whose first 4 KiB
are more than one tenth control characters (and not UTF-16) is binary.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

import attrs

__all__ = ["MAX_LINE", "Decoding", "physical_lines", "sniff"]

MAX_LINE = 1 << 20
"""The longest line read (1 MiB); a longer one is reported, not read."""

_CHUNK = 1 << 20
_SAMPLE = 4096


@attrs.define(kw_only=True)
class Decoding:
    """How a file's bytes were read, and what did not decode cleanly.

    Attributes:
        encoding: ``"utf-8"``, ``"utf-16"`` or ``"binary"`` (not text: nothing read).
        cp1252_lines: Lines that were not UTF-8 and were read as Windows-1252.
        first_cp1252: The first such line's number.
        replaced_lines: UTF-16 lines with bytes that could not be decoded (shown as U+FFFD).
    """

    encoding: str
    cp1252_lines: int = 0
    first_cp1252: int | None = None
    replaced_lines: int = 0


def sniff(sample: bytes) -> tuple[str, str | None]:
    """The encoding of a file from its first bytes: ``("utf-8", None)``, ``("utf-16",
    codec)`` or ``("binary", None)`` (more than one byte in ten a control character)."""
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", "utf-16"
    if b"\x00" not in sample:
        return "utf-8", None
    even = sample[0::2]
    odd = sample[1::2]
    if odd and odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16", "utf-16-le"
    if even and even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16", "utf-16-be"
    # A stray NUL in a text file is a bad value on its line, not a reason to drop the file.
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    return ("binary" if control > 0.1 * len(sample) else "utf-8"), None


def _chunks(stream: BinaryIO, codec: str | None, decoding: Decoding) -> Iterator[bytes]:
    """The file's bytes in chunks, UTF-16 re-encoded as UTF-8."""
    if codec is None:
        while chunk := stream.read(_CHUNK):
            yield chunk
        return
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    while chunk := stream.read(_CHUNK):
        yield decoder.decode(chunk).encode("utf-8", errors="surrogatepass")
    tail = decoder.decode(b"", final=True)
    if tail:
        yield tail.encode("utf-8", errors="surrogatepass")


def _byte_lines(chunks: Iterator[bytes]) -> Iterator[list[bytes | None]]:
    """Batches of physical lines without their line ends; ``None`` for an over-long line."""
    carry = b""
    dropping = False  # inside an over-long line already given as None
    first = True
    for chunk in chunks:
        if first:
            first = False
            if chunk.startswith(codecs.BOM_UTF8):
                chunk = chunk[3:]
        block = carry + chunk if carry else chunk
        if block.endswith(b"\n"):
            pieces: list[bytes | None] = list(block.splitlines())
            carry = b""
        else:
            # The last piece may continue in the next chunk (a "\r" may precede its "\n").
            cut = max(block.rfind(b"\n"), block.rfind(b"\r", 0, len(block) - 1))
            if cut < 0:
                pieces, carry = [], block
            else:
                pieces = list(block[: cut + 1].splitlines())
                carry = block[cut + 1 :]
        if dropping and pieces:
            pieces.pop(0)  # the end of the over-long line
            dropping = False
        if len(carry) > MAX_LINE:
            if not dropping:
                pieces.append(None)
            dropping = True
            carry = b""
        if pieces:
            yield pieces
    if carry and not dropping:
        yield [carry.rstrip(b"\r")]


def physical_lines(
    stream: BinaryIO, codec: str | None, decoding: Decoding
) -> Iterator[tuple[int, str | None]]:
    """``(line number, text)`` for every physical line (``text`` None: over-long, not read)."""
    number = 0
    for batch in _byte_lines(_chunks(stream, codec, decoding)):
        if None not in batch:
            try:
                text = b"\n".join(batch).decode("utf-8")  # type: ignore[arg-type]
            except UnicodeDecodeError:
                pass
            else:
                lines = text.split("\n")
                if codec is not None:
                    decoding.replaced_lines += sum("\ufffd" in line for line in lines)
                yield from enumerate(lines, number + 1)
                number += len(lines)
                continue
        for raw in batch:
            number += 1
            if raw is None:
                yield number, None
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = raw.decode("cp1252", errors="replace")
                decoding.cp1252_lines += 1
                if decoding.first_cp1252 is None:
                    decoding.first_cp1252 = number
            yield number, line
