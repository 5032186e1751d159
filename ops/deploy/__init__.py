"""Publishing the built exhibit: `invoke build deploy`, `invoke deploy --dry-run`, `invoke rollback`.

A plain package used by tasks.py, not a Pelican plugin. A deploy first proves the build is fit
to go live (manifest.py, guards.py), then compares it with what the target serves (plan.py) and
sends only the difference to one of four kinds of target: file:// (local.py), ssh:// (ssh.py),
git (git.py) and s3:// (s3.py). Targets with releases switch to a new one atomically and can
roll back. See docs/DEPLOYING.md.
"""
