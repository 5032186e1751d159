"""Benchmarks for issue #11: synthetic exhibits, build timings against plain Pelican, page weight, a profile.

`invoke bench` runs them (docs/PERFORMANCE.md). Modules:

* ``synthetic`` — writes a synthetic exhibit of a given size into a folder (generated text only);
* ``runner`` — times cold builds, rebuilds and the plain-Pelican baseline, each in a fresh process;
* ``buildone`` — the child process the runner times (one build, reports its own peak memory);
* ``weight`` — bytes and requests per page type, loaded in headless Chromium from 127.0.0.1;
* ``phases`` — where a build spends its time, by sampling the stack and naming the phase.
"""
