"""Create, read, update and delete, the same way for every resource, with optimistic locking."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from flask import request
from flask_babel import force_locale
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from visitplanner.api.errors import ApiError, field_errors, validation_error
from visitplanner.api.types import STORED, ApiModel, ReadModel, rule_fields
from visitplanner.core import operations
from visitplanner.core.operations import StaleEdit, check_against_stored
from visitplanner.core.queries import used_by
from visitplanner.extensions import db
from visitplanner.models import Visit
from visitplanner.planning.rules import RuleError


@dataclass(frozen=True)
class Resource:
    """How one kind of row is read and written through the API."""

    model: type[Any]
    fields: type[ApiModel]
    out: type[ReadModel]
    apply: Callable[[Any, dict[str, Any]], None]
    label: str
    shared: bool = False  # directory rows that visits point at: not deleted while in use
    loader: Callable[[Any], Any] | None = None  # eager-loading options for lists
    order: Callable[[Any], list[Any]] | None = None  # the columns lists are sorted by, else id

    def dump(self, row: Any) -> ReadModel:
        """Shape a row as the API answers it."""
        return self.out.model_validate(row, context=STORED)


def get_row(resource: Resource, row_id: int) -> Any:
    """Return the row or answer 404."""
    row = db.session.get(resource.model, row_id)
    if row is None:
        raise ApiError(404, f"No {resource.label} with id {row_id}.")
    return row


def read_row(resource: Resource, row_id: int) -> ReadModel:
    """One row as the API shows it, or 404."""
    return resource.dump(get_row(resource, row_id))


def get_visit(visit_id: int) -> Visit:
    """Return the visit or answer 404."""
    visit = db.session.get(Visit, visit_id)
    if visit is None:
        raise ApiError(404, f"No visit with id {visit_id}.")
    return visit


def validated(resource: Resource, data: dict[str, Any], visit_id: int | None) -> dict[str, Any]:
    """Validate a whole resource: schema, cross-field rules, then references; 422 on failure."""
    try:
        fields = resource.fields.model_validate(data)
        fields.check_rules()
    except ValidationError as exc:
        raise validation_error(field_errors(exc)) from exc
    except RuleError as exc:
        raise validation_error(rule_fields(exc)) from exc
    clean = fields.model_dump()
    problems = check_against_stored(clean, visit_id)
    if problems:
        raise validation_error(problems)
    return clean


def expected_version(body: ApiModel | None) -> int:
    """The version the client read, from the body or an If-Match header; 422 when absent."""
    sent = getattr(body, "version", None)
    if sent is not None:
        return int(sent)
    tag = request.headers.get("If-Match", "").strip().removeprefix("W/").strip('"')
    if tag.isdigit():
        return int(tag)
    raise validation_error({"version": ["Send the version you read (in the body or If-Match)."]})


def check_version(resource: Resource, row: Any, body: ApiModel | None) -> None:
    """Answer 409, changing nothing, when the client's version is stale."""
    version = expected_version(body)
    if version != row.version:
        raise ApiError(409, f"This {resource.label} was changed meanwhile (you sent version "
                            f"{version}, it is now at version {row.version}). Reload and retry.")


@contextmanager
def conflicts_as_409(resource: Resource) -> Iterator[None]:
    """Turn a lost race or a broken constraint into 409; the commit has rolled back."""
    try:
        yield
    except StaleEdit as exc:
        raise ApiError(409, f"This {resource.label} was changed meanwhile. "
                            "Reload and retry.") from exc
    except IntegrityError as exc:
        raise ApiError(409, f"The {resource.label} conflicts with stored data.") from exc


def commit(resource: Resource) -> None:
    """Commit, answering 409 with nothing changed on a lost race or a broken constraint."""
    with conflicts_as_409(resource):
        operations.commit()


def write(resource: Resource, row: Any, data: dict[str, Any]) -> None:
    """Apply and commit in one flush, so the version rises by exactly one."""
    with conflicts_as_409(resource):
        operations.store(row, resource.apply, data)


def list_rows(resource: Resource, visit_id: int | None = None) -> list[ReadModel]:
    """Every row, or every row of one visit, in a fixed number of queries."""
    model = resource.model
    statement = select(model).order_by(*resource.order(model) if resource.order else [model.id])
    if visit_id is not None:
        get_visit(visit_id)
        statement = statement.where(resource.model.visit_id == visit_id)
    if resource.loader is not None:
        statement = statement.options(*resource.loader(resource.model))
    return [resource.dump(row) for row in db.session.scalars(statement)]


def create_row(resource: Resource, body: ApiModel, visit_id: int | None = None) -> ReadModel:
    """Validate and store a new row."""
    data = validated(resource, body.model_dump(exclude_unset=True), visit_id)
    row = resource.model()
    if visit_id is not None:
        row.visit_id = get_visit(visit_id).id
    db.session.add(row)
    write(resource, row, data)
    return resource.dump(row)


def update_row(resource: Resource, row_id: int, body: ApiModel) -> ReadModel:
    """Merge the sent fields into the stored row, validate the whole, store it."""
    row = get_row(resource, row_id)
    check_version(resource, row, body)
    current = resource.dump(row).model_dump(include=set(resource.fields.model_fields))
    changes = body.model_dump(exclude_unset=True, exclude={"version"})
    data = validated(resource, current | changes, getattr(row, "visit_id", None))
    write(resource, row, data)
    return resource.dump(row)


def delete_row(resource: Resource, row_id: int, body: ApiModel | None) -> None:
    """Delete a row the client has seen at its current version."""
    row = get_row(resource, row_id)
    check_version(resource, row, body)
    with force_locale("en"):  # the API's messages are English
        uses = used_by(row) if resource.shared else ""
    if uses:
        raise ApiError(409, f"This {resource.label} is still used by {uses}: "
                            "change or delete those first.")
    db.session.delete(row)
    commit(resource)
