// Search as the officer uses it (issue 21). A file, not inline script: the site's
// Content-Security-Policy allows script from 'self' only.
//
// 1. Material searches on keyup: text pasted with the mouse, dropped, or chosen from an
//    input method (IME) raised no keyup of its own, and the box kept saying 键入以开始搜索.
//    Here a keyup is sent for every change that is not in the middle of a composition, and
//    at the end of a composition (compositionend).
// 2. The search worker (scripts/practice_site/search/worker.py) says when it also looked
//    for the report's terms of an officer's word, or relaxed an all-words query that found
//    nothing (psNote in its result message); the note is shown under the result count.
//    Material creates its worker after this file runs (on DOMContentLoaded), so wrapping
//    the Worker constructor here sees it.
(function () {
  "use strict";
  var BOX = "input.md-search__input";

  function kick(box) {
    // Material reads the value on keyup and ignores a value it has searched already.
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "Unidentified" }));
  }

  function isBox(target) {
    return target && target.matches && target.matches(BOX);
  }

  document.addEventListener("input", function (e) {
    if (isBox(e.target) && !e.isComposing) kick(e.target);
  }, true);
  document.addEventListener("compositionend", function (e) {
    if (isBox(e.target)) setTimeout(function () { kick(e.target); }, 0);
  }, true);

  function showNote(data) {
    var meta = document.querySelector(".md-search-result__meta");
    var box = document.querySelector(BOX);
    if (!meta || !box) return;
    var note = document.getElementById("ps-search-note");
    if (!note) {
      note = document.createElement("p");
      note.id = "ps-search-note";
      note.className = "ps-search-note";
      note.setAttribute("role", "status");
      note.style.margin = "0";
      note.style.padding = "0 .8rem .4rem";
      note.style.fontSize = ".64rem";
      note.style.color = "var(--md-default-fg-color--light)";
      note.style.background = "var(--md-default-fg-color--lightest)";
      meta.insertAdjacentElement("afterend", note);
    }
    var text = data && data.psNote && data.psQuery === box.value ? data.psNote : "";
    note.textContent = text;
    note.hidden = !text;
  }

  var Native = window.Worker;
  if (typeof Native !== "function") return;
  function Wrapped(url, options) {
    var worker = options === undefined ? new Native(url) : new Native(url, options);
    if (/search/.test(String(url))) {
      worker.addEventListener("message", function (e) {
        var msg = e.data;
        if (msg && msg.type === 3) {
          // After Material's own handler has written the result count.
          setTimeout(function () { showNote(msg.data); }, 0);
        }
      });
    }
    return worker;
  }
  Wrapped.prototype = Native.prototype;
  window.Worker = Wrapped;
  document.addEventListener("keyup", function (e) {
    if (isBox(e.target) && !e.target.value) showNote(null);
  }, true);
})();
