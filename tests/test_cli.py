"""The visitplanner command: users, tokens, demo, database check."""
from visitplanner.core.accounts import authenticate, user_for_token


def test_create_user_and_token(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-user", "--email", "Viewer@Example.org", "--role",
                                 "viewer", "--password", "pw"])
    assert result.exit_code == 0, result.output
    assert authenticate("viewer@example.org", "pw").role == "viewer"
    result = runner.invoke(args=["create-token", "viewer@example.org"])
    assert result.exit_code == 0
    token = result.stdout.strip().splitlines()[-1]
    assert user_for_token(token).email == "viewer@example.org"


def test_create_user_prompts_for_the_password(app):
    result = app.test_cli_runner().invoke(
        args=["create-user", "--email", "a@example.org", "--role", "admin"], input="pw\npw\n")
    assert result.exit_code == 0, result.output
    assert authenticate("a@example.org", "pw") is not None


def test_bad_input_gets_a_clear_message(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-user", "--email", "x", "--role", "organiser",
                                 "--password", "pw"])
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
