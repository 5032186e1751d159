/* What every map does beyond the Leaflet code folium writes: loaded by map.js after Leaflet and
 * markercluster, before the first map's script.
 *
 * A map's script carries one GeoJSON MultiPoint and, in its properties, the text of the popups
 * (see plugins/map/geojson.py): markers and popups are built here from that data, every text
 * set with textContent, so a name holding HTML or script is shown as text.
 */
(function () {
  "use strict";

  L.Map.addInitHook(function () {
    var map = this;
    map.on("layeradd", function (event) {
      if (event.layer instanceof L.TileLayer) watchTiles(map, event.layer);
    });
  });

  var indexed = new WeakMap();  // a map's GeoJSON feature → its positions ("lon,lat" → place indexes)

  // The data of a map, indexed once.
  function dataOf(feature) {
    var data = indexed.get(feature);
    if (data) return data;
    var properties = feature.properties;
    var at = new Map();
    feature.geometry.coordinates.forEach(function (position, number) {
      at.set(position[0] + "," + position[1], properties.at[number]);
    });
    data = { at: at, properties: properties };
    indexed.set(feature, data);
    return data;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(href, text) {
    var anchor = element("a", null, text);
    anchor.href = href;
    return anchor;
  }

  // One place as a card, like those of the list:
  // [key, name, page, precision, coordinates, name_es, name_ja, events, essays].
  function placeCard(properties, place) {
    var card = element("div", "place-card");
    var title = card.appendChild(element("p", "place-card__title"));
    title.appendChild(link(properties.pages[place[2]] + "#place-" + place[0], place[1])).className = "place-card__name";
    if (place[5] || place[6]) {
      var names = card.appendChild(element("p", "place-card__names"));
      if (place[5]) names.appendChild(element("span", null, place[5])).lang = "es";
      if (place[5] && place[6]) names.appendChild(document.createTextNode(" · "));
      if (place[6]) names.appendChild(element("span", null, place[6])).lang = "ja";
    }
    var precision = properties.precision[place[3]];  // [level, meaning, radius in metres]
    var where = card.appendChild(element("p", "place-card__where"));
    where.appendChild(element("span", "place-card__coordinates", place[4]));
    where.appendChild(document.createTextNode(" "));
    var level = where.appendChild(element("span", "place-card__precision", "Precision: "));
    level.appendChild(element("strong", null, precision[0]));
    level.appendChild(document.createTextNode(" (" + precision[1] + ")"));
    var events = place[7] || [];
    if (events.length) {
      var list = element("ul", "place-card__events");
      events.forEach(function (number) {
        var event = properties.events[number];  // [href, iso date, date as read, title]
        var item = list.appendChild(element("li"));
        var holder = event[0] ? item.appendChild(link(event[0])) : item;
        holder.appendChild(element("time", null, event[2])).dateTime = event[1];
        holder.appendChild(document.createTextNode(": " + event[3]));
      });
      if (events.length > 3) {
        var more = card.appendChild(element("details", "place-card__more"));
        more.appendChild(element("summary", null, "On the timeline: " + events.length + " events"));
        more.appendChild(list);
      } else {
        card.appendChild(element("p", "place-card__label", "On the timeline:"));
        card.appendChild(list);
      }
    }
    var essays = place[8] || [];
    if (essays.length) {
      var line = card.appendChild(element("p", "place-card__essays", "In the essays: "));
      essays.forEach(function (number, position) {
        var essay = properties.essays[number];  // [title, href]
        if (position) line.appendChild(document.createTextNode("; "));
        line.appendChild(link(essay[1], essay[0]));
      });
    }
    return card;
  }

  function namesOf(places, indexes) {
    return indexes.map(function (number) { return places[number][1]; }).join("; ");
  }

  // How far the places at a position may be from it, in metres: the widest of their precisions'.
  function radiusOf(properties, indexes) {
    return indexes.reduce(function (widest, number) {
      return Math.max(widest, properties.precision[properties.places[number][3]][2]);
    }, 0);
  }

  // Places known only to a district or a city (a radius of 1 km or more) are drawn as that area: a
  // circle of the radius, shown while their marker is (not while it is in a cluster), and at its
  // centre a ring, not a pin, that stays big enough to see and to reach with the keyboard.
  var AREA = 1000;
  function areaMarker(latlng, radius, names) {
    var label = names + " (somewhere within about " + (radius >= 1000 ? radius / 1000 + " km" : radius + " m") + ")";
    var marker = L.marker(latlng, {
      icon: L.divIcon({ className: "place-area__centre", iconSize: [22, 22] }),
      title: label, keyboard: true, riseOnHover: true
    });
    var area = L.circle(latlng, { radius: radius, interactive: false, className: "place-area" });
    marker.on("add", function () {
      marker.getElement().setAttribute("aria-label", label);
      area.addTo(marker._map);
    });
    marker.on("remove", function () { area.remove(); });
    return marker;
  }

  // A position of the map's GeoJSON → a keyboard-reachable marker named after its places,
  // whose popup (built when first opened) shows their cards.
  function placeMarker(feature, latlng) {
    var data = dataOf(feature);
    var indexes = data.at.get(latlng.lng + "," + latlng.lat) || [];
    var names = namesOf(data.properties.places, indexes);
    var radius = radiusOf(data.properties, indexes);
    var marker = radius >= AREA ? areaMarker(latlng, radius, names)
                                : L.marker(latlng, { alt: names, title: names, keyboard: true, riseOnHover: true });
    marker.exhibitPlaces = { all: data.properties.places, here: indexes };
    marker.on("click keypress", function () { fitPopup(marker); });  // before bindPopup's own handlers
    marker.bindPopup(function () {
      var content = element("div", "place-popup");
      content.tabIndex = -1;
      indexes.forEach(function (number) {
        content.appendChild(placeCard(data.properties, data.properties.places[number]));
      });
      return content;
    }, { autoPanPaddingTopLeft: [56, 16], autoPanPaddingBottomRight: [16, 16] });
    bindKeys(marker);
    return marker;
  }

  // Places close together at the current zoom share a cluster: a button that zooms in on them.
  var ClusterIcon;
  function clusterIcon(cluster) {
    ClusterIcon = ClusterIcon || L.DivIcon.extend({
      createIcon: function (oldIcon) {
        var icon = L.DivIcon.prototype.createIcon.call(this, oldIcon);
        icon.setAttribute("aria-label", this.options.label);
        icon.title = this.options.label;
        return icon;
      }
    });
    var indexes = [];
    var markers = cluster.getAllChildMarkers();
    markers.forEach(function (marker) { indexes.push.apply(indexes, marker.exhibitPlaces.here); });
    var first = indexes.sort(function (a, b) { return a - b; }).slice(0, 5);
    var count = document.createElement("span");
    count.textContent = indexes.length;
    var size = indexes.length < 100 ? 40 : indexes.length < 1000 ? 48 : 56;  // room for the digits
    return new ClusterIcon({
      html: count, className: "place-cluster", iconSize: L.point(size, size),
      label: indexes.length + " places: " + namesOf(markers[0].exhibitPlaces.all, first) +
             (indexes.length > 5 ? "; and " + (indexes.length - 5) + " more" : "") + ". Zooms in."
    });
  }

  // Popups open with Enter or a click; focus moves into them and Escape brings it back.
  function bindKeys(marker) {
    marker.on("popupopen", function (event) {
      var content = event.popup.getElement().querySelector(".place-popup");
      if (document.activeElement === marker.getElement()) content.focus({ preventScroll: true });
      content.addEventListener("keydown", function (key) {
        if (key.key === "Escape") marker.closePopup();
      });
    });
    marker.on("popupclose", function (event) {
      var popup = event.popup.getElement();
      if (popup && (popup.contains(document.activeElement) || document.activeElement === document.body)) {
        marker.getElement().focus({ preventScroll: true });
      }
    });
  }

  // When no tile of the first view loads (offline, blocked), drop the tile layer so it stops
  // asking, and tell the canvas (map.js shows the note and the static map): markers, popups and
  // the list still work.
  function watchTiles(map, tiles) {
    var loaded = false;
    tiles.on("tileload", function () { loaded = true; });
    tiles.once("load", function () {
      if (loaded) return;
      setTimeout(function () { map.removeLayer(tiles); }, 0);  // once Leaflet has finished with the tile
      map.getContainer().dispatchEvent(new CustomEvent("exhibit-map:no-tiles"));
    });
  }

  // A popup never grows past the map it opens in, so it fits a phone's narrow map too. Sized before
  // it opens (on the click or the Enter that opens it): resizing an open popup would stop
  // Leaflet's pan that brings it into view.
  function fitPopup(marker) {
    var map = marker.getElement().closest(".leaflet-container");
    var options = marker.getPopup().options;
    // The pan keeps 56px clear on the left (the zoom buttons) and 16px on the right; the popup adds
    // about 40px of margins and border to its content's width.
    options.maxWidth = Math.max(160, Math.min(320, map.clientWidth - 56 - 16 - 40));
    options.maxHeight = Math.max(120, Math.round(map.clientHeight * 0.65));
  }

  window.exhibitMap = { placeMarker: placeMarker, clusterIcon: clusterIcon };
})();
