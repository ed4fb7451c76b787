// server/wire_result_sink.hpp
//
// WireResultSink encodes what the engine reports for a simple-protocol Query
// straight into the connection's output buffer: RowDescription, DataRow,
// CommandComplete, EmptyQueryResponse, NoticeResponse, ParameterStatus.
// When the buffer grows past `flush_threshold` after a complete message, it
// calls `flush` so a large result streams out with bounded memory.
//
// It runs on a BlockingPool thread while the connection coroutine is suspended,
// so it has the Encoder to itself.
#pragma once

#include <cstddef>
#include <functional>

#include "engine/engine.hpp"
#include "protocol/encoder.hpp"
#include "server/server_metrics.hpp"

namespace basalt::server {

class WireResultSink final : public engine::ResultSink {
 public:
  static constexpr size_t kDefaultFlushThreshold = 64 * 1024;

  WireResultSink(protocol::Encoder& out, std::function<void()> flush,
                 size_t flush_threshold = kDefaultFlushThreshold)
      : out_(out), flush_(std::move(flush)), flush_threshold_(flush_threshold) {}

  void Columns(const std::vector<engine::ColumnInfo>& columns) override;
  void BeginRow(int num_fields) override;
  void Field(std::string_view text) override;
  void NullField() override;
  void EndRow() override;
  void Complete(std::string_view tag) override;
  void Empty() override;
  void Notice(const engine::DbError& notice) override;
  void ParameterChanged(std::string_view name, std::string_view value) override;

  // COPY: CopyInResponse is flushed at once (the client waits for it); the
  // payloads come from `read_copy` (the session's socket reader).
  void SetCopyReader(std::function<bool(std::string&)> read_copy) { read_copy_ = std::move(read_copy); }
  void BeginCopyIn(int8_t format, int num_columns) override;
  bool ReadCopyData(std::string& chunk) override;
  void BeginCopyOut(int8_t format, int num_columns) override;
  void CopyData(std::string_view data) override;
  void EndCopyOut() override;

  uint64_t rows() const { return rows_; }
  // Counts completed statements into `metrics` and forwards application_name
  // changes to `activity` (either may be null).
  void Observe(ServerMetrics* metrics, engine::BackendActivity* activity) {
    metrics_ = metrics;
    activity_ = activity;
  }
  // Rows reported by the CommandComplete tags so far (INSERT 0 3 -> 3).
  uint64_t tag_rows() const { return tag_rows_; }

 private:
  void MaybeFlush();

  protocol::Encoder& out_;
  std::function<void()> flush_;
  std::function<bool(std::string&)> read_copy_;
  size_t flush_threshold_;
  uint64_t rows_ = 0;
  ServerMetrics* metrics_ = nullptr;
  engine::BackendActivity* activity_ = nullptr;
  uint64_t tag_rows_ = 0;
  bool copy_in_ = false;
};

}  // namespace basalt::server
