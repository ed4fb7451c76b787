// Operator resolution and operator results against PostgreSQL 15
// (pg_golden_operators.inc, pg_golden_arith.inc from gen_pg_golden.py).
#include <catch2/catch.hpp>

#include "engine/sql/types/casts.hpp"
#include "engine/sql/types/operators.hpp"
#include "engine/sql/types/text_io.hpp"
#include "tests/unit/types/test_util.hpp"

using namespace basalt::engine::sql;
using basalt::engine::sql::test::Capture;

namespace {

struct ResolveCase {
  const char* op;
  TypeId left, right;
  bool found;
  TypeId chosen_left, chosen_right, result;  // kUnknown stands for anynonarray
  const char* sqlstate;
  const char* signature;
};

const ResolveCase kResolve[] = {
#include "tests/unit/types/pg_golden_operators.inc"
};

struct ArithCase {
  const char* op;
  TypeId left_type;
  const char* left;
  TypeId right_type;
  const char* right;
  const char* output;
  const char* sqlstate;
  const char* message;
};

const ArithCase kArith[] = {
#include "tests/unit/types/pg_golden_arith.inc"
};

}  // namespace

TEST_CASE("operator resolution matches PostgreSQL 15", "[types][operators][golden]") {
  for (const auto& c : kResolve) {
    INFO(TypeInternalName(c.left) << " " << c.op << " " << TypeInternalName(c.right)
                                  << (c.signature ? std::string(" -> ") + c.signature : std::string()));
    OperatorResolution r = ResolveOperatorDetailed(c.op, c.left, c.right);
    if (!c.found) {
      CHECK_FALSE(r.info.has_value());
      if (std::string(c.sqlstate) == "42725") CHECK(r.status == OperatorLookup::kAmbiguous);
      if (std::string(c.sqlstate) == "42883") CHECK(r.status == OperatorLookup::kNotFound);
      continue;
    }
    if (c.result == TypeId::kVoid) {
      // PostgreSQL picked an operator on a type Basalt lacks (jsonb - text).
      CHECK_FALSE(r.info.has_value());
      continue;
    }
    REQUIRE(r.info.has_value());
    const OperatorInfo& info = *r.info;
    CHECK(info.result == c.result);
    bool any = c.chosen_left == TypeId::kUnknown || c.chosen_right == TypeId::kUnknown;
    if (any) {
      // text || anynonarray: Basalt casts the other side to text explicitly.
      CHECK(info.left == TypeId::kText);
      CHECK(info.right == TypeId::kText);
      CHECK(info.arg_cast_context == CastContext::kExplicit);
    } else {
      CHECK(info.left == c.chosen_left);
      CHECK(info.right == c.chosen_right);
      CHECK(info.arg_cast_context == CastContext::kImplicit);
    }
  }
}

TEST_CASE("operator results match PostgreSQL 15", "[types][operators][golden]") {
  for (const auto& c : kArith) {
    bool prefix = c.left_type == TypeId::kVoid;
    INFO((prefix ? std::string() : std::string(TypeInternalName(c.left_type)) + " '" + c.left + "' ")
         << c.op << " " << TypeInternalName(c.right_type) << " '" << c.right << "'");
    auto got = Capture([&]() -> std::string {
      OperatorInfo info = ResolveOperatorOrThrow(c.op, c.left_type, c.right_type);
      Value r = ParseText(c.right, Type{c.right_type, -1});
      r = Cast(r, Type{c.right_type, -1}, Type{info.right, -1}, info.arg_cast_context);
      Value out;
      if (prefix) {
        out = info.unary_fn(r);
      } else {
        Value l = ParseText(c.left, Type{c.left_type, -1});
        l = Cast(l, Type{c.left_type, -1}, Type{info.left, -1}, info.arg_cast_context);
        out = info.fn(l, r);
      }
      // The golden value is x::text.
      return Cast(out, Type{info.result, -1}, Type{TypeId::kText, -1}, CastContext::kExplicit).as_string();
    });
    if (c.output) {
      REQUIRE(got.sqlstate == "");
      CHECK(*got.text == c.output);
    } else {
      CHECK(got.sqlstate == c.sqlstate);
      CHECK(got.message == c.message);
    }
  }
}
