#include <catch2/catch.hpp>

#include <memory>

#include "engine/catalog/catalog_codec.hpp"
#include "engine/catalog/user_objects.hpp"
#include "engine/error/db_error.hpp"
#include "engine/sql/types/binary_io.hpp"
#include "engine/sql/types/compare.hpp"
#include "engine/sql/types/enum_type.hpp"
#include "engine/sql/types/text_io.hpp"

namespace cat = basalt::engine::catalog;
namespace sql = basalt::engine::sql;

namespace {

cat::EnumTypeDef MoodType() {
  cat::EnumTypeDef def;
  def.oid = 50001;
  def.array_oid = 50002;
  def.database = 5;
  def.schema = cat::kPublicNamespaceOid;
  def.name = "mood";
  def.owner = 10;
  const char* labels[] = {"sad", "ok", "happy"};
  for (int i = 0; i < 3; ++i) {
    def.labels.push_back({static_cast<cat::Oid>(50003 + i), sql::kEnumSortBias + (i + 1) * sql::kEnumSortOne, labels[i]});
  }
  return def;
}

void Register(const cat::EnumTypeDef& def) {
  auto info = std::make_shared<sql::EnumTypeInfo>();
  info->oid = def.oid;
  info->array_oid = def.array_oid;
  info->name = def.name;
  for (const auto& l : def.labels) info->labels.push_back({l.label, l.sort_key, l.oid});
  sql::RegisterEnumType(info);
}

}  // namespace

TEST_CASE("enum type definitions round-trip", "[catalog][enum]") {
  cat::EnumTypeDef def = MoodType();
  cat::EnumTypeDef back = cat::DecodeEnumType(cat::EncodeEnumType(def));
  REQUIRE(back.oid == def.oid);
  REQUIRE(back.array_oid == def.array_oid);
  REQUIRE(back.name == "mood");
  REQUIRE(back.schema == cat::kPublicNamespaceOid);
  REQUIRE(back.labels.size() == 3);
  REQUIRE(back.labels[2].label == "happy");
  REQUIRE(back.labels[2].oid == 50005);
  REQUIRE(back.labels[0].SortOrder() == 1.0f);
  REQUIRE(back.labels[2].SortOrder() == 3.0f);
}

TEST_CASE("enum sort orders below zero and midpoints", "[catalog][enum]") {
  cat::EnumLabelDef before_first{1, sql::kEnumSortBias, "x"};
  REQUIRE(before_first.SortOrder() == 0.0f);
  cat::EnumLabelDef neg{1, sql::kEnumSortBias - sql::kEnumSortOne, "y"};
  REQUIRE(neg.SortOrder() == -1.0f);
  cat::EnumLabelDef mid{1, sql::kEnumSortBias + sql::kEnumSortOne + sql::kEnumSortOne / 2, "z"};
  REQUIRE(mid.SortOrder() == 1.5f);
}

TEST_CASE("enum columns keep their type OID in table records", "[catalog][enum]") {
  cat::TableDef t;
  t.oid = 60000;
  t.database = 5;
  t.name = "person";
  cat::ColumnDef c;
  c.name = "m";
  c.type = sql::Type{sql::TypeId::kEnum, -1, 50001};
  t.columns.push_back(c);
  cat::ColumnDef d;
  d.name = "v";
  d.type = sql::Type{sql::TypeId::kVarchar, 14};
  t.columns.push_back(d);
  cat::TableDef back = cat::DecodeTable(cat::EncodeTable(t));
  REQUIRE(back.columns[0].type == (sql::Type{sql::TypeId::kEnum, -1, 50001}));
  REQUIRE(back.columns[1].type == (sql::Type{sql::TypeId::kVarchar, 14}));
}

TEST_CASE("function definitions round-trip", "[catalog][function]") {
  cat::FunctionDef f;
  f.oid = 70000;
  f.database = 5;
  f.schema = cat::kPublicNamespaceOid;
  f.name = "total";
  f.owner = 10;
  f.args.push_back({"cust", sql::Type{sql::TypeId::kInt4, -1}, ""});
  f.args.push_back({"", sql::Type{sql::TypeId::kEnum, -1, 50001}, "'ok'::mood"});
  f.return_type = sql::Type{sql::TypeId::kNumeric, -1};
  f.volatility = 's';
  f.strict = true;
  f.body = " SELECT sum(amount) FROM orders WHERE customer = cust ";
  cat::FunctionDef back = cat::DecodeFunction(cat::EncodeFunction(f));
  REQUIRE(back.oid == 70000);
  REQUIRE(back.name == "total");
  REQUIRE(back.args.size() == 2);
  REQUIRE(back.args[0].name == "cust");
  REQUIRE(back.args[1].type == (sql::Type{sql::TypeId::kEnum, -1, 50001}));
  REQUIRE(back.args[1].default_sql == "'ok'::mood");
  REQUIRE(back.NumDefaults() == 1);
  REQUIRE(back.return_type == (sql::Type{sql::TypeId::kNumeric, -1}));
  REQUIRE(back.volatility == 's');
  REQUIRE(back.strict);
  REQUIRE(back.language == "sql");
  REQUIRE(back.body == f.body);
}

TEST_CASE("enum values: input, output, order", "[catalog][enum]") {
  cat::EnumTypeDef def = MoodType();
  Register(def);
  sql::Type t = def.type();
  sql::Value sad = sql::ParseText("sad", t);
  sql::Value happy = sql::ParseText("happy", t);
  REQUIRE(sql::ToText(sad, t) == "sad");
  REQUIRE(sql::Compare(sad, happy, sql::TypeId::kEnum) < 0);  // declaration order, not alphabetical
  REQUIRE(sql::Hash(sad, sql::TypeId::kEnum) == sql::Hash(sql::ParseText("sad", t), sql::TypeId::kEnum));
  std::string bin;
  sql::AppendBinary(happy, t, bin);
  REQUIRE(bin == "happy");
  REQUIRE(sql::ParseBinary("happy", t) == happy);
  REQUIRE(sql::FormatType(t) == "mood");
  REQUIRE(sql::TypeOid(t) == 50001u);
  try {
    sql::ParseText("grumpy", t);
    FAIL("expected 22P02");
  } catch (const basalt::engine::DbError& e) {
    REQUIRE(std::string(e.what()) == "invalid input value for enum mood: \"grumpy\"");
  }
}
