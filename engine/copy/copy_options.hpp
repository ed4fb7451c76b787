// engine/copy/copy_options.hpp
//
// The options of one COPY statement, validated as PostgreSQL 15's
// ProcessCopyOptions does (same SQLSTATEs and messages). Both the new
// `WITH (FORMAT csv, ...)` syntax and the old `WITH CSV HEADER DELIMITER AS ','`
// arrive here as the same name/value list (libpg_query's grammar maps them).
#pragma once

#include <string>
#include <vector>

#include "engine/error/db_error.hpp"
#include "engine/sql/parser/ast.hpp"

namespace basalt::engine::copy {

enum class CopyFormat { kText, kCsv, kBinary };

struct CopyOptions {
  CopyFormat format = CopyFormat::kText;
  char delimiter = '\t';          // ',' for CSV
  std::string null_string = "\\N";  // "" for CSV
  char quote = '"';
  char escape = '"';
  bool header = false;
  bool freeze = false;
  bool force_quote_all = false;
  std::vector<std::string> force_quote;     // COPY TO, CSV
  std::vector<std::string> force_not_null;  // COPY FROM, CSV
};

// Throws DbError (42601, 22023, 0A000) exactly where PostgreSQL does.
CopyOptions ParseCopyOptions(const std::vector<sql::ast::CopyOption>& options, bool is_from);

}  // namespace basalt::engine::copy
