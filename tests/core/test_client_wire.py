"""Reading answers: strict JSON, body caps, Clockify's 200 error bodies (unit level)."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import Any

import pytest
import responses

import core.wire
from core.errors import NetworkError, RequestRejectedError
from core.sinks import FileSink
from core.wire import BadAnswer, BrokenBody, parse_json
from tests.core.fakes import LOCAL, FakeClock, Script, json_reply, make_client

WS = "ws1"
DETAILED_URL = f"{LOCAL.reports_base}/workspaces/{WS}/reports/detailed"


@pytest.fixture
def rs() -> Any:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.mark.parametrize("raw", [b"[NaN]", b'{"a": Infinity}', b"[-Infinity]",
                                 b"[" * 5000 + b"]" * 5000])
def test_what_json_forbids_or_nobody_needs_is_a_bad_answer(raw: bytes) -> None:
    with pytest.raises(BadAnswer):
        parse_json(raw)


@pytest.mark.parametrize("raw", [b"", b"  ", b'{"a": [1, 2', b"not json", b'"\xff\xfe"',
                                 b"<html></html>"])
def test_cut_or_garbled_text_is_a_broken_body(raw: bytes) -> None:
    with pytest.raises(BrokenBody):
        parse_json(raw)


def test_lone_surrogates_are_replaced_in_keys_and_values() -> None:
    assert parse_json(b'{"\\udfff": ["x\\ud800", {"y": "\\ud83d\\ude00"}]}') == {
        "\ufffd": ["x\ufffd", {"y": "\U0001f600"}]}


def test_ordinary_json_is_parsed_as_is() -> None:
    assert parse_json(b'{"a": 1.5, "b": [true, null, "\\u00e9"]}') == {
        "a": 1.5, "b": [True, None, "é"]}


def test_a_200_error_body_is_not_retried(rs: Any) -> None:
    s = Script([json_reply({"code": 501, "message": "Please select 7 days"})])
    rs.add_callback("POST", DETAILED_URL, callback=s)
    with pytest.raises(RequestRejectedError, match="Please select 7 days"):
        make_client().report(WS, "reports/detailed", {})
    assert s.count == 1


def test_a_body_over_the_cap_is_not_retried(rs: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(core.wire, "JSON_LIMIT", 1 << 20)
    s = Script([(200, {}, b"[" + b" " * (2 << 20) + b"]")])
    rs.add_callback("POST", DETAILED_URL, callback=s)
    with pytest.raises(NetworkError, match="larger than 1 MiB"):
        make_client().report(WS, "reports/detailed", {})
    assert s.count == 1


def test_a_compressed_download_is_not_mistaken_for_a_short_one(rs: Any, tmp_path: Path
                                                                ) -> None:
    data = b"a,b\n" * 1000
    packed = gzip.compress(data)
    s = Script([(200, {"Content-Encoding": "gzip", "Content-Length": str(len(packed))},
                 packed)], FakeClock())
    rs.add_callback("POST", DETAILED_URL, callback=s)
    sink = io.BytesIO()
    size = make_client().download(WS, "reports/detailed", {}, FileSink(sink, tmp_path / "x"))
    assert sink.getvalue() == data and size == len(data)
    assert s.count == 1
