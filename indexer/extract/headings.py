"""Type headings: the line that names what a document is (`QUYẾT ĐỊNH`, `PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC`)."""

import re

from indexer.vocab.refs import DOCUMENT_TYPES, HEADING_TYPES

# A line that is only a type name, upper case: `KẾ HOẠCH`, `THÔNG TƯ LIÊN TỊCH`, `CHƯƠNG TRÌNH HÀNH ĐỘNG`.
_HEADING_NAMES = "|".join(t.upper().replace(" ", r"[ \t]+") for t in sorted(DOCUMENT_TYPES + HEADING_TYPES,
                                                                           key=len, reverse=True))
TYPE_HEADING = re.compile(r"^[ \t]*(" + _HEADING_NAMES + r")(?:[ \t]+HÀNH ĐỘNG)?[ \t]*$", re.M)

# A heading that says more on its line: `THÔNG BÁO KẾT LUẬN`, `PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC`,
# `KẾ HOẠCH, NHIỆM VỤ`, `QUYẾT ĐỊNH CỦA UỶ BAN NHÂN DÂN TỈNH` (upper case, no number-symbol on it).
LONG_HEADING = re.compile(r"^[ \t]*(" + _HEADING_NAMES + r")[ \t]*[,:]?[ \t]+[A-ZĐÀ-Ỹ0-9][^\n/]*$", re.M)

# Where a header ends and the text begins: no type heading further down is the document's own.
HEADER_END = re.compile(r"^[ \t>*]*(?:[-–•][ \t]*)?(?:Căn cứ|Kính gửi|Điều \d|Thực hiện|Theo đề nghị|Xét đề nghị"
                        r"|I\.\s)", re.M)
HEADER_REACH = 3000
