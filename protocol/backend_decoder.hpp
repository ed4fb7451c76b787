// protocol/backend_decoder.hpp
//
// The client side of the framing: decodes the messages a server sends, from a
// byte stream fed in any split. Used by tests and wire-level tools (and handy
// to check Encoder output); the server never calls it. Malformed input throws
// ProtocolError.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "protocol/backend_messages.hpp"

namespace basalt::protocol {

class BackendDecoder {
 public:
  void Feed(std::string_view bytes) { buf_.append(bytes); }

  // The next complete message, or nullopt if more bytes are needed.
  std::optional<backend::Message> Next();

  // For the single-byte SSLRequest answer: takes one raw byte, if buffered.
  std::optional<char> NextByte();

  size_t buffered() const { return buf_.size() - pos_; }

 private:
  std::string buf_;
  size_t pos_ = 0;
};

// Decodes the body of one backend message of type `type`.
backend::Message DecodeBackendMessage(char type, std::string_view body);

}  // namespace basalt::protocol
