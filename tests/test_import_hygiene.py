"""The analysis core and the command line never import Textual; HTML tools load only for HTML."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _modules_after(code: str) -> set[str]:
    probe = textwrap.dedent(code) + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    return set(result.stdout.split())


def test_analysis_of_the_sample_imports_no_textual():
    modules = _modules_after(
        """
        from tui.analysis import analyze
        from tui.analysis.serialize import to_dict
        from tui.source import load
        to_dict(analyze(load(None)))
        import tui.cli
        """
    )
    assert "tui.analysis.pipeline" in modules
    assert not any(m == "textual" or m.startswith("textual.") for m in modules)


def test_plain_text_does_not_import_the_html_extractor():
    modules = _modules_after("from tui.source import load\nload(None)")
    assert "trafilatura" not in modules
