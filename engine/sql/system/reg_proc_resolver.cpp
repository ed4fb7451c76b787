// regproc, regprocedure, regoper, regoperator and the names every reg* type
// prints (SystemRelationResolver::ObjectName). Functions are the pg_proc
// relation's rows plus the built-in types' support functions (io_proc_rows);
// operators are PostgreSQL's pg_operator rows that Basalt's operator
// resolution implements with exactly those argument types. Sources:
// PostgreSQL 15 utils/adt/regproc.c, catalog/namespace.c (FunctionIsVisible).
#include <fmt/format.h>

#include <strings.h>

#include <unordered_set>

#include "engine/error/db_error.hpp"
#include "engine/sql/system/io_proc_rows.hpp"
#include "engine/sql/system/operator_rows.hpp"
#include "engine/sql/system/reg_resolver_util.hpp"
#include "engine/sql/system/system_relation_resolver.hpp"
#include "engine/sql/types/array_value.hpp"
#include "engine/sql/types/binary_io.hpp"
#include "engine/sql/types/operators.hpp"
#include "engine/sql/types/reg_types.hpp"

namespace basalt::engine::sql::system {
namespace {

struct ProcFacts {
  uint32_t oid;
  std::string name;
  uint32_t nsp;
  std::vector<uint32_t> args;
};

// The operators Basalt implements, as pg_operator rows (catalog-independent,
// computed once).
const std::vector<OperatorRow>& BasaltOperators() {
  static const std::vector<OperatorRow> rows = [] {
    std::vector<OperatorRow> out;
    for (const OperatorRow& row : PgOperatorRows()) {
      auto right = TypeFromOid(row.right);
      auto left = row.left == 0 ? std::optional<TypeId>(TypeId::kVoid) : TypeFromOid(row.left);
      if (!right || !left || *right == TypeId::kUnknown || *left == TypeId::kUnknown) continue;
      auto info = row.left == 0 ? ResolveUnaryOperator(row.name, *right) : ResolveOperator(row.name, *left, *right);
      if (info && info->right == *right && (row.left == 0 || info->left == *left)) out.push_back(row);
    }
    return out;
  }();
  return rows;
}

const OperatorRow* FindOperator(uint32_t oid) {
  for (const OperatorRow& row : BasaltOperators()) {
    if (row.oid == oid) return &row;
  }
  return nullptr;
}

std::vector<ProcFacts> AllProcs(const std::vector<Row>& rows) {
  std::vector<ProcFacts> out;
  size_t oid = RegCol("pg_proc", "oid"), name = RegCol("pg_proc", "proname");
  size_t nsp = RegCol("pg_proc", "pronamespace"), args = RegCol("pg_proc", "proargtypes");
  for (const Row& row : rows) {
    ProcFacts f{RegOidAt(row, oid), row[name].as_string(), RegOidAt(row, nsp), {}};
    if (!row[args].is_null()) {
      for (const Value& v : DecodeArray(row[args]).items) f.args.push_back(static_cast<uint32_t>(v.as_int()));
    }
    out.push_back(std::move(f));
  }
  std::unordered_set<uint32_t> seen;
  for (const ProcFacts& f : out) seen.insert(f.oid);
  for (const IoProcRow& io : IoProcRows()) {
    if (seen.count(io.oid) != 0) continue;
    ProcFacts f{io.oid, std::string(io.name), catalog::kPgCatalogNamespaceOid, {}};
    size_t pos = 0;
    while (pos < io.arg_types.size()) {
      size_t end = io.arg_types.find(' ', pos);
      if (end == std::string_view::npos) end = io.arg_types.size();
      f.args.push_back(static_cast<uint32_t>(std::stoul(std::string(io.arg_types.substr(pos, end - pos)))));
      pos = end + 1;
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

uint32_t SystemRelationResolver::ProcOid(TypeId reg_type, std::string_view text) {
  std::vector<uint32_t> arg_types;
  std::string name_text(text);
  if (reg_type == TypeId::kRegprocedure) {
    NameAndArgs parsed = SplitNameAndArgs(text);
    name_text = parsed.name;
    for (const std::string& arg : parsed.args) arg_types.push_back(TypeOidOf(arg));
  }
  std::vector<std::string> names = ParseQualifiedName(name_text);
  std::optional<uint32_t> schema;
  if (names.size() == 2) schema = NamespaceOid(names[0]);
  if (names.size() > 2) ThrowRegNotFound(reg_type, text);
  std::vector<uint32_t> path = RegSearchPath(txn_.get(), database_);
  auto OnSearchPath = [&](uint32_t nsp) { return RegOnPath(path, nsp); };
  std::vector<uint32_t> matches;
  for (const ProcFacts& f : AllProcs(CatalogRows("pg_proc"))) {
    if (f.name != names.back() || (schema ? f.nsp != *schema : !OnSearchPath(f.nsp))) continue;
    if (reg_type == TypeId::kRegprocedure && f.args != arg_types) continue;
    matches.push_back(f.oid);
  }
  if (matches.empty()) ThrowRegNotFound(reg_type, text);
  if (matches.size() > 1 && reg_type == TypeId::kRegproc) {
    throw DbError(SqlState::kAmbiguousFunction, fmt::format("more than one function named \"{}\"", text));
  }
  return matches[0];
}

uint32_t SystemRelationResolver::OperOid(TypeId reg_type, std::string_view text) {
  std::string name_text(text);
  std::vector<uint32_t> arg_types;
  if (reg_type == TypeId::kRegoperator) {
    NameAndArgs parsed = SplitNameAndArgs(text);
    name_text = parsed.name;
    for (const std::string& arg : parsed.args) {
      arg_types.push_back(strcasecmp(arg.c_str(), "none") == 0 ? 0 : TypeOidOf(arg));
    }
    if (arg_types.size() == 1) {
      throw DbError(SqlState::kUndefinedParameter, "missing argument")
          .WithHint("Use NONE to denote the missing argument of a unary operator.");
    }
    if (arg_types.size() != 2) {
      throw DbError(SqlState::kTooManyArguments, "too many arguments")
          .WithHint("Provide two argument types for operator.");
    }
  }
  std::vector<std::string> names = ParseQualifiedName(name_text);
  if (names.size() == 2 && NamespaceOid(names[0]) != catalog::kPgCatalogNamespaceOid) ThrowRegNotFound(reg_type, text);
  if (names.size() > 2) ThrowRegNotFound(reg_type, text);
  std::vector<uint32_t> matches;
  for (const OperatorRow& row : BasaltOperators()) {
    if (row.name != names.back()) continue;
    if (reg_type == TypeId::kRegoperator && (row.left != arg_types[0] || row.right != arg_types[1])) continue;
    matches.push_back(row.oid);
  }
  if (matches.empty()) ThrowRegNotFound(reg_type, text);
  if (matches.size() > 1 && reg_type == TypeId::kRegoper) {
    throw DbError(SqlState::kAmbiguousFunction, fmt::format("more than one operator named {}", text));
  }
  return matches[0];
}

std::optional<std::string> SystemRelationResolver::ObjectName(TypeId reg_type, uint32_t oid) {
  auto nsp_name = [&](uint32_t nsp) -> std::string {
    size_t o = RegCol("pg_namespace", "oid"), n = RegCol("pg_namespace", "nspname");
    for (const Row& row : CatalogRows("pg_namespace")) {
      if (RegOidAt(row, o) == nsp) return row[n].as_string();
    }
    return std::to_string(nsp);
  };
  auto type_name = [&](uint32_t type) { return RegObjectOut(TypeId::kRegtype, type); };
  std::vector<uint32_t> path = RegSearchPath(txn_.get(), database_);
  auto OnSearchPath = [&](uint32_t nsp) { return RegOnPath(path, nsp); };
  switch (reg_type) {
    case TypeId::kRegtype: {
      if (auto name = BuiltinTypeDisplayName(oid)) return name;
      if (oid == 1562) return "bit varying";  // format_type's SQL spelling of varbit
      size_t o = RegCol("pg_type", "oid"), name = RegCol("pg_type", "typname"), nsp = RegCol("pg_type", "typnamespace");
      size_t elem = RegCol("pg_type", "typelem"), len = RegCol("pg_type", "typlen");
      for (const Row& row : CatalogRows("pg_type")) {
        if (RegOidAt(row, o) != oid) continue;
        const std::string& typname = row[name].as_string();
        // An array type (PostgreSQL's test: typelem set and typlen -1).
        if (RegOidAt(row, elem) != 0 && !row[len].is_null() && row[len].as_int() == -1 && typname[0] == '_') {
          return type_name(RegOidAt(row, elem)) + "[]";
        }
        std::string out = OnSearchPath(RegOidAt(row, nsp)) ? "" : RegQuoteIdentifier(nsp_name(RegOidAt(row, nsp))) + ".";
        return out + RegQuoteIdentifier(typname);
      }
      return std::nullopt;
    }
    case TypeId::kRegnamespace: {
      size_t o = RegCol("pg_namespace", "oid"), n = RegCol("pg_namespace", "nspname");
      for (const Row& row : CatalogRows("pg_namespace")) {
        if (RegOidAt(row, o) == oid) return RegQuoteIdentifier(row[n].as_string());
      }
      return std::nullopt;
    }
    case TypeId::kRegrole: {
      size_t o = RegCol("pg_authid", "oid"), n = RegCol("pg_authid", "rolname");
      for (const Row& row : CatalogRows("pg_authid")) {
        if (RegOidAt(row, o) == oid) return RegQuoteIdentifier(row[n].as_string());
      }
      return std::nullopt;
    }
    case TypeId::kRegproc:
    case TypeId::kRegprocedure: {
      // The types' support functions (pg_type.typinput & co., thousands of
      // values in a pg_type scan): names unique in pg_catalog, no scan needed.
      if (reg_type == TypeId::kRegproc) {
        for (const IoProcRow& io : IoProcRows()) {
          if (io.oid == oid) return RegQuoteIdentifier(io.name);
        }
      }
      std::vector<ProcFacts> procs = AllProcs(CatalogRows("pg_proc"));
      const ProcFacts* self = nullptr;
      for (const ProcFacts& f : procs) {
        if (f.oid == oid) self = &f;
      }
      if (self == nullptr) return std::nullopt;
      if (reg_type == TypeId::kRegprocedure) {
        std::string out = OnSearchPath(self->nsp) ? "" : RegQuoteIdentifier(nsp_name(self->nsp)) + ".";
        out += RegQuoteIdentifier(self->name) + "(";
        for (size_t i = 0; i < self->args.size(); ++i) out += (i ? "," : "") + type_name(self->args[i]);
        return out + ")";
      }
      // Qualified unless regprocin would find exactly this function.
      int same_name = 0;
      for (const ProcFacts& f : procs) same_name += f.name == self->name && OnSearchPath(f.nsp);
      if (same_name == 1 && OnSearchPath(self->nsp)) return RegQuoteIdentifier(self->name);
      return RegQuoteIdentifier(nsp_name(self->nsp)) + "." + RegQuoteIdentifier(self->name);
    }
    case TypeId::kRegoper:
    case TypeId::kRegoperator: {
      const OperatorRow* row = FindOperator(oid);
      if (row == nullptr) return std::nullopt;
      if (reg_type == TypeId::kRegoperator) {
        return fmt::format("{}({},{})", row->name, row->left ? type_name(row->left) : "NONE",
                           row->right ? type_name(row->right) : "NONE");
      }
      int same_name = 0;
      for (const OperatorRow& r : BasaltOperators()) same_name += r.name == row->name;
      if (same_name == 1) return std::string(row->name);
      return "pg_catalog." + std::string(row->name);
    }
    default: return std::nullopt;
  }
}

}  // namespace basalt::engine::sql::system
