"""The task's description box: its long `description`, readable at any length, links clickable.

The guide: "display the description field from the task. This may be a long text, so it
requires special consideration. The box title should be "Description"."
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.kinds import Kind
from app.mainpage_boxes.api import (
    QT_TRANSLATE_NOOP,
    BoxContent,
    BoxContext,
    BoxPlugin,
    Hidden,
    Shown,
    translate,
)
from app.mainpage_boxes.links import links_in

if TYPE_CHECKING:
    from app.mainpage_boxes.description_widget import DescriptionWidget

NO_DESCRIPTION = QT_TRANSLATE_NOOP("DescriptionBox", "no description on this task")


@dataclass(frozen=True, slots=True)
class DescriptionContent(BoxContent):
    text: str
    links: tuple[str, ...]  # where its links lead (https://…, mailto:…), in order


class DescriptionBox(BoxPlugin[DescriptionContent]):
    box_type = "description"
    kinds = frozenset({Kind.TODO})
    fixed_title = QT_TRANSLATE_NOOP("BoxTitle", "Description")

    def build(self, context: BoxContext) -> Shown[DescriptionContent] | Hidden:
        text = str(context.object.get("description") or "").strip()
        if not text:
            return Hidden(translate("DescriptionBox", NO_DESCRIPTION))
        return Shown(DescriptionContent(text, links_in(text)))

    def widget(self) -> type[DescriptionWidget]:
        from app.mainpage_boxes.description_widget import DescriptionWidget

        return DescriptionWidget
