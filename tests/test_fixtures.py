"""The suite's own vocabulary: one name, one meaning.

A fixture redefined in a test module silently replaces the shared one for that
module, and the same word (`member`, `pending`) comes to mean different people
or profiles in different files. The shared helpers of `helpers.py` drift the
same way when a module writes its own copy. These checks read the test sources
(nothing is imported or run) and fail on any second definition.
"""

import ast
from collections import defaultdict
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def is_fixture(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Decorated with `pytest.fixture`, bare or called, however imported."""
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
        if name == "fixture":
            return True
    return False


def definitions() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Fixtures anywhere, and functions at module level, by name: where each is."""
    fixtures: dict[str, list[str]] = defaultdict(list)
    functions: dict[str, list[str]] = defaultdict(list)
    for path in sorted(TESTS.rglob("*.py")):
        where = path.relative_to(TESTS.parent)
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and is_fixture(node):
                fixtures[node.name].append(f"{where}:{node.lineno}")
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not is_fixture(node):
                functions[node.name].append(f"{where}:{node.lineno}")
    return fixtures, functions


def test_each_fixture_is_defined_once() -> None:
    fixtures, _ = definitions()

    repeated = {name: places for name, places in fixtures.items() if len(places) > 1}

    assert "member" in fixtures and "desk" in fixtures  # the walk reads the conftests
    assert not repeated, f"give one of them another, descriptive name: {repeated}"


def test_helpers_are_defined_once_and_never_share_a_fixtures_name() -> None:
    fixtures, functions = definitions()

    repeated = {
        name: places
        for name, places in functions.items()
        # Tests and pytest's hooks (one per conftest) are named by their role.
        if len(places) > 1 and not name.startswith(("test_", "pytest_"))
    }
    clashing = {name: functions[name] + fixtures[name] for name in functions if name in fixtures}

    assert "found" in functions and "names" in functions  # the walk reads the helpers
    assert not repeated, f"import the shared helper instead of a copy: {repeated}"
    assert not clashing, f"a helper and a fixture of the same name: {clashing}"
