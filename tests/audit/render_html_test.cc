// Tests for query/src/render_html.cc: structure, counts and escaping.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <string>

#include "audit_test_util.h"
#include "query/audit.h"

namespace query {
namespace {

using evkb_test::MakeReport;
using K = FindingKind;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

size_t CountOf(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

TEST_CASE("RenderHtml: highlights each finding with its kind and shows the counts", "[audit]") {
  const AuditReport r =
      MakeReport("Why rolling helps", {{"Rolling breaks up scar tissue.", K::kMyth},
                                       {"Rolling lengthens the IT band.", K::kContested},
                                       {"Rolling reduces soreness.", K::kConsistent},
                                       {"Rolling flushes toxins.", K::kUnknown},
                                       {"Roll slowly.", K::kUnknown, false}});
  const std::string html = RenderAuditHtml(r);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(CountOf(html, "<mark class=\"s k-myth\"") == 1);
  CHECK(CountOf(html, "<mark class=\"s k-contested\"") == 1);
  CHECK(CountOf(html, "<mark class=\"s k-consistent\"") == 1);
  CHECK(CountOf(html, "<mark class=\"s k-unknown\"") == 1);
  CHECK(CountOf(html, "<mark ") == 4);
  CHECK(html.find("id=\"count-myth\" data-kind=\"myth\">1<") != std::string::npos);
  CHECK(html.find("id=\"count-unsupported\" data-kind=\"unsupported\">0<") != std::string::npos);
  CHECK(CountOf(html, "<details class=\"card") == 4);
  CHECK(html.find("Roll slowly.") != std::string::npos);  // unjudged text is kept, plain
  CHECK(html.find("Journal of Sport Rehabilitation 2019") != std::string::npos);
}

TEST_CASE("RenderHtml: is self-contained with a CSP that forbids loads and scripts", "[audit]") {
  const std::string html =
      RenderAuditHtml(MakeReport("T", {{"Rolling breaks up scar tissue.", K::kMyth}}));
  CHECK(html.find("http-equiv=\"Content-Security-Policy\"") != std::string::npos);
  CHECK(html.find("default-src 'none'") != std::string::npos);
  CHECK(html.find("script-src 'none'") != std::string::npos);
  const std::string lower = Lower(html);
  CHECK(lower.find("http://") == std::string::npos);
  CHECK(lower.find("https://") == std::string::npos);
  CHECK(lower.find("<script") == std::string::npos);
  CHECK(lower.find("<link") == std::string::npos);
  CHECK(lower.find("@import") == std::string::npos);
  CHECK(lower.find("url(") == std::string::npos);
}

TEST_CASE("RenderHtml: article and KB text cannot inject markup", "[audit]") {
  const std::string evil_title = "<script>document.title='PWNED'</script>";
  const std::string evil_judged = "Rolling <img src=x onerror=alert(1)> breaks up scar tissue.";
  const std::string evil_plain = "<a href=\"javascript:alert(2)\">click</a> <svg onload=alert(3)>";
  AuditReport r =
      MakeReport(evil_title, {{evil_judged, K::kMyth}, {evil_plain, K::kUnknown, false}});
  r.document.path = "drafts/\"><script>alert(4)</script>.md";
  r.findings[0].correction = "</q><script>alert(5)</script>";
  r.findings[0].note = "<iframe src=//evil>";
  r.findings[0].claim.text = "<b onmouseover=alert(6)>x</b>";
  r.findings[0].evidence[0].assertion.sentence = "<style>body{display:none}</style>";
  r.findings[0].evidence[0].works[0].label = "<object data=x>";
  r.findings[0].evidence[0].source.path = "seeds/<embed src=x>.txt";

  const std::string html = RenderAuditHtml(r);
  const std::string lower = Lower(html);
  CHECK(lower.find("<script") == std::string::npos);
  for (const char* tag :
       {"<img", "<a href=\"javascript", "<svg", "<iframe", "<object", "<embed", "<b onmouseover"}) {
    INFO(tag);
    CHECK(lower.find(tag) == std::string::npos);
  }
  CHECK(CountOf(lower, "<style") == 1);  // the page's own
  CHECK(html.find("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;") !=
        std::string::npos);
  CHECK(html.find("Rolling &lt;img src=x onerror=alert(1)&gt; breaks up scar tissue.") !=
        std::string::npos);
  // The highlight still wraps the escaped sentence.
  CHECK(CountOf(html, "<mark class=\"s k-myth\"") == 1);
}

TEST_CASE("RenderHtml: a report without findings still renders", "[audit]") {
  const std::string html =
      RenderAuditHtml(MakeReport("Quiet", {{"Roll slowly.", K::kUnknown, false}}));
  CHECK(html.find("<mark") == std::string::npos);
  CHECK(html.find("No sentence made a claim to judge.") != std::string::npos);
  CHECK(html.find("</html>") != std::string::npos);
}

}  // namespace
}  // namespace query
