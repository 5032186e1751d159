/* "Cite this page": a Copy button beside each style's reference. Progressive enhancement: without this
   script there is no button and the reference is plain, selectable text. The button copies the text as a
   reader sees it (no markup); where the clipboard is refused, the reference is selected instead so that
   Ctrl+C / Cmd+C copies it. The outcome is shown next to the button and announced (aria-live). */
(function () {
  "use strict";
  var CONFIRM_MS = 4000;

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function addButton(text) {
    var label = text.closest("dd").previousElementSibling.textContent.trim();
    var actions = document.createElement("span");
    actions.className = "cite-box__actions";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-box__copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy the " + label + " reference");
    var status = document.createElement("span");
    status.className = "cite-box__status";
    status.setAttribute("aria-live", "polite");
    actions.appendChild(button);
    actions.appendChild(status);
    text.parentElement.appendChild(actions);

    var timer;
    function show(message) {
      status.textContent = message;
      clearTimeout(timer);
      timer = setTimeout(function () { status.textContent = ""; }, CONFIRM_MS);
    }
    function fallBack() {
      selectText(text);
      show("Selected: press Ctrl+C (⌘C) to copy");
    }
    button.addEventListener("click", function () {
      var plain = text.textContent.replace(/\s+/g, " ").trim();
      if (!navigator.clipboard || !window.isSecureContext) { fallBack(); return; }
      navigator.clipboard.writeText(plain).then(function () { show("Copied"); }, fallBack);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll(".cite-box .cite-box__text"), addButton);
})();
