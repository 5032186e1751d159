"""Ingest raw web captures as draft source records (``invoke ingest``); not a Pelican plugin.

Three layers, as in the feature plugins:

* parse — ``capture`` (bytes → text in any common encoding), ``plaintext`` (paragraphs,
  links, printed dates), ``newspages`` and ``encyclopedia`` (text → :class:`story.Story`),
  ``parse`` (which of the two a capture is);
* model — ``records`` (story → header fields of a source record, what was found or is
  missing), ``catalogue`` (records already in the exhibit: identity and free keys);
* render and write — ``render`` (the draft's Markdown), ``writer`` (files, never
  overwriting), ``report`` (what happened, per capture and story).
"""
