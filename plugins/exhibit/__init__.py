"""The exhibit model plugin: load and validate all content once, before Pelican reads it.

Signals used (in the order Pelican sends them):

* ``initialized`` — apply setting defaults, refuse links, pipes and devices in ``content/`` and the
  theme (stopping the build before anything is read), load ``content/`` into an
  :class:`~exhibit.model.Exhibit` (``settings['EXHIBIT']``), check the public address and the
  corrections channel (stopping the build if refused; ``settings['EXHIBIT_CORRECTIONS_CHANNEL']``,
  the ``corrections`` embed), add our Markdown syntax, and the converter of the data files' texts
  that every plugin shares (``settings['EXHIBIT_TEXTS']``);
* ``get_generators`` — stop the build if a plugin needs an index no loaded plugin gives, then run
  the contract's ``addresses`` phase (:mod:`exhibit.contract`);
* ``content_object_init`` — give each essay its model record and slug;
* ``article_generator_finalized`` — put essays in exhibit order, link previous/next;
* ``all_generators_finalized`` — order the indexes the reading added to, run the contract's
  ``indexed`` phase, then stop the build if anything was wrong;
* ``finalized`` — keep the converted texts in ``CACHE_PATH`` for the next build.
"""
from __future__ import annotations

from pathlib import Path

from pelican import signals
from pelican.contents import Article

from .document import ExhibitMarkdownReader
from .documentcache import DocumentCache
from .contenttree import report_unsafe
from .contract import contract_of, order_cited_in, report_missing
from .embeds import EmbedExtension, assets_for, register_embed
from .errors import ErrorLog, ExhibitBuildError
from .loader import load_exhibit
from .markup import ExhibitMarkupExtension
from .model import Exhibit
from .publishing import check_public_settings, corrections_embed
from .settings import SETTINGS
from .settingskit import report_settings, settle_settings
from .siege import read_siege
from .texts import RecordTexts


def add_markdown_extension(settings: dict, extension) -> None:
    """For feature plugins: have every exhibit text converted with ``extension``."""
    markdown = dict(settings["MARKDOWN"])  # the settings file's own dict stays untouched
    markdown["extensions"] = [*markdown.get("extensions", []), extension]
    settings["MARKDOWN"] = markdown


def load_model(pelican) -> None:
    settings = pelican.settings
    wrong = settle_settings(settings, SETTINGS)
    content = Path(settings["PATH"])
    refused = ErrorLog(root=content.parent)
    if report_unsafe([content, settings["THEME"]], refused):  # before anything reads a file
        settings["EXHIBIT"] = Exhibit(root=content, log=refused)
        raise ExhibitBuildError(refused)
    settings["EXHIBIT"] = load_exhibit(content, settings)
    report_settings(settings, wrong)  # the build goes on, so every plugin's mistakes are listed at once
    settings["EXHIBIT"].siege = read_siege(settings, settings["EXHIBIT"].log)
    errors = len(settings["EXHIBIT"].log.errors)
    channel = settings["EXHIBIT_CORRECTIONS_CHANNEL"] = check_public_settings(settings)
    if len(settings["EXHIBIT"].log.errors) > errors:  # refused settings: stop before any page is read
        raise ExhibitBuildError(settings["EXHIBIT"].log)
    register_embed(settings, "corrections", corrections_embed(channel, settings["SITENAME"]))
    settings["READERS"] = {**settings.get("READERS", {}), "md": ExhibitMarkdownReader}
    add_markdown_extension(settings, ExhibitMarkupExtension())
    # Feature plugins fill this dict (register_embed) on `initialized`; it is read at conversion.
    add_markdown_extension(settings, EmbedExtension(settings.setdefault("EXHIBIT_EMBEDS", {})))
    settings["EXHIBIT_TEXTS"] = RecordTexts(settings, Path(settings["CACHE_PATH"]) / "record-texts.json")
    settings["EXHIBIT_DOCUMENTS"] = DocumentCache(settings, Path(settings["CACHE_PATH"]) / "documents.pickle")


def add_template_helpers(generator) -> None:
    """``embed_assets(content, 'css'|'js')`` for templates: what a page's embeds need."""
    generator.env.globals["embed_assets"] = lambda content, kind: assets_for(
        getattr(content, "document", None), generator.settings, kind)


def run_addresses(pelican) -> None:
    """Every plugin is set up: check the contract, then say where each record is shown."""
    settings = pelican.settings
    report_missing(settings)
    if settings["EXHIBIT"].log:
        raise ExhibitBuildError(settings["EXHIBIT"].log)
    contract_of(settings).run("addresses", settings, [])


def attach_essay(content) -> None:
    if not isinstance(content, Article):
        return
    essay = content.settings["EXHIBIT"].essay_for(content.source_path)
    content.essay = essay
    if essay is not None:
        content.slug = essay.slug


def order_essays(generator) -> None:
    essays = sorted((a for a in generator.articles if getattr(a, "essay", None)),
                    key=lambda a: a.essay.order)
    for previous, current in zip([None, *essays], essays):
        current.previous_essay = previous
        if previous is not None:
            previous.next_essay = current
    if essays:
        essays[-1].next_essay = None
    generator.context["essays"] = essays


def run_indexed(generators) -> None:
    """Every generator has read: put the shared indexes in order, run the steps that need them, and
    stop the build if anything was wrong."""
    settings = generators[0].settings
    log = settings["EXHIBIT"].log
    if not log:  # a reading with mistakes stops before the steps that build on it
        order_cited_in(settings["EXHIBIT"])
        contract_of(settings).run("indexed", settings, generators)
    if log:
        raise ExhibitBuildError(log)


def save_texts(pelican) -> None:
    pelican.settings["EXHIBIT_TEXTS"].save()
    pelican.settings["EXHIBIT_DOCUMENTS"].save()


def register() -> None:
    signals.initialized.connect(load_model)
    signals.get_generators.connect(run_addresses)
    signals.generator_init.connect(add_template_helpers)
    signals.content_object_init.connect(attach_essay)
    signals.article_generator_finalized.connect(order_essays)
    signals.all_generators_finalized.connect(run_indexed)
    signals.finalized.connect(save_texts)
