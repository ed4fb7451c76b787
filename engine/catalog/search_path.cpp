#include "engine/catalog/search_path.hpp"

#include <algorithm>
#include <cctype>

#include "engine/catalog/schema_store.hpp"
#include "engine/error/db_error.hpp"
#include "engine/sql/types/regclass.hpp"

namespace basalt::engine::catalog {
namespace {

thread_local const ScopedSearchPath* tl_search_path = nullptr;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

ScopedSearchPath::ScopedSearchPath(std::function<std::string()> setting, std::function<std::string()> user)
    : setting_(std::move(setting)), user_(std::move(user)), previous_(tl_search_path) {
  tl_search_path = this;
}

ScopedSearchPath::~ScopedSearchPath() { tl_search_path = previous_; }

std::vector<std::string> ParseSearchPath(std::string_view value) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && IsSpace(value[i])) ++i;
    if (i >= value.size()) break;
    std::string item;
    if (value[i] == '"') {
      ++i;
      while (i < value.size()) {
        if (value[i] == '"') {
          if (i + 1 < value.size() && value[i + 1] == '"') {
            item += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        item += value[i++];
      }
      while (i < value.size() && value[i] != ',') ++i;
    } else {
      size_t start = i;
      while (i < value.size() && value[i] != ',') ++i;
      size_t end = i;
      while (end > start && IsSpace(value[end - 1])) --end;
      for (size_t k = start; k < end; ++k) {
        item += static_cast<char>(std::tolower(static_cast<unsigned char>(value[k])));
      }
    }
    if (i < value.size()) ++i;  // the comma
    if (!item.empty()) out.push_back(std::move(item));
  }
  return out;
}

std::string FormatSearchPath(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    // PostgreSQL quotes every list item of a GUC_LIST_QUOTE setting as an
    // identifier; an empty item (SET search_path = '') becomes "".
    out += items[i].empty() ? "\"\"" : sql::RegQuoteIdentifier(items[i]);
  }
  return out;
}

std::vector<Oid> ActiveSearchPath(txn::Transaction& txn, Oid database, bool implicit) {
  std::vector<std::string> names =
      tl_search_path ? ParseSearchPath(tl_search_path->setting()) : std::vector<std::string>{"$user", "public"};
  std::vector<Oid> out;
  auto add = [&out](Oid oid) {
    if (std::find(out.begin(), out.end(), oid) == out.end()) out.push_back(oid);
  };
  if (implicit && std::find(names.begin(), names.end(), "pg_catalog") == names.end()) add(kPgCatalogNamespaceOid);
  for (const std::string& n : names) {
    std::string name = n;
    if (name == "$user") {
      if (!tl_search_path) continue;
      name = tl_search_path->user();
    }
    if (name == "public") {
      add(kPublicNamespaceOid);
      continue;
    }
    if (auto s = FindSchema(txn, database, name)) add(s->oid);
  }
  return out;
}

std::vector<std::string> ActiveSearchPathNames(txn::Transaction& txn, Oid database, bool implicit) {
  std::vector<std::string> out;
  for (Oid oid : ActiveSearchPath(txn, database, implicit)) out.push_back(SchemaName(txn, database, oid));
  return out;
}

std::optional<Oid> CreationSchema(txn::Transaction& txn, Oid database) {
  std::vector<Oid> path = ActiveSearchPath(txn, database, /*implicit=*/false);
  if (path.empty()) return std::nullopt;
  return path.front();
}

Oid RequireCreationSchema(txn::Transaction& txn, Oid database) {
  auto s = CreationSchema(txn, database);
  if (!s) throw DbError(SqlState::kInvalidSchemaName, "no schema has been selected to create in");
  return *s;
}

bool SchemaOnPath(txn::Transaction& txn, Oid database, Oid schema) {
  std::vector<Oid> path = ActiveSearchPath(txn, database, /*implicit=*/true);
  return std::find(path.begin(), path.end(), schema) != path.end();
}

std::optional<TableDef> FindRelationOnPath(Catalog& catalog, txn::Transaction& txn, Oid database,
                                           std::string_view name) {
  for (Oid schema : ActiveSearchPath(txn, database, /*implicit=*/false)) {
    if (schema == kPgCatalogNamespaceOid || schema == kInformationSchemaOid) continue;
    if (auto t = catalog.FindTable(txn, database, schema, name)) return t;
  }
  return std::nullopt;
}

std::string QualifiedIfHidden(Catalog& catalog, txn::Transaction& txn, Oid database, Oid schema,
                              std::string_view name, Oid oid) {
  std::string quoted = sql::RegQuoteIdentifier(name);
  auto found = FindRelationOnPath(catalog, txn, database, name);
  if (found && found->oid == oid) return quoted;
  if (!found && SchemaOnPath(txn, database, schema)) return quoted;  // an index: visible through its schema
  return sql::RegQuoteIdentifier(SchemaName(txn, database, schema)) + "." + quoted;
}

}  // namespace basalt::engine::catalog
