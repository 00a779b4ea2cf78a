"""requirements.lock pins every dependency of pyproject.toml within its bounds."""
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent


def locked_versions() -> dict[str, Version]:
    """The lock's `name==version` lines, by normalised name."""
    pins = re.findall(r"^([A-Za-z0-9._-]+)==(\S+)", (ROOT / "requirements.lock").read_text(), re.M)
    return {canonicalize_name(name): Version(version) for name, version in pins}


def declared_requirements() -> list[Requirement]:
    """pyproject.toml's dependencies and those of every extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = project["dependencies"] + sum(project["optional-dependencies"].values(), [])
    return [Requirement(line) for line in lines]


def test_lock_pins_every_declared_dependency_within_its_bounds():
    locked = locked_versions()
    assert "flask" in locked and "sqlalchemy" in locked
    missing = [str(req) for req in declared_requirements()
               if canonicalize_name(req.name) not in locked]
    assert not missing, f"not in requirements.lock (run `make lock`): {missing}"
    outside = [f"{req} (locked {locked[canonicalize_name(req.name)]})"
               for req in declared_requirements()
               if not req.specifier.contains(locked[canonicalize_name(req.name)], prereleases=True)]
    assert not outside, f"requirements.lock is outside pyproject's bounds (run `make lock`): {outside}"


def test_lock_has_only_exact_pins():
    lines = [line.split("#")[0].strip()
             for line in (ROOT / "requirements.lock").read_text().splitlines()]
    loose = [line for line in lines if line and not re.fullmatch(r"[A-Za-z0-9._-]+==\S+", line)]
    assert not loose, loose
