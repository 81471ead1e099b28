"""Files people take away: the citation graph as JSON, CSV or GraphML (for networkx, Gephi, a
spreadsheet), and the cells and text every export writes, made safe to open.

A cell that starts like a formula (`=HYPERLINK(...)` in a title) runs in Excel or LibreOffice, so it
is written with a leading `'` (OWASP's advice for CSV injection); XML 1.0 cannot hold most control
characters at all (a NUL in a file name makes the GraphML unreadable to lxml and networkx), so they
are dropped.
"""

import csv
import io
import json
import re
from xml.sax.saxutils import escape, quoteattr

from indexer.graph.model import Graph

# What a spreadsheet reads as the start of a formula, or of a cell it splits.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 does not allow (tab, LF and CR are allowed), and the surrogates and non-characters.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def safe_cell(value):
    """A value as a spreadsheet cell that can only be text: a leading `'` before a formula start.

    >>> [safe_cell(v) for v in ("=HYPERLINK(1)", "-1", "Kế hoạch", 5, None)]
    ["'=HYPERLINK(1)", "'-1", 'Kế hoạch', 5, None]
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def xml_text(value: str) -> str:
    r"""Text that an XML 1.0 parser accepts, the characters it cannot hold dropped.

    >>> xml_text("a\x00b\x01c\td")
    'abc\td'
    """
    return XML_FORBIDDEN.sub("", value)

# The citation graph's formats (`vanban graph --format`, `/api/graph?format=`): the whole graph for
# graph tools, not a result list as a table (those are checks.TABLE_FORMATS, views/tables.py).
GRAPH_FORMATS = ("json", "csv", "graphml")
NODE_ATTRS = {"label": "string", "ref": "string", "doc_type": "string", "date": "string", "year": "int",
              "issuer": "string", "province": "string", "subject": "string", "level": "string",
              "in_corpus": "boolean", "cited_by_count": "int"}
EDGE_ATTRS = {"kind": "string", "count": "int", "passage": "string", "stated_by": "string"}


def to_json(graph: Graph) -> str:
    return json.dumps({"directed": True, "nodes": [n.as_dict() for n in graph.nodes.values()],
                       "edges": [e.as_dict() for e in graph.edges]}, ensure_ascii=False, indent=1)


def to_csv(graph: Graph, table: str = "edges") -> str:
    """The edges (each with both ends' labels and levels), or the nodes, as one CSV table."""
    out = io.StringIO()
    if table == "nodes":
        writer = csv.DictWriter(out, fieldnames=["id", *NODE_ATTRS])
        writer.writeheader()
        for node in graph.nodes.values():
            writer.writerow({k: safe_cell(v) for k, v in node.as_dict().items()})
        return out.getvalue()
    fields = ["source", "source_label", "source_level", "target", "target_label", "target_level", *EDGE_ATTRS]
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    for edge in graph.edges:
        source, target = graph.nodes[edge.source], graph.nodes[edge.target]
        row = {**edge.as_dict(), "source_label": source.label, "source_level": source.level,
               "target_label": target.label, "target_level": target.level}
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
    return out.getvalue()


def _data(key: str, value) -> str:
    if value is None:
        return ""
    text = str(value).lower() if isinstance(value, bool) else str(value)
    return f'<data key="{key}">{escape(xml_text(text))}</data>'


def to_graphml(graph: Graph) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    for name, kind in NODE_ATTRS.items():
        lines.append(f'  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{kind}"/>')
    for name, kind in EDGE_ATTRS.items():
        lines.append(f'  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>')
    lines.append('  <graph id="citations" edgedefault="directed">')
    for node in graph.nodes.values():
        attrs = node.as_dict()
        data = "".join(_data(f"n_{k}", attrs[k]) for k in NODE_ATTRS)
        lines.append(f"    <node id={quoteattr(xml_text(node.id))}>{data}</node>")
    for edge in graph.edges:
        attrs = edge.as_dict()
        data = "".join(_data(f"e_{k}", attrs[k]) for k in EDGE_ATTRS)
        ends = f"source={quoteattr(xml_text(edge.source))} target={quoteattr(xml_text(edge.target))}"
        lines.append(f"    <edge {ends}>{data}</edge>")
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


def export(graph: Graph, fmt: str, table: str = "edges") -> str:
    """The graph in one of GRAPH_FORMATS."""
    if fmt == "json":
        return to_json(graph)
    if fmt == "csv":
        return to_csv(graph, table)
    if fmt == "graphml":
        return to_graphml(graph)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(GRAPH_FORMATS)}")
