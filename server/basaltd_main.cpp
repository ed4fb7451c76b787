// server/basaltd_main.cpp
//
// basaltd: the Basalt server process.
//
//   basaltd -D DIR [-p PORT] [-h LISTEN_ADDRESSES] [-c name=value]...
//
// Settings are applied in increasing priority: built-in defaults, DIR/basalt.conf,
// BASALT_<NAME> environment variables, then -c, -p and -h. The data directory
// must have been created by `basalt init` and is claimed with DIR/basaltd.pid.
// SIGTERM or SIGINT stops the server cleanly (stop accepting, end every
// connection, close the engine) and exits 0.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <pthread.h>
#include <string>
#include <vector>

#include "auth/hba.hpp"
#include "auth/scram.hpp"
#include "conf/settings.hpp"
#include "engine/engine.hpp"
#include "server/log_setup.hpp"
#include "server/metrics_http.hpp"
#include "server/pid_file.hpp"
#include "server/server.hpp"
#include "server/server_log.hpp"
#include "server/server_metrics.hpp"

namespace {

namespace fs = std::filesystem;
using basalt::conf::SettingSource;

int Fail(const std::string& message) {
  std::fprintf(stderr, "basaltd: %s\n", message.c_str());
  return 1;
}

std::string Describe(const basalt::conf::SetResult& r) {
  std::string s = r.message;
  if (!r.detail.empty()) s += " (" + r.detail + ")";
  if (!r.hint.empty()) s += "\nHINT: " + r.hint;
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  // Block the stop signals before any thread exists so that every thread
  // inherits the mask and only sigwait() below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  CLI::App app{"basaltd: the Basalt PostgreSQL-compatible database server"};
  app.set_help_flag("--help", "Print this help message and exit");
  std::string data_dir;
  std::optional<int> port;
  std::optional<std::string> listen_addresses;
  std::vector<std::string> assignments;
  app.add_option("-D,--pgdata", data_dir, "Data directory (created with `basalt init`)")->envname("BASALT_DATA");
  app.add_option("-p,--port", port, "TCP port to listen on")->check(CLI::Range(1, 65535));
  app.add_option("-h,--listen-addresses", listen_addresses, "Comma-separated addresses to listen on ('*' = all)");
  app.add_option("-c", assignments, "Set a configuration parameter (name=value); may be repeated")
      ->take_all()
      ->allow_extra_args(false);
  CLI11_PARSE(app, argc, argv);

  spdlog::set_pattern("%Y-%m-%d %H:%M:%S.%e %^%l%$ [%n] %v");
  auto log = basalt::server::Log();

  if (data_dir.empty()) return Fail("no data directory specified; use -D DIR or set BASALT_DATA");
  fs::path dir(data_dir);
  if (!basalt::engine::Engine::IsDataDir(dir)) {
    return Fail("directory \"" + data_dir + "\" is not a Basalt data directory; create one with basalt init -D " +
                data_dir);
  }

  basalt::conf::Settings settings;
  fs::path conf_file = dir / "basalt.conf";
  if (fs::exists(conf_file)) {
    if (auto r = basalt::conf::LoadConfigFile(conf_file, settings); !r.ok()) return Fail(Describe(r));
  }
  if (auto r = basalt::conf::ApplyEnvironment(settings); !r.ok()) return Fail(Describe(r));
  for (const std::string& a : assignments) {
    size_t eq = a.find('=');
    if (eq == std::string::npos || eq == 0) return Fail("-c requires name=value, got \"" + a + "\"");
    if (auto r = settings.Set(a.substr(0, eq), a.substr(eq + 1), SettingSource::kCommandLine); !r.ok())
      return Fail(Describe(r));
  }
  if (port) {
    if (auto r = settings.Set("port", std::to_string(*port), SettingSource::kCommandLine); !r.ok())
      return Fail(Describe(r));
  }
  if (listen_addresses) {
    if (auto r = settings.Set("listen_addresses", *listen_addresses, SettingSource::kCommandLine); !r.ok())
      return Fail(Describe(r));
  }

  if (std::string error = basalt::server::ConfigureLogging(settings, dir); !error.empty()) return Fail(error);

  std::optional<basalt::server::PidFile> pid_file;
  try {
    pid_file.emplace(dir / "basaltd.pid");
  } catch (const std::exception& e) {
    return Fail(e.what());
  }

  // The metrics side port comes up first, so /health answers (and /ready says
  // 503) while the data directory is opened. A port that cannot be bound
  // (another basaltd on this machine) disables metrics with a warning.
  basalt::server::ServerMetrics metrics;
  std::optional<basalt::server::MetricsHttpServer> metrics_http;
  if (int64_t metrics_port = settings.GetInt("metrics_port"); metrics_port > 0) {
    metrics_http.emplace(metrics, settings.GetString("metrics_listen_addresses"),
                         static_cast<uint16_t>(metrics_port));
    try {
      metrics_http->Start();
    } catch (const std::exception& e) {
      // Serving queries matters more than serving metrics: say so loudly and go on.
      log->warn("metrics endpoint disabled: {} (metrics_port = {})", e.what(), metrics_port);
      metrics_http.reset();
    }
  }

  std::string hba_setting = settings.GetString("hba_file");
  fs::path hba_path = hba_setting.empty() ? dir / "hba.conf" : fs::path(hba_setting);
  basalt::auth::HbaRules hba;
  try {
    hba = basalt::auth::HbaRules::Load(hba_path);
  } catch (const std::exception& e) {
    return Fail(std::string("could not load hba file: ") + e.what());
  }

  std::unique_ptr<basalt::engine::Engine> engine;
  try {
    engine = basalt::engine::Engine::Open(dir, settings);
  } catch (const std::exception& e) {
    return Fail(std::string("could not open data directory \"") + data_dir + "\": " + e.what());
  }
  engine->SetPasswordVerifierMaker([](std::string_view password, std::string_view role, std::string_view method) {
    return method == "md5" ? basalt::auth::MakeMd5Verifier(password, role) : basalt::auth::MakeScramVerifier(password);
  });

  metrics.SetEngine(engine.get());

  {
    basalt::server::ServerOptions options = basalt::server::ServerOptions::FromSettings(settings);
    basalt::server::Server server(*engine, settings, std::move(hba), options);
    server.SetMetrics(metrics);
    try {
      server.Start();
    } catch (const std::exception& e) {
      metrics.SetEngine(nullptr);
      return Fail(e.what());
    }
    metrics.SetReady(true);
    log->info("database system is ready to accept connections (pid {})", static_cast<long>(getpid()));

    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    metrics.SetReady(false);
    log->info("received {}, shutting down", signal_number == SIGTERM ? "SIGTERM" : "SIGINT");
    server.Stop();
    server.Wait();
  }
  metrics.SetEngine(nullptr);
  engine.reset();
  log->info("database system is shut down");
  return 0;
}
