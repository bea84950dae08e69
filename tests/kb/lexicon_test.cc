#include "kb/lexicon.h"

#include <stdlib.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "kb_test_util.h"

namespace {

const char* kBase = R"({
  "concepts": [
    {"id": "soft_tissue_therapy", "kind": "intervention", "labels": ["soft tissue therapy"]},
    {"id": "foam_rolling", "kind": "intervention", "labels": ["foam rolling", "foam roller", "SMR"],
     "parent": "soft_tissue_therapy"},
    {"id": "roller_massage", "kind": "intervention", "parent": "foam_rolling"},
    {"id": "doms", "kind": "outcome", "labels": ["DOMS"], "parent": null}
  ],
  "relations": [
    {"id": "reduces", "family": "decrease", "label": "reduces", "cues": ["reduce", "reduction"],
     "objects": ["outcome"]},
    {"id": "relieves", "family": "decrease", "cues": ["relieve"]},
    {"id": "breaks_down", "family": "remodel", "label": "breaks down", "cues": ["break up"]},
    {"id": "causes", "family": "increase"}
  ],
  "family_similarity": {"decrease": {"remodel": 0.7}},
  "study_types": [{"type": "systematic_review", "level": 1, "cues": ["systematic review"]}],
  "mechanisms": {"neurological": ["nervous system"], "mechanical": ["break up"]},
  "cues": {"negation": ["not", "no reliable evidence"], "hedge": ["may"]},
  "_comment": "keys starting with an underscore are ignored"
})";

kb::Lexicon Base() {
  kb::Lexicon lex;
  kb::Status s = kb::ParseLexicon(kBase, "base.json", &lex);
  INFO(s.ToString());
  REQUIRE(s.ok());
  REQUIRE(kb::FinishLexicon(&lex).ok());
  return lex;
}

}  // namespace

TEST_CASE("Lexicon: parses every section", "[kb]") {
  kb::Lexicon lex = Base();
  REQUIRE(lex.concepts.size() == 4);
  const kb::Concept* fr = lex.FindConcept("foam_rolling");
  REQUIRE(fr != nullptr);
  CHECK(fr->labels == std::vector<std::string>{"foam rolling", "foam roller", "SMR"});
  CHECK(fr->parent == "soft_tissue_therapy");
  CHECK(lex.FindConcept("roller_massage")->labels == std::vector<std::string>{"roller massage"});
  CHECK(lex.FindConcept("doms")->parent.empty());
  CHECK(lex.FindConcept("nope") == nullptr);
  const kb::RelationDef* relieves = lex.FindRelation("relieves");
  REQUIRE(relieves != nullptr);
  CHECK(relieves->label == "relieves");
  CHECK(lex.FindRelation("causes")->family == "increase");
  CHECK(lex.FindRelation("reduces")->object_kinds == std::vector<std::string>{"outcome"});
  CHECK(lex.FindRelation("causes")->object_kinds.empty());
  REQUIRE(lex.study_types.size() == 1);
  CHECK(lex.study_types[0].level == 1);
  CHECK(lex.mechanisms.at("neurological") == std::vector<std::string>{"nervous system"});
  CHECK(lex.Cues("negation") == std::vector<std::string>{"not", "no reliable evidence"});
  CHECK(lex.Cues("absent").empty());
}

TEST_CASE("Lexicon: is-a hierarchy", "[kb]") {
  kb::Lexicon lex = Base();
  struct Case {
    const char* id;
    const char* ancestor;
    bool is_a;
  } cases[] = {
      {"foam_rolling", "foam_rolling", true},
      {"foam_rolling", "soft_tissue_therapy", true},
      {"roller_massage", "soft_tissue_therapy", true},
      {"soft_tissue_therapy", "foam_rolling", false},
      {"doms", "soft_tissue_therapy", false},
      {"unknown", "doms", false},
  };
  for (const Case& c : cases) {
    INFO(c.id << " is-a " << c.ancestor);
    CHECK(lex.IsA(c.id, c.ancestor) == c.is_a);
  }
  CHECK(lex.Ancestors("roller_massage") == std::vector<std::string>{"foam_rolling", "soft_tissue_therapy"});
  CHECK(lex.Ancestors("doms").empty());
  CHECK(lex.Descendants("soft_tissue_therapy") == std::vector<std::string>{"foam_rolling", "roller_massage"});
  CHECK(lex.Descendants("roller_massage").empty());
}

TEST_CASE("Lexicon: relation similarity", "[kb]") {
  kb::Lexicon lex = Base();
  struct Case {
    const char* a;
    const char* b;
    double score;
  } cases[] = {
      {"reduces", "reduces", 1.0},   {"reduces", "relieves", 0.8},  {"reduces", "breaks_down", 0.7},
      {"breaks_down", "reduces", 0.7}, {"reduces", "causes", 0.0},  {"reduces", "unknown", 0.0},
  };
  for (const Case& c : cases) {
    INFO(c.a << " ~ " << c.b);
    CHECK(lex.RelationSimilarity(c.a, c.b) == Approx(c.score));
  }
}

TEST_CASE("Lexicon: later files add to and override earlier ones", "[kb]") {
  kb::Lexicon lex;
  REQUIRE(kb::ParseLexicon(kBase, "base.json", &lex).ok());
  const char* extension = R"({
    "concepts": [
      {"id": "doms", "kind": "outcome", "labels": ["DOMS", "muscle soreness"]},
      {"id": "it_band", "kind": "structure", "labels": ["IT band"]}
    ],
    "relations": [{"id": "causes", "family": "decrease"}],
    "study_types": [{"type": "systematic_review", "level": 2}],
    "family_similarity": {"decrease": {"remodel": 0.5}},
    "cues": {"negation": ["never", "not"], "hedge": {"replace": true, "items": ["might"]},
             "anecdote": ["in my experience"]}
  })";
  kb::Status s = kb::ParseLexicon(extension, "ext.json", &lex);
  INFO(s.ToString());
  REQUIRE(s.ok());
  REQUIRE(kb::FinishLexicon(&lex).ok());
  CHECK(lex.concepts.size() == 5);
  CHECK(lex.FindConcept("doms")->labels == std::vector<std::string>{"DOMS", "muscle soreness"});
  CHECK(lex.FindConcept("it_band") != nullptr);
  CHECK(lex.RelationSimilarity("causes", "reduces") == Approx(0.8));
  CHECK(lex.RelationSimilarity("reduces", "breaks_down") == Approx(0.5));
  REQUIRE(lex.study_types.size() == 1);
  CHECK(lex.study_types[0].level == 2);
  CHECK(lex.Cues("negation") == std::vector<std::string>{"not", "no reliable evidence", "never"});
  CHECK(lex.Cues("hedge") == std::vector<std::string>{"might"});
  CHECK(lex.Cues("anecdote") == std::vector<std::string>{"in my experience"});
}

TEST_CASE("Lexicon: syntax errors point at line and column", "[kb]") {
  struct Case {
    const char* json;
    const char* message;
  } cases[] = {
      {"{\n  \"concepts\": [\n    {\"id\": \"a\" \"kind\": \"x\"}\n  ]\n}",
       "bad.json:3:16: missing a comma or '}' after an object member\n"
       "    {\"id\": \"a\" \"kind\": \"x\"}\n"
       "               ^"},
      {"{\"cues\": {\"hedge\": [\"may\",, ]}}",
       "bad.json:1:27: invalid value\n"
       "{\"cues\": {\"hedge\": [\"may\",, ]}}\n"
       "                          ^"},
      {"", "bad.json:1:1: the document is empty\n\n^"},
  };
  for (const Case& c : cases) {
    kb::Lexicon lex;
    kb::Status s = kb::ParseLexicon(c.json, "bad.json", &lex);
    CHECK(s.IsInvalidArgument());
    CHECK(s.message() == c.message);
  }
}

TEST_CASE("Lexicon: schema errors name the file, line and entry", "[kb]") {
  struct Case {
    const char* json;
    const char* first_line;
  } cases[] = {
      {"{\"concept\": []}",
       "bad.json:1:2: unknown key \"concept\"; expected concepts, relations, family_similarity, "
       "study_types, mechanisms or cues"},
      {"{\"concepts\": [\n  {\"kind\": \"outcome\"}\n]}", "bad.json:2:3: concepts[0]: missing \"id\""},
      {"{\"concepts\": [{\"id\": \"a\",\n \"labels\": \"A\"}]}",
       "bad.json:2:12: concepts[0] (a): \"labels\" must be an array, not a string"},
      {"{\"concepts\": [{\"id\": \"a\", \"lables\": []}]}",
       "bad.json:1:27: concepts[0] (a): unknown key \"lables\"; expected id, kind, labels, parent"},
      {"{\"concepts\": [{\"id\": \"a\"},\n {\"id\": \"a\"}]}",
       "bad.json:2:2: concepts[1] (a): duplicate concept id, first defined at bad.json:1:15"},
      {"{\"relations\": [{\"id\": \"r\", \"cues\": [\"x\", 3]}]}",
       "bad.json:1:42: relations[0] (r): \"cues\" must hold strings, not a number"},
      {"{\"study_types\": [{\"type\": \"rct\", \"level\": 9}]}",
       "bad.json:1:43: study_types[0] (rct): \"level\" must be an integer from 1 (strongest) to 5"},
      {"{\"family_similarity\": {\"decrease\": {\"remodel\": 2}}}",
       "bad.json:1:48: family_similarity.decrease.remodel must be a number in (0, 1]"},
      {"{\"cues\": {\"hedge\": \"may\"}}",
       "bad.json:1:20: cues.hedge must be an array of strings or {\"replace\": true, \"items\": [...]}"},
      {"[]", "bad.json:1:1: a lexicon must be a JSON object"},
  };
  for (const Case& c : cases) {
    kb::Lexicon lex;
    kb::Status s = kb::ParseLexicon(c.json, "bad.json", &lex);
    CHECK(s.IsInvalidArgument());
    CHECK(s.message().substr(0, s.message().find('\n')) == c.first_line);
    CHECK(lex.concepts.empty());  // a failing document changes nothing
  }
}

TEST_CASE("Lexicon: FinishLexicon rejects missing parents and cycles", "[kb]") {
  struct Case {
    const char* json;
    const char* message;
  } cases[] = {
      {"{\"concepts\": [{\"id\": \"a\", \"parent\": \"b\"}]}",
       "x.json:1:15: concept \"a\": parent \"b\" is not a concept in the lexicon"},
      {"{\"concepts\": [{\"id\": \"a\", \"parent\": \"a\"}]}", "x.json:1:15: is-a cycle: a -> a"},
      {"{\"concepts\": [\n{\"id\": \"root\"},\n{\"id\": \"a\", \"parent\": \"c\"},\n"
       "{\"id\": \"b\", \"parent\": \"a\"},\n{\"id\": \"c\", \"parent\": \"b\"}]}",
       "x.json:3:1: is-a cycle: a -> c -> b -> a"},
  };
  for (const Case& c : cases) {
    kb::Lexicon lex;
    REQUIRE(kb::ParseLexicon(c.json, "x.json", &lex).ok());
    kb::Status s = kb::FinishLexicon(&lex);
    CHECK(s.IsInvalidArgument());
    CHECK(s.message() == c.message);
  }
}

TEST_CASE("Lexicon: files, the default path and LoadLexicon", "[kb]") {
  kb_test::TempDir dir;
  std::ofstream(dir.Sub("base.json")) << kBase;
  std::ofstream(dir.Sub("ext.json")) << R"({"concepts": [{"id": "it_band", "parent": "doms"}]})";
  std::ofstream(dir.Sub("broken.json")) << "{\n  \"cues\": {\n}";

  kb::Lexicon lex;
  kb::Status s = kb::LoadLexiconFile(dir.Sub("missing.json"), &lex);
  CHECK(s.IsIOError());
  CHECK_THAT(s.message(), Catch::Contains("cannot read lexicon " + dir.Sub("missing.json")));

  const char* saved = getenv("EVKB_LEXICON");
  std::string saved_value = saved ? saved : "";
  setenv("EVKB_LEXICON", dir.Sub("base.json").c_str(), 1);
  CHECK(kb::DefaultLexiconPath() == dir.Sub("base.json"));
  REQUIRE(kb::LoadLexicon({dir.Sub("ext.json")}, &lex).ok());
  CHECK(lex.IsA("it_band", "doms"));
  s = kb::LoadLexicon({dir.Sub("broken.json")}, &lex);
  CHECK(s.IsInvalidArgument());
  CHECK_THAT(s.message(), Catch::StartsWith(dir.Sub("broken.json") + ":3:2: "));
  CHECK(lex.FindConcept("it_band") != nullptr);  // unchanged by the failed load
  if (saved) {
    setenv("EVKB_LEXICON", saved_value.c_str(), 1);
  } else {
    unsetenv("EVKB_LEXICON");
  }
}
