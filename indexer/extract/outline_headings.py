"""A part's heading: the words after its mark, in capitals below it, or marked out in bold; and the lines that
open an appendix or a text issued with the document (`QUY ĐỊNH` / `(Ban hành kèm theo Quyết định ...)`).
"""

import re

from indexer.extract.outline_marks import read_mark
from indexer.extract.outline_text import SENTENCE_END, Page, clean_heading, continues, is_caps

# A text issued with a decision, after its signature: `QUY ĐỊNH`, `KẾ HOẠCH`, `DANH MỤC THUỐC ...`, followed
# within a few lines by `(Ban hành kèm theo Quyết định số ...)`.
ATTACHED_TYPE = re.compile(r"(?:QUY ĐỊNH|QUY CHẾ|KẾ HOẠCH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|ĐỀ ÁN|PHƯƠNG ÁN|HƯỚNG DẪN|"
                           r"ĐIỀU LỆ|DANH MỤC|NỘI QUY|QUY TRÌNH|CHIẾN LƯỢC|QUY HOẠCH|TIÊU CHÍ|BỘ TIÊU CHÍ)\b")
ISSUED_WITH = re.compile(r"^\(?[ \t]*(?:Ban hành[ \t]+)?kèm theo\b", re.I)
ISSUED_INSIDE = re.compile(r"(?:^|\()[ \t]*(?:Ban hành[ \t]+)?kèm theo\b", re.I)
# Lines between an attached text's type and its `(kèm theo ...)` line: its title.
ATTACHED_REACH = 8
# Lines a heading in capitals may take after its mark (`Chương I` / `QUY ĐỊNH CHUNG`).
CAPS_LINES = 4
# Characters a heading keeps: an article's title is at most ~150; a decision's article that has none is
# shown by its first sentence, cut here.
HEADING_LIMIT = 200

# Where an amending khoản's own words end and the text it quotes begins (`... như sau: “Điều 5a. ...`).
QUOTE_AFTER_COLON = re.compile(r":\s*[“\"]")
HEADING_KINDS = ("part", "chapter", "section", "appendix", "form")


def heading_of(page: Page, found: list, kind: str, line: int, column: int) -> tuple[str, int]:
    """The words after a mark (the rest of its paragraph, or the heading in capitals below it), and the
    last line they take."""
    start, end = page.lines[line]
    words = [page.view[start + column:end]]
    caps = kind in HEADING_KINDS or kind == "attachment" or (kind in ("roman", "division") and is_caps(words[0]))
    j = last = line
    if caps:
        needs_words = not words[0].strip()
        while j + 1 < len(page.lines) and j - line < CAPS_LINES:
            j += 1
            text = page.line(j).strip()
            if not text:
                if needs_words or (page.blank_separated and kind in ("roman", "division")):
                    continue
                break
            if found[j] is not None or not is_caps(text) or ISSUED_WITH.match(text) or j in page.in_table:
                break
            words.append(text)
            last, needs_words = j, False
        return clean_heading(" ".join(words), HEADING_LIMIT), last
    bold = _bold(page, line, column)
    if bold is not None:
        return bold
    if not words[0].strip():  # the title on the next line (`Điều 2.` / `Hiệu lực thi hành`)
        while j + 1 < len(page.lines) and page.is_blank(j + 1) and j - line < 2:
            j += 1
        if j + 1 >= len(page.lines) or found[j + 1] is not None:
            return "", line
        j += 1
        words = [page.line(j)]
    while continues(page, j) and found[j + 1] is None and len(" ".join(words)) < 2 * HEADING_LIMIT:
        j += 1
        words.append(page.line(j))
    return clean_heading(QUOTE_AFTER_COLON.split(" ".join(words), 1)[0], HEADING_LIMIT), j


def _bold(page: Page, line: int, column: int) -> tuple[str, int] | None:
    """A heading that markdown bold marks out: the bold words after the mark (`**Điều 7. Điều khoản thi\nhành**`,
    `**1**. **Mục đích**`); when the bold closes before them (`**Điều 1. **Ban hành ...`) the part has no
    title and its paragraph, up to a blank line, stands for one. None for a mark not in bold."""
    start, end = page.lines[line]
    before = page.text[start:start + column]
    if not before.lstrip().startswith("**"):
        return None
    j, words = line, [page.view[start + column:end]]
    if before.count("**") % 2:  # the bold is open where the words start: they run to its close
        close = page.text.find("**", start + column)
        while close > page.lines[j][1] and j + 1 < len(page.lines) and not page.is_blank(j + 1):
            j += 1
            words.append(page.line(j))
        if close >= 0 and close <= page.lines[j][1]:
            words[-1] = page.view[max(page.lines[j][0], start + column):close]
            heading = clean_heading(" ".join(words), HEADING_LIMIT)
            return (heading, j) if heading else None  # `**2.****` / `**Kết hợp ...`: no bold words
        return None
    while (j + 1 < len(page.lines) and not page.is_blank(j + 1) and (j + 1) not in page.in_table
           and len(" ".join(words)) < 2 * HEADING_LIMIT and read_mark(page.line(j + 1).lstrip()) is None
           and not SENTENCE_END.search(page.line(j))):
        j += 1
        words.append(page.line(j))
    return clean_heading(QUOTE_AFTER_COLON.split(" ".join(words), 1)[0], HEADING_LIMIT), j


def is_appendix(page: Page, found: list, line: int, column: int, heading: str, last: int) -> bool:
    """A `Phụ lục` line that heads an appendix, not one that a wrapped sentence starts (`Phụ lục I. Thông tư
    này gồm ...`) nor a cell of a table of contents (`Phụ lục` / `II`): its words are in capitals, or its
    `(Kèm theo ...)` line follows."""
    start, end = page.lines[line]
    rest = page.view[start + column:end].strip()
    if (rest and is_caps(rest)) or (not rest and is_caps(heading) and len(heading.split()) >= 2):
        return True
    seen = 0
    for j in range(last + 1, len(page.lines)):
        text = page.line(j).strip()
        if text:
            if ISSUED_WITH.match(text):
                return True
            seen += 1
            if seen >= ATTACHED_REACH // 2 or found[j] is not None:
                return False
    return False


def attached(page: Page, found: list, i: int) -> tuple[str, str] | None:
    """The type and title of a text issued with the document that starts at line `i`, or None."""
    line = page.line(i).strip()
    match = ATTACHED_TYPE.match(line)
    if not match or not is_caps(line) or len(line) > 150:
        return None
    title, seen = [line[match.end():]], 0
    inline = ISSUED_INSIDE.search(title[0])
    if inline:  # `VỀ VIỆC ... (Ban hành kèm theo Quyết định số ...)` on the title's line
        return match.group(), clean_heading(title[0][:inline.start()], HEADING_LIMIT)
    for j in range(i + 1, len(page.lines)):
        text = page.line(j).strip()
        if not text:
            continue
        inside = ISSUED_INSIDE.search(text)
        if inside:
            title.append(text[:inside.start()])
            return match.group(), clean_heading(" ".join(title), HEADING_LIMIT)
        seen += 1
        if seen > ATTACHED_REACH or found[j] is not None:
            return None
        title.append(text)
    return None
