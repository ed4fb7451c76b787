#include <atomic>
#include <thread>

#include "parse_helpers.hpp"

namespace basalt::engine::sql::test {
namespace {

// libpg_query keeps its memory contexts per thread; sessions parse on several
// io_context threads at once, so concurrent parses (and errors) must not interfere.
TEST_CASE("parsing is safe from several threads at once", "[parser][threads]") {
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t, &failures] {
      for (int i = 0; i < 300; ++i) {
        try {
          auto stmts = Parser::Parse("SELECT a + " + std::to_string(i) + " FROM t" + std::to_string(t) +
                                     " WHERE b = 'x'");
          const auto& s = std::get<ast::SelectStmt>(stmts.at(0).body);
          if (s.targets.at(0).expr->args.at(1)->int_value != i ||
              s.from.at(0)->table.name != "t" + std::to_string(t)) {
            ++failures;
          }
        } catch (...) {
          ++failures;
        }
        try {
          Parser::Parse("SELECT * FORM t");
          ++failures;
        } catch (const DbError& e) {
          if (e.position() != 10) ++failures;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  REQUIRE(failures.load() == 0);
}

}  // namespace
}  // namespace basalt::engine::sql::test
