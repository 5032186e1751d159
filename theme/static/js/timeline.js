/* Timeline filters: show only some phases or one tag (also by clicking a tag on an event) (a folded month's count then says how many of
   its events are shown); and a link to an event in a folded month opens that month. Progressive
   enhancement: without this script the form stays hidden and every event is listed (in a long
   timeline, inside months that readers open themselves). */
(function () {
  "use strict";
  var form = document.querySelector(".timeline-filter");
  if (!form) { return; }
  var events = Array.prototype.slice.call(document.querySelectorAll(".timeline-phase .timeline-event"));
  var sections = Array.prototype.slice.call(document.querySelectorAll(".timeline-period, .timeline-phase"));
  var status = form.querySelector(".timeline-filter__status");

  function hasTag(item, tag) {
    return (" " + item.getAttribute("data-tags") + " ").indexOf(" " + tag + " ") !== -1;
  }

  function apply() {
    var phases = Array.prototype.slice.call(form.querySelectorAll("input[name=phase]:checked"))
      .map(function (box) { return box.value; });
    var tag = form.elements.tag.value;
    var shown = 0;
    events.forEach(function (item) {
      var visible = phases.indexOf(item.getAttribute("data-phase")) !== -1 && (!tag || hasTag(item, tag));
      item.hidden = !visible;
      if (visible) { shown += 1; }
    });
    sections.forEach(function (section) {
      var all = section.querySelectorAll(".timeline-event").length;
      var matching = section.querySelectorAll(".timeline-event:not([hidden])").length;
      var count = section.querySelector(":scope > summary .timeline-period__count");
      section.hidden = matching === 0;
      if (count) {
        count.textContent = (matching === all ? "" : matching + " of ") + all + (all === 1 ? " event" : " events");
      }
    });
    status.textContent = shown === events.length
      ? "Showing all " + events.length + " events."
      : "Showing " + shown + " of " + events.length + " events.";
  }

  /* A link to an event or section: open its folded month, and undo filters that hide it. */
  function reveal() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) { return; }
    if (target.closest("[hidden]")) {
      form.reset();
      apply();
    }
    var folded = target.closest("details:not([open])");
    if (folded) { folded.open = true; }
    target.scrollIntoView();
  }

  /* A tag on an event filters the page to that tag (without this script it leads to the tag's list). */
  function filterByTag(event) {
    var link = event.target.closest(".timeline-phase .timeline-event__tag");
    var select = form.elements.tag;
    if (!link || !select.querySelector("option[value='" + link.getAttribute("data-tag") + "']")) { return; }
    event.preventDefault();
    select.value = link.getAttribute("data-tag");
    apply();
    form.scrollIntoView();
    select.focus();
  }

  document.addEventListener("click", filterByTag);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  window.addEventListener("hashchange", reveal);
  form.hidden = false;
  if (location.hash) { reveal(); }
}());
