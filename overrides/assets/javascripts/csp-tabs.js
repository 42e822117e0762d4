// Material for MkDocs' inline script from partials/javascripts/content.html, moved into a file
// so that the Content-Security-Policy forbids inline scripts (overrides/main.html).
// tests/browser/test_csp.py checks it against the installed Material.
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}
