// protocol/decoder.hpp
//
// Decoder turns the byte stream a client sends into FrontendMessages. It is
// incremental: bytes arrive in any split (down to one byte at a time), Next()
// returns a message once its whole frame is buffered and nullopt while more
// bytes are needed. It never waits and never looks at SQL.
//
// Phases: the decoder starts in the startup phase (packets without a type
// byte). SSLRequest and GSSENCRequest keep it there (the client follows up with
// another startup packet after our 'N'); a StartupMessage moves it to the typed
// phase for the rest of the connection.
//
// Limits, as PostgreSQL enforces them: a startup packet is at most 10000 bytes;
// a typed message at most max_message_size (default 1 GiB - 1), and the small
// control messages (Describe, Execute, Close, Sync, Flush, Terminate,
// CopyDone) at most 10000 bytes. Any violation throws ProtocolError; after that
// the decoder must not be used again (the connection is closed).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "protocol/frontend_messages.hpp"

namespace basalt::protocol {

inline constexpr size_t kDefaultMaxMessageSize = (size_t{1} << 30) - 1;
inline constexpr size_t kMaxStartupPacketSize = 10000;
inline constexpr size_t kSmallMessageLimit = 10000;

class Decoder {
 public:
  explicit Decoder(size_t max_message_size = kDefaultMaxMessageSize);

  // Appends received bytes.
  void Feed(std::string_view bytes);

  // Zero-copy alternative to Feed for socket reads: returns writable space of at
  // least `min_size` bytes at the end of the buffer; then Commit(n) the bytes read.
  std::span<char> PrepareWrite(size_t min_size);
  void Commit(size_t n);

  // The next complete message, or nullopt if more bytes are needed.
  // Throws ProtocolError on malformed input.
  std::optional<FrontendMessage> Next();

  bool in_startup_phase() const { return startup_phase_; }
  // The type byte of the next buffered message after the startup phase, or
  // '\0' when nothing is buffered (the message itself may be incomplete).
  char PeekType() const { return !startup_phase_ && end_ > begin_ ? buf_[begin_] : '\0'; }
  // Bytes received but not yet returned as messages.
  size_t buffered() const { return end_ - begin_; }

 private:
  std::optional<FrontendMessage> NextStartup();
  std::optional<FrontendMessage> NextTyped();
  void Compact();

  std::string buf_;   // [begin_, end_) holds unread bytes; [end_, size) is free space
  size_t begin_ = 0;
  size_t end_ = 0;
  size_t max_message_size_;
  bool startup_phase_ = true;
};

// Decodes the body of one typed message (without its type byte and length).
// Exposed for tests and fuzzers; Decoder::Next uses it.
FrontendMessage DecodeTypedMessage(char type, std::string_view body);

// Decodes one startup packet body (after the length word).
FrontendMessage DecodeStartupPacket(std::string_view body);

}  // namespace basalt::protocol
