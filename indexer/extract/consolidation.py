"""What a consolidated text (văn bản hợp nhất) consolidates: the texts its opening note names, with the
day the note says each took effect. A pure function with a typed result (indexer.extract.changes.Change).

The note stands under the reprinted title: `Thông tư số 05/2015/TT-BYT ngày ... của Bộ trưởng Bộ Y tế ...,
có hiệu lực kể từ ngày 01 tháng 5 năm 2015, được sửa đổi, bổ sung bởi:` then each amending text, one a line.
"""

import re

from indexer.extract.changes import Change, day_of, passage_of
from indexer.extract.effect import DAY

# A consolidated text's opening note: `Thông tư số 05/2015/TT-BYT ..., có hiệu lực ... được sửa đổi, bổ sung bởi:`.
CONSOLIDATION_END = re.compile(r"^[ \t*-]*(?:Căn\s+cứ|Điều\s+1\b)|\bban\s+hành\s+(?:Luật|Nghị|Thông|Quyết|Pháp)", re.M)
CONSOLIDATION_REACH = 6000
NOTE_REACH = 700  # the note's first sentence: the longest real ones run ~500 characters to `có hiệu lực`
CONSOLIDATION_NOTE = re.compile(r"có\s+hiệu\s+lực[^.;]{0,200}?được\s+sửa\s+đổi,?\s+bổ\s+sung\s+(?:bởi|theo)\s*:?")
# When the note says a text took effect: `Luật ... số 25/2008/QH12 ngày ... của Quốc hội, có hiệu lực kể từ
# ngày 01 tháng 7 năm 2009`.
NOTE_EFFECT = re.compile(rf"[^.;:]{{0,300}}?có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ\s+ngày\s+(?P<day>{DAY})")
# A text listed in the note, first on its line or after `;`/`:`: `1. Luật số 32/2013/QH13 ...`, `bởi: Thông tư số ...`.
LINE_ITEM = re.compile(r"(?:^|\n[ \t*]*(?:\d{1,2}\s*[.)]\s*|[-–+•]\s*)?|[;:]\s*(?:\d{1,2}\s*[.)]\s*)?)$")


def consolidated_changes(text: str, citations) -> tuple[Change, ...]:
    """A consolidated text consolidates the texts its opening note names: the one before `có hiệu lực ...
    được sửa đổi, bổ sung bởi:`, and each listed at a line's start after it; `on` is the day the note
    says each took effect."""
    end = CONSOLIDATION_END.search(text, 200, CONSOLIDATION_REACH)
    reach = end.start() if end else min(len(text), CONSOLIDATION_REACH)
    intro = CONSOLIDATION_NOTE.search(text, 0, reach)
    if intro is None:
        return ()
    near = [c for c in citations if c.end <= intro.start() and intro.start() - c.start < NOTE_REACH]
    # the consolidated text opens the note at a line's start; the others before `có hiệu lực` describe it
    base = [c for c in near if LINE_ITEM.search(text, max(0, c.start - 60), c.start)][:1] or near[-1:]
    listed = [c for c in citations if intro.end() <= c.start < reach
              and LINE_ITEM.search(text, max(0, c.start - 60), c.start)]
    seen, found = set(), []
    for c in base[-1:] + listed:
        if c.ref not in seen:
            seen.add(c.ref)
            took = NOTE_EFFECT.match(text, c.end)
            day = day_of(took) if took else None
            found.append(Change("consolidates", c.ref, c.year, c.start, c.end, (), passage_of(text, c), day))
    return tuple(found)
