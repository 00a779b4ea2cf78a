"""`make lint` catches what it promises: ruff and mypy with the project's own configuration."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ruff(source: str, path: str) -> subprocess.CompletedProcess[str]:
    """Run ruff with the project's configuration on `source` as if it lived at `path`."""
    return subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--stdin-filename",
                           path, "-"], input=source, cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


def test_ruff_passes_clean_code():
    result = ruff("import os\n\nprint(os.sep)\n", "visitplanner/planted.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_fails_on_planted_violations():
    planted = ("import sys\nimport os\nfrom typing import Optional\n\n\n"
               "def pick(x: Optional[int], seen=[]):\n    return os.sep, sys.argv\n")
    result = ruff(planted, "visitplanner/planted.py")
    assert result.returncode == 1
    for rule in ("I001", "UP045", "B006"):
        assert rule in result.stdout, result.stdout


def test_ruff_keeps_lines_to_100_columns():
    result = ruff(f"NAME = {'x' * 100!r}\n", "visitplanner/planted.py")
    assert result.returncode == 1 and "E501" in result.stdout
