"""The candidate grammar as data: which words end a measure's name, which words stand before
it, and the cues that mark a phrase as a slogan, target, honour or framing rather than an
initiative. ``candidates.py`` applies these tables; change a table, not the logic, to teach
the drafter a new word.
"""
from __future__ import annotations

import re

ENDINGS = {
    # ending -> kind id (data/kinds.yml) a name with that ending most likely is
    "专项整治": "campaign", "专项行动": "campaign", "专项工作": "campaign", "攻坚行动": "campaign",
    "行动": "campaign", "活动": "practice",
    "工作机制": "mechanism", "机制": "mechanism",
    "制度": "system", "政策": "system", "公约": "system", "制": "system",
    "试点": "pilot",
    "项目": "project", "工程": "project", "场景应用": "project", "平台": "project", "模型": "project",
    "中心": "project", "改革": "project", "系统": "project",
    "体系": "practice", "模式": "practice", "工作法": "practice", "措施": "practice",
    "团队": "practice", "品牌": "practice", "工作室": "practice", "工作站": "practice",
    "服务站": "practice", "驿站": "practice", "专班": "practice", "联盟": "practice",
    "小程序": "project", "警务室": "practice", "调解室": "practice", "岗": "practice",
    "服务队": "practice", "巡逻队": "practice", "巡防队": "practice", "金名片": "practice",
}
"""How an initiative's name ends when it ends like a name (…机制, …工程, …试点)."""
NOT_ENDINGS = ("到岗", "在岗", "上岗", "离岗", "返岗", "值岗", "定岗", "转岗", "脱岗")
"""Where an ending is a verb's complement, not a name's last word (送奖到岗、到家)."""

TAILS = ("建设", "任务", "工作", "项目")
"""Generic words that may follow an ending (…试点建设, …试点任务). ``任务`` and ``工作`` are
left out of the drafted name; ``建设`` and ``项目`` stay, and the name without them becomes
an alias."""
DROPPED_TAILS = ("任务", "工作")

FOLLOWERS = set("和与及等的为、中")
"""Characters that may follow a name inside a clause (besides non-Han characters)."""

LEAD_WORDS = (
    "开展", "推进", "推行", "推动", "推出", "实施", "实行", "落实", "建立", "健全", "建成", "构建",
    "打造", "创新", "深化", "制定", "探索", "搭建", "组建", "成立", "设立", "启动", "试行", "承接",
    "承担", "坚持", "结合", "完善", "优化", "加强", "强化", "部署", "组织", "举办", "执行", "运行",
    "开通", "上线", "研发", "引入", "创建", "创设", "首创", "率先", "依托", "借助", "通过", "围绕",
    "聚焦", "开发", "升级", "迭代", "启用", "发起", "参与", "完成", "做好", "抓好", "用好", "擦亮",
    "一个", "一项", "一批", "首个", "首家", "唯一", "全面", "深入", "持续", "扎实", "积极", "大力",
    "加快", "着力", "全力", "严格", "认真", "不断", "常态化", "进一步", "确保", "有力", "细化",
    "推广", "设立", "开设", "出台", "以", "等", "的", "了", "在", "对", "把", "将", "向", "和", "与", "及", "并", "被", "由",
)
"""Words that stand *before* a name: a name starts after the last of them (``深入开展``
打击整治黄赌专项行动). Verbs, adverbs, quantifiers and function words."""

LIST_VERBS = ("开展", "推行", "推进", "实施", "实行", "落实", "坚持", "打造", "创新", "建立", "推出",
              "深化", "启动", "试行", "探索", "创建", "构建", "建成", "首创", "率先开展", "严打", "做好",
              "升级", "推广", "设立", "开设", "建设", "完成", "组建", "成立", "上线", "开通")
PRINCIPLE_VERBS = ("坚持", "围绕", "聚焦", "树牢", "践行")
"""After these a plain (unquoted) object is a principle (坚持问题导向), not an initiative."""
"""Verbs whose object list is a list of initiatives (扎实开展“甲”“乙”“丙”)."""

ENUM_HEADS = ("工作", "活动", "措施", "举措", "做法", "机制", "制度", "项目", "行动", "经验", "品牌")
ENUM_FILLERS = re.compile(r"[0-9０-９*＊]+|[特色亮点重点创新各类项个大]")
ENUM_MODIFIER = 2
"""``甲、乙、丙等特色亮点工作``: after 等, a generic head (fillers removed, then at most a
two-character modifier before one of ``ENUM_HEADS``: 暖警活动, 便民举措) makes the items
initiatives; a specific head (``等企事业单位安全检查``) makes them its objects."""

OBJECT_TAILS = ("工作", "建设")
"""A lone object is measured without these (推进食药环知森打击工作: 7 characters + 工作)."""
MAX_HEAD = 12
"""``开展甲、乙等<specific head>``: the head is a name up to this length (…等企事业单位安全检查)."""

NUMERALS = "一二两三四五六七八九十百千双"
FORMULA_NUMERALS = 2
"""A quoted term with this many numerals is a numbered formula, the usual shape of a named
practice (“一标三实”, “两队一室”, “一村一警”), unless the sentence presents it as a result."""

SHORT_REST = 4
"""“甲乙丙”+ up to this many characters (“雪亮工程”二期, “一村一辅警”全覆盖): the quoted part
is the name the report uses, so it becomes the draft's alias."""

QUOTE_TAILS = ("工作", "建设", "活动")
"""A quoted name followed by one generic word is a name as printed (“助企双引”工作)."""

GENERIC = ("各项", "各类", "一系列", "系列", "相关", "有关", "多项", "重点", "这些", "其他", "全部",
           "各", "项", "个", "类", "等", "上述")
"""Words that make a name generic (各项措施, 重点工作) when nothing else is left."""

NOT_NAMES = ("强制措施", "刑事强制措施", "行政强制措施", "工程建设", "重点工程", "重点项目")
"""Terms that end like a name but are ordinary legal or administrative words."""

GENERIC_WORDS = ("各项", "各类", "一系列", "相关", "有关", "多项", "上述", "其他", "这些")
"""A name holding one of these is a generic reference (疫情防控各项措施)."""

COUNTED = r"[0-9０-９*＊]+[名个人家起件次]"
"""A count inside a name makes it a description (由55名民警认领55个…工程)."""

MARKER = r"^([（(]?[一二三四五六七八九十0-9]+[)）、.．]|[一二三四五六七八九十]+是)"
"""A list marker at the start of a clause is not part of a name."""

COUNT_TAIL = r"[0-9０-９*＊][0-9０-９*＊.．]*[余多]?[万千]?(个|家|人|起|件|次|名|条|项|所|处|场次|场|期|路|张)?$"
"""A count after a list item is its outcome, not its name (建成“智慧门禁”小区**个)."""

FUTURE = re.compile(r"下一步|下步|明年|今后|计划|打算|拟|力争|将要|将继续|将进一步"
                    r"|[将要](全面|进一步|继续|持续|大力|加快|着力)?(推行|推进|开展|实施|建立|打造|组建|深化|创建|推广)")
"""A candidate after these in its sentence is a plan the report does not say was done."""
PLAN_HEADINGS = re.compile(r"下一步|下步|明年|今后|打算|工作计划|计划安排|工作思路|展望|谋划")
"""A section whose heading (or an ancestor's) says so holds plans: nothing in it is drafted,
and none of its sentences is quoted as a 做法要点 or outcome. Not a bare 计划: a heading may name
a programme (实施“春雷”计划)."""

GOAL_ENDINGS = ("化", "水平", "能力", "格局", "成效")
"""A lone object ending so is a goal, not an initiative (推进基层治理现代化)."""

MAX_NAME = 30
"""A candidate longer than this (quotation marks included) is a description, not a name."""
MAX_QUOTED_ITEM = 16
"""A list item that ends with a quoted term is a name up to this length (夏季治安…“百日行动”)."""
DOING_VERBS = ("制定", "组建", "建成", "推行", "开通", "成立", "建立", "设立", "搭建", "打造", "上线",
               "出台", "开设", "创建", "构建", "启用")
"""Verbs of doing whose object is something set up (制定社区民警权责清单)."""
SET_UP_NOUNS = ("清单", "分队", "突击队", "服务队", "巡逻队", "驿站", "平台", "专班", "窗口", "工作站",
                "服务站", "警务室", "台账", "小组")
"""An unquoted object of one of ``DOING_VERBS`` ending so is a name (组建青年民警应急分队, 建成园区
警务驿站), up to ``MAX_QUOTED_ITEM`` characters. Not a general name ending: 清单 after 出台《…》
or in a sentence about results is the name of a document."""

VERB_IN_NAME = ("严打", "严查", "严惩")
"""Verbs that are part of the name they stand before (严打传统侵财犯罪: the crackdown is called
so): the name is the verb and its lone object, ``SHORT_OBJECT[0] - 1`` to ``MAX_VERB_OBJECT``
characters after the verb."""
MAX_VERB_OBJECT = 12

FOUR_CHARS = 4
COMMON_HALVES = (
    "宣传", "防范", "打击", "整治", "管理", "服务", "治理", "建设", "工作", "安全", "检查", "排查", "巡逻",
    "教育", "培训", "监督", "执法", "办案", "侦查", "防控", "稳定", "发展", "改革", "创新", "基础", "基层",
    "队伍", "作风", "纪律", "责任", "风险", "隐患", "矛盾", "纠纷", "群众", "社会", "治安", "交通", "犯罪",
    "案件", "力度", "水平", "能力", "质效", "效能", "机制", "制度", "措施", "行动", "专项", "重点", "常态",
    "源头", "全面", "推进", "落实", "提升", "加强", "强化", "保障", "维护", "预防", "处置", "化解", "调处",
    "宣讲", "走访", "摸排", "清查", "巡查", "联动", "协作", "合成", "实战", "训练", "练兵", "党建", "政治",
    "思想", "理论", "学习", "业务", "技能", "信息", "数据", "科技", "智慧", "平安", "和谐", "法治", "依法",
    "规范", "公正", "文明", "严格", "精准", "高效", "便民", "利民", "惠民", "为民", "亲民", "疫情", "经济",
    "网格", "智治", "警务", "公安",
)
"""A four-character unquoted lone object (深化助企纾困) is a name unless one of its halves is a
word of ordinary official prose (开展防范宣传, 深化打击整治, 强化队伍管理): the rule that lets
助企纾困 in keeps the generic four-character phrases out."""

SCOPED_ENDINGS = ("制度", "机制")
"""Endings that may stand before another ending in a heading's subject (执法制度体系)."""

SHORT_OBJECT = (5, 8)
"""An unquoted lone object of a list verb is a name within these lengths (全力开展电诈打击治理).
Four characters are left out: official prose is full of generic four-character phrases
(开展防范宣传, 深化打击整治), while a name without quotation marks is usually longer."""

HONOUR_CUES = ("被评为", "评为", "荣获", "获评", "授予", "命名为", "入选", "推荐为", "推荐上报",
               "被推荐", "表彰", "嘉奖", "贺电", "称号", "被列为")
"""A candidate after one of these in its clause is an honour (被评为“…”先进集体)."""

FRAMING = re.compile(r"以.{1,24}?为(中心|主线|目标|宗旨|核心|引领|牵引|统领|突破口|重点|导向|指引|指导)"
                     r"|围绕|紧盯|聚焦|主攻")
"""A clause that frames the year's or a part's work rather than naming an initiative."""
LEVER = re.compile(r"以(.{2,24}?)为(抓手|载体|切入点)")
"""以…为抓手: what the work is carried by is often an initiative of its own (以“执法规范年”活动
为抓手): its object is read like a list verb's (a quoted or named object is a name)."""

TARGET = re.compile(r"^(零|无|不发生|破|清零|百分百|全覆盖)|率$|目标$")
"""Quoted targets and results (“零事故”, “常住人口破百万”)."""

LEVER_TAIL = "建设"
"""An item of a 以甲和乙为抓手 list that is neither quoted nor ends like a name is a name when it
is a four-or-more-character core with this tail (清廉公安建设)."""

RESULT_CUES = ("实现", "确保", "做到", "达到", "保持")
"""A quoted phrase right after these is a result, not an initiative (实现“零发生”)."""

EXTERNAL_HEADS = ("人大建议", "政协提案", "提案", "建议", "文件", "精神", "讲话", "通知", "意见",
                  "部署", "要求")
"""A quoted phrase followed by these is someone else's text or demand."""

REASONS = {
    "masked": "名称中有原文隐去的字（*），无法确认是哪一项",
    "plan": "今后的打算，报告没有说已经做了",
    "honour": "荣誉、表彰或推荐，不是本单位的做法",
    "framing": "工作抓手、主线或目标的表述",
    "target": "目标或结果表述，不是做法",
    "slogan": "口号（几个短语并列），不是做法的名称",
    "external": "文件、建议或他方的名称",
    "enumeration-head": "列举后的统称，所列各项才是做法",
    "enumerated-object": "并列列举的对象（其后“等”字带出具体名称），不是做法",
    "common-term": "泛称或常用术语，不是具体的名称",
    "counted": "含数量的叙述，不是名称",
    "generic": "泛称，不是具体的名称",
    "too-long": "句子成分过长，不像名称",
    "quoted-phrase": "引号内的说法，句中未作为一项措施提出",
    "heading-theme": "标题中的常用词加名称词尾，是这一部分的主题，不是具体做法",
    "unjudged": "add-report 未判定为做法",
}
"""Why a candidate is not drafted, as its proposed coverage.yml reason (for the editor).
Plain statements: a reason may not use attribution words (data/attribution.yml)."""
