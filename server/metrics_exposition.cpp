// server/metrics_exposition.cpp
//
// ServerMetrics::Exposition: the registry's hot-path metrics plus the
// families read at scrape time (engine, storage, connections by state,
// process). Scrape-time counters (e.g. basalt_transactions_total) come from
// counters the engine keeps anyway, so they are as monotonic as any counter.
#include <map>
#include <sstream>

#include <prometheus/text_serializer.h>

#include "engine/storage/backup_services.hpp"
#include "engine/storage/wal_archiver.hpp"
#include "server/process_figures.hpp"
#include "server/server_metrics.hpp"

namespace basalt::server {
namespace {

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;

MetricFamily Family(std::string name, std::string help, MetricType type) {
  MetricFamily f;
  f.name = std::move(name);
  f.help = std::move(help);
  f.type = type;
  return f;
}

void AddValue(MetricFamily& f, double value, std::vector<ClientMetric::Label> labels = {}) {
  ClientMetric m;
  m.label = std::move(labels);
  if (f.type == MetricType::Counter) {
    m.counter.value = value;
  } else {
    m.gauge.value = value;
  }
  f.metric.push_back(std::move(m));
}

MetricFamily Single(std::string name, std::string help, MetricType type, double value) {
  MetricFamily f = Family(std::move(name), std::move(help), type);
  AddValue(f, value);
  return f;
}

void AppendEngineFamilies(const engine::EngineFigures& e, std::vector<MetricFamily>& out) {
  auto d = [](uint64_t v) { return static_cast<double>(v); };
  MetricFamily tx = Family("basalt_transactions_total",
                           "Transactions ended, by outcome (commit: wrote data; commit_read_only; rollback).",
                           MetricType::Counter);
  AddValue(tx, d(e.commits), {{"outcome", "commit"}});
  AddValue(tx, d(e.read_only_commits), {{"outcome", "commit_read_only"}});
  AddValue(tx, d(e.rollbacks), {{"outcome", "rollback"}});
  out.push_back(std::move(tx));
  out.push_back(Single("basalt_serialization_failures_total",
                       "Transactions aborted with SQLSTATE 40001 (could not serialize access).", MetricType::Counter,
                       d(e.serialization_failures)));
  out.push_back(Single("basalt_deadlocks_total", "Deadlocks detected (SQLSTATE 40P01).", MetricType::Counter,
                       d(e.deadlocks)));
  out.push_back(Single("basalt_lock_waits_total", "Row-lock requests that had to wait for another transaction.",
                       MetricType::Counter, d(e.lock_waits)));
  out.push_back(Single("basalt_lock_timeouts_total", "Row-lock waits that ended by lock_timeout (SQLSTATE 55P03).",
                       MetricType::Counter, d(e.lock_timeouts)));
  out.push_back(Single("basalt_lock_waiters", "Row-lock requests waiting right now.", MetricType::Gauge,
                       d(e.lock_waiters)));

  const auto& s = e.store;
  MetricFamily memtable = Family("basalt_rocksdb_memtable_bytes", "Size of all memtables of a column family.",
                                 MetricType::Gauge);
  MetricFamily sst = Family("basalt_rocksdb_sst_bytes", "Size of all SST files of a column family.",
                            MetricType::Gauge);
  MetricFamily live_sst = Family("basalt_rocksdb_live_sst_bytes",
                                 "Size of the SST files of a column family's current version.", MetricType::Gauge);
  MetricFamily pending = Family("basalt_rocksdb_pending_compaction_bytes",
                                "Estimated bytes compaction must rewrite to settle a column family.",
                                MetricType::Gauge);
  MetricFamily keys = Family("basalt_rocksdb_estimated_keys",
                             "Estimated number of keys (row versions) in a column family.", MetricType::Gauge);
  MetricFamily l0 = Family("basalt_rocksdb_level0_files", "SST files at level 0 of a column family.",
                           MetricType::Gauge);
  for (const auto& f : s.families) {
    std::vector<ClientMetric::Label> cf{{"cf", f.name}};
    AddValue(memtable, d(f.memtable_bytes), cf);
    AddValue(sst, d(f.sst_bytes), cf);
    AddValue(live_sst, d(f.live_sst_bytes), cf);
    AddValue(pending, d(f.pending_compaction_bytes), cf);
    AddValue(keys, d(f.estimated_keys), cf);
    AddValue(l0, d(f.sst_files_level0), cf);
  }
  for (auto* f : {&memtable, &sst, &live_sst, &pending, &keys, &l0}) out.push_back(std::move(*f));
  out.push_back(Single("basalt_rocksdb_running_compactions", "Compactions running right now.", MetricType::Gauge,
                       s.families.empty() ? 0 : d(s.families.front().running_compactions)));
  out.push_back(Single("basalt_rocksdb_block_cache_capacity_bytes", "Capacity of the shared block cache.",
                       MetricType::Gauge, d(s.block_cache_capacity)));
  out.push_back(Single("basalt_rocksdb_block_cache_usage_bytes", "Bytes held in the shared block cache.",
                       MetricType::Gauge, d(s.block_cache_usage)));
  out.push_back(Single("basalt_rocksdb_write_stopped", "1 while RocksDB stops all writes (write stall).",
                       MetricType::Gauge, s.write_stopped ? 1 : 0));
  out.push_back(Single("basalt_rocksdb_delayed_write_rate_bytes",
                       "Write rate RocksDB throttles writers to while delaying writes (0 = not delayed).",
                       MetricType::Gauge, d(s.delayed_write_rate)));
  if (!s.statistics) return;
  MetricFamily cache = Family("basalt_rocksdb_block_cache_requests_total",
                              "Block cache lookups, by result (hit, miss); hit ratio = hit / (hit + miss).",
                              MetricType::Counter);
  AddValue(cache, d(s.block_cache_hits), {{"result", "hit"}});
  AddValue(cache, d(s.block_cache_misses), {{"result", "miss"}});
  out.push_back(std::move(cache));
  out.push_back(Single("basalt_rocksdb_write_stall_seconds_total", "Time writers spent stalled by RocksDB.",
                       MetricType::Counter, d(s.stall_micros) / 1e6));
  out.push_back(Single("basalt_rocksdb_wal_syncs_total", "WAL fsyncs (group commit shares one among committers).",
                       MetricType::Counter, d(s.wal_syncs)));
  out.push_back(Single("basalt_rocksdb_wal_bytes_total", "Bytes written to the WAL.", MetricType::Counter,
                       d(s.wal_bytes)));
  MetricFamily io = Family("basalt_rocksdb_io_bytes_total",
                           "Bytes moved by RocksDB, by kind (user_write, user_read, compaction_read, "
                           "compaction_write, flush_write).",
                           MetricType::Counter);
  AddValue(io, d(s.bytes_written), {{"kind", "user_write"}});
  AddValue(io, d(s.bytes_read), {{"kind", "user_read"}});
  AddValue(io, d(s.compaction_read_bytes), {{"kind", "compaction_read"}});
  AddValue(io, d(s.compaction_write_bytes), {{"kind", "compaction_write"}});
  AddValue(io, d(s.flush_write_bytes), {{"kind", "flush_write"}});
  out.push_back(std::move(io));
}

void AppendActivityFamilies(std::vector<MetricFamily>& out) {
  // Every state appears, also at zero, so alerts and graphs see a series.
  std::map<std::string, double> by_state{{"active", 0},
                                         {"idle", 0},
                                         {"idle in transaction", 0},
                                         {"idle in transaction (aborted)", 0}};
  double oldest_xact = 0;
  int64_t now = engine::sql::system::PgNowMicros();
  for (const auto& a : engine::ActivityRegistry::Global().Snapshot()) {
    by_state[a.state] += 1;
    if (a.xact_start != 0) oldest_xact = std::max(oldest_xact, static_cast<double>(now - a.xact_start) / 1e6);
  }
  MetricFamily f = Family("basalt_sessions",
                          "Authenticated client sessions right now, by pg_stat_activity state.", MetricType::Gauge);
  for (const auto& [state, n] : by_state) AddValue(f, n, {{"state", state}});
  out.push_back(std::move(f));
  out.push_back(Single("basalt_oldest_transaction_seconds",
                       "Age of the oldest open transaction (pg_stat_activity.xact_start), 0 if none.",
                       MetricType::Gauge, oldest_xact));
}

// Continuous archiving (pg_stat_archiver's figures). Called only while the
// engine is open, which is when its backup services are published.
void AppendArchiverFamilies(std::vector<MetricFamily>& out) {
  engine::storage::BackupServices* services = engine::storage::CurrentBackupServices();
  const bool enabled = services != nullptr && services->archiver != nullptr;
  out.push_back(Single("basalt_archiver_enabled", "1 when archive_mode = on, else 0.", MetricType::Gauge,
                       enabled ? 1 : 0));
  if (!enabled) return;
  engine::storage::ArchiverStatus st = services->archiver->status();
  auto d = [](uint64_t v) { return static_cast<double>(v); };
  out.push_back(Single("basalt_archiver_archived_total", "WAL write batches copied to archive_dir since start.",
                       MetricType::Counter, d(st.archived_count)));
  out.push_back(Single("basalt_archiver_archived_bytes_total", "Bytes written to archive_dir since start.",
                       MetricType::Counter, d(st.archived_bytes)));
  out.push_back(Single("basalt_archiver_failed_total", "Archiving rounds that failed since start.",
                       MetricType::Counter, d(st.failed_count)));
  out.push_back(Single("basalt_archiver_gaps_total",
                       "Times the archiver found WAL it could no longer copy (the archive has a gap).",
                       MetricType::Counter, d(st.gap_count)));
  out.push_back(Single("basalt_archiver_lag_sequences",
                       "WAL sequence numbers written but not yet archived.", MetricType::Gauge, d(st.lag_seq)));
  out.push_back(Single("basalt_archiver_last_archived_timestamp_seconds",
                       "Wall-clock time of the last successful archiving round (Unix epoch), 0 if none.",
                       MetricType::Gauge, d(st.last_archived_time_us) / 1e6));
}

void AppendProcessFamilies(std::vector<MetricFamily>& out) {
  ProcessFigures p = ReadProcessFigures();
  if (!p.ok) return;
  auto d = [](uint64_t v) { return static_cast<double>(v); };
  out.push_back(Single("basalt_process_cpu_seconds_total", "User and system CPU time of basaltd.",
                       MetricType::Counter, p.cpu_seconds));
  out.push_back(Single("basalt_process_resident_memory_bytes", "Resident memory size of basaltd.",
                       MetricType::Gauge, d(p.resident_bytes)));
  out.push_back(Single("basalt_process_virtual_memory_bytes", "Virtual memory size of basaltd.", MetricType::Gauge,
                       d(p.virtual_bytes)));
  out.push_back(Single("basalt_process_open_fds", "Open file descriptors of basaltd.", MetricType::Gauge,
                       d(p.open_fds)));
  out.push_back(Single("basalt_process_max_fds", "Limit on open file descriptors (RLIMIT_NOFILE).",
                       MetricType::Gauge, d(p.max_fds)));
  out.push_back(Single("basalt_process_threads", "Threads of basaltd.", MetricType::Gauge, d(p.threads)));
  out.push_back(Single("basalt_process_start_time_seconds", "Start time of basaltd since the Unix epoch.",
                       MetricType::Gauge, p.start_time_seconds));
}

}  // namespace

std::string ServerMetrics::Exposition() {
  std::vector<MetricFamily> families = registry_->Collect();
  families.push_back(statement_seconds_.Collect(
      "basalt_statement_duration_seconds",
      "Time from receiving a Query or Execute to its last result, errors included."));
  families.push_back(Single("basalt_up", "1 while basaltd accepts queries (what /ready reports), else 0.",
                            MetricType::Gauge, ready() ? 1 : 0));
  {
    std::shared_lock lock(engine_mu_);
    if (engine_ != nullptr) {
      AppendEngineFamilies(engine_->Figures(), families);
      AppendArchiverFamilies(families);
    }
  }
  AppendActivityFamilies(families);
  AppendProcessFamilies(families);
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, families);
  return out.str();
}

}  // namespace basalt::server
