#include "corpus.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <string_view>

namespace evkb_bench {
namespace {

// splitmix64: small, fast and good enough to make text.
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(Next() % n); }
  // Skewed towards 0: popular items come up far more often (Zipf-like).
  size_t Skewed(size_t n, double power) {
    return std::min(n - 1, static_cast<size_t>(std::pow(Unit(), power) * static_cast<double>(n)));
  }
  bool Chance(double p) { return Unit() < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[Below(v.size())]; }

 private:
  uint64_t s_;
};

uint64_t Mix(uint64_t a, uint64_t b) {
  Rng r(a * 0x100000001B3ull ^ (b + 0x9E3779B97F4A7C15ull));
  return r.Next();
}

uint64_t HashStr(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

const std::vector<std::string> kSurnames = {
    "Cheatham", "Pearcey", "Behm", "Wilke", "MacDonald", "Wiewelhove", "Chaudhry", "Falvey",
    "Schleip", "Button", "Kerry", "Okafor", "Hartley", "Nguyen", "Kowalski", "Fernandes",
    "O'Brien", "Van der Berg", "Lindqvist", "Hughes", "Takahashi", "Moreau", "Schmidt",
    "Rossi", "Andersen", "Patel", "García", "Müller", "Dubois", "Kim", "Silva", "Novak",
    "Murphy", "Ibrahim", "Stöggl", "Fairclough", "Healey", "Sullivan", "Drinkwater", "Kawamoto",
    "Laffaye", "Madoni", "Monteiro", "Junker", "Skarabot", "Grabow", "Aboodarda", "Halperin",
    "Jay", "Mohr", "Okamoto", "Peacock", "Romero", "Bradbury", "Sağiroğlu", "Cavanaugh",
    "Freiwald", "Krause", "Lastova", "Michalak", "Nakamura", "Phillips", "Smith", "Jones"};

const std::vector<std::string> kGiven = {"Imogen", "Dana", "Tom", "Priya", "Marcus", "Aiko",
                                          "Grace", "Lars", "Sofia", "Jamal", "Ruth", "Ben"};

struct Journal {
  const char* name;
  const char* abbrev;
};
const std::vector<Journal> kJournals = {
    {"Journal of Sport Rehabilitation", "J Sport Rehabil"},
    {"International Journal of Sports Physical Therapy", "Int J Sports Phys Ther"},
    {"Journal of Athletic Training", "J Athl Train"},
    {"Sports Medicine", "Sports Med"},
    {"Frontiers in Physiology", "Front Physiol"},
    {"Journal of Strength and Conditioning Research", "J Strength Cond Res"},
    {"Journal of Bodywork and Movement Therapies", "J Bodyw Mov Ther"},
    {"British Journal of Sports Medicine", "Br J Sports Med"},
    {"Scandinavian Journal of Medicine & Science in Sports", "Scand J Med Sci Sports"},
    {"Journal of Sports Science and Medicine", "J Sports Sci Med"},
    {"Physical Therapy in Sport", "Phys Ther Sport"},
    {"European Journal of Applied Physiology", "Eur J Appl Physiol"},
    {"Journal of the American Osteopathic Association", "J Am Osteopath Assoc"},
    {"Clinical Biomechanics", "Clin Biomech"},
    {"Medicine & Science in Sports & Exercise", "Med Sci Sports Exerc"}};

const std::vector<std::string> kSites = {"Runner's Hub", "Physio Weekly", "Mobility Lab Blog",
                                         "The Recovery Room", "Strong Knees Clinic", "Coach Notes"};

const std::vector<std::string> kFiller = {
    "Walk into any gym and you will see someone wincing on a foam cylinder.",
    "The advice you hear at the track is not always what the studies say.",
    "Here is what the research actually tells us, and where it falls short.",
    "Most of the trials are small, short and done on young, healthy people.",
    "That matters when you decide how to spend the last ten minutes of a session.",
    "We asked three physiotherapists what they tell their patients.",
    "The answer depends on what you want from it.",
    "None of this means you should throw your roller away.",
    "Expect the effect to fade within half an hour.",
    "If something hurts for more than a few days, see a professional.",
    "Many runners swear by it, and the ritual alone may be worth something.",
    "The numbers in these studies are modest, and the participants were mostly students."};

const std::vector<std::string> kSignOffs = {
    "Happy rolling, and see you next week.", "Questions? Leave a comment below.",
    "Book an appointment with one of our physiotherapists if pain persists.",
    "Sign up to our newsletter for more evidence-based training tips."};

std::string Cap(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string Initials(Rng& r, bool dotted, bool spaced) {
  static const char* kLetters = "ABCDEGHJKLMNPRSTW";
  std::string out;
  int n = 1 + static_cast<int>(r.Below(2));
  for (int i = 0; i < n; ++i) {
    if (i > 0 && spaced) out += ' ';
    out += kLetters[r.Below(17)];
    if (dotted) out += '.';
  }
  return out;
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

// Third-person form of a base cue: "reduce" -> "reduces", "break up" -> "breaks up".
std::string ThirdPerson(const std::string& base) {
  size_t sp = base.find(' ');
  std::string head = base.substr(0, sp), tail = sp == std::string::npos ? "" : base.substr(sp);
  if (head.empty()) return base;
  char last = head.back();
  if (last == 'h' || last == 's' || last == 'x') head += "es";
  else head += "s";
  return head + tail;
}

std::string Pages(Rng& r) {
  int first = 1 + static_cast<int>(r.Below(900));
  return std::to_string(first) + "-" + std::to_string(first + 5 + static_cast<int>(r.Below(20)));
}

}  // namespace

CorpusGenerator::CorpusGenerator(const kb::Lexicon& lexicon, uint64_t seed)
    : lex_(lexicon), seed_(seed) {
  for (const kb::Concept& c : lex_.concepts) {
    if (c.kind == "intervention" && !c.labels.empty()) subjects_.push_back(&c);
  }
  for (const kb::RelationDef& rel : lex_.relations) {
    std::set<std::string> cues(rel.cues.begin(), rel.cues.end());
    std::vector<const kb::Concept*> objs;
    for (const kb::Concept& c : lex_.concepts) {
      if (c.labels.empty() || c.kind == "timing" || c.kind == "intervention") continue;
      if (rel.object_kinds.empty() ||
          std::find(rel.object_kinds.begin(), rel.object_kinds.end(), c.kind) !=
              rel.object_kinds.end())
        objs.push_back(&c);
    }
    if (objs.empty()) continue;
    for (const std::string& cue : rel.cues) {
      // Verbs only: "improvement" -> "improvements" is a noun pair.
      std::string head = cue.substr(0, cue.find(' '));
      auto ends = [&](std::string_view suf) {
        return head.size() > suf.size() && head.compare(head.size() - suf.size(), suf.size(), suf) == 0;
      };
      if (ends("ment") || ends("tion") || ends("ing") || ends("ed") || ends("ance") || ends("ence")) continue;
      std::string third = ThirdPerson(cue);
      if (cues.count(third) == 0) continue;
      verbs_.push_back({rel.id, cue, third});
      objects_.push_back(objs);
    }
  }
  // The shared pool of cited works: the same study is cited by many articles.
  Rng r(Mix(seed_, 0xC17E5ull));
  std::vector<std::string> studies;
  for (const kb::StudyTypeDef& st : lex_.study_types) {
    if (st.cues.empty() || st.type == "web") continue;
    std::string cue = st.cues[0];
    if (cue.find(' ') == std::string::npos && cue.find('-') == std::string::npos && cue != "review" &&
        cue != "guideline")
      cue += " study";  // "cohort" -> "cohort study"
    studies.push_back(cue);
  }
  if (studies.empty()) studies.push_back("study");
  const size_t kPool = 4000;
  works_.reserve(kPool);
  for (size_t i = 0; i < kPool; ++i) {
    PoolWork w;
    size_t na = 1 + r.Below(5);
    for (size_t a = 0; a < na; ++a) w.authors.push_back({r.Pick(kSurnames), Initials(r, true, true)});
    w.year = 1995 + static_cast<int>(r.Below(29));
    w.study = r.Pick(studies);
    const kb::Concept* s = subjects_.empty() ? nullptr : subjects_[r.Below(subjects_.size())];
    const Verb* v = verbs_.empty() ? nullptr : &verbs_[r.Below(verbs_.size())];
    std::string subj = s ? s->labels[0] : "foam rolling";
    std::string obj = v ? objects_[v - verbs_.data()][r.Below(objects_[v - verbs_.data()].size())]->labels[0]
                        : "recovery";
    switch (r.Below(3)) {
      case 0: w.title = "The effects of " + subj + " on " + obj + ": a " + w.study; break;
      case 1: w.title = Cap(subj) + " and " + obj + " in recreational athletes: a " + w.study; break;
      default: w.title = "Does " + subj + " " + (v ? v->base : "improve") + " " + obj + "? A " + w.study; break;
    }
    const Journal& j = r.Pick(kJournals);
    w.journal = j.name;
    w.journal_abbrev = j.abbrev;
    w.volume = std::to_string(1 + r.Below(60));
    w.issue = std::to_string(1 + r.Below(12));
    w.pages = Pages(r);
    if (r.Chance(0.6)) w.doi = "10." + std::to_string(1000 + r.Below(8000)) + "/evkb." + std::to_string(i);
    works_.push_back(std::move(w));
  }
}

ArticleFormat CorpusGenerator::FormatOf(uint64_t index) const {
  uint64_t m = Mix(seed_, index ^ 0xF0F0ull) % 100;
  return m < 45 ? ArticleFormat::kMarkdown : m < 80 ? ArticleFormat::kHtml : ArticleFormat::kText;
}

// Writes one article: builds blocks, then renders them in the format.
class ArticleWriter {
 public:
  ArticleWriter(const CorpusGenerator& g, uint64_t index, ArticleFormat format)
      : g_(g), r_(Mix(g.seed_, index)), index_(index), format_(format) {
    style_ = static_cast<RefStyle>(r_.Below(4));
    topic_ = g_.subjects_.empty() ? nullptr : g_.subjects_[r_.Skewed(g_.subjects_.size(), 1.6)];
    size_t ncite = 3 + r_.Below(6);
    for (size_t i = 0; i < ncite; ++i) cited_.push_back(r_.Skewed(g_.works_.size(), 2.5));
    std::sort(cited_.begin(), cited_.end());
    cited_.erase(std::unique(cited_.begin(), cited_.end()), cited_.end());
    std::vector<size_t> order = cited_;
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[r_.Below(i)]);
    cited_ = order;
  }

  Article Write(uint64_t min_bytes) {
    Article a;
    char name[32];
    const char* ext = format_ == ArticleFormat::kMarkdown ? "md"
                      : format_ == ArticleFormat::kHtml   ? "html"
                                                          : "txt";
    std::snprintf(name, sizeof name, "a%07llu.%s", static_cast<unsigned long long>(index_), ext);
    a.file_name = name;
    a.author = r_.Pick(kGiven) + " " + r_.Pick(kSurnames);
    a.date = std::to_string(2012 + r_.Below(12)) + "-" + Two(1 + r_.Below(12)) + "-" + Two(1 + r_.Below(28));
    std::string topic = TopicLabel();
    switch (r_.Below(4)) {
      case 0: a.title = "Does " + topic + " really work? What the research says"; break;
      case 1: a.title = Cap(topic) + ": " + std::to_string(3 + r_.Below(5)) + " myths that refuse to retire"; break;
      case 2: a.title = "The truth about " + topic + " for runners"; break;
      default: a.title = "Should you bother with " + topic + "?"; break;
    }
    a.url = "https://example.org/articles/" + std::to_string(index_);

    Block(BlockType::kTitle, a.title);
    Block(BlockType::kByline, "By " + a.author + ", physiotherapist, " + a.date);
    Block(BlockType::kPara, Sentence(kFillerOnly) + " " + Sentence(kFillerOnly) + " " + ClaimSentence());
    size_t sections = 3 + r_.Below(4);
    for (size_t s = 0; s < sections || Size() < min_bytes; ++s) Section(s);
    Block(BlockType::kPara, r_.Pick(kSignOffs));
    References();
    a.body = Render(a);
    return a;
  }

 private:
  enum class BlockType { kTitle, kByline, kHeading, kPara, kItem, kRefHeading, kRef };
  static constexpr int kFillerOnly = 1;

  static std::string Two(size_t v) { return (v < 10 ? "0" : "") + std::to_string(v); }

  size_t Size() const {
    size_t n = 0;
    for (const auto& b : blocks_) n += b.second.size() + 4;
    return n;
  }

  void Block(BlockType t, std::string text) { blocks_.push_back({t, std::move(text)}); }

  std::string Label(const kb::Concept* c) {
    // Mostly the preferred label, sometimes a synonym, as writers do.
    if (c->labels.size() > 1 && r_.Chance(0.3)) return c->labels[1 + r_.Below(c->labels.size() - 1)];
    return c->labels[0];
  }
  std::string TopicLabel() { return topic_ ? topic_->labels[0] : "foam rolling"; }

  void Section(size_t s) {
    const CorpusGenerator::Verb* v = PickVerb();
    std::string obj = v ? Label(PickObject(*v)) : "recovery";
    switch (r_.Below(5)) {
      case 0: Block(BlockType::kHeading, "Myth " + std::to_string(s + 1) + ": " + TopicLabel() + " " + (v ? v->third : "helps") + " " + obj); break;
      case 1: Block(BlockType::kHeading, "Does " + TopicLabel() + " help with " + obj + "?"); break;
      case 2: Block(BlockType::kHeading, "What the research says"); break;
      case 3: Block(BlockType::kHeading, "How to do it"); break;
      default: Block(BlockType::kHeading, "The bottom line on " + obj); break;
    }
    size_t paras = 1 + r_.Below(3);
    for (size_t p = 0; p < paras; ++p) {
      std::string para;
      size_t n = 3 + r_.Below(4);
      for (size_t i = 0; i < n; ++i) {
        if (!para.empty()) para += ' ';
        para += Sentence(0);
      }
      Block(BlockType::kPara, para);
    }
    if (r_.Chance(0.4)) {
      size_t items = 2 + r_.Below(3);
      for (size_t i = 0; i < items; ++i) Block(BlockType::kItem, r_.Chance(0.6) ? ClaimSentence() : Instruction());
    }
  }

  std::string Sentence(int flags) {
    double u = r_.Unit();
    if (flags == kFillerOnly || u < 0.2) return r_.Pick(kFiller);
    if (u < 0.28) return Instruction();
    if (u < 0.32) return Question();
    if (u < 0.40) return Mechanism();
    return ClaimSentence();
  }

  std::string Instruction() {
    static const std::vector<std::string> kInstr = {
        "Place the roller under your {s} and roll slowly for 30 to 60 seconds.",
        "Support yourself on your forearms and keep your core braced.",
        "Hold each position for about 20 seconds, then move on.",
        "Start gently and increase the pressure over a few weeks.",
        "Avoid rolling directly over the {s} if it is inflamed."};
    std::string t = r_.Pick(kInstr);
    size_t p = t.find("{s}");
    if (p != std::string::npos) t.replace(p, 3, StructureLabel());
    return t;
  }

  std::string StructureLabel() {
    static const std::vector<std::string> kParts = {"quads", "calves", "hamstrings", "glutes", "upper back"};
    return r_.Pick(kParts);
  }

  std::string Question() {
    const CorpusGenerator::Verb* v = PickVerb();
    if (!v) return "Is it worth it?";
    return "Does " + TopicLabel() + " really " + v->base + " " + Label(PickObject(*v)) + "?";
  }

  std::string Mechanism() {
    auto it = g_.lex_.mechanisms.begin();
    if (g_.lex_.mechanisms.empty()) return r_.Pick(kFiller);
    std::advance(it, r_.Below(g_.lex_.mechanisms.size()));
    if (it->second.empty()) return r_.Pick(kFiller);
    const std::string& cue = r_.Pick(it->second);
    switch (r_.Below(3)) {
      case 0: return "The most likely explanation involves the " + cue + ".";
      case 1: return "Some physiotherapists put the feeling down to " + cue + ".";
      default: return "This probably works through " + cue + " rather than anything else.";
    }
  }

  const CorpusGenerator::Verb* PickVerb() {
    if (g_.verbs_.empty()) return nullptr;
    return &g_.verbs_[r_.Skewed(g_.verbs_.size(), 1.3)];
  }
  const kb::Concept* PickObject(const CorpusGenerator::Verb& v) {
    const auto& objs = g_.objects_[&v - g_.verbs_.data()];
    return objs[r_.Skewed(objs.size(), 1.8)];
  }

  // An in-text citation of work `k` (index into cited_) in the article's style.
  std::string Cite(size_t k, bool narrative) {
    const PoolWork& w = g_.works_[cited_[k]];
    if (style_ == RefStyle::kVancouver) {
      std::string n = std::to_string(k + 1);
      if (narrative) return w.authors[0].first + (w.authors.size() > 1 ? " et al" : "") + " [" + n + "]";
      return r_.Chance(0.5) ? "[" + n + "]" : "(" + n + ")";
    }
    std::string who;
    if (style_ == RefStyle::kWeb) {
      who = kSites[cited_[k] % kSites.size()];
    } else if (w.authors.size() == 1) {
      who = w.authors[0].first;
    } else if (w.authors.size() == 2) {
      who = w.authors[0].first + (style_ == RefStyle::kApa && !narrative ? " & " : " and ") + w.authors[1].first;
    } else {
      who = w.authors[0].first + " et al.";
    }
    std::string y = std::to_string(w.year);
    if (narrative) return who + " (" + y + ")";
    return "(" + who + ", " + y + ")";
  }

  std::string ClaimSentence() {
    const CorpusGenerator::Verb* v = PickVerb();
    if (!v || !topic_) return r_.Pick(kFiller);
    const kb::Concept* subj = r_.Chance(0.7) ? topic_ : g_.subjects_[r_.Below(g_.subjects_.size())];
    const kb::Concept* obj = PickObject(*v);
    // Each proposition leans one way across the corpus, so the KB holds
    // supported, refuted and disputed claims.
    uint64_t h = HashStr(subj->id + "|" + v->relation + "|" + obj->id) % 3;
    double p_affirm = h == 0 ? 0.85 : h == 1 ? 0.2 : 0.5;
    bool affirm = r_.Chance(p_affirm);
    std::string S = Label(subj), O = Label(obj);
    size_t k = cited_.empty() ? 0 : r_.Below(cited_.size());
    bool cite = !cited_.empty() && r_.Chance(0.55);
    const PoolWork* w = cited_.empty() ? nullptr : &g_.works_[cited_[k]];
    std::string s;
    if (affirm) {
      switch (r_.Below(7)) {
        case 0: s = S + " " + v->third + " " + O; break;
        case 1: s = S + " may " + v->base + " " + O; break;
        case 2: s = "Some research suggests that " + S + " " + v->third + " " + O; break;
        case 3: s = "It is believed that " + S + " " + v->third + " " + O; break;
        case 4:
          if (cite && style_ != RefStyle::kWeb) {
            s = Cite(k, true) + " found that " + S + " " + v->third + " " + O;
            cite = false;
          } else {
            s = "Regular " + S + " " + v->third + " " + O + " in most athletes";
          }
          break;
        case 5:
          if (w) {
            s = "According to a " + std::to_string(w->year) + " " + w->study + " in " + w->journal + ", " + S + " " + v->third + " " + O;
            cite = false;
          } else {
            s = S + " " + v->third + " " + O;
          }
          break;
        default: s = "In my experience, " + S + " " + v->third + " " + O; break;
      }
    } else {
      switch (r_.Below(5)) {
        case 0: s = S + " does not " + v->base + " " + O; break;
        case 1: s = "There is no good evidence that " + S + " " + v->third + " " + O; break;
        case 2: s = S + " cannot " + v->base + " " + O + ", however hard you press"; break;
        case 3:
          if (cite && style_ != RefStyle::kWeb) {
            s = Cite(k, true) + " found no reliable evidence that " + S + " " + v->third + " " + O;
            cite = false;
          } else {
            s = "It is a myth that " + S + " " + v->third + " " + O;
          }
          break;
        default: s = S + " will not " + v->base + " " + O + " in any lasting way"; break;
      }
    }
    if (cite) s += " " + Cite(k, false);
    return Cap(s) + ".";
  }

  std::string Reference(size_t k) {
    const PoolWork& w = g_.works_[cited_[k]];
    std::string out;
    auto authors = [&](const char* sep, const char* last_sep, bool dotted) {
      std::string a;
      for (size_t i = 0; i < w.authors.size(); ++i) {
        if (i > 0) a += (i + 1 == w.authors.size()) ? last_sep : sep;
        std::string ini = w.authors[i].second;
        if (!dotted) ini.erase(std::remove_if(ini.begin(), ini.end(), [](char c) { return c == '.' || c == ' '; }), ini.end());
        a += w.authors[i].first + (dotted ? ", " : " ") + ini;
      }
      return a;
    };
    std::string y = std::to_string(w.year);
    switch (style_) {
      case RefStyle::kApa:
        out = authors(", ", ", & ", true) + " (" + y + "). " + Cap(w.title) + ". " + w.journal + ", " +
              w.volume + "(" + w.issue + "), " + w.pages + "." + (w.doi.empty() ? "" : " https://doi.org/" + w.doi);
        break;
      case RefStyle::kHarvard:
        out = authors(", ", " and ", true) + " (" + y + ") '" + Cap(w.title) + "', " + w.journal + ", " +
              w.volume + "(" + w.issue + "), pp. " + w.pages + "." + (w.doi.empty() ? "" : " doi:" + w.doi);
        break;
      case RefStyle::kVancouver:
        out = authors(", ", ", ", false) + ". " + Cap(w.title) + ". " + w.journal_abbrev + ". " + y + ";" +
              w.volume + "(" + w.issue + "):" + w.pages + ".";
        break;
      case RefStyle::kWeb: {
        const std::string& site = kSites[cited_[k] % kSites.size()];
        std::string slug;
        for (char c : w.title) slug += (c == ' ' ? '-' : (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
        out = site + " (" + y + ") " + Cap(w.title) + ". Available at: https://example.net/" + slug.substr(0, 40) +
              " (Accessed: 3 May 2021).";
        break;
      }
    }
    return out;
  }

  void References() {
    if (cited_.empty()) return;
    static const std::vector<std::string> kNames = {"References", "Sources", "Bibliography"};
    Block(BlockType::kRefHeading, r_.Pick(kNames));
    for (size_t k = 0; k < cited_.size(); ++k) {
      std::string ref = Reference(k);
      if (style_ == RefStyle::kVancouver) ref = std::to_string(k + 1) + ". " + ref;
      Block(BlockType::kRef, ref);
    }
  }

  std::string Render(const Article& a) {
    std::string out;
    out.reserve(Size() * 5 / 4 + 512);
    if (format_ == ArticleFormat::kHtml) {
      out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + HtmlEscape(a.title) +
             "</title>\n<script>window.dataLayer=window.dataLayer||[];</script>\n"
             "<style>body{font-family:sans-serif}</style></head>\n<body>\n"
             "<nav><a href=\"/\">Home</a> <a href=\"/blog\">Blog</a> <a href=\"/contact\">Contact</a></nav>\n<article>\n";
      bool in_list = false;
      for (const auto& [t, text] : blocks_) {
        if (t != BlockType::kItem && in_list) { out += "</ul>\n"; in_list = false; }
        std::string e = HtmlEscape(text);
        switch (t) {
          case BlockType::kTitle: out += "<h1>" + e + "</h1>\n"; break;
          case BlockType::kByline: out += "<p class=\"byline\"><em>" + e + "</em></p>\n"; break;
          case BlockType::kHeading: case BlockType::kRefHeading: out += "<h2>" + e + "</h2>\n"; break;
          case BlockType::kPara: case BlockType::kRef: out += "<p>" + e + "</p>\n"; break;
          case BlockType::kItem:
            if (!in_list) { out += "<ul>\n"; in_list = true; }
            out += "<li>" + e + "</li>\n";
            break;
        }
      }
      if (in_list) out += "</ul>\n";
      out += "</article>\n<footer>&copy; 2024 Example Physio. All rights reserved.</footer>\n</body></html>\n";
      return out;
    }
    bool md = format_ == ArticleFormat::kMarkdown;
    BlockType prev = BlockType::kTitle;
    for (const auto& [t, text] : blocks_) {
      if (!out.empty()) out += (t == BlockType::kItem && prev == BlockType::kItem) ? "\n" : "\n\n";
      switch (t) {
        case BlockType::kTitle: out += (md ? "# " : "") + text; break;
        case BlockType::kByline: out += md ? "*" + text + "*" : text; break;
        case BlockType::kHeading: case BlockType::kRefHeading: out += (md ? "## " : "") + text; break;
        case BlockType::kPara: case BlockType::kRef: out += text; break;
        case BlockType::kItem: out += "- " + text; break;
      }
      prev = t;
    }
    out += "\n";
    return out;
  }

  const CorpusGenerator& g_;
  Rng r_;
  uint64_t index_;
  ArticleFormat format_;
  RefStyle style_;
  const kb::Concept* topic_ = nullptr;
  std::vector<size_t> cited_;  // pool indices, in reference-list order
  std::vector<std::pair<BlockType, std::string>> blocks_;
};

Article CorpusGenerator::Make(uint64_t index, ArticleFormat format, uint64_t min_bytes) const {
  ArticleWriter w(*this, index, format);
  return w.Write(min_bytes);
}

std::string JsonlLine(const Article& a) {
  auto esc = [](std::string_view s) {
    std::string o;
    o.reserve(s.size() + 16);
    for (unsigned char c : s) {
      switch (c) {
        case '"': o += "\\\""; break;
        case '\\': o += "\\\\"; break;
        case '\n': o += "\\n"; break;
        case '\t': o += "\\t"; break;
        case '\r': o += "\\r"; break;
        default:
          if (c < 0x20) {
            char b[8];
            std::snprintf(b, sizeof b, "\\u%04x", c);
            o += b;
          } else {
            o += static_cast<char>(c);
          }
      }
    }
    return o;
  };
  return "{\"url\":\"" + esc(a.url) + "\",\"title\":\"" + esc(a.title) + "\",\"author\":\"" + esc(a.author) +
         "\",\"date\":\"" + esc(a.date) + "\",\"text\":\"" + esc(a.body) + "\"}\n";
}

}  // namespace evkb_bench
