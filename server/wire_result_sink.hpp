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

  uint64_t rows() const { return rows_; }

 private:
  void MaybeFlush();

  protocol::Encoder& out_;
  std::function<void()> flush_;
  size_t flush_threshold_;
  uint64_t rows_ = 0;
};

}  // namespace basalt::server
