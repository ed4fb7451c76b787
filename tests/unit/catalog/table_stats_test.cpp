#include <catch2/catch.hpp>

#include "engine/catalog/table_stats.hpp"
#include "tests/unit/txn/txn_test_util.hpp"

namespace cat = basalt::engine::catalog;
using basalt::test::TxnFixture;

TEST_CASE("table statistics round-trip and stay transactional", "[catalog][stats]") {
  TxnFixture f;
  cat::TableStats s;
  s.table = 16400;
  s.reltuples = 100;
  s.relpages = 3;
  s.last_analyze = 123456789;
  s.analyze_count = 2;
  cat::ColumnStats c;
  c.column = "grp";
  c.null_frac = 0.25f;
  c.avg_width = 4;
  c.n_distinct = -0.5f;
  c.mcv = {"1", "a \"b\""};
  c.mcv_freqs = {0.5f, 0.25f};
  s.columns.push_back(c);
  {
    auto txn = f.mgr->Begin();
    REQUIRE_FALSE(cat::LoadTableStats(*txn, 16400));
    cat::StoreTableStats(*txn, s);
    txn->Rollback();
  }
  {
    auto txn = f.mgr->Begin();
    REQUIRE_FALSE(cat::LoadTableStats(*txn, 16400));  // rolled back with its transaction
    cat::StoreTableStats(*txn, s);
    txn->Commit();
  }
  auto txn = f.mgr->Begin();
  auto back = cat::LoadTableStats(*txn, 16400);
  REQUIRE(back);
  REQUIRE(back->reltuples == 100);
  REQUIRE(back->relpages == 3);
  REQUIRE(back->last_analyze == 123456789);
  REQUIRE_FALSE(back->last_vacuum);
  REQUIRE(back->analyze_count == 2);
  REQUIRE(back->vacuum_count == 0);
  const cat::ColumnStats* g = back->Find("grp");
  REQUIRE(g != nullptr);
  REQUIRE(g->null_frac == 0.25f);
  REQUIRE(g->avg_width == 4);
  REQUIRE(g->n_distinct == -0.5f);
  REQUIRE(g->mcv == std::vector<std::string>{"1", "a \"b\""});
  REQUIRE(g->mcv_freqs == std::vector<float>{0.5f, 0.25f});
  REQUIRE(back->Find("nope") == nullptr);
  REQUIRE_FALSE(cat::LoadTableStats(*txn, 16401));
  cat::DeleteTableStats(*txn, 16400);
  REQUIRE_FALSE(cat::LoadTableStats(*txn, 16400));
}
