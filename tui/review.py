"""``closeread review PATH``: the finished review of one article as one document: its flags
with the reader's dismissals and reasons, entity corrections, notes and highlights in reading
order, then the figures, entities and edits (``tui.report`` writes it)."""

from __future__ import annotations

import argparse
import sys

from .config import data_dir as default_data_dir
from .safe_text import json_text, one_line, plain

PROG = "closeread"


def run_review(options: argparse.Namespace) -> int:
    """Print the review of ``options.path``; the notes are read, never written. A notes
    database that cannot be read is a warning: the review then holds the analysis alone."""
    from .analysis.pipeline import analyze
    from .cli import given_config, load_input, stdin_is_a_terminal
    from .notes.anchor import anchor_notes
    from .notes.errors import StoreError
    from .notes.store import NoteStore, source_key
    from .report import markdown_report, review_json, review_of

    config = given_config(options.config)
    for warning in config.warnings:
        print(f"{PROG}: warning: {one_line(warning, 300)}", file=sys.stderr)
    if stdin_is_a_terminal([options.path]):
        return 2
    source = load_input(options.path, options.encoding, options.data_dir or default_data_dir())
    notes = []
    try:
        with NoteStore.open(options.data_dir or default_data_dir()) as store:
            doc = store.find(source_key(source), source.sha256)
            notes = store.notes(doc) if doc is not None else []
    except StoreError as error:
        print(
            f"{PROG}: warning: {one_line(str(error), 240)}; the review has no notes",
            file=sys.stderr,
        )
    corrections = [n.correction for n in notes if n.correction is not None]
    analysis = analyze(
        source,
        reference=options.date,
        corrections=corrections,
        disabled_rules=config.disabled_rules,
    )
    review = review_of(anchor_notes(notes, analysis.text))
    name = "stdin" if options.path == "-" else options.path or source.path or "sample"
    if options.format == "json":
        document = review_json(analysis, name, review)
        sys.stdout.write(json_text(document) + "\n")
    else:
        sys.stdout.write(plain(markdown_report(analysis, name, review)))
    return 0
