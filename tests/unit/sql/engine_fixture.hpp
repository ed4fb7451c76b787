// tests/unit/sql/engine_fixture.hpp
//
// An engine on a fresh temporary data directory and a session whose results
// are captured as text: one line per row ("a|b", NULL as "<null>"), then the
// command tag. Errors are captured as "ERROR <sqlstate>: <message>".
#pragma once

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "conf/settings.hpp"
#include "engine/engine.hpp"

namespace basalt::test {

class CaptureSink final : public engine::ResultSink {
 public:
  std::vector<std::string> lines;
  void Columns(const std::vector<engine::ColumnInfo>& cols) override {
    std::string l = "cols:";
    for (const auto& c : cols) l += " " + c.name;
    lines.push_back(l);
  }
  void BeginRow(int) override { row_.clear(); first_ = true; }
  void Field(std::string_view text) override { Sep(); row_ += text; }
  void NullField() override { Sep(); row_ += "<null>"; }
  void EndRow() override { lines.push_back(row_); }
  void Complete(std::string_view tag) override { lines.push_back(std::string(tag)); }
  void Empty() override { lines.push_back("EMPTY"); }
  void Notice(const engine::DbError& n) override { lines.push_back("NOTICE " + n.message()); }
  void ParameterChanged(std::string_view, std::string_view) override {}

 private:
  void Sep() {
    if (!first_) row_ += "|";
    first_ = false;
  }
  std::string row_;
  bool first_ = true;
};

class EngineFixture {
 public:
  EngineFixture() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("basalt-unit-" + std::to_string(rd()));
    engine::Engine::InitDataDir(dir_, engine::InitOptions{});
    engine_ = engine::Engine::Open(dir_, settings_);
    session_ = engine_->Connect("basalt", "basalt", settings_);
  }
  ~EngineFixture() {
    session_.reset();
    engine_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Runs `sql` and returns the captured lines.
  std::vector<std::string> Run(std::string_view sql) {
    CaptureSink sink;
    try {
      session_->ExecuteSimple(sql, sink);
    } catch (const engine::DbError& e) {
      sink.lines.push_back("ERROR " + std::string(e.code().code()) + ": " + e.message());
    }
    return sink.lines;
  }

  engine::SqlSession& session() { return *session_; }

 private:
  std::filesystem::path dir_;
  conf::Settings settings_;
  std::unique_ptr<engine::Engine> engine_;
  std::unique_ptr<engine::SqlSession> session_;
};

}  // namespace basalt::test
