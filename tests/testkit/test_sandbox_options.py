"""A layout a tester gets wrong is refused in one sentence before any sandbox starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.testkit import LayoutRefused, SandboxOptions
from app.testkit.sandbox import started_sandbox


@pytest.mark.parametrize(("layout", "said"), [
    ({"mainpages": {"objecttype": "todo"}}, 'the layout\'s "mainpages" must be a list'),
    ({"pages": []}, 'a layout needs "mainpages", "columngroups" or both'),
    ([], 'a layout is {"mainpages"'),
])
def test_a_malformed_layout_is_refused_with_what_is_wrong(layout, said: str) -> None:
    with pytest.raises(LayoutRefused) as refused, started_sandbox(
            SandboxOptions(layout=layout)):
        pass
    assert str(refused.value).startswith(said)


def test_a_layout_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "layout.json"
    path.write_text('{"columngroups": []}', encoding="utf-8")
    with started_sandbox(SandboxOptions(layout=path)) as sandbox:
        assert sandbox.server.state.setup.column_groups == ()
        assert sandbox.server.state.setup.main_pages  # the demo's, kept
