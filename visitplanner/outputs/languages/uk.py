"""Ukrainian: labels, 'A, B та C', «quotes», day-first dates in the genitive ('22 квітня').

Only the personal outputs (personal programme, page and calendar) speak Ukrainian; the content
of a visit has no Ukrainian text, so it comes in English, else in the content language.
"""
from __future__ import annotations

from typing import ClassVar

from visitplanner.outputs.languages.base import Language

LABELS = {
    "programme": "Програма", "page_of": "сторінка {page} з {pages}",
    "kind.session": "Засідання", "kind.site_visit": "Візит на місці", "kind.meal": "Обід",
    "kind.transfer": "Трансфер", "kind.break": "Перерва", "kind.other": "Інше",
    "status.tentative": "Попередньо", "status.confirmed": "Підтверджено",
    "status.cancelled": "Скасовано",
    "role.head": "Керівник делегації", "role.member": "Член делегації",
    "role.interpreter": "Перекладач", "role.escort": "Супровід", "role.staff": "Персонал",
    "ics.host": "Приймаюча сторона", "ics.speakers": "Доповідачі", "ics.topics": "Теми",
    "ics.personal_page": "Ваша особиста програма", "ics.visit_page": "Програма онлайн",
    "ics.calendar": "Програма: {name}",
    "mail.invite": "Запрошення: {title}", "mail.update": "Зміни: {title}",
    "mail.cancel": "Скасовано: {title}", "mail.greeting": "Шановний(-а) {name},",
    "mail.intro.invite": "Вас запрошено на цей пункт програми «{visit}».",
    "mail.intro.update": "Цей пункт програми «{visit}» змінено.",
    "mail.intro.cancel": "Цей пункт програми «{visit}» для вас більше не відбудеться.",
    "mail.what": "Що", "mail.when": "Коли", "mail.where": "Де",
    "page.calendar": "Додати до мого календаря", "page.contacts": "Контакти",
    "page.no_items": "У вашій програмі немає пунктів.",
    "page.map": "Мапа",
    "pdf.personal": "Особиста програма: {name}", "pdf.delegation": "Делегація",
    "pdf.host": "Приймаюча сторона", "pdf.partners": "Партнери", "pdf.speakers": "Доповідачі",
    "pdf.topics": "Теми", "pdf.audience": "Лише для", "pdf.contacts": "Контакти",
    "pdf.people": "Доповідачі та приймаюча сторона", "pdf.venues": "Місця",
    "pdf.organiser": "Організатор", "pdf.participants": "Учасники",
    "pdf.key_figures": "Ключові особи", "pdf.no_items": "У програмі немає пунктів.",
    "pdf.badges": "Бейджі та таблички", "pdf.purpose": "Мета",
    "pdf.speaker": "Доповідач", "pdf.people_count": "Членів делегації: {n}",
    "pdf.in_total": "усього осіб: {n}", "pdf.printed": "Надруковано {date}",
    "pdf.release": "Версія {number}", "pdf.qr": "Ваша особиста сторінка, завжди актуальна",
}


class Ukrainian(Language):
    """Ukrainian, with Babel's month names in the genitive ('22 квітня 2024 р.')."""

    code = "uk"
    labels = LABELS
    and_word = "та"
    quote_marks = ("«", "»")
    day_pattern = "EEEE, d MMMM y 'р'."
    date_pattern = "d MMMM y 'р'."
    range_words = ("з {0} по {1}", "{0}")
    from_country_words = "з {0}"
    honorifics: ClassVar[dict[str, str]] = {
        "mrs": "пані", "mr": "пан", "chief": "начальник поліції", "dr": "д-р",
        "prof": "професор"}
    honorific_spellings: ClassVar[dict[str, str]] = {"пані": "mrs", "пан": "mr"}

    def indefinite(self, noun: str) -> str:
        """Ukrainian has no articles."""
        return noun

    def nationality_noun(self, adjective: str | None, description: str, count: int,
                         feminine: bool = False) -> str:
        """The description as written: Ukrainian agreement is not guessed from English text."""
        return f"{adjective} {description}" if adjective else description


LANGUAGE = Ukrainian()
