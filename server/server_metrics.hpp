// server/server_metrics.hpp
//
// ServerMetrics holds every Prometheus metric basaltd exports and renders the
// text exposition for GET /metrics (metrics_http.hpp).
//
// Two kinds of metrics:
//  - Hot-path counters (connections, statements by command, bytes, rows,
//    errors) live in a prometheus::Registry. Their Counter objects are created
//    once here and cached as pointers, so counting costs one atomic update: no
//    registry or family lookup, no mutex per query. The latency histogram is
//    our own LatencyHistogram (atomic buckets) for the same reason.
//  - Everything that already exists elsewhere (the engine's transaction,
//    lock and RocksDB figures, connections by state from the activity
//    registry, process figures from /proc/self) is read at scrape time by
//    Exposition() and never costs the query path anything.
//
// Names follow the Prometheus conventions: basalt_ prefix, base units
// (_seconds, _bytes), counters end in _total; every family has HELP and TYPE.
//
// Thread-safety: every method may be called from any thread. SetEngine(nullptr)
// waits for a scrape that is using the engine, so the engine can be closed
// right after it.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/metric_family.h>
#include <prometheus/registry.h>

#include "engine/engine.hpp"

namespace basalt::server {

// The statement kinds of basalt_statements_total{command=...}, from the
// CommandComplete tag.
enum class CommandKind { kSelect, kInsert, kUpdate, kDelete, kMerge, kCopy, kBegin, kCommit, kRollback, kDdl,
                         kUtility, kCount };

// Command kind of a CommandComplete tag ("INSERT 0 3" -> kInsert).
CommandKind CommandKindOfTag(std::string_view tag);
// The row count a tag carries (its last number), 0 if none.
uint64_t RowsOfTag(std::string_view tag);

// A lock-free latency histogram: prometheus-cpp 1.0's Histogram takes a mutex
// on every Observe, which would be one global mutex per statement.
class LatencyHistogram {
 public:
  static constexpr std::array<double, 18> kBounds = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                                     0.01,   0.025,   0.05,   0.1,   0.25,   0.5,
                                                     1,      2.5,     5,      10,    30,     60};
  void Observe(double seconds);
  // The family in Prometheus' data model (cumulative buckets, +Inf last).
  prometheus::MetricFamily Collect(std::string name, std::string help) const;

 private:
  std::array<std::atomic<uint64_t>, kBounds.size() + 1> counts_{};  // last: above every bound
  std::atomic<uint64_t> sum_nanos_{0};
};

// Why a connection was refused before it could run queries.
enum class RejectReason { kTooManyConnections, kAuthenticationFailed, kHbaRejected, kCount };

class ServerMetrics {
 public:
  ServerMetrics();

  // Connection lifecycle (the socket is open / closed).
  void ConnectionOpened();
  void ConnectionClosed();
  void ConnectionRejected(RejectReason reason);
  // A statement completed with this CommandComplete tag; `copy_in`: a COPY
  // FROM (the tag's count is rows loaded), else COPY TO. Returns the tag's rows.
  uint64_t CountCompletion(std::string_view tag, bool copy_in);
  // Latency of one statement (simple Query or extended Execute), seconds.
  void ObserveStatement(double seconds);
  // An error reported to a client (ErrorResponse), by SQLSTATE.
  void CountError(std::string_view sqlstate);
  void BytesReceived(size_t n) { bytes_received_->Increment(static_cast<double>(n)); }
  void BytesSent(size_t n) { bytes_sent_->Increment(static_cast<double>(n)); }
  void CountSlowStatement() { slow_statements_->Increment(); }

  // The engine whose figures scrapes report (nullptr: none, e.g. during startup).
  void SetEngine(engine::Engine* engine);
  // /ready answers 200 only while this is set (the server accepts queries).
  void SetReady(bool ready) { ready_.store(ready); }
  bool ready() const { return ready_.load(); }

  // The full text exposition (format 0.0.4).
  std::string Exposition();

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Counter* connections_total_;
  prometheus::Gauge* connections_open_;
  std::array<prometheus::Counter*, static_cast<size_t>(RejectReason::kCount)> rejected_{};
  std::array<prometheus::Counter*, static_cast<size_t>(CommandKind::kCount)> statements_{};
  LatencyHistogram statement_seconds_;
  prometheus::Counter* bytes_received_;
  prometheus::Counter* bytes_sent_;
  prometheus::Counter* rows_returned_;
  prometheus::Counter* rows_written_;
  prometheus::Counter* copy_rows_in_;
  prometheus::Counter* copy_rows_out_;
  prometheus::Counter* slow_statements_;
  prometheus::Family<prometheus::Counter>* errors_family_;
  // errors_total by SQLSTATE class ("42"): created on first use, then cached.
  std::array<std::atomic<prometheus::Counter*>, 36 * 36> errors_{};

  std::shared_mutex engine_mu_;
  engine::Engine* engine_ = nullptr;
  std::atomic<bool> ready_{false};
};

}  // namespace basalt::server
