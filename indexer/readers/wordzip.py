"""Check the zip of a .docx before python-docx inflates it: sizes, the paragraph count, the deflate streams.

python-docx reads every part of the package into memory and parses its XML whole, so a 1 MB zip
whose main part inflates to 300 MB of paragraphs takes minutes and gigabytes. Here the zip's own
directory is read, and the main part is inflated in chunks and counted, before anything is parsed.
"""

import posixpath
import re
import struct
import zipfile
import zlib

from lxml import etree

from indexer.readers.limits import (
    MAX_DOCX_DOCUMENT_BYTES,
    MAX_DOCX_PACKAGE_BYTES,
    MAX_DOCX_PARAGRAPHS,
    MAX_DOCX_XML_BYTES,
    megabytes,
    thousands,
)
from indexer.readers.result import UnreadableFile

PACKAGE_RELATIONSHIPS = "_rels/.rels"
MAIN_DOCUMENT = "word/document.xml"  # where Word puts it; the package's relationships say for sure
# The relationship naming the main part (transitional and strict OOXML end the same way).
OFFICE_DOCUMENT = "/officeDocument"
XML_SUFFIXES = (".xml", ".rels")
# A paragraph's start tag in raw XML: `<w:p>`, `<w:p w:rsidR="...">`, `<w:p/>`, under any prefix
# (DrawingML's `<a:p>` in text boxes counts too: python-docx builds an object for those as well).
PARAGRAPH = re.compile(rb"<(?:[\w.-]{1,32}:)?p[\s/>]")
# Bytes kept from one chunk to the next so a tag split between chunks is counted once (longer
# than the longest tag PARAGRAPH matches).
OVERLAP = 64
CHUNK = 1 << 20
# The package's relationships are a few hundred bytes; parsed without entities or network.
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True)

# What zipfile raises on a broken zip: a bad directory or CRC, a corrupt deflate stream, a stream
# cut short, an unknown compression or encryption, offsets pointing outside the file.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError,
              struct.error, OSError)


def check_package(path) -> None:
    """Refuse a .docx whose zip is broken, or would inflate past the limits, before it is parsed."""
    with open(path, "rb") as file:  # a file we may not open is reported as such, not as a broken zip
        try:
            with zipfile.ZipFile(file) as package:
                _check_sizes(package.infolist())
                main = _main_part(package)
                if main is not None:
                    _check_main_part(package, main)
        except ZIP_ERRORS as err:
            raise UnreadableFile(f"tệp .docx hỏng hoặc không phải Word 2007+: {err}") from err


def _check_sizes(members: list[zipfile.ZipInfo]) -> None:
    """The sizes the zip declares: all XML parts together, and every part together."""
    xml = sum(m.file_size for m in members if m.filename.lower().endswith(XML_SUFFIXES))
    if xml > MAX_DOCX_XML_BYTES:
        raise UnreadableFile(f"tệp .docx quá lớn: các phần XML giải nén ra {megabytes(xml)} "
                             f"(giới hạn {megabytes(MAX_DOCX_XML_BYTES)})")
    total = sum(m.file_size for m in members)
    if total > MAX_DOCX_PACKAGE_BYTES:
        raise UnreadableFile(f"tệp .docx quá lớn: giải nén ra {megabytes(total)} "
                             f"(giới hạn {megabytes(MAX_DOCX_PACKAGE_BYTES)})")


def _main_part(package: zipfile.ZipFile) -> zipfile.ZipInfo | None:
    """The part the package names as its main document (None when there is none: python-docx says why)."""
    try:
        relationships = etree.fromstring(package.read(PACKAGE_RELATIONSHIPS), SAFE_XML)
    except (KeyError, etree.XMLSyntaxError):
        return None
    targets = [r.get("Target", "") for r in relationships if r.get("Type", "").endswith(OFFICE_DOCUMENT)]
    name = posixpath.normpath("/" + targets[0]).lstrip("/") if targets else MAIN_DOCUMENT
    try:
        return package.getinfo(name)
    except KeyError:
        return None


def _check_main_part(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Inflate the main part in chunks, refusing it past MAX_DOCX_DOCUMENT_BYTES or MAX_DOCX_PARAGRAPHS.

    Both the declared size and the bytes actually inflated are checked: a zip can lie about sizes.
    """
    if info.file_size > MAX_DOCX_DOCUMENT_BYTES:
        raise UnreadableFile(_too_big(info.filename, megabytes(info.file_size)))
    size = paragraphs = 0
    tail = b""
    with package.open(info) as part:
        while chunk := part.read(CHUNK):
            size += len(chunk)
            if size > MAX_DOCX_DOCUMENT_BYTES:
                raise UnreadableFile(_too_big(info.filename, f"hơn {megabytes(MAX_DOCX_DOCUMENT_BYTES)}"))
            window = tail + chunk
            paragraphs += len(PARAGRAPH.findall(window)) - len(PARAGRAPH.findall(tail))
            if paragraphs > MAX_DOCX_PARAGRAPHS:
                raise UnreadableFile(f"tệp .docx có quá nhiều đoạn văn: hơn {thousands(MAX_DOCX_PARAGRAPHS)} "
                                     f"đoạn trong {info.filename}")
            tail = window[-OVERLAP:]


def _too_big(name: str, size: str) -> str:
    return f"tệp .docx quá lớn: {name} giải nén ra {size} (giới hạn {megabytes(MAX_DOCX_DOCUMENT_BYTES)})"

