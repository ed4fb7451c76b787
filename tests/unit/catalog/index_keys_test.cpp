#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "engine/catalog/catalog_codec.hpp"
#include "engine/catalog/index_keys.hpp"

using basalt::engine::catalog::AppendIndexKeyValue;
using basalt::engine::catalog::CheckDef;
using basalt::engine::catalog::ColumnDef;
using basalt::engine::catalog::IndexDef;
using basalt::engine::catalog::IndexKey;
using basalt::engine::catalog::IndexKeyPrefix;
using basalt::engine::catalog::TableDef;
using basalt::engine::sql::Type;
using basalt::engine::sql::TypeId;
using basalt::engine::sql::Value;

namespace {

// Sort order PostgreSQL gives (int or text) values in an index column.
bool PgLess(const Value& a, const Value& b, bool desc, bool nulls_first) {
  if (a.is_null() || b.is_null()) {
    if (a.is_null() && b.is_null()) return false;
    return a.is_null() ? nulls_first : !nulls_first;
  }
  bool less = a.kind() == Value::Kind::kInt ? a.as_int() < b.as_int() : a.as_string() < b.as_string();
  bool greater = a.kind() == Value::Kind::kInt ? a.as_int() > b.as_int() : a.as_string() > b.as_string();
  return desc ? greater : less;
}

std::string Key(const Value& v, TypeId t, bool desc, bool nulls_first) {
  std::string k = IndexKeyPrefix(20000);
  AppendIndexKeyValue(k, v, t, desc, nulls_first);
  return k;
}

void CheckOrder(const std::vector<Value>& values, TypeId t) {
  for (bool desc : {false, true}) {
    for (bool nulls_first : {false, true}) {
      for (const Value& a : values) {
        for (const Value& b : values) {
          INFO("desc=" << desc << " nulls_first=" << nulls_first);
          REQUIRE((Key(a, t, desc, nulls_first) < Key(b, t, desc, nulls_first)) == PgLess(a, b, desc, nulls_first));
        }
      }
    }
  }
}

}  // namespace

TEST_CASE("index key columns sort in ASC/DESC and NULLS FIRST/LAST order", "[catalog][index]") {
  CheckOrder({Value::Null(), Value::Int(-5), Value::Int(0), Value::Int(1), Value::Int(1LL << 40), Value::Int(-(1LL << 40))},
             TypeId::kInt8);
  CheckOrder({Value::Null(), Value::String(""), Value::String("a"), Value::String("ab"), Value::String(std::string("a\0b", 3)),
              Value::String("b"), Value::String("\xff")},
             TypeId::kText);
}

TEST_CASE("an index key is a prefix of the keys of longer compound entries", "[catalog][index]") {
  // A range scan over the prefix (a = 5) must see every (5, b) entry and no other.
  std::string p = IndexKeyPrefix(20000);
  AppendIndexKeyValue(p, Value::Int(5), TypeId::kInt4, false, false);
  std::string inside = p;
  AppendIndexKeyValue(inside, Value::String("zzz"), TypeId::kText, true, true);
  std::string other = IndexKeyPrefix(20000);
  AppendIndexKeyValue(other, Value::Int(6), TypeId::kInt4, false, false);
  REQUIRE(inside.compare(0, p.size(), p) == 0);
  REQUIRE(other.compare(0, p.size(), p) != 0);
  REQUIRE(p < inside);
  REQUIRE(inside < other);
}

TEST_CASE("indexes and checks round-trip through the table record", "[catalog][index]") {
  TableDef t;
  t.oid = 17000;
  t.database = 5;
  t.name = "t";
  t.columns.push_back(ColumnDef{"a", Type{TypeId::kInt4, -1}, false, ""});
  t.columns.push_back(ColumnDef{"b", Type{TypeId::kText, -1}, false, ""});
  IndexDef ix;
  ix.oid = 17001;
  ix.name = "t_a_lower_idx";
  ix.unique = true;
  ix.constraint = true;
  ix.keys.push_back(IndexKey{0, "", true, true});
  ix.keys.push_back(IndexKey{-1, "lower(b)", false, false});
  ix.predicate_sql = "a > 0";
  t.indexes.push_back(ix);
  t.checks.push_back(CheckDef{"t_a_check", "a < 10"});
  TableDef back = basalt::engine::catalog::DecodeTable(basalt::engine::catalog::EncodeTable(t));
  REQUIRE(back.indexes.size() == 1);
  const IndexDef& b = back.indexes[0];
  REQUIRE(b.oid == 17001);
  REQUIRE(b.name == "t_a_lower_idx");
  REQUIRE(b.unique);
  REQUIRE(b.constraint);
  REQUIRE(b.keys.size() == 2);
  REQUIRE(b.keys[0].column == 0);
  REQUIRE(b.keys[0].descending);
  REQUIRE(b.keys[0].nulls_first);
  REQUIRE(b.keys[1].column == -1);
  REQUIRE(b.keys[1].expr_sql == "lower(b)");
  REQUIRE(b.predicate_sql == "a > 0");
  REQUIRE(back.checks.size() == 1);
  REQUIRE(back.checks[0].name == "t_a_check");
  REQUIRE(back.checks[0].expr_sql == "a < 10");
}
