// ALTER TABLE ADD COLUMN, DROP COLUMN and ALTER COLUMN TYPE: the subcommands
// that change the row layout. Rows are re-encoded through RewriteTable
// (table_rewrite.hpp) whenever stored values change; ADD COLUMN without a
// default needs no rewrite because a row shorter than its table reads the
// missing trailing columns as NULL (row_codec.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "engine/catalog/index_keys.hpp"
#include "engine/sql/binder/coerce.hpp"
#include "engine/sql/binder/expr_deparse.hpp"
#include "engine/sql/binder/table_expr.hpp"
#include "engine/sql/exec/constraint_ddl.hpp"
#include "engine/sql/exec/ddl_alter.hpp"
#include "engine/sql/exec/ddl_sequence.hpp"
#include "engine/sql/exec/ddl_serial.hpp"
#include "engine/sql/exec/expr_eval.hpp"
#include "engine/sql/exec/table_rewrite.hpp"

namespace basalt::engine::sql {
namespace {

std::string QuoteName(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void CollectColumns(const BoundExpr& e, std::vector<int>& out) {
  if (e.kind == BoundKind::kColumn) out.push_back(e.index);
  for (const auto& a : e.args) CollectColumns(*a, out);
}

bool SqlUsesColumn(const catalog::TableDef& table, const std::string& sql, int column, std::string_view clause) {
  if (sql.empty()) return false;
  std::vector<int> cols;
  CollectColumns(*BindTableExprSql(table, sql, clause), cols);
  return std::find(cols.begin(), cols.end(), column) != cols.end();
}

// Column `dropped` removed: positions after it move down by one.
int Shift(int col, int dropped) { return col > dropped ? col - 1 : col; }

}  // namespace

void AlterAddColumn(catalog::TableDef& table, const ast::AlterTableCmd& cmd, Binder& binder, ExecContext& ctx,
                    const DdlEnv& env) {
  const ast::ColumnDef& cd = *cmd.column;
  if (table.FindColumn(cd.name) >= 0) {
    if (cmd.missing_ok) {
      env.notice(DbError(SqlState::kDuplicateColumn,
                         fmt::format("column \"{}\" of relation \"{}\" already exists, skipping", cd.name, table.name))
                     .WithSeverity(Severity::kNotice));
      return;
    }
    throw DbError(SqlState::kDuplicateColumn,
                  fmt::format("column \"{}\" of relation \"{}\" already exists", cd.name, table.name));
  }
  const catalog::TableDef before = table;
  std::vector<OwnedSequence> owned;
  if (IsSerialTypeName(cd.type)) {
    table.columns.push_back(MakeSerialColumn(cd, table, binder, ctx, owned));
  } else {
    auto type = binder.LookupTypeName(cd.type);
    if (!type) {
      std::string shown;
      for (const std::string& n : cd.type.names) shown += (shown.empty() ? "" : ".") + n;
      throw AtLocation(DbError(SqlState::kUndefinedObject, fmt::format("type \"{}\" does not exist", shown)),
                       cd.type.location);
    }
    catalog::ColumnDef col;
    col.name = cd.name;
    col.type = *type;
    table.columns.push_back(std::move(col));
  }
  const int idx = static_cast<int>(table.columns.size()) - 1;
  bool primary = false;
  std::string primary_name;
  for (const ast::Constraint& c : cd.constraints) {
    switch (c.kind) {
      case ast::ConstraintKind::kNotNull: table.columns.back().not_null = true; break;
      case ast::ConstraintKind::kDefault: table.columns.back().default_sql = DeparseExpr(*c.expr); break;
      case ast::ConstraintKind::kIdentity: MakeIdentityColumn(c, cd, table, idx, binder, ctx, owned); break;
      case ast::ConstraintKind::kPrimaryKey:
        primary = true;
        primary_name = c.name;
        break;
      case ast::ConstraintKind::kGenerated:
        throw AtLocation(DbError(SqlState::kFeatureNotSupported, "generated columns are not supported yet"), c.location);
      default: break;
    }
  }
  BoundExprPtr fill;
  if (!table.columns.back().default_sql.empty()) fill = binder.BindColumnDefault(table, idx);
  ctx.catalog->UpdateTable(*ctx.txn, table);
  LinkOwnedSequences(ctx, table, owned);
  if (fill) {
    // Existing rows get the default, evaluated per row (volatile defaults such
    // as nextval() or random() give each row its own value, as in PostgreSQL).
    Row empty;
    RewriteTable(before, table,
                 [&](const Row& in, Row& out) {
                   std::copy(in.begin(), in.end(), out.begin());
                   out[static_cast<size_t>(idx)] = Evaluate(*fill, empty, ctx.eval);
                 },
                 ctx);
  } else if (table.columns.back().not_null) {
    CheckNoNulls(table, idx, ctx);
  }
  if (primary) AddPrimaryKey(table, {cd.name}, primary_name, cd.location, ctx);
  for (const ast::Constraint& c : cd.constraints) {
    if (c.kind == ast::ConstraintKind::kCheck) {
      AddTableConstraint(table, c, binder, ctx);
    } else if (c.kind == ast::ConstraintKind::kUnique || c.kind == ast::ConstraintKind::kForeignKey) {
      ast::Constraint keyed;
      keyed.kind = c.kind;
      keyed.name = c.name;
      keyed.columns = {cd.name};
      keyed.ref_table = c.ref_table;
      keyed.ref_columns = c.ref_columns;
      keyed.on_delete = c.on_delete;
      keyed.on_update = c.on_update;
      keyed.location = c.location;
      AddTableConstraint(table, keyed, binder, ctx);
    }
  }
}

void AlterDropColumn(catalog::TableDef& table, const ast::AlterTableCmd& cmd, ExecContext& ctx, const DdlEnv& env) {
  const int col = table.FindColumn(cmd.name);
  if (col < 0) {
    if (cmd.missing_ok) {
      env.notice(DbError(SqlState::kSuccessfulCompletion,
                         fmt::format("column \"{}\" of relation \"{}\" does not exist, skipping", cmd.name, table.name))
                     .WithSeverity(Severity::kNotice));
      return;
    }
    RequireColumn(table, cmd.name);
  }
  const catalog::TableDef before = table;
  const bool in_key = std::find(table.primary_key.begin(), table.primary_key.end(), col) != table.primary_key.end();
  // Foreign keys of other tables that reference this column need CASCADE,
  // which is not implemented.
  for (const catalog::ForeignKeyRef& ref : table.referenced_by) {
    std::optional<catalog::TableDef> child;
    if (ref.table != table.oid) child = ctx.catalog->FindTable(*ctx.txn, table.database, ref.schema, ref.table_name);
    const catalog::TableDef& holder = child ? *child : table;
    for (const catalog::ForeignKeyDef& fk : holder.foreign_keys) {
      if (fk.name != ref.constraint_name || fk.ref_table != table.oid) continue;
      bool uses = std::find(fk.ref_columns.begin(), fk.ref_columns.end(), col) != fk.ref_columns.end();
      bool own = ref.table == table.oid && std::find(fk.columns.begin(), fk.columns.end(), col) != fk.columns.end();
      if (uses && !own) {
        throw DbError(SqlState::kFeatureNotSupported,
                      fmt::format("dropping column \"{}\" referenced by foreign key \"{}\" is not supported yet",
                                  cmd.name, fk.name));
      }
    }
  }
  catalog::TableDef after = table;
  // Constraints and indexes on the column go with it (PostgreSQL drops them automatically).
  if (in_key) {
    after.primary_key.clear();
    after.primary_key_name.clear();
  }
  std::erase_if(after.indexes, [&](const catalog::IndexDef& ix) {
    for (const catalog::IndexKey& k : ix.keys) {
      if (k.column == col || (k.column < 0 && SqlUsesColumn(before, k.expr_sql, col, "index expressions"))) return true;
    }
    return SqlUsesColumn(before, ix.predicate_sql, col, "index predicates");
  });
  std::erase_if(after.checks, [&](const catalog::CheckDef& c) {
    return SqlUsesColumn(before, c.expr_sql, col, "check constraints");
  });
  for (const catalog::ForeignKeyDef& fk : before.foreign_keys) {
    if (std::find(fk.columns.begin(), fk.columns.end(), col) != fk.columns.end()) {
      catalog::TableDef scratch = after;
      DropConstraint(scratch, fk.name, false, ctx);
      after.foreign_keys = scratch.foreign_keys;
      after.referenced_by = scratch.referenced_by;  // a self-reference unlinks here
    }
  }
  after.columns.erase(after.columns.begin() + col);
  for (int& k : after.primary_key) k = Shift(k, col);
  for (catalog::IndexDef& ix : after.indexes) {
    for (catalog::IndexKey& k : ix.keys) {
      if (k.column >= 0) k.column = Shift(k.column, col);
    }
  }
  for (catalog::ForeignKeyDef& fk : after.foreign_keys) {
    for (int& c : fk.columns) c = Shift(c, col);
    if (fk.ref_table == after.oid) {
      for (int& c : fk.ref_columns) c = Shift(c, col);
    }
  }
  // Indexes that were dropped lose their entries; the rewrite rebuilds the rest.
  DropOwnedSequences(ctx, before, cmd.name);
  ctx.catalog->UpdateTable(*ctx.txn, after);
  RewriteTable(before, after,
               [&](const Row& in, Row& out) {
                 for (size_t i = 0, j = 0; i < in.size(); ++i) {
                   if (static_cast<int>(i) != col && j < out.size()) out[j++] = in[i];
                 }
               },
               ctx);
  table = std::move(after);
}

void AlterColumnType(catalog::TableDef& table, const ast::AlterTableCmd& cmd, Binder& binder, ExecContext& ctx) {
  const int col = RequireColumn(table, cmd.name);
  auto type = binder.LookupTypeName(cmd.column->type);
  if (!type) {
    std::string shown;
    for (const std::string& n : cmd.column->type.names) shown += (shown.empty() ? "" : ".") + n;
    throw AtLocation(DbError(SqlState::kUndefinedObject, fmt::format("type \"{}\" does not exist", shown)),
                     cmd.column->type.location);
  }
  const catalog::TableDef before = table;
  const std::string type_name = FormatType(*type);
  BoundExprPtr convert;
  if (cmd.expr) {
    convert = TryCoerce(BindTableExpr(before, *cmd.expr, "transform expressions"), *type, CastContext::kAssignment);
    if (!convert) {
      throw DbError(SqlState::kDatatypeMismatch,
                    fmt::format("result of USING clause for column \"{}\" cannot be cast automatically to type {}",
                                cmd.name, type_name))
          .WithHint("You might need to add an explicit cast.");
    }
  } else {
    convert = TryCoerce(BindTableExprSql(before, QuoteName(cmd.name), "transform expressions"), *type,
                        CastContext::kAssignment);
    if (!convert) {
      throw DbError(SqlState::kDatatypeMismatch,
                    fmt::format("column \"{}\" cannot be cast automatically to type {}", cmd.name, type_name))
          .WithHint(fmt::format("You might need to specify \"USING {}::{}\".", cmd.name, type_name));
    }
  }
  catalog::TableDef after = table;
  after.columns[static_cast<size_t>(col)].type = *type;
  if (!after.columns[static_cast<size_t>(col)].default_sql.empty()) {
    try {
      binder.BindColumnDefault(after, col);
    } catch (const DbError&) {
      throw DbError(SqlState::kDatatypeMismatch,
                    fmt::format("default for column \"{}\" cannot be cast automatically to type {}", cmd.name, type_name));
    }
  }
  ctx.catalog->UpdateTable(*ctx.txn, after);
  RewriteTable(before, after,
               [&](const Row& in, Row& out) {
                 std::copy(in.begin(), in.end(), out.begin());
                 out[static_cast<size_t>(col)] = Evaluate(*convert, in, ctx.eval);
               },
               ctx);
  table = std::move(after);
}

}  // namespace basalt::engine::sql
