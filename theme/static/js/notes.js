/* Notes a reader can follow. Progressive enhancement: without this script a note number is a link to
   the note in the list at the end, and the note's backlink returns.

   - Sidenotes: at 1200px and wider, the items of the page's own notes list (the one titled #notes) are
     placed in the margin beside the line that first cites them, pushed down so none overlaps the one
     before. Only their place on the screen changes: they stay the list's <li>s, in its order, so
     reading order, tab order and what a screen reader announces are the list's. Placed again when the
     text's size changes (resize, fonts, an embed opened). Narrower, in print, or with no room, the list
     is at the end as before. Notes of embedded records (a timeline's events) stay in their own lists.
   - Following a note number moves focus into the note, and its backlink moves focus back to the number.
   - Previews: where a note is not beside its number (narrower wide screens, embedded records' notes),
     hovering or focusing the number shows the note next to it. */
(function () {
  "use strict";
  var sidenoteScreen = window.matchMedia("(min-width: 1200px)");
  var previewScreen = window.matchMedia("(min-width: 60rem) and (hover: hover)");
  var GAP = 32;        /* px between the text column and the notes */
  var SPACING = 12;    /* px between two notes */
  var MIN_WIDTH = 192; /* px: with less room than this, notes stay at the end */
  var MAX_WIDTH = 352;

  function target(link) {
    return document.getElementById(decodeURIComponent(link.hash.slice(1)));
  }

  /* ---- Sidenotes ---- */
  var list = document.querySelector(".footnote[aria-labelledby='notes']");
  var column = list && list.parentElement;
  var items = list ? Array.prototype.slice.call(list.querySelectorAll(":scope > ol > li")) : [];
  var firstRefs = items.map(function (item) {
    return document.querySelector("a.footnote-ref[href='#" + CSS.escape(item.id) + "']");
  });
  var scheduled = false;

  function room() {
    var box = column.getBoundingClientRect();
    var page = column.closest(".wrap") || document.documentElement;
    var edge = page.getBoundingClientRect().right - parseFloat(getComputedStyle(page).paddingRight || "0");
    return Math.min(MAX_WIDTH, Math.min(edge, document.documentElement.clientWidth) - box.right - GAP);
  }

  /* Sizes go to custom properties the stylesheet uses on screen only, so print keeps the plain list. */
  function unplace() {
    list.classList.remove("sidenotes");
    column.classList.remove("has-sidenotes");
    items.forEach(function (item) { item.style.removeProperty("--sidenote-top"); });
  }

  function place() {
    scheduled = false;
    var width = sidenoteScreen.matches ? room() : 0;
    if (width < MIN_WIDTH) { unplace(); return; }
    column.style.setProperty("--sidenote-width", width + "px");
    column.style.setProperty("--sidenote-gap", GAP + "px");
    list.classList.add("sidenotes");
    column.classList.add("has-sidenotes");
    /* Read everything, then write, so the layout is computed once. */
    var top = column.getBoundingClientRect().top;
    var wanted = firstRefs.map(function (ref) {
      var box = ref && ref.getClientRects()[0];
      return box ? box.top - top : null;
    });
    var heights = items.map(function (item) { return item.offsetHeight; });
    var bottom = 0;
    items.forEach(function (item, index) {
      var at = Math.max(wanted[index] === null ? bottom : wanted[index], bottom);
      item.style.setProperty("--sidenote-top", at + "px");
      bottom = at + heights[index] + SPACING;
    });
    column.style.setProperty("--sidenotes-end", Math.ceil(bottom) + "px");
  }

  function schedule() {
    if (!scheduled) { scheduled = true; window.requestAnimationFrame(place); }
  }

  if (list && column && items.length) {
    place();
    sidenoteScreen.addEventListener("change", schedule);
    window.addEventListener("resize", schedule);
    if (document.fonts && document.fonts.ready) { document.fonts.ready.then(schedule); }
    if (window.ResizeObserver) { new ResizeObserver(schedule).observe(column); }
    document.addEventListener("toggle", schedule, true);  /* an embed's <details> opened or closed */
  }

  function isSidenote(note) {
    return list !== null && list.classList.contains("sidenotes") && list.contains(note);
  }

  /* ---- Focus follows the links ---- */
  function focusOn(element) {
    if (!element) { return; }
    if (!element.hasAttribute("tabindex") && !element.matches("a[href]")) { element.setAttribute("tabindex", "-1"); }
    element.focus({ preventScroll: true });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.footnote-ref, a.footnote-backref");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) { return; }
    var destination = target(link);
    if (!destination) { return; }
    hide();
    /* The link itself still scrolls to its target (and sets :target); then focus goes there too. */
    var focused = link.classList.contains("footnote-backref") ? destination.querySelector("a.footnote-ref") || destination : destination;
    window.setTimeout(function () { focusOn(focused); }, 0);
  });

  /* ---- Previews ---- */
  var preview = null;
  var owner = null;

  function hide() {
    if (preview) { preview.remove(); }
    if (owner) { owner.removeAttribute("aria-describedby"); }
    preview = owner = null;
  }

  function show(link) {
    if (!previewScreen.matches || owner === link) { return; }
    var note = target(link);
    if (!note || isSidenote(note)) { return; }
    hide();
    preview = document.createElement("div");
    preview.className = "note-preview";
    preview.id = "note-preview";
    preview.setAttribute("role", "tooltip");
    Array.prototype.forEach.call(note.childNodes, function (child) { preview.appendChild(child.cloneNode(true)); });
    preview.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    document.body.appendChild(preview);
    var box = link.getBoundingClientRect();
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - preview.offsetWidth - 16);
    preview.style.left = Math.max(8, left) + "px";
    preview.style.top = (window.scrollY + box.bottom + 6) + "px";
    owner = link;
    link.setAttribute("aria-describedby", "note-preview");
  }

  document.querySelectorAll("a.footnote-ref").forEach(function (link) {
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("mouseleave", function () { setTimeout(function () { if (preview && !preview.matches(":hover")) { hide(); } }, 200); });
    link.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { hide(); } });
  document.addEventListener("mouseover", function (event) {
    if (preview && !preview.contains(event.target) && event.target !== owner) { hide(); }
  });
}());
