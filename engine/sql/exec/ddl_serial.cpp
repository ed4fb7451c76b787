#include "engine/sql/exec/ddl_serial.hpp"

#include <fmt/format.h>

#include "engine/catalog/schema_store.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/exec/ddl_sequence.hpp"
#include "engine/sql/types/regclass.hpp"
#include "engine/sql/types/typmod.hpp"

namespace basalt::engine::sql {
namespace {

// PostgreSQL's ChooseRelationName(table, column, "seq"): the first free name
// of <table>_<column>_seq, <table>_<column>_seq1, ...
std::string ChooseSequenceName(const catalog::TableDef& table, const std::string& column, Binder& binder) {
  std::string base = fmt::format("{}_{}_seq", table.name, column);
  if (base.size() > 63) base.resize(63);
  for (int i = 0;; ++i) {
    ast::RangeVar rv;
    rv.name = i == 0 ? base : base + std::to_string(i);
    rv.schema = catalog::SchemaName(binder.txn(), binder.database(), table.schema);
    if (!binder.LookupTable(rv)) return rv.name;
  }
}

std::string InternalTypeName(TypeId id) {
  switch (id) {
    case TypeId::kInt2: return "int2";
    case TypeId::kInt4: return "int4";
    default: return "int8";
  }
}

void CreateOwned(const std::vector<ast::SequenceOption>& user_options, TypeId type, const std::string& column,
                 const catalog::TableDef& table, bool for_identity, Binder& binder, ExecContext& ctx,
                 std::vector<OwnedSequence>& owned, std::string& seq_name) {
  std::vector<ast::SequenceOption> options;
  ast::SequenceOption as;
  as.name = "as";
  as.type.names = {InternalTypeName(type)};
  bool has_as = false;
  for (const auto& o : user_options) {
    has_as = has_as || o.name == "as";
    if (o.name == "sequence_name" && !o.names.empty()) seq_name = o.names.back();
  }
  if (!has_as) options.push_back(std::move(as));
  for (const auto& o : user_options) {
    ast::SequenceOption copy;
    copy.name = o.name;
    copy.has_value = o.has_value;
    copy.value = o.value;
    copy.flag = o.flag;
    copy.type = o.type;
    copy.names = o.names;
    copy.location = o.location;
    options.push_back(std::move(copy));
  }
  catalog::SequenceDef seq;
  int64_t last_value = 0;
  bool restarted = false;
  ApplySequenceOptions(options, /*is_create=*/true, for_identity, seq, last_value, &restarted, nullptr);
  if (seq_name.empty()) seq_name = ChooseSequenceName(table, column, binder);
  ast::RangeVar rv;
  rv.name = seq_name;
  rv.schema = catalog::SchemaName(binder.txn(), binder.database(), table.schema);
  if (binder.LookupTable(rv)) {
    throw DbError(SqlState::kDuplicateTable, fmt::format("relation \"{}\" already exists", seq_name));
  }
  owned.push_back(OwnedSequence{
      CreateSequenceRelation(ctx, table.database, table.schema, seq_name, table.owner, seq), column});
}

}  // namespace

std::string NextvalDefault(const std::string& name, const std::string& schema) {
  // The text is resolved at each use, so a sequence outside public is named
  // with its schema (PostgreSQL stores the OID and qualifies when not visible).
  std::string quoted = RegQuoteIdentifier(name);
  if (!schema.empty() && schema != "public") quoted = RegQuoteIdentifier(schema) + "." + quoted;
  std::string escaped;
  for (char c : quoted) {
    if (c == '\'') escaped += '\'';
    escaped += c;
  }
  return fmt::format("nextval('{}'::regclass)", escaped);
}

bool IsSerialTypeName(const ast::TypeName& type) {
  if (type.names.empty()) return false;
  if (type.names.size() == 2 && type.names[0] != "pg_catalog") return false;
  const std::string& n = type.names.back();
  return n == "serial" || n == "bigserial" || n == "smallserial" || n == "serial2" || n == "serial4" ||
         n == "serial8";
}

catalog::ColumnDef MakeSerialColumn(const ast::ColumnDef& cd, const catalog::TableDef& table, Binder& binder,
                                    ExecContext& ctx, std::vector<OwnedSequence>& owned) {
  if (cd.type.array_bounds > 0) {
    throw AtLocation(DbError(SqlState::kFeatureNotSupported, "array of serial is not implemented"), cd.type.location);
  }
  for (const auto& c : cd.constraints) {
    if (c.kind == ast::ConstraintKind::kDefault || c.kind == ast::ConstraintKind::kIdentity) {
      throw DbError(SqlState::kSyntaxError,
                    fmt::format("multiple default values specified for column \"{}\" of table \"{}\"", cd.name,
                                table.name));
    }
  }
  const std::string& n = cd.type.names.back();
  TypeId type = TypeId::kInt4;
  if (n == "bigserial" || n == "serial8") type = TypeId::kInt8;
  if (n == "smallserial" || n == "serial2") type = TypeId::kInt2;
  std::string seq_name;
  CreateOwned({}, type, cd.name, table, false, binder, ctx, owned, seq_name);
  catalog::ColumnDef col;
  col.name = cd.name;
  col.type = Type{type, -1};
  col.not_null = true;
  col.default_sql = NextvalDefault(seq_name, catalog::SchemaName(binder.txn(), binder.database(), table.schema));
  return col;
}

void MakeIdentityColumn(const ast::Constraint& c, const ast::ColumnDef& cd, catalog::TableDef& table, int column,
                        Binder& binder, ExecContext& ctx, std::vector<OwnedSequence>& owned) {
  catalog::ColumnDef& col = table.columns[column];
  for (const auto& other : cd.constraints) {
    if (&other == &c) continue;
    if (other.kind == ast::ConstraintKind::kDefault) {
      throw AtLocation(DbError(SqlState::kSyntaxError,
                               fmt::format("both default and identity specified for column \"{}\" of table \"{}\"",
                                           col.name, table.name)),
                       other.location);
    }
    if (other.kind == ast::ConstraintKind::kIdentity && &other < &c) {
      throw AtLocation(DbError(SqlState::kSyntaxError,
                               fmt::format("multiple identity specifications for column \"{}\" of table \"{}\"",
                                           col.name, table.name)),
                       c.location);
    }
  }
  TypeId t = col.type.id;
  if (t != TypeId::kInt2 && t != TypeId::kInt4 && t != TypeId::kInt8) {
    throw DbError(SqlState::kInvalidParameterValue, "identity column type must be smallint, integer, or bigint");
  }
  std::string seq_name;
  CreateOwned(c.sequence_options, t, col.name, table, true, binder, ctx, owned, seq_name);
  col.identity = c.identity_kind == 'd' ? 'd' : 'a';
  col.not_null = true;
  col.default_sql = NextvalDefault(seq_name, catalog::SchemaName(binder.txn(), binder.database(), table.schema));
}

void LinkOwnedSequences(ExecContext& ctx, const catalog::TableDef& table, std::vector<OwnedSequence>& owned) {
  for (OwnedSequence& o : owned) {
    o.sequence.sequence->owned_by_table = table.oid;
    o.sequence.sequence->owned_by_column = o.column;
    ctx.catalog->UpdateTable(*ctx.txn, o.sequence);
  }
}

}  // namespace basalt::engine::sql
