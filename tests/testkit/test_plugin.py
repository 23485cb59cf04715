"""The testers' plugin as a tester meets it: a project of their own, with none of this
repository's conftest.py (no memory keyring, no strict logs, no Qt platform chosen), where the
`fieldclient_*` fixtures come from the installed app's `pytest11` entry point alone.

Each test runs pytest in a fresh process in an empty folder (pytester), as `pytest` in the
tester's own project would; a real keyring there fails every call, so a secret that reached
it would fail the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

LAYOUT = {"mainpages": [{"objecttype": "todo", "boxes": [
    {"id": 1, "box": "description", "title": "Opgaven", "iscolumngroup": 0,
     "columngroupid": 0, "sortorder": 10},
    {"id": 2, "box": "checklist", "title": "Tjekliste", "iscolumngroup": 0,
     "columngroupid": 0, "sortorder": 20},
]}]}

TESTER_TESTS = '''
import keyring
import pytest


@pytest.fixture
def sandbox():
    """A tester's own fixture of a name the project uses too: no clash with the plugin's."""
    return "the tester's own"


@pytest.mark.fieldclient_sandbox(layout="layout.json", functions={"ToolTake": False})
def test_the_layout_and_functions_chosen(fieldclient_app, fieldclient_sandbox, sandbox):
    assert sandbox == "the tester's own"
    assert "ToolTake" not in fieldclient_sandbox.set_functions()
    task = fieldclient_sandbox.object_showing("checklist")
    page = fieldclient_app.open("todo", task)
    assert page.box_types()[-1] == "checklist"
    assert [*page.box_types(), *page.hidden_boxes()] in (
        ["description", "checklist"], ["checklist", "description"])
    with pytest.raises(LookupError, match="shows no 'address' box"):
        page.box("address")


def test_signed_in_with_the_secrets_in_the_test_keyring(fieldclient_app, fieldclient_keyring,
                                                       fieldclient_sandbox):
    password = fieldclient_sandbox.credentials.password
    assert keyring.get_keyring() is fieldclient_keyring
    assert password in fieldclient_keyring._secrets.values()
    assert fieldclient_app.ids("todo")  # synced
    assert fieldclient_sandbox.commands_sent("GetTodosByLastChange")


def test_the_seed_from_the_conftest(fieldclient_sandbox_options, fieldclient_sandbox):
    assert fieldclient_sandbox_options.seed == 3
    assert fieldclient_sandbox.request_log() == []
'''

CONFTEST = '''
import pytest


@pytest.fixture
def fieldclient_sandbox_options(fieldclient_sandbox_options):
    return fieldclient_sandbox_options.but(seed=3)
'''


@pytest.fixture
def testers_project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
                    ) -> pytest.Pytester:
    """An empty project with the tester's tests; the environment a tester's shell has (this
    suite's Qt choices unset) and a keyring that refuses every call."""
    for name in ("QT_QPA_PLATFORM", "QT_API", "PYTEST_QT_API"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    pytester.makepyfile(test_visit=TESTER_TESTS)
    pytester.makeconftest(CONFTEST)
    (pytester.path / "layout.json").write_text(json.dumps(LAYOUT))
    return pytester


def test_a_testers_project_gets_the_fixtures_from_the_installed_app(
    testers_project: pytest.Pytester,
) -> None:
    """The tester's own tests, and the README's example copied into their project."""
    example = Path(__file__).parents[2] / "examples" / "test_check_in.py"
    (testers_project.path / example.name).write_text(example.read_text(encoding="utf-8"),
                                                     encoding="utf-8")
    result = testers_project.runpytest_subprocess("-p", "no:cacheprovider", "--strict-markers")
    result.assert_outcomes(passed=6)
