// Tests for query/src/audit_render_json.cc and audit_render_text.cc.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <string>

#include "audit_test_util.h"
#include "query/audit.h"

namespace query {
namespace {

using evkb_test::MakeReport;
using K = FindingKind;

TEST_CASE("AuditRenderJson: the CLI.md audit shape", "[audit]") {
  AuditReport r = MakeReport("Why rolling helps", {{"Rolling breaks up scar tissue.", K::kMyth},
                                                   {"Rolling flushes toxins.", K::kUnknown}});
  r.findings[0].correction = "Journal 2019: \u201cno\u201d \u2014 002.txt";
  rapidjson::Document doc;
  doc.Parse(RenderAuditJson(r).c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(std::string(doc["source"]["path"].GetString()) == "drafts/article.md");
  CHECK(std::string(doc["source"]["title"].GetString()) == "Why rolling helps");
  const auto& findings = doc["findings"];
  REQUIRE(findings.Size() == 2);

  const auto& myth = findings[0];
  CHECK(std::string(myth["kind"].GetString()) == "myth");
  CHECK(std::string(myth["sentence"].GetString()) == "Rolling breaks up scar tissue.");
  REQUIRE(myth["span"].IsArray());
  CHECK(myth["span"][1].GetUint() - myth["span"][0].GetUint() == 30);
  for (const char* key : {"id", "text", "subject", "relation", "object", "stance"}) {
    INFO(key);
    CHECK(myth["claim"].HasMember(key));
  }
  CHECK(std::string(myth["claim"]["stance"].GetString()) == "asserts");
  CHECK(std::string(myth["verdict"].GetString()) == "refuted");
  REQUIRE(myth["evidence"].Size() == 1);
  CHECK(std::string(myth["evidence"][0]["stance"].GetString()) == "denies");
  CHECK(myth["evidence"][0]["works"].IsArray());
  CHECK(myth["evidence"][0]["source"].HasMember("path"));
  CHECK(myth["correction"].IsString());

  const auto& unknown = findings[1];
  CHECK(std::string(unknown["kind"].GetString()) == "unknown");
  CHECK(unknown["claim"].IsNull());
  CHECK(unknown["correction"].IsNull());
  REQUIRE(unknown["unknown_terms"].Size() == 1);
  CHECK(std::string(unknown["unknown_terms"][0].GetString()) == "toxins");

  const auto& summary = doc["summary"];
  CHECK(summary["myth"].GetInt() == 1);
  CHECK(summary["contested"].GetInt() == 0);
  CHECK(summary["consistent"].GetInt() == 0);
  CHECK(summary["unsupported"].GetInt() == 0);
  CHECK(summary["unknown"].GetInt() == 1);
}

TEST_CASE("AuditRenderText: labels, evidence lines and a summary; colour only on request",
          "[audit]") {
  AuditReport r = MakeReport("Why rolling helps", {{"Rolling breaks up scar tissue.", K::kMyth}});
  const std::string plain = RenderAuditText(r, false);
  CHECK(plain.find("MYTH") != std::string::npos);
  CHECK(plain.find("Rolling breaks up scar tissue.") != std::string::npos);
  CHECK(plain.find("against ") != std::string::npos);
  CHECK(plain.find("summary: 1 myth, 0 contested, 0 unsupported, 0 consistent, 0 unknown") !=
        std::string::npos);
  CHECK(plain.find('\033') == std::string::npos);
  CHECK(RenderAuditText(r, true).find("\033[1;31mMYTH") != std::string::npos);
}

}  // namespace
}  // namespace query
