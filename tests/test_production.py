"""The README's production command serves the app: gunicorn on the app factory."""
import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, path: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_gunicorn_serves_the_login_page_and_guards_the_rest(tmp_path):
    env = {**os.environ, "VISITPLANNER_INSTANCE_PATH": str(tmp_path),
           "VISITPLANNER_DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
           "VISITPLANNER_SECRET_KEY": "production-test-key"}
    bin_dir = Path(sys.executable).parent
    subprocess.run([bin_dir / "visitplanner", "db", "upgrade"], env=env, check=True,
                   capture_output=True, timeout=120)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", "2", "-b",
                               f"127.0.0.1:{port}", "visitplanner:create_app()"],
                              cwd=ROOT, env=env, stderr=subprocess.PIPE)
    try:
        for _ in range(300):  # up to 30 s for the workers to boot
            try:
                login = _get(port, "/login")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                time.sleep(0.1)
        else:
            raise AssertionError("gunicorn did not answer within 30 s")
        assert login.status == 200 and b'name="csrf_token"' in login.body
        visits = _get(port, "/")
        assert visits.status == 302 and "/login" in visits.getheader("Location")
    finally:
        server.terminate()
        server.wait(timeout=30)
