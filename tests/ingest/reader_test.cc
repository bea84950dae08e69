#include "ingest/reader.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// A scratch directory removed when the test ends.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("evkb_reader_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& bytes) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

struct Result {
  std::vector<ingest::Document> docs;
  std::vector<ingest::ReadError> errors;
};

Result Read(const std::string& input, uint64_t max_bytes = 20ull << 20) {
  Result r;
  ingest::ReaderOptions options;
  options.max_bytes = max_bytes;
  ingest::ReadInput(
      input, options, [&](ingest::Document&& d) { r.docs.push_back(std::move(d)); },
      [&](const ingest::ReadError& e) { r.errors.push_back(e); });
  return r;
}

// Every block maps back into raw: sizes agree, offsets grow, and each ASCII
// byte is found at its offset (or the '&' of the entity it was decoded from).
void CheckOffsets(const ingest::Document& doc) {
  for (const ingest::Block& b : doc.blocks) {
    INFO("block: " << b.text);
    REQUIRE(b.offsets.size() == b.text.size() + 1);
    CHECK_FALSE(b.text.empty());
    for (size_t i = 0; i < b.text.size(); ++i) {
      REQUIRE(b.offsets[i] < doc.raw.size());
      if (i > 0) CHECK(b.offsets[i - 1] <= b.offsets[i]);
      unsigned char c = static_cast<unsigned char>(b.text[i]);
      if (c < 0x80 && c != ' ') {
        char at = doc.raw[b.offsets[i]];
        if (at != b.text[i]) CHECK(at == '&');
      }
    }
    CHECK(b.offsets.back() <= doc.raw.size());
    CHECK(b.offsets.back() > b.offsets.front());
  }
}

struct Expected {
  ingest::BlockKind kind;
  std::string text;
};

void CheckBlocks(const ingest::Document& doc, const std::vector<Expected>& expected) {
  std::vector<std::string> got, want;
  for (const ingest::Block& b : doc.blocks) {
    got.push_back(std::string(ingest::BlockKindName(b.kind)) + ": " + b.text);
  }
  for (const Expected& e : expected) {
    want.push_back(std::string(ingest::BlockKindName(e.kind)) + ": " + e.text);
  }
  CHECK(got == want);
  CheckOffsets(doc);
}

using K = ingest::BlockKind;

}  // namespace

TEST_CASE("Reader: plain text structure", "[ingest]") {
  const std::string text =
      "Rolling Before a Run\n"
      "\n"
      "Many runners roll their legs before a run. They say it loosens\n"
      "them up.\n"
      "\n"
      "What the research says\n"
      "\n"
      "Three points stand out:\n"
      "\u2022 It feels good\n"
      "- It may ease soreness\n"
      "  for a short while\n"
      "1. It does not change fascia\n"
      "\n"
      "Closing line without a stop\n";
  ingest::Document doc;
  REQUIRE(ingest::ParseText(text, "run.txt", &doc).ok());
  CHECK(doc.kind == "txt");
  CHECK(doc.title == "Rolling Before a Run");
  CheckBlocks(doc, {{K::kTitle, "Rolling Before a Run"},
                    {K::kParagraph,
                     "Many runners roll their legs before a run. They say it loosens them up."},
                    {K::kHeading, "What the research says"},
                    {K::kParagraph, "Three points stand out:"},
                    {K::kListItem, "It feels good"},
                    {K::kListItem, "It may ease soreness for a short while"},
                    {K::kListItem, "It does not change fascia"},
                    {K::kParagraph, "Closing line without a stop"}});
}

TEST_CASE("Reader: text title may be a question; CRLF and BOM", "[ingest]") {
  ingest::Document doc;
  REQUIRE(ingest::ParseText("\xEF\xBB\xBFIs rolling worth it?\r\n\r\nPerhaps, for comfort.\r\n",
                            "q.txt", &doc)
              .ok());
  CheckBlocks(doc, {{K::kTitle, "Is rolling worth it?"}, {K::kParagraph, "Perhaps, for comfort."}});
  CHECK(doc.blocks[0].offsets[0] == 3);
}

TEST_CASE("Reader: markdown", "[ingest]") {
  const std::string md =
      "---\n"
      "title: \"Rolling notes\"\n"
      "author: A. Writer\n"
      "date: 2023-05-06\n"
      "---\n"
      "# Why roll\n"
      "\n"
      "Rolling is *popular* and **cheap**, see [the review](http://example.org/r) and `code`.\n"
      "Second line of snake_case text, 3 * 4 = 12.\n"
      "\n"
      "## How\n"
      "\n"
      "- Go *slowly*\n"
      "* Breathe\n"
      "2. Stop if it hurts\n"
      "\n"
      "> Nothing works for everyone.\n"
      "\n"
      "```\n"
      "not prose\n"
      "```\n"
      "\n"
      "Setext heading\n"
      "==============\n"
      "\n"
      "Text with [3] and ![a roller](img.png) and a footnote[^1].\n";
  ingest::Document doc;
  REQUIRE(ingest::ParseMarkdown(md, "notes.md", &doc).ok());
  CHECK(doc.kind == "md");
  CHECK(doc.title == "Rolling notes");
  CHECK(doc.author == "A. Writer");
  CHECK(doc.date == "2023-05-06");
  CheckBlocks(doc, {{K::kTitle, "Why roll"},
                    {K::kParagraph,
                     "Rolling is popular and cheap, see the review and code. Second line of "
                     "snake_case text, 3 * 4 = 12."},
                    {K::kHeading, "How"},
                    {K::kListItem, "Go slowly"},
                    {K::kListItem, "Breathe"},
                    {K::kListItem, "Stop if it hurts"},
                    {K::kQuote, "Nothing works for everyone."},
                    {K::kHeading, "Setext heading"},
                    {K::kParagraph, "Text with [3] and a roller and a footnote."}});
}

TEST_CASE("Reader: HTML keeps content, drops chrome, decodes entities", "[ingest]") {
  const std::string html =
      "<!DOCTYPE html><html><head><title>Rolling &amp; Recovery</title>\n"
      "<meta name=\"author\" content=\"Sam Field\">\n"
      "<meta property=\"article:published_time\" content=\"2022-01-02\">\n"
      "<link rel=\"canonical\" href=\"https://example.org/rolling\">\n"
      "<script>document.write('<p>injected</p>');</script><style>p { color: red }</style>\n"
      "</head><body>\n"
      "<nav><a href=\"/\">Home</a> | <a href=\"/shop\">Shop</a></nav>\n"
      "<header>Site banner</header>\n"
      "<h1>Does it help?</h1>\n"
      "<p>Rolling&nbsp;&mdash; in <em>one</em> trial &ndash; eased soreness.</p>\n"
      "<!-- an editor's note -->\n"
      "<ul><li>Short sessions</li><li>Gentle &#8220;pressure&#8221;</li></ul>\n"
      "<blockquote><p>It is not magic.</p></blockquote>\n"
      "<table><tr><td>Calves</td><td>Quads</td></tr></table>\n"
      "<h2>Caveats</h2><p>Evidence is thin.<br>More is needed.</p>\n"
      "<aside>Related posts</aside><form>Subscribe</form><noscript>Enable JS</noscript>\n"
      "<iframe src=\"x\"></iframe><svg><text>chart label</text></svg>\n"
      "<footer>Copyright</footer></body></html>\n";
  ingest::Document doc;
  REQUIRE(ingest::ParseHtml(html, "page.html", &doc).ok());
  CHECK(doc.kind == "html");
  CHECK(doc.title == "Rolling & Recovery");
  CHECK(doc.author == "Sam Field");
  CHECK(doc.date == "2022-01-02");
  CHECK(doc.url == "https://example.org/rolling");
  CheckBlocks(doc, {{K::kTitle, "Rolling & Recovery"},
                    {K::kHeading, "Does it help?"},
                    {K::kParagraph, "Rolling\u00A0\u2014 in one trial \u2013 eased soreness."},
                    {K::kListItem, "Short sessions"},
                    {K::kListItem, "Gentle \u201Cpressure\u201D"},
                    {K::kQuote, "It is not magic."},
                    {K::kParagraph, "Calves"},
                    {K::kParagraph, "Quads"},
                    {K::kHeading, "Caveats"},
                    {K::kParagraph, "Evidence is thin. More is needed."}});
  // The em dash maps to its entity in the original.
  const ingest::Block& p = doc.blocks[2];
  size_t dash = p.text.find("\u2014");
  REQUIRE(dash != std::string::npos);
  CHECK(doc.raw.compare(p.offsets[dash], 7, "&mdash;") == 0);
  CHECK(doc.raw.compare(p.offsets[p.text.find("trial")], 5, "trial") == 0);
}

TEST_CASE("Reader: HTML title falls back to the first h1", "[ingest]") {
  ingest::Document doc;
  REQUIRE(ingest::ParseHtml("<h2>Intro</h2><h1>Main title</h1><p>Body text.</p>", "t.htm", &doc).ok());
  CHECK(doc.title == "Main title");
  CheckBlocks(doc, {{K::kHeading, "Intro"}, {K::kTitle, "Main title"}, {K::kParagraph, "Body text."}});
}

TEST_CASE("Reader: HTML characters gumbo replaces keep their place", "[ingest]") {
  // U+FFFF becomes U+FFFD, which shares its first two bytes: the byte map
  // must still point each replaced character at the one it stands for.
  ingest::Document doc;
  REQUIRE(ingest::ParseHtml("<p>Rest \xEF\xBF\xBF" "days help.</p>", "nonchar.html", &doc).ok());
  REQUIRE(doc.blocks.size() == 1);
  const ingest::Block& b = doc.blocks[0];
  CheckOffsets(doc);
  size_t days = b.text.find("days");
  REQUIRE(days != std::string::npos);
  CHECK(doc.raw.compare(b.offsets[days], 4, "days") == 0);
  for (uint32_t o : b.offsets) CHECK(o <= doc.raw.size());
}

TEST_CASE("Reader: deeply nested HTML does not overflow the stack", "[ingest]") {
  std::string html = "<html><body>";
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += "<p>Deep &amp; safe.</p>";
  for (int i = 0; i < 10000; ++i) html += "</div>";
  html += "</body></html>";
  ingest::Document doc;
  REQUIRE(ingest::ParseHtml(html, "deep.html", &doc).ok());
  CheckBlocks(doc, {{K::kParagraph, "Deep & safe."}});
}

TEST_CASE("Reader: JSONL streams articles and reports bad lines", "[ingest]") {
  TempDir dir;
  const std::string path = dir.Write(
      "feed.jsonl",
      "{\"url\":\"https://a.example/1\",\"title\":\"First\",\"author\":\"Ann\",\"date\":\"2020-01-01\","
      "\"text\":\"Rolling helps some people.\\n\\nIt is cheap.\"}\n"
      "{\"url\": \"https://a.example/2\", \"title\": \"Broken\", \"text\": \n"
      "\n"
      "{\"url\":\"https://a.example/3\",\"html\":\"<h1>Third</h1><p>Rolling &amp; stretching.</p>\"}\n"
      "{\"url\":\"https://a.example/4\"}\n"
      "[1, 2]\n");
  Result r = Read(path);
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].kind == "jsonl");
  CHECK(r.docs[0].title == "First");
  CHECK(r.docs[0].author == "Ann");
  CHECK(r.docs[0].date == "2020-01-01");
  CHECK(r.docs[0].url == "https://a.example/1");
  CHECK(r.docs[0].raw == "Rolling helps some people.\n\nIt is cheap.");
  CheckBlocks(r.docs[0], {{K::kParagraph, "Rolling helps some people."}, {K::kParagraph, "It is cheap."}});
  CHECK(r.docs[1].title == "Third");
  CHECK(r.docs[1].url == "https://a.example/3");
  CheckBlocks(r.docs[1], {{K::kTitle, "Third"}, {K::kParagraph, "Rolling & stretching."}});

  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].line == 2);
  CHECK(r.errors[0].ToString().find(path + ":2: invalid JSON") == 0);
  CHECK(r.errors[1].line == 5);
  CHECK(r.errors[1].message.find("no \"text\" or \"html\" field") != std::string::npos);
  CHECK(r.errors[2].line == 6);
  CHECK(r.errors[2].message.find("expected a JSON object") != std::string::npos);
}

TEST_CASE("Reader: JSONL line over the limit", "[ingest]") {
  TempDir dir;
  std::string big(300, 'x');
  const std::string path = dir.Write(
      "big.jsonl", "{\"text\":\"" + big + "\"}\n{\"text\":\"Small one.\"}\n");
  Result r = Read(path, 200);
  REQUIRE(r.docs.size() == 1);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 1);
  CHECK(r.errors[0].message.find("over the 200 bytes limit") != std::string::npos);
}

TEST_CASE("Reader: bad input gives a clear error", "[ingest]") {
  struct Case {
    const char* name;
    std::string bytes;
    std::string message;  // expected substring of ReadError::ToString()
    int line;
  };
  const Case cases[] = {
      {"bad.txt", "Fine line.\nBad \xC3\x28 byte.\n", "invalid UTF-8 at byte 15", 2},
      {"overlong.md", "# T\n\xC0\xAF", "invalid UTF-8 at byte 4", 2},
      {"nul.txt", std::string("text\0more", 9), "binary data (NUL byte at byte 4)", 1},
      {"ctrl.html", std::string(200, '\x01'), "binary data", 0},
      {"utf16.txt", "\xFF\xFEH\0i\0", "UTF-16 text; convert to UTF-8", 0},
      {"empty.md", "", "empty input", 0},
      {"blank.txt", "  \n\n\t\n", "empty input", 0},
  };
  TempDir dir;
  for (const Case& c : cases) {
    INFO("file: " << c.name);
    const std::string path = dir.Write(c.name, c.bytes);
    Result r = Read(path);
    CHECK(r.docs.empty());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].path == path);
    CHECK(r.errors[0].line == c.line);
    CHECK(r.errors[0].ToString().find(c.message) != std::string::npos);
    // The parse functions agree and name the file.
    ingest::Document doc;
    kb::Status s = ingest::ParseByName(c.bytes, c.name, &doc);
    CHECK(s.IsInvalidArgument());
    CHECK(s.message().find(std::string(c.name) + ": ") == 0);
  }
}

TEST_CASE("Reader: size limit, missing paths", "[ingest]") {
  TempDir dir;
  const std::string big = dir.Write("big.txt", std::string(3 * 1024, 'a'));
  Result r = Read(big, 1024);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].ToString() ==
        big + ": file is 3.0 KB, over the 1.0 KB limit; split it or raise the limit");

  Result missing = Read(dir.path() + "/nope.txt");
  REQUIRE(missing.errors.size() == 1);
  CHECK(missing.errors[0].message.find("no such file or directory") != std::string::npos);
}

TEST_CASE("Reader: directories are read recursively in order", "[ingest]") {
  TempDir dir;
  dir.Write("b.md", "# B\n\nBee text.\n");
  dir.Write("a.txt", "Ay text.\n");
  dir.Write("sub/c.HTML", "<p>Cee text.</p>");
  dir.Write("sub/d.markdown", "Dee text.\n");
  dir.Write("sub/e.htm", "<p>Ee text.</p>");
  dir.Write("notes.csv", "skipped,silently\n");
  dir.Write("sub/bad.txt", "bad \xFF\n");
  Result r = Read(dir.path());
  std::vector<std::string> names;
  for (const ingest::Document& d : r.docs) names.push_back(fs::path(d.path).filename().string());
  CHECK(names == std::vector<std::string>{"a.txt", "b.md", "c.HTML", "d.markdown", "e.htm"});
  REQUIRE(r.errors.size() == 1);
  CHECK(fs::path(r.errors[0].path).filename() == "bad.txt");
  CHECK(r.docs[2].kind == "html");
  CHECK(r.docs[3].kind == "md");
}

TEST_CASE("Reader: a named file with an unknown extension is read as text", "[ingest]") {
  TempDir dir;
  const std::string path = dir.Write("article.body", "Plain words here.\n");
  Result r = Read(path);
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].kind == "txt");
  CheckBlocks(r.docs[0], {{K::kParagraph, "Plain words here."}});
}

TEST_CASE("Reader: stdin content is sniffed", "[ingest]") {
  struct Case {
    std::string bytes;
    ingest::BlockKind first;
    std::string text;
  };
  const Case cases[] = {
      {"<!doctype html><p>From a page.</p>", K::kParagraph, "From a page."},
      {"# Heading\n\nFrom markdown with **bold**.\n", K::kTitle, "Heading"},
      {"Just a plain sentence.\n", K::kParagraph, "Just a plain sentence."},
  };
  for (const Case& c : cases) {
    ingest::Document doc;
    REQUIRE(ingest::ParseByName(c.bytes, "-", &doc).ok());
    CHECK(doc.kind == "stdin");
    CHECK(doc.path == "<stdin>");
    REQUIRE_FALSE(doc.blocks.empty());
    CHECK(doc.blocks[0].kind == c.first);
    CHECK(doc.blocks[0].text == c.text);
    CheckOffsets(doc);
  }
}

TEST_CASE("Reader: BlockKindName and ReadError::ToString", "[ingest]") {
  CHECK(std::string(ingest::BlockKindName(K::kListItem)) == "list_item");
  CHECK(std::string(ingest::BlockKindName(K::kQuote)) == "quote");
  CHECK(ingest::ReadError{"a.jsonl", 3, 0, "bad"}.ToString() == "a.jsonl:3: bad");
  CHECK(ingest::ReadError{"a.txt", 0, 0, "bad"}.ToString() == "a.txt: bad");
}
