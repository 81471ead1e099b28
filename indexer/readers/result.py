"""What a reader returns, the error it raises, and the clean-up every reader's text goes through."""

import re
from dataclasses import dataclass

# Control characters that Word, PDF text layers and old DOS files leave in text (NUL, form feed,
# C1 codes from Latin-1 decoding); newline and tab carry layout and stay.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class ReadResult:
    """The text of one file, the format it was read as, and whether it came from OCR."""

    text: str
    format: str
    ocr: bool = False
    warning: str = ""  # read, but not completely (e.g. OCR stopped at the page limit)


class UnreadableFile(Exception):
    """A file we cannot turn into text; the message says why, in one line a person can act on."""


def tidy(text: str) -> str:
    """Turn CRLF and CR into LF and drop control characters other than newline and tab."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL_CHARACTERS.sub("", text)
