"""The extraction engine stays readable (issue 18): no function in corpus/extract/ over 60 lines,
no nesting deeper than 3 blocks (an if/elif/else chain counts as one level)."""

import ast
from pathlib import Path

import pytest

EXTRACT = Path(__file__).resolve().parent.parent / "corpus" / "extract"
MAX_LINES, MAX_DEPTH = 60, 3
_BLOCKS = (ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Try, ast.Match)


def nesting(node: ast.AST, depth: int = 0) -> int:
    """The deepest block nesting inside `node` (nested functions are measured on their own)."""
    deepest = depth
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        if isinstance(child, ast.If):
            deepest = max(deepest, _if_chain(child, depth + 1))
        elif isinstance(child, _BLOCKS):
            deepest = max(deepest, nesting(child, depth + 1))
        else:
            deepest = max(deepest, nesting(child, depth))
    return deepest


def _if_chain(node: ast.If, depth: int) -> int:
    deepest = max([depth, *(nesting(ast.Module(body=[s], type_ignores=[]), depth) for s in node.body)])
    if len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If):  # elif: the same level
        return max(deepest, _if_chain(node.orelse[0], depth))
    return max([deepest, *(nesting(ast.Module(body=[s], type_ignores=[]), depth) for s in node.orelse)])


def functions():
    for path in sorted(EXTRACT.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield path.name, node


def test_no_function_is_too_long_or_too_deep():
    offenders = [f"{name}:{node.lineno} {node.name}: {node.end_lineno - node.lineno + 1} lines, depth {nesting(node)}"
                 for name, node in functions()
                 if node.end_lineno - node.lineno + 1 > MAX_LINES or nesting(node) > MAX_DEPTH]
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("source, depth", [
    ("def f(x):\n    if x:\n        pass\n    elif x:\n        pass\n    else:\n        pass\n", 1),
    ("def f(x):\n    for a in x:\n        for b in a:\n            if b:\n                while b:\n                    b -= 1\n", 4),
    ("def f(x):\n    def g():\n        for a in x:\n            for b in a:\n                for c in b:\n                    for d in c:\n                        pass\n    return g\n", 0),
])
def test_the_measure_itself(source, depth):
    assert nesting(ast.parse(source).body[0]) == depth
