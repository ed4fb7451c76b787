#include <string>

#include "engine/sql/binder/binder.hpp"

namespace basalt::engine::sql {
namespace {

std::string Figure(const ast::Expr& e);

// PostgreSQL's FigureColnameInternal strength: 2 for a column or function
// name, 1 for a cast's type name ('x'::regtype::oid is "oid", t.a::text is "a").
int Strength(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::kCast: {
      int inner = e.args.empty() ? 0 : Strength(*e.args[0]);
      if (inner > 1) return inner;
      return e.type_name.names.empty() ? inner : 1;
    }
    case ast::ExprKind::kSubscript:
    case ast::ExprKind::kCollate: return e.args.empty() ? 0 : Strength(*e.args[0]);
    default: return Figure(e).empty() ? 0 : 2;
  }
}

// Returns "" when the expression has no natural name (PostgreSQL's strength 0).
std::string Figure(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::kColumnRef:
      if (e.star || e.names.empty()) return "";
      return e.names.back();
    case ast::ExprKind::kFunc:
      return e.names.empty() ? "" : e.names.back();
    case ast::ExprKind::kCast: {
      if (!e.args.empty() && Strength(*e.args[0]) > 1) return Figure(*e.args[0]);
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
