"""The first run, as a new user meets it: the app starts on an empty data folder, the set-up
wizard asks how to connect, and what it ends with is what the app then syncs with. Each test
runs the whole app (`run_desktop`) against the sandbox over loopback; the keyring is the test
backend `tests/conftest.py` installs with `keyring.set_keyring`, so a restart finds what the
first run kept, as it would in Windows' Credential Manager."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtWidgets import QMessageBox

from app.composition import build_core, sandbox_connection
from app.core.kinds import Kind
from app.desktop import DesktopOptions, run_desktop
from app.sandbox import SandboxServer
from app.sync.account import MemoryKeyring
from app.sync.provisioning import CODE_SERVICE_ENV
from app.testkit.dialogs import visible
from app.views.main_window import MainWindow
from app.views.setup_wizard import SetupWizard
from tests.admin import commands_sent, fault
from tests.gui.running import Script, main_window, while_running
from tests.gui.test_startup import synced
from tests.local_service import answering

ACCOUNT_FILE = "account.json"


pytestmark = pytest.mark.usefixtures("app_as_run")


def wizard() -> SetupWizard | None:
    return visible(SetupWizard)


def on_page(page: str) -> SetupWizard | None:
    found = wizard()
    return found if found is not None and found.pages.currentWidget() is getattr(
        found, page) else None


def refusal() -> str | None:
    """The sentence the wizard shows once a check has ended (None while it runs)."""
    found = wizard()
    if found is None or found._checking is not None or not found.error.isVisible():
        return None
    return found.error.text()


def type_details(found: SetupWizard, server: str, contract: str, username: str,
                 password: str, apikey: str) -> None:
    for field, text in ((found.server_field, server), (found.contract_field, contract),
                        (found.username_field, username), (found.password_field, password),
                        (found.apikey_field, apikey)):
        field.setText(text)
    found.continue_button.click()


def the_details(sandbox: SandboxServer, **changed: str) -> dict[str, str]:
    creds = sandbox.credentials
    return {"server": sandbox.url, "contract": creds.contract, "username": creds.username,
            "password": creds.password, "apikey": creds.apikey, **changed}


def synced_window(data_dir: Path) -> MainWindow | None:
    """The window once the first sync is in; the first run's background question answered."""
    prompt = visible(QMessageBox, "permission-prompt")
    if prompt is not None:
        prompt.button(QMessageBox.StandardButton.No).click()
        return None
    window = main_window()
    return window if window is not None and synced(data_dir) and idle(window) else None


def idle(window: MainWindow) -> bool:
    """No pass under way: closing now cuts no request off."""
    return window.activity_label.text() == "Up to date"


def play(script: Script, data_dir: Path, limit_s: float = 30) -> int:
    with while_running(script, limit_s):
        code = run_desktop(DesktopOptions(data_dir=data_dir, sandbox_scale=0.05))
    assert script.done, f"stopped waiting for {script.waiting_for}"
    return code


def signed_in_by_hand(sandbox: SandboxServer, data_dir: Path) -> Script:
    """A new user's first run: the details typed in, the first sync, the window closed."""
    return (
        Script()
        .then("the wizard", wizard, lambda found: found.manual_choice.click())
        .then("the typed details", lambda: on_page("manual_page"),
              lambda found: type_details(found, **the_details(sandbox)))
        .then("the synced window", lambda: synced_window(data_dir),
              lambda window: window.close())
    )


def kept_secrets(backend: MemoryKeyring) -> list[str]:
    return sorted(backend._secrets.values())


def test_by_hand_a_wrong_password_keeps_nothing_the_right_one_syncs_and_a_restart_signs_in(
    sandbox: SandboxServer, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    said: list[str] = []
    kept_when_refused: list[object] = []

    def correct_the_password(text: str) -> None:
        said.append(text)
        kept_when_refused.extend([(data_dir / ACCOUNT_FILE).exists(),
                                  kept_secrets(memory_keyring)])
        found = wizard()
        assert found is not None
        found.password_field.setText(sandbox.credentials.password)
        found.continue_button.click()

    first_run = (
        Script()
        .then("the wizard", wizard, lambda found: found.manual_choice.click())
        .then("the typed details", lambda: on_page("manual_page"),
              lambda found: type_details(found, **the_details(sandbox, password="wrong")))
        .then("the refusal", refusal, correct_the_password)
        .then("the synced window", lambda: synced_window(data_dir),
              lambda window: window.close())
    )
    assert play(first_run, data_dir) == 0

    assert said == ["The server did not accept the login: Invalid login: wrong contract, API "
                    "key, username or password."]
    assert kept_when_refused == [False, []]  # refused: no account file, nothing in the keyring
    creds = sandbox.credentials
    assert kept_secrets(memory_keyring) == sorted([creds.password, creds.apikey])
    kept_on_disk = b"".join(path.read_bytes() for path in data_dir.iterdir() if path.is_file())
    assert creds.password.encode() not in kept_on_disk
    assert creds.apikey.encode() not in kept_on_disk

    # The restart: no wizard, the secrets come from the keyring, the sync goes on.
    before = len(commands_sent(sandbox))
    wizards: list[SetupWizard] = []

    def synced_again() -> MainWindow | None:
        if (found := wizard()) is not None:
            wizards.append(found)
            found.reject()
        window = main_window()
        return window if window is not None and len(commands_sent(sandbox)) > before and idle(
            window) else None

    restart = Script().then("a sync after the restart", synced_again, lambda w: w.close())
    assert play(restart, data_dir) == 0
    assert wizards == []


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("not a url", "'not a url' is not a server address: write it as https://host/path."),
        ("ftp://files.example.com/api", "'ftp://files.example.com/api' is not a server "
                                        "address: write it as https://host/path."),
        ("http://microbizz.example.com/api", "http://microbizz.example.com/api is not "
         "encrypted: use its https:// address, so the password is not sent in clear text."),
    ],
)
def test_an_address_that_is_no_https_server_is_refused_before_anything_is_sent(
    sandbox: SandboxServer, data_dir: Path, memory_keyring: MemoryKeyring, address: str,
    said: str,
) -> None:
    refusals: list[str] = []
    script = (
        Script()
        .then("the wizard", wizard, lambda found: found.manual_choice.click())
        .then("the typed details", lambda: on_page("manual_page"),
              lambda found: type_details(found, **the_details(sandbox, server=address)))
        .then("the refusal", refusal, lambda text: (refusals.append(text), wizard().reject()))
    )
    assert play(script, data_dir) == 0
    assert refusals == [said]
    assert not commands_sent(sandbox)
    assert not (data_dir / ACCOUNT_FILE).exists() and kept_secrets(memory_keyring) == []


# the TLS greeting sent to the plain-HTTP sandbox: it logs it as an invalid request
@pytest.mark.expected_warnings("uvicorn.error")
def test_missing_details_an_unreachable_server_and_a_wrong_scheme_or_path_each_get_a_sentence(
    sandbox: SandboxServer, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    refusals: list[str] = []

    def note_then(next_step: dict[str, str] | None) -> object:
        def act(text: str) -> None:
            refusals.append(text)
            found = wizard()
            assert found is not None
            if next_step is None:
                found.reject()
            else:
                type_details(found, **next_step)
        return act

    host = sandbox.url.split("/")[2]
    script = (
        Script()
        .then("the wizard", wizard, lambda found: found.manual_choice.click())
        .then("the typed details", lambda: on_page("manual_page"),
              lambda found: type_details(found, **the_details(sandbox, apikey=" ")))
        .then("the missing key", refusal,
              note_then(the_details(sandbox, server="http://127.0.0.1:9/api/endpoint.php")))
        .then("the unreachable server", refusal,
              note_then(the_details(sandbox, server=sandbox.url.replace("http:", "https:"))))
        .then("the HTTPS/HTTP mismatch", refusal,
              note_then(the_details(sandbox, server=f"http://{host}/no/such/path")))
        .then("no Microbizz at the path", refusal, note_then(None))
    )
    assert play(script, data_dir) == 0
    assert refusals == [
        "Fill in: API key.",
        "Could not reach the server: nothing answers at 127.0.0.1:9; nothing was saved.",
        f"{host} does not answer over HTTPS: check the address; nothing was saved.",
        f"Nothing answers as Microbizz at http://{host}/no/such/path (HTTP 404): check the "
        "whole server address, path included.",
    ]
    assert not (data_dir / ACCOUNT_FILE).exists() and kept_secrets(memory_keyring) == []


def test_without_a_keyring_the_wizard_says_so_and_keeps_nothing(
    sandbox: SandboxServer, data_dir: Path
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # as on a Linux box without one
    refusals: list[str] = []
    script = (
        Script()
        .then("the wizard", wizard, lambda found: found.manual_choice.click())
        .then("the typed details", lambda: on_page("manual_page"),
              lambda found: type_details(found, **the_details(sandbox)))
        .then("the refusal", refusal, lambda text: (refusals.append(text), wizard().reject()))
    )
    assert play(script, data_dir) == 0
    assert refusals[0].startswith("The system keyring is not available")
    assert refusals[0].endswith("the password cannot be kept.")
    assert not (data_dir / ACCOUNT_FILE).exists()


def test_the_demo_path_runs_the_embedded_sandbox_and_leaving_it_returns_to_the_wizard(
    data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    def leave(window: MainWindow) -> None:
        assert window.sign_out_action.isVisible()
        assert window.sign_out_action.text() == "&Leave the demo…"
        window.sign_out_action.trigger()

    prompts: list[str] = []

    def demo_synced() -> MainWindow | None:
        prompt = visible(QMessageBox, "permission-prompt")
        if prompt is not None:  # a demo has nothing to sync in the background: never asked
            prompts.append(prompt.text())
            prompt.button(QMessageBox.StandardButton.No).click()
        window = main_window()
        return window if window is not None and window.models[Kind.TODO].total > 0 else None

    script = (
        Script()
        .then("the wizard", wizard, lambda found: found.demo_choice.click())
        .then("the demo's tasks", demo_synced, leave)
        .then("the question", lambda: visible(QMessageBox, "sign-out-message"),
              lambda box: next(b for b in box.buttons()
                               if b.text() == "Leave the demo").click())
        .then("the wizard again", wizard, lambda found: found.reject())
    )
    assert play(script, data_dir, limit_s=60) == 0
    assert prompts == []
    assert not (data_dir / ACCOUNT_FILE).exists()
    assert kept_secrets(memory_keyring) == []  # the demo's secrets never left the process


def test_a_keyring_that_lost_the_password_asks_again_on_the_typed_details(
    sandbox: SandboxServer, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    first_run = signed_in_by_hand(sandbox, data_dir)
    assert play(first_run, data_dir) == 0
    memory_keyring._secrets.clear()  # e.g. the laptop's Windows profile was rebuilt

    shown: list[tuple[str, str, str]] = []

    def sign_in_again(found: SetupWizard) -> None:
        shown.append((found.error.text(), found.server_field.text(),
                      found.username_field.text()))
        found.password_field.setText(sandbox.credentials.password)
        found.apikey_field.setText(sandbox.credentials.apikey)
        found.continue_button.click()

    restart = (
        Script()
        .then("the wizard on the details", lambda: on_page("manual_page"), sign_in_again)
        .then("the synced window", lambda: synced_window(data_dir),
              lambda window: window.close())
    )
    assert play(restart, data_dir) == 0
    [(reason, server, username)] = shown
    assert reason == f"No password saved for {sandbox.credentials.username}; sign in again."
    assert (server, username) == (sandbox.url, sandbox.credentials.username)
    assert len(memory_keyring._secrets) == 2


def test_sign_out_is_refused_while_a_change_waits_and_otherwise_removes_the_account(
    sandbox: SandboxServer, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    said: list[str] = []

    def answer(label: str):
        def act(box: QMessageBox) -> None:
            said.append(box.text())
            next(b for b in box.buttons() if b.text().replace("&", "") == label).click()
        return act

    script = (
        Script()
        .then("the wizard", wizard, lambda found: found.manual_choice.click())
        .then("the typed details", lambda: on_page("manual_page"),
              lambda found: type_details(found, **the_details(sandbox)))
        .then("the synced window", lambda: synced_window(data_dir),
              lambda window: window.sign_out_action.trigger())
        .then("the question", lambda: visible(QMessageBox, "sign-out-message"),
              answer("Sign out"))
        .then("the wizard again", wizard, lambda found: found.reject())
    )
    assert play(script, data_dir) == 0
    assert said[0].startswith(f"Sign out of {sandbox.credentials.username} on contract "
                              f"{sandbox.credentials.contract}?")
    assert not (data_dir / ACCOUNT_FILE).exists()
    assert not (data_dir / "fieldclient.sqlite3").exists()
    assert kept_secrets(memory_keyring) == []


# closing cuts off a send of the note that the sandbox is failing: it may log the cut
@pytest.mark.expected_warnings("app.sync", "uvicorn.error")
def test_sign_out_with_a_change_waiting_lists_it_and_keeps_everything(
    sandbox: SandboxServer, data_dir: Path, memory_keyring: MemoryKeyring
) -> None:
    signed_in = signed_in_by_hand(sandbox, data_dir)
    assert play(signed_in, data_dir) == 0
    _save_a_note_offline(sandbox, data_dir)
    said: list[str] = []

    def refused(box: QMessageBox) -> None:
        said.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    script = (
        Script()
        .then("the window", lambda: main_window(), lambda w: w.sign_out_action.trigger())
        .then("the refusal", lambda: visible(QMessageBox, "sign-out-message"), refused)
        .then("the window still there", lambda: main_window(),
              lambda window: window.close())
    )
    fault(sandbox, "http_500", command="PostMessage", times=100)  # the note cannot go out
    assert play(script, data_dir) == 0
    assert said[0].startswith("Cannot sign out: 1 change is not sent yet: ")
    assert (data_dir / ACCOUNT_FILE).exists()
    assert len(memory_keyring._secrets) == 2


def _save_a_note_offline(sandbox: SandboxServer, data_dir: Path) -> None:
    async def save() -> None:
        core = build_core(data_dir, sandbox_connection(sandbox, data_dir))
        try:
            todo = min(core.store.objects.ids(Kind.TODO))
            await core.actions.post_note(Kind.TODO, todo, "Kedlen er skiftet")
        finally:
            await core.aclose()

    asyncio.run(save())


def enter_code(code: str) -> Callable[[SetupWizard], None]:
    def act(found: SetupWizard) -> None:
        found.code_field.setText(code)
        found.continue_button.click()
    return act


def test_the_configuration_code_signs_in_after_each_refusal_is_said(
    sandbox: SandboxServer, data_dir: Path, memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(CODE_SERVICE_ENV, sandbox.code_service_url)
    refusals: list[str] = []

    def note_then(code: str) -> Callable[[str], None]:
        def act(text: str) -> None:
            refusals.append(text)
            found = wizard()
            assert found is not None
            enter_code(code)(found)
        return act

    script = (
        Script()
        .then("the wizard", wizard, lambda found: found.code_choice.click())
        .then("the code page", lambda: on_page("code_page"), enter_code("12-3"))
        .then("the malformed code", refusal, note_then("ABCD-123"))
        .then("the unknown code", refusal, note_then(sandbox.configuration_code.lower()))
        .then("the synced window", lambda: synced_window(data_dir),
              lambda window: window.close())
    )
    assert play(script, data_dir) == 0
    assert refusals == [
        "'12-3' is not a configuration code: it is 4 and 3 letters or digits, like ABCD-123.",
        "The configuration code ABCD-123 is not known: check it with your office.",
    ]
    creds = sandbox.credentials
    assert kept_secrets(memory_keyring) == sorted([creds.password, creds.apikey])


def test_a_code_whose_account_has_no_password_asks_for_it(
    sandbox: SandboxServer, data_dir: Path, memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    creds = sandbox.credentials
    account = {"endpoint": sandbox.url, "contract": creds.contract, "apikey": creds.apikey,
               "username": creds.username}
    asked: list[str] = []

    def type_password(text: str) -> None:
        asked.append(text)
        found = wizard()
        assert found is not None and found.code_password_field.isVisible()
        found.code_password_field.setText(creds.password)
        found.continue_button.click()

    with answering(200, json.dumps(account).encode()) as service:
        monkeypatch.setenv(CODE_SERVICE_ENV, service)
        script = (
            Script()
            .then("the wizard", wizard, lambda found: found.code_choice.click())
            .then("the code page", lambda: on_page("code_page"), enter_code("ABCD-123"))
            .then("the question", refusal, type_password)
            .then("the synced window", lambda: synced_window(data_dir),
                  lambda window: window.close())
        )
        assert play(script, data_dir) == 0
    assert asked == [f"The code is for {creds.username} on contract {creds.contract}: enter "
                     "your password."]
    assert kept_secrets(memory_keyring) == sorted([creds.password, creds.apikey])


def test_without_a_code_service_the_code_choice_says_why_it_is_off(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CODE_SERVICE_ENV, raising=False)
    seen: list[tuple[bool, str]] = []

    def look(found: SetupWizard) -> None:
        seen.append((found.code_choice.isEnabled(), found.code_choice.description()))
        found.reject()

    assert play(Script().then("the wizard", wizard, look), data_dir) == 0
    [(enabled, description)] = seen
    assert not enabled and CODE_SERVICE_ENV in description
