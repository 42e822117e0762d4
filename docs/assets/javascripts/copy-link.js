// A visible "copy link" button beside every section heading and, on the annotated report,
// beside every sentence: trainers paste these links into course material. The anchors are
// fixed (practice sections: render_practice.SECTIONS; sentences: a hash of their text), so
// a copied link keeps working (README: "Stable URLs"). A file, not inline script: the
// site's Content-Security-Policy allows script from 'self' only.
(function () {
  var article = document.querySelector("article.md-content__inner");
  if (!article) return;

  function fallbackCopy(text) {
    // navigator.clipboard needs a secure context (https or localhost); an intranet
    // server over http has none, so copy through a selected text field.
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(field);
    return ok;
  }

  function copied(button, ok) {
    var label = button.textContent;
    button.textContent = ok ? "已复制" : "请右键复制";
    button.classList.add("ps-copied");
    setTimeout(function () { button.textContent = label; button.classList.remove("ps-copied"); }, 1500);
  }

  function button(id, what) {
    var a = document.createElement("a");
    a.className = "ps-copylink";
    a.href = "#" + id;  // without script, or right-clicked: still the link itself
    a.textContent = "复制链接";
    a.title = "复制" + what + "的链接";
    a.addEventListener("click", copier(a, id));
    return a;
  }

  function copier(a, id) {
    return function (event) {
      event.preventDefault();
      var url = location.href.split("#")[0] + "#" + id;
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () { copied(a, true); },
          function () { copied(a, fallbackCopy(url)); });
      } else {
        copied(a, fallbackCopy(url));
      }
    };
  }

  // A heading already has its link (the toc extension's, labelled 复制链接 in mkdocs.yml):
  // it is made to copy, so each heading keeps one link, reachable with Tab.
  article.querySelectorAll("h2[id], h3[id], h4[id], h5[id], h6[id]").forEach(function (h) {
    var own = h.querySelector("a.headerlink");
    if (own) {
      own.classList.add("ps-copylink");
      own.addEventListener("click", copier(own, h.id));
    } else {
      h.appendChild(button(h.id, "本节"));
    }
  });
  article.querySelectorAll(".ps-s[id]").forEach(function (s) {
    if (s.closest("h1, h2, h3, h4, h5, h6")) return;  // a heading has its own button
    s.appendChild(button(s.id, "这句话"));
  });
})();
