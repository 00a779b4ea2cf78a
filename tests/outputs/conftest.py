"""Fixtures of the output tests: the demo's programmes and their PDFs, built once a run."""
from __future__ import annotations

import pytest

from visitplanner.outputs import pdf
from visitplanner.planning.programme import Programme


@pytest.fixture(scope="session")
def programmes(tmp_path_factory: pytest.TempPathFactory,
               instance_path: str) -> dict[str, Programme]:
    """The demo visit's programmes, built once from a private SQLite database."""
    from visitplanner import create_app
    from visitplanner.demo import load_demo
    from visitplanner.extensions import db
    from visitplanner.planning.build import build_programme
    from visitplanner.core.queries import load_visit

    url = f"sqlite:///{tmp_path_factory.mktemp('pdf') / 'demo.sqlite3'}"
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.create_all()
        visit = load_visit(load_demo().id)
        escort = next(d for d in visit.delegates if d.full_name == "Diane Reynders")
        built = {lang: build_programme(visit, lang) for lang in ("nl", "fr", "en")}
        built["escort"] = build_programme(visit, "nl", delegate_id=escort.id)
        db.session.remove()
        db.engine.dispose()
    return built


@pytest.fixture(scope="session")
def pdfs(programmes: dict[str, Programme]) -> dict[str, bytes]:
    """One render per document: the programme in three languages, a personal one, the badges."""
    rendered = {name: pdf.render_pdf(pdf.programme_html(p)) for name, p in programmes.items()}
    rendered["badges"] = pdf.render_pdf(pdf.badges_html(programmes["nl"]))
    return rendered
