"""The README's layout section names the tree as it is: every package and folder, nothing gone."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def layout_block() -> str:
    """The code block under '## Layout' in the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"## Layout\n\n```\n(.*?)```", readme, re.S).group(1)


def test_every_package_and_top_level_folder_is_in_the_layout() -> None:
    block = layout_block()
    packages = [p.name for p in (ROOT / "visitplanner").iterdir()
                if p.is_dir() and (p / "__init__.py").exists()]
    for name in packages:
        assert re.search(rf"^\s+{name}/", block, re.M), f"visitplanner/{name}/ is not described"
    for folder in ("templates", "static", "translations", "migrations", "tests", "bench"):
        assert f"{folder}/" in block, f"{folder}/ is not described"


def test_every_folder_the_layout_names_exists() -> None:
    block = layout_block()
    # The first column (up to two spaces) names folders ("core/") and modules ("edge.py").
    entries = [part.strip() for line in block.splitlines()
               for part in re.split(r"\s{2,}", line.strip())[0].split(",") if line.strip()]
    names = [entry.rstrip("/") for entry in entries if entry.endswith(("/", ".py"))]
    assert "core" in names and "edge.py" in names
    for name in names:
        found = [ROOT / name, ROOT / "visitplanner" / name,
                 ROOT / "visitplanner" / "outputs" / name]
        assert any(path.exists() for path in found), f"the layout names {name}, which is gone"
