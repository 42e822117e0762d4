// Live reload for `mkdocs serve`, as a same-origin file: the site's Content-Security-Policy
// (script-src 'self') refuses the inline script MkDocs injects. Same protocol as MkDocs:
// /livereload/<epoch>/<id> answers with the newest build's epoch (held up to a minute
// while nothing changes); a newer one, after a good or a refused build, reloads the tab.
(function () {
  var epoch = Number(document.currentScript.dataset.epoch);
  var id = Date.now();
  var req, timer;

  function poll() {
    req = new XMLHttpRequest();
    req.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
      } else {
        timer = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    req.open("GET", "/livereload/" + epoch + "/" + id);
    req.send();
  }

  function stop() {
    if (req) req.abort();
    if (timer) clearTimeout(timer);
    req = timer = undefined;
  }

  function start() {
    if (document.visibilityState === "visible" && !req) poll();
  }

  window.addEventListener("load", start);
  window.addEventListener("visibilitychange", function () {
    document.visibilityState === "visible" ? start() : stop();
  });
  window.addEventListener("beforeunload", stop);
})();
