"""What runs around Pelican, not inside it: the build runner (``build``: staging, swap, manifest,
the output lock), scaffolds for new essays and sources, ``deploy`` and ``ingest``.

None of these is a Pelican plugin: ``tasks.py``, the tools and the tests call them. They import the
exhibit model from ``plugins/exhibit`` (``plugins/`` must be on ``sys.path``), and no plugin imports
them, so editing them never changes a build's output or invalidates its caches.
"""
