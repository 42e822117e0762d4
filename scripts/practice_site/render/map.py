"""The map (关系图): every practice as a box, grouped by theme, curated relations as arrows.

Drawn at build time as inline SVG by this module: no script, no CDN, nothing for an
intranet browser to fetch, and the same picture on every build (a deterministic layout,
not a force simulation, so a trainer's screenshot stays true). Layout is a grid per theme,
neighbours placed next to each other (breadth-first over the theme's own relations); the
cost is linear in practices + relations: 500 practices lay out in about 0.3 s (see
``scripts/map_bench.py``).

The SVG is drawn here; the page around it is templates/map.html, whose list under the map
repeats every link in text.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from practice_site.corpus.model import Corpus, Practice
from practice_site.render.index_pages import pinyin_key
from practice_site.render.page import Page, render_page
from practice_site.render.urls import built_url, uris

NODE_W, NODE_H = 170, 30
GAP_X, GAP_Y = 14, 12
PAD, HEAD = 14, 34
PANEL_GAP = 24
MAX_WIDTH = 1160
"""Panels wrap to a new row past this width (px): the content column of a wide screen."""
COLOURS = ("#3949ab", "#e65100", "#2e7d32", "#ad1457", "#00838f", "#6d4c41", "#5e35b1", "#9e9d24")


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)


@dataclass(frozen=True)
class Edge:
    source: str
    """Practice id that declares the relation."""
    target: str
    kind: str
    """Relation kind id."""


@dataclass(frozen=True)
class MapLayout:
    width: float
    height: float
    panels: dict[str, Box]
    """Theme id -> its panel."""
    nodes: dict[str, Box]
    """Practice id -> its box."""
    edges: tuple[Edge, ...]
    """Curated relations, one per pair and kind (A complements B declared twice: one edge)."""


def _order(members: list[Practice], adjacent: dict[str, set[str]]) -> list[Practice]:
    """Breadth-first over relations inside the theme, so related boxes sit side by side."""
    by_id = {p.id: p for p in members}
    key = {p.id: pinyin_key(p.name) for p in members}
    inner = {p.id: sorted((n for n in adjacent.get(p.id, ()) if n in by_id), key=key.__getitem__)
             for p in members}
    seen: set[str] = set()
    out: list[Practice] = []
    for start in sorted(by_id, key=lambda i: (-len(inner[i]), key[i])):
        if start in seen:
            continue
        seen.add(start)
        queue = [start]
        while queue:
            pid = queue.pop(0)
            out.append(by_id[pid])
            for n in inner[pid]:
                if n not in seen:
                    seen.add(n)
                    queue.append(n)
    return out


def layout(corpus: Corpus) -> MapLayout:
    edges: dict[tuple[frozenset[str], str], Edge] = {}
    adjacent: dict[str, set[str]] = {}
    for p in sorted(corpus.practices.values(), key=lambda p: p.id):
        for r in p.related:
            if r.target in corpus.practices:
                edges.setdefault((frozenset((p.id, r.target)), r.kind), Edge(p.id, r.target, r.kind))
                adjacent.setdefault(p.id, set()).add(r.target)
                adjacent.setdefault(r.target, set()).add(p.id)
    panels: dict[str, Box] = {}
    nodes: dict[str, Box] = {}
    x = y = row_h = width = 0.0
    for tid in corpus.themes:
        members = _order([p for p in corpus.practices.values() if p.theme == tid], adjacent)
        cols = max(1, min(len(members), math.ceil(math.sqrt(len(members) / 2.5))))
        rows = max(1, math.ceil(len(members) / cols))
        w = 2 * PAD + cols * NODE_W + (cols - 1) * GAP_X
        h = HEAD + PAD + rows * NODE_H + (rows - 1) * GAP_Y
        if x > 0 and x + w > MAX_WIDTH:
            x, y, row_h = 0.0, y + row_h + PANEL_GAP, 0.0
        panels[tid] = Box(x, y, w, h)
        for i, p in enumerate(members):
            col, row = i % cols, i // cols
            nodes[p.id] = Box(x + PAD + col * (NODE_W + GAP_X), y + HEAD + row * (NODE_H + GAP_Y),
                              NODE_W, NODE_H)
        x += w + PANEL_GAP
        row_h = max(row_h, h)
        width = max(width, x - PANEL_GAP)
    return MapLayout(width, y + row_h, panels, nodes, tuple(edges.values()))


def _attr(text: str) -> str:
    return str(escape(" ".join(text.split())))


def _label(name: str, room: float, size: float = 13) -> str:
    """``name`` cut with … to fit ``room`` px (a Han character is about ``size`` wide)."""
    width = 0.0
    for i, ch in enumerate(name):
        width += size if ord(ch) > 0x2E80 else size * 0.55
        if width > room:
            return name[: max(i - 1, 1)] + "…"
    return name


def _clip(box: Box, toward: tuple[float, float]) -> tuple[float, float]:
    """Where the line from the box's centre toward a point leaves the box."""
    cx, cy = box.centre
    dx, dy = toward[0] - cx, toward[1] - cy
    if dx == dy == 0:
        return cx, cy
    t = min(box.w / 2 / abs(dx) if dx else math.inf, box.h / 2 / abs(dy) if dy else math.inf)
    return cx + dx * min(t, 1), cy + dy * min(t, 1)


def svg(lay: MapLayout, corpus: Corpus, me: str = uris.map, directory_urls: bool = True) -> Markup:
    kinds = sorted(corpus.relation_kinds)
    colour = {k: COLOURS[i % len(COLOURS)] for i, k in enumerate(kinds)}
    w, h = math.ceil(lay.width) + 2, math.ceil(lay.height) + 2
    out = [f'<svg class="ps-map-svg" xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
           f'viewBox="-1 -1 {w} {h}" role="group" aria-label="做法关系图">', "<defs>"]
    for k in kinds:
        out.append(f'<marker id="ps-arrow-{k}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
                   f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" '
                   f'fill="{colour[k]}"/></marker>')
    out.append("</defs>")
    for tid, b in lay.panels.items():
        t = corpus.themes[tid]
        n = sum(1 for p in corpus.practices.values() if p.theme == tid)
        out.append(f'<g class="ps-panel"><rect x="{b.x:.0f}" y="{b.y:.0f}" width="{b.w:.0f}" '
                   f'height="{b.h:.0f}" rx="8"/><a href="{built_url(me, uris.theme(tid), directory_urls)}">'
                   f'<text x="{b.x + PAD:.0f}" y="{b.y + 22:.0f}">{_attr(t.name)}（{n}）</text></a></g>')
    out.append('<g class="ps-edges">')
    incident: dict[str, list[str]] = {}
    for i, e in enumerate(lay.edges):
        a, b = lay.nodes[e.source], lay.nodes[e.target]
        (ax, ay), (bx, by) = a.centre, b.centre
        # A slight bend keeps edges along one row or column from running through boxes.
        mx, my = (ax + bx) / 2 - (by - ay) * 0.18, (ay + by) / 2 + (bx - ax) * 0.18
        (x1, y1), (x2, y2) = _clip(a, (mx, my)), _clip(b, (mx, my))
        rk = corpus.relation_kinds[e.kind]
        arrow = "" if rk.label == rk.inverse else f' marker-end="url(#ps-arrow-{e.kind})"'
        tip = f"{corpus.practices[e.source].name} → {corpus.practices[e.target].name}：{rk.shown()}"
        dash = ' stroke-dasharray="5 4"' if rk.editorial else ""  # the editors' reading: dashed
        out.append(f'<path id="ps-e{i}" d="M{x1:.0f},{y1:.0f}Q{mx:.0f},{my:.0f} {x2:.0f},{y2:.0f}" '
                   f'fill="none" stroke="{colour[e.kind]}"{dash}{arrow}><title>{_attr(tip)}</title></path>')
        incident.setdefault(e.source, []).append(f'<use href="#ps-e{i}"/>')
        incident.setdefault(e.target, []).append(f'<use href="#ps-e{i}"/>')
    out.append("</g>")
    for pid, b in lay.nodes.items():
        p = corpus.practices[pid]
        cls = "ps-node ps-campaign" if p.kind == "campaign" else "ps-node"
        # Hovering a box shows its own relations on top and fades the others (CSS only,
        # site.css): what keeps 500 boxes and their relations legible.
        out.append(f'<g class="ps-node-g"><g class="ps-hl">{"".join(incident.get(pid, ()))}</g>'
                   f'<a class="{cls}" href="{built_url(me, uris.practice(pid), directory_urls)}">'
                   f"<title>{_attr(p.name + '：' + p.summary)}</title>"
                   f'<rect x="{b.x:.0f}" y="{b.y:.0f}" width="{b.w:.0f}" height="{b.h:.0f}" rx="4"/>'
                   f'<text x="{b.x + b.w / 2:.0f}" y="{b.y + 20:.0f}">{_attr(_label(p.name, b.w - 14))}</text></a></g>')
    out.append("</svg>")
    return Markup("\n".join(out))


def legend(corpus: Corpus, used: set[str] | None = None) -> Markup:
    """The relation kinds drawn (``used``; all if None), in the colours ``svg`` gives them."""
    kinds = sorted(corpus.relation_kinds)
    items = []
    for i, k in enumerate(kinds):
        if used is not None and k not in used:
            continue  # a kind no edge has would only make a reader look for it
        rk = corpus.relation_kinds[k]
        arrow = "" if rk.label == rk.inverse else " →"
        dashed = "（虚线）" if rk.editorial else ""
        items.append(f'<span class="ps-legend-item"><span class="ps-swatch" '
                     f'style="background:{COLOURS[i % len(COLOURS)]}"></span>'
                     f'{_attr(rk.shown())}{arrow}{dashed}</span>')
    return Markup('<p class="ps-map-legend">' + "".join(items) + "</p>")


def render_map(corpus: Corpus, directory_urls: bool = True) -> Page:
    lay = layout(corpus)
    targets: dict[str, list[tuple[str, str]]] = {}
    for e in lay.edges:
        targets.setdefault(e.source, []).append((e.target, corpus.relation_kinds[e.kind].shown()))
    themes = [(tid, t, [corpus.practices[pid] for pid in lay.nodes if corpus.practices[pid].theme == tid])
              for tid, t in corpus.themes.items()]
    # No sidebars: the map needs the width (it scrolls inside its frame when wider still).
    # Out of search: every name and summary is on it, so it would answer every query.
    return render_page(
        "map.html", uris.map, {"title": "做法关系图", "description": "全部做法按主题分区，连线为编者整理的关系。",
                               "hide": ["navigation", "toc"], "search": {"exclude": True}},
        directory_urls, heading="做法关系图", n_practices=len(corpus.practices), n_edges=len(lay.edges),
        legend=legend(corpus, {e.kind for e in lay.edges}), svg=svg(lay, corpus, uris.map, directory_urls),
        themes=themes, targets=targets, practices=corpus.practices)
