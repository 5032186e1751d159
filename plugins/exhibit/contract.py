"""The contract between the feature plugins: the indexes they share, who gives each, and when.

Plugins never call each other; what one needs from another is an *index* on the model, given by
one plugin's *step* in a declared phase and read only after it. The exhibit plugin runs the
phases at fixed points of Pelican's run, whatever the order of ``PLUGINS``:

``addresses``
    On ``get_generators``, once every plugin is set up and before any page is read: where the
    exhibit shows each record (``Exhibit.shown_at``: 'event-<id>' → its timeline page,
    'place-<key>' → its map page entry), computed from the model and the settings alone.
``reading``
    Pelican's generators read the essays, pages and records (``generate_context``), in any order.
    Plugins *add* to the model's indexes here — what cites each source (``Exhibit.cited_in``),
    the static maps pages want (``settings['STATIC_MAPS']``) — and read none of them; a generator
    may make an index of its own (the sources plugin's "source pages", declared with :func:`give`).
``indexed``
    On ``all_generators_finalized``, before any page is written: the indexes of the reading are
    put in one order (:func:`order_cited_in`), then the steps that need them run — the source
    pages' "cited in" lists, the images (social cards, static maps), the home page's overview.

A step names what it ``gives`` and what it ``needs`` (:func:`need` declares what a plugin reads
while reading or writing); within a phase steps run givers first. A
need that no loaded plugin gives stops the build with the plugin that gives it, from
:data:`GIVEN_BY`. Writing (``generate_output``) reads the finished indexes.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .model import Exhibit
from .settingskit import setting_error

PHASES = ("addresses", "indexed")
# Every index a step may give or need, and the plugin that gives it (for the error's hint).
GIVEN_BY = {
    "event addresses": "timeline",
    "place addresses": "map",
    "source pages' cited-in lists": "citations",
    "images": "images",
    "overview": "overview",
    "source pages": "sources",
}
# The order of the places that cite a source, by kind; within a kind, the order they were added.
CITED_IN_ORDER = ("essay", "page", "event", "place")


@dataclass(frozen=True)
class Step:
    plugin: str
    phase: str
    run: Callable[[dict, list], None]  # given the settings and Pelican's generators (none yet in addresses)
    gives: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()


@dataclass
class Contract:
    """The steps the loaded plugins declared (``settings['EXHIBIT_CONTRACT']``)."""

    steps: list[Step] = field(default_factory=list)
    needs: list[tuple[str, str]] = field(default_factory=list)  # (plugin, index) read while reading or writing
    given: list[tuple[str, str]] = field(default_factory=list)  # (plugin, index) made by a generator while reading

    def declare(self, plugin: str, phase: str, run: Callable[[dict, list], None], gives=(), needs=()) -> None:
        if phase not in PHASES:
            raise ValueError(f"unknown phase {phase!r}: one of {', '.join(PHASES)}")
        self._known(plugin, (*gives, *needs))
        self.steps.append(Step(plugin, phase, run, tuple(gives), tuple(needs)))

    def need(self, plugin: str, *indexes: str) -> None:
        self._known(plugin, indexes)
        self.needs += [(plugin, index) for index in indexes]

    def give(self, plugin: str, *indexes: str) -> None:
        self._known(plugin, indexes)
        self.given += [(plugin, index) for index in indexes]

    @staticmethod
    def _known(plugin: str, indexes) -> None:
        unknown = [name for name in indexes if name not in GIVEN_BY]
        if unknown:
            raise ValueError(f"{plugin}: undeclared index {unknown[0]!r}; add it to exhibit.contract.GIVEN_BY")

    def missing(self) -> list[tuple[str, str]]:
        """(plugin, index) for every need that no declared step gives."""
        given = {name for step in self.steps for name in step.gives} | {index for _, index in self.given}
        wanted = [*((step.plugin, need) for step in self.steps for need in step.needs), *self.needs]
        return [(plugin, need) for plugin, need in dict.fromkeys(wanted) if need not in given]

    def ordered(self, phase: str) -> list[Step]:
        """The phase's steps, each after the steps of the phase that give what it needs; otherwise
        in a fixed order (by plugin name), not the order of ``PLUGINS``."""
        steps = sorted((s for s in self.steps if s.phase == phase), key=lambda s: s.plugin)
        done: list[Step] = []
        while steps:
            ready = next((s for s in steps if not any(need in t.gives for t in steps for need in s.needs)), None)
            if ready is None:
                raise ValueError(f"the {phase} steps need each other: {', '.join(s.plugin for s in steps)}")
            done.append(ready)
            steps.remove(ready)
        return done

    def run(self, phase: str, settings: dict, generators: list) -> None:
        for step in self.ordered(phase):
            step.run(settings, generators)


def contract_of(settings: dict) -> Contract:
    return settings.setdefault("EXHIBIT_CONTRACT", Contract())


def declare(settings: dict, plugin: str, phase: str, run: Callable[[dict, list], None], gives=(), needs=()) -> None:
    """For feature plugins, on ``initialized``: run ``run(settings, generators)`` in ``phase``."""
    contract_of(settings).declare(plugin, phase, run, gives, needs)


def need(settings: dict, plugin: str, *indexes: str) -> None:
    """For feature plugins, on ``initialized``: the plugin reads ``indexes`` while reading or writing."""
    contract_of(settings).need(plugin, *indexes)


def give(settings: dict, plugin: str, *indexes: str) -> None:
    """For feature plugins, on ``initialized``: the plugin's generator makes ``indexes`` while reading."""
    contract_of(settings).give(plugin, *indexes)


def report_missing(settings: dict) -> None:
    """Log, as a settings mistake, every index a loaded plugin needs and no loaded plugin gives."""
    for plugin, index in contract_of(settings).missing():
        giver = GIVEN_BY[index]
        setting_error(settings, "PLUGINS", f"the {plugin} plugin needs the {index}, which the {giver} "
                      f"plugin gives, and '{giver}' is not in PLUGINS", f"add \"{giver}\" to PLUGINS")


def order_cited_in(exhibit: Exhibit) -> None:
    """Each source's citing places by kind (essays, pages, events, places), whichever plugin added them first."""
    rank = {kind: number for number, kind in enumerate(CITED_IN_ORDER)}
    for key, places in exhibit.cited_in.items():
        exhibit.cited_in[key] = sorted(places, key=lambda place: rank.get(place.kind, len(rank)))
