#include "engine/sql/binder/expr_deparse.hpp"

#include <fmt/format.h>

#include "engine/error/db_error.hpp"

namespace basalt::engine::sql {
namespace {

std::string Names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += '.';
    out += QuoteIdentifier(names[i]);
  }
  return out;
}

std::string TypeText(const ast::TypeName& t) {
  std::string out = Names(t.names);
  if (!t.modifiers.empty()) {
    out += '(';
    for (size_t i = 0; i < t.modifiers.size(); ++i) {
      if (i) out += ',';
      out += std::to_string(t.modifiers[i]);
    }
    out += ')';
  }
  for (int i = 0; i < t.array_bounds; ++i) out += "[]";
  return out;
}

std::string List(const std::vector<ast::ExprPtr>& args, size_t from = 0) {
  std::string out;
  for (size_t i = from; i < args.size(); ++i) {
    if (i > from) out += ", ";
    out += DeparseExpr(*args[i]);
  }
  return out;
}

}  // namespace

std::string QuoteLiteral(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

std::string QuoteIdentifier(std::string_view s) {
  bool plain = !s.empty() && ((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_');
  for (char c : s) plain = plain && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  if (plain) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string DeparseExpr(const ast::Expr& e) {
  using K = ast::ExprKind;
  switch (e.kind) {
    case K::kConst:
      switch (e.const_kind) {
        case ast::ConstKind::kNull: return "NULL";
        case ast::ConstKind::kInteger:
        case ast::ConstKind::kNumeric: return e.text.empty() ? std::to_string(e.int_value) : e.text;
        case ast::ConstKind::kString: return QuoteLiteral(e.text);
        case ast::ConstKind::kBool: return e.text == "t" ? "true" : "false";
        case ast::ConstKind::kBitString: return "B" + QuoteLiteral(e.text);
      }
      break;
    case K::kColumnRef: return e.star ? (e.names.empty() ? "*" : Names(e.names) + ".*") : Names(e.names);
    case K::kParam: return fmt::format("${}", e.param_number);
    case K::kOp: {
      std::string op = e.names.back();
      if (e.args.size() == 1) return fmt::format("({} {})", op, DeparseExpr(*e.args[0]));
      return fmt::format("({} {} {})", DeparseExpr(*e.args[0]), op, DeparseExpr(*e.args[1]));
    }
    case K::kAnd:
    case K::kOr: {
      std::string out = "(";
      for (size_t i = 0; i < e.args.size(); ++i) {
        if (i) out += e.kind == K::kAnd ? " AND " : " OR ";
        out += DeparseExpr(*e.args[i]);
      }
      return out + ")";
    }
    case K::kNot: return fmt::format("(NOT {})", DeparseExpr(*e.args[0]));
    case K::kFunc: {
      std::string args = e.star ? "*" : List(e.args);
      return fmt::format("{}({}{})", Names(e.names), e.distinct ? "DISTINCT " : "", args);
    }
    case K::kCast: return fmt::format("({})::{}", DeparseExpr(*e.args[0]), TypeText(e.type_name));
    case K::kNullTest: return fmt::format("({} IS {}NULL)", DeparseExpr(*e.args[0]), e.negated ? "NOT " : "");
    case K::kBoolTest: {
      const char* what = e.bool_test == ast::BoolTestKind::kTrue    ? "TRUE"
                         : e.bool_test == ast::BoolTestKind::kFalse ? "FALSE"
                                                                    : "UNKNOWN";
      return fmt::format("({} IS {}{})", DeparseExpr(*e.args[0]), e.negated ? "NOT " : "", what);
    }
    case K::kCase: {
      std::string out = "CASE";
      if (!e.args.empty() && e.args[0]) out += " " + DeparseExpr(*e.args[0]);
      for (const auto& w : e.whens) out += fmt::format(" WHEN {} THEN {}", DeparseExpr(*w.condition), DeparseExpr(*w.result));
      if (e.else_expr) out += " ELSE " + DeparseExpr(*e.else_expr);
      return out + " END";
    }
    case K::kIn: return fmt::format("({} {}IN ({}))", DeparseExpr(*e.args[0]), e.negated ? "NOT " : "", List(e.args, 1));
    case K::kLike: {
      const char* op = e.like_kind == ast::LikeKind::kILike ? "ILIKE" : "LIKE";
      std::string out = fmt::format("({} {}{} {}", DeparseExpr(*e.args[0]), e.negated ? "NOT " : "", op,
                                    DeparseExpr(*e.args[1]));
      if (e.args.size() > 2) out += " ESCAPE " + DeparseExpr(*e.args[2]);
      return out + ")";
    }
    case K::kBetween:
      return fmt::format("({} {}BETWEEN {} AND {})", DeparseExpr(*e.args[0]), e.negated ? "NOT " : "",
                         DeparseExpr(*e.args[1]), DeparseExpr(*e.args[2]));
    case K::kDistinctFrom:
      return fmt::format("({} IS {}DISTINCT FROM {})", DeparseExpr(*e.args[0]), e.negated ? "NOT " : "",
                         DeparseExpr(*e.args[1]));
    case K::kNullIf: return fmt::format("NULLIF({})", List(e.args));
    case K::kCoalesce: return fmt::format("COALESCE({})", List(e.args));
    case K::kGreatest: return fmt::format("GREATEST({})", List(e.args));
    case K::kLeast: return fmt::format("LEAST({})", List(e.args));
    case K::kArray: return fmt::format("ARRAY[{}]", List(e.args));
    case K::kSubscript:
      return e.symmetric ? fmt::format("{}[{}:{}]", DeparseExpr(*e.args[0]), DeparseExpr(*e.args[1]), DeparseExpr(*e.args[2]))
                         : fmt::format("{}[{}]", DeparseExpr(*e.args[0]), DeparseExpr(*e.args[1]));
    case K::kRow: return fmt::format("ROW({})", List(e.args));
    case K::kDefault: return "DEFAULT";
    case K::kSqlValue: {
      std::string out;
      for (char c : e.names.back()) out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      return out;
    }
    case K::kCollate: return fmt::format("({} COLLATE {})", DeparseExpr(*e.args[0]), Names(e.names));
    case K::kSubLink: break;
  }
  throw DbError(SqlState::kFeatureNotSupported, "this expression cannot be stored as a default yet");
}

}  // namespace basalt::engine::sql
