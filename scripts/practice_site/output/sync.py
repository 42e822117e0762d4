"""Under ``mkdocs serve``, the served folder is brought up to date in place: only what changed
is written.

MkDocs 1.6 builds into an emptied folder every time, and ``staging.py`` builds beside the site
and swaps it in: at 1,000 practices that is 1,057 folders and pages created and as many removed
on every save (about a quarter of the refresh on this machine's disk), when one record's edit
changes a dozen pages. Once this process has published a site into a folder, a page whose
themed HTML equals what that folder already holds is not written again (the last
``on_post_page`` handler returns nothing, which MkDocs 1.6 takes as "skip this page"). The build
folder then holds the pages that changed and the other files (theme assets, search index,
export); at the publish step they are moved into the served folder and whatever this build no
longer has is removed from it. A refused build still changes nothing: the merge is the publish.
A merge that fails half-way forgets what the folder holds, so the next build writes it whole.

No MkDocs import: the hook passes page paths and output, and the log records to filter.
"""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from practice_site.output import staging

SKIPPED = "Page skipped: '{}'. Generated empty output."
"""MkDocs' INFO line for a page whose output is empty (mkdocs/commands/build.py)."""


class SiteSync:
    """What the served folder holds, and the pages of the build in progress."""

    def __init__(self) -> None:
        self.site: Path | None = None
        """The folder the state below describes; None: unknown, publish by swapping it whole."""
        self.pages: dict[str, str] = {}
        """Page path in the site (``practices/x/index.html``) -> the HTML the folder holds."""
        self.others: set[str] = set()
        """The folder's other files (theme assets, search index, export, 404 page)."""
        self._target: Path | None = None
        self._built: dict[str, str] = {}
        self._kept: set[str] = set()
        self._kept_lines: set[str] = set()

    def begin(self, site: Path) -> None:
        """A build of ``site`` starts (``on_pre_build``)."""
        self._target = Path(site).resolve()
        self._built, self._kept, self._kept_lines = {}, set(), set()

    def page(self, source: str, dest: str, output: str) -> str:
        """The output to hand MkDocs for a page: nothing when the served folder holds it already."""
        if self.site is not None and self.site == self._target and output.strip() and self.pages.get(dest) == output:
            self._kept.add(dest)
            self._kept_lines.add(SKIPPED.format(source))
            return ""
        self._built[dest] = output
        return output

    def filter(self, record: logging.LogRecord) -> bool:
        """A logging filter: MkDocs' "Page skipped" line for a page kept here is not news."""
        return not (isinstance(record.msg, str) and record.msg in self._kept_lines)

    def publish(self, built: Path, site: Path) -> None:
        """Make ``site`` what ``built`` (this build's folder) and the kept pages make together."""
        site = Path(site).resolve()
        files = _files(built)
        self.site = None  # until the folder is what this build made
        if not self._kept:  # every page was written (a first build, nothing known): swap it in
            staging.publish(built, site)
        else:
            try:
                _merge(built, site, files, stale=(set(self.pages) | self.others) - files - self._kept)
            except OSError as exc:
                raise staging.SiteWriteError(
                    f"{site}：无法更新预览中的网站（{exc.strerror}：{exc.filename}）；"
                    "下一次生成会完整重写") from exc
        pages = {dest: self.pages[dest] for dest in self._kept}
        pages.update((dest, html) for dest, html in self._built.items() if dest in files)
        self.site, self.pages, self.others = site, pages, files - set(pages)
        self._kept_lines = set()


def _files(folder: Path) -> set[str]:
    out: set[str] = set()
    for base, _dirs, names in os.walk(folder):
        rel = os.path.relpath(base, folder)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        out.update(prefix + name for name in names)
    return out


def _merge(built: Path, site: Path, files: set[str], stale: set[str]) -> None:
    made: set[str] = set()
    for rel in sorted(files):
        target = site / rel
        parent = rel.rpartition("/")[0]
        if parent and parent not in made:
            os.makedirs(site / parent, exist_ok=True)
            made.add(parent)
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        os.replace(built / rel, target)
    for rel in sorted(stale, reverse=True):
        (site / rel).unlink(missing_ok=True)
        folder = (site / rel).parent
        while folder != site and not any(folder.iterdir()):  # a removed page's own folder
            folder.rmdir()
            folder = folder.parent
    shutil.rmtree(built, ignore_errors=True)
