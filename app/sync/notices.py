"""Which synced task changes concern the technician, as Planado notifies them: a task newly
assigned to them, a state change of one of their tasks, any other change to one of theirs.

Only changes a sync brings count (not the technician's own actions), and only once a first
pass has completed in this run, so an initial configuration does not announce every task.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.api.setup_shapes import current_user_id
from app.core.changes import ChangeSet
from app.core.kinds import Kind
from app.core.texts import QT_TRANSLATE_NOOP
from app.core.values import as_int, as_int_list, as_str
from app.db import Store
from app.sync.keys import USER_KEY

GROUP_AFTER = 3  # more notices than this in one go become one summary


@dataclass(frozen=True, slots=True)
class TaskNotice:
    """`title` and `text` are English (marked for the window's translation, context
    TaskNotice); the window fills the text's placeholders from `values` after translating."""

    todo_id: int  # 0: a summary of several; opens the task list
    title: str
    text: str
    values: dict[str, str] = field(default_factory=dict)

    @property
    def english_text(self) -> str:
        return self.text.format(**self.values)


class TaskWatcher:
    def __init__(self, store: Store, on_notice: Callable[[TaskNotice], None]) -> None:
        self._store = store
        self._on_notice = on_notice
        self._armed = False
        self._states: dict[int, int] = {}

    def pass_finished(self, ok: bool) -> None:
        """After the first successful pass, what changes is news."""
        if ok and not self._armed:
            self._states = {
                as_int(task.get("id")): as_int(task.get("stateid"))
                for task in self._store.objects.find(Kind.TODO) if self._is_mine(task)
            }
            self._armed = True

    def changes(self, changes: ChangeSet) -> None:
        if not self._armed or changes.initiator != "sync" or not changes.touches(Kind.TODO):
            return
        entry = changes.of(Kind.TODO)
        notices = [
            notice
            for todo_id in sorted(entry.added | entry.changed)
            if (notice := self._notice(todo_id)) is not None
        ]
        if len(notices) > GROUP_AFTER:
            notices = [TaskNotice(
                0, QT_TRANSLATE_NOOP("TaskNotice", "Your tasks changed"),
                QT_TRANSLATE_NOOP("TaskNotice",
                                  "{count} of your tasks were changed in the office."),
                {"count": str(len(notices))})]
        for notice in notices:
            self._on_notice(notice)

    def _notice(self, todo_id: int) -> TaskNotice | None:
        task = self._store.objects.get(Kind.TODO, todo_id)
        if task is None or not self._is_mine(task):
            self._states.pop(todo_id, None)
            return None
        state = as_int(task.get("stateid"))
        before = self._states.get(todo_id)
        self._states[todo_id] = state
        about = {"task": _label(task)}
        if before is None:
            return TaskNotice(todo_id, QT_TRANSLATE_NOOP("TaskNotice", "New task for you"),
                              "{task}", about)
        if before != state:
            return TaskNotice(todo_id, QT_TRANSLATE_NOOP("TaskNotice", "Task state changed"),
                              QT_TRANSLATE_NOOP("TaskNotice", "{task}: now {state}"),
                              {**about, "state": as_str(task.get("statetext")) or str(state)})
        return TaskNotice(todo_id, QT_TRANSLATE_NOOP("TaskNotice", "Task changed"), "{task}",
                          about)

    def _is_mine(self, task: dict[str, Any]) -> bool:
        me = current_user_id(self._store.settings.get(USER_KEY))
        return bool(me) and (
            as_int(task.get("userid")) == me or me in as_int_list(task.get("additionaluserids"))
        )


def _label(task: dict[str, Any]) -> str:
    parts = [as_str(task.get(key)) for key in ("number", "title", "customertext")]
    return " · ".join(part for part in parts if part)
