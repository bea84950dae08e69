// HTML through gumbo. Keeps the text of title, headings, paragraphs, list
// items, block quotes and table cells; drops scripts, navigation, headers,
// footers, forms and the like. The tree is walked with an explicit stack so
// deeply nested markup cannot overflow the call stack.
#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "block_builder.h"
#include "ingest/reader.h"
#include "readers.h"
#include "utf8.h"

namespace ingest {
namespace {

// Gumbo stops recording parse errors after this many; we do not read them.
constexpr int kMaxGumboErrors = 16;

size_t CodePointLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  return 2;
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }
bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Length of the character reference starting at orig[i] == '&', or 0.
size_t EntityLength(std::string_view orig, size_t i) {
  size_t k = i + 1;
  if (k < orig.size() && orig[k] == '#') {
    ++k;
    bool hex = k < orig.size() && (orig[k] == 'x' || orig[k] == 'X');
    if (hex) ++k;
    size_t digits = k;
    while (k < orig.size() && (hex ? IsHex(orig[k]) : (orig[k] >= '0' && orig[k] <= '9'))) ++k;
    if (k == digits) return 0;
  } else {
    size_t name = k;
    while (k < orig.size() && IsAsciiAlnum(orig[k])) ++k;
    if (k == name) return 0;
    if (k >= orig.size() || orig[k] != ';') {
      // A legacy reference without ';' ("&copy2024") names letters only.
      k = name;
      while (k < orig.size() && IsAsciiAlpha(orig[k])) ++k;
      return k - i;
    }
  }
  if (k < orig.size() && orig[k] == ';') ++k;
  return k - i;
}

// Appends gumbo's decoded text of a text node, mapping each decoded byte to
// its byte in the original (or, for a character reference, to its '&').
void AppendText(std::string_view decoded, std::string_view orig, uint32_t base, BlockBuilder* out) {
  if (decoded == orig) {
    out->AppendVerbatim(decoded, base);
    return;
  }
  size_t i = 0, j = 0;
  while (j < decoded.size()) {
    if (i >= orig.size()) {
      uint32_t at = base + static_cast<uint32_t>(orig.empty() ? 0 : orig.size() - 1);
      out->AppendDecoded(decoded.substr(j), at, base + static_cast<uint32_t>(orig.size()));
      return;
    }
    char o = orig[i], d = decoded[j];
    if (o == '&') {
      size_t len = EntityLength(orig, i);
      if (len > 1 && decoded.compare(j, len, orig, i, len) != 0) {
        uint32_t from = base + static_cast<uint32_t>(i), to = from + static_cast<uint32_t>(len);
        size_t cp = CodePointLength(static_cast<unsigned char>(d));
        out->AppendDecoded(decoded.substr(j, cp), from, to);
        j += cp;
        i += len;
        // A few named references decode to two code points.
        if (j < decoded.size() && static_cast<unsigned char>(decoded[j]) >= 0x80 &&
            (i >= orig.size() || (decoded[j] != orig[i] && orig[i] != '&'))) {
          size_t cp2 = CodePointLength(static_cast<unsigned char>(decoded[j]));
          if (i >= orig.size() || orig.compare(i, cp2, decoded, j, cp2) != 0) {
            out->AppendDecoded(decoded.substr(j, cp2), from, to);
            j += cp2;
          }
        }
        continue;
      }
    }
    if (o == '\r') {
      if (d == '\n') {
        out->AppendDecoded("\n", base + static_cast<uint32_t>(i), base + static_cast<uint32_t>(i) + 1);
        ++j;
      }
      ++i;
      if (i < orig.size() && orig[i] == '\n' && d == '\n') ++i;
      continue;
    }
    if (o == d) {
      size_t run = 1;
      while (i + run < orig.size() && j + run < decoded.size() && orig[i + run] == decoded[j + run] &&
             orig[i + run] != '&' && orig[i + run] != '\r') {
        ++run;
      }
      // A replaced character may share its lead bytes with the original
      // (U+FFFF → U+FFFD): a verbatim run ends on a code point boundary.
      while (run > 0 && j + run < decoded.size() && IsContinuation(decoded[j + run])) --run;
      if (run > 0) {
        out->AppendVerbatim(decoded.substr(j, run), base + static_cast<uint32_t>(i));
        i += run;
        j += run;
        continue;
      }
    }
    // Gumbo replaced the character (NUL → U+FFFD, say): map code point to code point.
    size_t cp = std::min(CodePointLength(static_cast<unsigned char>(d)), decoded.size() - j);
    uint32_t from = base + static_cast<uint32_t>(i);
    size_t ocp = std::min(CodePointLength(static_cast<unsigned char>(o)), orig.size() - i);
    out->AppendDecoded(decoded.substr(j, cp), from, from + static_cast<uint32_t>(ocp));
    j += cp;
    i += ocp;
  }
}

bool IsDropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEAD:  // handled separately: only <title> and <meta> matter
      return true;
    default:
      return false;
  }
}

// Elements that start and end a block of text without choosing its kind.
bool IsBlockBoundary(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

// The kind an element gives its text, if it is a kept block element.
bool BlockKindOf(GumboTag tag, BlockKind enclosing, BlockKind* kind) {
  switch (tag) {
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      *kind = BlockKind::kHeading;
      return true;
    case GUMBO_TAG_P:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      *kind = enclosing == BlockKind::kQuote ? BlockKind::kQuote : BlockKind::kParagraph;
      return true;
    case GUMBO_TAG_LI:
      *kind = BlockKind::kListItem;
      return true;
    case GUMBO_TAG_BLOCKQUOTE:
      *kind = BlockKind::kQuote;
      return true;
    default:
      return false;
  }
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (BlockBuilder::IsSpace(c)) {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

const char* Attr(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

struct Meta {
  std::string title, og_title, author, date, url;
};

void ReadMeta(const GumboNode* node, Meta* meta) {
  if (node->v.element.tag == GUMBO_TAG_LINK) {
    const char* rel = Attr(node, "rel");
    const char* href = Attr(node, "href");
    if (rel && href && Lower(rel) == "canonical" && meta->url.empty()) meta->url = href;
    return;
  }
  const char* content = Attr(node, "content");
  if (!content || !*content) return;
  const char* key_attr = Attr(node, "name");
  if (!key_attr) key_attr = Attr(node, "property");
  if (!key_attr) key_attr = Attr(node, "itemprop");
  if (!key_attr) return;
  std::string key = Lower(key_attr);
  std::string value = CollapseSpaces(content);
  static constexpr const char* kAuthorKeys[] = {
      "author", "dc.creator", "dcterms.creator", "citation_author", "parsely-author",
      "sailthru.author", "article:author", "byl", "twitter:creator"};
  static constexpr const char* kDateKeys[] = {
      "article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
      "dcterms.date", "dcterms.issued", "citation_publication_date", "citation_date",
      "pubdate", "publish-date", "publish_date", "parsely-pub-date", "sailthru.date",
      "og:published_time", "article:modified_time"};
  for (const char* k : kAuthorKeys) {
    if (key == k && meta->author.empty() && value.rfind("http", 0) != 0) meta->author = value;
  }
  for (const char* k : kDateKeys) {
    if (key == k && meta->date.empty()) meta->date = value;
  }
  if (key == "og:url" && meta->url.empty()) meta->url = value;
  if (key == "og:title" && meta->og_title.empty()) meta->og_title = value;
}

// Offset of "</name" (any case) after `from`, or `from` if there is none.
size_t FindEndTag(std::string_view raw, size_t from, std::string_view name) {
  const std::string needle = "</" + std::string(name);
  for (size_t i = raw.find("</", from); i != std::string_view::npos; i = raw.find("</", i + 2)) {
    if (Lower(raw.substr(i, needle.size())) == needle) return i;
  }
  return from;
}

struct Frame {
  const GumboNode* node;
  unsigned next_child = 0;
  bool closes_block = false;  // flush (and pop the kind) when leaving
  bool pushed_kind = false;
};

}  // namespace

void BuildHtmlDocument(std::string_view bytes, Document* doc) {
  doc->raw.assign(bytes.data(), bytes.size());
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = kMaxGumboErrors;
  GumboOutput* output = gumbo_parse_with_options(&options, doc->raw.data(), doc->raw.size());
  if (output == nullptr) return;
  const char* base = doc->raw.data();

  Meta meta;
  BlockBuilder builder;
  std::vector<BlockKind> kinds = {BlockKind::kParagraph};
  std::string first_h1;
  size_t h1_block = static_cast<size_t>(-1);  // index of the first <h1>'s block
  auto flush = [&] { return builder.Flush(kinds.back(), doc); };

  // The <head>: title and metadata. It is small, so a plain loop will do.
  const GumboNode* head = nullptr;
  if (output->root->type == GUMBO_NODE_ELEMENT) {
    const GumboVector& kids = output->root->v.element.children;
    for (unsigned k = 0; k < kids.length; ++k) {
      auto* n = static_cast<const GumboNode*>(kids.data[k]);
      if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_HEAD) head = n;
    }
  }
  if (head) {
    const GumboVector& kids = head->v.element.children;
    for (unsigned k = 0; k < kids.length; ++k) {
      auto* n = static_cast<const GumboNode*>(kids.data[k]);
      if (n->type != GUMBO_NODE_ELEMENT) continue;
      GumboTag tag = n->v.element.tag;
      if (tag == GUMBO_TAG_META || tag == GUMBO_TAG_LINK) ReadMeta(n, &meta);
      if (tag == GUMBO_TAG_TITLE && meta.title.empty()) {
        const GumboVector& t = n->v.element.children;
        for (unsigned c = 0; c < t.length; ++c) {
          auto* tn = static_cast<const GumboNode*>(t.data[c]);
          if (tn->type != GUMBO_NODE_TEXT && tn->type != GUMBO_NODE_WHITESPACE) continue;
          const GumboText& text = tn->v.text;
          AppendText(text.text, {text.original_text.data, text.original_text.length},
                     static_cast<uint32_t>(text.original_text.data - base), &builder);
        }
        meta.title = CollapseSpaces(builder.text());
        builder.Flush(BlockKind::kTitle, doc);
      }
    }
  }

  bool in_h1 = false;
  size_t dropped_begin = 0, dropped_end = 0;  // source range of the last dropped element
  std::vector<Frame> stack;
  stack.push_back({output->root});
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboNode* node = top.node;
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      children = &node->v.element.children;
    } else if (node->type == GUMBO_NODE_DOCUMENT) {
      children = &node->v.document.children;
    }
    if (children && top.next_child < children->length) {
      auto* child = static_cast<const GumboNode*>(children->data[top.next_child++]);
      switch (child->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE: {
          const GumboText& text = child->v.text;
          const size_t at = static_cast<size_t>(text.original_text.data - base);
          // Gumbo hangs some text of a <form> on the form's parent; the
          // source range of the dropped element tells it apart.
          if (at >= dropped_begin && at < dropped_end) break;
          AppendText(text.text, {text.original_text.data, text.original_text.length},
                     static_cast<uint32_t>(at), &builder);
          if (in_h1 && first_h1.size() < 1000) first_h1 += text.text;
          break;
        }
        case GUMBO_NODE_ELEMENT: {
          GumboTag tag = child->v.element.tag;
          if (IsDropped(tag)) {
            const GumboElement& e = child->v.element;
            size_t end = e.end_pos.offset;
            if (end <= e.start_pos.offset) {
              // Gumbo closed it at once (it does so for <form>): find its end tag.
              end = FindEndTag(bytes, e.start_pos.offset, gumbo_normalized_tagname(tag));
            }
            dropped_begin = e.start_pos.offset;
            dropped_end = end;
            break;
          }
          if (tag == GUMBO_TAG_META || tag == GUMBO_TAG_LINK) {
            ReadMeta(child, &meta);
            break;
          }
          if (tag == GUMBO_TAG_BR) {
            builder.AppendSeparator(child->v.element.start_pos.offset);
            break;
          }
          if (tag == GUMBO_TAG_TIME && meta.date.empty()) {
            if (const char* dt = Attr(child, "datetime")) meta.date = dt;
          }
          Frame frame{child};
          BlockKind kind;
          if (BlockKindOf(tag, kinds.back(), &kind)) {
            flush();
            kinds.push_back(kind);
            frame.closes_block = frame.pushed_kind = true;
            if (tag == GUMBO_TAG_H1 && first_h1.empty()) in_h1 = true;
          } else if (IsBlockBoundary(tag)) {
            flush();
            frame.closes_block = true;
          }
          stack.push_back(frame);
          break;
        }
        default:  // comments, documents
          break;
      }
      continue;
    }
    bool emitted = top.closes_block && flush();
    if (top.pushed_kind) {
      kinds.pop_back();
      if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_H1 && in_h1) {
        in_h1 = false;
        if (emitted) h1_block = doc->blocks.size() - 1;
      }
    }
    stack.pop_back();
  }
  flush();
  gumbo_destroy_output(&options, output);

  doc->title = !meta.title.empty()      ? meta.title
               : !first_h1.empty()      ? CollapseSpaces(first_h1)
                                        : CollapseSpaces(meta.og_title);
  // Without a <title>, the first <h1> serves as the title block.
  if (meta.title.empty() && h1_block < doc->blocks.size()) {
    doc->blocks[h1_block].kind = BlockKind::kTitle;
  }
  if (doc->author.empty()) doc->author = meta.author;
  if (doc->date.empty()) doc->date = meta.date;
  if (doc->url.empty()) doc->url = meta.url;
}

kb::Status ParseHtml(std::string_view bytes, const std::string& path, Document* doc) {
  InputProblem problem;
  if (!CheckTextInput(bytes, &problem)) {
    return kb::Status::InvalidArgument(path + ": " + problem.message);
  }
  doc->path = path;
  doc->kind = "html";
  BuildHtmlDocument(bytes, doc);
  return kb::Status::OK();
}

}  // namespace ingest
