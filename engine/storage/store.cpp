#include "engine/storage/store.hpp"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/statistics.h>
#include <rocksdb/table.h>
#include <rocksdb/utilities/checkpoint.h>
#include <rocksdb/write_batch.h>

#include <algorithm>

#include "engine/error/db_error.hpp"
#include "engine/storage/rocks_status.hpp"
#include "engine/storage/scan_bound.hpp"
#include "engine/storage/version_key.hpp"
#include "engine/storage/version_key_comparator.hpp"

namespace basalt::engine::storage {

namespace {

// Written by Create; Open refuses a RocksDB directory without it.
constexpr std::string_view kFormatKey = "basalt.store_format";
constexpr std::string_view kFormatVersion = "1";

constexpr Cf kAllCfs[kCfCount] = {Cf::kDefault, Cf::kCatalog, Cf::kRows, Cf::kIndexes, Cf::kMeta};

rocksdb::Slice ToSlice(std::string_view s) { return rocksdb::Slice(s.data(), s.size()); }
std::string_view ToView(const rocksdb::Slice& s) { return std::string_view(s.data(), s.size()); }

rocksdb::ColumnFamilyOptions MakeCfOptions(Cf cf, const StoreOptions& opts, const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::ColumnFamilyOptions cfo;
  cfo.write_buffer_size = opts.write_buffer_bytes;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.format_version = 5;
  if (IsVersioned(cf)) {
    cfo.comparator = VersionKeyComparator::Instance();
    cfo.prefix_extractor = std::make_shared<VersionPrefixExtractor>();
    cfo.memtable_prefix_bloom_size_ratio = 0.05;
    // The prefix is the whole user key, so a prefix bloom filter answers
    // "does this key have any version here?"; whole-key filtering would only
    // index exact version keys, which readers never ask for.
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(opts.bloom_bits_per_key, false));
    table.whole_key_filtering = false;
  }
  cfo.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  return cfo;
}

std::vector<rocksdb::ColumnFamilyDescriptor> MakeDescriptors(const StoreOptions& opts) {
  auto cache = rocksdb::NewLRUCache(opts.block_cache_bytes);
  std::vector<rocksdb::ColumnFamilyDescriptor> out;
  for (Cf cf : kAllCfs) out.emplace_back(std::string(CfName(cf)), MakeCfOptions(cf, opts, cache));
  return out;
}

rocksdb::DBOptions MakeDbOptions(const StoreOptions& opts) {
  rocksdb::DBOptions dbo;
  dbo.max_background_jobs = opts.max_background_jobs;
  dbo.bytes_per_sync = 1 << 20;
  // Concurrent writers join one write group; its leader syncs the WAL once.
  dbo.enable_pipelined_write = false;
  dbo.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
  dbo.keep_log_file_num = 5;
  // archive_mode = on: WAL files stay (in store/archive) until the archiver has
  // copied their batches (wal_archiver.hpp); off: RocksDB deletes them at once.
  dbo.WAL_ttl_seconds = opts.wal_ttl_seconds;
  return dbo;
}

[[noreturn]] void ThrowNotAStore(const std::filesystem::path& dir) {
  throw DbError(SqlState::kUndefinedFile,
                "directory \"" + dir.string() + "\" is not a Basalt data directory (run basalt init)");
}

// An upper bound past every version of `end` (all versions of a user key sort
// at or after <key><8 zero bytes> = VersionKey(key, Max)).
std::unique_ptr<ScanBound> MakeUpperBound(std::string_view end) {
  if (end.empty()) return nullptr;
  auto bound = std::make_unique<ScanBound>();
  bound->key = VersionKey(end, Timestamp::Max());
  bound->slice = rocksdb::Slice(bound->key);
  return bound;
}

}  // namespace

Store::Store(std::filesystem::path dir, std::unique_ptr<rocksdb::DB> db,
             std::vector<rocksdb::ColumnFamilyHandle*> handles, std::shared_ptr<rocksdb::Statistics> stats)
    : dir_(std::move(dir)), db_(std::move(db)), handles_(std::move(handles)), stats_(std::move(stats)) {}

Store::~Store() {
  for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h);
  db_->Close();
}

bool Store::Exists(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir / "CURRENT", ec)) return false;
  std::vector<std::string> names;
  if (!rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir.string(), &names).ok()) return false;
  for (Cf cf : kAllCfs)
    if (std::find(names.begin(), names.end(), CfName(cf)) == names.end()) return false;
  return true;
}

void Store::Create(const std::filesystem::path& dir) {
  if (Exists(dir))
    throw DbError(SqlState::kDuplicateFile, "Basalt data directory \"" + dir.string() + "\" already exists");
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw DbError(SqlState::kIoError, "could not create directory \"" + dir.string() + "\": " + ec.message());
  StoreOptions opts;
  rocksdb::DBOptions dbo = MakeDbOptions(opts);
  dbo.create_if_missing = true;
  dbo.error_if_exists = true;
  dbo.create_missing_column_families = true;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  ThrowIfError(rocksdb::DB::Open(dbo, dir.string(), MakeDescriptors(opts), &handles, &raw),
               "could not create store in \"" + dir.string() + "\"");
  std::unique_ptr<Store> store(new Store(dir, std::unique_ptr<rocksdb::DB>(raw), std::move(handles), nullptr));
  store->PutMeta(kFormatKey, kFormatVersion, /*sync=*/true);
}

std::unique_ptr<Store> Store::Open(const std::filesystem::path& dir, const StoreOptions& opts) {
  if (!Exists(dir)) ThrowNotAStore(dir);
  rocksdb::DBOptions dbo = MakeDbOptions(opts);
  std::shared_ptr<rocksdb::Statistics> stats;
  if (opts.enable_statistics) {
    stats = rocksdb::CreateDBStatistics();
    // Tickers only: histograms and timers cost on every operation.
    stats->set_stats_level(rocksdb::StatsLevel::kExceptHistogramOrTimers);
    dbo.statistics = stats;
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  ThrowIfError(rocksdb::DB::Open(dbo, dir.string(), MakeDescriptors(opts), &handles, &raw),
               "could not open store in \"" + dir.string() + "\"");
  std::unique_ptr<Store> store(
      new Store(dir, std::unique_ptr<rocksdb::DB>(raw), std::move(handles), std::move(stats)));
  auto format = store->GetMeta(kFormatKey);
  if (!format) ThrowNotAStore(dir);
  if (*format != kFormatVersion)
    throw DbError(SqlState::kDataCorrupted, "data directory \"" + dir.string() + "\" has unsupported store format " +
                                                *format + " (expected " + std::string(kFormatVersion) + ")");
  return store;
}

rocksdb::ColumnFamilyHandle* Store::Handle(Cf cf) const { return handles_[static_cast<size_t>(cf)]; }

uint32_t Store::CfId(Cf cf) const { return Handle(cf)->GetID(); }

rocksdb::ColumnFamilyHandle* Store::VersionedHandle(Cf cf) const {
  if (!IsVersioned(cf))
    throw DbError(SqlState::kInternalError,
                  "internal error: column family \"" + std::string(CfName(cf)) + "\" is not versioned");
  return Handle(cf);
}

std::optional<std::string> Store::Get(Cf cf, std::string_view user_key, Timestamp snapshot) const {
  rocksdb::ReadOptions ro;
  ro.prefix_same_as_start = true;  // lets the prefix bloom filters skip files
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, VersionedHandle(cf)));
  it->Seek(VersionKey(user_key, snapshot));
  if (!it->Valid()) {
    ThrowIfError(it->status(), "could not read from storage");
    return std::nullopt;
  }
  std::string_view vkey = ToView(it->key());
  if (UserKeyOf(vkey) != user_key) return std::nullopt;
  std::string_view stored = ToView(it->value());
  if (IsTombstone(stored)) return std::nullopt;
  return std::string(VersionPayload(stored));
}

std::optional<std::string> Store::GetLatest(Cf cf, std::string_view user_key, Timestamp* ts_out) const {
  if (ts_out) *ts_out = Timestamp{0};
  rocksdb::ReadOptions ro;
  ro.prefix_same_as_start = true;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, VersionedHandle(cf)));
  it->Seek(VersionKey(user_key, Timestamp::Max()));
  if (!it->Valid()) {
    ThrowIfError(it->status(), "could not read from storage");
    return std::nullopt;
  }
  std::string_view vkey = ToView(it->key());
  if (UserKeyOf(vkey) != user_key) return std::nullopt;
  if (ts_out) *ts_out = TimestampOf(vkey);
  std::string_view stored = ToView(it->value());
  if (IsTombstone(stored)) return std::nullopt;
  return std::string(VersionPayload(stored));
}

std::optional<Timestamp> Store::LatestVersionTs(Cf cf, std::string_view user_key) const {
  Timestamp ts;
  GetLatest(cf, user_key, &ts);
  if (ts == Timestamp{0}) return std::nullopt;
  return ts;
}

std::unique_ptr<VersionCursor> Store::Scan(Cf cf, std::string_view begin, std::string_view end,
                                           Timestamp snapshot) const {
  rocksdb::ReadOptions ro;
  ro.total_order_seek = true;  // range scans cross prefixes
  auto bound = MakeUpperBound(end);
  if (bound) ro.iterate_upper_bound = &bound->slice;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, VersionedHandle(cf)));
  return std::make_unique<VersionCursor>(std::move(it), std::string(begin), std::move(bound), snapshot);
}

bool Store::HasVersionAfter(Cf cf, std::string_view begin, std::string_view end, Timestamp after) const {
  rocksdb::ReadOptions ro;
  ro.total_order_seek = true;
  auto bound = MakeUpperBound(end);
  if (bound) ro.iterate_upper_bound = &bound->slice;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, VersionedHandle(cf)));
  it->Seek(VersionKey(begin, Timestamp::Max()));
  while (it->Valid()) {
    std::string_view vkey = ToView(it->key());
    // The first entry of each user key is its newest version.
    if (TimestampOf(vkey) > after) return true;
    std::string user_key(UserKeyOf(vkey));
    it->Seek(VersionKey(user_key, Timestamp{0}));
    while (it->Valid() && UserKeyOf(ToView(it->key())) == user_key) it->Next();
  }
  ThrowIfError(it->status(), "could not read from storage");
  return false;
}

void Store::Commit(std::span<const Mutation> mutations, Timestamp commit_ts, bool sync) {
  if (mutations.empty()) return;
  rocksdb::WriteBatch batch;
  std::string suffix;
  AppendVersionSuffix(suffix, commit_ts);
  const char kTombstoneTag = version_tag::kTombstone;
  const char kValueTag = version_tag::kValue;
  for (const Mutation& m : mutations) {
    if (m.cf == Cf::kMeta) {
      ThrowIfError(m.value ? batch.Put(Handle(Cf::kMeta), m.user_key, *m.value)
                           : batch.Delete(Handle(Cf::kMeta), m.user_key),
                   "could not build write batch");
      continue;
    }
    // SliceParts avoid concatenating key+suffix and tag+value per mutation.
    rocksdb::Slice key_parts[2] = {ToSlice(m.user_key), rocksdb::Slice(suffix)};
    rocksdb::Slice value_parts[2] = {rocksdb::Slice(m.value ? &kValueTag : &kTombstoneTag, 1),
                                     m.value ? ToSlice(*m.value) : rocksdb::Slice()};
    ThrowIfError(batch.Put(VersionedHandle(m.cf), rocksdb::SliceParts(key_parts, 2),
                           rocksdb::SliceParts(value_parts, m.value ? 2 : 1)),
                 "could not build write batch");
  }
  rocksdb::WriteOptions wo;
  wo.sync = sync;
  ThrowIfError(db_->Write(wo, &batch), "could not write commit batch");
}

std::optional<std::string> Store::GetMeta(std::string_view key) const {
  std::string value;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), Handle(Cf::kMeta), ToSlice(key), &value);
  if (s.IsNotFound()) return std::nullopt;
  ThrowIfError(s, "could not read meta key");
  return value;
}

void Store::PutMeta(std::string_view key, std::string_view value, bool sync) {
  rocksdb::WriteOptions wo;
  wo.sync = sync;
  ThrowIfError(db_->Put(wo, Handle(Cf::kMeta), ToSlice(key), ToSlice(value)), "could not write meta key");
}

void Store::DeleteMeta(std::string_view key, bool sync) {
  rocksdb::WriteOptions wo;
  wo.sync = sync;
  ThrowIfError(db_->Delete(wo, Handle(Cf::kMeta), ToSlice(key)), "could not delete meta key");
}

uint64_t Store::ApproximateSize(Cf cf, std::string_view begin, std::string_view end) const {
  std::string start_key = IsVersioned(cf) ? VersionKey(begin, Timestamp::Max()) : std::string(begin);
  // No finite key exceeds every key; 64 0xFF bytes exceed any realistic one.
  std::string limit_user = end.empty() ? std::string(64, '\xFF') : std::string(end);
  std::string limit_key = IsVersioned(cf) ? VersionKey(limit_user, Timestamp::Max()) : limit_user;
  rocksdb::Range range(start_key, limit_key);
  uint64_t size = 0;
  rocksdb::SizeApproximationOptions sao;
  sao.include_memtables = true;
  sao.include_files = true;
  ThrowIfError(db_->GetApproximateSizes(sao, Handle(cf), &range, 1, &size), "could not estimate size");
  return size;
}

void Store::CompactAll() {
  rocksdb::CompactRangeOptions cro;
  cro.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  for (auto* h : handles_) ThrowIfError(db_->CompactRange(cro, h, nullptr, nullptr), "could not compact");
}

void Store::Flush() {
  ThrowIfError(db_->Flush(rocksdb::FlushOptions(), handles_), "could not flush");
}

void Store::CreateCheckpoint(const std::filesystem::path& dir) const {
  rocksdb::Checkpoint* raw = nullptr;
  ThrowIfError(rocksdb::Checkpoint::Create(db_.get(), &raw), "could not create checkpoint");
  std::unique_ptr<rocksdb::Checkpoint> cp(raw);
  ThrowIfError(cp->CreateCheckpoint(dir.string()), "could not create checkpoint in \"" + dir.string() + "\"");
}

std::optional<uint64_t> Store::IntProperty(std::string_view name) const {
  uint64_t total = 0;
  bool any = false;
  for (Cf cf : {Cf::kCatalog, Cf::kRows, Cf::kIndexes}) {
    uint64_t v = 0;
    if (db_->GetIntProperty(Handle(cf), ToSlice(name), &v)) {
      total += v;
      any = true;
    }
  }
  if (!any) return std::nullopt;
  return total;
}

uint64_t Store::TickerCount(uint32_t ticker) const {
  if (!stats_) return 0;
  return stats_->getTickerCount(ticker);
}

}  // namespace basalt::engine::storage
