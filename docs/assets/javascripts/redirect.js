// Redirect pages for renamed practices (scripts/practice_site/render/redirects.py): go to the new
// page keeping the #anchor, which the page's meta refresh would drop. A file, not inline
// script: the site's Content-Security-Policy allows script from 'self' only.
location.replace(new URL(document.currentScript.dataset.target, location.href).href.split("#")[0] + location.hash);
