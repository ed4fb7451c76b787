#include <string>

#include "engine/sql/binder/binder.hpp"

namespace basalt::engine::sql {
namespace {

// Returns "" when the expression has no natural name (PostgreSQL's strength 0).
std::string Figure(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::kColumnRef:
      if (e.star || e.names.empty()) return "";
      return e.names.back();
    case ast::ExprKind::kFunc:
      return e.names.empty() ? "" : e.names.back();
    case ast::ExprKind::kCast: {
      std::string inner = e.args.empty() ? "" : Figure(*e.args[0]);
      if (!inner.empty()) return inner;
      // The type's last name, as written after pg_catalog qualification.
      return e.type_name.names.empty() ? "" : e.type_name.names.back();
    }
    case ast::ExprKind::kCase: return "case";
    case ast::ExprKind::kCoalesce: return "coalesce";
    case ast::ExprKind::kNullIf: return "nullif";
    case ast::ExprKind::kGreatest: return "greatest";
    case ast::ExprKind::kLeast: return "least";
    case ast::ExprKind::kArray: return "array";
    case ast::ExprKind::kSubscript: return Figure(*e.args[0]);
    case ast::ExprKind::kRow: return "row";
    case ast::ExprKind::kSubLink:
      if (e.sublink_kind == ast::SubLinkKind::kExists) return "exists";
      if (e.sublink_kind == ast::SubLinkKind::kArray) return "array";
      return "";
    case ast::ExprKind::kSqlValue: return e.names.empty() ? "" : e.names.back();
    case ast::ExprKind::kCollate: return e.args.empty() ? "" : Figure(*e.args[0]);
    default: return "";
  }
}

}  // namespace

std::string FigureColumnName(const ast::Expr& e) {
  std::string name = Figure(e);
  return name.empty() ? "?column?" : name;
}

}  // namespace basalt::engine::sql
