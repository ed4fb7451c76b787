// engine/sql/exec/session_sequences.hpp
//
// What PostgreSQL keeps per backend about sequences: the last value nextval
// returned for each sequence (currval), the sequence used last (lastval), and
// the values fetched ahead into the session's cache when CACHE > 1.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

namespace basalt::engine::sql {

struct SessionSequences {
  struct Entry {
    int64_t last = 0;       // last value returned
    int64_t cached = 0;     // last value fetched into the session cache
    int64_t increment = 1;  // increment the cache was filled with
    bool last_valid = false;
  };
  std::unordered_map<uint32_t, Entry> by_oid;
  uint32_t last_used = 0;  // 0 = lastval not yet defined
  std::unordered_map<uint32_t, std::string> names;  // OID -> name hint for fast lookups
};

}  // namespace basalt::engine::sql
