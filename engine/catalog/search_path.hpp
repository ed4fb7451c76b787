// engine/catalog/search_path.hpp
//
// PostgreSQL's search_path (namespace.c): which schemas an unqualified name is
// looked up in, and which schema an unqualified CREATE puts its object in.
//
// The setting lives in the session's settings registry, which the catalog and
// the binder cannot see, so the session installs a ScopedSearchPath on the
// executing thread for each statement (like sql::ScopedRelationResolver). The
// value is read at every lookup, so `SET search_path` and set_config() take
// effect for the next name resolved, as in PostgreSQL.
//
// Rules (PostgreSQL 15):
//   - the setting is a comma-separated list of identifiers ("$user" = the
//     current role's name); schemas that do not exist are skipped silently;
//   - pg_catalog is searched first unless the list names it explicitly;
//   - an unqualified CREATE uses the first existing schema of the list (never
//     the implicit pg_catalog); none: 3F000 "no schema has been selected to
//     create in".
// Without an installed ScopedSearchPath the default `"$user", public` applies
// with no user (so: public).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog.hpp"
#include "engine/txn/transaction.hpp"

namespace basalt::engine::catalog {

class ScopedSearchPath {
 public:
  // `setting` returns the current value of search_path; `user` the current role.
  ScopedSearchPath(std::function<std::string()> setting, std::function<std::string()> user);
  ~ScopedSearchPath();
  ScopedSearchPath(const ScopedSearchPath&) = delete;
  ScopedSearchPath& operator=(const ScopedSearchPath&) = delete;

  std::string setting() const { return setting_(); }
  std::string user() const { return user_(); }

 private:
  std::function<std::string()> setting_;
  std::function<std::string()> user_;
  const ScopedSearchPath* previous_;
};

// PostgreSQL's SplitIdentifierString for a search_path value: unquoted names
// fold to lower case, "quoted" names are kept exactly; empty items are dropped.
std::vector<std::string> ParseSearchPath(std::string_view value);
// The value SET search_path = a, 'b c' stores: each item quoted when needed.
std::string FormatSearchPath(const std::vector<std::string>& items);

// The schemas of the current search_path that exist, in order, without
// duplicates; with `implicit`, pg_catalog first unless listed.
std::vector<Oid> ActiveSearchPath(txn::Transaction& txn, Oid database, bool implicit);
// Names of ActiveSearchPath's schemas (current_schemas(), current_schema()).
std::vector<std::string> ActiveSearchPathNames(txn::Transaction& txn, Oid database, bool implicit);
// The schema an unqualified CREATE uses; nullopt when the path has none.
std::optional<Oid> CreationSchema(txn::Transaction& txn, Oid database);
// CreationSchema, or 3F000 "no schema has been selected to create in".
Oid RequireCreationSchema(txn::Transaction& txn, Oid database);
// Whether an unqualified name resolves in `schema` before any other schema of
// the path could hide it (pg_table_is_visible's first step): `schema` is on the path.
bool SchemaOnPath(txn::Transaction& txn, Oid database, Oid schema);

// The user relation (table, view, sequence) an unqualified name finds on the path.
std::optional<TableDef> FindRelationOnPath(Catalog& catalog, txn::Transaction& txn, Oid database,
                                           std::string_view name);
// `name` of a relation in `schema` as regclass prints it: quoted when needed,
// schema-qualified unless an unqualified lookup would find exactly this object.
std::string QualifiedIfHidden(Catalog& catalog, txn::Transaction& txn, Oid database, Oid schema,
                              std::string_view name, Oid oid);

}  // namespace basalt::engine::catalog
