#include "engine/sql/exec/analyze_table.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <unordered_map>

#include "engine/catalog/row_codec.hpp"
#include "engine/catalog/table_stats.hpp"
#include "engine/sql/types/compare.hpp"
#include "engine/sql/types/text_io.hpp"

namespace basalt::engine::sql {
namespace {

constexpr size_t kSampleRows = 30000;  // 300 * default_statistics_target (100)
constexpr size_t kMaxMcv = 100;        // default_statistics_target

// The width PostgreSQL stores the datum with (pg_statistic.stawidth):
// fixed-length types their size, varlena values their bytes plus a 1-byte
// (short) or 4-byte header.
int64_t StoredWidth(const Value& v, Type t) {
  switch (t.id) {
    case TypeId::kBool:
    case TypeId::kChar: return 1;
    case TypeId::kInt2: return 2;
    case TypeId::kInt4:
    case TypeId::kFloat4:
    case TypeId::kOid:
    case TypeId::kDate: return 4;
    case TypeId::kInt8:
    case TypeId::kFloat8:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz: return 8;
    case TypeId::kTimeTz: return 12;
    case TypeId::kInterval:
    case TypeId::kUuid: return 16;
    case TypeId::kName: return 64;
    default: break;
  }
  size_t n = v.kind() == Value::Kind::kString ? v.as_string().size() : 8;
  if (t.id == TypeId::kNumeric) n = ToText(v, t).size() / 2 + 2;  // base-10000 digits, roughly
  return static_cast<int64_t>(n + (n < 127 ? 1 : 4));
}

struct Distinct {
  Value value;
  int64_t count = 0;
};

// PostgreSQL's analyze_mcv_list: drops the least common candidates until the
// last one is significantly (2 standard deviations) more common than the
// average of the values outside the list.
int64_t McvListLength(const std::vector<Distinct>& values, int64_t num_mcv, double stadistinct, double nullfrac,
                      double samplerows, double totalrows) {
  double ndistinct_table = stadistinct < 0 ? -stadistinct * totalrows : stadistinct;
  double sumcount = 0;
  for (int64_t i = 0; i < num_mcv - 1; ++i) sumcount += static_cast<double>(values[static_cast<size_t>(i)].count);
  while (num_mcv > 0) {
    double selec = std::clamp(1.0 - sumcount / samplerows - nullfrac, 0.0, 1.0);
    double otherdistinct = ndistinct_table - static_cast<double>(num_mcv - 1);
    if (otherdistinct > 1) selec /= otherdistinct;
    const double big_n = totalrows;
    const double n = samplerows;
    const double count = static_cast<double>(values[static_cast<size_t>(num_mcv - 1)].count);
    const double k = big_n * count / n;
    const double variance = n * k * (big_n - k) * (big_n - n) / (big_n * big_n * (big_n - 1));
    if (count > selec * samplerows + 2 * std::sqrt(variance) + 0.5) break;
    --num_mcv;
    if (num_mcv == 0) break;
    sumcount -= static_cast<double>(values[static_cast<size_t>(num_mcv - 1)].count);
  }
  return num_mcv;
}

catalog::ColumnStats ColumnStatsOf(const catalog::ColumnDef& col, int column, const std::vector<Row>& sample,
                                   double total_rows) {
  catalog::ColumnStats out;
  out.column = col.name;
  const double samplerows = static_cast<double>(sample.size());
  int64_t nulls = 0;
  int64_t width = 0;
  std::unordered_map<std::string, size_t> index;
  std::vector<Distinct> values;
  for (const Row& r : sample) {
    const Value& v = r[static_cast<size_t>(column)];
    if (v.is_null()) {
      ++nulls;
      continue;
    }
    width += StoredWidth(v, col.type);
    std::string key = ToText(v, col.type);
    auto [it, fresh] = index.try_emplace(std::move(key), values.size());
    if (fresh) values.push_back(Distinct{v, 0});
    ++values[it->second].count;
  }
  const int64_t nonnull = static_cast<int64_t>(sample.size()) - nulls;
  out.null_frac = samplerows > 0 ? static_cast<float>(static_cast<double>(nulls) / samplerows) : 0.0f;
  if (nonnull == 0) return out;  // all NULL: width 0, n_distinct 0 as PostgreSQL reports
  out.avg_width = static_cast<int32_t>(width / nonnull);

  // Most frequent first; ties in value order (PostgreSQL's sorted track list).
  std::sort(values.begin(), values.end(), [&](const Distinct& a, const Distinct& b) {
    if (a.count != b.count) return a.count > b.count;
    return Compare(a.value, b.value, col.type.id) < 0;
  });
  const int64_t ndistinct = static_cast<int64_t>(values.size());
  int64_t nmultiple = 0;
  for (const Distinct& d : values) nmultiple += d.count > 1 ? 1 : 0;
  const int64_t track_cnt = std::min<int64_t>(nmultiple, static_cast<int64_t>(kMaxMcv));

  double stadistinct;
  if (nmultiple == 0) {
    stadistinct = -1.0 * (1.0 - out.null_frac);
  } else if (nmultiple == ndistinct) {
    stadistinct = static_cast<double>(ndistinct);
  } else {
    const double f1 = static_cast<double>(ndistinct - nmultiple);
    const double d = static_cast<double>(ndistinct);
    const double n = static_cast<double>(nonnull);
    const double big_n = total_rows * (1.0 - out.null_frac);
    stadistinct = big_n > 0 ? (n * d) / ((n - f1) + f1 * n / big_n) : 0;
    stadistinct = std::clamp(stadistinct, d, std::max(d, big_n));
    stadistinct = std::floor(stadistinct + 0.5);
  }
  if (stadistinct > 0.1 * total_rows) stadistinct = -(stadistinct / total_rows);
  out.n_distinct = static_cast<float>(stadistinct);

  // Most common values: the repeated values, most frequent first. A complete
  // list when it holds every value seen, else PostgreSQL's analyze_mcv_list
  // test keeps those significantly more common than the rest.
  int64_t num_mcv = static_cast<int64_t>(kMaxMcv);
  if (track_cnt == ndistinct && stadistinct > 0 && track_cnt <= num_mcv) {
    num_mcv = track_cnt;
  } else {
    num_mcv = std::min(num_mcv, track_cnt);
    if (num_mcv > 0 && samplerows != total_rows) num_mcv = McvListLength(values, num_mcv, stadistinct, out.null_frac, samplerows, total_rows);
  }
  for (int64_t i = 0; i < num_mcv; ++i) {
    const Distinct& d = values[static_cast<size_t>(i)];
    out.mcv.push_back(ToText(d.value, col.type));
    out.mcv_freqs.push_back(static_cast<float>(static_cast<double>(d.count) / samplerows));
  }
  return out;
}

catalog::TableStats LoadOrNew(ExecContext& ctx, catalog::Oid table) {
  auto s = catalog::LoadTableStats(*ctx.txn, table);
  if (s) return std::move(*s);
  catalog::TableStats fresh;
  fresh.table = table;
  return fresh;
}

void SetRelTuples(const catalog::TableDef& table, double rows, ExecContext& ctx) {
  auto current = ctx.catalog->FindTable(*ctx.txn, table.database, table.schema, table.name);
  if (current && current->reltuples != rows) {
    current->reltuples = rows;
    ctx.catalog->UpdateTable(*ctx.txn, *current);
  }
}

}  // namespace

int64_t NowTimestampTz() {
  constexpr int64_t kUnixTo2000Micros = 946684800LL * 1000000;
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::microseconds>(now).count() - kUnixTo2000Micros;
}

void AnalyzeTable(const catalog::TableDef& table, ExecContext& ctx) {
  std::vector<std::string> reservoir;
  reservoir.reserve(std::min<size_t>(kSampleRows, 4096));
  std::mt19937_64 rng(0x5eed);  // deterministic: the same table gives the same statistics
  uint64_t rows = 0;
  uint64_t bytes = 0;
  std::string begin = catalog::RowKeyPrefix(table.oid);
  std::string end = catalog::RowKeyPrefixEnd(table.oid);
  for (auto cur = ctx.txn->Scan(storage::Cf::kRows, begin, end); cur->Valid(); cur->Next()) {
    if ((rows & 4095) == 0) ctx.CheckCancel();
    bytes += cur->key().size() + cur->value().size();
    if (reservoir.size() < kSampleRows) {
      reservoir.emplace_back(cur->value());
    } else {
      uint64_t j = rng() % (rows + 1);
      if (j < kSampleRows) reservoir[j].assign(cur->value());
    }
    ++rows;
  }
  std::vector<Row> sample(reservoir.size());
  for (size_t i = 0; i < reservoir.size(); ++i) catalog::DecodeRowValue(table, reservoir[i], sample[i]);

  catalog::TableStats stats = LoadOrNew(ctx, table.oid);
  stats.reltuples = static_cast<double>(rows);
  stats.relpages = static_cast<int64_t>((bytes + 8191) / 8192);
  stats.last_analyze = NowTimestampTz();
  ++stats.analyze_count;
  stats.columns.clear();
  for (size_t c = 0; rows > 0 && c < table.columns.size(); ++c) {
    stats.columns.push_back(ColumnStatsOf(table.columns[c], static_cast<int>(c), sample, static_cast<double>(rows)));
  }
  catalog::StoreTableStats(*ctx.txn, stats);
  SetRelTuples(table, static_cast<double>(rows), ctx);
}

void RecordVacuum(const catalog::TableDef& table, ExecContext& ctx) {
  // PostgreSQL's VACUUM also refreshes pg_class.reltuples.
  uint64_t rows = 0;
  std::string begin = catalog::RowKeyPrefix(table.oid);
  std::string end = catalog::RowKeyPrefixEnd(table.oid);
  for (auto cur = ctx.txn->Scan(storage::Cf::kRows, begin, end); cur->Valid(); cur->Next()) {
    if ((++rows & 4095) == 0) ctx.CheckCancel();
  }
  SetRelTuples(table, static_cast<double>(rows), ctx);
  catalog::TableStats stats = LoadOrNew(ctx, table.oid);
  stats.reltuples = static_cast<double>(rows);
  stats.last_vacuum = NowTimestampTz();
  ++stats.vacuum_count;
  catalog::StoreTableStats(*ctx.txn, stats);
}

}  // namespace basalt::engine::sql
