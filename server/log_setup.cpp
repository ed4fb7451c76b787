// server/log_setup.cpp
#include "server/log_setup.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <vector>

#include "server/server_log.hpp"

namespace basalt::server {
namespace {

constexpr const char* kTextPattern = "%Y-%m-%d %H:%M:%S.%e %^%l%$ [%n] %v";
constexpr size_t kLogFileCount = 10;

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

std::string ExpandFilename(const std::string& pattern) {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[1024];
  size_t n = std::strftime(buf, sizeof(buf), pattern.c_str(), &tm);
  return n == 0 ? pattern : std::string(buf, n);
}

}  // namespace

void AppendJsonEscaped(std::string_view s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (u < 0x20) {
          out += "\\u00";
          out += kHex[u >> 4];
          out += kHex[u & 0xf];
        } else {
          out += c;
        }
    }
  }
}

void JsonLogFormatter::format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) {
  using namespace std::chrono;
  auto since = msg.time.time_since_epoch();
  std::time_t secs = duration_cast<seconds>(since).count();
  auto millis = duration_cast<milliseconds>(since).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char ts[64];
  size_t n = std::strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S", &tm);
  std::string line;
  line.reserve(msg.payload.size() + 128);
  line += "{\"timestamp\":\"";
  line.append(ts, n);
  char frac[8];
  std::snprintf(frac, sizeof(frac), ".%03dZ", static_cast<int>(millis));
  line += frac;
  line += "\",\"pid\":";
  line += std::to_string(static_cast<long>(getpid()));
  line += ",\"level\":\"";
  auto level = spdlog::level::to_string_view(msg.level);
  line.append(level.data(), level.size());
  line += "\",\"logger\":\"";
  AppendJsonEscaped(std::string_view(msg.logger_name.data(), msg.logger_name.size()), line);
  line += '"';
  std::string_view text(msg.payload.data(), msg.payload.size());
  // "conn 12: ..." -> "conn":12 and the rest as the message.
  if (text.substr(0, 5) == "conn ") {
    size_t colon = text.find(": ");
    std::string_view id = colon == std::string_view::npos ? std::string_view() : text.substr(5, colon - 5);
    if (!id.empty() && id.find_first_not_of("0123456789") == std::string_view::npos) {
      line += ",\"conn\":";
      line.append(id);
      text = text.substr(colon + 2);
    }
  }
  line += ",\"message\":\"";
  AppendJsonEscaped(text, line);
  line += "\"}\n";
  dest.append(line.data(), line.data() + line.size());
}

std::unique_ptr<spdlog::formatter> JsonLogFormatter::clone() const { return std::make_unique<JsonLogFormatter>(); }

std::string ConfigureLogging(const conf::Settings& settings, const std::filesystem::path& data_dir) {
  bool text = false;
  bool json = false;
  std::string destinations = settings.GetString("log_destination");
  size_t start = 0;
  while (start <= destinations.size()) {
    size_t comma = destinations.find(',', start);
    std::string item = Trim(destinations.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    for (char& c : item) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (item == "stderr") {
      text = true;
    } else if (item == "jsonlog") {
      json = true;
    } else if (!item.empty()) {
      return "invalid value for parameter \"log_destination\": \"" + destinations +
             "\" (Basalt supports stderr and jsonlog)";
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (!text && !json) text = true;

  std::vector<spdlog::sink_ptr> sinks;
  try {
    if (settings.GetBool("logging_collector")) {
      std::filesystem::path dir = settings.GetString("log_directory");
      if (dir.is_relative()) dir = data_dir / dir;
      std::filesystem::create_directories(dir);
      std::filesystem::path file = dir / ExpandFilename(settings.GetString("log_filename"));
      int64_t rotation_kb = settings.GetInt("log_rotation_size");
      size_t max_bytes = rotation_kb > 0 ? static_cast<size_t>(rotation_kb) * 1024 : SIZE_MAX / 2;
      if (text) {
        auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file.string(), max_bytes, kLogFileCount);
        sink->set_formatter(std::make_unique<spdlog::pattern_formatter>(kTextPattern));
        sinks.push_back(sink);
      }
      if (json) {
        std::filesystem::path json_file = file;
        json_file.replace_extension(".json");
        auto sink =
            std::make_shared<spdlog::sinks::rotating_file_sink_mt>(json_file.string(), max_bytes, kLogFileCount);
        sink->set_formatter(std::make_unique<JsonLogFormatter>());
        sinks.push_back(sink);
      }
    } else {
      if (text) {
        auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        sink->set_formatter(std::make_unique<spdlog::pattern_formatter>(kTextPattern));
        sinks.push_back(sink);
      }
      if (json) {
        auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
        sink->set_formatter(std::make_unique<JsonLogFormatter>());
        sinks.push_back(sink);
      }
    }
  } catch (const std::exception& e) {
    return std::string("could not open log file: ") + e.what();
  }
  // Startup is single-threaded, so the existing loggers' sinks can be swapped.
  for (const auto& logger : {Log(), spdlog::default_logger()}) {
    logger->sinks() = sinks;
    logger->flush_on(spdlog::level::info);
  }
  return "";
}

}  // namespace basalt::server
