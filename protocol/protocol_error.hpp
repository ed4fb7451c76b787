// protocol/protocol_error.hpp
//
// ProtocolError is what the protocol layer throws when the bytes a client sent
// cannot be a valid PostgreSQL v3 message (bad length, unknown type byte,
// truncated field, missing NUL terminator, ...). protocol/ knows nothing about
// SQLSTATEs; server/ maps kViolation to 08P01 and kUnsupportedVersion to 0A000,
// sends one FATAL ErrorResponse and closes the connection. A ProtocolError never
// takes the server down.
#pragma once

#include <stdexcept>
#include <string>

namespace basalt::protocol {

class ProtocolError : public std::runtime_error {
 public:
  enum class Kind {
    kViolation,           // malformed frame or message (PostgreSQL: 08P01)
    kUnsupportedVersion,  // startup packet asks for a protocol we do not speak (0A000)
  };

  explicit ProtocolError(std::string message, Kind kind = Kind::kViolation)
      : std::runtime_error(std::move(message)), kind_(kind) {}

  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

}  // namespace basalt::protocol
