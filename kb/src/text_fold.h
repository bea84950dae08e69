// Unicode case folding for identity keys (work ids, the work_keys index).
#ifndef EVKB_KB_SRC_TEXT_FOLD_H_
#define EVKB_KB_SRC_TEXT_FOLD_H_

#include <string>
#include <string_view>

namespace kb {

// Full Unicode case folding of UTF-8 text ("STÖGGL" -> "stöggl"). Invalid
// UTF-8 sequences are replaced by U+FFFD.
std::string FoldCase(std::string_view utf8);

// Case-folded letters and digits only: "Foam Rolling: a Review!" ->
// "foamrollingareview".
std::string FoldAlnum(std::string_view utf8);

}  // namespace kb

#endif  // EVKB_KB_SRC_TEXT_FOLD_H_
