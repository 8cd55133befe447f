"""Archives: many inputs (folders, path lists, JSON Lines dumps) through the analysis, in order.

The work per input is one pure function (``work.process``); the engines (``engines``) run it in
this process, a process pool or on Dask, and all yield the same results in input order, so the
output is byte-identical whatever runs it. Nothing here imports Textual.
"""
