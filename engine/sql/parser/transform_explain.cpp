// EXPLAIN [ANALYZE] [VERBOSE] / EXPLAIN (option [value], ...) statement.
#include <fmt/format.h>

#include <cctype>

#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

ast::ExplainStmt Transformer::TransformExplain(const pg_query::ExplainStmt& node) {
  ast::ExplainStmt out;
  for (const auto& opt : node.options()) {
    const auto& def = opt.def_elem();
    const std::string& name = def.defname();
    if (name == "analyze") {
      out.analyze = DefElemBool(def);
    } else if (name == "verbose") {
      out.verbose = DefElemBool(def);
    } else if (name == "costs") {
      out.costs = DefElemBool(def);
    } else if (name == "format") {
      // Validated (text/json/xml/yaml) by whoever produces the output.
      out.format = DefElemText(def);
      for (auto& ch : out.format) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    } else {
      Unsupported(fmt::format("EXPLAIN option \"{}\"", name), def.location());
    }
  }
  out.query = std::make_unique<ast::Statement>(TransformStatement(node.query()));
  return out;
}

}  // namespace basalt::engine::sql
