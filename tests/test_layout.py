"""The structure the folder listing promises: one folder per stage, imports running one way, one door.

Read from the code's own imports (module level and inside functions alike), so a shortcut taken
anywhere shows here; and `ruff check` is clean.
"""

import ast
import subprocess
import sys

import pytest
from helpers import ROOT

PACKAGES = ("analyzers", "indexer", "webui", "vanban")

# What each stage may import of ours (a stage may always import its own modules). Shared modules
# (errors, limits, paths, labels) are below everything in indexer.
SHARED = {"indexer.errors", "indexer.limits", "indexer.paths", "indexer.labels"}
STAGES = {
    "analyzers": set(),
    "indexer.readers": {"analyzers"},
    "indexer.vocab": {"analyzers"},
    "indexer.sources": {"indexer.readers"},
    "indexer.extract": {"analyzers", "indexer.readers", "indexer.sources", "indexer.vocab"},
    "indexer.graph": {"analyzers", "indexer.vocab"},
    "indexer.compare": {"analyzers", "indexer.vocab", "indexer.graph"},
    "indexer.engines": set(),
    "indexer.store": {"indexer.engines"},
    "indexer.builder": {"analyzers", "indexer.readers", "indexer.sources", "indexer.vocab", "indexer.extract",
                        "indexer.graph", "indexer.compare", "indexer.engines", "indexer.store"},
    "indexer.query": {"analyzers", "indexer.vocab", "indexer.engines"},
    "indexer.searching": {"analyzers", "indexer.vocab", "indexer.engines", "indexer.query", "indexer.store"},
    "indexer.views": {"analyzers", "indexer.sources", "indexer.vocab", "indexer.graph",
                      "indexer.compare", "indexer.engines", "indexer.store", "indexer.query", "indexer.searching"},
}


def modules() -> dict[str, ast.Module]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            found[name] = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return found


def imports(tree: ast.Module, known) -> set[str]:
    """Every module of ours a module imports, wherever the import stands."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            submodules = {f"{node.module}.{a.name}" for a in node.names} & known  # `from indexer import limits`
            names |= submodules or {node.module}
    return names & known


MODULES = modules()
GRAPH = {name: imports(tree, set(MODULES)) for name, tree in MODULES.items()}


def stage(module: str) -> str | None:
    """The stage a module belongs to: the longest STAGES key it falls under (SHARED modules: none)."""
    if module in SHARED or module == "indexer":
        return None
    return max((s for s in STAGES if module == s or module.startswith(s + ".")), key=len, default=None)


def test_no_import_cycle():
    state, cycles = {}, []

    def visit(node, path):
        state[node] = "open"
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == "open":
                cycles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = "done"

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_each_stage_imports_only_the_stages_before_it():
    wrong = []
    for module, imported in sorted(GRAPH.items()):
        own = stage(module)
        if own is None:
            continue
        for other in sorted(imported):
            theirs = stage(other)
            if other not in SHARED and theirs not in (own, None) and theirs not in STAGES[own]:
                wrong.append((module, other))
            if other == "indexer":
                wrong.append((module, other))  # the door is for the surfaces, not for the stages
    assert wrong == []


def test_the_shared_modules_import_no_stage():
    assert {m: sorted(GRAPH[m] - SHARED) for m in sorted(SHARED)} == {m: [] for m in sorted(SHARED)}


def test_surfaces_go_through_the_door_and_cli_imports_only_the_app_it_serves():
    through = {m: sorted(i for i in GRAPH[m] if i.startswith("indexer"))
               for m in GRAPH if m.split(".")[0] in ("webui", "vanban")}
    assert {m: [i for i in names if i not in ("indexer", "indexer.checks", "indexer.labels", "indexer.limits")]
            for m, names in through.items()} == {m: [] for m in through}
    assert sorted(i for m in GRAPH if m.startswith("vanban") for i in GRAPH[m] if i.startswith("webui")) == ["webui.app"]


def test_the_door_lists_every_name_for_static_tools_too():
    import indexer

    tree = MODULES["indexer"]
    guarded = next(n for n in tree.body if isinstance(n, ast.If) and getattr(n.test, "id", "") == "TYPE_CHECKING")
    seen = {a.asname or a.name for node in guarded.body for a in node.names}
    assert sorted(seen) == sorted(indexer.__all__) == sorted([*indexer._EXPORTS, *indexer._MODULES])
    for name in indexer.__all__:
        assert getattr(indexer, name) is not None


def test_at_most_eight_modules_beside_the_stages_and_none_over_400_lines():
    top = sorted(p.name for p in (ROOT / "indexer").glob("*.py"))
    assert len(top) <= 8, top
    long = {str(p.relative_to(ROOT)): n for package in PACKAGES for p in (ROOT / package).rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


@pytest.mark.parametrize("package", sorted({m for m in MODULES if (ROOT / m.replace(".", "/") / "__init__.py").exists()}))
def test_each_package_says_what_it_holds_and_what_it_may_import(package):
    doc = ast.get_docstring(MODULES[package]) or ""
    needs_rule = package.startswith("indexer.")
    assert (bool(doc), not needs_rule or "import" in doc) == (True, True), doc


def test_ruff_check_is_clean():
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", str(ROOT)], capture_output=True,
                          text=True, cwd=ROOT)
    assert (done.returncode, done.stdout.strip().splitlines()[-1:]) == (0, ["All checks passed!"]), done.stdout
