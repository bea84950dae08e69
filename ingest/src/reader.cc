// ReadInput: files, directories and stdin into Documents; ParseByName picks
// the format. Every problem becomes a ReadError naming the input.
#include "ingest/reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "readers.h"
#include "utf8.h"

namespace ingest {
namespace {

namespace fs = std::filesystem;

enum class Format { kText, kMarkdown, kHtml, kJsonl, kUnknown };

std::string LowerExtension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext;
}

Format FormatOfExtension(const std::string& path) {
  std::string ext = LowerExtension(path);
  if (ext == ".txt") return Format::kText;
  if (ext == ".md" || ext == ".markdown") return Format::kMarkdown;
  if (ext == ".html" || ext == ".htm") return Format::kHtml;
  if (ext == ".jsonl") return Format::kJsonl;
  return Format::kUnknown;
}

bool ContainsNoCase(std::string_view hay, std::string_view needle) {
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
    return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b;
  });
  return it != hay.end();
}

// Chooses HTML, Markdown or text from the content.
Format SniffFormat(std::string_view bytes) {
  std::string_view head = bytes.substr(Utf8BomLength(bytes), 8192);
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && head[first] == '<') {
    for (std::string_view tag : {"<!doctype html", "<html", "<body", "<head", "<p>", "<p ", "<div",
                                 "<h1", "<h2", "<article", "<ul", "<meta", "<title"}) {
      if (ContainsNoCase(head, tag)) return Format::kHtml;
    }
  }
  int markdown = 0;
  size_t i = 0;
  while (i < head.size()) {
    size_t j = head.find('\n', i);
    if (j == std::string_view::npos) j = head.size();
    std::string_view line = head.substr(i, j - i);
    if (line.rfind("# ", 0) == 0 || line.rfind("## ", 0) == 0 || line.rfind("### ", 0) == 0 ||
        line.rfind("```", 0) == 0 || line.rfind("===", 0) == 0 || line.rfind("> ", 0) == 0) {
      ++markdown;
    }
    if (line.find("](") != std::string_view::npos || line.find("**") != std::string_view::npos) {
      ++markdown;
    }
    i = j + 1;
  }
  return markdown > 0 ? Format::kMarkdown : Format::kText;
}

// Reads at most max_bytes + 1 bytes of `file` into *out.
bool ReadStream(std::FILE* file, uint64_t max_bytes, std::string* out) {
  char chunk[64 * 1024];
  size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, file)) > 0) {
    out->append(chunk, n);
    if (out->size() > max_bytes) break;
  }
  return !std::ferror(file);
}

ReadError TooLarge(const std::string& path, uint64_t size, uint64_t limit) {
  return {path, 0, 0,
          (size > limit + 1 ? "file is " + FormatSize(size) : std::string("input is larger than that")) +
              ", over the " + FormatSize(limit) + " limit; split it or raise the limit"};
}

ReadError CannotOpen(const std::string& path, int err) {
  std::string why = std::strerror(err);
  for (char& c : why) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return {path, 0, 0, "cannot read: " + why + "; check the path and its permissions"};
}

// Parses `bytes` (the whole of `path`) in `format` and hands the result on.
void ParseAndDeliver(std::string_view bytes, const std::string& path, Format format,
                     const std::string& kind, const DocumentSink& on_doc, const ErrorSink& on_error) {
  InputProblem problem;
  if (!CheckTextInput(bytes, &problem)) {
    int line = problem.byte > 0 ? LineOfByte(bytes, problem.byte) : 0;
    on_error({path, line, problem.byte, problem.message});
    return;
  }
  Document doc;
  doc.path = path;
  switch (format) {
    case Format::kMarkdown:
      BuildMarkdownDocument(bytes, &doc);
      break;
    case Format::kHtml:
      BuildHtmlDocument(bytes, &doc);
      break;
    default:
      BuildTextDocument(bytes, &doc);
      break;
  }
  doc.kind = kind;
  on_doc(std::move(doc));
}

const char* KindName(Format f) {
  switch (f) {
    case Format::kMarkdown:
      return "md";
    case Format::kHtml:
      return "html";
    case Format::kJsonl:
      return "jsonl";
    default:
      return "txt";
  }
}

void ReadFile(const std::string& path, const ReaderOptions& options, const DocumentSink& on_doc,
              const ErrorSink& on_error) {
  Format format = FormatOfExtension(path);
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    on_error(CannotOpen(path, errno));
    return;
  }
  if (format == Format::kJsonl) {
    ReadJsonlStream(file.get(), path, "", options, on_doc, on_error);
    return;
  }
  struct stat st;
  if (fstat(fileno(file.get()), &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<uint64_t>(st.st_size) > options.max_bytes) {
    on_error(TooLarge(path, static_cast<uint64_t>(st.st_size), options.max_bytes));
    return;
  }
  std::string bytes;
  if (!ReadStream(file.get(), options.max_bytes, &bytes)) {
    on_error(CannotOpen(path, errno ? errno : EIO));
    return;
  }
  if (bytes.size() > options.max_bytes) {
    on_error(TooLarge(path, 0, options.max_bytes));
    return;
  }
  // A named file with an unknown extension is read as text.
  if (format == Format::kUnknown) format = Format::kText;
  ParseAndDeliver(bytes, path, format, KindName(format), on_doc, on_error);
}

void ReadStdin(const ReaderOptions& options, const DocumentSink& on_doc, const ErrorSink& on_error) {
  const std::string path = "<stdin>";
  // JSONL on stdin is streamed like a JSONL file; anything else is read whole.
  std::string prefix;
  int c;
  while ((c = std::getc(stdin)) != EOF && (c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
    prefix.push_back(static_cast<char>(c));
  }
  if (c == EOF) {
    on_error({path, 0, 0, "empty input; nothing to read"});
    return;
  }
  prefix.push_back(static_cast<char>(c));
  if (c == '{') {
    ReadJsonlStream(stdin, path, std::move(prefix), options, on_doc, on_error);
    return;
  }
  std::string bytes = std::move(prefix);
  if (!ReadStream(stdin, options.max_bytes, &bytes)) {
    on_error({path, 0, 0, "read error on standard input"});
    return;
  }
  if (bytes.size() > options.max_bytes) {
    on_error(TooLarge(path, 0, options.max_bytes));
    return;
  }
  ParseAndDeliver(bytes, path, SniffFormat(bytes), "stdin", on_doc, on_error);
}

void ReadDirectory(const std::string& dir, const ReaderOptions& options, const DocumentSink& on_doc,
                   const ErrorSink& on_error) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    std::string path = it->path().string();
    if (FormatOfExtension(path) != Format::kUnknown) files.push_back(std::move(path));
  }
  if (ec) {
    on_error({dir, 0, 0, "cannot list directory: " + ec.message() + "; check its permissions"});
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) ReadFile(f, options, on_doc, on_error);
}

}  // namespace

std::string FormatSize(uint64_t bytes) {
  char buf[64];
  if (bytes >= (1ull << 20)) {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  } else if (bytes >= (1ull << 10)) {
    std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / (1 << 10));
  } else {
    std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
  }
  return buf;
}

void ReadInput(const std::string& input, const ReaderOptions& options, const DocumentSink& on_doc,
               const ErrorSink& on_error) {
  if (input == "-") {
    ReadStdin(options, on_doc, on_error);
    return;
  }
  std::error_code ec;
  fs::file_status status = fs::status(input, ec);
  if (ec || !fs::exists(status)) {
    on_error({input, 0, 0, "no such file or directory; check the path"});
    return;
  }
  if (fs::is_directory(status)) {
    ReadDirectory(input, options, on_doc, on_error);
  } else {
    ReadFile(input, options, on_doc, on_error);
  }
}

kb::Status ParseByName(std::string_view bytes, const std::string& path, Document* doc) {
  const bool is_stdin = path == "-" || path == "<stdin>";
  const std::string name = is_stdin ? "<stdin>" : path;
  kb::Status status;
  switch (is_stdin ? SniffFormat(bytes) : FormatOfExtension(path)) {
    case Format::kMarkdown:
      status = ParseMarkdown(bytes, name, doc);
      break;
    case Format::kHtml:
      status = ParseHtml(bytes, name, doc);
      break;
    case Format::kJsonl:
      return kb::Status::InvalidArgument(
          name + ": a JSONL file holds many articles; read it with ReadInput");
    default:
      status = ParseText(bytes, name, doc);
      break;
  }
  if (status.ok() && is_stdin) doc->kind = "stdin";
  return status;
}

}  // namespace ingest
