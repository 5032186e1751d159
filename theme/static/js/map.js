/* Maps of places: what every map on the exhibit does beyond the Leaflet code folium writes.
 *
 * The list beside each map is the content (it works without JavaScript); a marker's
 * popup is a copy of the list entries for the places at that point, so popups never
 * hold text that came through JavaScript. Loaded after leaflet.js, before the maps'
 * own scripts (which run on DOMContentLoaded).
 */
(function () {
  "use strict";

  // Maps are hidden until JavaScript can draw them: without it, the list is the map.
  document.querySelectorAll(".place-map__canvas[hidden]").forEach(function (canvas) {
    canvas.hidden = false;
  });

  var cards = null;  // place key → its first card on the page
  var order = null;  // place key → position of that card, to name places in the list's order

  function cardFor(key) {
    if (cards === null) {
      cards = new Map();
      order = new Map();
      document.querySelectorAll(".place-card[data-place]").forEach(function (card) {
        if (!cards.has(card.dataset.place)) {
          order.set(card.dataset.place, cards.size);
          cards.set(card.dataset.place, card);
        }
      });
    }
    return cards.get(key);
  }

  function inListOrder(keys) {
    keys.forEach(cardFor);
    return keys.slice().sort(function (a, b) { return (order.get(a) || 0) - (order.get(b) || 0); });
  }

  function namesOf(keys) {
    return keys.map(function (key) {
      var card = cardFor(key);
      var name = card && card.querySelector(".place-card__name");
      return name ? name.textContent.trim() : key;
    }).join("; ");
  }

  function popupContent(keys) {
    var content = document.createElement("div");
    content.className = "place-popup";
    content.tabIndex = -1;
    keys.forEach(function (key) {
      var card = cardFor(key);
      if (!card) return;
      var copy = card.cloneNode(true);
      copy.removeAttribute("id");
      copy.querySelectorAll("[id]").forEach(function (element) { element.removeAttribute("id"); });
      content.appendChild(copy);
    });
    return content;
  }

  // GeoJSON point → a keyboard-reachable marker named after its places.
  function placeMarker(feature, latlng) {
    var names = namesOf(feature.properties.places);
    return L.marker(latlng, { alt: names, title: names, keyboard: true, riseOnHover: true });
  }

  // Places close together at the current zoom share a cluster: a button that zooms in on them.
  var ClusterIcon = L.DivIcon.extend({
    createIcon: function (oldIcon) {
      var icon = L.DivIcon.prototype.createIcon.call(this, oldIcon);
      icon.setAttribute("aria-label", this.options.label);
      icon.title = this.options.label;
      return icon;
    }
  });

  function clusterIcon(cluster) {
    var keys = [];
    cluster.getAllChildMarkers().forEach(function (marker) {
      keys.push.apply(keys, marker.feature.properties.places);
    });
    keys = inListOrder(keys);
    var count = document.createElement("span");
    count.textContent = keys.length;
    return new ClusterIcon({
      html: count, className: "place-cluster", iconSize: L.point(40, 40),
      label: keys.length + " places: " + namesOf(keys.slice(0, 5)) + (keys.length > 5 ? "; …" : "") +
             ". Zooms in."
    });
  }

  // Popups open with Enter or a click; focus moves into them and Escape brings it back.
  function bindPlaces(feature, marker) {
    marker.bindPopup(function () { return popupContent(feature.properties.places); },
                     { autoPanPaddingTopLeft: [56, 16], autoPanPaddingBottomRight: [16, 16] });
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

  // When no tile of the first view loads (offline, blocked), drop the tile layer so it
  // stops asking, and show the figure's note: markers, popups and the list still work.
  function watchTiles(map, tiles) {
    var loaded = false;
    tiles.on("tileload", function () { loaded = true; });
    tiles.once("load", function () {
      if (loaded) return;
      setTimeout(function () { map.removeLayer(tiles); }, 0);  // once Leaflet has finished with the tile
      var figure = map.getContainer().closest(".place-map");
      var note = figure && figure.querySelector(".place-map__note");
      if (note) note.hidden = false;
    });
  }

  // A popup never grows past the map it opens in, so it fits a phone's narrow map too.
  function fitPopup(map, popup) {
    var size = map.getSize();
    popup.options.maxWidth = Math.max(160, Math.min(320, size.x - 80));
    popup.options.maxHeight = Math.max(120, Math.round(size.y * 0.65));
    popup.update();
  }

  L.Map.addInitHook(function () {
    var map = this;
    map.on("layeradd", function (event) {
      if (event.layer instanceof L.TileLayer) watchTiles(map, event.layer);
    });
    map.on("popupopen", function (event) { fitPopup(map, event.popup); });
  });

  window.exhibitMap = { placeMarker: placeMarker, bindPlaces: bindPlaces, clusterIcon: clusterIcon };
})();
