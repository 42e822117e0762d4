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
from pathlib import Path

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
    r'if({q}={q}.replace(new RegExp("\\p{{sc=Han}}+","gu"),{s}=>{{let psL=[...{seg}({s},psIx)]'
    '.filter(psW=>psAll||!psK||!psGeneric.has(psW));'
    'return psAll?" "+psL.map(psW=>(psK&&psGeneric.has(psW)?"":"+")+psW+"*").join(" ")+" ":psL.join("* ")}})'
)

# The query side of the officers' words (query_side.js; search/words.py gives the data):
# question words left out, generic suffixes cut off and made optional, each officer's word
# also searched as the report terms it stands for, the variants' results merged by page
# (each variant's scores relative to its best, so that a variant's best page comes near the
# top: 两抢一盗 cut into characters matched names by prefix and outscored 抢劫 and 盗窃). When
# no variant holds all its words, any of the words (the report terms too), with a note; when
# only pages other than practices hold them all, the first two of those, then the practices
# that hold some of the words. The notes go to the page on the BroadcastChannel "ps-search"
# (Material's result message has no place for them); docs/assets/javascripts/search-input.js
# shows them under the result count.
_QUERY_SIDE = (Path(__file__).parent / "query_side.js").read_text(encoding="utf-8")


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
    return fixed[:at] + head + "\n" + _QUERY_SIDE + fixed[at:]


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
    return "".join(f"var {name}={value};" for name, value in data.items()) + "\n" + _QUERY_SIDE
