"""The envelope: what goes on the wire, how answers are read, and that secrets never show."""

import orjson
import pytest

from app.api.envelope import Command, Credentials, build_envelope, parse_response
from app.core.errors import CommandRefused, EnvelopeRefused, MalformedData, TransportError

CREDS = Credentials("4711", "1111-2222", "tech@example.dk", "s3cret-pw")


def test_envelope_carries_identity_agent_and_commands_in_order() -> None:
    body = build_envelope(
        CREDS, [Command("Echo", {"text": "a"}), Command("GetCurrentUserID")],
        haltonerror=True, remoteagent="FieldClient/test",
    )
    envelope = orjson.loads(body)
    assert envelope["contract"] == 4711  # a number, as the documented example sends it
    assert envelope["username"] == "tech@example.dk"
    assert envelope["remoteagent"] == "FieldClient/test"
    assert envelope["haltonerror"] == 1
    assert envelope["commands"] == [{"command": "Echo", "text": "a"},
                                    {"command": "GetCurrentUserID"}]


@pytest.mark.parametrize("contract", ["0471", "X-4711", "12345678901234567890", "\uff14\uff17"])
def test_a_contract_a_number_would_change_goes_out_as_the_string_it_is(contract: str) -> None:
    body = build_envelope(Credentials(contract, "k", "u", "p"), [], haltonerror=False,
                          remoteagent="FieldClient/test")
    assert orjson.loads(body)["contract"] == contract


def test_credentials_repr_hides_secrets() -> None:
    assert "s3cret-pw" not in repr(CREDS)
    assert "1111-2222" not in repr(CREDS)


def test_results_pair_with_their_commands_and_missing_ones_are_not_run() -> None:
    commands = [Command("A"), Command("B"), Command("C")]
    body = orjson.dumps({"status": 1, "msg": "OK", "date": "2026-11-22", "time": "10:00:00",
                         "results": [{"status": 1, "x": 1}, {"status": 0, "msg": "no"}]})
    response = parse_response(body, commands, haltonerror=True)
    assert [r.command.name for r in response.results] == ["A", "B"]
    assert response.results[0].ok and response.results[0].data["x"] == 1
    assert not response.results[1].ok
    assert [c.name for c in response.not_run] == ["C"]
    with pytest.raises(CommandRefused, match="B was refused: no"):
        response.results[1].raise_for_status()


@pytest.mark.parametrize(
    ("results", "haltonerror"),
    [([], False), ([], True), ([{"status": 1}], False), ([{"status": 1}], True),
     ([{"status": 0, "msg": "no"}], False)],
)
def test_fewer_results_than_commands_unless_halted_at_a_refusal_is_malformed(
    results: list, haltonerror: bool
) -> None:
    body = orjson.dumps({"status": 1, "date": "2026-11-22", "time": "10:00:00",
                         "results": results})
    with pytest.raises(MalformedData, match=r"sent \d results for 2 commands \(A, B\)"):
        parse_response(body, [Command("A"), Command("B")], haltonerror=haltonerror)


@pytest.mark.parametrize("result", [{"x": 1}, {"status": None, "msg": ""}, "OK", [1]])
def test_a_result_without_status_is_malformed_not_a_refusal_without_reason(result) -> None:
    body = orjson.dumps({"status": 1, "date": "2026-11-22", "time": "10:00:00",
                         "results": [result]})
    answer = parse_response(body, [Command("GetTodoStates")]).results[0]
    assert not answer.ok
    with pytest.raises(MalformedData, match="The server's answer to GetTodoStates"):
        answer.raise_for_status()


@pytest.mark.parametrize("msg", [None, "", "  "])
def test_a_refusal_without_message_says_the_server_gave_no_reason(msg: object) -> None:
    body = orjson.dumps({"status": 1, "date": "2026-11-22", "time": "10:00:00",
                         "results": [{"status": 0, "msg": msg}]})
    with pytest.raises(CommandRefused, match=r"A was refused: the server gave no reason$"):
        parse_response(body, [Command("A")]).results[0].raise_for_status()
    with pytest.raises(EnvelopeRefused, match="refused the request: the server gave no reason"):
        parse_response(orjson.dumps({"status": 0, "msg": msg}), [Command("A")])


def test_status_as_string_counts_as_success() -> None:
    body = b'{"status":"1","date":"2026-11-22","time":"10:00:00","results":[{"status":"1"}]}'
    assert parse_response(body, [Command("A")]).results[0].ok


def test_refused_envelope_keeps_server_message() -> None:
    with pytest.raises(EnvelopeRefused) as caught:
        parse_response(b'{"status":0,"msg":"Invalid login","results":[]}', [Command("A")])
    assert caught.value.server_message == "Invalid login"


@pytest.mark.parametrize("body", [b"<html>500</html>", b'{"status":1,"results":[', b""])
def test_not_json_is_a_transport_error(body: bytes) -> None:
    with pytest.raises(TransportError, match="not JSON"):
        parse_response(body, [Command("A")])


@pytest.mark.parametrize("body", [b'{"status":1}', b'{"status":1,"results":{}}',
                                  b'{"status":1,"results":[{},{}]}'])
def test_wrong_shape_is_malformed(body: bytes) -> None:
    with pytest.raises(MalformedData):
        parse_response(body, [Command("A")])


def test_refused_command_message_redacts_secrets_at_any_depth() -> None:
    error = CommandRefused("Login", {"password": "pw", "inner": {"apikey": "k"}, "x": 1}, "no")
    assert error.params == {"password": "***", "inner": {"apikey": "***"}, "x": 1}
    described = Command("Login", {"password": "pw", "x": 1}).describe()
    assert "pw" not in described.replace("password", "")
    assert '"x":1' in described
