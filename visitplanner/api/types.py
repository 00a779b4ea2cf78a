"""Field types of the API schemas: bounded, NUL-free text, ids, local times, and PATCH models."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    PlainSerializer,
    Strict,
    StringConstraints,
    WithJsonSchema,
    create_model,
)
from pydantic_core import core_schema

from visitplanner.models.base import MAX_ID
from visitplanner.planning import rules
from visitplanner.planning.rules import RuleError, check_country

LOCAL_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")

# Strict: JSON true is not the id 1.
Id = Annotated[int, Strict(), Field(ge=1, le=MAX_ID)]
Version = Annotated[int, Field(ge=1, le=MAX_ID, description="The version you read.")]
Country = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z]{2}$"),
    AfterValidator(lambda code: check_country("country", code)),
    Field(description="ISO 3166-1 alpha-2 code, e.g. BE"),
]


@dataclass(frozen=True)
class Rule:
    """Run one of the shared rules (planning/rules.py) on a string; its JSON Schema pattern
    goes into the OpenAPI document. The web forms call the same rule, so both doors agree."""

    check: Any
    pattern: str

    def __get_pydantic_core_schema__(self, source: Any,
                                     handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.with_info_after_validator_function(self._validate, handler(source))

    def _validate(self, value: str, info: core_schema.ValidationInfo) -> str:
        # Rows read back (context "stored") are shown as stored, even from before a rule.
        if info.context and info.context.get("stored"):
            return value
        return self.check("", value)

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> dict[str, Any]:
        json_schema = handler(schema)
        json_schema["pattern"] = self.pattern
        return json_schema


SINGLE_LINE = Rule(rules.check_text, rules.SINGLE_LINE_PATTERN)
MULTILINE = Rule(lambda field, value: rules.check_text(field, value, multiline=True),
                 rules.MULTILINE_PATTERN)
WebAddress = Annotated[str, StringConstraints(max_length=300),
                       Rule(rules.check_web_address, rules.WEB_ADDRESS_PATTERN)]
Email = Annotated[str, StringConstraints(max_length=254),
                  Rule(rules.check_email, r"^[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+$")]


def text(max_length: int, multiline: bool = False) -> Any:
    """Free text of at most `max_length` characters; one line unless `multiline`."""
    return Annotated[str, StringConstraints(max_length=max_length),
                     MULTILINE if multiline else SINGLE_LINE]


def name(max_length: int, multiline: bool = False) -> Any:
    """Text that may not be blank."""
    return Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                            max_length=max_length),
                     MULTILINE if multiline else SINGLE_LINE]


# Named, so that type checkers read the bounded texts as types. Up to 300 characters a text is
# one line (names, titles, addresses); the long ones are paragraphs and take line breaks.
Text30 = text(30)
Text50 = text(50)
Text60 = text(60)
Text64 = text(64)
Text100 = text(100)
Text200 = text(200)
Text300 = text(300)
Text5000 = text(5000, multiline=True)
Text10000 = text(10000, multiline=True)
Name200 = name(200)
Name300 = name(300)
Name5000 = name(5000, multiline=True)


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


# Every schema is built on first use (defer_build), not at import: building them all costs
# a third of a second of every start, web pages and CLI included.


class ApiModel(BaseModel):
    """Base of every API schema: unknown fields are refused, so a typo is not silently lost."""

    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True,
                              defer_build=True)

    def check_rules(self) -> None:
        """Check rules that span several fields; raise RuleError naming the field to blame."""


class ReadModel(BaseModel):
    """Base of answers: extra attributes are ignored. Validate rows with STORED as context."""

    model_config = ConfigDict(from_attributes=True,
                              json_schema_serialization_defaults_required=True, defer_build=True)


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


STORED = {"stored": True}


def rule_fields(error: RuleError) -> dict[str, list[str]]:
    """Turn a broken rule into the {field: [message]} of a 422."""
    return {error.field: [error.message]}
