// engine/sql/system/statement_stats.cpp
//
// The normaliser is a single-pass lexer over PostgreSQL's lexical rules
// (https://www.postgresql.org/docs/15/sql-syntax-lexical.html): it only needs
// to tell constants from identifiers, keywords, operators, comments and
// quoted identifiers; it never parses.
#include "engine/sql/system/statement_stats.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

namespace basalt::engine::sql::system {
namespace {

bool IsIdentStart(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalpha(u) || c == '_' || u >= 0x80;
}
bool IsIdentChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '$' || u >= 0x80;
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// End of a '...' literal starting at `i` (the quote), honouring '' and, for
// E'' strings, backslash escapes.
size_t SkipQuoted(std::string_view s, size_t i, bool backslash_escapes) {
  ++i;
  while (i < s.size()) {
    if (backslash_escapes && s[i] == '\\' && i + 1 < s.size()) {
      i += 2;
      continue;
    }
    if (s[i] == '\'') {
      if (i + 1 < s.size() && s[i + 1] == '\'') {
        i += 2;
        continue;
      }
      return i + 1;
    }
    ++i;
  }
  return s.size();
}

struct Span {
  size_t begin;
  size_t end;
};

// FNV-1a, 64 bit.
int64_t Hash(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return static_cast<int64_t>(h);
}

}  // namespace

NormalizedQuery NormalizeQuery(std::string_view sql) {
  // Trim whitespace and trailing semicolons, as the extension shows statements.
  size_t b = 0;
  while (b < sql.size() && std::isspace(static_cast<unsigned char>(sql[b]))) ++b;
  size_t e = sql.size();
  while (e > b && (std::isspace(static_cast<unsigned char>(sql[e - 1])) || sql[e - 1] == ';')) --e;
  std::string_view s = sql.substr(b, e - b);

  std::vector<Span> constants;
  int max_param = 0;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      int depth = 1;
      i += 2;
      while (i < s.size() && depth > 0) {
        if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '*') {
          ++depth;
          i += 2;
        } else if (s[i] == '*' && i + 1 < s.size() && s[i + 1] == '/') {
          --depth;
          i += 2;
        } else {
          ++i;
        }
      }
    } else if (c == '\'') {
      size_t end = SkipQuoted(s, i, false);
      constants.push_back({i, end});
      i = end;
    } else if (c == '"') {
      ++i;
      while (i < s.size()) {
        if (s[i] == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') {
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        ++i;
      }
    } else if (c == '$') {
      if (i + 1 < s.size() && IsDigit(s[i + 1])) {
        size_t j = i + 1;
        int n = 0;
        while (j < s.size() && IsDigit(s[j])) {
          n = std::min(n * 10 + (s[j] - '0'), 1000000);
          ++j;
        }
        max_param = std::max(max_param, n);
        i = j;
        continue;
      }
      // Dollar quoting: $tag$ ... $tag$.
      size_t j = i + 1;
      while (j < s.size() && IsIdentChar(s[j]) && s[j] != '$') ++j;
      if (j < s.size() && s[j] == '$') {
        std::string_view tag = s.substr(i, j - i + 1);
        size_t close = s.find(tag, j + 1);
        size_t end = close == std::string_view::npos ? s.size() : close + tag.size();
        constants.push_back({i, end});
        i = end;
      } else {
        ++i;
      }
    } else if (IsIdentStart(c)) {
      size_t j = i;
      while (j < s.size() && IsIdentChar(s[j])) ++j;
      // E'..', B'..', X'..', N'..' and U&'..' are one constant with their prefix.
      bool prefix = j - i == 1 && std::string_view("eEbBxXnN").find(c) != std::string_view::npos;
      if (prefix && j < s.size() && s[j] == '\'') {
        size_t end = SkipQuoted(s, j, c == 'e' || c == 'E');
        constants.push_back({i, end});
        i = end;
      } else if (j - i == 1 && (c == 'u' || c == 'U') && j + 1 < s.size() && s[j] == '&' && s[j + 1] == '\'') {
        size_t end = SkipQuoted(s, j + 1, false);
        constants.push_back({i, end});
        i = end;
      } else {
        i = j;
      }
    } else if (IsDigit(c) || (c == '.' && i + 1 < s.size() && IsDigit(s[i + 1]))) {
      size_t j = i;
      while (j < s.size() && (IsDigit(s[j]) || s[j] == '_')) ++j;
      if (j < s.size() && s[j] == '.' && !(j + 1 < s.size() && s[j + 1] == '.')) {
        ++j;
        while (j < s.size() && IsDigit(s[j])) ++j;
      }
      if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
        size_t k = j + 1;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        if (k < s.size() && IsDigit(s[k])) {
          j = k;
          while (j < s.size() && IsDigit(s[j])) ++j;
        }
      }
      constants.push_back({i, j});
      i = j;
    } else {
      ++i;
    }
  }

  NormalizedQuery out;
  out.text.reserve(s.size());
  size_t pos = 0;
  int next = max_param;
  for (const Span& span : constants) {
    out.text.append(s.substr(pos, span.begin - pos));
    out.text += '$';
    out.text += std::to_string(++next);
    pos = span.end;
  }
  out.text.append(s.substr(pos));
  out.query_id = Hash(out.text);
  return out;
}

StatementStats& StatementStats::Global() {
  static StatementStats stats;
  return stats;
}

void StatementStats::Record(std::string_view user, std::string_view database, const NormalizedQuery& query,
                            double seconds, int64_t rows) {
  std::string key;
  key.reserve(user.size() + database.size() + 10);
  key.append(user).push_back('\0');
  key.append(database).push_back('\0');
  key.append(reinterpret_cast<const char*>(&query.query_id), sizeof(query.query_id));
  Shard& shard = shards_[static_cast<uint64_t>(query.query_id) % kShards];
  double ms = seconds * 1000.0;
  std::lock_guard lock(shard.mu);
  auto it = shard.entries.find(key);
  if (it == shard.entries.end()) {
    if (shard.entries.size() >= kMaxEntries / kShards) {
      auto victim = std::min_element(shard.entries.begin(), shard.entries.end(),
                                     [](const auto& a, const auto& b) { return a.second.calls < b.second.calls; });
      shard.entries.erase(victim);
    }
    Entry entry;
    entry.user = std::string(user);
    entry.database = std::string(database);
    entry.query_id = query.query_id;
    entry.query = query.text;
    entry.min_ms = ms;
    entry.max_ms = ms;
    it = shard.entries.emplace(std::move(key), std::move(entry)).first;
  }
  Entry& en = it->second;
  ++en.calls;
  en.total_ms += ms;
  en.min_ms = std::min(en.min_ms, ms);
  en.max_ms = std::max(en.max_ms, ms);
  double delta = ms - en.mean_ms;
  en.mean_ms += delta / static_cast<double>(en.calls);
  en.sum_var_ms += delta * (ms - en.mean_ms);
  en.rows += rows;
}

std::vector<StatementStatsRow> StatementStats::Snapshot() const {
  std::vector<StatementStatsRow> out;
  for (const Shard& shard : shards_) {
    std::lock_guard lock(shard.mu);
    for (const auto& [key, en] : shard.entries) {
      StatementStatsRow row;
      row.user = en.user;
      row.database = en.database;
      row.query_id = en.query_id;
      row.query = en.query;
      row.calls = en.calls;
      row.total_ms = en.total_ms;
      row.min_ms = en.min_ms;
      row.max_ms = en.max_ms;
      row.mean_ms = en.mean_ms;
      // Population standard deviation, as pg_stat_statements computes it.
      row.stddev_ms = en.calls > 1 ? std::sqrt(en.sum_var_ms / static_cast<double>(en.calls)) : 0.0;
      row.rows = en.rows;
      out.push_back(std::move(row));
    }
  }
  return out;
}

void StatementStats::Reset() {
  for (Shard& shard : shards_) {
    std::lock_guard lock(shard.mu);
    shard.entries.clear();
  }
}

}  // namespace basalt::engine::sql::system
