"""Every key the app keeps in the store's settings table, in one place.

Sync modules read and write each other's settings (the sender updates the check-in the sync
read, the monitor reads the time the engine stamped); naming each key here keeps them from
importing one another for a string, and shows at a glance what the table holds.
"""

from __future__ import annotations

from datetime import date


def setup_key(command: str) -> str:
    """Where the raw answer of a setup call (app/sync/plan.py) is kept."""
    return f"setup.{command}"


# -- setup data: raw answers, parsed by app/api/setup_shapes.py -------------------------------
MOBILE_APP_SETTINGS_KEY = setup_key("GetMobileAppSettings")
CUSTOM_FIELDS_KEY = setup_key("GetCustomFields")
CHECKIN_KEY = setup_key("GetCheckIn")  # the open check-in; an action's check-in lands here too
USER_KEY = setup_key("GetCurrentUserID")
USERS_KEY = setup_key("GetUsers")
STATES_KEY = setup_key("GetTodoStates")
CHECKPOINTS_KEY = setup_key("GetCheckpoints")
TOOL_TYPES_KEY = setup_key("GetToolTypes")
COLUMN_GROUPS_KEY = setup_key("GetColumnGroups")
MAIN_PAGES_KEY = setup_key("GetMainPages")
TEAMS_KEY = setup_key("GetTeams")

# -- local state --------------------------------------------------------------------------------
TICKED_KEY = "checkin.ticked"  # checkpoints ticked since the check-in; sent with the check-out
TAKEN_SINCE_KEY = "tools.taken_since"  # {tool id: when this device picked it up}; no API field
BACKGROUND_KEY = "prefs.background_sync"


def list_choice_key(kind: str) -> str:
    """How the technician left a list (filter and sort), per object kind."""
    return f"prefs.list.{kind}"


SERVER_OFFSET_KEY = "clock.server_offset"  # seconds, kept for a start without a network
INTERVAL_KEY = "prefs.sync_interval_minutes"
METERED_PHOTOS_KEY = "prefs.photos_wait_on_metered"
NOTICES_KEY = "prefs.task_notices"
LOG_LEVEL_KEY = "prefs.log_level"
LANGUAGE_KEY = "prefs.language"

# -- sync bookkeeping ---------------------------------------------------------------------------
LAST_SUCCESS_KEY = "sync.last_success"
CHECKIN_READ_KEY = "sync.checkin_read_at"
SETUP_READ_KEY = "sync.setup_read_at"
STEP_LOG_KEY = "sync.step_log"  # each plan step's last run (app/sync/step_log.py)


def dated_key(step: str) -> str:
    """The day a dated step (plan.DATED_STEPS) last ran."""
    return f"sync.dated.{step}"


def calendar_key(name: str, day: date | str) -> str:
    """Where a day's calendar entries are kept: name is "events" or "production"."""
    text = day if isinstance(day, str) else day.isoformat()
    return f"calendar.{name}.{text}"
