"""The MkDocs hook: each event handed to one state object (mkdocs_adapter/build.py).

Options: ``extra: practice_site:`` in mkdocs.yml (mkdocs_adapter/options.py). The private
parts of MkDocs and Material that the site needs are in mkdocs_adapter/compat.py.
"""
from __future__ import annotations

import gc
import sys
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent))
# What the adapter imports (pypinyin's phrase table alone is some 48,000 lists) lives as
# long as the process. A collection while it loads finds nothing to free, and every later
# full collection, those at exit included, would walk it again. So the collector waits
# while it loads and then leaves it alone (gc.freeze; serve, which collects after each
# build, thaws it: mkdocs_adapter/serve.py). BENCHMARKS.md, "Issue 23, the
# collector and the imports", has the figures: about 0.4 s of today's 2 s cold build.
_collecting = gc.isenabled()
gc.disable()
try:
    from practice_site.mkdocs_adapter import serve  # noqa: E402
    from practice_site.mkdocs_adapter.build import Build  # noqa: E402
finally:
    if _collecting:
        gc.enable()
gc.freeze()
del _collecting

build = Build()
"""The adapter's state, from one event to the next (the only module global)."""


def on_startup(command, dirty):
    build.command = command


def on_config(config):
    return build.configure(config)


def on_files(files, config):
    return build.add_files(files, config)


def on_nav(nav, config, files):
    build.start_pages(nav, config)
    return nav


def on_page_markdown(markdown, page, config, files):
    build.page_meta(page)
    return markdown


def on_page_content(content, page, config, files):
    return build.page_content(content, page)


def on_env(env, config, files):
    return build.theme(env, config, files)


@event_priority(100)  # first: what is stored is the template's output, before any handler
def _store_output(output, page, config):
    return build.themed(page, output)


@event_priority(-1000)  # last: what is compared is what would be written
def _skip_unchanged(output, page, config):
    return build.unchanged(page, output)


on_post_page = CombinedEvent(_store_output, _skip_unchanged)


def on_pre_build(config):
    build.stage(config)


@event_priority(-1000)  # after every plugin's writes (the offline plugin's is at -100)
def _publish(config):
    build.publish(config)


on_post_build = CombinedEvent(build.finish, _publish)


def on_build_error(error):
    build.abandon(error)


def on_serve(server, config, builder):
    return serve.wire(server, config, builder, build.options and build.options.data, build.preview)
