// Tests for query/src/audit_kind.cc: the kind rule and --fail-on.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "query/audit.h"

namespace query {
namespace {

using kb::Stance;
using kb::Verdict;

TEST_CASE("AuditKind: stance x verdict -> kind", "[audit]") {
  struct Row {
    Stance stance;
    Verdict verdict;
    FindingKind kind;
  };
  const std::vector<Row> table = {
      {Stance::kAsserts, Verdict::kSupported, FindingKind::kConsistent},
      {Stance::kAsserts, Verdict::kRefuted, FindingKind::kMyth},
      {Stance::kAsserts, Verdict::kDisputed, FindingKind::kContested},
      {Stance::kAsserts, Verdict::kUnsupported, FindingKind::kUnsupported},
      {Stance::kAsserts, Verdict::kUnknown, FindingKind::kUnsupported},
      {Stance::kDenies, Verdict::kSupported, FindingKind::kMyth},
      {Stance::kDenies, Verdict::kRefuted, FindingKind::kConsistent},
      {Stance::kDenies, Verdict::kDisputed, FindingKind::kContested},
      {Stance::kDenies, Verdict::kUnsupported, FindingKind::kUnsupported},
      {Stance::kDenies, Verdict::kUnknown, FindingKind::kUnsupported},
  };
  for (const Row& r : table) {
    INFO(kb::StanceName(r.stance) << " x " << kb::VerdictName(r.verdict));
    CHECK(KindForStance(r.stance, r.verdict) == r.kind);
  }
}

TEST_CASE("AuditKind: severity orders myth > contested > unsupported > consistent > unknown",
          "[audit]") {
  CHECK(Severity(FindingKind::kMyth) > Severity(FindingKind::kContested));
  CHECK(Severity(FindingKind::kContested) > Severity(FindingKind::kUnsupported));
  CHECK(Severity(FindingKind::kUnsupported) > Severity(FindingKind::kConsistent));
  CHECK(Severity(FindingKind::kConsistent) > Severity(FindingKind::kUnknown));
}

TEST_CASE("AuditKind: names round-trip", "[audit]") {
  for (size_t k = 0; k < kFindingKindCount; ++k) {
    const FindingKind kind = static_cast<FindingKind>(k);
    FindingKind parsed = FindingKind::kUnknown;
    REQUIRE(ParseFindingKind(FindingKindName(kind), &parsed));
    CHECK(parsed == kind);
  }
  FindingKind ignored;
  CHECK_FALSE(ParseFindingKind("Myth", &ignored));
  CHECK_FALSE(ParseFindingKind("", &ignored));
}

AuditReport ReportWith(const std::vector<FindingKind>& kinds) {
  AuditReport r;
  for (FindingKind k : kinds) {
    Finding f;
    f.kind = k;
    r.findings.push_back(f);
    ++r.counts[static_cast<size_t>(k)];
  }
  return r;
}

TEST_CASE("AuditKind: --fail-on exit codes", "[audit]") {
  using K = FindingKind;
  struct Row {
    std::vector<K> kinds;
    const char* fail_on;
    int exit;
  };
  const std::vector<Row> table = {
      {{K::kMyth}, "myth", 1},
      {{K::kMyth}, "contested", 1},
      {{K::kMyth}, "unsupported", 1},
      {{K::kMyth}, "never", 0},
      {{K::kContested}, "myth", 0},
      {{K::kContested}, "contested", 1},
      {{K::kContested}, "unsupported", 1},
      {{K::kUnsupported}, "myth", 0},
      {{K::kUnsupported}, "contested", 0},
      {{K::kUnsupported}, "unsupported", 1},
      {{K::kConsistent, K::kUnknown}, "unsupported", 0},
      {{K::kConsistent, K::kUnknown, K::kContested}, "contested", 1},
      {{}, "unsupported", 0},
  };
  for (const Row& r : table) {
    FailOn fail_on;
    REQUIRE(ParseFailOn(r.fail_on, &fail_on));
    INFO("fail-on " << r.fail_on << " with " << r.kinds.size() << " findings");
    CHECK(AuditExitCode(ReportWith(r.kinds), fail_on) == r.exit);
  }
}

TEST_CASE("AuditKind: --fail-on rejects unknown levels", "[audit]") {
  FailOn ignored;
  for (const char* bad : {"", "consistent", "unknown", "Myth", "all"}) {
    INFO(bad);
    CHECK_FALSE(ParseFailOn(bad, &ignored));
  }
}

}  // namespace
}  // namespace query
