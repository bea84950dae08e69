#include "kb/status.h"

#include <catch2/catch.hpp>

TEST_CASE("Status: ToString names the code and keeps the message", "[kb]") {
  struct Case {
    kb::Status status;
    const char* text;
  } cases[] = {
      {kb::Status::OK(), "OK"},
      {kb::Status::NotFound("claim c1"), "NotFound: claim c1"},
      {kb::Status::InvalidArgument("works.jsonl:12: missing title"),
       "Invalid argument: works.jsonl:12: missing title"},
      {kb::Status::Corruption("db"), "Corruption: db"},
      {kb::Status::IOError("disk"), "IO error: disk"},
      {kb::Status::Busy("locked"), "Busy: locked"},
      {kb::Status::NotSupported("schema 2"), "Not supported: schema 2"},
  };
  for (const Case& c : cases) CHECK(c.status.ToString() == c.text);
  CHECK(kb::Status::Busy("x").IsBusy());
  CHECK(kb::Status::NotSupported("x").IsNotSupported());
  CHECK_FALSE(kb::Status::NotFound("x").ok());
}
