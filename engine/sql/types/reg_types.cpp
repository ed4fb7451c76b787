// regtype, regproc, regprocedure, regoper, regoperator, regnamespace and
// regrole input/output around the session's resolver. Source: PostgreSQL 15
// src/backend/utils/adt/regproc.c (regtypein, parseNameAndArgTypes, ...).
#include "engine/sql/types/reg_types.hpp"

#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/types/binary_io.hpp"
#include "engine/sql/types/enum_type.hpp"
#include "engine/sql/types/regclass.hpp"
#include "engine/sql/types/text_io.hpp"

namespace basalt::engine::sql {
namespace {

bool IsScannerSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

[[noreturn]] void BadText(const char* message) { throw DbError(SqlState::kInvalidTextRepresentation, message); }

}  // namespace

bool IsRegType(TypeId id) {
  switch (id) {
    case TypeId::kRegclass:
    case TypeId::kRegtype:
    case TypeId::kRegproc:
    case TypeId::kRegprocedure:
    case TypeId::kRegoper:
    case TypeId::kRegoperator:
    case TypeId::kRegnamespace:
    case TypeId::kRegrole: return true;
    default: return false;
  }
}

void ThrowRegNotFound(TypeId reg_type, std::string_view text) {
  switch (reg_type) {
    case TypeId::kRegtype:
      throw DbError(SqlState::kUndefinedObject, fmt::format("type \"{}\" does not exist", text));
    case TypeId::kRegproc:
    case TypeId::kRegprocedure:
      throw DbError(SqlState::kUndefinedFunction, fmt::format("function \"{}\" does not exist", text));
    case TypeId::kRegoper:
    case TypeId::kRegoperator:
      throw DbError(SqlState::kUndefinedFunction, fmt::format("operator does not exist: {}", text));
    case TypeId::kRegnamespace:
      throw DbError(SqlState::kInvalidSchemaName, fmt::format("schema \"{}\" does not exist", text));
    case TypeId::kRegrole: throw DbError(SqlState::kUndefinedObject, fmt::format("role \"{}\" does not exist", text));
    default: throw DbError(SqlState::kUndefinedTable, fmt::format("relation \"{}\" does not exist", text));
  }
}

uint32_t RegObjectIn(TypeId reg_type, std::string_view text) {
  if (reg_type == TypeId::kRegclass) return RegclassIn(text);
  const bool oper = reg_type == TypeId::kRegoper || reg_type == TypeId::kRegoperator;
  // regoperin/regoperatorin have no "-" shorthand (their output for 0 is "0").
  if (text == "-" && !oper) return 0;
  if (AllDigits(text)) return ParseOid(text);
  // regnamespacein/regrolein take exactly one (possibly quoted) name.
  if (reg_type == TypeId::kRegnamespace || reg_type == TypeId::kRegrole) {
    if (ParseQualifiedName(text).size() != 1) throw DbError(SqlState::kInvalidName, "invalid name syntax");
  }
  if (RelationResolver* r = CurrentRelationResolver()) return r->ObjectOid(reg_type, text);
  ThrowRegNotFound(reg_type, text);
}

std::string RegObjectOut(TypeId reg_type, uint32_t oid) {
  if (reg_type == TypeId::kRegclass) return RegclassOut(oid);
  if (oid == 0) return reg_type == TypeId::kRegoper || reg_type == TypeId::kRegoperator ? "0" : "-";
  if (RelationResolver* r = CurrentRelationResolver()) {
    if (auto name = r->ObjectName(reg_type, oid)) return *name;
  } else if (reg_type == TypeId::kRegtype) {
    if (auto name = BuiltinTypeDisplayName(oid)) return *name;
  }
  return std::to_string(oid);
}

std::optional<std::string> BuiltinTypeDisplayName(uint32_t oid) {
  if (auto id = TypeFromOid(oid)) return TypeDisplayName(*id);
  if (EnumTypeInfoPtr e = FindEnumType(oid)) return e->name;
  // An enum's array type is its OID + 1 (enum_type.hpp).
  if (EnumTypeInfoPtr e = oid > 0 ? FindEnumType(oid - 1) : nullptr; e && e->array_oid == oid) return e->name + "[]";
  return std::nullopt;
}

NameAndArgs SplitNameAndArgs(std::string_view text) {
  NameAndArgs out;
  bool in_quote = false;
  size_t i = 0;
  for (; i < text.size(); ++i) {
    if (text[i] == '"') {
      in_quote = !in_quote;
    } else if (text[i] == '(' && !in_quote) {
      break;
    }
  }
  if (i == text.size()) BadText("expected a left parenthesis");
  out.name = std::string(text.substr(0, i));
  std::string_view rest = text.substr(i + 1);
  size_t end = rest.size();
  while (end > 0 && IsScannerSpace(rest[end - 1])) --end;
  if (end == 0 || rest[end - 1] != ')') BadText("expected a right parenthesis");
  rest = rest.substr(0, end - 1);
  size_t pos = 0;
  bool had_comma = false;
  while (true) {
    while (pos < rest.size() && IsScannerSpace(rest[pos])) ++pos;
    if (pos == rest.size()) {
      if (had_comma) BadText("expected a type name");
      break;
    }
    size_t start = pos;
    in_quote = false;
    int parens = 0;
    for (; pos < rest.size(); ++pos) {
      char c = rest[pos];
      if (c == '"') {
        in_quote = !in_quote;
      } else if (c == ',' && !in_quote && parens == 0) {
        break;
      } else if (!in_quote) {
        if (c == '(' || c == '[') ++parens;
        if (c == ')' || c == ']') --parens;
      }
    }
    if (in_quote || parens != 0) BadText("improper type name");
    size_t stop = pos;
    had_comma = pos < rest.size();
    if (had_comma) ++pos;
    while (stop > start && IsScannerSpace(rest[stop - 1])) --stop;
    out.args.emplace_back(rest.substr(start, stop - start));
  }
  return out;
}

uint32_t RelationResolver::ObjectOid(TypeId reg_type, std::string_view text) { ThrowRegNotFound(reg_type, text); }

std::optional<std::string> RelationResolver::ObjectName(TypeId reg_type, uint32_t oid) {
  if (reg_type == TypeId::kRegtype) return BuiltinTypeDisplayName(oid);
  return std::nullopt;
}

}  // namespace basalt::engine::sql
