#!/usr/bin/env python3
"""How the map (render_map) scales: layout time and SVG size for N synthetic practices.

    .venv/bin/python scripts/map_bench.py 50 500 2000

Prints one line per N; writes nothing unless --out DIR (then map-N.html, to look at).
The corpus is made in memory: five themes, names of 3 to 12 Han characters, two curated
relations per practice on average (a third of them across themes), one in ten a campaign.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from practice_site.corpus.model import Corpus, Kind, Practice, Relation, RelationKind, Theme  # noqa: E402
from practice_site.render.map import layout, legend, svg  # noqa: E402

HAN = "警网融合智治银联动反诈租安心项目官制三鹰人才培育驻企多元化解矛盾纠纷电信打击治理平安护航发展现代队伍建设"
THEMES = ("anbao-wending", "fuwu-fazhan", "daji-fangfan", "xiandai-jingwu", "duiwu-jianshe")
RELATIONS = {"supports": ("为其提供支撑", "以其为支撑"), "complements": ("相互配套", "相互配套"),
             "part-of": ("是其组成部分", "包含"), "same-goal": ("目标相同", "目标相同")}


def synthetic(n: int, seed: int = 7) -> Corpus:
    rnd = random.Random(seed)
    themes = {t: Theme(t, f"主题{i + 1}", "", ()) for i, t in enumerate(THEMES)}
    ids = [f"p{i:04d}" for i in range(n)]
    theme_of = {pid: THEMES[i * len(THEMES) // n] for i, pid in enumerate(ids)}
    practices = {}
    for i, pid in enumerate(ids):
        name = "".join(rnd.choice(HAN) for _ in range(rnd.randint(3, 12))) + str(i)
        related = []
        for _ in range(rnd.choice((0, 1, 2, 2, 3, 4))):
            same = [q for q in ids if theme_of[q] == theme_of[pid] and q != pid]
            pool = same if rnd.random() < 0.67 and same else ids
            target = rnd.choice(pool)
            if target != pid:
                related.append(Relation(target, rnd.choice(sorted(RELATIONS))))
        practices[pid] = Practice(pid, name, (), "campaign" if i % 10 == 0 else "practice",
                                  theme_of[pid], (), f"第{i}项做法的概述。", (), (), tuple(related),
                                  (), f"synthetic/{pid}.yml")
    kinds = {"practice": Kind("practice", "做法"), "campaign": Kind("campaign", "专项行动")}
    rels = {k: RelationKind(k, a, b) for k, (a, b) in RELATIONS.items()}
    return Corpus({}, practices, themes, {}, rels, kinds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[50, 500, 2000])
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    for n in args.sizes:
        corpus = synthetic(n)
        t0 = time.perf_counter()
        lay = layout(corpus)
        t1 = time.perf_counter()
        drawing = svg(lay, corpus)
        t2 = time.perf_counter()
        print(f"{n:5d} practices, {len(lay.edges):5d} relations: layout {1000 * (t1 - t0):7.1f} ms, "
              f"svg {1000 * (t2 - t1):7.1f} ms, {len(drawing.encode()) / 1024:7.1f} KiB, "
              f"{lay.width:.0f} x {lay.height:.0f} px")
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"map-{n}.html").write_text(
                f'<meta charset="utf-8"><div class="ps-map">{legend(corpus)}{drawing}</div>',
                encoding="utf-8")


if __name__ == "__main__":
    main()
