// server/log_setup.hpp
//
// Where basaltd's log lines go and in which format, from the settings (read
// once at startup; changing them needs a restart):
//   log_destination     'stderr' (text lines), 'jsonlog' (one JSON object per
//                       line), or both, comma-separated (PostgreSQL's names;
//                       csvlog, syslog and eventlog are refused)
//   logging_collector   off: lines go to stderr; on: to files in log_directory
//   log_directory       relative to the data directory ('log')
//   log_filename        strftime pattern expanded once at startup
//                       ('basalt-%Y-%m-%d_%H%M%S.log'); JSON lines go to the
//                       same name with the extension .json, as PostgreSQL does
//   log_rotation_size   a file is rotated when it reaches this size (kB,
//                       10MB; 0 = never); rotated files get .1, .2, ... and
//                       the oldest beyond log_file_count (10) is removed
// Every logger (the server's and spdlog's default) writes to the same sinks.
#pragma once

#include <filesystem>
#include <spdlog/formatter.h>
#include <string>

#include "conf/settings.hpp"

namespace basalt::server {

// Applies the settings above; returns an error message ("" on success).
std::string ConfigureLogging(const conf::Settings& settings, const std::filesystem::path& data_dir);

// One JSON object per line: timestamp (UTC, ISO 8601 with milliseconds),
// pid, level, logger, conn (when the message starts "conn N: "), message.
class JsonLogFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override;
  std::unique_ptr<spdlog::formatter> clone() const override;
};

// `s` as a JSON string body (without quotes), escaped per RFC 8259.
void AppendJsonEscaped(std::string_view s, std::string& out);

}  // namespace basalt::server
