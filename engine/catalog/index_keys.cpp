#include "engine/catalog/index_keys.hpp"

#include "engine/catalog/row_codec.hpp"
#include "engine/storage/key_encoder.hpp"

namespace basalt::engine::catalog {

std::string IndexKeyPrefix(Oid index) {
  storage::KeyEncoder enc;
  enc.AppendUint32(index);
  return enc.Release();
}

void AppendIndexKeyValue(std::string& key, const sql::Value& v, sql::TypeId type, bool descending, bool nulls_first) {
  if (v.is_null()) {
    key.push_back(static_cast<char>(nulls_first ? storage::key_marker::kNullFirst : storage::key_marker::kNullLast));
    return;
  }
  size_t start = key.size();
  AppendKeyValue(key, v, type);  // marker 0x01 + payload
  if (descending) {
    for (size_t i = start + 1; i < key.size(); ++i) key[i] = static_cast<char>(~static_cast<unsigned char>(key[i]));
  }
}

void DeleteIndexEntries(txn::Transaction& txn, Oid index) {
  std::string prefix = IndexKeyPrefix(index);
  std::string end = storage::PrefixSuccessor(prefix);
  std::vector<std::string> keys;
  for (auto cur = txn.Scan(storage::Cf::kIndexes, prefix, end); cur->Valid(); cur->Next()) {
    keys.emplace_back(cur->key());
  }
  for (const std::string& k : keys) txn.Delete(storage::Cf::kIndexes, k);
}

void DeleteIndexEntries(txn::Transaction& txn, const TableDef& table) {
  for (const IndexDef& ix : table.indexes) DeleteIndexEntries(txn, ix.oid);
}

}  // namespace basalt::engine::catalog
