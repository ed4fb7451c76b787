// server/wire_result_sink.cpp
#include "server/wire_result_sink.hpp"

#include "server/error_conversion.hpp"

#include <vector>

namespace basalt::server {

void WireResultSink::Columns(const std::vector<engine::ColumnInfo>& columns) {
  out_.BeginRowDescription(static_cast<int16_t>(columns.size()));
  for (const engine::ColumnInfo& c : columns) {
    protocol::FieldDescription f;
    f.name = c.name;
    f.table_oid = c.table_oid;
    f.column_attnum = c.attnum;
    f.type_oid = c.type_oid;
    f.type_len = c.type_len;
    f.type_modifier = c.typmod;
    f.format = c.format;  // simple Query: always 0; extended: as Bind asked
    out_.AppendFieldDescription(f);
  }
  out_.EndMessage();
}

void WireResultSink::BeginRow(int num_fields) { out_.BeginDataRow(static_cast<int16_t>(num_fields)); }
void WireResultSink::Field(std::string_view text) { out_.AppendField(text); }
void WireResultSink::NullField() { out_.AppendNull(); }

void WireResultSink::EndRow() {
  out_.EndDataRow();
  ++rows_;
  MaybeFlush();
}

void WireResultSink::Complete(std::string_view tag) {
  if (metrics_ != nullptr) {
    tag_rows_ += metrics_->CountCompletion(tag, copy_in_);
  } else {
    tag_rows_ += RowsOfTag(tag);
  }
  out_.CommandComplete(tag);
  MaybeFlush();
}

void WireResultSink::Empty() { out_.EmptyQueryResponse(); }

void WireResultSink::Notice(const engine::DbError& notice) {
  protocol::ErrorFields f = ToErrorFields(notice);
  // A notice arriving with the default severity is a NOTICE, not an ERROR.
  if (notice.severity() == engine::Severity::kError) f.severity = "NOTICE";
  out_.NoticeResponse(f);
}

void WireResultSink::ParameterChanged(std::string_view name, std::string_view value) {
  if (activity_ != nullptr && name == "application_name") activity_->SetApplicationName(value);
  out_.ParameterStatus(name, value);
}

void WireResultSink::BeginCopyIn(int8_t format, int num_columns) {
  copy_in_ = true;
  if (!read_copy_) engine::ResultSink::BeginCopyIn(format, num_columns);
  std::vector<int16_t> formats(static_cast<size_t>(num_columns), format);
  out_.CopyInResponse(format, formats);
  if (flush_) flush_();
}

bool WireResultSink::ReadCopyData(std::string& chunk) { return read_copy_(chunk); }

void WireResultSink::BeginCopyOut(int8_t format, int num_columns) {
  copy_in_ = false;
  std::vector<int16_t> formats(static_cast<size_t>(num_columns), format);
  out_.CopyOutResponse(format, formats);
}

void WireResultSink::CopyData(std::string_view data) {
  out_.CopyData(data);
  MaybeFlush();
}

void WireResultSink::EndCopyOut() { out_.CopyDone(); }

void WireResultSink::MaybeFlush() {
  if (out_.size() >= flush_threshold_ && flush_) flush_();
}

}  // namespace basalt::server
