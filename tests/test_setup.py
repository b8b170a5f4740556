"""The set-up that `make run` and `make test` do themselves."""

import os
import subprocess
import sys

from tests.helpers import ROOT


def run(command: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def test_find_python_finds_a_python_3_10():
    result = run(["scripts/find_python.sh"])

    assert result.returncode == 0, result.stderr
    version = run([result.stdout.strip(), "--version"]).stdout
    assert version.startswith("Python 3.10.")


def test_find_python_passes_over_a_python_that_is_not_3_10():
    # Tried: PYTHON set to a program that succeeds whatever it is asked (/bin/true)
    # and to Python 3.11; the result must still be a 3.10.
    for not_310 in ("/bin/true", "python3.11"):
        result = run(["scripts/find_python.sh"], env={**os.environ, "PYTHON": not_310})

        assert result.returncode == 0
        assert "3.10" in run([result.stdout.strip(), "--version"]).stdout


def test_find_python_says_what_to_do_when_there_is_none(tmp_path):
    # Tried: no python3.10 on PATH, an empty pyenv folder, no uv.
    env = {"PATH": "/usr/bin:/bin", "PYENV_ROOT": str(tmp_path), "HOME": str(tmp_path)}
    result = run(["scripts/find_python.sh"], env=env)

    assert result.returncode == 1
    assert "No Python 3.10 found" in result.stderr
    assert "pyenv install 3.10" in result.stderr
    assert "PYTHON=" in result.stderr


def test_setup_a_second_time_installs_nothing():
    result = run(["scripts/setup.sh"])

    assert result.returncode == 0, result.stderr
    assert result.stdout == ""  # no "installing" line: pip was not run


def test_tests_run_inside_the_projects_python_3_10_venv():
    assert sys.version_info[:2] == (3, 10)
    assert sys.prefix == str(ROOT / ".venv")


def test_training_a_second_time_retrains_nothing():
    # `make test` trained just before pytest started, so every component is cached.
    result = run(["make", "--no-print-directory", "train"])

    assert result.returncode == 0, result.stderr[-2000:]
    output = result.stdout + result.stderr
    assert "Restored component 'DIETClassifier' from cache" in output
    assert "Starting to train component" not in output
