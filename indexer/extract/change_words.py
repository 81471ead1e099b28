"""The words a clause of change is written in (`indexer.extract.changes` reads the clauses): verbs of change
(`Sửa đổi, bổ sung`, `Bãi bỏ`, `Thay thế`), the parts of a text a change names (`khoản 2 Điều 8`), the document as
subject (`Thông tư này`), a cited text's end (`hết hiệu lực`), a list's lead, quoted text, and the words each
kind of clause needs, found once per document, with the reaches they are looked for in.
"""

import re

from indexer.extract.effect import DAY

CHANGE_KINDS = ("amends", "replaces", "repeals", "repeals_part", "consolidates")

# Types that never change another text: proposals, reports, letters, minutes, invitations.
NO_CHANGE_TYPES = {"Tờ trình", "Báo cáo", "Công văn", "Biên bản", "Giấy mời", "Phiếu trình", "Thông báo"}

# A part of a text, as a change names it: `điểm a khoản 2 Điều 8`, `khoản 3 Điều 5`, `Điều 12a`, `Phụ lục II`,
# `Mục 3 Chương II`, `Mẫu số 01`.
PART = re.compile(r"(?:(?:điểm\s+[a-zđ]\d?|khoản\s+\d+[a-zđ]?)(?:\s*,\s*|\s+và\s+|\s+))*"
                  r"(?:Điều\s+\d+[a-zđ]?|Phụ\s+lục\s+(?:số\s+)?[IVXLC\d]+[a-z]?|Mục\s+[IVXLC\d]+|Chương\s+[IVXLC\d]+"
                  r"|Mẫu\s+số\s+[\w.]+(?:/[\w.]+)?)", re.I)
PART_WORD = (r"(?:điểm\s+[a-zđ]\d?|khoản\s+\d+(?:\.[a-zđ\d]+)?[a-zđ]?|Điều\s+\d+[a-zđ]?"
              r"|Phụ\s+lục(?:\s+(?:số\s+)?[IVXLC\d]+[a-z]?)?|Mục\s+[IVXLC\d]+|Chương\s+[IVXLC\d]+|Bảng\s+(?:số\s+)?\d+"
              r"|Mẫu\s+số\s+[\w.]+(?:/[\w.]+)?|Danh\s+mục|Biểu\s+mẫu)")

# What may stand between a change's verb and the text it changes: parts, words for a text's parts or for
# words in it (`cụm từ “...” bằng cụm từ “...”`), `của`, `tại`, `các`, `ban hành kèm theo`.
GAP = (rf"(?:\s*(?:{PART_WORD}|một\s+số\s+(?:điều(?:\s*,\s*khoản)?|nội\s+dung|quy\s+định|cụm\s+từ)"
       r"|(?:các|một\s+số)\s+(?:điều|khoản|điểm|quy\s+định|nội\s+dung|cụm\s+từ|từ)"
       r"|(?:cụm\s+)?từ\s+[“\"][^”\"\n]{0,120}[”\"](?:\s+bằng\s+(?:cụm\s+)?từ\s+[“\"][^”\"\n]{0,120}[”\"])?"
       r"|toàn\s+bộ|tên(?:\s+gọi)?|các|của|tại|và|trong|,|ban\s+hành\s+kèm\s+theo|quy\s+định\s+tại|(?:các|một\s+số)\s+"
       r"(?:Nghị\s+định|Thông\s+tư|Quyết\s+định|Nghị\s+quyết|Luật|văn\s+bản|Chỉ\s+thị|Kế\s+hoạch)\s*:?))*\s*")

# Verbs of change (a verb of the sentence, not of a quoted text): `Sửa đổi, bổ sung`, `Bãi bỏ`, `Thay thế`.
_VERB = (r"(?P<verb>(?:sửa\s+đổi\s*,?\s*bổ\s+sung|sửa\s+đổi|bổ\s+sung|bãi\s+bỏ|huỷ\s+bỏ|hủy\s+bỏ|thay\s+thế|bỏ"
         r"|hợp\s+nhất)(?:\s*,\s*(?:bổ\s+sung|thay\s+thế|bãi\s+bỏ|sửa\s+đổi))*)")

# A verb right before a cited text, opening a clause: `Điều 1. Sửa đổi, bổ sung một số điều của Nghị định
# số ...`, `2. Bãi bỏ khoản 2 Điều 32 của Luật ...`, a title line `Sửa đổi, bổ sung ...`.
VERB_OPENS = re.compile(rf"(?:[.;:!?]\s+|\n\s*|\d\.\s*|[a-zđ]\)\s*|Điều\s+\d+[a-zđ]?\.?\s*)(?-i:(?=[SBTH]))"
                        rf"{_VERB}{GAP}$", re.I)

# The document as subject: `Thông tư này có hiệu lực ... và thay thế`, `Kế hoạch này thay thế`,
# `Quyết định này bãi bỏ`; and the issuing sentence `Chính phủ ban hành Nghị định sửa đổi, bổ sung ...`.
_SELF = (r"(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+định|Nghị\s+quyết|Thông\s+tư(?:\s+liên\s+tịch)?|Quyết\s+định"
         r"|Chỉ\s+thị|Kế\s+hoạch|Quy\s+định|Quy\s+chế|Hướng\s+dẫn|Chương\s+trình|Đề\s+án|Kết\s+luận|Văn\s+bản)")
SELF_VERB = re.compile(rf"{_SELF}\s+này(?:\s+(?:có\s+hiệu\s+lực|được\s+áp\s+dụng)[^.;]{{0,200}}?)?"
                       rf"(?:\s*,\s*|\s+và\s+|\s+){_VERB}{GAP}$", re.I)
# A second verb of the document-as-subject sentence: `Thông tư này thay thế Thông tư số A ... và bãi bỏ các
# Quyết định số B`.
CHAINED_VERB = re.compile(rf"(?:\s*;\s*|(?<![Kk]ế\s)(?<!đổi,\s)(?<!đổi)\s+và\s+){_VERB}{GAP}$", re.I)
SELF_SENTENCE = re.compile(rf"(?:[.;]\s|\n\s*\n)\s*(?:\d{{1,2}}\.\s*)?(?P<self>{_SELF}\s+này)\b[^.;]*$", re.I)
ISSUING_VERB = re.compile(rf"ban\s+hành\s+{_SELF}\s+(?:về\s+việc\s+)?{_VERB}{GAP}$", re.I)

# Titles of texts that list others' status (`công bố kết quả hệ thống hóa văn bản`): they report, not change.
NO_CHANGE_TITLE = re.compile(r"hệ\s+thống\s+hó?a|công\s+bố\s+(?:kết\s+quả|danh\s+mục)", re.I)

# A cited text as the subject of its own end: `Thông tư số 29/2021/TT-BLĐTBXH ngày ... hết hiệu lực kể từ ngày`,
# `... bị bãi bỏ`, `... được thay thế bằng Thông tư này`; `khoản 2 Điều 1 của Nghị định số ...` (a part).
# (In the effect article a list of texts ending together runs across `;`: `Nghị định số A ...; Điều 1 Nghị định
# số B ... hết hiệu lực`.)
# How far after a cited text its end may be said: within its clause (600 characters, set with the first
# reading of changes, 31548cd), or across `;` in the effect article's list (574f65f); neither measured since.
CLAUSE_END_REACH = 600
LIST_END_REACH = 1500
_ENDS = (rf"(?P<ends>(?:bị\s+)?(?:hết\s+hiệu\s+lực|bãi\s+bỏ))"
         rf"|(?P<replaced>được\s+thay\s+thế\s+(?:bằng|bởi)\s+{_SELF}\s+này)")
SUBJECT_END_LIST = re.compile(rf"[^.:]{{0,{LIST_END_REACH}}}?\s(?:{_ENDS})", re.I)
SUBJECT_END = re.compile(rf"[^.;:]{{0,{CLAUSE_END_REACH}}}?\s(?:{_ENDS})", re.I)
ALREADY = re.compile(r"(?:đã|khi|đến\s+khi|trước\s+khi|cho\s+đến\s+khi|chưa|sẽ|không)\s+(?:bị\s+)?$", re.I)
ENDS_ON = re.compile(rf"\s*(?:thi\s+hành\s*)?(?:kể\s+)?từ\s+(?:ngày|thời\s+điểm|khi)\s+"
                     rf"(?:(?P<day>{DAY})|{_SELF}\s+này)", re.I)

# Where a clause opens, for a cited text standing first in it: a list item (`a)`, `2.`, `-`), a sentence.
OPENS = re.compile(rf"(?:[.;:!?]\s+|\n\s*)(?:[a-zđ]\)|\d{{1,2}}\.|[IVX]{{1,4}}\.|[-–+•])?\s*(?:Các\s+|các\s+)?"
                   rf"(?:{PART_WORD}(?:\s*,\s*|\s+và\s+|\s+)?)*(?:của\s+|tại\s+)?$", re.I)

# A lead that opens a list of texts ending together: `... các điều khoản sau đây hết hiệu lực thi hành:`,
# `Bãi bỏ các văn bản sau:`, `Bãi bỏ toàn bộ các Nghị quyết` (the items numbered after it).
LIST_LEAD = re.compile(r"(?:(?P<ends>hết\s+hiệu\s+lực(?:\s+thi\s+hành)?)|(?P<verb>[Bb]ãi\s+bỏ|[Tt]hay\s+thế)"
                       r"(?:\s+(?:toàn\s+bộ|các|một\s+số|những))*[^.:;\n]{0,60}?)\s*(?:sau\s+đây|như\s+sau|sau)?\s*"
                       r"(?::|(?=\s*\n?\s*(?:1\.|a\))\s))")
ITEM = re.compile(r"\s*(?:[a-zđ]\)|\d{1,2}\.|[-–+•])\s*")

# A heading of an article, a title or the effect article: where a verb opening a clause changes another text.
ARTICLE = re.compile(r"^[ \t*]*Điều\s+\d+[a-zđ]?\s*\.", re.M)
EFFECT_HEADING = re.compile(r"Điều\s+\d+\s*\.\s*(?:Hiệu\s+lực|Điều\s+khoản\s+thi\s+hành|Tổ\s+chức\s+thực\s+hiện)", re.I)
TITLE_CHANGES = re.compile(r"sửa\s+đổi|bổ\s+sung|bãi\s+bỏ|thay\s+thế|hủy\s+bỏ|huỷ\s+bỏ|hợp\s+nhất", re.I)
BODY_START = re.compile(r"^[ \t*-]*(?:Căn\s+cứ|Điều\s+1\b)", re.M)

# The effect article's reach: the longest real ones (a decree's list of repealed texts) hold ~3,000
# characters; past the article's end come annexes, whose tables list tasks (`Sửa đổi Nghị định số ...`).
EFFECT_REACH = 5000
RECIPIENTS = re.compile(r"^[ \t*]*Nơi\s+nhận\s*:", re.M)

# Words after a verb that make its object a part of the text, not all of it (`Bãi bỏ các quy định ... tại`).
PARTIAL = re.compile(r"quy\s+định|nội\s+dung|một\s+số|một\s+phần|\bđiều\b|khoản|điểm|phụ\s+lục|mẫu|\bmục\b|chương|tên",
                     re.I)

# Quoted text: the content an amending text writes, not a clause of its own.
QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]{0,3000}(?:\n[^\"\n]*){0,200}\"")

# Clause-local amendments inside an amending article: `1. Sửa đổi, bổ sung khoản 1 Điều 4 như sau:`.
PART_EDIT = re.compile(rf"(?:^|\n|[.;:]\s+)\s*(?:\d{{1,3}}\.|[a-zđ]\))?\s*{_VERB}\s+(?P<parts>(?:{PART.pattern})"
                       r"(?:\s*(?:,|và)\s*(?:" + PART.pattern + r"))*)", re.I)


# Where the words each kind of clause needs begin, in caseless text (indexer.extract.starts): a citation with
# none of them in reach is not searched for that clause. Each covers its patterns' words: a verb of change
# (`bãi bỏ`, `huỷ bỏ` hold `bỏ`), a cited text's end (SUBJECT_END's alternatives, where they begin), a
# list's lead. Searched at every citation, the clauses took 1.9 s of 8.6 on gazette_dev and local_dev.
VERB_START = re.compile(r"sửa\s+đổi|bổ\s+sung|bỏ|thay\s+thế|hợp\s+nhất")
END_START = re.compile(r"(?:bị\s+)?(?:hết\s+hiệu\s+lực|bãi\s+bỏ)|được\s+thay\s+thế")
LEAD_START = re.compile(r"hết\s+hiệu\s+lực|bãi\s+bỏ|thay\s+thế")
# All three in one pattern: the text is searched once, and each place found tried with each of them.
CHANGE_START = re.compile("|".join(p.pattern for p in (VERB_START, END_START, LEAD_START)))

# A list item's words before its cited text (`a) Điều 1 của`), and how far before the item its list's lead
# may stand (`... các văn bản sau đây hết hiệu lực:`).
ITEM_REACH = 300
LEAD_REACH = 3000

# The words before a citation a verb of change may stand in (`Điều 1. Sửa đổi, bổ sung một số điều của`).
VERB_REACH = 400

# How a text within a subject joins it: listed (`; Điều 1 Nghị định số ...`, `và ...`) or described
# (`sửa đổi, bổ sung một số điều của Nghị định số ...`).
JOINED = re.compile(rf"(?:[,;]|\s+và|\s+hoặc|\bcủa|\btại|\btheo|\bbởi)\s*(?:{PART_WORD}(?:\s*,\s*|\s+và\s+|\s+)?)*$",
                    re.I)
