/* Note previews: on wide screens, hovering or focusing a note number shows the note beside it.
   Progressive enhancement: without this script the number is an ordinary link to the note. */
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 60rem) and (hover: hover)");
  var preview = null;
  var owner = null;

  function hide() {
    if (preview) { preview.remove(); }
    if (owner) { owner.removeAttribute("aria-describedby"); }
    preview = owner = null;
  }

  function show(link) {
    if (!wide.matches || owner === link) { return; }
    var note = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!note) { return; }
    hide();
    preview = document.createElement("div");
    preview.className = "note-preview";
    preview.id = "note-preview";
    preview.setAttribute("role", "tooltip");
    preview.innerHTML = note.innerHTML;
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
