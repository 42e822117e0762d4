// Material for MkDocs' inline script from partials/javascripts/content.html, moved into a file
// so that the Content-Security-Policy forbids inline scripts (overrides/main.html).
// tests/browser/test_csp.py checks it against the installed Material.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
