// server/session_copy.cpp
//
// The client side of COPY FROM STDIN while the statement runs on a worker
// (https://www.postgresql.org/docs/15/protocol-flow.html#PROTOCOL-COPY):
// the engine pulls CopyData payloads through ReadCopyDataOnWorker, which reads
// the socket synchronously, exactly like FlushFromWorker writes it: the
// connection coroutine is suspended in RunBlocking, so the worker has the
// decoder and the socket to itself, and a slow client throttles the COPY
// instead of filling memory.
//
// As in PostgreSQL's CopyGetData: CopyData -> payload; CopyDone -> end;
// CopyFail -> ERROR 57014 "COPY from stdin failed: <msg>"; Flush and Sync are
// ignored (libpq-style drivers send them without knowing the command was a
// COPY); any other message is FATAL 08P01. EOF is FATAL too: the engine rolls
// the transaction back and the session closes.
#include <poll.h>

#include <cerrno>

#include <boost/asio/read.hpp>
#include <fmt/format.h>

#include "server/error_conversion.hpp"
#include "server/session.hpp"

namespace basalt::server {

namespace asio = boost::asio;
using engine::DbError;
using engine::SqlState;

namespace {

constexpr size_t kCopyReadChunk = 64 * 1024;

char TypeByte(const protocol::FrontendMessage& m) {
  static constexpr char kTypes[] = {0, 0, 0, 0, 'Q', 'P', 'B', 'D', 'E', 'S', 'H', 'C', 'X', 'p', 'd', 'c', 'f', 'F'};
  size_t i = m.index();
  return i < sizeof(kTypes) ? kTypes[i] : '?';
}

}  // namespace

bool Session::ReadCopyDataOnWorker(std::string& chunk) {
  for (;;) {
    std::optional<protocol::FrontendMessage> message;
    try {
      message = decoder_.Next();
    } catch (const protocol::ProtocolError& e) {
      throw FatalError(SqlState::kProtocolViolation, e.what());
    }
    if (message) {
      if (auto* data = std::get_if<protocol::CopyData>(&*message)) {
        chunk = std::move(data->data);
        return true;
      }
      if (std::holds_alternative<protocol::CopyDone>(*message)) return false;
      if (auto* fail = std::get_if<protocol::CopyFail>(&*message)) {
        throw DbError(SqlState::kQueryCanceled, "COPY from stdin failed: " + fail->message);
      }
      if (std::holds_alternative<protocol::Flush>(*message) || std::holds_alternative<protocol::Sync>(*message)) {
        continue;
      }
      throw FatalError(SqlState::kProtocolViolation,
                       fmt::format("unexpected message type 0x{:02X} during COPY from stdin",
                                   static_cast<unsigned>(static_cast<unsigned char>(TypeByte(*message)))));
    }
    // Need bytes: send what is pending (CopyInResponse) first, then wait,
    // waking up regularly to notice a server shutdown.
    if (!out_.empty()) FlushFromWorker();
    if (write_failed_) throw FatalError(SqlState::kConnectionFailure, "could not send data to client");
    for (;;) {
      if (stopping_) throw FatalError(SqlState::kAdminShutdown, "terminating connection due to administrator command");
      pollfd pfd{};
      pfd.fd = socket_.native_handle();
      pfd.events = POLLIN;
      int r = ::poll(&pfd, 1, 200);
      if (r > 0) break;
      if (r < 0 && errno != EINTR) break;
    }
    std::span<char> space = decoder_.PrepareWrite(kCopyReadChunk);
    boost::system::error_code ec;
    size_t n = socket_.read_some(asio::buffer(space.data(), space.size()), ec);
    if (ec == asio::error::would_block || ec == asio::error::try_again) continue;
    if (ec) {
      write_failed_ = true;  // the connection is gone: end the session after this statement
      throw FatalError(SqlState::kConnectionFailure, "unexpected EOF on client connection with an open transaction");
    }
    decoder_.Commit(n);
  }
}

}  // namespace basalt::server
