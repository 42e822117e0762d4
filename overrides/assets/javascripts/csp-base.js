// Material for MkDocs' inline script from partials/javascripts/base.html, moved into a file
// so that the Content-Security-Policy forbids inline scripts (overrides/main.html).
// tests/browser/test_csp.py checks it against the installed Material.
__md_scope=new URL(document.currentScript.dataset.scope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
