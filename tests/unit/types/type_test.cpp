// Type catalog facts and type-name lookup. Expected values are PostgreSQL 15's
// (pg_type, format_type(), and the errors of `SELECT 1::numeric(0)` etc.).
#include <catch2/catch.hpp>

#include "engine/sql/types/typmod.hpp"
#include "tests/unit/types/test_util.hpp"

using namespace basalt::engine::sql;
using basalt::engine::sql::test::Capture;

TEST_CASE("type OIDs, lengths and names are pg_type's", "[types][type]") {
  CHECK(TypeOid(TypeId::kBool) == 16);
  CHECK(TypeOid(TypeId::kInt2) == 21);
  CHECK(TypeOid(TypeId::kInt4) == 23);
  CHECK(TypeOid(TypeId::kInt8) == 20);
  CHECK(TypeOid(TypeId::kFloat4) == 700);
  CHECK(TypeOid(TypeId::kFloat8) == 701);
  CHECK(TypeOid(TypeId::kNumeric) == 1700);
  CHECK(TypeOid(TypeId::kText) == 25);
  CHECK(TypeOid(TypeId::kVarchar) == 1043);
  CHECK(TypeOid(TypeId::kBpchar) == 1042);
  CHECK(TypeOid(TypeId::kName) == 19);
  CHECK(TypeOid(TypeId::kOid) == 26);
  CHECK(TypeOid(TypeId::kVoid) == 2278);
  CHECK(TypeOid(TypeId::kUnknown) == 705);
  CHECK(TypeLength(TypeId::kBool) == 1);
  CHECK(TypeLength(TypeId::kInt8) == 8);
  CHECK(TypeLength(TypeId::kName) == 64);
  CHECK(TypeLength(TypeId::kText) == -1);
  CHECK(TypeLength(TypeId::kUnknown) == -2);
  CHECK(TypeInternalName(TypeId::kBpchar) == "bpchar");
  CHECK(TypeInternalName(TypeId::kFloat8) == "float8");
  CHECK(PhysicalKindOf(TypeId::kOid) == PhysicalKind::kInt);
  CHECK(PhysicalKindOf(TypeId::kNumeric) == PhysicalKind::kString);  // Numeric::Serialize()
  CHECK(PhysicalKindOf(TypeId::kName) == PhysicalKind::kString);
}

TEST_CASE("FormatType prints format_type(oid, typmod)", "[types][type]") {
  CHECK(FormatType({TypeId::kBool, -1}) == "boolean");
  CHECK(FormatType({TypeId::kInt2, -1}) == "smallint");
  CHECK(FormatType({TypeId::kInt4, -1}) == "integer");
  CHECK(FormatType({TypeId::kInt8, -1}) == "bigint");
  CHECK(FormatType({TypeId::kFloat4, -1}) == "real");
  CHECK(FormatType({TypeId::kFloat8, -1}) == "double precision");
  CHECK(FormatType({TypeId::kNumeric, -1}) == "numeric");
  CHECK(FormatType({TypeId::kNumeric, 655366}) == "numeric(10,2)");
  CHECK(FormatType({TypeId::kNumeric, NumericTypmod(5, -2)}) == "numeric(5,-2)");
  CHECK(FormatType({TypeId::kText, -1}) == "text");
  CHECK(FormatType({TypeId::kVarchar, -1}) == "character varying");
  CHECK(FormatType({TypeId::kVarchar, 24}) == "character varying(20)");
  CHECK(FormatType({TypeId::kBpchar, -1}) == "bpchar");
  CHECK(FormatType({TypeId::kBpchar, 7}) == "character(3)");
  CHECK(FormatType({TypeId::kName, -1}) == "name");
  CHECK(FormatType({TypeId::kOid, -1}) == "oid");
  CHECK(FormatType({TypeId::kVoid, -1}) == "void");
  CHECK(FormatType({TypeId::kUnknown, -1}) == "unknown");
  CHECK(TypeDisplayName(TypeId::kBpchar) == "character");
}

TEST_CASE("LookupType maps parser type names", "[types][type]") {
  CHECK(LookupType({"pg_catalog", "int4"}, {}) == Type{TypeId::kInt4, -1});
  CHECK(LookupType({"int4"}, {}) == Type{TypeId::kInt4, -1});
  CHECK(LookupType({"int"}, {}) == Type{TypeId::kInt4, -1});
  CHECK(LookupType({"integer"}, {}) == Type{TypeId::kInt4, -1});
  CHECK(LookupType({"pg_catalog", "varchar"}, {20}) == Type{TypeId::kVarchar, 24});
  CHECK(LookupType({"pg_catalog", "bpchar"}, {1}) == Type{TypeId::kBpchar, 5});
  CHECK(LookupType({"pg_catalog", "bpchar"}, {}) == Type{TypeId::kBpchar, -1});
  CHECK(LookupType({"pg_catalog", "numeric"}, {10, 2}) == Type{TypeId::kNumeric, 655366});
  CHECK(LookupType({"pg_catalog", "numeric"}, {5}) == Type{TypeId::kNumeric, NumericTypmod(5, 0)});
  CHECK(LookupType({"pg_catalog", "numeric"}, {5, -2}) == Type{TypeId::kNumeric, NumericTypmod(5, -2)});
  CHECK(NumericTypmodScale(NumericTypmod(5, -2)) == -2);
  CHECK(NumericTypmodPrecision(NumericTypmod(5, -2)) == 5);
  CHECK(LookupType({"pg_catalog", "float8"}, {}) == Type{TypeId::kFloat8, -1});
  CHECK(LookupType({"real"}, {}) == Type{TypeId::kFloat4, -1});
  CHECK(LookupType({"bool"}, {}) == Type{TypeId::kBool, -1});
  CHECK(LookupType({"boolean"}, {}) == Type{TypeId::kBool, -1});
  CHECK(LookupType({"text"}, {}) == Type{TypeId::kText, -1});
  CHECK(LookupType({"name"}, {}) == Type{TypeId::kName, -1});
  CHECK(LookupType({"oid"}, {}) == Type{TypeId::kOid, -1});
  CHECK_FALSE(LookupType({"serial"}, {}).has_value());
  CHECK_FALSE(LookupType({"foo"}, {}).has_value());
  CHECK_FALSE(LookupType({"public", "int4"}, {}).has_value());
}

TEST_CASE("LookupType rejects modifiers like PostgreSQL", "[types][type]") {
  auto err = [](std::vector<std::string> names, std::vector<int64_t> mods) {
    return Capture([&] {
      LookupType(names, mods);
      return std::string();
    });
  };
  auto e = err({"pg_catalog", "varchar"}, {0});
  CHECK(e.sqlstate == "22023");
  CHECK(e.message == "length for type varchar must be at least 1");
  e = err({"pg_catalog", "bpchar"}, {0});
  CHECK(e.message == "length for type char must be at least 1");
  e = err({"pg_catalog", "varchar"}, {10485761});
  CHECK(e.message == "length for type varchar cannot exceed 10485760");
  e = err({"pg_catalog", "numeric"}, {0});
  CHECK(e.sqlstate == "22023");
  CHECK(e.message == "NUMERIC precision 0 must be between 1 and 1000");
  e = err({"pg_catalog", "numeric"}, {1001});
  CHECK(e.message == "NUMERIC precision 1001 must be between 1 and 1000");
  e = err({"pg_catalog", "numeric"}, {5, -1001});
  CHECK(e.message == "NUMERIC scale -1001 must be between -1000 and 1000");
  e = err({"pg_catalog", "numeric"}, {3, 1, 2});
  CHECK(e.message == "invalid NUMERIC type modifier");
  e = err({"pg_catalog", "int4"}, {3});
  CHECK(e.sqlstate == "42601");
  CHECK(e.message == "type modifier is not allowed for type \"pg_catalog.int4\"");
}
