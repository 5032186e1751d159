"""A :class:`~map.model.MapView` as Leaflet code, written by folium, with stable ids.

folium builds the map, its tile layer and one GeoJSON layer of markers, clustered
where they would overlap. We keep
only its script: the page supplies the map element, Leaflet itself (self-hosted,
once per page) and our stylesheet, so folium's header (CDN links, Bootstrap, a
viewport that forbids zooming) is never used. The script runs from a file of its
own, so pages carry no inline script; map.js loads it, after Leaflet, when its map comes
near the viewport (:mod:`map.script_cache` keeps it between builds).

Markers and popups are made by ``theme/static/js/map-leaflet.js`` (``exhibitMap``) from the
GeoJSON of :mod:`map.geojson`: folium writes it with Jinja's ``tojson``, which escapes
``<``, ``>``, ``&`` and ``'`` and every backslash, so no text of ours can end the
script or change it; map-leaflet.js shows that text with ``textContent``.
"""
from __future__ import annotations

import itertools
from contextlib import contextmanager

import folium
from branca.element import Element
from folium.elements import ElementAddToElement
from folium.plugins import MarkerCluster
from folium.utilities import JsCode

from .model import MapView

FIT_PADDING = (24, 24)
FIT_MAX_ZOOM = 16
# Markers closer than this (in pixels at the current zoom) merge into one cluster, so targets do not
# pile up (WCAG 2.5.8) and ten thousand places stay quick to draw. (Leaflet.markercluster's default.)
CLUSTER_RADIUS = 80


class MapFirstCluster(MarkerCluster):
    """A marker cluster that is on the map before its markers come. folium adds it after them, and
    Leaflet.markercluster 1.5.3 then checks each new marker against every earlier one (quadratic: a
    fifth of a second for 10,000 places); on the map, it takes them in chunks that keep the page
    responsive."""

    def render(self, **kwargs):
        # Layer.render adds the same child by name; it keeps this first place.
        self.add_child(ElementAddToElement(self.get_name(), self._parent.get_name()),
                       name=self.get_name() + "_add", index=0)
        super().render(**kwargs)


@contextmanager
def compact_json():
    """folium writes GeoJSON with Jinja's ``tojson`` (spaces after every comma and colon, every
    character past ASCII as ``\\uXXXX``); drop the spaces, a sixth of a large map's size, and write
    the characters themselves (the script is UTF-8). Keys stay sorted, so output stays stable."""
    policies = folium.GeoJson._template.environment.policies
    original = policies["json.dumps_kwargs"]
    policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":"), "ensure_ascii": False}
    try:
        yield
    finally:
        policies["json.dumps_kwargs"] = original


@contextmanager
def numbered_ids(number: int):
    """folium names elements with random ids; number them ``<map number>_<n>`` instead, so
    the same map gives the same bytes in every build and two maps on a page never clash."""
    counter = itertools.count(1)
    original = Element.__dict__["_generate_id"]
    Element._generate_id = classmethod(lambda cls: f"{number}_{next(counter)}")
    try:
        yield
    finally:
        Element._generate_id = original


def map_script(view: MapView, data: dict, settings: dict) -> tuple[str, str]:
    """(id of the element to draw into, the JavaScript that draws ``view``, with its GeoJSON ``data``, there)."""
    with numbered_ids(view.number), compact_json():
        single = view.center_and_zoom()  # None: several positions, fitted below
        location, zoom = single or (None, 1)
        leaflet_map = folium.Map(location=location, zoom_start=zoom, tiles=None, control_scale=True,
                                 scroll_wheel_zoom=False)
        if settings["MAP_TILES_URL"]:
            folium.TileLayer(tiles=settings["MAP_TILES_URL"], attr=settings["MAP_TILES_ATTRIBUTION"],
                             max_zoom=settings["MAP_TILES_MAX_ZOOM"]).add_to(leaflet_map)
        clusters = MapFirstCluster(icon_create_function="exhibitMap.clusterIcon",
                                 max_cluster_radius=CLUSTER_RADIUS, show_coverage_on_hover=False,
                                 chunked_loading=True).add_to(leaflet_map)
        folium.GeoJson(data, point_to_layer=JsCode("exhibitMap.placeMarker")).add_to(clusters)
        if single is None:
            leaflet_map.fit_bounds(view.bounds(), padding=FIT_PADDING, max_zoom=FIT_MAX_ZOOM)
        figure = leaflet_map.get_root()
        figure.render()
        script = figure.script.render()
    lines = [line.rstrip() for line in script.splitlines() if line.strip()]
    return leaflet_map.get_name(), (
        "// Drawn by folium for the exhibit's map plugin; map.js loads it after Leaflet.\n"
        "(function () {\n" + "\n".join(lines) + "\n})();\n")
