// CSL-JSON and BibTeX writers. Both escape every string they emit; nothing
// from a reference reaches the output unescaped.
#include "citations/csl_writer.h"

#include <string>

#include "text_util.h"

namespace citations {
namespace {

void JsonString(std::string_view s, std::string* out) {
  static const char* kHex = "0123456789abcdef";
  out->push_back('"');
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      default:
        if (c < 0x20) {
          *out += "\\u00";
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else if (c >= 0x80) {
          // Pass valid UTF-8 through; replace invalid bytes with U+FFFD.
          size_t len;
          int32_t cp = internal::CodePointAt(s, i, &len);
          if (cp == 0xFFFD && s.compare(i, 3, "\xEF\xBF\xBD") != 0) {
            *out += "\\ufffd";
          } else {
            out->append(s.substr(i, len));
          }
          i += len - 1;
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

void Field(const char* key, std::string_view value, std::string* out) {
  if (value.empty()) return;
  *out += ", ";
  JsonString(key, out);
  *out += ": ";
  JsonString(value, out);
}

std::string CslType(const CslEntry& e) {
  if (e.type == "web") return "webpage";
  const Reference& r = e.ref;
  if (!r.container.empty() || !r.volume.empty() || !r.doi.empty()) return "article-journal";
  if (!r.url.empty()) return "webpage";
  return "article";
}

// BibTeX: escape LaTeX specials; non-ASCII letters are kept as UTF-8 inside
// braces so biber and bibtex8 read them and case changes leave them alone.
std::string Tex(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '{': out += "\\{"; break;
      case '}': out += "\\}"; break;
      case '&': out += "\\&"; break;
      case '%': out += "\\%"; break;
      case '$': out += "\\$"; break;
      case '#': out += "\\#"; break;
      case '_': out += "\\_"; break;
      case '\\': out += "\\textbackslash{}"; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x80) {
          size_t len;
          int32_t cp = internal::CodePointAt(s, i, &len);
          out += '{';
          if (cp == 0xFFFD && s.compare(i, 3, "\xEF\xBF\xBD") != 0) out += '?';
          else out.append(s.substr(i, len));
          out += '}';
          i += len - 1;
        } else if (static_cast<unsigned char>(c) >= 0x20) {
          out += c;
        }
    }
  }
  return out;
}

// A BibTeX key: letters, digits and - _ : only.
std::string TexKey(std::string_view id, size_t index) {
  std::string out;
  for (char c : id)
    if (internal::IsAsciiAlpha(c) || internal::IsDigit(c) || c == '-' || c == '_' || c == ':')
      out += c;
  if (out.empty()) out = "ref" + std::to_string(index + 1);
  return out;
}

void TexField(const char* key, std::string_view value, std::string* out) {
  if (value.empty()) return;
  *out += ",\n  ";
  *out += key;
  *out += " = {";
  *out += Tex(value);
  *out += "}";
}

}  // namespace

std::string ToCslJson(const std::vector<CslEntry>& entries) {
  std::string out = "[";
  for (size_t n = 0; n < entries.size(); ++n) {
    const CslEntry& e = entries[n];
    const Reference& r = e.ref;
    out += n ? ",\n  {" : "\n  {";
    JsonString("id", &out);
    out += ": ";
    JsonString(e.id.empty() ? "ref" + std::to_string(n + 1) : e.id, &out);
    Field("type", CslType(e), &out);
    if (!r.authors.empty()) {
      out += ", \"author\": [";
      for (size_t a = 0; a < r.authors.size(); ++a) {
        out += a ? ", {" : "{";
        std::string inner;
        Field("family", r.authors[a].family, &inner);
        Field("given", r.authors[a].given, &inner);
        out += inner.empty() ? "" : inner.substr(2);
        out += "}";
      }
      out += "]";
    }
    if (r.year != 0) out += ", \"issued\": {\"date-parts\": [[" + std::to_string(r.year) + "]]}";
    Field("title", r.title, &out);
    Field("container-title", r.container, &out);
    Field("publisher", r.publisher, &out);
    Field("volume", r.volume, &out);
    Field("issue", r.issue, &out);
    Field("page", r.pages, &out);
    Field("DOI", r.doi, &out);
    Field("PMID", r.pmid, &out);
    Field("PMCID", r.pmcid, &out);
    Field("URL", r.url, &out);
    out += "}";
  }
  out += entries.empty() ? "]\n" : "\n]\n";
  return out;
}

std::string ToBibtex(const std::vector<CslEntry>& entries) {
  std::string out;
  for (size_t n = 0; n < entries.size(); ++n) {
    const CslEntry& e = entries[n];
    const Reference& r = e.ref;
    std::string type = CslType(e) == "article-journal" ? "article" : "misc";
    out += "@" + type + "{" + TexKey(e.id, n);
    std::string authors;
    for (const Name& a : r.authors) {
      if (!authors.empty()) authors += " and ";
      // Organisation names are braced so BibTeX does not split them.
      if (a.given.empty()) authors += "{" + Tex(a.family) + "}";
      else authors += Tex(a.family) + ", " + Tex(a.given);
    }
    if (!authors.empty()) out += ",\n  author = {" + authors + "}";
    TexField("title", r.title, &out);
    TexField(type == "article" ? "journal" : "howpublished", r.container, &out);
    if (r.year != 0) out += ",\n  year = {" + std::to_string(r.year) + "}";
    TexField("publisher", r.publisher, &out);
    TexField("volume", r.volume, &out);
    TexField("number", r.issue, &out);
    std::string pages = r.pages;
    for (size_t p = pages.find('-'); p != std::string::npos; p = pages.find('-', p + 2))
      pages.replace(p, 1, "--");
    TexField("pages", pages, &out);
    TexField("doi", r.doi, &out);
    TexField("pmid", r.pmid, &out);
    TexField("url", r.url, &out);
    out += "\n}\n";
  }
  return out;
}

}  // namespace citations
