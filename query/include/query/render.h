// Renderers for evkb-query reports. JSON follows CLI.md exactly (more keys
// may follow the documented ones); text is for people and may change. Each
// returns the whole document for stdout, newline-terminated.
#ifndef EVKB_QUERY_RENDER_H_
#define EVKB_QUERY_RENDER_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kb/json_out.h"
#include "kb/lexicon.h"
#include "query/judge.h"
#include "query/reports.h"

namespace query {

// ---- JSON pieces shared with other renderers (audit).

// CLI.md <evidence>: {"source":{"id","path","title"},"sentence","stance",
// "hedged","mechanisms":[..],"works":[<work>..]} plus "claim" (the claim
// asserted, may be narrower than the match), "attribution" and "weight".
void WriteEvidenceJson(kb::JsonWriter& w, const Evidence& e);
// {"id","text","subject","relation","object","mechanisms":{tag:n}}.
void WriteClaimWithMechanismsJson(kb::JsonWriter& w, const kb::Claim& claim,
                                  const std::map<std::string, int>& mechanisms);

// ---- JSON documents.
std::string RenderAskJson(const AskReport& r);
std::string RenderSourcesJson(const SourcesReport& r);
std::string RenderClaimsJson(const std::vector<ClaimRow>& rows);
std::string RenderShowJson(const ShowReport& r);
std::string RenderStatsJson(const StatsReport& r);
std::string RenderExportJson(const GraphExport& g);

// ---- Other machine formats.
std::string RenderSourcesCslJson(const SourcesReport& r);
std::string RenderSourcesBibtex(const SourcesReport& r);
std::string RenderExportDot(const GraphExport& g);
std::string RenderExportGraphml(const GraphExport& g);

// ---- Text for people; `color` adds ANSI colours. With a lexicon, long
// evidence sentences are cut around the words naming the claim's object.
std::string RenderAskText(const AskReport& r, bool color, const kb::Lexicon* lexicon = nullptr);
std::string RenderSourcesText(const SourcesReport& r, bool color);
std::string RenderClaimsText(const std::vector<ClaimRow>& rows, bool color);
std::string RenderShowText(const ShowReport& r, bool color, const kb::Lexicon* lexicon = nullptr);
std::string RenderStatsText(const StatsReport& r);

// A one-line form of a sentence: whitespace collapsed, cut to `max` bytes at
// a word boundary with an ellipsis.
std::string TrimSentence(std::string_view sentence, size_t max);
// Like TrimSentence, but when the sentence is too long the window starts a
// little before the first of `anchors` found (case-insensitive), with a
// leading ellipsis.
std::string Excerpt(std::string_view sentence, const std::vector<std::string>& anchors, size_t max);
// "Cheatham et al. 2015, systematic review, level 1".
std::string DescribeWork(const kb::Work& w);

}  // namespace query

#endif  // EVKB_QUERY_RENDER_H_
