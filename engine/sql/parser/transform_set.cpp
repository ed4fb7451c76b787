// SET / RESET (VariableSetStmt) and SHOW (VariableShowStmt).
#include "engine/sql/parser/transformer.hpp"

#include <cctype>

namespace basalt::engine::sql {

namespace {

// GUC names are case-insensitive in PostgreSQL; hand the registry one spelling.
std::string Lower(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

}  // namespace

ast::VariableSetStmt Transformer::TransformVariableSet(const pg_query::VariableSetStmt& node) {
  ast::VariableSetStmt out;
  out.name = Lower(node.name());
  out.is_local = node.is_local();
  switch (node.kind()) {
    case pg_query::VAR_SET_VALUE: out.kind = ast::SetKind::kValue; break;
    case pg_query::VAR_SET_DEFAULT: out.kind = ast::SetKind::kDefault; return out;
    case pg_query::VAR_SET_CURRENT: out.kind = ast::SetKind::kCurrent; return out;
    case pg_query::VAR_RESET: out.kind = ast::SetKind::kReset; return out;
    case pg_query::VAR_RESET_ALL: out.kind = ast::SetKind::kResetAll; return out;
    case pg_query::VAR_SET_MULTI:
      out.kind = ast::SetKind::kMulti;
      // "TRANSACTION" and "SESSION CHARACTERISTICS" carry DefElem modes;
      // "TRANSACTION SNAPSHOT" carries the snapshot id as its one value.
      if (out.name != "transaction snapshot") {
        out.transaction_options = TransformTransactionOptions(node.args());
        return out;
      }
      break;
    default: Unsupported("VariableSetStmt");
  }

  // Identifiers and literals alike arrive as constants (`SET search_path = a, 'b'`).
  for (const auto& arg : node.args()) {
    if (!arg.has_a_const() || arg.a_const().isnull()) {
      Unsupported(arg.has_type_cast() ? "SET with a typed value" : NodeName(arg), NodeLocation(arg));
    }
    const auto& c = arg.a_const();
    switch (c.val_case()) {
      case pg_query::A_Const::kSval: out.values.push_back(c.sval().sval()); break;
      case pg_query::A_Const::kIval: out.values.push_back(std::to_string(c.ival().ival())); break;
      case pg_query::A_Const::kFval: out.values.push_back(c.fval().fval()); break;
      case pg_query::A_Const::kBoolval: out.values.push_back(c.boolval().boolval() ? "true" : "false"); break;
      default: Unsupported("SET with this value", c.location());
    }
  }
  return out;
}

ast::VariableShowStmt Transformer::TransformVariableShow(const pg_query::VariableShowStmt& node) {
  return ast::VariableShowStmt{Lower(node.name())};
}

}  // namespace basalt::engine::sql
