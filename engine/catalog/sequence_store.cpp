#include "engine/catalog/sequence_store.hpp"

#include <fmt/format.h>

#include "engine/catalog/byte_io.hpp"
#include "engine/error/db_error.hpp"

namespace basalt::engine::catalog {
namespace {

std::string MetaKey(uint32_t oid) { return fmt::format("seq/{}", oid); }

}  // namespace

SequenceStore::Entry& SequenceStore::EntryFor(uint32_t oid) {
  std::lock_guard lock(map_mu_);
  auto& slot = entries_[oid];
  if (!slot) slot = std::make_unique<Entry>();
  return *slot;
}

void SequenceStore::Load(Entry& e, uint32_t oid, const SequenceDef& def) {
  if (e.loaded) return;
  e.loaded = true;
  auto bytes = store_.GetMeta(MetaKey(oid));
  if (!bytes) {
    e.state = SequenceState{def.start, 0, false};
    return;
  }
  ByteReader r(*bytes);
  e.state.last_value = r.SignedVarint();
  e.state.is_called = r.U8() != 0;
  e.state.log_cnt = 0;
}

void SequenceStore::Persist(uint32_t oid, int64_t value, bool is_called) {
  std::string out;
  ByteWriter w(out);
  w.SignedVarint(value);
  w.U8(is_called ? 1 : 0);
  store_.PutMeta(MetaKey(oid), out, /*sync=*/true);
}

// PostgreSQL 15's nextval_internal (src/backend/commands/sequence.c), without
// the "log again after a checkpoint" rule: the logged value is our durable mark.
SequenceFetch SequenceStore::Fetch(uint32_t oid, const std::string& name, const SequenceDef& def) {
  Entry& e = EntryFor(oid);
  std::lock_guard lock(e.mu);
  Load(e, oid, def);
  SequenceState& seq = e.state;
  const int64_t incby = def.increment, maxv = def.max_value, minv = def.min_value, cache = def.cache;
  int64_t next = seq.last_value, result = seq.last_value, last = seq.last_value;
  int64_t fetch = cache, log = seq.log_cnt, rescnt = 0;
  bool logit = false;
  if (!seq.is_called) {
    rescnt++;
    fetch--;
  }
  if (log < fetch || !seq.is_called) {
    fetch = log = fetch + kLogVals;
    logit = true;
  }
  while (fetch > 0) {
    if (incby > 0) {
      if ((maxv >= 0 && next > maxv - incby) || (maxv < 0 && next + incby > maxv)) {
        if (rescnt > 0) break;
        if (!def.cycle) {
          throw DbError(SqlState::kSequenceGeneratorLimitExceeded,
                        fmt::format("nextval: reached maximum value of sequence \"{}\" ({})", name, maxv));
        }
        next = minv;
      } else {
        next += incby;
      }
    } else {
      if ((minv < 0 && next < minv - incby) || (minv >= 0 && next + incby < minv)) {
        if (rescnt > 0) break;
        if (!def.cycle) {
          throw DbError(SqlState::kSequenceGeneratorLimitExceeded,
                        fmt::format("nextval: reached minimum value of sequence \"{}\" ({})", name, minv));
        }
        next = maxv;
      } else {
        next += incby;
      }
    }
    fetch--;
    if (rescnt < cache) {
      log--;
      rescnt++;
      last = next;
      if (rescnt == 1) result = next;
    }
  }
  log -= fetch;
  // Every value up to `next` may be handed out before the next durable write:
  // make it durable before the first of them leaves this function.
  if (logit) Persist(oid, next, true);
  seq.last_value = last;
  seq.is_called = true;
  seq.log_cnt = log;
  return SequenceFetch{result, last};
}

SequenceState SequenceStore::Read(uint32_t oid, const SequenceDef& def) {
  Entry& e = EntryFor(oid);
  std::lock_guard lock(e.mu);
  Load(e, oid, def);
  return e.state;
}

void SequenceStore::Set(uint32_t oid, const SequenceDef& def, int64_t value, bool is_called) {
  Entry& e = EntryFor(oid);
  std::lock_guard lock(e.mu);
  Load(e, oid, def);
  Persist(oid, value, is_called);
  e.state = SequenceState{value, 0, is_called};
}

void SequenceStore::ResetLog(uint32_t oid, const SequenceDef& def) {
  Entry& e = EntryFor(oid);
  std::lock_guard lock(e.mu);
  Load(e, oid, def);
  e.state.log_cnt = 0;
}

void SequenceStore::Forget(uint32_t oid) {
  {
    std::lock_guard lock(map_mu_);
    entries_.erase(oid);
  }
  store_.DeleteMeta(MetaKey(oid), /*sync=*/false);
}

}  // namespace basalt::engine::catalog
