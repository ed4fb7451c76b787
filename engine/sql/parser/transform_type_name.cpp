// TypeName: names exactly as the grammar produced them ({"pg_catalog","int4"}
// for INT, {"pg_catalog","varchar"} for VARCHAR, {"text"} for text), integer
// type modifiers and the number of array dimensions.
#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

ast::TypeName Transformer::TransformTypeName(const pg_query::TypeName& node) {
  if (node.setof()) Unsupported("SETOF", node.location());
  if (node.pct_type()) Unsupported("%TYPE", node.location());
  ast::TypeName out;
  out.names = StringList(node.names());
  out.location = node.location();
  for (const auto& mod : node.typmods()) {
    // PostgreSQL also accepts identifiers and strings for extension types'
    // typmod input functions; built-in types only take integers.
    if (!mod.has_a_const() || !mod.a_const().has_ival()) {
      Unsupported("a non-integer type modifier", NodeLocation(mod));
    }
    out.modifiers.push_back(mod.a_const().ival().ival());
  }
  out.array_bounds = node.array_bounds_size();
  return out;
}

}  // namespace basalt::engine::sql
