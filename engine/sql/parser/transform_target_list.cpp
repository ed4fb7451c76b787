// ResTarget lists: SELECT/RETURNING outputs and the SET lists of UPDATE and
// ON CONFLICT DO UPDATE.
#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

std::vector<ast::ResTarget> Transformer::TransformTargetList(
    const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes) {
  std::vector<ast::ResTarget> out;
  out.reserve(nodes.size());
  for (const auto& n : nodes) {
    if (!n.has_res_target()) Unsupported(NodeName(n), NodeLocation(n));
    const auto& target = n.res_target();
    if (target.indirection_size() > 0) Unsupported("indirection in a target list", target.location());
    ast::ResTarget t;
    t.expr = TransformExpr(target.val());
    t.alias = target.name();
    t.location = target.location();
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<ast::ResTarget> Transformer::TransformSetList(
    const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes) {
  std::vector<ast::ResTarget> out;
  out.reserve(nodes.size());
  for (const auto& n : nodes) {
    const auto& target = n.res_target();
    if (target.indirection_size() > 0) {
      Unsupported("assignment to an array element or field", target.location());
    }
    ast::ResTarget t;
    t.alias = target.name();
    t.location = target.location();
    if (target.val().has_multi_assign_ref()) {
      // SET (a, b) = ROW(x, y): the grammar gives every column a reference to
      // the same source; column i takes element i.
      const auto& ref = target.val().multi_assign_ref();
      const auto& source = ref.source();
      if (source.has_sub_link()) {
        Unsupported("multiple-column assignment from a sub-SELECT", NodeLocation(source));
      }
      if (!source.has_row_expr()) {
        SyntaxError("source for a multiple-column UPDATE item must be a sub-SELECT or ROW() "
                    "expression",
                    NodeLocation(source));
      }
      const auto& row = source.row_expr();
      if (row.args_size() != ref.ncolumns()) {
        SyntaxError("number of columns does not match number of values", row.location());
      }
      t.expr = TransformExpr(row.args(ref.colno() - 1));
    } else {
      t.expr = TransformExpr(target.val());
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace basalt::engine::sql
