// The query side of search in the officers' own words, added to Material's search worker at
// build time (worker.py; the data, psTable and the word lists, from words.py). The page's
// search-input.js shows the notes. Comments here stay in the shipped worker: keep them short.

// The query less its question words, generic suffixes cut off ("扫黑除恶工作" -> "扫黑除恶 工作").
function psStrip(t) {
  let s = t.replace(psAsk, " ").trim();
  for (let o; s && (o = s.replace(psAskEnd, "").trim()) !== s && o;) s = o;
  s = s.replace(/\p{sc=Han}+/gu, r => {
    let out = [];
    for (;;) {
      let g = psSuffix.find(x => r.length - x.length >= 2 && r.endsWith(x));
      if (!g) break;
      if (g !== "化") out.unshift(g);
      r = r.slice(0, r.length - g.length);
    }
    return [r, ...out].join(" ");
  });
  return s || t.trim();
}

// The query as typed, then one variant per report term of each officer's word in it (not
// where the query holds a term already), then all such words replaced at once. The query as
// typed is off where an officer's word lies in no indexed word (one starting up to four
// characters before it): cut into characters, it matched names by prefix.
function psVariants(t, ix) {
  let v = [{q: t}], all = t, words = 0;
  for (let i = 0; i < t.length;) {
    let w = null;
    for (let n = Math.min(psLongest, t.length - i); n >= 2; n--)
      if (Object.prototype.hasOwnProperty.call(psTable, t.substr(i, n))) { w = t.substr(i, n); break; }
    if (!w || psTable[w].some(([term]) => t.includes(term))) { i++; continue; }
    for (let [term, link] of psTable[w])
      if (v.length < psMost) v.push({q: t.slice(0, i) + " " + term + " " + t.slice(i + w.length), via: [w, term, link]});
    all = all.replace(w, " " + psTable[w][0][0] + " ");
    words++;
    let k = Math.max(0, i - 4);
    while (k <= i && !psStarts(ix, t.slice(k, i + w.length))) k++;
    if (k > i) v[0].off = true;
    i += w.length;
  }
  if (words > 1 && v.length < psMost) v.push({q: all, via: null});
  return v;
}

// Material's search, all words required (m = 1) or any (m = 0); null when nothing or refused.
// Its suggestion (a second lunr query) only where asked: once per typed query, not per variant.
function psRun(x, q, m, suggest) {
  let keep = x.options.suggest;
  x.options.suggest = keep && !!suggest;
  try { let r = x.search(q, m); return r && r.items.length ? r : null; } catch (e) { return null; }
  finally { x.options.suggest = keep; }
}

// Results of several variants by page, each variant's scores relative to its best.
function psMerge(rs) {
  let m = new Map;
  for (let r of rs) {
    let top = r.items[0][0].score || 1;
    for (let g of r.items) {
      let k = g[0].location.split("#")[0], o = m.get(k), n = g[0].score / top;
      if (!o || o.n < n) m.set(k, {g, n});
    }
  }
  return {items: [...m.values()].sort((a, b) => b.n - a.n).map(e => e.g), suggest: rs[0].suggest};
}

function psPage(g) { return g[0].location.split("#")[0]; }

function psFind(x, q) {
  if (!/\p{sc=Han}/u.test(q)) return psRun(x, q, 1, true) || psRun(x, q, 0, true) || {items: []};
  let t = psStrip(q), v = psVariants(t, x.index.invertedIndex), found = [], used = [], notes = [], r;
  for (let a of v) {
    let got = a.off ? null : psRun(x, a.q, 1, a === v[0]);
    if (got) { found.push(got); if (a.via) used.push(a.via); }
  }
  // Any of the words: the query's own (unless off) and the first report term of each
  // officer's word (every term made it slower than typing at 1,000 practices).
  let first = new Map;
  for (let a of v) if (a.via && !first.has(a.via[0])) first.set(a.via[0], a.via[1]);
  let some = () => psRun(x, [v[0].off ? "" : t, ...first.values()].join(" ").trim(), 0, true) || {items: []};
  if (found.length) {
    r = found.length > 1 ? psMerge(found) : found[0];
    if (!r.items.some(g => psPractice.test(g[0].location))) {
      // Only other pages hold every word: their first two, the practices holding some, the rest.
      let have = new Set(r.items.map(psPage));
      let more = some().items.filter(g => psPractice.test(g[0].location) && !have.has(psPage(g)));
      if (more.length) {
        r = {items: [...r.items.slice(0, 2), ...more, ...r.items.slice(2)], suggest: r.suggest};
        notes.push("含有全部词语的不是做法页面；其后是含有部分词语的做法");
      }
    }
  } else {
    r = some();
    v.forEach(a => a.via && used.push(a.via));
    if (r.items.length) notes.push("没有同时含有全部词语的结果，下面是含有其中部分词语的结果");
  }
  if (used.length && r.items.length) {
    let by = new Map;
    for (let [w, term] of used) by.set(w, [...by.get(w) || [], term]);
    notes.unshift("搜索辅助：" + [...by].map(([w, ts]) => "“" + w + "”也按" + ts.map(x => "“" + x + "”").join("、") + "查找").join("；"));
  }
  r.psNote = notes.join("。");
  return r;
}

// Material's own message has no place for a note: it goes to the page on a channel.
var psChannel = null;
try { psChannel = new BroadcastChannel("ps-search"); } catch (e) { /* no channel (file://): no notes */ }

function psSearch(x, q) {
  let r = psFind(x, q);
  if (psChannel) psChannel.postMessage({query: q, note: r.psNote || ""});
  return r;
}
