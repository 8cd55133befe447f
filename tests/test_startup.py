"""The reader's start: the notes open and the analysis starts once, as the first frame goes out
(on Ready, with the fallback timer finding the work done), and the stages import in a thread
of their own meanwhile."""

from __future__ import annotations

import subprocess
import sys

from tui.app import ReaderApp
from tui.widgets.article import FRAME

SIZE = (120, 40)


async def test_the_notes_open_and_the_analysis_starts_once(monkeypatch, tmp_path):
    app = ReaderApp(data_dir=tmp_path)
    opened, started, warmed = [], [], []
    open_notes, start_analysis = app.annotator.open_notes, app.start_analysis
    monkeypatch.setattr(app.annotator, "open_notes", lambda *a: opened.append(a) or open_notes(*a))
    monkeypatch.setattr(app, "start_analysis", lambda: started.append(1) or start_analysis())
    monkeypatch.setattr("tui.app.warm_up", lambda: warmed.append(1))
    async with app.run_test(size=SIZE) as pilot:
        await app.wait_for_analysis()
        await pilot.pause(FRAME * 3)  # the fallback timer has fired too
        assert (len(opened), len(started), len(warmed)) == (1, 1, 1)
        assert app.analysis is not None and app.notebook is not None


def test_the_warm_up_imports_the_stages_in_a_thread():
    probe = (
        "import sys, threading\n"
        "from tui import runs\n"
        "runs.warm_up()\n"
        "[t.join() for t in threading.enumerate() if t.name == 'closeread-warm-up']\n"
        "print('tui.analysis.pipeline' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
