// The 404 page's 搜索本站 button (overrides/404.html): shown once this script runs, it opens
// the header's search box as the header's own search button does. A file, not inline
// script: the site's Content-Security-Policy allows script from 'self' only.
document.querySelectorAll("[data-ps-open-search]").forEach(function (button) {
  var opener = document.querySelector("label.md-header__button[for='__search']");
  if (!opener) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    opener.click();
    var input = document.querySelector("[data-md-component='search-query']");
    if (input) setTimeout(function () { input.focus(); }, 50);
  });
});
