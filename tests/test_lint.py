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


def test_mypy_is_strict_in_planning_and_outputs_and_checks_types_everywhere(tmp_path):
    planted = {
        "planning/planted.py": "def double(x):\n    return x * 2\n",
        "outputs/planted.py": "def double(x):\n    return x * 2\n",
        "web/planted.py": "def double(x):\n    return x * 2\n",
        "web/wrong.py": 'count: int = "three"\n',
    }
    for name, source in planted.items():
        path = tmp_path / "visitplanner" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / "__init__.py").touch()
        path.write_text(source)
    (tmp_path / "visitplanner" / "__init__.py").touch()
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
         "--cache-dir", str(tmp_path / "cache"), *(f"visitplanner/{name}" for name in planted)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert any(line.startswith("visitplanner/planning/planted.py:1:")
               and "[no-untyped-def]" in line for line in errors), result.stdout
    assert any(line.startswith("visitplanner/outputs/planted.py:1:")
               and "[no-untyped-def]" in line for line in errors), result.stdout
    assert any(line.startswith("visitplanner/web/wrong.py:1:")
               and "[assignment]" in line for line in errors), result.stdout
    assert not any(line.startswith("visitplanner/web/planted.py") for line in errors), errors
