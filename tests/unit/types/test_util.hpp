// tests/unit/types/test_util.hpp: helpers shared by the types unit tests.
#pragma once

#include <optional>
#include <string>

#include "engine/error/db_error.hpp"

namespace basalt::engine::sql::test {

struct Outcome {
  std::optional<std::string> text;  // the result, when no error
  std::string sqlstate, message, detail, hint;
};

// Runs `f` (returning std::string) and records its result or its DbError.
template <typename F>
Outcome Capture(F&& f) {
  Outcome o;
  try {
    o.text = f();
  } catch (const DbError& e) {
    o.sqlstate = std::string(e.code().code());
    o.message = e.message();
    o.detail = e.detail().value_or("");
    o.hint = e.hint().value_or("");
  }
  return o;
}

}  // namespace basalt::engine::sql::test
