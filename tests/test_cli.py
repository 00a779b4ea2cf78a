"""The visitplanner command: users, tokens, demo, database check."""
import os
import subprocess
import sys

from visitplanner.core.accounts import authenticate, user_for_token

STRONG = "plum harbour lantern 42"


def test_create_user_and_token(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-user", "--email", "Viewer@Example.org", "--role",
                                 "viewer", "--password", STRONG])
    assert result.exit_code == 0, result.output
    assert authenticate("viewer@example.org", STRONG).role == "viewer"
    result = runner.invoke(args=["create-token", "viewer@example.org"])
    assert result.exit_code == 0
    token = result.stdout.strip().splitlines()[-1]
    assert user_for_token(token).email == "viewer@example.org"


def test_create_user_prompts_for_the_password(app):
    result = app.test_cli_runner().invoke(
        args=["create-user", "--email", "a@example.org", "--role", "admin"], input=f"{STRONG}\n{STRONG}\n")
    assert result.exit_code == 0, result.output
    assert authenticate("a@example.org", STRONG) is not None


def test_bad_input_gets_a_clear_message(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-user", "--email", "x", "--role", "organiser",
                                 "--password", STRONG])
    assert result.exit_code != 0 and "not an e-mail address" in result.output
    result = runner.invoke(args=["create-token", "nobody@example.org"])
    assert result.exit_code != 0 and "No user" in result.output


def test_demo_loads_once_with_if_empty(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo", "--if-empty"])
    assert "Loaded the demo visit" in first.output and "organiser@example.org / demo" in first.output
    second = runner.invoke(args=["demo", "--if-empty"])
    assert "no demo loaded" in second.output
    assert authenticate("organiser@example.org", "demo") is not None


def test_cli_applies_the_password_policy_of_the_web_form(app):
    runner = app.test_cli_runner()
    for weak in ("x", "password", "password123", "qwertyuiop1", "weak@example.org"):
        result = runner.invoke(args=["create-user", "--email", "weak@example.org", "--role",
                                     "viewer", "--password", weak])
        assert result.exit_code != 0 and "at least 10 characters" in result.output, weak
    assert authenticate("weak@example.org", "password") is None
    runner.invoke(args=["create-user", "--email", "w@example.org", "--role", "viewer",
                        "--password", STRONG])
    result = runner.invoke(args=["set-password", "w@example.org", "--password", "qwerty12345"])
    assert result.exit_code != 0 and "at least 10 characters" in result.output
    result = runner.invoke(args=["set-password", "w@example.org", "--password",
                                 "violet tram orchard 7"])
    assert result.exit_code == 0, result.output
    assert authenticate("w@example.org", "violet tram orchard 7") is not None


def test_cli_tokens_expire_after_the_configured_days(app):
    runner = app.test_cli_runner()
    runner.invoke(args=["create-user", "--email", "t@example.org", "--role", "viewer",
                        "--password", STRONG])
    token = runner.invoke(args=["create-token", "t@example.org"]).stdout.strip().splitlines()[-1]
    from visitplanner.extensions import db
    from visitplanner.models import ApiToken
    stored = db.session.scalar(db.select(ApiToken))
    lifetime = stored.expires_at.replace(tzinfo=None) - stored.created_at.replace(tzinfo=None)
    assert round(lifetime.total_seconds() / 86400) == app.config["API_TOKEN_DAYS"] == 90
    assert user_for_token(token) is not None


def test_the_worker_logs_each_record_once_and_no_layout_steps(tmp_path):
    """What `visitplanner worker` prints: each line once, not WeasyPrint's step per PDF page."""
    script = (
        "import logging\n"
        "from visitplanner import create_app\n"
        "from visitplanner.cli import log_to_stderr\n"
        "app = create_app()\n"
        "log_to_stderr(app)\n"
        "logging.getLogger('visitplanner.worker').info('worker: done 3')\n"
        "logging.getLogger('weasyprint.progress').info('Step 5 - Creating layout - Page 1')\n"
        "logging.getLogger('weasyprint').warning('Ignored a bad rule')\n"
    )
    env = {**os.environ, "VISITPLANNER_INSTANCE_PATH": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    assert done.stderr.count("worker: done 3") == 1, done.stderr
    assert "visitplanner.worker worker: done 3" in done.stderr
    assert "Creating layout" not in done.stderr
    assert "Ignored a bad rule" in done.stderr
