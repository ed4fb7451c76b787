// Record and field splitting follows CopyReadLineText/CopyReadLineCSV and
// CopyReadAttributesText/CopyReadAttributesCSV in PostgreSQL 15's
// src/backend/commands/copyfromparse.c; binary follows CopyReadBinaryTuple.
#include "engine/copy/copy_reader.hpp"

#include <fmt/format.h>

#include <cstring>

namespace basalt::engine::copy {
namespace {

constexpr char kBinarySignature[11] = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', '\377', '\r', '\n', '\0'};

DbError BadFormat(std::string message) { return DbError(SqlState::kBadCopyFileFormat, std::move(message)); }

int32_t ReadInt32(const char* p) {
  uint32_t v = (uint32_t{static_cast<uint8_t>(p[0])} << 24) | (uint32_t{static_cast<uint8_t>(p[1])} << 16) |
               (uint32_t{static_cast<uint8_t>(p[2])} << 8) | uint32_t{static_cast<uint8_t>(p[3])};
  return static_cast<int32_t>(v);
}

int16_t ReadInt16(const char* p) {
  uint16_t v = static_cast<uint16_t>((uint16_t{static_cast<uint8_t>(p[0])} << 8) | uint16_t{static_cast<uint8_t>(p[1])});
  return static_cast<int16_t>(v);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

CopyReader::CopyReader(const CopyOptions& options, std::vector<bool> force_not_null)
    : options_(options), force_not_null_(std::move(force_not_null)) {}

void CopyReader::Feed(std::string_view chunk) {
  Compact();
  buf_.append(chunk);
}

void CopyReader::Compact() {
  if (pos_ == 0) return;
  if (pos_ >= buf_.size()) {
    buf_.clear();
  } else {
    buf_.erase(0, pos_);
  }
  pos_ = 0;
}

CopyReader::Status CopyReader::Next(int expected_fields) {
  if (ended_) return Status::kEnd;
  switch (options_.format) {
    case CopyFormat::kText: return NextText();
    case CopyFormat::kCsv: return NextCsv();
    case CopyFormat::kBinary: return NextBinary(expected_fields);
  }
  return Status::kEnd;
}

bool CopyReader::FindRecordEnd(size_t& end, size_t& next, bool csv) {
  bool in_quote = false;
  const size_t n = buf_.size();
  for (size_t i = pos_; i < n; ++i) {
    char c = buf_[i];
    if (csv) {
      if (in_quote) {
        if (c == options_.escape && options_.escape != options_.quote && i + 1 < n &&
            (buf_[i + 1] == options_.quote || buf_[i + 1] == options_.escape)) {
          ++i;
        } else if (c == options_.quote) {
          in_quote = false;
        }
        continue;
      }
      if (c == options_.quote) {
        in_quote = true;
        continue;
      }
    } else if (c == '\\') {
      if (i + 1 >= n) {
        if (!finished_) return false;
        continue;
      }
      ++i;  // the escaped character, even a newline, is data
      continue;
    }
    if (c == '\n') {
      end = i;
      next = i + 1;
      return true;
    }
    if (c == '\r') {
      if (i + 1 >= n && !finished_) return false;
      end = i;
      next = (i + 1 < n && buf_[i + 1] == '\n') ? i + 2 : i + 1;
      return true;
    }
  }
  if (!finished_) return false;
  if (csv && in_quote) {
    ++line_;
    raw_.assign(buf_, pos_, n - pos_);
    throw BadFormat("unterminated CSV quoted field");
  }
  end = n;
  next = n;
  return true;
}

CopyReader::Status CopyReader::NextText() {
  for (;;) {
    if (pos_ >= buf_.size() && finished_) {
      ended_ = true;
      return Status::kEnd;
    }
    size_t end = 0, next = 0;
    if (!FindRecordEnd(end, next, /*csv=*/false)) return Status::kNeedMore;
    std::string_view line(buf_.data() + pos_, end - pos_);
    pos_ = next;
    ++line_;
    raw_.assign(line);
    if (line.size() >= 2 && line[0] == '\\' && line[1] == '.') {
      if (line.size() != 2) throw BadFormat("end-of-copy marker corrupt");
      ended_ = true;
      return Status::kEnd;
    }
    if (options_.header && !header_done_) {
      header_done_ = true;
      continue;
    }
    header_done_ = true;
    SplitText(line);
    return Status::kRow;
  }
}

void CopyReader::SplitText(std::string_view line) {
  size_t count = 0;
  size_t i = 0;
  const size_t n = line.size();
  const char delim = options_.delimiter;
  for (;;) {
    size_t start = i;
    // Raw extent of the field first (a backslash hides the next character).
    while (i < n && line[i] != delim) {
      if (line[i] == '\\' && i + 1 < n) ++i;
      ++i;
    }
    std::string_view raw = line.substr(start, i - start);
    if (fields_.size() <= count) fields_.emplace_back();
    auto& f = fields_[count++];
    if (raw == options_.null_string) {
      f.reset();
    } else {
      if (!f) f.emplace();
      std::string& out = *f;
      out.clear();
      for (size_t j = 0; j < raw.size(); ++j) {
        char c = raw[j];
        if (c != '\\' || j + 1 >= raw.size()) {
          out.push_back(c);
          continue;
        }
        char e = raw[++j];
        switch (e) {
          case 'b': out.push_back('\b'); break;
          case 'f': out.push_back('\f'); break;
          case 'n': out.push_back('\n'); break;
          case 'r': out.push_back('\r'); break;
          case 't': out.push_back('\t'); break;
          case 'v': out.push_back('\v'); break;
          case 'x': {
            int v = j + 1 < raw.size() ? HexValue(raw[j + 1]) : -1;
            if (v < 0) {
              out.push_back('x');
              break;
            }
            ++j;
            int v2 = j + 1 < raw.size() ? HexValue(raw[j + 1]) : -1;
            if (v2 >= 0) {
              v = v * 16 + v2;
              ++j;
            }
            out.push_back(static_cast<char>(v));
            break;
          }
          default:
            if (e >= '0' && e <= '7') {
              int v = e - '0';
              for (int k = 0; k < 2 && j + 1 < raw.size() && raw[j + 1] >= '0' && raw[j + 1] <= '7'; ++k) {
                v = v * 8 + (raw[++j] - '0');
              }
              out.push_back(static_cast<char>(v & 0xff));
            } else {
              out.push_back(e);
            }
        }
      }
    }
    if (i >= n) break;
    ++i;  // the delimiter
  }
  fields_.resize(count);
}

CopyReader::Status CopyReader::NextCsv() {
  for (;;) {
    if (pos_ >= buf_.size() && finished_) {
      ended_ = true;
      return Status::kEnd;
    }
    size_t end = 0, next = 0;
    if (!FindRecordEnd(end, next, /*csv=*/true)) return Status::kNeedMore;
    std::string_view line(buf_.data() + pos_, end - pos_);
    pos_ = next;
    ++line_;
    raw_.assign(line);
    if (line == "\\.") {
      ended_ = true;
      return Status::kEnd;
    }
    if (options_.header && !header_done_) {
      header_done_ = true;
      continue;
    }
    header_done_ = true;
    SplitCsv(line);
    return Status::kRow;
  }
}

void CopyReader::SplitCsv(std::string_view line) {
  size_t count = 0;
  size_t i = 0;
  const size_t n = line.size();
  const char delim = options_.delimiter, quote = options_.quote, escape = options_.escape;
  for (;;) {
    if (fields_.size() <= count) fields_.emplace_back();
    auto& f = fields_[count];
    if (!f) f.emplace();
    std::string& out = *f;
    out.clear();
    size_t start = i;
    bool saw_quote = false;
    bool in_quote = false;
    while (i < n) {
      char c = line[i];
      if (in_quote) {
        if (c == escape && i + 1 < n && (line[i + 1] == quote || line[i + 1] == escape) &&
            !(escape == quote && line[i + 1] != quote)) {
          out.push_back(line[i + 1]);
          i += 2;
          continue;
        }
        if (c == quote) {
          in_quote = false;
          ++i;
          continue;
        }
        out.push_back(c);
        ++i;
        continue;
      }
      if (c == delim) break;
      if (c == quote) {
        in_quote = saw_quote = true;
        ++i;
        continue;
      }
      out.push_back(c);
      ++i;
    }
    std::string_view raw = line.substr(start, i - start);
    bool force = count < force_not_null_.size() && force_not_null_[count];
    if (!saw_quote && !force && raw == options_.null_string) f.reset();
    ++count;
    if (i >= n) break;
    ++i;
  }
  fields_.resize(count);
}

CopyReader::Status CopyReader::NextBinary(int expected_fields) {
  const size_t n = buf_.size();
  if (!header_done_) {
    if (n - pos_ < 19) {
      if (!finished_) return Status::kNeedMore;
      if (n - pos_ < 11 || std::memcmp(buf_.data() + pos_, kBinarySignature, 11) != 0) {
        throw BadFormat("COPY file signature not recognized");
      }
      throw BadFormat(n - pos_ < 15 ? "invalid COPY file header (missing flags)"
                                    : "invalid COPY file header (missing length)");
    }
    if (std::memcmp(buf_.data() + pos_, kBinarySignature, 11) != 0) {
      throw BadFormat("COPY file signature not recognized");
    }
    int32_t flags = ReadInt32(buf_.data() + pos_ + 11);
    if ((flags & (1 << 16)) != 0) throw BadFormat("invalid COPY file header (WITH OIDS)");
    if ((flags & 0xffff0000 & ~(1 << 16)) != 0) throw BadFormat("unrecognized critical flags in COPY file header");
    int32_t ext = ReadInt32(buf_.data() + pos_ + 15);
    if (ext < 0) throw BadFormat("invalid COPY file header (missing length)");
    if (n - pos_ < 19 + static_cast<size_t>(ext)) {
      if (!finished_) return Status::kNeedMore;
      throw BadFormat("invalid COPY file header (wrong length)");
    }
    pos_ += 19 + static_cast<size_t>(ext);
    header_done_ = true;
  }
  // Parse the whole tuple before consuming it, so a split tuple is retried.
  size_t p = pos_;
  auto need = [&](size_t k) -> bool {
    if (n - p >= k) return true;
    if (!finished_) return false;
    ++line_;
    throw BadFormat("unexpected EOF in COPY data");
  };
  if (p >= n && finished_) {
    ++line_;
    throw BadFormat("unexpected EOF in COPY data");
  }
  if (!need(2)) return Status::kNeedMore;
  int16_t count = ReadInt16(buf_.data() + p);
  p += 2;
  if (count == -1) {
    pos_ = p;
    ended_ = true;
    return Status::kEnd;
  }
  if (count != expected_fields) {
    ++line_;
    throw BadFormat(fmt::format("row field count is {}, expected {}", count, expected_fields));
  }
  size_t start = p;
  for (int i = 0; i < count; ++i) {
    if (!need(4)) return Status::kNeedMore;
    int32_t len = ReadInt32(buf_.data() + p);
    p += 4;
    if (len == -1) continue;
    if (len < -1) {
      ++line_;
      throw BadFormat("invalid field size");
    }
    if (!need(static_cast<size_t>(len))) return Status::kNeedMore;
    p += static_cast<size_t>(len);
  }
  // Complete: materialise the fields.
  fields_.resize(static_cast<size_t>(count));
  p = start;
  for (int i = 0; i < count; ++i) {
    int32_t len = ReadInt32(buf_.data() + p);
    p += 4;
    if (len == -1) {
      fields_[i].reset();
      continue;
    }
    if (!fields_[i]) fields_[i].emplace();
    fields_[i]->assign(buf_.data() + p, static_cast<size_t>(len));
    p += static_cast<size_t>(len);
  }
  pos_ = p;
  ++line_;
  raw_.clear();
  return Status::kRow;
}

void AppendTextField(std::string_view value, const CopyOptions& options, std::string& out) {
  for (char c : value) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\v': out += "\\v"; break;
      default:
        if (c == options.delimiter) out.push_back('\\');
        out.push_back(c);
    }
  }
}

void AppendCsvField(std::string_view value, const CopyOptions& options, bool force_quote, bool single_column,
                    std::string& out) {
  bool quote = force_quote || value == options.null_string;
  if (!quote && single_column && value == "\\.") quote = true;
  if (!quote) {
    for (char c : value) {
      if (c == options.delimiter || c == options.quote || c == '\n' || c == '\r') {
        quote = true;
        break;
      }
    }
  }
  if (!quote) {
    out.append(value);
    return;
  }
  out.push_back(options.quote);
  for (char c : value) {
    if (c == options.quote || c == options.escape) out.push_back(options.escape);
    out.push_back(c);
  }
  out.push_back(options.quote);
}

std::string_view BinaryHeader() {
  static const char kHeader[19] = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', '\377', '\r', '\n', '\0',
                                   0,   0,   0,   0,   0,   0,   0,    0};
  return std::string_view(kHeader, sizeof(kHeader));
}

}  // namespace basalt::engine::copy
