-- html-pages.lua -- pandoc (2.17) filter that turns Loom's woven Markdown
-- (written by noweb-to-markdown.awk) into the HTML book, or prepares it for
-- pandoc's EPUB writer.  weave.sh runs it as
--
--   pandoc book.md -f commonmark_x -t html5 -o /dev/null --lua-filter book/html-pages.lua \
--          -M loom-outdir=OUT -M loom-template=book/page.html -M loom-xref=xref.tsv \
--          -M loom-cache=OUT/.highlight-cache
--   pandoc book.md -f commonmark_x -t epub3 -o book.epub --lua-filter book/html-pages.lua \
--          -M loom-outdir=TMP -M loom-xref=xref.tsv
--
-- In one pass over the whole book it
--   * splits the book into pages at the empty .nw-page marker divs: the front
--     matter becomes index.html (with the table of contents), each chapter
--     with its ports NN-name.html, the two indexes chunks.html and
--     identifiers.html.  pandoc 2.17 has no chunked HTML writer, so the
--     filter writes the pages itself and pandoc's own output is discarded;
--   * makes every link work across pages: it knows on which page every id
--     lives and rewrites "#id" into "page.html#id" (EPUB: "chNNN.xhtml#id");
--   * highlights each code chunk (pandoc's skylighting) with chunk uses and
--     identifiers turned into links: the back end left sentinels in the
--     code; they become placeholders, the block is highlighted, then the
--     placeholders become <a> elements (not inside strings and comments).
--     Highlighted blocks are cached between runs, keyed by their text;
--   * adds each chunk's cross-references and the indexes, which the back
--     end wrote as HTML into the side file (loom-xref);
--   * marks port sections (.nw-port marker: the next heading gets the
--     classes port and port-<arch>), numbers exercises ("Exercise 1.2",
--     boxed, with the difficulty) and figures, renders ```{.dot} blocks
--     with graphviz into figures/NAME.svg, and fills in the chapter map.

local OPEN, CLOSE = "\u{27E6}", "\u{27E7}"
local is_epub = FORMAT:match("epub") ~= nil

local outdir = "."
local pages = {}          -- {file=, chapter=, blocks=, kind=front|chapter|index}
local id_page = {}        -- element id -> page index
local alias = {}          -- EPUB: marker id -> id of the heading it stands for
local chapter_marker = {} -- chapter number -> id of its .nw-page marker
local cur_page = 1        -- page being rendered
local snippets = {}       -- side file: key (chunk label, index name) -> HTML

local function warn(msg) io.stderr:write("weave: warning: ", msg, "\n") end
local function fail(msg)              -- stop the build, loudly
  io.stderr:write("weave: ", msg, "\n")
  os.exit(1)
end

local function html_escape(s)
  return (s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"):gsub('"', "&quot;"))
end
local function attr(el, name) return el.attributes and el.attributes[name] end
local function read_file(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a"); f:close()
  return s
end

-- the address of element `id`, seen from the page being rendered
local function href(id)
  local p = id_page[id]
  if not p then return "#" .. id end
  if is_epub then
    return string.format("ch%03d.xhtml#%s", p, alias[id] or id)
  end
  if pages[p].first_id == id then return pages[p].file end     -- the top of a page
  if p == cur_page then return "#" .. id end
  return pages[p].file .. "#" .. id
end
local function rewrite_hrefs(html)
  return (html:gsub('href="#([^"]*)"', function(id) return 'href="' .. href(id) .. '"' end))
end

------------------------------------------------------------------ pages
-- split the top-level blocks into pages at the .nw-page markers
local function split_pages(blocks)
  local page = {file = "index.html", chapter = 0, blocks = {}, kind = "front"}
  pages = {page}
  for _, b in ipairs(blocks) do
    if b.t == "Div" and b.classes:includes("nw-page") then
      local name = attr(b, "page") or b.identifier:gsub("^file%-", "")
      local ch = tonumber(attr(b, "chapter") or "")
      page = {file = name .. ".html", chapter = ch or 0, blocks = {}, first_id = b.identifier,
              kind = ch and "chapter" or "index"}
      pages[#pages + 1] = page
      if ch then
        if chapter_marker[ch] then
          fail(string.format("%s: a second chapter %d (the first is #%s)", attr(b, "path"), ch, chapter_marker[ch]))
        end
        chapter_marker[ch] = b.identifier
      end
    end
    table.insert(page.blocks, b)
  end
end

-- EPUB: pandoc starts a new chNNN.xhtml at every level-1 heading (and puts
-- anything before the first one in ch001), so a "page" is that there.  A
-- marker stands for the heading that follows it.
local function split_epub(blocks)
  local n, pending, pending_chapter = 0, {}, nil
  pages = {}
  for _, b in ipairs(blocks) do
    if (b.t == "Header" and b.level == 1) or n == 0 then
      n = n + 1; pages[n] = {blocks = {}, chapter = 0, kind = "front"}
    end
    if b.t == "Div" and b.classes:includes("nw-page") then
      pending[#pending + 1] = b.identifier
      local ch = tonumber(attr(b, "chapter") or "")
      if ch then chapter_marker[ch] = b.identifier; pending_chapter = ch end
    elseif b.t == "Header" and b.level == 1 then
      for _, id in ipairs(pending) do alias[id] = b.identifier end
      pending = {}
      pages[n].chapter = pending_chapter or 0
      pages[n].kind = pending_chapter and "chapter" or "index"
      pending_chapter = nil
    end
    table.insert(pages[n].blocks, b)
  end
end

-- remember the page of every id, including those in the side file's HTML
local function index_ids()
  for p, page in ipairs(pages) do
    local function note(el)
      if el.identifier and el.identifier ~= "" then id_page[el.identifier] = p end
    end
    local function note_html(key)
      for id in (snippets[key] or ""):gmatch(' id="([^"]+)"') do id_page[id] = p end
    end
    pandoc.walk_block(pandoc.Div(page.blocks), {
      Header = note, Span = note, Image = note, Table = note, Link = note,
      CodeBlock = function(cb)
        note(cb)
        if cb.classes:includes("dot") and attr(cb, "name") then id_page["fig-" .. attr(cb, "name")] = p end
      end,
      Div = function(d)
        note(d)
        if d.classes:includes("nw-insert") then note_html(attr(d, "key")) end
      end})
  end
  for id, target in pairs(alias) do id_page[id] = id_page[target] end
end

------------------------------------------------------------------ code chunks
-- Highlighted blocks from earlier runs: "KEY LENGTH\n" then LENGTH bytes.
local cache_old, cache_new, cache_path = {}, {}, nil
local function load_cache(path)
  cache_path = path
  local s = path and read_file(path)
  local i = 1
  while s and i <= #s do
    local key, len, body = s:match("^(%x+) (%d+)\n()", i)
    if not key then break end
    cache_old[key] = s:sub(body, body + len - 1)
    i = body + len
  end
end
local function save_cache()           -- only the blocks of this run: the cache never grows stale
  if not cache_path then return end
  local f = io.open(cache_path, "wb")
  if not f then return end
  for key, html in pairs(cache_new) do f:write(key, " ", #html, "\n", html) end
  f:close()
end

local function tag_of(label) return (label:gsub("^chunk%-(%d+)%-(%d+)$", "%1.%2")) end

local function link_html(kind, label, name)
  if kind == "c" then
    return string.format('<a class="nw-use" href="%s">\u{27E8}%s <span class="nw-usetag">%s</span>\u{27E9}</a>',
      href(label), html_escape((name:gsub("%[%[", ""):gsub("%]%]", ""))), tag_of(label))
  end
  return string.format('<a class="nw-ident" href="%s">%s</a>', href(label), html_escape(name))
end

-- Token classes of skylighting in which a word is not a use of an identifier:
-- strings, characters, comments, #include targets.
local not_code = {st = true, ch = true, vs = true, ss = true, co = true, cv = true,
                  ["do"] = true, an = true, im = true}

-- Is position `pos` of the highlighted `html` inside a string or a comment?
-- skylighting's token spans are flat, so the last <span class="xx"> before
-- pos tells, if it is not closed before pos.
local function in_literal(html, pos)
  local window = html:sub(math.max(1, pos - 600), pos - 1)
  local last_class, last_at = nil, nil
  for at, cls in window:gmatch('()<span class="(%a%a)">') do last_class, last_at = cls, at end
  if not last_class or not not_code[last_class] then return false end
  return window:find("</span>", last_at, true) == nil
end

local function code_block(cb)
  local links = {}
  local text = cb.text:gsub(OPEN .. "([ci]):([^|]*)|(.-)" .. CLOSE, function(kind, label, name)
    links[#links + 1] = {kind = kind, label = label, name = name}
    return "NWxLINK" .. #links .. "x"
  end)
  local classes = {}
  for _, c in ipairs(cb.classes) do if c ~= "nw-code" then classes[#classes + 1] = c end end
  local key = pandoc.sha1(table.concat({tostring(PANDOC_VERSION), cb.identifier, table.concat(classes, " "),
                                        attr(cb, "startFrom") or "", text}, "\0"))
  local html = cache_old[key]
  if not html then
    local block = pandoc.CodeBlock(text, pandoc.Attr(cb.identifier, classes, cb.attributes))
    html = pandoc.write(pandoc.Pandoc({block}), "html5")
  end
  cache_new[key] = html
  html = html:gsub("()NWxLINK(%d+)x", function(pos, n)
    local l = links[tonumber(n)]
    if l.kind == "i" and in_literal(html, pos) then return html_escape(l.name) end
    return link_html(l.kind, l.label, l.name)
  end)
  return pandoc.RawBlock("html", html)
end

------------------------------------------------------------------ figures
local figure_count = {}
local function figure(cb, chapter)
  local name = attr(cb, "name") or pandoc.sha1(cb.text):sub(1, 12)
  local where = attr(cb, "origin") or "?"
  local ok, svg = pcall(pandoc.pipe, "dot", {"-Tsvg"}, cb.text)
  if not ok then fail(where .. ": graphviz could not draw figure '" .. name .. "':\n" .. tostring(svg)) end
  local file = "figures/" .. name .. ".svg"
  if is_epub then
    pandoc.mediabag.insert(file, "image/svg+xml", svg)
  else
    local f = assert(io.open(outdir .. "/" .. file, "wb")); f:write(svg); f:close()
  end
  figure_count[chapter] = (figure_count[chapter] or 0) + 1
  local number = chapter > 0 and (chapter .. "." .. figure_count[chapter]) or tostring(figure_count[chapter])
  local caption = {pandoc.Str("Figure " .. number .. ".")}
  local text = attr(cb, "caption")
  if text and text ~= "" then
    caption[#caption + 1] = pandoc.Space()
    local parsed = pandoc.read(text, "commonmark_x").blocks[1]
    for _, il in ipairs(parsed and parsed.content or {}) do caption[#caption + 1] = il end
  end
  -- a paragraph holding only an image titled "fig:..." is written as <figure>
  return pandoc.Para({pandoc.Image(caption, file, "fig:", pandoc.Attr("fig-" .. name))})
end

------------------------------------------------------------------ exercises
local exercise_count = {}
local function exercise(div, chapter)
  exercise_count[chapter] = (exercise_count[chapter] or 0) + 1
  local k = exercise_count[chapter]
  local want = string.format("ex-%02d-%d", chapter, k)
  if div.identifier == "" then
    div.identifier = want
  elseif div.identifier ~= want then
    warn(string.format("%s: exercise %d.%d has id #%s; expected #%s (make grade EX=%02d.%d)",
      attr(div, "origin") or "?", chapter, k, div.identifier, want, chapter, k))
  end
  local title = {pandoc.Strong({pandoc.Str(string.format("Exercise %d.%d", chapter, k))})}
  local difficulty = attr(div, "difficulty")
  if difficulty then
    title[#title + 1] = pandoc.Space()
    title[#title + 1] = pandoc.Span({pandoc.Str("(" .. difficulty .. ")")},
      pandoc.Attr("", {"difficulty", "difficulty-" .. difficulty}))
  end
  table.insert(div.content, 1, pandoc.Div({pandoc.Plain(title)}, pandoc.Attr("", {"exercise-title"})))
  div.attributes["origin"] = nil
  return div
end

------------------------------------------------------------------ the chapter map
-- In the front matter, a table inside ::: {.chapter-map} whose first column
-- is NN and whose last column is a status: a chapter that is in this book
-- gets "written", linked to its page; the others "planned".
local function chapter_map(div)
  return pandoc.walk_block(div, {Table = function(t)
    for _, body in ipairs(t.bodies) do
      for _, row in ipairs(body.body) do
        local cells = row.cells
        local nn = tonumber(pandoc.utils.stringify(cells[1].contents))
        local status = cells[#cells]
        if nn and chapter_marker[nn] then
          status.contents = {pandoc.Plain({pandoc.Link({pandoc.Str("written")}, href(chapter_marker[nn]))})}
        elseif nn then
          status.contents = {pandoc.Plain({pandoc.Emph({pandoc.Str("planned")})})}
        end
      end
    end
    return t
  end})
end

------------------------------------------------------------------ rendering a page
local function render(page)
  local chapter = page.chapter
  local port_arch = nil
  local filter = {
    CodeBlock = function(cb)
      if cb.classes:includes("nw-code") then return code_block(cb) end
      if cb.classes:includes("dot") then return figure(cb, chapter) end
    end,
    Div = function(d)
      if d.classes:includes("nw-chunk") then          -- its code is done: add the cross-references
        d.content:insert(pandoc.RawBlock("html", rewrite_hrefs(snippets[d.identifier] or "")))
        d.attributes["origin"] = nil
        return d
      end
      if d.classes:includes("nw-insert") then
        return pandoc.RawBlock("html", rewrite_hrefs(snippets[attr(d, "key")] or ""))
      end
      if d.classes:includes("exercise") then return exercise(d, chapter) end
      if d.classes:includes("chapter-map") then return chapter_map(d) end
    end,
    Link = function(l)
      if l.target:sub(1, 1) == "#" then l.target = href(l.target:sub(2)) end
      return l
    end,
  }
  local out = {}
  for _, b in ipairs(page.blocks) do
    if b.t == "Div" and b.classes:includes("nw-port") then
      port_arch = attr(b, "arch")                      -- marks the next heading
    elseif b.t == "Div" and b.classes:includes("nw-page") then
      if not is_epub then out[#out + 1] = pandoc.Div({}, pandoc.Attr(b.identifier)) end
    else
      if b.t == "Header" and port_arch then
        b.classes:insert("port"); b.classes:insert("port-" .. port_arch)
        b.attributes["arch"] = port_arch
        port_arch = nil
      end
      local d = pandoc.walk_block(pandoc.Div({b}), filter)
      for _, r in ipairs(d.content) do out[#out + 1] = r end
    end
  end
  return out
end

------------------------------------------------------------------ contents and navigation
-- the level-1 and level-2 headings of a page, numbered as pandoc numbers them
local function headings(page)
  local list, count = {}, {0, 0}
  for _, b in ipairs(page.blocks) do
    if b.t == "Header" and b.level <= 2 then
      local number = nil
      if page.kind == "chapter" and not b.classes:includes("unnumbered") then
        count[b.level] = count[b.level] + 1
        if b.level == 1 then count[2] = 0 end
        number = b.level == 1 and tostring(page.chapter) or (page.chapter .. "." .. count[2])
      end
      list[#list + 1] = {level = b.level, number = number, id = b.identifier, content = b.content}
    end
  end
  return list
end

local function page_title(page)
  for _, h in ipairs(headings(page)) do
    if h.level == 1 then return pandoc.utils.stringify(h.content) end
  end
  return page.file
end

-- the table of contents: every page after the front matter, and the
-- sections of each chapter (its ports marked with the machine's colour)
local function contents()
  local items = {}
  for _, page in ipairs(pages) do
    if page.kind ~= "front" then
      local top, subs, port_of, port = nil, {}, {}, nil
      for _, b in ipairs(page.blocks) do       -- which headings open a port
        if b.t == "Div" and b.classes:includes("nw-port") then
          port = attr(b, "arch")
        elseif b.t == "Header" then
          port_of[b.identifier] = port; port = nil
        end
      end
      for _, h in ipairs(headings(page)) do
        local text = {}
        if h.number then text = {pandoc.Span({pandoc.Str(h.number)}, pandoc.Attr("", {"toc-number"})), pandoc.Space()} end
        for _, il in ipairs(h.content) do text[#text + 1] = il end
        local link = pandoc.Link(text, h.level == 1 and page.file or (page.file .. "#" .. h.id))
        if h.level == 1 and not top then
          top = link
        elseif h.level == 2 then
          local a = port_of[h.id]
          subs[#subs + 1] = {pandoc.Plain({pandoc.Span({link}, pandoc.Attr("", a and {"toc-port", "port-" .. a} or {}))})}
        end
      end
      top = top or pandoc.Link({pandoc.Str(page.file)}, page.file)
      local item = {pandoc.Plain({top})}
      if #subs > 0 and page.kind == "chapter" then item[2] = pandoc.BulletList(subs) end
      items[#items + 1] = item
    end
  end
  return pandoc.Div({pandoc.Header(2, {pandoc.Str("Contents")}, pandoc.Attr("contents-title", {"unnumbered"})),
                     pandoc.BulletList(items)}, pandoc.Attr("", {"toc"}))
end

local function nav(p)
  local function short(q)
    local t = page_title(pages[q])
    if pages[q].kind == "chapter" then t = pages[q].chapter .. " " .. t end
    return html_escape(t)
  end
  local prev = p > 1 and string.format('<a class="prev" href="%s" rel="prev">\u{2190} %s</a>', pages[p - 1].file, short(p - 1))
                      or '<span class="prev"></span>'
  local next = p < #pages and string.format('<a class="next" href="%s" rel="next">%s \u{2192}</a>', pages[p + 1].file, short(p + 1))
                           or '<span class="next"></span>'
  return '<nav class="book-nav">' .. prev .. '\n<span class="home"><a href="index.html">Contents</a> \u{00B7} '
    .. '<a href="chunks.html">Chunks</a> \u{00B7} <a href="identifiers.html">Identifiers</a></span>\n'
    .. next .. "</nav>"
end

local function fill(template, vars)
  return (template:gsub("%$([a-z]+)%$", function(k) return vars[k] or "" end))
end

------------------------------------------------------------------ main
function Pandoc(doc)
  local meta = doc.meta
  local function m(k) return meta[k] and pandoc.utils.stringify(meta[k]) end
  outdir = m("loom-outdir") or "."
  local booktitle = m("title") or "Loom"
  local xref = m("loom-xref") and read_file(m("loom-xref"))
  if not xref then fail("no cross-reference file (-M loom-xref=FILE)") end
  for key, html in xref:gmatch("([^\t\n]*)\t([^\n]*)") do snippets[key] = html end
  load_cache(m("loom-cache"))

  if is_epub then
    local blocks = {}                  -- the EPUB reader has its own table of contents
    for _, b in ipairs(doc.blocks) do
      if not (b.t == "Div" and b.identifier == "contents") then blocks[#blocks + 1] = b end
    end
    doc.blocks = blocks
    split_epub(doc.blocks)
    index_ids()
    local out = {}
    for p, page in ipairs(pages) do
      cur_page = p
      for _, b in ipairs(render(page)) do out[#out + 1] = b end
    end
    doc.blocks = out
    return doc
  end

  local template = read_file(m("loom-template") or "book/page.html") or fail("no page template")
  os.execute("mkdir -p '" .. outdir .. "/figures'")
  split_pages(doc.blocks)
  index_ids()
  for p, page in ipairs(pages) do
    cur_page = p
    local blocks = render(page)
    if page.kind == "front" then           -- the table of contents goes into ::: {#contents}
      local placed = false
      blocks = pandoc.walk_block(pandoc.Div(blocks), {Div = function(d)
        if d.identifier == "contents" then placed = true; d.content = {contents()}; return d end
      end}).content
      if not placed then table.insert(blocks, 1, contents()) end
    end
    local opts = {section_divs = true}
    if page.kind == "chapter" then
      opts.number_sections = true; opts.number_offset = {page.chapter - 1}
    end
    local body = pandoc.write(pandoc.Pandoc(blocks, meta), "html5", opts)
    local title
    if page.kind == "front" then
      title = booktitle
      local sub = m("subtitle")
      body = '<header class="title-block"><h1 class="title">' .. html_escape(booktitle) .. "</h1>"
        .. (sub and ('<p class="subtitle">' .. html_escape(sub) .. "</p>") or "") .. "</header>\n" .. body
    elseif page.kind == "chapter" then
      title = page.chapter .. " " .. page_title(page) .. " \u{2014} " .. booktitle
    else
      title = page_title(page) .. " \u{2014} " .. booktitle
    end
    local f = assert(io.open(outdir .. "/" .. page.file, "w"))
    f:write(fill(template, {title = html_escape(title), nav = nav(p), body = body, class = page.kind}))
    f:close()
  end
  save_cache()
  doc.blocks = {}
  return doc
end
