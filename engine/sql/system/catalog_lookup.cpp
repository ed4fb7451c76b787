#include "engine/sql/system/catalog_lookup.hpp"

#include <fmt/format.h>

#include "engine/catalog/schema_store.hpp"
#include "engine/catalog/search_path.hpp"
#include "engine/sql/binder/expr_deparse.hpp"
#include "engine/sql/system/derived_oids.hpp"
#include "engine/sql/system/row_generators.hpp"
#include "engine/sql/system/static_rows.hpp"
#include "engine/sql/types/array_value.hpp"
#include "engine/sql/types/binary_io.hpp"

namespace basalt::engine::sql::system {
namespace {

std::vector<catalog::TableDef> Tables(EvalContext& ctx) {
  if (ctx.exec == nullptr || ctx.exec->catalog == nullptr || ctx.session == nullptr) return {};
  return ctx.exec->catalog->ListTables(*ctx.exec->txn, ctx.session->database_oid());
}

}  // namespace

std::optional<catalog::TableDef> FindTableByOid(EvalContext& ctx, catalog::Oid oid) {
  for (auto& t : Tables(ctx)) {
    if (t.oid == oid) return std::move(t);
  }
  return std::nullopt;
}

std::optional<IndexRef> FindIndex(EvalContext& ctx, catalog::Oid oid) {
  for (auto& t : Tables(ctx)) {
    if (t.has_primary_key() && PkIndexOid(t.oid) == oid) return IndexRef{std::move(t), -1};
    for (size_t i = 0; i < t.indexes.size(); ++i) {
      if (t.indexes[i].oid == oid) return IndexRef{std::move(t), static_cast<int>(i)};
    }
  }
  return std::nullopt;
}

std::optional<ConstraintRef> FindConstraint(EvalContext& ctx, catalog::Oid oid) {
  for (auto& t : Tables(ctx)) {
    for (auto& c : Constraints(t)) {
      if (c.oid == oid) return ConstraintRef{std::move(t), std::move(c)};
    }
  }
  return std::nullopt;
}

std::string RoleNameOrUnknown(EvalContext& ctx, catalog::Oid oid) {
  if (ctx.exec != nullptr && ctx.exec->catalog != nullptr) {
    for (const auto& r : ctx.exec->catalog->ListRoles(*ctx.exec->txn)) {
      if (r.oid == oid) return r.name;
    }
  }
  for (std::string_view line : StaticRows("pg_authid")) {
    auto f = SplitStaticRow(line);
    if (f[0] && std::to_string(oid) == *f[0]) return *f[1];
  }
  return fmt::format("unknown (OID={})", oid);
}

bool RelationIsVisible(EvalContext& ctx, catalog::Oid oid) {
  if (const SystemRelation* rel = FindSystemRelation(oid)) {
    return rel->spec->namespace_oid == catalog::kPgCatalogNamespaceOid;
  }
  for (const auto& t : Tables(ctx)) {
    bool related = t.oid == oid || (t.has_primary_key() && PkIndexOid(t.oid) == oid);
    for (const auto& idx : t.indexes) related = related || idx.oid == oid;
    if (!related) continue;
    // Visible: an unqualified name finds this relation first on the search_path
    // (engine/catalog/search_path.hpp); an index when its schema is on the path.
    txn::Transaction& txn = *ctx.exec->txn;
    catalog::Oid db = ctx.session->database_oid();
    if (t.oid != oid) return catalog::SchemaOnPath(txn, db, t.schema);
    auto first = catalog::FindRelationOnPath(*ctx.exec->catalog, txn, db, t.name);
    return first && first->oid == oid;
  }
  return false;
}

std::string FormatTypeOid(catalog::Oid oid, int32_t typmod) {
  if (auto id = TypeFromOid(oid)) return FormatType(Type{*id, typmod});
  std::string_view name = PgTypeName(oid);
  if (name.empty()) return oid >= kRowTypeBase && oid < kPkIndexBase ? "record" : "???";
  if (name == "char") return "\"char\"";
  if (name[0] == '_') {
    std::string elem(name.substr(1));
    return (elem == "char" ? std::string("\"char\"") : elem) + "[]";
  }
  return std::string(name);
}

std::optional<std::string> FunctionSignature(catalog::Oid oid, SignaturePart part) {
  const SystemRelation& rel = PgCatalog("pg_proc");
  RowBuilder b(rel);
  size_t oid_col = static_cast<size_t>(b.ColumnIndex("oid"));
  size_t ret_col = static_cast<size_t>(b.ColumnIndex("prorettype"));
  size_t set_col = static_cast<size_t>(b.ColumnIndex("proretset"));
  size_t args_col = static_cast<size_t>(b.ColumnIndex("proargtypes"));
  std::vector<Row> rows;
  EmitStaticRows(rel, "pg_proc", rows);
  for (const Row& r : rows) {
    if (static_cast<catalog::Oid>(r[oid_col].as_int()) != oid) continue;
    if (part == SignaturePart::kResult) {
      std::string t = FormatTypeOid(static_cast<catalog::Oid>(r[ret_col].as_int()), -1);
      return r[set_col].as_bool() ? "SETOF " + t : t;
    }
    std::string out;
    if (!r[args_col].is_null()) {
      for (const Value& item : DecodeArray(r[args_col]).items) {
        if (!out.empty()) out += ", ";
        out += FormatTypeOid(static_cast<catalog::Oid>(item.as_int()), -1);
      }
    }
    return out;
  }
  return std::nullopt;
}

std::optional<std::string> OwnedSequence(EvalContext& ctx, const std::string& table, const std::string& column) {
  std::vector<catalog::TableDef> tables = Tables(ctx);
  // The table argument is a possibly qualified, possibly quoted name; match the bare name.
  std::string bare = table.substr(table.rfind('.') == std::string::npos ? 0 : table.rfind('.') + 1);
  if (bare.size() >= 2 && bare.front() == '"') bare = bare.substr(1, bare.size() - 2);
  for (const auto& t : tables) {
    if (t.name != bare || t.relkind != 'r') continue;
    for (const auto& s : tables) {
      if (s.sequence && s.sequence->owned_by_table == t.oid && s.sequence->owned_by_column == column) {
        return QuoteIdentifier(catalog::SchemaName(*ctx.exec->txn, ctx.session->database_oid(), s.schema)) + "." +
               QuoteIdentifier(s.name);
      }
    }
  }
  return std::nullopt;
}

}  // namespace basalt::engine::sql::system
