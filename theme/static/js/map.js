/* Maps of places: loading Leaflet when a map comes into view.
 *
 * The list beside each map is the content (it works without JavaScript); the map is an
 * enhancement. Each canvas names its styles, libraries (Leaflet, markercluster, then
 * map-leaflet.js, which makes the markers) and its own script (data-map-*): when the canvas
 * comes within 200px of the viewport (at once with data-map-load="now", or without
 * IntersectionObserver), they are loaded in that order, each once per page however many maps
 * it has. Until then a page with a map carries only this loader. When no tile loads,
 * map-leaflet.js tells the canvas ("exhibit-map:no-tiles") and the note and static map are shown.
 */
(function () {
  "use strict";

  var canvases = document.querySelectorAll(".place-map__canvas[data-map-script]");
  var loading = {};  // address → Promise of its file, loaded once per page

  function words(text) {
    return (text || "").split(" ").filter(Boolean);
  }

  // Leaflet's styles go before map.css, whose rules refine them.
  function loadStyle(href) {
    if (!loading[href]) {
      loading[href] = new Promise(function (resolve) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        link.onload = link.onerror = resolve;  // a missing style leaves the map usable
        var ours = document.querySelector("link[rel=stylesheet][href$='css/map.css']");
        document.head.insertBefore(link, ours);
      });
    }
    return loading[href];
  }

  function loadScript(src) {
    if (!loading[src]) {
      loading[src] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.async = false;
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading[src];
  }

  function draw(canvas) {
    var libraries = words(canvas.dataset.mapLibraries).reduce(function (previous, src) {
      return previous.then(function () { return loadScript(src); });
    }, Promise.resolve());
    Promise.all([libraries].concat(words(canvas.dataset.mapStyles).map(loadStyle)))
      .then(function () { return loadScript(canvas.dataset.mapScript); })
      .catch(function () {  // Leaflet could not load: the static map and the list remain
        canvas.hidden = true;
        showStatic(canvas);
      });
  }

  // The static map beside a canvas is in a <noscript>: without JavaScript it is the picture, and
  // with it the page does not download it. Here it is put in the page, not displayed (a lazy image
  // that is not laid out is not fetched; browsers fetch lazy images before printing), for print, and
  // shown when the map cannot be drawn.
  function addStatic(canvas) {
    var holder = canvas.parentNode.querySelector("noscript.place-map__static-holder");
    if (!holder) return;
    var inert = document.createElement("template");  // parsed without loading anything
    inert.innerHTML = holder.textContent;
    var image = inert.content.querySelector("img");
    if (!image) return;
    image.classList.add("place-map__static--print");
    holder.after(document.importNode(image, true));
  }

  function showStatic(canvas) {
    var image = canvas.parentNode.querySelector(".place-map__static");
    if (image) image.classList.remove("place-map__static--print");
  }

  // Maps are hidden until JavaScript can draw them: without it, the list is the map.
  var observer = "IntersectionObserver" in window && new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      observer.unobserve(entry.target);
      draw(entry.target);
    });
  }, { rootMargin: "200px 0px" });
  canvases.forEach(function (canvas) {
    canvas.hidden = false;
    addStatic(canvas);
    canvas.addEventListener("exhibit-map:no-tiles", function () {
      var note = canvas.parentNode.querySelector(".place-map__note");
      if (note) note.hidden = false;
      showStatic(canvas);
    });
    if (observer && canvas.dataset.mapLoad !== "now") observer.observe(canvas);
    else draw(canvas);
  });
})();
