// ANSI styling for the text renderers, off when colour is off. Internal.
#ifndef EVKB_QUERY_TEXT_STYLE_H_
#define EVKB_QUERY_TEXT_STYLE_H_

#include <string>
#include <string_view>

#include "kb/model.h"
#include "kb/verdict.h"

namespace query {

class TextStyle {
 public:
  explicit TextStyle(bool color) : color_(color) {}
  std::string Bold(std::string_view s) const { return Wrap("1", s); }
  std::string Dim(std::string_view s) const { return Wrap("2", s); }
  std::string Green(std::string_view s) const { return Wrap("32", s); }
  std::string Red(std::string_view s) const { return Wrap("31", s); }
  // The verdict name in capitals, in its colour.
  std::string Verdict(kb::Verdict v) const;

 private:
  std::string Wrap(const char* code, std::string_view s) const;
  bool color_;
};

// The base name of a source's path, else its title, else its id.
std::string SourceLabel(const kb::Source& s);
// The brackets after an evidence line: the best work ("Cheatham et al. 2015,
// systematic review, level 1") or who says it ("uncited", "hearsay", "expert: X").
std::string EvidenceBasis(const kb::Assertion& a, const std::vector<kb::Work>& works);

}  // namespace query

#endif  // EVKB_QUERY_TEXT_STYLE_H_
