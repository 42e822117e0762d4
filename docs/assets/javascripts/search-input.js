// Search as the officer uses it (issue 21). A file, not inline script: the site's
// Content-Security-Policy allows script from 'self' only.
//
// 1. Material searches on keyup: text pasted with the mouse, dropped, or chosen from an
//    input method (IME) raised no keyup of its own, and the box kept saying 键入以开始搜索.
//    Here a keyup is sent for such a change, and at the end of a composition
//    (compositionend).
// 2. The search worker (scripts/practice_site/search/worker.py) says when it also looked
//    for the report's terms of an officer's word, or relaxed an all-words query that found
//    nothing ({query, note} on the BroadcastChannel "ps-search"); the note is shown under
//    the result count.
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

  // Changes that come with no keyup: pasting (menu or shortcut), dropping, the browser's
  // own corrections. Typed characters come with a keyup of their own.
  var NO_KEYUP = /^(insertFromPaste|insertFromPasteAsQuotation|insertFromDrop|insertReplacementText|insertFromYank|deleteByCut|deleteByDrag)$/;
  document.addEventListener("input", function (e) {
    if (isBox(e.target) && !e.isComposing && NO_KEYUP.test(e.inputType || "")) kick(e.target);
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
      note.style.paddingLeft = getComputedStyle(meta).paddingLeft;  // under the count
      note.style.fontSize = ".64rem";
      note.style.color = "var(--md-default-fg-color--light)";
      note.style.background = "var(--md-default-fg-color--lightest)";
      meta.insertAdjacentElement("afterend", note);
    }
    var text = data && data.note && data.query.trim() === box.value.trim() ? data.note : "";
    note.dataset.query = data && data.query || "";  // the query the note is about (tests)
    note.textContent = text;
    note.hidden = !text;
  }

  // Material creates its worker while its own script runs, before this file: the worker
  // sends its notes on a channel of the same origin instead (not under file://, where the
  // offline edition shows none).
  var channel = null;
  try { channel = new BroadcastChannel("ps-search"); } catch (e) { /* file://: no notes */ }
  if (channel) {
    channel.onmessage = function (e) {
      setTimeout(function () { showNote(e.data); }, 0);  // after Material's result count
    };
  }
  document.addEventListener("keyup", function (e) {
    if (isBox(e.target) && !e.target.value) showNote(null);
  }, true);
})();
