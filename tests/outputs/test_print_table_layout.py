"""The long print tables lay out fixed (faster): every page reads as it did with the automatic
table layout, in every language and in a personal programme."""
from __future__ import annotations

import subprocess

from visitplanner.outputs import pdf

AUTOMATIC = "<style>table { table-layout: auto !important; }</style></head>"


def pages_text(data: bytes) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                         capture_output=True, check=True).stdout.decode("utf-8")
    return [" ".join(page.split()) for page in out.split("\f")[:-1]]


def test_the_fixed_layout_prints_the_same_pages_as_the_automatic_one(programmes, pdfs):
    for name, programme in programmes.items():
        html = pdf.programme_html(programme)
        assert "table-layout" not in html  # the rule lives in print.css
        automatic = pdf.render_pdf(html.replace("</head>", AUTOMATIC, 1))
        assert pages_text(pdfs[name]) == pages_text(automatic), name
