"""Material's search worker, with its Chinese query segmentation fixed.

Material cuts a Han query into words the index knows (``segment`` in
src/templates/assets/javascripts/integrations/search/query/segment/index.ts): for each
position it looks for the longest indexed word, but only among words that end *before* the
query's last character (``j < query.length``), and it stops at the first position where no
word starts. So the last word of a query was never a word: 助企纾困 searched for 助企 alone
and tied with 助企双引, 外籍人才 for 外籍. The fix, made where the fault is (the worker file
the site ships, patched at build time, not one query at a time):

- a word may end at the query's end;
- a position where no indexed word starts is stepped over, not the end of the query;
- the rest of a query that an indexed word starts with is one term, not cut further;
- a query in which no word is found is searched as typed (Material's own fallback);
- the words of a Chinese query are first all required (lunr's ``+``), so the section that
  holds every word a query names outranks pages that hold one of them in a title (派出所
  标准化建设 found 公安大脑建设 first); only when no section holds them all are they searched
  as any-of, as before. Measured: 98.8 -> 99.4 % on tests/search_queries.yml, 96 -> 100 % on
  50 unseen 做法要点 phrases (README).

``patch`` refuses a worker it does not recognise, so a Material upgrade that changes the
function stops the build here instead of silently shipping the old behaviour.
"""
from __future__ import annotations

import fnmatch
import re

WORKER = "assets/javascripts/workers/search.*.min.js"

# The minified segment(query, index) of Material 9.x: its signature and its hotfix return.
_SEGMENT = re.compile(
    r'function (?P<name>[\w$]+)\((?P<q>[\w$]+),(?P<i>[\w$]+)\)\{let [\w$]+=new Set,[\w$]+=new Uint16Array\('
    r'(?P=q)\.length\);.*?return [\w$]+\.has\(""\)\?new Set\(\[(?P=q)\]\):[\w$]+\}', re.S)

# c[p]: length of the longest indexed word starting at p (ending anywhere up to the end);
# k: positions still to cut from; r: the words, as Material's caller expects (a Set).
# Where the rest of the query is an indexed word or the start of one (驻企警官 of the name
# 驻企警官制, kept whole in the index), it stays one term: the query's last word is
# prefix-matched anyway, and its pieces (驻, 企) would match every page holding them.
# The index's words, sorted once per index (a WeakMap), find such a word by bisection.
_FIXED = (
    "var psWords=new WeakMap;"
    "function psStarts(e,w){{let a=psWords.get(e);if(!a)psWords.set(e,a=Object.keys(e).sort());"
    "let l=0,h=a.length;for(;l<h;){{let m=l+h>>1;a[m]<w?l=m+1:h=m}}return l<a.length&&a[l].startsWith(w)}}"
    "function {name}(t,e){{let n=t.length,c=new Uint16Array(n),r=new Set,v=new Set,k=[0];"
    "for(let s=0;s<n;s++)for(let o=s+1;o<=n;o++)t.slice(s,o)in e&&(c[s]=o-s);"
    "for(;k.length;){{let p=k.pop();if(p>=n||v.has(p))continue;v.add(p);"
    "if(n-p>1&&psStarts(e,t.slice(p))){{r.add(t.slice(p));continue}}"
    "if(!c[p]){{k.push(p+1);continue}}"
    "for(let q=1;q<c[p];q++)c[p+q]>c[p]-q&&(r.add(t.slice(p,p+q)),k.push(p+q));"
    "r.add(t.slice(p,p+c[p]));k.push(p+c[p])}}"
    "return r.size?r:new Set([t])}}"
)


# Search.search(query): where the Han runs of the query are cut and joined for lunr.
_SEARCH = re.compile(
    r'search\((?P<q>[\w$]+)\)\{if\((?P=q)=(?P=q)\.replace\(new RegExp\("\\\\p\{sc=Han\}\+","gu"\),'
    r'(?P<s>[\w$]+)=>\[\.\.\.(?P<seg>[\w$]+)\((?P=s),this\.index\.invertedIndex\)\]\.join\("\* "\)\)')
# search(q) is psSearch (below): variants of the query, each first with all its words
# required (+word*), then any-of. psAll: 1 all words required, 0 any of them (Material's).
# Generic words (工作, 管理 …: psGeneric) are never required and, in any-of, left out, unless
# the query holds nothing else. The required words stand apart from whatever touches them
# (“百日行动” typed with its marks), or lunr reads the mark and the + as one term.
_ALL_FIRST = (
    'search({q},psAll){{if(psAll===void 0)return psSearch(this,{q});'
    'let psIx=this.index.invertedIndex,psR=[];{q}.replace(new RegExp("\\\\p{{sc=Han}}+","gu"),'
    '{s}=>(psR.push(...{seg}({s},psIx)),{s}));let psK=psR.some(psW=>!psGeneric.has(psW));'
    r'if({q}={q}.replace(new RegExp("\\p{{sc=Han}}+","gu"),{s}=>{{let psL=[...{seg}({s},psIx)].filter(psW=>psAll||!psK||!psGeneric.has(psW));'
    'return psAll?" "+psL.map(psW=>(psK&&psGeneric.has(psW)?"":"+")+psW+"*").join(" ")+" ":psL.join("* ")}})'
)

# The query side of the officers' words (search/words.py gives the data): question words
# left out, generic suffixes cut off and made optional, each officer's word also searched as
# the report terms it stands for (not where the query holds one of them already; with two
# or more such words, also all replaced at once; the query as typed is left out where such a
# word is in no indexed word (a word that starts up to four characters before it and covers
# it: 公立学校 holds 学校): its characters would match names by prefix, 民警维权 found every
# page with 民警); the results of every variant merged by
# page, each variant's scores relative to its best, so that every variant's best page is
# near the top (a query's own words, cut into single characters, matched names by prefix
# and outscored the report terms: 两抢一盗). When no
# variant holds all its words, any of the words (the report terms too), with a note saying
# so; when only pages other than practices hold them all, the first two of those, then the
# practices that hold some of the words, then the rest. The note (psNote) goes to the page on
# the BroadcastChannel "ps-search" (Material's own message has no place for it), and
# docs/assets/javascripts/search-input.js shows it under the result count.
_QUERY_SIDE = r"""
function psStrip(t){let s=t.replace(psAsk," ").trim();for(let o;s&&(o=s.replace(psAskEnd,"").trim())!==s&&o;)s=o;
s=s.replace(/\p{sc=Han}+/gu,r=>{let out=[];for(;;){let g=psSuffix.find(x=>r.length-x.length>=2&&r.endsWith(x));if(!g)break;
if(g!=="化")out.unshift(g);r=r.slice(0,r.length-g.length)}return[r,...out].join(" ")});return s||t.trim()}
function psVariants(t,ix){let v=[{q:t}],all=t,n2=0;for(let i=0;i<t.length;){let w=null;
for(let n=Math.min(psLongest,t.length-i);n>=2;n--)if(Object.prototype.hasOwnProperty.call(psTable,t.substr(i,n))){w=t.substr(i,n);break}
if(!w||psTable[w].some(([term])=>t.includes(term))){i++;continue}
for(let[term,link]of psTable[w])v.length<psMost&&v.push({q:t.slice(0,i)+" "+term+" "+t.slice(i+w.length),via:[w,term,link]});
all=all.replace(w," "+psTable[w][0][0]+" ");n2++;let k=Math.max(0,i-4);for(;k<=i&&!psStarts(ix,t.slice(k,i+w.length));k++);k>i&&(v[0].off=!0);i+=w.length}
n2>1&&v.push({q:all,via:null});return v}
function psRun(x,q,m){try{let r=x.search(q,m);return r&&r.items.length?r:null}catch(e){return null}}
function psMerge(rs){let m=new Map;for(let r of rs){let top=r.items[0][0].score||1;for(let g of r.items){let k=g[0].location.split("#")[0],o=m.get(k),n=g[0].score/top;
(!o||o.n<n)&&m.set(k,{g,n})}}return{items:[...m.values()].sort((a,b)=>b.n-a.n).map(e=>e.g),suggest:rs[0].suggest}}
function psFind(x,q){if(!/\p{sc=Han}/u.test(q)){return psRun(x,q,1)||psRun(x,q,0)||{items:[]}}
let t=psStrip(q),v=psVariants(t,x.index.invertedIndex),found=[],used=[];for(let a of v){let r=a.off?null:psRun(x,a.q,1);r&&(found.push(r),a.via&&used.push(a.via))}
let r,notes=[],some=()=>psRun(x,[v[0].off?"":t,...v.filter(a=>a.via).map(a=>a.via[1])].join(" ").trim(),0)||{items:[]};
if(found.length){r=found.length>1?psMerge(found):found[0];
if(!r.items.some(g=>psPractice.test(g[0].location))){let o=some(),have=new Set(r.items.map(g=>g[0].location.split("#")[0])),more=o.items.filter(g=>psPractice.test(g[0].location)&&!have.has(g[0].location.split("#")[0]));
more.length&&(r={items:[...r.items.slice(0,2),...more,...r.items.slice(2)],suggest:r.suggest},notes.push("含有全部词语的不是做法页面；其后是含有部分词语的做法"))}}
else{r=some();v.forEach(a=>a.via&&used.push(a.via));
r.items.length&&notes.push("没有同时含有全部词语的结果，下面是含有其中部分词语的结果")}
if(used.length&&r.items.length){let by=new Map;for(let[w,term]of used)by.set(w,[...by.get(w)||[],term]);
notes.unshift("搜索辅助："+[...by].map(([w,ts])=>"“"+w+"”也按"+ts.map(x=>"“"+x+"”").join("、")+"查找").join("；"))}
r.psNote=notes.join("。");return r}
function psSearch(x,q){let r=psFind(x,q);psChannel&&psChannel.postMessage({query:q,note:r.psNote||""});return r}
var psChannel=typeof BroadcastChannel=="function"?new BroadcastChannel("ps-search"):null;
"""

def is_worker(src_uri: str) -> bool:
    return fnmatch.fnmatchcase(src_uri, WORKER)


def patch(js: str, words: dict | None = None) -> str:
    """The worker's source with ``segment`` and the query's cutting replaced, and the query
    side of the officers' words added (``words``: search/words.py's ``worker_data``; empty
    when None); ValueError if either function is not found exactly once."""
    from practice_site.search.words import worker_data
    fixed = _replace_once(_replace_once(js, _SEGMENT, _FIXED, "segment() function"),
                          _SEARCH, _ALL_FIRST, "search() query cutting")
    data = words if words is not None else worker_data({})
    head = "".join(f"var {name}={value};" for name, value in data.items())
    at = fixed.index("var psWords=new WeakMap")
    return fixed[:at] + head + _QUERY_SIDE.replace("\n", "") + fixed[at:]


def _replace_once(js: str, pattern: re.Pattern, template: str, what: str) -> str:
    found = list(pattern.finditer(js))
    if len(found) != 1:
        raise ValueError(f"Material's search worker: expected one {what}, found {len(found)}; "
                         "check scripts/practice_site/search/worker.py against the installed "
                         "mkdocs-material")
    m = found[0]
    return js[: m.start()] + template.format(**m.groupdict()) + js[m.end():]


def segment_source(name: str = "segment") -> str:
    """The fixed function on its own (tests run it in the browser)."""
    return _FIXED.format(name=name)


def query_side_source(data: dict[str, str]) -> str:
    """The query side on its own, with its data (tests run psStrip and psVariants in the
    browser, after ``segment_source``, which defines psStarts)."""
    return "".join(f"var {name}={value};" for name, value in data.items()) + _QUERY_SIDE.replace("\n", "")
