// engine/error/db_error.hpp
//
// DbError is the one error type of Basalt. Code anywhere below server/ throws it
// to end the current statement; server::Session catches it in exactly one place
// per connection and turns it into one ErrorResponse. Anything else that escapes
// becomes XX000 "internal error: ...".
#pragma once

#include <exception>
#include <optional>
#include <string>

#include "engine/error/sql_state.hpp"

namespace basalt::engine {

enum class Severity { kError, kFatal, kPanic, kWarning, kNotice };

// PostgreSQL's severity word for `s` ("ERROR", "FATAL", ...).
const char* SeverityName(Severity s);

class DbError : public std::exception {
 public:
  DbError(SqlState code, std::string message);

  DbError& WithDetail(std::string detail);
  DbError& WithHint(std::string hint);
  DbError& WithPosition(int position);  // 1-based, in characters
  DbError& WithSeverity(Severity s);
  // The object the error is about, as PostgreSQL reports it (schema, table,
  // column, data type and constraint names; drivers expose them).
  DbError& WithSchema(std::string name) { schema_name_ = std::move(name); return *this; }
  DbError& WithTable(std::string name) { table_name_ = std::move(name); return *this; }
  DbError& WithColumn(std::string name) { column_name_ = std::move(name); return *this; }
  DbError& WithDatatype(std::string name) { datatype_name_ = std::move(name); return *this; }
  DbError& WithConstraint(std::string name) { constraint_name_ = std::move(name); return *this; }
  // PostgreSQL's CONTEXT line(s) ('W' field), e.g. `COPY t, line 3, column a: "x"`.
  DbError& WithContext(std::string context) { context_ = std::move(context); return *this; }

  const char* what() const noexcept override { return message_.c_str(); }
  SqlState code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::optional<std::string>& detail() const { return detail_; }
  const std::optional<std::string>& hint() const { return hint_; }
  std::optional<int> position() const { return position_; }
  Severity severity() const { return severity_; }
  const std::optional<std::string>& schema_name() const { return schema_name_; }
  const std::optional<std::string>& table_name() const { return table_name_; }
  const std::optional<std::string>& column_name() const { return column_name_; }
  const std::optional<std::string>& datatype_name() const { return datatype_name_; }
  const std::optional<std::string>& constraint_name() const { return constraint_name_; }
  const std::optional<std::string>& context() const { return context_; }

 private:
  SqlState code_;
  std::string message_;
  std::optional<std::string> detail_;
  std::optional<std::string> hint_;
  std::optional<int> position_;
  Severity severity_ = Severity::kError;
  std::optional<std::string> schema_name_;
  std::optional<std::string> table_name_;
  std::optional<std::string> column_name_;
  std::optional<std::string> datatype_name_;
  std::optional<std::string> constraint_name_;
  std::optional<std::string> context_;
};

// Converts a byte offset into `text` into PostgreSQL's 1-based character position.
int CharPosition(std::string_view text, int byte_offset);

}  // namespace basalt::engine
