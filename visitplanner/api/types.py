"""Field types of the API schemas: bounded, NUL-free text, ids, local times, and PATCH models."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    Strict,
    StringConstraints,
    WithJsonSchema,
    create_model,
)

from visitplanner.planning.rules import RuleError, check_country

# PostgreSQL refuses NUL in text, so the schema refuses it first.
NO_NUL = r"^[^\x00]*$"
LOCAL_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")

# Strict: JSON true is not the id 1.
Id = Annotated[int, Strict(), Field(ge=1, le=2**31 - 1)]
Version = Annotated[int, Field(ge=1, le=2**31 - 1, description="The version you read.")]
Language = Literal["nl", "fr", "en"]
# A delegate's own language: their personal programme, page and calendar come in it.
DelegateLanguage = Literal["nl", "fr", "en", "de", "uk"]
Country = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z]{2}$"),
    AfterValidator(lambda code: check_country("country", code)),
    Field(description="ISO 3166-1 alpha-2 code, e.g. BE"),
]
WebAddress = Annotated[str, StringConstraints(max_length=300, pattern=r"^https?://[^\s\x00]+$")]
Email = Annotated[str, StringConstraints(max_length=254, pattern=r"^[^@\s\x00]+@[^@\s\x00]+$")]


def text(max_length: int) -> StringConstraints:
    """Free text of at most `max_length` characters."""
    return StringConstraints(max_length=max_length, pattern=NO_NUL)


def name(max_length: int) -> StringConstraints:
    """Text that may not be blank."""
    return StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length,
                             pattern=NO_NUL)


# Named, so that type checkers read the bounded texts as types.
Text30 = Annotated[str, text(30)]
Text50 = Annotated[str, text(50)]
Text60 = Annotated[str, text(60)]
Text64 = Annotated[str, text(64)]
Text100 = Annotated[str, text(100)]
Text200 = Annotated[str, text(200)]
Text300 = Annotated[str, text(300)]
Text5000 = Annotated[str, text(5000)]
Text10000 = Annotated[str, text(10000)]
Name200 = Annotated[str, name(200)]
Name300 = Annotated[str, name(300)]
Name5000 = Annotated[str, name(5000)]


def _parse_local_time(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not LOCAL_TIME.match(value):
        raise ValueError("Use a local time without offset, like 2024-04-22T09:30.")
    return dt.datetime.fromisoformat(value)


LocalDateTime = Annotated[
    dt.datetime,
    BeforeValidator(_parse_local_time),
    PlainSerializer(lambda value: value.isoformat(timespec="minutes"), return_type=str,
                    when_used="json"),
    WithJsonSchema({"type": "string", "pattern": LOCAL_TIME.pattern,
                    "description": "Wall-clock time of the visit's time zone, no offset.",
                    "examples": ["2024-04-22T09:30"]}),
]


def _assume_utc(value: dt.datetime) -> dt.datetime:
    # SQLite hands timezone-aware columns back naive; every stored instant is UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


StoredInstant = Annotated[dt.datetime, AfterValidator(_assume_utc)]


class ApiModel(BaseModel):
    """Base of every API schema: unknown fields are refused, so a typo is not silently lost."""

    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)

    def check_rules(self) -> None:
        """Check rules that span several fields; raise RuleError naming the field to blame."""


class ReadModel(BaseModel):
    """Base of answers: extra attributes are ignored."""

    model_config = ConfigDict(from_attributes=True,
                              json_schema_serialization_defaults_required=True)


def patch_model(model: type[ApiModel]) -> type[ApiModel]:
    """Derive the PATCH body of a resource: every field optional, plus the `version` read."""
    fields: dict[str, Any] = {}
    for field_name, info in model.model_fields.items():
        # Keep the field's constraints on the value itself, so that null stays allowed here;
        # whether null suits the whole resource is decided when the merge is validated.
        inner: Any = Annotated[(info.annotation, *info.metadata)] if info.metadata \
            else info.annotation
        fields[field_name] = (inner | None, Field(None, description=info.description))
    fields["version"] = (Version | None, None)
    return create_model(model.__name__.removesuffix("Fields") + "Patch", __base__=ApiModel,
                        **fields)


def rule_fields(error: RuleError) -> dict[str, list[str]]:
    """Turn a broken rule into the {field: [message]} of a 422."""
    return {error.field: [error.message]}
