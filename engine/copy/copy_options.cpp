// Mirrors ProcessCopyOptions in PostgreSQL 15's src/backend/commands/copy.c.
#include "engine/copy/copy_options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace basalt::engine::copy {
namespace {

DbError Conflicting(const sql::ast::CopyOption& o) {
  return DbError(SqlState::kSyntaxError, "conflicting or redundant options").WithPosition(o.location + 1);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool BoolValue(const sql::ast::CopyOption& o) {
  if (!o.value) return true;
  std::string v = Lower(*o.value);
  if (v == "true" || v == "on" || v == "1" || v == "t" || v == "yes" || v == "y") return true;
  if (v == "false" || v == "off" || v == "0" || v == "f" || v == "no" || v == "n") return false;
  throw DbError(SqlState::kSyntaxError, fmt::format("{} requires a Boolean value", o.name));
}

std::string StringValue(const sql::ast::CopyOption& o) {
  if (!o.value) throw DbError(SqlState::kSyntaxError, fmt::format("{} requires a parameter", o.name));
  return *o.value;
}

}  // namespace

CopyOptions ParseCopyOptions(const std::vector<sql::ast::CopyOption>& options, bool is_from) {
  CopyOptions out;
  bool format_seen = false, freeze_seen = false, header_seen = false, encoding_seen = false;
  std::optional<std::string> delim, null_str, quote, escape;
  bool force_quote_seen = false, force_not_null_seen = false;
  for (const auto& o : options) {
    if (o.name == "format") {
      if (format_seen) throw Conflicting(o);
      format_seen = true;
      std::string f = StringValue(o);
      if (f == "csv") {
        out.format = CopyFormat::kCsv;
      } else if (f == "text") {
        out.format = CopyFormat::kText;
      } else if (f == "binary") {
        out.format = CopyFormat::kBinary;
      } else {
        throw DbError(SqlState::kInvalidParameterValue, fmt::format("COPY format \"{}\" not recognized", f))
            .WithPosition(o.location + 1);
      }
    } else if (o.name == "freeze") {
      if (freeze_seen) throw Conflicting(o);
      freeze_seen = true;
      out.freeze = BoolValue(o);
    } else if (o.name == "delimiter") {
      if (delim) throw Conflicting(o);
      delim = StringValue(o);
    } else if (o.name == "null") {
      if (null_str) throw Conflicting(o);
      null_str = StringValue(o);
    } else if (o.name == "header") {
      if (header_seen) throw Conflicting(o);
      header_seen = true;
      if (o.value && Lower(*o.value) == "match") {
        if (!is_from) {
          throw DbError(SqlState::kFeatureNotSupported, "cannot use \"match\" with HEADER in COPY TO");
        }
        out.header = true;
      } else {
        out.header = BoolValue(o);
      }
    } else if (o.name == "quote") {
      if (quote) throw Conflicting(o);
      quote = StringValue(o);
    } else if (o.name == "escape") {
      if (escape) throw Conflicting(o);
      escape = StringValue(o);
    } else if (o.name == "force_quote") {
      if (force_quote_seen) throw Conflicting(o);
      force_quote_seen = true;
      if (o.star) {
        out.force_quote_all = true;
      } else if (!o.columns.empty()) {
        out.force_quote = o.columns;
      } else {
        throw DbError(SqlState::kSyntaxError, fmt::format("argument to option \"{}\" must be a list of column names", o.name));
      }
    } else if (o.name == "force_not_null") {
      if (force_not_null_seen) throw Conflicting(o);
      force_not_null_seen = true;
      if (o.columns.empty()) {
        throw DbError(SqlState::kSyntaxError, fmt::format("argument to option \"{}\" must be a list of column names", o.name));
      }
      out.force_not_null = o.columns;
    } else if (o.name == "encoding") {
      if (encoding_seen) throw Conflicting(o);
      encoding_seen = true;
      std::string e = Lower(StringValue(o));
      e.erase(std::remove(e.begin(), e.end(), '-'), e.end());
      e.erase(std::remove(e.begin(), e.end(), '_'), e.end());
      if (e != "utf8" && e != "unicode" && e != "sqlascii") {
        throw DbError(SqlState::kInvalidParameterValue,
                      fmt::format("argument to option \"{}\" must be a valid encoding name", o.name));
      }
    } else {
      throw DbError(SqlState::kSyntaxError, fmt::format("option \"{}\" not recognized", o.name))
          .WithPosition(o.location + 1);
    }
  }

  bool binary = out.format == CopyFormat::kBinary;
  bool csv = out.format == CopyFormat::kCsv;
  if (binary && delim) throw DbError(SqlState::kSyntaxError, "cannot specify DELIMITER in BINARY mode");
  if (binary && null_str) throw DbError(SqlState::kSyntaxError, "cannot specify NULL in BINARY mode");
  if (csv) {
    out.delimiter = ',';
    out.null_string.clear();
  }
  if (delim) {
    if (delim->size() != 1) {
      throw DbError(SqlState::kFeatureNotSupported, "COPY delimiter must be a single one-byte character");
    }
    out.delimiter = (*delim)[0];
  }
  if (null_str) out.null_string = *null_str;
  if (quote) {
    if (quote->size() != 1) throw DbError(SqlState::kFeatureNotSupported, "COPY quote must be a single one-byte character");
    out.quote = (*quote)[0];
  }
  out.escape = out.quote;
  if (escape) {
    if (escape->size() != 1) throw DbError(SqlState::kFeatureNotSupported, "COPY escape must be a single one-byte character");
    out.escape = (*escape)[0];
  }
  if (out.delimiter == '\n' || out.delimiter == '\r') {
    throw DbError(SqlState::kInvalidParameterValue, "COPY delimiter cannot be newline or carriage return");
  }
  if (out.null_string.find_first_of("\r\n") != std::string::npos) {
    throw DbError(SqlState::kInvalidParameterValue, "COPY null representation cannot use newline or carriage return");
  }
  if (!csv && std::string_view("\\.abcdefghijklmnopqrstuvwxyz0123456789").find(out.delimiter) != std::string_view::npos) {
    throw DbError(SqlState::kInvalidParameterValue, fmt::format("COPY delimiter cannot be \"{}\"", std::string(1, out.delimiter)));
  }
  if (binary && header_seen && out.header) throw DbError(SqlState::kFeatureNotSupported, "cannot specify HEADER in BINARY mode");
  if (!csv && quote) throw DbError(SqlState::kFeatureNotSupported, "COPY quote available only in CSV mode");
  if (csv && out.delimiter == out.quote) {
    throw DbError(SqlState::kInvalidParameterValue, "COPY delimiter and quote must be different");
  }
  if (!csv && escape) throw DbError(SqlState::kFeatureNotSupported, "COPY escape available only in CSV mode");
  if (!csv && force_quote_seen) throw DbError(SqlState::kFeatureNotSupported, "COPY force quote available only in CSV mode");
  if (force_quote_seen && is_from) {
    throw DbError(SqlState::kFeatureNotSupported, "COPY force quote only available using COPY TO");
  }
  if (!csv && force_not_null_seen) {
    throw DbError(SqlState::kFeatureNotSupported, "COPY force not null available only in CSV mode");
  }
  if (force_not_null_seen && !is_from) {
    throw DbError(SqlState::kFeatureNotSupported, "COPY force not null only available using COPY FROM");
  }
  if (!binary && out.null_string.find(out.delimiter) != std::string::npos) {
    throw DbError(SqlState::kInvalidParameterValue, "COPY delimiter must not appear in the NULL specification");
  }
  if (csv && out.null_string.find(out.quote) != std::string::npos) {
    throw DbError(SqlState::kInvalidParameterValue, "CSV quote character must not appear in the NULL specification");
  }
  return out;
}

}  // namespace basalt::engine::copy
