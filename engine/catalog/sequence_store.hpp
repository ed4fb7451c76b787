// engine/catalog/sequence_store.hpp
//
// The running state of every sequence: last_value, log_cnt and is_called, as
// PostgreSQL keeps them in the sequence's single tuple. Like PostgreSQL's,
// this state is not transactional: nextval is never rolled back.
//
// Durability follows PostgreSQL's WAL-ahead scheme: when nextval runs out of
// pre-logged values it fetches `cache + 32` values at once and first writes
// the furthest of them to the `meta` column family with a synced write, then
// hands them out from memory (log_cnt counts what is left). After a crash the
// state reloads as (that furthest value, is_called = true, log_cnt = 0), so a
// value is never handed out twice and there is no fsync per call. A sequence
// with no stored state is in its initial state (start, is_called = false).
//
// Thread-safe: one mutex per sequence, held across the (rare) synced write.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "engine/catalog/sequence_def.hpp"
#include "engine/storage/store.hpp"

namespace basalt::engine::catalog {

struct SequenceState {
  int64_t last_value = 0;
  int64_t log_cnt = 0;
  bool is_called = false;
};

// The values one nextval call fetched: `result` is returned, values up to
// `last` (in increment steps) may be cached by the session (CACHE > 1).
struct SequenceFetch {
  int64_t result = 0;
  int64_t last = 0;
};

class SequenceStore {
 public:
  explicit SequenceStore(storage::Store& store) : store_(store) {}

  // PostgreSQL's nextval_internal; throws 2200H at MAXVALUE/MINVALUE without CYCLE.
  SequenceFetch Fetch(uint32_t oid, const std::string& name, const SequenceDef& def);
  SequenceState Read(uint32_t oid, const SequenceDef& def);
  // setval / ALTER SEQUENCE RESTART: stores the state durably (log_cnt = 0).
  void Set(uint32_t oid, const SequenceDef& def, int64_t value, bool is_called);
  // ALTER SEQUENCE without RESTART: forget pre-logged values (PostgreSQL
  // resets log_cnt), keep last_value.
  void ResetLog(uint32_t oid, const SequenceDef& def);
  // DROP SEQUENCE committed: the state is no longer needed.
  void Forget(uint32_t oid);

  // The number of values fetched ahead of demand (PostgreSQL's SEQ_LOG_VALS).
  static constexpr int64_t kLogVals = 32;

 private:
  struct Entry {
    std::mutex mu;
    bool loaded = false;
    SequenceState state;
  };
  Entry& EntryFor(uint32_t oid);
  void Load(Entry& e, uint32_t oid, const SequenceDef& def);
  void Persist(uint32_t oid, int64_t value, bool is_called);

  storage::Store& store_;
  std::mutex map_mu_;
  std::map<uint32_t, std::unique_ptr<Entry>> entries_;
};

}  // namespace basalt::engine::catalog
