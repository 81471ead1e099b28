"""Undo UTF-8 that was read as Windows-1252 and saved again (`Nghá»‹` for `Nghị`), and refuse what cannot be.

The undo is exact when every byte survived. Windows-1252 leaves five bytes undefined (0x81 0x8D 0x8F
0x90 0x9D: the last byte of `ề ọ ỏ Ố ờ`, of `Đ`, of `Á Í Ý`); a program saving the text replaced
them by `?` or U+FFFD, and such a line cannot be decoded whole. Lines are repaired one by one;
a text left mostly broken is refused, and in one left only a little broken the lost letters are
marked `�` so that no mojibake is indexed.
"""

import re

# Windows-1252 shows bytes 0x80-0x9F as `€ ‚ ƒ „ … ‰ Š ‘ ’ “ ” • – — ™ š ...`: mapped back to those
# bytes (as Latin-1 code points); its five undefined bytes stay as the C1 codes Windows shows them as.
UNDEFINED = b"\x81\x8d\x8f\x90\x9d"
CP1252_TO_LATIN1 = str.maketrans({bytes([b]).decode("cp1252"): chr(b) for b in range(0x80, 0xA0)
                                  if b not in UNDEFINED})
# What a UTF-8 continuation byte (0x80-0xBF) shows as in Windows-1252, or `?` and U+FFFD where one of
# the five undefined bytes was lost on saving.
CONTINUATION = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0xC0)) + "?\ufffd"
# One Vietnamese letter's UTF-8 shown as Windows-1252: the lead byte of a Latin letter with marks
# (`Ã Ä Å Æ`: `Ã¡` á, `Ä‘` đ, `Æ°` ư), of a combining tone (`Ì`), or of the U+1Exx block (`áº`, `á»`
# and any third character: `á»‡` ệ), then a continuation. Real Vietnamese text never has one: none
# of the 343 texts of the dev corpora and corpus/ does. (Its lead character is a set sre finds by itself, the
# rest told apart after it: as `[ÃÄÅÆÌ][...]|á[º»].` it was tried at every character, 0.16 s over the texts
# of gazette_dev and local_dev, now 0.10 s; the same matches.)
MOJIBAKE = re.compile(f"[ÃÄÅÆÌá](?:(?<=[ÃÄÅÆÌ])[{re.escape(CONTINUATION)}]|(?<=á)[º»].)")
# A text is refused when, after the repair, more than this share of its accented letters is still
# mojibake: real text has none, and UTF-8 that lost bytes keeps 25-90% of its letters broken.
MAX_MOJIBAKE_SHARE = 0.1
REFUSAL = "văn bản hỏng mã hóa (UTF-8 bị đọc nhầm thành Windows-1252, mất ký tự), không sửa được"
# Windows-1252 shows byte A0 (the last byte of `à`, `Ơ`, `Ạ`, `Ỡ`) as a no-break space, which editors
# and web pages turn into a space, or drop at the end of a line: the byte is put back.
SPACE_FOR_A0 = re.compile(rb"(\xc3|\xc6|\xe1[\xba\xbb])(?: |(?=\r?$))")
# A letter whose last byte was lost: its lead bytes, then the `?` that took the byte's place.
LOST_LETTER = re.compile(rb"(?:\xe1[\xba\xbb]|[\xc3-\xc6\xcc])\?")
LOST = "\ufffd"


def decode_utf8_as_cp1252(text: str) -> str:
    """Undo UTF-8 that was read as Windows-1252 and saved again, line by line; other lines unchanged.

    >>> decode_utf8_as_cp1252("Nghá»‹ quyáº¿t\\nvá»? viá»‡c")  # the second line lost a byte: kept as it is
    'Nghị quyết\\nvá»? viá»‡c'
    """
    return "\n".join(_undo(line) for line in text.split("\n"))


def undo_mojibake(text: str) -> str:
    """Undo UTF-8 read as Windows-1252 on each line that shows it and still has all its bytes.

    >>> undo_mojibake("Cá»™ng hÃ²a xÃ£ há»™i\\nÄ?iá»?u 1. Hòa bình")  # a line with lost bytes stays as it is
    'Cộng hòa xã hội\\nÄ?iá»?u 1. Hòa bình'
    """
    if not MOJIBAKE.search(text):
        return text
    return "\n".join(_undo(line) if MOJIBAKE.search(line) else line for line in text.split("\n"))


def mojibake_share(text: str) -> float:
    """The share of a text's accented letters that show as UTF-8 read as Windows-1252 (each sequence one letter).

    >>> mojibake_share("Nghị quyết"), mojibake_share("Ä?iá»?u 1 vá» Nghị")
    (0.0, 0.75)
    """
    if not MOJIBAKE.search(text):
        return 0.0
    rest, sequences = MOJIBAKE.subn("", text)
    other = len(rest) - len(rest.encode("ascii", "ignore"))  # accented letters (and symbols) outside them
    return sequences / (sequences + other)


def unrepairable(text: str) -> str | None:
    """Why a text must not be indexed: mostly mojibake even after the repair; None when it may be.

    >>> unrepairable("Ä?iá»?u 1. Vá»? viá»‡c ban hÃ nh") == REFUSAL, unrepairable("Điều 1. Về việc")
    (True, None)
    """
    return REFUSAL if mojibake_share(undo_mojibake(text)) > MAX_MOJIBAKE_SHARE else None


def without_mojibake(text: str) -> tuple[str, str | None]:
    """The text repaired with its lost letters marked `�`, and None; or the text and why it is refused.

    >>> without_mojibake("Nghá»‹ quyáº¿t"), without_mojibake("Ä?iá»?u 1")[1] == REFUSAL
    (('Nghị quyết', None), True)
    """
    if not MOJIBAKE.search(text):  # nearly every text: searched once, not three times
        return text, None
    text = undo_mojibake(text)
    if mojibake_share(text) > MAX_MOJIBAKE_SHARE:
        return text, REFUSAL
    if not MOJIBAKE.search(text):
        return text, None
    return "\n".join(_undo(line, mark_lost=True) if MOJIBAKE.search(line) else line
                     for line in text.split("\n")), None


def _undo(line: str, mark_lost: bool = False) -> str:
    """One line's UTF-8 bytes decoded, lost letters marked if asked; the line unchanged if it does not decode."""
    if line.isascii():
        return line
    try:
        data = line.translate(CP1252_TO_LATIN1).replace(LOST, "?").encode("latin-1")
        data = SPACE_FOR_A0.sub(b"\\1\xa0", data)
        return (LOST_LETTER.sub(LOST.encode(), data) if mark_lost else data).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):  # a letter outside Windows-1252, or bytes that are not UTF-8
        return line
