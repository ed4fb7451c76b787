// Expression nodes of PostgreSQL's raw grammar -> ast::Expr. Function calls,
// windows and sort keys live in transform_func_call.cpp, target lists in
// transform_target_list.cpp.
#include <fmt/format.h>

#include "engine/sql/parser/transformer.hpp"

namespace basalt::engine::sql {

namespace {

using ast::ExprKind;

ast::ExprPtr MakeExpr(ExprKind kind, int location) {
  return std::make_unique<ast::Expr>(kind, location);
}

// For LIKE ... ESCAPE and SIMILAR TO the grammar wraps the pattern in a call
// to pg_catalog.like_escape / similar_to_escape; recognise that wrapper.
const pg_query::FuncCall* EscapeWrapper(const pg_query::Node& node, const char* func) {
  if (!node.has_func_call()) return nullptr;
  const auto& call = node.func_call();
  if (call.funcname_size() != 2 || call.funcname(0).string().sval() != "pg_catalog" ||
      call.funcname(1).string().sval() != func) {
    return nullptr;
  }
  return &call;
}

}  // namespace

ast::ExprPtr Transformer::TransformOptionalExpr(const pg_query::Node& node) {
  if (node.node_case() == pg_query::Node::NODE_NOT_SET) return nullptr;
  return TransformExpr(node);
}

std::vector<ast::ExprPtr> Transformer::TransformExprList(
    const google::protobuf::RepeatedPtrField<pg_query::Node>& nodes) {
  std::vector<ast::ExprPtr> out;
  out.reserve(nodes.size());
  for (const auto& n : nodes) out.push_back(TransformExpr(n));
  return out;
}

ast::ExprPtr Transformer::TransformExpr(const pg_query::Node& node) {
  using N = pg_query::Node;
  switch (node.node_case()) {
    case N::kAConst: return TransformConst(node.a_const());
    case N::kAExpr: return TransformAExpr(node.a_expr());
    case N::kFuncCall: return TransformFuncCall(node.func_call());
    case N::kSubLink: return TransformSubLink(node.sub_link());
    case N::kSqlvalueFunction: return TransformSqlValueFunction(node.sqlvalue_function());
    case N::kGroupingSet: return TransformGroupingSet(node.grouping_set());

    case N::kColumnRef: {
      const auto& ref = node.column_ref();
      auto e = MakeExpr(ExprKind::kColumnRef, ref.location());
      for (const auto& field : ref.fields()) {
        if (field.has_a_star()) {
          e->star = true;
        } else {
          e->names.push_back(StringValue(field));
        }
      }
      return e;
    }

    case N::kParamRef: {
      auto e = MakeExpr(ExprKind::kParam, node.param_ref().location());
      e->param_number = node.param_ref().number();
      return e;
    }

    case N::kBoolExpr: {
      const auto& b = node.bool_expr();
      ExprKind kind = ExprKind::kAnd;
      switch (b.boolop()) {
        case pg_query::AND_EXPR: kind = ExprKind::kAnd; break;
        case pg_query::OR_EXPR: kind = ExprKind::kOr; break;
        case pg_query::NOT_EXPR: kind = ExprKind::kNot; break;
        default: Unsupported("BoolExpr", b.location());
      }
      auto e = MakeExpr(kind, b.location());
      e->args = TransformExprList(b.args());
      return e;
    }

    case N::kNullTest: {
      const auto& t = node.null_test();
      auto e = MakeExpr(ExprKind::kNullTest, t.location());
      e->negated = t.nulltesttype() == pg_query::IS_NOT_NULL;
      e->args.push_back(TransformExpr(t.arg()));
      return e;
    }

    case N::kBooleanTest: {
      const auto& t = node.boolean_test();
      auto e = MakeExpr(ExprKind::kBoolTest, t.location());
      switch (t.booltesttype()) {
        case pg_query::IS_TRUE: e->bool_test = ast::BoolTestKind::kTrue; break;
        case pg_query::IS_NOT_TRUE: e->bool_test = ast::BoolTestKind::kTrue; e->negated = true; break;
        case pg_query::IS_FALSE: e->bool_test = ast::BoolTestKind::kFalse; break;
        case pg_query::IS_NOT_FALSE: e->bool_test = ast::BoolTestKind::kFalse; e->negated = true; break;
        case pg_query::IS_UNKNOWN: e->bool_test = ast::BoolTestKind::kUnknown; break;
        case pg_query::IS_NOT_UNKNOWN:
          e->bool_test = ast::BoolTestKind::kUnknown;
          e->negated = true;
          break;
        default: Unsupported("BooleanTest", t.location());
      }
      e->args.push_back(TransformExpr(t.arg()));
      return e;
    }

    case N::kTypeCast: {
      const auto& c = node.type_cast();
      auto e = MakeExpr(ExprKind::kCast, c.location());
      e->args.push_back(TransformExpr(c.arg()));
      e->type_name = TransformTypeName(c.type_name());
      return e;
    }

    case N::kCaseExpr: {
      const auto& c = node.case_expr();
      auto e = MakeExpr(ExprKind::kCase, c.location());
      if (c.has_arg()) e->args.push_back(TransformExpr(c.arg()));
      for (const auto& w : c.args()) {
        const auto& when = w.case_when();
        e->whens.push_back({TransformExpr(when.expr()), TransformExpr(when.result())});
      }
      e->else_expr = TransformOptionalExpr(c.defresult());
      return e;
    }

    case N::kCoalesceExpr: {
      auto e = MakeExpr(ExprKind::kCoalesce, node.coalesce_expr().location());
      e->args = TransformExprList(node.coalesce_expr().args());
      return e;
    }

    case N::kMinMaxExpr: {
      const auto& m = node.min_max_expr();
      auto e = MakeExpr(m.op() == pg_query::IS_LEAST ? ExprKind::kLeast : ExprKind::kGreatest,
                        m.location());
      e->args = TransformExprList(m.args());
      return e;
    }

    case N::kAArrayExpr: {
      auto e = MakeExpr(ExprKind::kArray, node.a_array_expr().location());
      e->args = TransformExprList(node.a_array_expr().elements());
      return e;
    }

    case N::kRowExpr: {
      auto e = MakeExpr(ExprKind::kRow, node.row_expr().location());
      e->args = TransformExprList(node.row_expr().args());
      return e;
    }

    case N::kSetToDefault:
      return MakeExpr(ExprKind::kDefault, node.set_to_default().location());

    case N::kCollateClause: {
      const auto& c = node.collate_clause();
      auto e = MakeExpr(ExprKind::kCollate, c.location());
      e->args.push_back(TransformExpr(c.arg()));
      e->names = StringList(c.collname());
      return e;
    }

    case N::kGroupingFunc: {
      // GROUPING(a, b): an ordinary function name for the binder.
      auto e = MakeExpr(ExprKind::kFunc, node.grouping_func().location());
      e->names = {"grouping"};
      e->args = TransformExprList(node.grouping_func().args());
      return e;
    }

    case N::kAIndirection: {
      // One subscript or slice with both bounds (a[1], a[1:2]); field
      // selection ((r).f), (r).*, a[1][2] and open slices have no AST shape yet.
      const auto& ind = node.a_indirection();
      if (ind.indirection_size() != 1 || !ind.indirection(0).has_a_indices()) {
        Unsupported("A_Indirection", NodeLocation(ind.arg()));
      }
      const auto& idx = ind.indirection(0).a_indices();
      if (idx.is_slice() && (!idx.has_lidx() || !idx.has_uidx())) {
        Unsupported("array slices without both bounds", NodeLocation(ind.arg()));
      }
      auto e = MakeExpr(ExprKind::kSubscript, NodeLocation(ind.arg()));
      e->args.push_back(TransformExpr(ind.arg()));
      if (idx.is_slice()) {
        e->symmetric = true;
        e->args.push_back(TransformExpr(idx.lidx()));
      }
      e->args.push_back(TransformExpr(idx.uidx()));
      return e;
    }

    default:
      Unsupported(NodeName(node), NodeLocation(node));
  }
}

ast::ExprPtr Transformer::TransformConst(const pg_query::A_Const& node) {
  auto e = MakeExpr(ExprKind::kConst, node.location());
  if (node.isnull()) {
    e->const_kind = ast::ConstKind::kNull;
    return e;
  }
  switch (node.val_case()) {
    case pg_query::A_Const::kIval:
      e->const_kind = ast::ConstKind::kInteger;
      e->int_value = node.ival().ival();
      e->text = std::to_string(e->int_value);
      break;
    case pg_query::A_Const::kFval:
      // Also integers beyond int32: PostgreSQL's lexer leaves them as Float
      // strings, and the binder types them int8 or numeric by value.
      e->const_kind = ast::ConstKind::kNumeric;
      e->text = node.fval().fval();
      break;
    case pg_query::A_Const::kSval:
      e->const_kind = ast::ConstKind::kString;
      e->text = node.sval().sval();
      break;
    case pg_query::A_Const::kBoolval:
      e->const_kind = ast::ConstKind::kBool;
      // assign(count, char) rather than a literal: GCC 12 warns falsely
      // (-Wrestrict, PR 105329) on assigning a one-character literal here.
      e->text.assign(1, node.boolval().boolval() ? 't' : 'f');
      break;
    case pg_query::A_Const::kBsval:
      // PostgreSQL keeps the radix letter: "b101" for B'101', "x1F" for X'1F'.
      e->const_kind = ast::ConstKind::kBitString;
      e->text = node.bsval().bsval();
      break;
    case pg_query::A_Const::VAL_NOT_SET:
      // proto3 drops an all-default submessage only when absent, so an unset
      // value on a non-null constant is a libpg_query encoding we do not know.
      Unsupported("A_Const", node.location());
  }
  return e;
}

ast::ExprPtr Transformer::TransformAExpr(const pg_query::A_Expr& node) {
  std::vector<std::string> names = StringList(node.name());
  const std::string op = names.empty() ? "" : names.back();
  auto binary = [&](ExprKind kind) {
    auto e = MakeExpr(kind, node.location());
    e->args.push_back(TransformExpr(node.lexpr()));
    e->args.push_back(TransformExpr(node.rexpr()));
    return e;
  };

  switch (node.kind()) {
    case pg_query::AEXPR_OP: {
      // The regex match operators share the LIKE family's AST shape, also when
      // spelled OPERATOR(pg_catalog.~) as psql's \d queries do; so do ~~ and
      // friends, the operators behind LIKE / ILIKE.
      const bool plain = names.size() == 1 || (names.size() == 2 && names[0] == "pg_catalog");
      if (plain && node.has_lexpr() && (op == "~" || op == "~*" || op == "!~" || op == "!~*")) {
        auto e = binary(ExprKind::kLike);
        e->like_kind = op.back() == '*' ? ast::LikeKind::kRegexI : ast::LikeKind::kRegex;
        e->negated = op.front() == '!';
        return e;
      }
      if (plain && node.has_lexpr() && (op == "~~" || op == "~~*" || op == "!~~" || op == "!~~*")) {
        auto e = binary(ExprKind::kLike);
        e->like_kind = op.back() == '*' ? ast::LikeKind::kILike : ast::LikeKind::kLike;
        e->negated = op.front() == '!';
        return e;
      }
      auto e = MakeExpr(ExprKind::kOp, node.location());
      e->names = std::move(names);
      if (node.has_lexpr()) e->args.push_back(TransformExpr(node.lexpr()));
      e->args.push_back(TransformExpr(node.rexpr()));
      return e;
    }
    case pg_query::AEXPR_OP_ANY:
    case pg_query::AEXPR_OP_ALL: {
      auto e = binary(ExprKind::kOp);
      e->names = std::move(names);
      e->quantifier = node.kind() == pg_query::AEXPR_OP_ANY ? ast::OpQuantifier::kAny
                                                            : ast::OpQuantifier::kAll;
      return e;
    }
    case pg_query::AEXPR_DISTINCT:
    case pg_query::AEXPR_NOT_DISTINCT: {
      auto e = binary(ExprKind::kDistinctFrom);
      e->negated = node.kind() == pg_query::AEXPR_NOT_DISTINCT;
      return e;
    }
    case pg_query::AEXPR_NULLIF: return binary(ExprKind::kNullIf);
    case pg_query::AEXPR_IN: {
      auto e = MakeExpr(ExprKind::kIn, node.location());
      e->negated = op == "<>";  // NOT IN arrives as "<>" over the list
      e->args.push_back(TransformExpr(node.lexpr()));
      for (const auto& item : node.rexpr().list().items()) e->args.push_back(TransformExpr(item));
      return e;
    }
    case pg_query::AEXPR_LIKE:
      return TransformLikeExpr(node, ast::LikeKind::kLike, "like_escape");
    case pg_query::AEXPR_ILIKE:
      return TransformLikeExpr(node, ast::LikeKind::kILike, "like_escape");
    case pg_query::AEXPR_SIMILAR:
      return TransformLikeExpr(node, ast::LikeKind::kSimilar, "similar_to_escape");
    case pg_query::AEXPR_BETWEEN:
    case pg_query::AEXPR_NOT_BETWEEN:
    case pg_query::AEXPR_BETWEEN_SYM:
    case pg_query::AEXPR_NOT_BETWEEN_SYM: {
      auto e = MakeExpr(ExprKind::kBetween, node.location());
      e->negated = node.kind() == pg_query::AEXPR_NOT_BETWEEN ||
                   node.kind() == pg_query::AEXPR_NOT_BETWEEN_SYM;
      e->symmetric = node.kind() == pg_query::AEXPR_BETWEEN_SYM ||
                     node.kind() == pg_query::AEXPR_NOT_BETWEEN_SYM;
      e->args.push_back(TransformExpr(node.lexpr()));
      for (const auto& item : node.rexpr().list().items()) e->args.push_back(TransformExpr(item));
      return e;
    }
    default: Unsupported("A_Expr", node.location());
  }
}

ast::ExprPtr Transformer::TransformLikeExpr(const pg_query::A_Expr& node, ast::LikeKind kind,
                                            const char* escape_func) {
  auto e = MakeExpr(ExprKind::kLike, node.location());
  e->like_kind = kind;
  // NOT LIKE is "!~~", NOT ILIKE "!~~*", NOT SIMILAR TO "!~".
  e->negated = !node.name().empty() && StringValue(node.name(0)).front() == '!';
  e->args.push_back(TransformExpr(node.lexpr()));
  if (const pg_query::FuncCall* wrapper = EscapeWrapper(node.rexpr(), escape_func)) {
    for (const auto& arg : wrapper->args()) e->args.push_back(TransformExpr(arg));
  } else {
    e->args.push_back(TransformExpr(node.rexpr()));
  }
  return e;
}

ast::ExprPtr Transformer::TransformSubLink(const pg_query::SubLink& node) {
  auto e = MakeExpr(ExprKind::kSubLink, node.location());
  switch (node.sub_link_type()) {
    case pg_query::EXISTS_SUBLINK: e->sublink_kind = ast::SubLinkKind::kExists; break;
    case pg_query::ANY_SUBLINK: e->sublink_kind = ast::SubLinkKind::kAny; break;
    case pg_query::ALL_SUBLINK: e->sublink_kind = ast::SubLinkKind::kAll; break;
    case pg_query::EXPR_SUBLINK: e->sublink_kind = ast::SubLinkKind::kExpr; break;
    case pg_query::ARRAY_SUBLINK: e->sublink_kind = ast::SubLinkKind::kArray; break;
    default: Unsupported("row comparison with a subquery", node.location());
  }
  if (e->sublink_kind == ast::SubLinkKind::kAny || e->sublink_kind == ast::SubLinkKind::kAll) {
    e->sublink_op = StringList(node.oper_name());
    // `x IN (SELECT ...)` is ANY with no operator name.
    if (e->sublink_op.empty()) e->sublink_op = {"="};
    e->args.push_back(TransformExpr(node.testexpr()));
  }
  if (!node.subselect().has_select_stmt()) Unsupported(NodeName(node.subselect()), node.location());
  e->subquery = std::make_unique<ast::SelectStmt>(TransformSelect(node.subselect().select_stmt()));
  return e;
}

}  // namespace basalt::engine::sql
