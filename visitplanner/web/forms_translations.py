"""The Translations part of an edit form, built from the API's *Translation schemas."""
from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from pydantic import BaseModel
from wtforms import Form, FormField, StringField, TextAreaField
from wtforms.fields.core import UnboundField
from wtforms.validators import Length, Optional, ValidationError

from visitplanner.planning import rules
from visitplanner.planning.vocabulary import LANGUAGES
from visitplanner.web.forms import LANGUAGE_NAMES, blank_to_none, follows

AREA_ABOVE = 300  # longer texts (purpose, description) get a text area, as in the base form


class LinesField(TextAreaField):
    """A list of short texts, one per line (topics)."""

    def __init__(self, label: Any, max_items: int, max_length: int, **kwargs: Any) -> None:
        super().__init__(label, **kwargs)
        self.max_items, self.max_length = max_items, max_length

    def process_data(self, value: Any) -> None:
        self.data = list(value or [])

    def process_formdata(self, valuelist: list[str]) -> None:
        if valuelist:
            self.data = [line.strip() for line in valuelist[0].splitlines() if line.strip()]

    def _value(self) -> str:
        return "\n".join(self.data or [])

    def pre_validate(self, form: Any) -> None:
        if len(self.data) > self.max_items or any(len(t) > self.max_length for t in self.data):
            raise ValidationError(_l("At most 30 topics of 200 characters each."))


class LanguageTranslation(Form):
    """One language's translated texts; the fields are the schema's keys."""


class Translations(Form):
    """One fieldset per language; `keys` are the translatable fields of the resource."""

    keys: tuple[str, ...] = ()

    @property
    def filled(self) -> bool:
        """True when some translation is written (the section then opens by itself)."""
        return bool(translation_values(self.data)) or bool(self.errors)


def _base_label(namespace: dict[str, Any], key: str) -> Any:
    """The label of the base field a translation key stands for (delegation_adjective too)."""
    if key in namespace:
        return namespace[key].args[0]
    head, rest = key.split("_", 1)
    return getattr(namespace[head].args[0], rest).args[0]


def _field(spec: dict[str, Any], label: Any) -> UnboundField:
    """A text input, text area or lines field with the limits of the key's JSON schema."""
    if spec["type"] == "array":
        return LinesField(label, spec.get("maxItems", 30), spec["items"]["maxLength"],
                          validators=[follows(rules.check_text)])
    multiline = spec.get("pattern") == rules.MULTILINE_PATTERN
    field = TextAreaField if multiline or spec["maxLength"] > AREA_ABOVE else StringField
    return field(label, validators=[Optional(), Length(max=spec["maxLength"]),
                                    follows(rules.check_text, multiline)],
                 filters=[blank_to_none])


def translations_field(schema: type[BaseModel], namespace: dict[str, Any]) -> FormField:
    """A Translations field for the form class whose body is `namespace` (its `vars()`)."""
    keys = tuple(schema.model_fields)
    # Asked once per schema, not per key and language: generating it is costly at start-up.
    properties = schema.model_json_schema()["properties"]
    per_language: dict[str, Any] = {}
    for lang in LANGUAGES:
        fields = {key: _field(properties[key]["anyOf"][0],
                              _l("%(field)s (%(language)s)", field=_base_label(namespace, key),
                                 language=LANGUAGE_NAMES[lang]))
                  for key in keys}
        language_form = type(f"{schema.__name__}_{lang}", (LanguageTranslation,), fields)
        per_language[lang] = FormField(language_form, label=LANGUAGE_NAMES[lang])
    form = type(f"{schema.__name__}Form", (Translations,), {"keys": keys, **per_language})
    return FormField(form, label=_l("Translations"))


def translation_values(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The written translations only: empty inputs and languages without any text drop out."""
    cleaned = {lang: {key: value for key, value in (texts or {}).items() if value}
               for lang, texts in data.items()}
    return {lang: texts for lang, texts in cleaned.items() if texts}


def in_language(form: Any, lang: str | None, original: bool = False) -> Any:
    """Name the language of the base texts and offer translations into the other languages.

    `lang` None and not `original`: a new visit, whose content language is still to be chosen;
    `original`: a directory entry, whose text serves every language without a translation."""
    if lang is not None:
        suffix = LANGUAGE_NAMES[lang]
    else:
        suffix = _l("original text") if original else _l("in the content language")
    translations = form.translations
    for key in translations.form.keys:
        head, _, rest = key.partition("_")
        base = form[key] if key in form else form[head][rest]  # delegation_adjective
        base.label.text = _l("%(field)s (%(language)s)", field=base.label.text, language=suffix)
    if lang is not None:
        del translations.form[lang]
    elif not original:
        del form.translations
    return form


def kept_translations(form: Any, stored: dict[str, Any] | None) -> dict[str, Any]:
    """The form's translations plus the stored ones of languages the form does not show."""
    shown = set(form.translations.form._fields)
    kept = {lang: texts for lang, texts in (stored or {}).items() if lang not in shown}
    return {**kept, **translation_values(form.translations.data)}
