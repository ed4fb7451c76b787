// The reg* types other than regclass, resolved over the same rows the system
// relations show (pg_type, pg_proc, pg_namespace, pg_authid), so that
// 'int4'::regtype = (SELECT oid FROM pg_type WHERE typname = 'int4') and
// typinput::regproc prints what pg_proc says. Sources: PostgreSQL 15
// utils/adt/regproc.c (regtypein, regprocin, regprocout, format_procedure,
// format_operator), parser/parse_type.c (parseTypeString).
//
// Lookups scan the generated rows each time; these conversions are rare
// (catalog queries of drivers and psql), never per data row of a user table.
#include <fmt/format.h>

#include "engine/error/db_error.hpp"
#include "engine/sql/parser/parser.hpp"
#include "engine/sql/system/reg_resolver_util.hpp"
#include "engine/sql/system/system_relation_resolver.hpp"
#include "engine/sql/types/reg_types.hpp"
#include "engine/sql/types/typmod.hpp"

namespace basalt::engine::sql::system {
namespace {

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? "." : "") + names[i];
  return out;
}

// parseTypeString: the type name `text` holds, read by the SQL grammar as
// the target of a cast ("character varying", "int4[]", "pg_catalog.int4").
ast::TypeName ParseTypeName(std::string_view text) {
  auto invalid = [&] {
    return DbError(SqlState::kSyntaxError, fmt::format("invalid type name \"{}\"", text));
  };
  // typeStringToTypeName: an empty or blank string is no type name.
  if (text.find_first_not_of(" \t\n\r\f") == std::string_view::npos) throw invalid();
  std::vector<ast::Statement> stmts;
  try {
    stmts = Parser::Parse("SELECT NULL::" + std::string(text));
  } catch (const DbError& e) {
    if (e.code() != SqlState::kSyntaxError) throw invalid();
    // The position would point into the wrapper query, not the literal.
    throw DbError(e.code(), e.message()).WithContext(fmt::format("invalid type name \"{}\"", text));
  }
  if (stmts.size() != 1) throw invalid();
  const auto* select = std::get_if<ast::SelectStmt>(&stmts[0].body);
  if (select == nullptr || select->op != ast::SetOpKind::kNone || select->targets.size() != 1 ||
      !select->from.empty() || select->where || !select->values.empty() || !select->order_by.empty() ||
      select->limit || select->offset || !select->group_by.empty() || select->having || select->distinct) {
    throw invalid();
  }
  const ast::Expr* cast = select->targets[0].expr.get();
  if (cast == nullptr || cast->kind != ast::ExprKind::kCast || cast->args.size() != 1 ||
      cast->args[0]->kind != ast::ExprKind::kConst || cast->args[0]->const_kind != ast::ConstKind::kNull) {
    throw invalid();
  }
  return cast->type_name;
}

}  // namespace

const std::vector<Row>& SystemRelationResolver::CatalogRows(std::string_view relation) {
  static const std::vector<Row> kNone;
  const SystemRelation* rel = FindSystemRelation("pg_catalog", relation);
  if (rel == nullptr || rel->generate == nullptr || !txn_) return kNone;
  if (cache_.txn != txn_->id().value || cache_.statement != txn_->statement()) {
    cache_.rows.clear();
    cache_.txn = txn_->id().value;
    cache_.statement = txn_->statement();
  }
  if (auto it = cache_.rows.find(relation); it != cache_.rows.end()) return it->second;
  // Generated aside: a generator may itself resolve reg* values (an ACL's
  // role names), and a failed one must leave nothing behind.
  std::vector<Row> rows;
  ExecContext exec;
  exec.txn = txn_.get();
  exec.catalog = &catalog_;
  SystemScan scan{exec, database_};
  rel->generate(scan, rows);
  return cache_.rows.emplace(std::string(relation), std::move(rows)).first->second;
}

uint32_t SystemRelationResolver::NamespaceOid(const std::string& name) {
  size_t oid = RegCol("pg_namespace", "oid"), nspname = RegCol("pg_namespace", "nspname");
  for (const Row& row : CatalogRows("pg_namespace")) {
    if (row[nspname].as_string() == name) return RegOidAt(row, oid);
  }
  throw DbError(SqlState::kInvalidSchemaName, fmt::format("schema \"{}\" does not exist", name));
}

uint32_t SystemRelationResolver::TypeOidOf(std::string_view text) {
  ast::TypeName tn = ParseTypeName(text);
  std::string shown = JoinNames(tn.names) + (tn.array_bounds > 0 ? "[]" : "");
  if (tn.names.size() > 3) {
    throw DbError(SqlState::kSyntaxError,
                  fmt::format("improper qualified name (too many dotted names): {}", JoinNames(tn.names)));
  }
  if (tn.names.size() == 3) {
    throw DbError(SqlState::kFeatureNotSupported,
                  fmt::format("cross-database references are not implemented: {}", JoinNames(tn.names)));
  }
  std::optional<uint32_t> schema;
  if (tn.names.size() == 2) schema = NamespaceOid(tn.names[0]);
  // Built-in types first (this also checks the type modifier, as PostgreSQL's
  // typenameTypeMod does).
  if (!schema || *schema == catalog::kPgCatalogNamespaceOid) {
    if (auto t = LookupType(tn.names, tn.modifiers, tn.array_bounds)) return TypeOid(*t);
  }
  // Then any type pg_type lists: built-in types Basalt cannot store, enums,
  // table row types; unqualified names search pg_catalog, then public.
  size_t oid = RegCol("pg_type", "oid"), typname = RegCol("pg_type", "typname");
  size_t typnamespace = RegCol("pg_type", "typnamespace"), typarray = RegCol("pg_type", "typarray");
  std::optional<uint32_t> found;
  for (uint32_t ns : schema ? std::vector<uint32_t>{*schema} : RegSearchPath(txn_.get(), database_)) {
    for (const Row& row : CatalogRows("pg_type")) {
      if (RegOidAt(row, typnamespace) == ns && row[typname].as_string() == tn.names.back()) {
        found = tn.array_bounds > 0 ? RegOidAt(row, typarray) : RegOidAt(row, oid);
        break;
      }
    }
    if (found) break;
  }
  if (!found || *found == 0) ThrowRegNotFound(TypeId::kRegtype, shown);
  if (!tn.modifiers.empty()) {
    throw DbError(SqlState::kSyntaxError, fmt::format("type modifier is not allowed for type \"{}\"", shown));
  }
  return *found;
}

uint32_t SystemRelationResolver::ObjectOid(TypeId reg_type, std::string_view text) {
  switch (reg_type) {
    case TypeId::kRegtype: return TypeOidOf(text);
    case TypeId::kRegnamespace: return NamespaceOid(ParseQualifiedName(text)[0]);
    case TypeId::kRegrole: {
      std::string name = ParseQualifiedName(text)[0];
      size_t oid = RegCol("pg_authid", "oid"), rolname = RegCol("pg_authid", "rolname");
      for (const Row& row : CatalogRows("pg_authid")) {
        if (row[rolname].as_string() == name) return RegOidAt(row, oid);
      }
      throw DbError(SqlState::kUndefinedObject, fmt::format("role \"{}\" does not exist", name));
    }
    case TypeId::kRegproc:
    case TypeId::kRegprocedure: return ProcOid(reg_type, text);
    case TypeId::kRegoper:
    case TypeId::kRegoperator: return OperOid(reg_type, text);
    default: ThrowRegNotFound(reg_type, text);
  }
}

}  // namespace basalt::engine::sql::system
