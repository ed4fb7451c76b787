// engine/copy/copy_reader.hpp
//
// CopyReader splits the byte stream of COPY FROM STDIN into records and fields,
// for the text, CSV and binary formats, exactly as PostgreSQL 15's
// copyfromparse.c reads them:
//   text    one record per line (\n, \r\n or \r); fields split by the
//           delimiter; backslash escapes (\b \f \n \r \t \v, octal \ooo, hex
//           \xhh, \<any> = that char; a backslash hides a following newline or
//           delimiter); a field whose raw text equals NULL is null; a line `\.`
//           ends the data.
//   csv     records may span lines inside quotes; a quoted empty string is not
//           null, an unquoted NULL string is (unless FORCE_NOT_NULL); doubled
//           quote (or ESCAPE) inside quotes is a literal quote; `\.` alone ends.
//   binary  PGCOPY signature, flags, header extension; tuples of int16 field
//           count and int32-length-prefixed fields (-1 = NULL); count -1 ends.
// The reader is incremental: Feed() appends chunks (CopyData payloads split
// anywhere), Next() returns kNeedMore until a whole record is buffered, so
// memory stays bounded by the longest record plus one chunk. Consumed bytes
// are dropped as it goes.
//
// Errors (22P04 bad COPY file format, 22P02 for a bad escape is not raised:
// PostgreSQL accepts every escape) are thrown as DbError; the caller adds the
// CONTEXT line from line() and raw().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/copy/copy_options.hpp"

namespace basalt::engine::copy {

class CopyReader {
 public:
  enum class Status { kRow, kNeedMore, kEnd };

  // `force_not_null[i]`: column i (in COPY column order) never reads as NULL (CSV).
  CopyReader(const CopyOptions& options, std::vector<bool> force_not_null = {});

  void Feed(std::string_view chunk);
  // No more input will come (CopyDone): a last line without newline is a record.
  void Finish() { finished_ = true; }

  // kRow: fields() holds the next record (its count is not checked here, except
  // in binary where expected_fields applies); kNeedMore: call Feed (or Finish);
  // kEnd: the data ended (end marker, binary trailer, or input exhausted).
  Status Next(int expected_fields);

  const std::vector<std::optional<std::string>>& fields() const { return fields_; }
  // 1-based number of the record last returned (the header counts as line 1).
  int64_t line() const { return line_; }
  // The record's raw text without its line end (text and CSV), for CONTEXT.
  const std::string& raw() const { return raw_; }

 private:
  Status NextText();
  Status NextCsv();
  Status NextBinary(int expected_fields);
  // Finds the end of the next text/CSV record starting at pos_: sets `end`
  // (exclusive, before the line end) and `next` (after it). False: need more.
  bool FindRecordEnd(size_t& end, size_t& next, bool csv);
  void SplitText(std::string_view line);
  void SplitCsv(std::string_view line);
  void Compact();

  CopyOptions options_;
  std::vector<bool> force_not_null_;
  std::string buf_;
  size_t pos_ = 0;
  bool finished_ = false;
  bool ended_ = false;
  bool header_done_ = false;
  int64_t line_ = 0;
  std::string raw_;
  std::vector<std::optional<std::string>> fields_;
};

// COPY TO helpers: append one non-null field in the text or CSV encoding.
void AppendTextField(std::string_view value, const CopyOptions& options, std::string& out);
// `single_column`: the row has one column, so a lone `\.` value must be quoted.
void AppendCsvField(std::string_view value, const CopyOptions& options, bool force_quote, bool single_column,
                    std::string& out);

// The 19 bytes that start a binary COPY stream (signature, flags 0, no extension).
std::string_view BinaryHeader();

}  // namespace basalt::engine::copy
