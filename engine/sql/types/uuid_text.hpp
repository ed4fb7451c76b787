// engine/sql/types/uuid_text.hpp
//
// Text forms of uuid (uuid.c: string_to_uuid, uuid_out) and "char" (char.c:
// charin, charout). A uuid Value is its 16 bytes; a "char" Value is 0 or 1
// byte (the empty string is '\0').
#pragma once

#include <string>
#include <string_view>

namespace basalt::engine::sql {

// Accepts 32 hex digits, optionally in braces, with an optional '-' after
// any group of four digits; 22P02 otherwise.
std::string ParseUuid(std::string_view text);
// Lower-case 8-4-4-4-12.
void AppendUuid(std::string_view bytes, std::string& out);
// gen_random_uuid(): version 4, variant 10xx, from a CSPRNG.
std::string RandomUuid();

// charin: "\ooo" is an octal byte, otherwise the first byte ('' -> '\0').
std::string ParseChar(std::string_view text);
// charout: bytes with the high bit set print as \ooo, '\0' as ''.
void AppendChar(std::string_view bytes, std::string& out);

}  // namespace basalt::engine::sql
