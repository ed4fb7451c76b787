// SelectCommonType against PostgreSQL 15:
// SELECT pg_typeof(x) FROM (SELECT a UNION SELECT b) s(x).
#include <catch2/catch.hpp>

#include "engine/sql/types/common_type.hpp"
#include "tests/unit/types/test_util.hpp"

using namespace basalt::engine::sql;
using basalt::engine::sql::test::Capture;

TEST_CASE("SelectCommonType follows select_common_type", "[types][common_type]") {
  using I = TypeId;
  CHECK(SelectCommonType({I::kInt4, I::kNumeric}, "UNION") == I::kNumeric);
  CHECK(SelectCommonType({I::kInt2, I::kInt8}, "UNION") == I::kInt8);
  CHECK(SelectCommonType({I::kUnknown, I::kInt4}, "UNION") == I::kInt4);
  CHECK(SelectCommonType({I::kUnknown, I::kUnknown}, "UNION") == I::kText);
  CHECK(SelectCommonType({I::kFloat4, I::kInt8}, "UNION") == I::kFloat4);
  CHECK(SelectCommonType({I::kInt8, I::kFloat4}, "UNION") == I::kFloat4);
  CHECK(SelectCommonType({I::kNumeric, I::kFloat8}, "UNION") == I::kFloat8);
  CHECK(SelectCommonType({I::kVarchar, I::kText}, "UNION") == I::kVarchar);
  CHECK(SelectCommonType({I::kBpchar, I::kVarchar}, "UNION") == I::kBpchar);
  CHECK(SelectCommonType({I::kName, I::kText}, "UNION") == I::kName);
  CHECK(SelectCommonType({I::kOid, I::kInt4}, "UNION") == I::kOid);
  auto e = Capture([] { return std::string(TypeInternalName(SelectCommonType({I::kInt4, I::kText}, "UNION"))); });
  CHECK(e.sqlstate == "42804");
  CHECK(e.message == "UNION types integer and text cannot be matched");
  e = Capture([] { return std::string(TypeInternalName(SelectCommonType({I::kBool, I::kInt4}, "UNION"))); });
  CHECK(e.message == "UNION types boolean and integer cannot be matched");
}
