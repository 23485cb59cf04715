"""A layout a tester gets wrong is refused as the layout preview refuses it (what and where),
before any sandbox starts; a layout file replaces the pages it holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.sync.layout_file import BadLayoutFile
from app.testkit import SandboxOptions
from app.testkit.sandbox import started_sandbox


@pytest.mark.parametrize(("layout", "said"), [
    ({"columngroups": []}, 'line 1, column 1: no "mainpages" list'),
    ([], 'line 1, column 1: not one JSON object'),
])
def test_a_malformed_layout_is_refused_with_what_is_wrong(layout, said: str) -> None:
    with pytest.raises(BadLayoutFile) as refused, started_sandbox(SandboxOptions(layout=layout)):
        pass
    assert str(refused.value).startswith(said)


def test_a_broken_layout_file_says_where(tmp_path: Path) -> None:
    path = tmp_path / "layout.json"
    path.write_text('{"mainpages": [\n  {"objecttype": "todo",, }\n]}', encoding="utf-8")
    with pytest.raises(BadLayoutFile, match="line 2, column 25: not valid JSON"), \
            started_sandbox(SandboxOptions(layout=path)):
        pass


def test_a_layout_file_is_served(tmp_path: Path) -> None:
    path = tmp_path / "layout.json"
    path.write_text('{"mainpages": [{"objecttype": "tool", "boxes": []}]}', encoding="utf-8")
    with started_sandbox(SandboxOptions(layout=path)) as sandbox:
        assert sandbox.server.state.setup.main_pages == ({"objecttype": "tool", "boxes": []},)
        assert sandbox.server.state.setup.column_groups  # the demo's, kept
