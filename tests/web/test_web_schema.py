"""Schemathesis against the OpenAPI spec, in-process: no request it makes gets a server error, and every
response conforms to the schema (errors included, in the one error shape).  Kept short: a few
examples per operation (derandomized, so a failure reproduces)."""

from __future__ import annotations

import os

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance  # noqa: E402

from frontlines.web.app import ServerSettings, create_app  # noqa: E402

EXAMPLES = int(os.environ.get("FRONTLINES_SCHEMA_EXAMPLES", "3"))  # more: a longer hunt


def _check(case) -> None:  # type: ignore[no-untyped-def]
    response = case.call()
    assert response.status_code < 500, (case.path, case.query, response.text[:300])
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    case.validate_response(response, checks=[response_schema_conformance])


def test_no_server_error_on_any_operation(web_dataset) -> None:  # type: ignore[no-untyped-def]
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(web_dataset, ServerSettings(rate_limit=0)))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 13
    for operation in operations:
        run = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                       suppress_health_check=list(HealthCheck))(given(case=operation.as_strategy())(_check))
        run()
