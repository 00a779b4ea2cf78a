"""The OpenAPI document is generated from the schemas and the API keeps to it (schemathesis)."""
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)


def test_document_describes_every_contract_route(client):
    document = client.get("/api/v1/openapi.json").json
    assert document["openapi"] == "3.1.0"
    paths = document["paths"]
    for path, method in [
        ("/api/v1/organisations", "post"), ("/api/v1/people/{person_id}", "patch"),
        ("/api/v1/venues/{venue_id}", "delete"), ("/api/v1/visits", "get"),
        ("/api/v1/visits/{visit_id}/delegates", "post"), ("/api/v1/items/{item_id}", "patch"),
        ("/api/v1/visits/{visit_id}/quotes", "post"), ("/api/v1/visits/{visit_id}/key-figures", "put"),
        ("/api/v1/visits/{visit_id}/programme", "get"), ("/api/v1/visits/{visit_id}/conflicts", "get"),
    ]:
        assert method in paths[path], (path, method)
    visit = document["components"]["schemas"]["VisitFields"]
    assert {"title", "start_date", "end_date"} <= set(visit["required"])
    assert visit["properties"]["content_language"]["enum"] == ["nl", "fr", "en"]


def test_a_releases_dry_run_answers_a_documented_200(client, api, demo_visit):
    responses = client.get("/api/v1/openapi.json").json["paths"][
        "/api/v1/visits/{visit_id}/releases"]["post"]["responses"]
    assert {"200", "201"} <= set(responses)
    assert responses["200"]["content"] == responses["201"]["content"]
    preview = api.post(f"/visits/{demo_visit.id}/releases", json={"mode": "full", "dry_run": True})
    assert preview.status_code == 200 and preview.json["id"] is None
    assert api.get(f"/visits/{demo_visit.id}/releases").json == []


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]


def test_api_keeps_to_its_document(app, api, demo_visit):
    """A short schemathesis run over every operation: no server error, every answer as documented."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=10, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def keeps_to_document(case):
            case.call_and_validate(headers=api.headers, checks=CHECKS)

        keeps_to_document()


def test_stateful_runs_follow_links_with_real_ids(app, api, demo_visit):
    """Stateful schemathesis along the document's links (create, then read, change, delete
    the created row): no server error, every answer as documented. bench/bench_schemathesis.py
    runs every phase for 5,000+ requests."""
    from hypothesis import settings as hypothesis_settings

    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app).exclude(
        operation_id="delete_api_token")  # it would revoke the token the run uses
    statuses = []

    class Workflow(schema.as_state_machine()):
        def get_call_kwargs(self, case):
            return {"headers": api.headers}

        def validate_response(self, response, case, **kwargs):
            statuses.append(response.status_code)
            case.validate_response(response, checks=CHECKS)

    # Most random bodies break a rule the document cannot state (dates 2000-2100, one-line
    # fields), so a run of 20 walks created 1 to 21 rows, and now and then none: up to three
    # runs, until one creates a row whose links the walks can follow.
    for _ in range(3):
        Workflow.run(settings=hypothesis_settings(
            max_examples=20, stateful_step_count=5, deadline=None, database=None,
            suppress_health_check=list(HealthCheck)))
        if 201 in statuses:
            break
    assert statuses and 201 in statuses
    assert not [code for code in statuses if code >= 500]
