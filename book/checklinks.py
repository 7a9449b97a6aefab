#!/usr/bin/env python3
"""checklinks.py DIR | BOOK.epub -- does every local link of the woven book resolve?

Reads every .html/.xhtml file under DIR (or inside the EPUB), collects the
ids (and <a name>s) each one defines, then checks every local href and src:
the file it names must exist, and its #fragment must be an id of that file.
Links with a scheme (https:, mailto:, data: ...) are not checked.

Prints each broken link as  FILE: LINE: broken href "TARGET" (why),
then a one-line summary; exits 1 if any link is broken, 2 on bad usage.
"""
import os
import posixpath
import sys
import zipfile
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit


class Page(HTMLParser):
    """The ids of one page and the local links it makes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []                       # (line, attribute, value)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name in ("href", "src"):
                self.links.append((self.getpos()[0], name, value))

    handle_startendtag = handle_starttag


def read_tree(root):
    """{relative path: text or None} for every file under root (text for pages)."""
    files = {}
    for d, _, names in os.walk(root):
        for n in names:
            path = os.path.relpath(os.path.join(d, n), root).replace(os.sep, "/")
            text = None
            if n.endswith((".html", ".xhtml", ".htm")):
                with open(os.path.join(d, n), encoding="utf-8") as f:
                    text = f.read()
            files[path] = text
    return files


def read_epub(path):
    files = {}
    with zipfile.ZipFile(path) as z:
        for n in z.namelist():
            text = None
            if n.endswith((".html", ".xhtml", ".htm")):
                text = z.read(n).decode("utf-8")
            files[n] = text
    return files


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    where = argv[1]
    if os.path.isdir(where):
        files = read_tree(where)
    elif where.endswith(".epub") and os.path.isfile(where):
        files = read_epub(where)
    else:
        print(f"checklinks: {where}: not a directory or an .epub", file=sys.stderr)
        return 2

    pages = {}
    for path, text in files.items():
        if text is not None:
            page = Page()
            page.feed(text)
            pages[path] = page

    if not pages:
        print(f"checklinks: {where}: no HTML pages", file=sys.stderr)
        return 1

    checked = broken = 0
    for path in sorted(pages):
        for line, attr, value in pages[path].links:
            parts = urlsplit(value)
            if parts.scheme or parts.netloc:
                continue                      # external: not ours to check
            checked += 1
            target = path
            if parts.path:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(path), unquote(parts.path)))
            why = None
            if target not in files:
                why = "no such file"
            elif parts.fragment:
                if target not in pages:
                    why = "fragment into a file that is not a page"
                elif unquote(parts.fragment) not in pages[target].ids:
                    why = f"no id \"{unquote(parts.fragment)}\" in {target}"
            if why:
                broken += 1
                print(f"{path}:{line}: broken {attr} \"{value}\" ({why})")

    print(f"checklinks: {where}: {len(pages)} pages, {checked} local links, {broken} broken")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
