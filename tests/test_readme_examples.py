"""Every ```python block of the README runs as a script, as a user would save and run
it (``process_many(..., n_process=2)`` included); and a plain script that calls
``process_many`` with workers and no ``if __name__ == "__main__":`` works too."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", README, flags=re.DOTALL)


def _run(script: str, folder: Path) -> subprocess.CompletedProcess[str]:
    path = folder / "example.py"
    path.write_text(script, encoding="utf-8")
    sample = resources.files("eventwire") / "data" / "sample_dump.txt"
    with resources.as_file(sample) as dump:
        shutil.copy(dump, folder / "scraped.txt")  # the file the README's example names
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, str(path)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_readme_has_python_examples() -> None:
    assert len(BLOCKS) >= 2
    assert any("n_process=2" in block and '__name__ == "__main__"' in block for block in BLOCKS)


@pytest.mark.parametrize("number", range(len(BLOCKS)))
def test_readme_python_example_runs_as_a_script(number: int, tmp_path: Path) -> None:
    done = _run(BLOCKS[number], tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    assert done.stdout.strip()


def test_process_many_with_workers_works_from_a_plain_script(tmp_path: Path) -> None:
    script = (
        "import eventwire\n"
        "docs = eventwire.process_many(\n"
        '    ["Police arrested 12 protesters in Nairobi on Monday.",\n'
        '     "Troops shelled the outskirts of Kherson on Tuesday."],\n'
        "    n_process=2,\n"
        ")\n"
        "print('TYPES', sorted(e.type for d in docs for e in d.events))\n"
    )
    done = _run(script, tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "bootstrapping" not in done.stderr and "Traceback" not in done.stderr
    assert done.stdout.count("TYPES") == 1  # the workers did not run the script again
    assert "ASSAULT" in done.stdout
