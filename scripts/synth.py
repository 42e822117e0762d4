#!/usr/bin/env python3
"""A synthetic data folder of N practices, for the benchmark only (never site data).

    python3 scripts/synth.py 1000 --out /tmp/corpus-1000 [--seed 7]

It has the shape of the real ``data/``: reports of about 50 practices each (a district's
annual report), five parts per report (one per theme), one item per practice whose
sentences name it, give how it works and a masked figure (``*****起``, ``**％``), and now
and then name a related practice; records whose quotes occur verbatim in those reports
(so the fidelity checks pass), relations, tags, kinds and glossary terms. The same N and
seed give the same bytes.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PER_REPORT = 50
CN = "零一二三四五六七八九"

THEMES = [  # (id, name, part heading, description)
    ("anbao-wending", "平安稳定", "以重大活动安保为主线，坚决维护社会大局平安稳定",
     "安保维稳、矛盾化解、公共安全的做法。"),
    ("fuwu-fazhan", "护航发展", "以服务发展为目标，精准护航经济社会稳进提质",
     "服务企业、优化营商环境、便民服务的做法。"),
    ("daji-fangfan", "打击防范", "以打击整治为抓手，全力守护群众安居乐业", "打击犯罪、治安整治、群防群治的做法。"),
    ("xiandai-jingwu", "现代警务", "以数字化改革为引领，加快构建现代警务体系", "指挥、基层所队、数字化改革项目。"),
    ("duiwu-jianshe", "队伍建设", "以政治建警为根本，锻造忠诚干净担当公安铁军", "政治建警、纪律作风、能力素质的做法。"),
]
TAGS = [("fanzha", "反诈"), ("maodun", "矛盾纠纷"), ("huqi", "服务企业"), ("wangge", "网格治理"),
        ("qunfang", "群防群治"), ("jiceng", "基层基础"), ("shuzi", "数字化改革"), ("shidian", "试点"),
        ("daji", "打击犯罪"), ("zhian", "治安管理"), ("duiwu", "队伍建设"), ("rencai", "人才培养"),
        ("jiaotong", "交通管理"), ("xiaofang", "消防安全"), ("jingqing", "警情处置"), ("xuanchuan", "宣传发动"),
        ("zhihui", "指挥调度"), ("shequ", "社区警务"), ("xiaoyuan", "校园安全"), ("jinrong", "金融安全"),
        ("wangluo", "网络安全"), ("jindu", "禁毒"), ("churujing", "出入境"), ("huzheng", "户政服务")]
KINDS = [("practice", "做法"), ("mechanism", "工作机制"), ("system", "制度"), ("project", "项目"),
         ("pilot", "试点"), ("campaign", "专项行动")]
# Only the kinds that need no quote: a stated kind needs a phrase naming both practices,
# which generated reports do not have. An editorial relation needs a note.
RELATIONS = [("listed-with", "报告中并列提及", "报告中并列提及", "listing"),
             ("editors-link", "编者关联", "编者关联", "editorial")]

# Name = “core” + suffix; cores are two two-character words, so names never nest.
WORD_A = ["平安", "智慧", "枫桥", "红色", "阳光", "连心", "警民", "便民", "清风", "铁军", "蓝盾", "守护",
          "护航", "融合", "共治", "先锋", "暖心", "安居", "护企", "数智", "网格", "群防", "亲清", "同心"]
WORD_B = ["管家", "哨兵", "驿站", "卫士", "e站", "联盟", "课堂", "工坊", "小院", "通道", "方舱", "热线",
          "码上办", "夜巡", "前哨", "纽带", "港湾", "雷达", "闭环", "先锋队", "网络", "云台", "指数", "护照"]
SUFFIX = [("工作法", "practice"), ("机制", "mechanism"), ("制度", "system"), ("项目", "project"),
          ("试点", "pilot"), ("专项行动", "campaign")]
VERBS = ["深化", "推进", "创新", "健全", "完善", "落实", "强化", "构建", "优化", "拓展", "探索", "压实"]
OBJECTS = ["矛盾纠纷排查化解", "社区警务", "治安防控体系", "反诈宣传", "重点人员管控", "警情分级处置",
           "警保联控", "巡防力量整合", "情报研判", "窗口服务", "企业走访", "流动人口服务管理",
           "校园周边整治", "交通秩序管理", "消防隐患排查", "出租房屋管理", "寄递物流安全检查",
           "民警教育培训", "执法监督", "网格员发动", "视频巡查", "重点场所检查", "夜间巡逻",
           "涉企案件办理", "户籍业务办理", "心理疏导", "警务数据共享", "派出所规范化建设"]
HOW_TAIL = ["工作闭环", "责任清单", "联席会商机制", "“一站式”受理模式", "分级预警模型", "日研判制度",
            "“接、处、调、督、管”流程", "双向反馈机制", "积分考核办法", "场景应用", "专班运行模式",
            "“一企一策”服务措施", "“白名单”办理措施", "“错时”服务制度", "全链条打击模式"]
PLACES = ["辖区", "全区", "各派出所", "重点区域", "城乡接合部", "商圈", "园区", "校园周边", "交通枢纽"]
COUNTS = [("排查化解矛盾纠纷", "起"), ("破获各类案件", "起"), ("抓获违法犯罪嫌疑人", "名"),
          ("劝阻潜在受害群众", "人次"), ("走访企业", "余家"), ("帮助解决困难", "个"),
          ("投入警力", "余人次"), ("整改隐患", "处"), ("办理业务", "件"), ("开展宣传", "场")]
MASKS = ["*", "**", "***", "****", "*****"]
METRICS = ["化解率", "破案率", "群众满意率", "办结率", "整改率"]
TRENDS = ["同比上升", "同比下降", "环比上升"]
UNITS = ["**区公安分局", "**县公安局", "**市公安局**分局", "**区公安分局（**）", "**县公安局（**）"]
TITLES = ["在全市公安工作总结大会上的汇报发言", "年度公安工作总结", "公安工作情况汇报", "全年工作总结和来年工作思路"]
GLOSS_VERBS = "联包访查防管帮控调宣"


def cn(n: int) -> str:
    """1 -> 一, 12 -> 十二, 23 -> 二十三 (the ordinals report.py reads)."""
    if n < 10:
        return CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN[tens]) + "十" + (CN[ones] if ones else "")


class Synth:
    def __init__(self, n: int, seed: int):
        self.n, self.rnd = n, random.Random(seed)
        self.used: set[str] = set()

    def fresh(self, make) -> str:
        """A generated phrase not used before (quotes resolve to their own sentence)."""
        for _ in range(50):
            s = make()
            if s not in self.used:
                self.used.add(s)
                return s
        s = make() + f"（第{len(self.used)}项）"
        self.used.add(s)
        return s

    def names(self) -> list[tuple[str, str, str]]:
        """(id, name, kind) for N practices; distinct cores, so no name contains another."""
        cores = [(a, b, i, j) for i, a in enumerate(WORD_A) for j, b in enumerate(WORD_B)]
        self.rnd.shuffle(cores)
        out = []
        for k in range(self.n):
            a, b, i, j = cores[k % len(cores)]
            suffix, kind = SUFFIX[(k // len(cores) + i + j) % len(SUFFIX)]
            # Past every core with every suffix (3,456 names), a phase word keeps names
            # distinct and still not inside one another: “平安管家二期”机制.
            phase = k // (len(cores) * len(SUFFIX))
            core = a + b + (f"{cn(phase + 1)}期" if phase else "")
            out.append((f"p{k + 1:04d}-{kind}-{i}-{j}", f"“{core}”{suffix}", kind))
        return out

    def how_phrase(self) -> str:
        r = self.rnd
        return self.fresh(lambda: f"{r.choice(VERBS)}{r.choice(PLACES)}{r.choice(OBJECTS)}{r.choice(HOW_TAIL)}")

    def generate(self, out: Path) -> None:
        r = self.rnd
        names = self.names()
        n_reports = max(1, -(-self.n // PER_REPORT))
        reports: list[tuple[str, list[int]]] = []  # (report id, practice indexes)
        for k in range(n_reports):
            members = list(range(k * PER_REPORT, min(self.n, (k + 1) * PER_REPORT)))
            reports.append((f"synth-{2019 + k % 6}-{k + 1:03d}", members))
        theme_of = [r.randrange(len(THEMES)) for _ in range(self.n)]
        related = {i: sorted(set(r.sample(range(self.n), min(self.n - 1, r.randint(0, 3)))) - {i})
                   for i in range(self.n)}
        records: list[dict] = []
        glossary: dict[str, dict] = {}
        (out / "practices").mkdir(parents=True)
        (out / "reports").mkdir()
        # listed-with only where a sentence names both (the intro's highlights, an evidence phrase).
        side_by_side = {i: set(members[:3]) for _, members in reports for i in members[:3]}
        for k, (rid, members) in enumerate(reports):
            year = 2019 + k % 6
            title = TITLES[k % len(TITLES)]
            highlights = "、".join(names[i][1] for i in members[:3])
            lines = [title, "", "尊敬的**局长，各位领导，同志们：",
                     f"{year}年以来，全区公安机关坚持稳中求进，推动公安工作和队伍建设取得新成效。"
                     f"分局荣获市级以上集体及个人荣誉{r.randint(10, 99)}项；{highlights}等特色亮点工作被多家媒体报道。"]
            for t, (tid, tname, heading, _) in enumerate(THEMES):
                part = [f"{cn(t + 1)}、{heading}。"]
                mine = [i for i in members if theme_of[i] == t]
                for item, i in enumerate(mine, 1):
                    pid, name, kind = names[i]
                    how = [self.how_phrase() for _ in range(r.randint(2, 3))]
                    verb, unit = r.choice(COUNTS)
                    mask, pct = r.choice(MASKS), r.choice(["**％", "*％", f"{r.randint(1, 99)}.{r.randint(0, 9)}％"])
                    figure = f"{mask}{unit}"
                    outcome = f"{name}实施以来，共{verb}{figure}"
                    measures = f"{verb}数（数值原文隐去）" if "*" in mask else verb
                    part.append(f"{cn(item)}是{name}。")
                    part.append(f"坚持问题导向，{how[0]}，{'，'.join(how[1:])}，有力提升了{r.choice(PLACES)}治理效能。")
                    part.append(f"{outcome}，{r.choice(METRICS)}{r.choice(TRENDS)}{pct}。")
                    evidence = []
                    if related[i] and r.random() < 0.5:
                        other = names[related[i][0]][1]
                        phrase = self.fresh(lambda o=other: f"与{o}相互衔接，{r.choice(VERBS)}{r.choice(OBJECTS)}")
                        part.append(f"{phrase}，形成工作合力。")
                        evidence.append(phrase)
                    if i == 0 or r.random() < 0.05:  # at least one term
                        g = self.fresh(lambda: "".join(cn(r.randint(2, 5)) + r.choice(GLOSS_VERBS) for _ in range(2)))
                        meaning = "、".join(f"{r.choice(VERBS)}{r.choice(OBJECTS)}" for _ in range(2))
                        quote = f"“{g}”（{meaning}）"
                        part.append(f"推行{quote}工作法，筑牢{r.choice(PLACES)}平安防线。")
                        glossary[f"g-{len(glossary) + 1:04d}"] = {"term": g, "meaning": meaning,
                                                                  "source": "report", "quote": quote}
                    records.append({
                        "id": pid, "name": name, "aliases": [name.replace("“", "").replace("”", "")],
                        "kind": kind, "theme": tid,
                        "tags": sorted({TAGS[(i * 7 + x * 5) % len(TAGS)][1] for x in range(r.randint(1, 3))}),
                        "summary": f"{tname}方面的{dict(KINDS)[kind]}：{how[0]}。",
                        "how": how,
                        "outcomes": [{"figure": figure, "measures": measures, "quote": outcome}],
                        "related": [relation(names[j][0], listed_or_editorial(r.choice(RELATIONS), together))
                                    for j in related[i]
                                    for together in [j in side_by_side.get(i, set()) or
                                                     (evidence and j == related[i][0])]],
                        **({"evidence": evidence} if evidence else {}),
                    })
                lines.append("".join(part))
            lines += ["汇报完毕，请各位领导批评指正。", ""]
            (out / "reports" / f"{rid}.txt").write_text("\n".join(lines), encoding="utf-8")
            dump(out / "reports" / f"{rid}.yml", {"title": title, "unit": UNITS[k % len(UNITS)],
                                                 "year": year, "kind": "年度工作汇报发言"})
        for rec in records:
            dump(out / "practices" / f"{rec['id']}.yml", rec)
        dump(out / "themes.yml", {tid: {"name": name, "description": desc,
                                        "parts": [{"report": rid, "part": t + 1} for rid, _ in reports]}
                                  for t, (tid, name, _, desc) in enumerate(THEMES)})
        dump(out / "tags.yml", {tid: {"name": name, "description": f"与{name}有关的做法。"} for tid, name in TAGS})
        dump(out / "kinds.yml", {kid: {"name": name} for kid, name in KINDS})
        dump(out / "relations.yml", {k: {"label": a, "inverse": b, flag: True} for k, a, b, flag in RELATIONS})
        dump(out / "glossary.yml", glossary)


def listed_or_editorial(kind: tuple[str, str, str, str], together: bool) -> tuple[str, str, str, str]:
    """A listing kind only for practices one sentence names together; else the editorial one."""
    return kind if together or kind[3] != "listing" else RELATIONS[1]


def relation(target: str, kind: tuple[str, str, str, str]) -> dict[str, str]:
    rel = {"id": target, "relation": kind[0]}
    return {**rel, "note": "合成数据中编者的理解。"} if kind[3] == "editorial" else rel


def dump(path: Path, value: object) -> None:
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def generate(n: int, out: Path, seed: int = 7) -> Path:
    """Write a data folder of ``n`` practices to ``out`` (replaced if it exists)."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    Synth(n, seed).generate(out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of practices")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    generate(args.n, args.out, args.seed)
    print(f"wrote {args.n} practices to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
