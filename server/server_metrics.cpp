// server/server_metrics.cpp
//
// The registry-backed (hot-path) metrics. Scrape-time families are built in
// metrics_exposition.cpp.
#include "server/server_metrics.hpp"

#include <cctype>
#include <limits>

namespace basalt::server {
namespace {

int ClassIndex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return 10 + (c - 'A');
  return -1;
}

constexpr std::string_view kCommandLabels[] = {"select", "insert", "update", "delete", "merge",  "copy",
                                               "begin",  "commit", "rollback", "ddl",   "utility"};
constexpr std::string_view kRejectLabels[] = {"too_many_connections", "authentication_failed", "hba_rejected"};

}  // namespace

CommandKind CommandKindOfTag(std::string_view tag) {
  size_t space = tag.find(' ');
  std::string_view word = tag.substr(0, space);
  if (word == "SELECT" || word == "FETCH" || word == "MOVE" || word == "SHOW") return CommandKind::kSelect;
  if (word == "INSERT") return CommandKind::kInsert;
  if (word == "UPDATE") return CommandKind::kUpdate;
  if (word == "DELETE") return CommandKind::kDelete;
  if (word == "MERGE") return CommandKind::kMerge;
  if (word == "COPY") return CommandKind::kCopy;
  if (word == "BEGIN" || word == "START" || word == "SAVEPOINT") return CommandKind::kBegin;
  if (word == "COMMIT" || word == "RELEASE") return CommandKind::kCommit;
  if (word == "ROLLBACK") return CommandKind::kRollback;
  if (word == "CREATE" || word == "ALTER" || word == "DROP" || word == "TRUNCATE" || word == "GRANT" ||
      word == "REVOKE" || word == "COMMENT" || word == "REINDEX" || word == "VACUUM" || word == "ANALYZE") {
    return CommandKind::kDdl;
  }
  return CommandKind::kUtility;
}

uint64_t RowsOfTag(std::string_view tag) {
  size_t space = tag.rfind(' ');
  if (space == std::string_view::npos) return 0;
  uint64_t n = 0;
  for (char c : tag.substr(space + 1)) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  return n;
}

ServerMetrics::ServerMetrics() : registry_(std::make_shared<prometheus::Registry>()) {
  using prometheus::BuildCounter;
  using prometheus::BuildGauge;
  auto& r = *registry_;
  connections_total_ = &BuildCounter()
                            .Name("basalt_connections_total")
                            .Help("Client connections accepted (TCP), including ones later rejected.")
                            .Register(r)
                            .Add({});
  connections_open_ = &BuildGauge()
                           .Name("basalt_connections_open")
                           .Help("Client sockets open right now, in any state (startup included).")
                           .Register(r)
                           .Add({});
  auto& rejected = BuildCounter()
                       .Name("basalt_connections_rejected_total")
                       .Help("Connections refused before they could run queries, by reason.")
                       .Register(r);
  for (size_t i = 0; i < rejected_.size(); ++i) rejected_[i] = &rejected.Add({{"reason", std::string(kRejectLabels[i])}});
  auto& statements = BuildCounter()
                         .Name("basalt_statements_total")
                         .Help("Statements completed, by command (from the CommandComplete tag).")
                         .Register(r);
  for (size_t i = 0; i < statements_.size(); ++i) {
    statements_[i] = &statements.Add({{"command", std::string(kCommandLabels[i])}});
  }
  auto& bytes = BuildCounter()
                    .Name("basalt_network_bytes_total")
                    .Help("Bytes of the PostgreSQL protocol received from / sent to clients.")
                    .Register(r);
  bytes_received_ = &bytes.Add({{"direction", "in"}});
  bytes_sent_ = &bytes.Add({{"direction", "out"}});
  auto& rows = BuildCounter()
                   .Name("basalt_rows_total")
                   .Help("Rows returned to clients (SELECT, FETCH) and written (INSERT, UPDATE, DELETE, MERGE).")
                   .Register(r);
  rows_returned_ = &rows.Add({{"operation", "returned"}});
  rows_written_ = &rows.Add({{"operation", "written"}});
  auto& copy = BuildCounter()
                   .Name("basalt_copy_rows_total")
                   .Help("Rows moved by COPY, by direction (in = COPY FROM, out = COPY TO).")
                   .Register(r);
  copy_rows_in_ = &copy.Add({{"direction", "in"}});
  copy_rows_out_ = &copy.Add({{"direction", "out"}});
  slow_statements_ = &BuildCounter()
                          .Name("basalt_slow_statements_total")
                          .Help("Statements that ran at least log_min_duration_statement (when it is >= 0).")
                          .Register(r)
                          .Add({});
  errors_family_ = &BuildCounter()
                        .Name("basalt_errors_total")
                        .Help("Errors sent to clients, by SQLSTATE class (first two characters).")
                        .Register(r);
}

void ServerMetrics::ConnectionOpened() {
  connections_total_->Increment();
  connections_open_->Increment();
}

void ServerMetrics::ConnectionClosed() { connections_open_->Decrement(); }

void ServerMetrics::ConnectionRejected(RejectReason reason) { rejected_[static_cast<size_t>(reason)]->Increment(); }

uint64_t ServerMetrics::CountCompletion(std::string_view tag, bool copy_in) {
  CommandKind kind = CommandKindOfTag(tag);
  statements_[static_cast<size_t>(kind)]->Increment();
  uint64_t rows = RowsOfTag(tag);
  if (rows == 0) return 0;
  auto n = static_cast<double>(rows);
  switch (kind) {
    case CommandKind::kSelect: rows_returned_->Increment(n); break;
    case CommandKind::kInsert:
    case CommandKind::kUpdate:
    case CommandKind::kDelete:
    case CommandKind::kMerge: rows_written_->Increment(n); break;
    case CommandKind::kCopy: (copy_in ? copy_rows_in_ : copy_rows_out_)->Increment(n); break;
    default: break;
  }
  return rows;
}

void ServerMetrics::ObserveStatement(double seconds) { statement_seconds_.Observe(seconds); }

void LatencyHistogram::Observe(double seconds) {
  size_t i = 0;
  while (i < kBounds.size() && seconds > kBounds[i]) ++i;
  counts_[i].fetch_add(1, std::memory_order_relaxed);
  double nanos = seconds > 0 ? seconds * 1e9 : 0;
  sum_nanos_.fetch_add(nanos < 1.8e19 ? static_cast<uint64_t>(nanos) : 0, std::memory_order_relaxed);
}

prometheus::MetricFamily LatencyHistogram::Collect(std::string name, std::string help) const {
  prometheus::MetricFamily f;
  f.name = std::move(name);
  f.help = std::move(help);
  f.type = prometheus::MetricType::Histogram;
  prometheus::ClientMetric m;
  uint64_t cumulative = 0;
  for (size_t i = 0; i < counts_.size(); ++i) {
    cumulative += counts_[i].load(std::memory_order_relaxed);
    prometheus::ClientMetric::Bucket b;
    b.cumulative_count = cumulative;
    b.upper_bound = i < kBounds.size() ? kBounds[i] : std::numeric_limits<double>::infinity();
    m.histogram.bucket.push_back(b);
  }
  m.histogram.sample_count = cumulative;
  m.histogram.sample_sum = static_cast<double>(sum_nanos_.load(std::memory_order_relaxed)) / 1e9;
  f.metric.push_back(std::move(m));
  return f;
}

void ServerMetrics::CountError(std::string_view sqlstate) {
  if (sqlstate.size() < 2) return;
  int a = ClassIndex(sqlstate[0]);
  int b = ClassIndex(sqlstate[1]);
  if (a < 0 || b < 0) return;
  auto& slot = errors_[static_cast<size_t>(a * 36 + b)];
  prometheus::Counter* c = slot.load(std::memory_order_acquire);
  if (c == nullptr) {
    // Family::Add returns the existing counter for the same labels, so a race
    // here only stores the same pointer twice.
    c = &errors_family_->Add({{"class", std::string(sqlstate.substr(0, 2))}});
    slot.store(c, std::memory_order_release);
  }
  c->Increment();
}

void ServerMetrics::SetEngine(engine::Engine* engine) {
  std::unique_lock lock(engine_mu_);
  engine_ = engine;
}

}  // namespace basalt::server
