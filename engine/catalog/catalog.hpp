// engine/catalog/catalog.hpp
//
// Catalog reads and writes schema objects through a transaction, so every DDL
// statement is as transactional as DML. Keys in the `catalog` column family:
//   <kDatabases><name>                      -> DatabaseDef
//   <kRoles><name>                          -> RoleDef
//   <kTables><database><schema><name>       -> TableDef
// Names are stored case-exactly (the binder folds unquoted identifiers to lower
// case before they get here, as PostgreSQL does).
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/catalog/catalog_defs.hpp"
#include "engine/catalog/sequence_store.hpp"
#include "engine/txn/transaction.hpp"
#include "engine/txn/txn_manager.hpp"

namespace basalt::engine::catalog {

class Catalog {
 public:
  explicit Catalog(txn::TxnManager& txns);

  // Writes the objects a new data directory starts with: the superuser role and
  // the databases `postgres` and one named after the superuser.
  void Bootstrap(txn::Transaction& txn, const RoleDef& superuser);

  std::optional<DatabaseDef> FindDatabase(txn::Transaction& txn, std::string_view name);
  std::vector<DatabaseDef> ListDatabases(txn::Transaction& txn);
  // Throws 42P04 if the name is taken.
  DatabaseDef CreateDatabase(txn::Transaction& txn, std::string_view name, Oid owner);
  // Removes the database and every table (and row) in it.
  void DropDatabase(txn::Transaction& txn, const DatabaseDef& db);

  std::optional<RoleDef> FindRole(txn::Transaction& txn, std::string_view name);
  std::vector<RoleDef> ListRoles(txn::Transaction& txn);
  void PutRole(txn::Transaction& txn, const RoleDef& role);
  void DeleteRole(txn::Transaction& txn, std::string_view name);

  std::optional<TableDef> FindTable(txn::Transaction& txn, Oid database, Oid schema, std::string_view name);
  std::vector<TableDef> ListTables(txn::Transaction& txn, Oid database);
  // Assigns the table's OID and stores it. The caller checked the name is free.
  void CreateTable(txn::Transaction& txn, TableDef& table);
  // Rewrites the stored definition of an existing table (same name; indexes, constraints).
  void UpdateTable(txn::Transaction& txn, const TableDef& table);
  // Stores `table` under its (new) name and removes the record named `old_name` (ALTER ... RENAME TO).
  void RenameTable(txn::Transaction& txn, const TableDef& table, std::string_view old_name);
  // Removes the definition and every row of the table.
  void DropTable(txn::Transaction& txn, const TableDef& table);

  // Running state of sequences (nextval/setval; not transactional).
  SequenceStore& sequences() { return *sequences_; }

  // The transaction manager (and through it the store: pg_relation_size and friends).
  txn::TxnManager& txns() { return txns_; }

  // A fresh OID, never reused (not transactional, like PostgreSQL's OID counter).
  Oid AllocateOid();
  // `count` consecutive fresh OIDs; returns the first (an enum and its array type).
  Oid AllocateOids(int count);
  // `count` consecutive hidden row ids for tables without a primary key.
  int64_t AllocateRowIds(int64_t count);

 private:
  int64_t AllocateFromCounter(std::string_view meta_key, std::atomic<int64_t>& next, int64_t& reserved_end,
                              int64_t count, int64_t initial);

  txn::TxnManager& txns_;
  std::unique_ptr<SequenceStore> sequences_;
  std::mutex counter_mu_;
  std::atomic<int64_t> next_oid_{0};
  int64_t oid_reserved_end_ = 0;
  std::atomic<int64_t> next_rowid_{0};
  int64_t rowid_reserved_end_ = 0;
};

}  // namespace basalt::engine::catalog
