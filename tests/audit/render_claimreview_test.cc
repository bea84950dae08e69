// Tests for query/src/render_claimreview.cc: the schema.org shape.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>
#include <string>

#include "audit_test_util.h"
#include "query/audit.h"

namespace query {
namespace {

using evkb_test::MakeReport;
using K = FindingKind;

std::string Get(const rapidjson::Value& v, const char* key) {
  REQUIRE(v.IsObject());
  REQUIRE(v.HasMember(key));
  REQUIRE(v[key].IsString());
  return v[key].GetString();
}

TEST_CASE("RenderClaimReview: one ClaimReview per finding with a verdict", "[audit]") {
  AuditReport r = MakeReport("Why rolling helps", {{"Intro text.", K::kUnknown, false},
                                                   {"Rolling breaks up scar tissue.", K::kMyth},
                                                   {"Rolling flushes toxins.", K::kUnknown},
                                                   {"Rolling reduces soreness.", K::kConsistent}});
  r.findings[0].correction = "A review found otherwise \u2014 002_review.txt";
  const std::string out = RenderClaimReview(r, "2024-05-01");
  rapidjson::Document doc;
  doc.Parse(out.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(Get(doc, "@context") == "https://schema.org");
  REQUIRE(doc["@graph"].IsArray());
  const auto& graph = doc["@graph"];
  REQUIRE(graph.Size() == 2);  // the unknown finding has no verdict

  const rapidjson::Value& myth = graph[0];
  CHECK(Get(myth, "@type") == "ClaimReview");
  CHECK(Get(myth, "claimReviewed") == "Rolling breaks up scar tissue.");
  CHECK(Get(myth, "datePublished") == "2024-05-01");
  CHECK(Get(myth["author"], "@type") == "Organization");
  CHECK(Get(myth["author"], "name") == "evkb");

  const rapidjson::Value& item = myth["itemReviewed"];
  CHECK(Get(item, "@type") == "Claim");
  CHECK(Get(item["appearance"], "@type") == "CreativeWork");
  CHECK(Get(item["appearance"], "name") == "Why rolling helps");
  const rapidjson::Value& part = item["appearance"]["hasPart"];
  CHECK(Get(part, "@type") == "WebPageElement");
  CHECK(Get(part["selector"], "type") == "TextQuoteSelector");
  CHECK(Get(part["selector"], "exact") == "Rolling breaks up scar tissue.");

  const rapidjson::Value& rating = myth["reviewRating"];
  CHECK(Get(rating, "@type") == "Rating");
  CHECK(rating["ratingValue"].GetInt() == 1);
  CHECK(rating["bestRating"].GetInt() == 5);
  CHECK(rating["worstRating"].GetInt() == 1);
  CHECK(Get(rating, "alternateName") == "Myth");
  CHECK(Get(rating, "ratingExplanation").find("002_review.txt") != std::string::npos);

  CHECK(graph[1]["reviewRating"]["ratingValue"].GetInt() == 5);
  CHECK(Get(graph[1]["reviewRating"], "alternateName") == "Consistent");
}

TEST_CASE("RenderClaimReview: the quote selector carries text either side", "[audit]") {
  AuditReport r =
      MakeReport("T", {{"First part. Rolling breaks up scar tissue. Last part.", K::kMyth}});
  Finding& f = r.findings[0];
  f.sentence = "Rolling breaks up scar tissue.";
  f.span_begin += 12;
  f.span_end = f.span_begin + static_cast<uint32_t>(f.sentence.size());
  rapidjson::Document doc;
  doc.Parse(RenderClaimReview(r, "2024-05-01").c_str());
  REQUIRE_FALSE(doc.HasParseError());
  const rapidjson::Value& sel =
      doc["@graph"][0]["itemReviewed"]["appearance"]["hasPart"]["selector"];
  CHECK(Get(sel, "prefix") == "T\nFirst part. ");
  CHECK(Get(sel, "suffix") == " Last part.");
}

TEST_CASE("RenderClaimReview: the quote selector reaches into neighbouring blocks", "[audit]") {
  AuditReport r = MakeReport("Title", {{"Before.", K::kUnknown, false},
                                       {"Rolling breaks up scar tissue.", K::kMyth},
                                       {"After.", K::kUnknown, false}});
  rapidjson::Document doc;
  doc.Parse(RenderClaimReview(r, "2024-05-01").c_str());
  REQUIRE_FALSE(doc.HasParseError());
  const rapidjson::Value& sel =
      doc["@graph"][0]["itemReviewed"]["appearance"]["hasPart"]["selector"];
  CHECK(Get(sel, "prefix") == "Title\nBefore.\n");
  CHECK(Get(sel, "suffix") == "\nAfter.");
}

}  // namespace
}  // namespace query
