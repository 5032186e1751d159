"""Maintainers' tools that are not part of a build (benchmarks)."""
