#include <catch2/catch.hpp>

#include <set>

#include "engine/catalog/byte_io.hpp"
#include "engine/catalog/catalog_codec.hpp"
#include "engine/catalog/ddl_codec.hpp"
#include "engine/catalog/sequence_store.hpp"
#include "engine/storage/store.hpp"
#include "tests/unit/temp_dir.hpp"

using namespace basalt::engine;
using basalt::test::TempDir;

TEST_CASE("sequence definitions survive the catalog codec", "[catalog][sequence]") {
  catalog::TableDef t;
  t.oid = 16400;
  t.name = "s";
  t.relkind = 'S';
  catalog::SequenceDef q;
  q.type = sql::TypeId::kInt4;
  q.start = -5;
  q.increment = -3;
  q.min_value = INT32_MIN;
  q.max_value = -1;
  q.cache = 20;
  q.cycle = true;
  q.owned_by_table = 16390;
  q.owned_by_column = "id";
  t.sequence = q;
  t.columns.push_back(catalog::ColumnDef{"last_value", sql::Type{sql::TypeId::kInt8, -1}, true, "", 0});
  t.columns.push_back(catalog::ColumnDef{"id", sql::Type{sql::TypeId::kInt4, -1}, true, "nextval('s'::regclass)", 'd'});
  t.reloptions = {"fillfactor=100"};
  t.reltuples = 1234;
  catalog::TableDef back = catalog::DecodeTable(catalog::EncodeTable(t));
  REQUIRE(back.relkind == 'S');
  REQUIRE(back.sequence);
  CHECK(back.sequence->type == sql::TypeId::kInt4);
  CHECK(back.sequence->start == -5);
  CHECK(back.sequence->increment == -3);
  CHECK(back.sequence->min_value == INT32_MIN);
  CHECK(back.sequence->max_value == -1);
  CHECK(back.sequence->cache == 20);
  CHECK(back.sequence->cycle);
  CHECK(back.sequence->owned_by_table == 16390);
  CHECK(back.sequence->owned_by_column == "id");
  CHECK(back.columns[1].identity == 'd');
  CHECK(back.columns[0].identity == 0);
  CHECK(back.reloptions == std::vector<std::string>{"fillfactor=100"});
  CHECK(back.reltuples == 1234);
}

TEST_CASE("a plain table has no DDL sections and decodes with defaults", "[catalog][sequence]") {
  catalog::TableDef t;
  t.name = "t";
  catalog::TableDef back = catalog::DecodeTable(catalog::EncodeTable(t));
  CHECK(back.relkind == 'r');
  CHECK(!back.sequence);
  CHECK(back.reltuples == -1);
}

TEST_CASE("unknown DDL sections are skipped", "[catalog][sequence]") {
  std::string bytes;
  catalog::ByteWriter w(bytes);
  w.U8(99);
  w.Bytes("future");
  w.U8(13);
  std::string p;
  catalog::ByteWriter pw(p);
  pw.SignedVarint(7);
  w.Bytes(p);
  catalog::ByteReader r(bytes);
  catalog::TableDef t;
  catalog::DecodeDdlSections(r, t);
  CHECK(t.reltuples == 7);
}

TEST_CASE("nextval follows PostgreSQL's log_cnt and never repeats after a restart", "[catalog][sequence]") {
  TempDir dir;
  storage::Store::Create(dir.path());
  catalog::SequenceDef def;
  std::set<int64_t> seen;
  {
    auto store = storage::Store::Open(dir.path());
    catalog::SequenceStore seqs(*store);
    catalog::SequenceState s0 = seqs.Read(1, def);
    CHECK(s0.last_value == 1);
    CHECK(!s0.is_called);
    CHECK(seqs.Fetch(1, "s", def).result == 1);
    catalog::SequenceState s1 = seqs.Read(1, def);
    CHECK(s1.log_cnt == 32);  // PostgreSQL shows 32 after the first nextval
    CHECK(s1.is_called);
    for (int i = 2; i <= 40; ++i) CHECK(seqs.Fetch(1, "s", def).result == i);
    for (int64_t v = 1; v <= 40; ++v) seen.insert(v);
  }
  {
    // Reopened without a clean shutdown of the sequence state: continues past
    // every value that may have been handed out.
    auto store = storage::Store::Open(dir.path());
    catalog::SequenceStore seqs(*store);
    int64_t next = seqs.Fetch(1, "s", def).result;
    CHECK(next > 40);
    CHECK(seen.count(next) == 0);
  }
}

TEST_CASE("nextval stops at MAXVALUE or cycles", "[catalog][sequence]") {
  TempDir dir;
  storage::Store::Create(dir.path());
  auto store = storage::Store::Open(dir.path());
  catalog::SequenceStore seqs(*store);
  catalog::SequenceDef def;
  def.max_value = 3;
  CHECK(seqs.Fetch(2, "s", def).result == 1);
  CHECK(seqs.Fetch(2, "s", def).result == 2);
  CHECK(seqs.Fetch(2, "s", def).result == 3);
  CHECK_THROWS_AS(seqs.Fetch(2, "s", def), DbError);
  def.cycle = true;
  CHECK(seqs.Fetch(2, "s", def).result == 1);
  catalog::SequenceDef down;
  down.increment = -1;
  down.min_value = INT64_MIN;
  down.max_value = -1;
  down.start = -1;
  CHECK(seqs.Fetch(3, "d", down).result == -1);
  CHECK(seqs.Fetch(3, "d", down).result == -2);
  seqs.Set(3, down, INT64_MIN + 1, true);
  CHECK(seqs.Fetch(3, "d", down).result == INT64_MIN);
  CHECK_THROWS_AS(seqs.Fetch(3, "d", down), DbError);
}
