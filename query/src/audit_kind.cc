// Finding kinds, their order of seriousness, and the --fail-on exit rule.
#include <string_view>

#include "query/audit.h"

namespace query {
namespace {

struct KindInfo {
  FindingKind kind;
  const char* name;
  const char* label;
  int severity;
};

constexpr KindInfo kKinds[] = {
    {FindingKind::kMyth, "myth", "Myth", 4},
    {FindingKind::kContested, "contested", "Contested", 3},
    {FindingKind::kUnsupported, "unsupported", "Unsupported", 2},
    {FindingKind::kConsistent, "consistent", "Consistent", 1},
    {FindingKind::kUnknown, "unknown", "Unknown", 0},
};

const KindInfo& Info(FindingKind k) { return kKinds[static_cast<size_t>(k)]; }

}  // namespace

const char* FindingKindName(FindingKind k) { return Info(k).name; }
const char* FindingKindLabel(FindingKind k) { return Info(k).label; }
int Severity(FindingKind k) { return Info(k).severity; }

bool ParseFindingKind(std::string_view name, FindingKind* out) {
  for (const KindInfo& info : kKinds) {
    if (name == info.name) {
      *out = info.kind;
      return true;
    }
  }
  return false;
}

FindingKind KindForStance(kb::Stance stance, kb::Verdict verdict) {
  const bool affirms = stance == kb::Stance::kAsserts;
  switch (verdict) {
    case kb::Verdict::kSupported:
      return affirms ? FindingKind::kConsistent : FindingKind::kMyth;
    case kb::Verdict::kRefuted:
      return affirms ? FindingKind::kMyth : FindingKind::kConsistent;
    case kb::Verdict::kDisputed:
      return FindingKind::kContested;
    case kb::Verdict::kUnsupported:
    case kb::Verdict::kUnknown:
      break;
  }
  return FindingKind::kUnsupported;
}

bool ParseFailOn(std::string_view name, FailOn* out) {
  if (name == "myth") {
    *out = FailOn::kMyth;
  } else if (name == "contested") {
    *out = FailOn::kContested;
  } else if (name == "unsupported") {
    *out = FailOn::kUnsupported;
  } else if (name == "never") {
    *out = FailOn::kNever;
  } else {
    return false;
  }
  return true;
}

int AuditExitCode(const AuditReport& report, FailOn fail_on) {
  int threshold = 0;
  switch (fail_on) {
    case FailOn::kMyth:
      threshold = Severity(FindingKind::kMyth);
      break;
    case FailOn::kContested:
      threshold = Severity(FindingKind::kContested);
      break;
    case FailOn::kUnsupported:
      threshold = Severity(FindingKind::kUnsupported);
      break;
    case FailOn::kNever:
      return 0;
  }
  for (const Finding& f : report.findings) {
    if (Severity(f.kind) >= threshold) return 1;
  }
  return 0;
}

}  // namespace query
