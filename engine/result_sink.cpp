// engine/result_sink.cpp
//
// Defaults of ResultSink's COPY calls: a sink that is not connected to a
// client (tests, internal callers) refuses COPY STDIN/STDOUT with 0A000.
#include "engine/engine.hpp"

namespace basalt::engine {
namespace {
[[noreturn]] void NoCopy() {
  throw DbError(SqlState::kFeatureNotSupported, "COPY to or from a client is not supported in this context");
}
}  // namespace

void ResultSink::BeginCopyIn(int8_t, int) { NoCopy(); }
bool ResultSink::ReadCopyData(std::string&) { NoCopy(); }
void ResultSink::BeginCopyOut(int8_t, int) { NoCopy(); }
void ResultSink::CopyData(std::string_view) { NoCopy(); }
void ResultSink::EndCopyOut() { NoCopy(); }

}  // namespace basalt::engine
