"""Command line: `fieldclient` (the app), `fieldclient login`, `sync`, `status`, `outbox`,
`page`, `preview`, `reset` / `logout`.

The commands' modules are imported by the command that needs them: `fieldclient` alone paints
its window before the store, the keyring or the sync modules are loaded (app/desktop.py).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import APP_NAME, __version__
from app.core.data_folder import data_folder, default_data_dir
from app.core.environment import CODE_SERVICE_ENV
from app.core.kinds import Kind

if TYPE_CHECKING:
    from app.api.envelope import Credentials
    from app.mainpage_boxes.registry import BoxRegistry
    from app.sync.account import Account
    from app.sync.session import Session

ACCOUNT_LAYOUT = Path()  # `--preview` without a file: the account's own layout
SECRET_ENV = ("FIELDCLIENT_PASSWORD", "FIELDCLIENT_APIKEY")
SECRET_WORDS = {"FIELDCLIENT_PASSWORD": "password", "FIELDCLIENT_APIKEY": "API key"}


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, help="where the local store lives")
    common.add_argument("--log-level", choices=["DEBUG", "INFO", "WARNING", "ERROR"],
                        help="default INFO for the app; ERROR for the commands, whose own "
                             "lines say what happened")
    source = common.add_argument_group("server")
    source.add_argument("--sandbox", action="store_true",
                        help="run against an embedded sandbox server with demo data")
    source.add_argument("--server", metavar="URL", help="the Microbizz endpoint URL")
    source.add_argument("--contract")
    source.add_argument("--username")
    source.add_argument("--sandbox-scale", type=float, default=1.0, help=argparse.SUPPRESS)

    parser = argparse.ArgumentParser(
        prog="fieldclient", description=f"{APP_NAME} {__version__}", parents=[common]
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--quit-after-sync", action="store_true",
                        help="sync once, render the window, then exit")
    parser.add_argument("--screenshot", type=Path, metavar="PNG",
                        help="with --quit-after-sync: save a picture of the window")
    # For bench/cold_start.py: print when the window was first painted (time.time()), then quit.
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--open", type=_address, metavar="KIND:ID",
                        help="open this object's main page (todo:ID, customer:ID, person:ID, "
                             "tool:ID)")
    parser.add_argument("--preview", nargs="?", const=ACCOUNT_LAYOUT, type=Path,
                        metavar="FILE.json",
                        help="open the preview of the main pages: of a layout file (what "
                             "GetMainPages and GetColumnGroups return), else of the account's "
                             "(or the sandbox's) layout")
    commands = parser.add_subparsers(dest="command")
    sync = commands.add_parser("sync", parents=[common], help="one headless sync pass")
    sync.add_argument("--json", action="store_true", help="print one JSON object")
    status = commands.add_parser("status", parents=[common], help="counts, cursors, sync state")
    status.add_argument("--json", action="store_true", help="print one JSON object")
    outbox = commands.add_parser("outbox", parents=[common],
                                 help="the changes made on this device, their state and messages")
    outbox.add_argument("--json", action="store_true", help="print one JSON object")
    page = commands.add_parser("page", parents=[common],
                               help="an object's main page as data: its boxes, shown or hidden")
    page.add_argument("address", metavar="KIND:ID",
                      help="todo:ID, customer:ID, person:ID or tool:ID")
    page.add_argument("--json", action="store_true", help="print one JSON object")
    preview = commands.add_parser(
        "preview", parents=[common],
        help="check a layout file (what GetMainPages and GetColumnGroups return) against the "
             "app, report its pages, export them as pictures")
    preview.add_argument("file", type=Path, metavar="FILE.json")
    preview.add_argument("--check", action="store_true",
                         help="print each problem with where it is; exit 1 on errors")
    preview.add_argument("--report", type=Path, metavar="OUT.json",
                         help="write, per kind and object, each box: shown or hidden and why")
    preview.add_argument("--export", type=Path, metavar="DIR",
                         help="write a PNG of each main page into DIR")
    login = commands.add_parser(
        "login", parents=[common],
        help="sign in with --code (the office's configuration code), or check --server, "
             "--contract and --username with the server; then keep the account (secrets "
             "prompted, or from FIELDCLIENT_PASSWORD and FIELDCLIENT_APIKEY)")
    login.add_argument("--code", metavar="XXXX-XXX",
                       help="the configuration code: it brings the server, contract, username "
                            "and API key")
    login.add_argument("--code-service", metavar="URL",
                       help=f"where the code is exchanged (else {CODE_SERVICE_ENV})")
    # one command under two names: signing out removes the old data, as the issue asks
    for name in ("reset", "logout"):
        commands.add_parser(name, parents=[common],
                            help="sign out and delete the local data (refused while changes "
                                 "are unsent)")
    recover = commands.add_parser(
        "recover", parents=[common],
        help="rebuild damaged local data: keep the unsent changes, download the rest again")
    recover.add_argument("--json", action="store_true", help="print the sync as one JSON object")
    return parser


def _address(text: str) -> tuple[Kind, int]:
    from app.cli import BadAddress, parse_address

    try:
        return parse_address(text)
    except BadAddress as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _env_credentials(options: argparse.Namespace) -> Credentials | None:
    """Credentials for --server from the command line and the environment (never logged).

    The address is checked first, as `login` checks it: the envelope carries the password.
    """
    if not options.server:
        return None
    from app.api.envelope import Credentials
    from app.sync.account import BadEndpoint, check_endpoint

    try:
        check_endpoint(options.server)
    except BadEndpoint as refused:
        raise SystemExit(str(refused)) from None
    missing = [name for name in ("contract", "username") if not getattr(options, name)]
    missing += [name for name in SECRET_ENV if not os.environ.get(name)]
    if missing:
        raise SystemExit(f"--server also needs: {', '.join(missing)}")
    return Credentials(
        contract=options.contract,
        apikey=os.environ["FIELDCLIENT_APIKEY"],
        username=options.username,
        password=os.environ["FIELDCLIENT_PASSWORD"],
    )


def _login(options: argparse.Namespace) -> int:
    """`fieldclient login`: by configuration code, or by server, contract and username."""
    from app.sync.account import Account, BadEndpoint, check_endpoint

    if options.code is not None:
        if options.server or options.sandbox:
            raise SystemExit("login takes --code or --server, not both: the code brings the "
                             "server")
        return _login_by_code(options)
    missing = [f"--{name}" for name in ("server", "contract", "username")
               if not getattr(options, name)]
    if missing or options.sandbox:
        needed = ", ".join(missing) or "--server instead of --sandbox"
        raise SystemExit(f"login needs --code XXXX-XXX, or {needed}")
    account = Account(options.server.strip(), options.contract, options.username)
    try:
        check_endpoint(account.endpoint)  # before asking for a secret it must not be sent to
    except BadEndpoint as refused:
        print(refused, file=sys.stderr)
        return 1
    secrets = _secrets(SECRET_ENV)
    if secrets is None:
        return 1
    password, apikey = secrets
    return _sign_in(options, account, password=password, apikey=apikey)


def _login_by_code(options: argparse.Namespace) -> int:
    """The code exchanged for the account (app/sync/provisioning.py); the password asked for
    only when the exchange did not bring it."""
    import asyncio

    from app.sync.account import Account
    from app.sync.provisioning import BadCode, CodeRefused, code_exchange_from, normalise_code

    try:
        code = normalise_code(options.code)
    except BadCode as bad:
        print(bad, file=sys.stderr)
        return 1
    exchange = code_exchange_from(os.environ, options.code_service)
    if exchange is None:
        print(f"No configuration code service is set up: give its address with --code-service "
              f"URL or {CODE_SERVICE_ENV}, or sign in with --server URL --contract C "
              "--username U.", file=sys.stderr)
        return 1
    try:
        provisioned = asyncio.run(exchange.exchange(code))
    except CodeRefused as refused:
        print(refused, file=sys.stderr)
        return 1
    password = provisioned.password
    if password is None:
        secrets = _secrets(("FIELDCLIENT_PASSWORD",))
        if secrets is None:
            return 1
        (password,) = secrets
    account = Account(provisioned.endpoint, provisioned.contract, provisioned.username)
    return _sign_in(options, account, password=password, apikey=provisioned.apikey)


def _secrets(names: Sequence[str]) -> list[str] | None:
    """Each named secret from the environment, else asked for without echo; None, said in one
    line, when there is no terminal to ask on or nothing was typed."""
    import getpass

    asked = [name for name in names if not os.environ.get(name)]
    words = " and ".join(SECRET_WORDS[name] for name in names)
    if asked and not sys.stdin.isatty():
        print(f"No terminal to ask for the {words} on: set {' and '.join(asked)}.",
              file=sys.stderr)
        return None
    try:
        return [os.environ.get(name) or getpass.getpass(_prompt(SECRET_WORDS[name]))
                for name in names]
    except (EOFError, KeyboardInterrupt):
        print(f"No {words.replace(' and ', ' or ')} was given; nothing was saved.",
              file=sys.stderr)
        return None


def _prompt(word: str) -> str:
    return f"{word[:1].upper()}{word[1:]}: "  # "API key: ", not str.capitalize's "Api key: "


def _sign_in(options: argparse.Namespace, account: Account, *, password: str, apikey: str
             ) -> int:
    """Both forms end here: checked with the server, then kept (app/cli.py run_login)."""
    import asyncio

    from app.cli import run_login

    with data_folder(options.data_dir, sandbox=False) as data_dir:
        return asyncio.run(run_login(data_dir, account, password=password, apikey=apikey))


def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    # httpx logs every request at INFO; the call log is ours to keep.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)


def _screenshot_refusal(options: argparse.Namespace) -> str | None:
    """Why --screenshot cannot be done, found before the app starts rather than after a sync."""
    path: Path | None = options.screenshot
    if path is None:
        return None
    if not options.quit_after_sync:
        return "--screenshot needs --quit-after-sync"
    folder = path.parent.resolve()
    if not folder.is_dir():
        return f"cannot save the screenshot: the folder {folder} does not exist"
    if path.is_dir():
        return f"cannot save the screenshot: {path} is a folder"
    if not os.access(folder, os.W_OK):
        return f"cannot save the screenshot: the folder {folder} cannot be written"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    options = parser.parse_args(argv)
    if refusal := _screenshot_refusal(options):
        parser.error(refusal)
    # A command prints each outcome itself, once; its log is the details, asked for by level.
    configure_logging(options.log_level or ("ERROR" if options.command else "INFO"))
    if options.sandbox and options.server:
        raise SystemExit("Choose --sandbox or --server, not both")
    if options.command == "login":
        return _login(options)
    credentials = _env_credentials(options)
    needs_folder = ("status", "outbox", "page", "reset", "logout", "recover")
    if options.command in needs_folder and options.data_dir is None:
        raise SystemExit(f"{options.command} needs --data-dir")
    if options.command is not None:
        return _command(options, credentials)
    from app.views.source_scan import skip_source_scan

    skip_source_scan()  # before the window's modules are imported: app/views/source_scan.py
    from app.desktop import DesktopOptions, run_desktop

    return run_desktop(
        DesktopOptions(
            data_dir=options.data_dir,
            sandbox=options.sandbox,
            server=options.server,
            credentials=credentials,
            quit_after_sync=options.quit_after_sync,
            quit_when_shown=options.quit_when_shown,
            screenshot=options.screenshot,
            sandbox_scale=options.sandbox_scale,
            open_page=options.open,
            log_level=options.log_level,
            preview=options.preview is not None,
            preview_file=None if options.preview == ACCOUNT_LAYOUT else options.preview,
        )
    )


def _command(options: argparse.Namespace, credentials: Credentials | None) -> int:
    """Every command but `login`: the app's core is imported for them alone."""
    import asyncio

    from app.cli import (
        run_outbox,
        run_page,
        run_preview,
        run_recover,
        run_reset,
        run_status,
        run_sync,
    )
    from app.exits import Stopped, until_stopped

    if options.command == "status":
        return run_status(options.data_dir, as_json=options.json)
    if options.command == "outbox":
        return run_outbox(options.data_dir, as_json=options.json)
    if options.command == "page":
        return run_page(options.data_dir, options.address, as_json=options.json)
    if options.command == "preview":
        return run_preview(
            options.file,
            data_dir=options.data_dir or default_data_dir(),
            sandbox=options.sandbox,
            sandbox_scale=options.sandbox_scale,
            check=options.check,
            report=options.report,
            export=options.export,
            exporter=_export_pages,
        )
    if options.command in ("reset", "logout"):
        return run_reset(options.data_dir,
                         doing="sign out" if options.command == "logout" else "reset the data")
    if options.command == "recover" and (refused := run_recover(options.data_dir)):
        return refused
    if options.command in ("sync", "recover"):  # a rebuilt store downloads the rest again
        with data_folder(options.data_dir, sandbox=options.sandbox) as data_dir:
            try:
                return asyncio.run(until_stopped(
                    run_sync(
                        data_dir,
                        sandbox=options.sandbox,
                        server=options.server,
                        credentials=credentials,
                        as_json=options.json,
                        sandbox_scale=options.sandbox_scale,
                    )
                ))
            except Stopped as stopped:
                print("Stopped; the next sync resumes where this one stopped.", file=sys.stderr)
                return stopped.status
    raise AssertionError(f"no command {options.command}")  # the parser knows no other


def _export_pages(session: Session, registry: BoxRegistry, folder: Path) -> list[Path]:
    """`preview --export`: Qt is loaded only for it."""
    from app.desktop import export_preview

    return export_preview(session, registry, folder)


if __name__ == "__main__":
    sys.exit(main())
