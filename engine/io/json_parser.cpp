// The strict JSON parser (with source locations), UTF-8 checks and JsonPath.
#include "engine/io/json.hpp"

#include <cassert>
#include <charconv>
#include <cmath>
#include <functional>
#include <limits>
#include <system_error>
#include <unordered_set>

#include "engine/io/json_writer.hpp"

namespace pillars {

// ---------------------------------------------------------------------------------------------
// UTF-8

std::size_t utf8SequenceLength(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  const auto byteAt = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned lead = byteAt(pos);
  if (lead < 0x80) return 1;
  // The allowed range of the second byte is what rules out overlong forms (E0, F0), UTF-16
  // surrogates (ED) and code points above U+10FFFF (F4).
  std::size_t length = 0;
  unsigned low = 0x80;
  unsigned high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead == 0xE0) {
    length = 3;
    low = 0xA0;
  } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
    length = 3;
  } else if (lead == 0xED) {
    length = 3;
    high = 0x9F;
  } else if (lead == 0xF0) {
    length = 4;
    low = 0x90;
  } else if (lead >= 0xF1 && lead <= 0xF3) {
    length = 4;
  } else if (lead == 0xF4) {
    length = 4;
    high = 0x8F;
  } else {
    return 0;
  }
  if (text.size() - pos < length) return 0;
  const unsigned second = byteAt(pos + 1);
  if (second < low || second > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    const unsigned next = byteAt(pos + i);
    if (next < 0x80 || next > 0xBF) return 0;
  }
  return length;
}

namespace {

void appendUtf8(std::string& out, std::uint32_t codePoint) {
  if (codePoint < 0x80) {
    out.push_back(static_cast<char>(codePoint));
  } else if (codePoint < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (codePoint >> 6)));
    out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
  } else if (codePoint < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (codePoint >> 12)));
    out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (codePoint >> 18)));
    out.push_back(static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (codePoint & 0x3F)));
  }
}

// Decodes a sequence already validated by utf8SequenceLength.
std::uint32_t decodeUtf8(std::string_view text, std::size_t pos, std::size_t length) {
  const auto byteAt = [&](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(text[i]));
  };
  if (length == 1) return byteAt(pos);
  std::uint32_t codePoint = byteAt(pos) & (0xFFu >> (length + 1));
  for (std::size_t i = 1; i < length; ++i) codePoint = (codePoint << 6) | (byteAt(pos + i) & 0x3F);
  return codePoint;
}

std::string hex4(std::uint32_t value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string result;
  for (int shift = 12; shift >= 0; shift -= 4) result.push_back(kHex[(value >> shift) & 0xF]);
  return result;
}

// "U+00E9", at least four hex digits as is customary.
std::string codePointName(std::uint32_t codePoint) {
  std::string result = "U+";
  if (codePoint > 0xFFFF) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (int shift = 20; shift >= 16; shift -= 4) {
      const std::uint32_t digit = (codePoint >> shift) & 0xF;
      if (digit != 0 || shift == 16 || result.size() > 2) result.push_back(kHex[digit]);
    }
  }
  result += hex4(codePoint & 0xFFFF);
  return result;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool isHexDigit(char c) {
  return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isIdentifierChar(char c) {
  return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// Characters that plausibly belong to one mistyped number or literal token ("01", "1.5.3",
// "0x1F", "-Infinity"), so the error can quote the whole token the user wrote.
bool isTokenChar(char c) { return isIdentifierChar(c) || c == '.' || c == '+' || c == '-'; }

std::uint32_t hexValue(char c) {
  if (isDigit(c)) return static_cast<std::uint32_t>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<std::uint32_t>(c - 'a' + 10);
  return static_cast<std::uint32_t>(c - 'A' + 10);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Parser

/// Recursive-descent parser with incremental line/column tracking. Errors are reported by
/// returning false after recording the first failure; no exceptions, so no input can escape.
class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : m_text(text) {}

  std::variant<JsonValue, JsonError> run() {
    static constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (m_text.substr(0, kBom.size()) == kBom) {
      // Editors do not show the BOM, so columns start after it.
      m_pos = kBom.size();
      m_lineStart = m_pos;
      m_columnPos = m_pos;
    }
    skipWhitespace();
    if (atEnd()) {
      fail(m_pos, "empty document");
      return std::move(m_error);
    }
    JsonValue root;
    if (!parseValue(root, 0)) return std::move(m_error);
    skipWhitespace();
    if (!atEnd()) {
      if (!failOnCommonMistake(m_pos)) {
        fail(m_pos, "unexpected " + describe(m_pos) + " after the JSON value");
      }
      return std::move(m_error);
    }
    return root;
  }

 private:
  static constexpr std::size_t kMaxQuotedToken = 40;

  bool atEnd() const { return m_pos >= m_text.size(); }
  char peek() const { return m_text[m_pos]; }

  // Only valid for positions on the current line (from m_lineStart on), which is all the parser
  // ever asks for: anything located on an earlier line is located before skipping past it.
  SourceLocation locationAt(std::size_t pos) {
    assert(pos >= m_lineStart);
    // Positions are requested in increasing order within a line, so counting forward from the
    // previous request keeps column tracking linear even for huge single-line documents.
    if (pos < m_columnPos) {
      m_columnPos = m_lineStart;
      m_column = 1;
    }
    const std::size_t end = pos < m_text.size() ? pos : m_text.size();
    for (std::size_t i = m_columnPos; i < end; ++i) {
      // Count code points: every byte except UTF-8 continuation bytes starts a character.
      if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) ++m_column;
    }
    if (end > m_columnPos) m_columnPos = end;
    return SourceLocation{m_line, static_cast<int>(m_column)};
  }

  bool fail(std::size_t pos, std::string message) {
    return fail(locationAt(pos), std::move(message));
  }

  bool fail(SourceLocation location, std::string message) {
    m_error = JsonError{location, std::move(message)};
    return false;
  }

  // Common mistakes deserve a precise message rather than a generic "expected ...".
  // Returns true if it recorded such an error.
  bool failOnCommonMistake(std::size_t pos) {
    if (pos >= m_text.size()) return false;
    const char c = m_text[pos];
    if (c == '/' && pos + 1 < m_text.size() && (m_text[pos + 1] == '/' || m_text[pos + 1] == '*')) {
      return !fail(pos, "comments are not allowed in JSON");
    }
    if (c == '\'') return !fail(pos, "strings must use double quotes");
    return false;
  }

  // A short human description of the character at pos, for "found ..." messages.
  std::string describe(std::size_t pos) const {
    if (pos >= m_text.size()) return "end of input";
    const auto byte = static_cast<unsigned char>(m_text[pos]);
    if (byte >= 0x20 && byte < 0x7F) return std::string("'") + static_cast<char>(byte) + "'";
    if (byte < 0x80) return "control character " + codePointName(byte);
    const std::size_t length = utf8SequenceLength(m_text, pos);
    if (length == 0) return "invalid UTF-8 byte 0x" + hex4(byte).substr(2);
    return "character " + codePointName(decodeUtf8(m_text, pos, length));
  }

  std::string quotedToken(std::size_t start, std::size_t end) const {
    std::string token(m_text.substr(start, end - start));
    if (token.size() > kMaxQuotedToken) token = token.substr(0, kMaxQuotedToken) + "...";
    return "\"" + token + "\"";
  }

  void newLine(std::size_t nextLineStart) {
    ++m_line;
    m_lineStart = nextLineStart;
    m_columnPos = nextLineStart;
    m_column = 1;
  }

  void skipWhitespace() {
    while (m_pos < m_text.size()) {
      const char c = m_text[m_pos];
      if (c == ' ' || c == '\t') {
        ++m_pos;
      } else if (c == '\n') {
        ++m_pos;
        newLine(m_pos);
      } else if (c == '\r') {
        ++m_pos;
        // A lone CR (classic Mac) ends a line too; in CRLF the LF does it.
        if (m_pos >= m_text.size() || m_text[m_pos] != '\n') newLine(m_pos);
      } else {
        return;
      }
    }
  }

  bool parseValue(JsonValue& out, int depth) {
    const std::size_t start = m_pos;
    out.m_location = locationAt(start);
    if (atEnd()) return fail(start, "unexpected end of input, expected a value");
    const char c = peek();
    switch (c) {
      case '{':
        return parseObject(out, depth);
      case '[':
        return parseArray(out, depth);
      case '"':
        out.m_type = JsonValue::Type::String;
        return parseString(out.m_string);
      case '-':
      case '+':
      case '.':
      case '0': case '1': case '2': case '3': case '4':
      case '5': case '6': case '7': case '8': case '9':
        return parseNumber(out);
      default:
        break;
    }
    if (isIdentifierChar(c)) return parseLiteral(out);
    if (failOnCommonMistake(start)) return false;
    return fail(start, "expected a value, found " + describe(start));
  }

  bool parseLiteral(JsonValue& out) {
    const std::size_t start = m_pos;
    std::size_t end = start;
    while (end < m_text.size() && isIdentifierChar(m_text[end])) ++end;
    const std::string_view word = m_text.substr(start, end - start);
    if (word == "true" || word == "false") {
      out.m_type = JsonValue::Type::Bool;
      out.m_bool = word == "true";
    } else if (word == "null") {
      out.m_type = JsonValue::Type::Null;
    } else if (word == "NaN" || word == "Infinity") {
      return fail(start,
                  "invalid value " + quotedToken(start, end) + " (JSON has no NaN or Infinity)");
    } else {
      return fail(start, "invalid literal " + quotedToken(start, end));
    }
    m_pos = end;
    return true;
  }

  bool parseNumber(JsonValue& out) {
    const std::size_t start = m_pos;
    const std::size_t size = m_text.size();
    std::size_t i = start;
    bool valid = true;
    bool integral = true;
    const auto digitAt = [&](std::size_t k) { return k < size && isDigit(m_text[k]); };

    // The RFC 8259 grammar: -? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?
    if (i < size && m_text[i] == '-') ++i;
    if (i < size && m_text[i] == '0') {
      ++i;
    } else if (digitAt(i)) {
      while (digitAt(i)) ++i;
    } else {
      valid = false;
    }
    if (valid && i < size && m_text[i] == '.') {
      integral = false;
      ++i;
      if (!digitAt(i)) valid = false;
      while (digitAt(i)) ++i;
    }
    if (valid && i < size && (m_text[i] == 'e' || m_text[i] == 'E')) {
      integral = false;
      ++i;
      if (i < size && (m_text[i] == '+' || m_text[i] == '-')) ++i;
      if (!digitAt(i)) valid = false;
      while (digitAt(i)) ++i;
    }
    // "01", "1.5.3", "1e5x": the grammar matched a prefix but the token goes on.
    if (valid && i < size && isTokenChar(m_text[i])) valid = false;
    if (!valid) {
      std::size_t end = start;
      while (end < size && isTokenChar(m_text[end])) ++end;
      if (end == start) end = start + 1;
      return fail(start, "invalid number " + quotedToken(start, end));
    }

    const char* first = m_text.data() + start;
    const char* last = m_text.data() + i;
    out.m_type = JsonValue::Type::Number;
    m_pos = i;
    const bool negativeZero = i - start == 2 && first[0] == '-' && first[1] == '0';
    if (integral && !negativeZero) {
      // Integer literals are kept exactly; "-0" is left to the double path to keep its sign.
      std::int64_t value = 0;
      const auto result = std::from_chars(first, last, value);
      if (result.ec == std::errc() && result.ptr == last) {
        out.m_isIntStorage = true;
        out.m_int = value;
        out.m_double = static_cast<double>(value);
        return true;
      }
    }
    double value = 0.0;
    const auto result = std::from_chars(first, last, value);
    if (result.ec == std::errc() && result.ptr == last) {
      out.m_double = value;
      return true;
    }
    if (result.ec == std::errc::result_out_of_range && isUnderflow(start, i)) {
      // Too small to represent: the nearest double is zero, which is not a loss of meaning.
      out.m_double = first[0] == '-' ? -0.0 : 0.0;
      return true;
    }
    return fail(start, "number " + quotedToken(start, i) + " is out of range");
  }

  // Given a grammatically valid number that from_chars rejected as out of range, decides
  // whether it is tiny (underflow) or huge (overflow) from its decimal magnitude.
  bool isUnderflow(std::size_t start, std::size_t end) const {
    std::size_t i = start;
    if (m_text[i] == '-') ++i;
    std::int64_t magnitude = 0;
    bool found = false;
    std::int64_t integerDigits = 0;
    while (i < end && isDigit(m_text[i])) {
      if (!found && m_text[i] != '0') {
        found = true;
        magnitude = -integerDigits;  // completed below once the digit count is known
      }
      ++integerDigits;
      ++i;
    }
    if (found) magnitude += integerDigits - 1;
    if (i < end && m_text[i] == '.') {
      ++i;
      std::int64_t fractionIndex = 0;
      while (i < end && isDigit(m_text[i])) {
        if (!found && m_text[i] != '0') {
          found = true;
          magnitude = -(fractionIndex + 1);
        }
        ++fractionIndex;
        ++i;
      }
    }
    std::int64_t exponent = 0;
    if (i < end && (m_text[i] == 'e' || m_text[i] == 'E')) {
      ++i;
      bool negative = false;
      if (m_text[i] == '+' || m_text[i] == '-') negative = m_text[i++] == '-';
      while (i < end) {
        // Saturate: beyond a billion the exact exponent no longer matters.
        if (exponent < 1'000'000'000) exponent = exponent * 10 + (m_text[i] - '0');
        ++i;
      }
      if (negative) exponent = -exponent;
    }
    return magnitude + exponent < 0;
  }

  bool parseString(std::string& out) {
    const std::size_t start = m_pos;
    const std::size_t size = m_text.size();
    ++m_pos;  // opening quote
    while (true) {
      std::size_t run = m_pos;
      while (run < size) {
        const auto byte = static_cast<unsigned char>(m_text[run]);
        if (byte == '"' || byte == '\\' || byte < 0x20 || byte >= 0x80) break;
        ++run;
      }
      out.append(m_text.data() + m_pos, run - m_pos);
      m_pos = run;
      if (atEnd()) return fail(start, "unterminated string");
      const auto byte = static_cast<unsigned char>(peek());
      if (byte == '"') {
        ++m_pos;
        return true;
      }
      if (byte == '\\') {
        if (!parseEscape(out, start)) return false;
        continue;
      }
      if (byte == '\n' || byte == '\r') {
        return fail(m_pos, "line break in string (missing closing '\"'?)");
      }
      if (byte < 0x20) {
        return fail(m_pos, "unescaped control character " + codePointName(byte) + " in string");
      }
      const std::size_t length = utf8SequenceLength(m_text, m_pos);
      if (length == 0) return fail(m_pos, "invalid UTF-8 in string");
      out.append(m_text.data() + m_pos, length);
      m_pos += length;
    }
  }

  bool readHex4(std::size_t pos, std::uint32_t& value) const {
    if (m_text.size() - pos < 4) return false;
    value = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = m_text[pos + k];
      if (!isHexDigit(c)) return false;
      value = (value << 4) | hexValue(c);
    }
    return true;
  }

  bool parseEscape(std::string& out, std::size_t stringStart) {
    const std::size_t escape = m_pos;
    if (escape + 1 >= m_text.size()) return fail(stringStart, "unterminated string");
    const char c = m_text[escape + 1];
    m_pos = escape + 2;
    switch (c) {
      case '"': out.push_back('"'); return true;
      case '\\': out.push_back('\\'); return true;
      case '/': out.push_back('/'); return true;
      case 'b': out.push_back('\b'); return true;
      case 'f': out.push_back('\f'); return true;
      case 'n': out.push_back('\n'); return true;
      case 'r': out.push_back('\r'); return true;
      case 't': out.push_back('\t'); return true;
      case 'u': break;
      default:
        if (c > 0x20 && c < 0x7F) {
          return fail(escape, std::string("invalid escape \"\\") + c + "\" in string");
        }
        return fail(escape, "invalid escape in string");
    }
    std::uint32_t unit = 0;
    if (!readHex4(m_pos, unit)) return fail(escape, "invalid \\u escape, expected 4 hex digits");
    m_pos += 4;
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      return fail(escape, "unpaired surrogate \\u" + hex4(unit) + " in string");
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      // A high surrogate must be followed immediately by an escaped low surrogate.
      std::uint32_t low = 0;
      if (m_pos + 1 < m_text.size() && m_text[m_pos] == '\\' && m_text[m_pos + 1] == 'u' &&
          readHex4(m_pos + 2, low) && low >= 0xDC00 && low <= 0xDFFF) {
        m_pos += 6;
        appendUtf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        return true;
      }
      return fail(escape, "unpaired surrogate \\u" + hex4(unit) + " in string");
    }
    appendUtf8(out, unit);
    return true;
  }

  bool enterContainer(std::size_t pos, int depth) {
    if (depth + 1 > kJsonMaxDepth) {
      return fail(pos, "nesting deeper than " + std::to_string(kJsonMaxDepth) + " levels");
    }
    return true;
  }

  bool failUnclosed(char open, SourceLocation openedAt) {
    return fail(m_pos, std::string("unexpected end of input: '") + open + "' at " +
                           std::to_string(openedAt.line) + ":" + std::to_string(openedAt.column) +
                           " is never closed");
  }

  bool parseArray(JsonValue& out, int depth) {
    const SourceLocation openedAt = out.m_location;
    if (!enterContainer(m_pos, depth)) return false;
    out.m_type = JsonValue::Type::Array;
    ++m_pos;
    skipWhitespace();
    if (!atEnd() && peek() == ']') {
      ++m_pos;
      return true;
    }
    while (true) {
      if (atEnd()) return failUnclosed('[', openedAt);
      out.m_items.emplace_back();
      if (!parseValue(out.m_items.back(), depth + 1)) return false;
      skipWhitespace();
      if (atEnd()) return failUnclosed('[', openedAt);
      const char c = peek();
      if (c == ']') {
        ++m_pos;
        return true;
      }
      if (c != ',') {
        if (failOnCommonMistake(m_pos)) return false;
        return fail(m_pos, "expected ',' or ']' after array element");
      }
      // Locate the comma now: after skipping line breaks its line can no longer be resolved.
      const SourceLocation commaAt = locationAt(m_pos);
      ++m_pos;
      skipWhitespace();
      if (!atEnd() && peek() == ']') return fail(commaAt, "trailing comma in array");
    }
  }

  // Duplicate keys are rejected. Small objects use a linear scan; larger ones switch to a hash
  // set of member indices (indices, not string_views, because the member vector reallocates).
  struct KeyHash {
    const std::vector<JsonValue::Member>* members;
    std::size_t operator()(std::size_t i) const {
      return std::hash<std::string>{}((*members)[i].first);
    }
  };
  struct KeyEqual {
    const std::vector<JsonValue::Member>* members;
    bool operator()(std::size_t a, std::size_t b) const {
      return (*members)[a].first == (*members)[b].first;
    }
  };
  static constexpr std::size_t kLinearKeyScanLimit = 16;

  bool parseObject(JsonValue& out, int depth) {
    const SourceLocation openedAt = out.m_location;
    if (!enterContainer(m_pos, depth)) return false;
    out.m_type = JsonValue::Type::Object;
    std::vector<JsonValue::Member>& members = out.m_members;
    std::unordered_set<std::size_t, KeyHash, KeyEqual> seen(0, KeyHash{&members},
                                                             KeyEqual{&members});
    ++m_pos;
    skipWhitespace();
    if (!atEnd() && peek() == '}') {
      ++m_pos;
      return true;
    }
    bool afterComma = false;
    SourceLocation commaAt;
    while (true) {
      if (atEnd()) return failUnclosed('{', openedAt);
      if (peek() != '"') {
        if (peek() == '}' && afterComma) return fail(commaAt, "trailing comma in object");
        if (failOnCommonMistake(m_pos)) return false;
        if (isIdentifierChar(peek())) {
          return fail(m_pos, "object keys must be double-quoted strings");
        }
        return fail(m_pos, "expected a string key, found " + describe(m_pos));
      }
      const SourceLocation keyAt = locationAt(m_pos);
      std::string key;
      if (!parseString(key)) return false;
      members.emplace_back(std::move(key), JsonValue());
      const std::size_t index = members.size() - 1;
      bool duplicate = false;
      if (members.size() <= kLinearKeyScanLimit) {
        for (std::size_t k = 0; k < index && !duplicate; ++k) {
          duplicate = members[k].first == members[index].first;
        }
        if (!duplicate && members.size() == kLinearKeyScanLimit) {
          for (std::size_t k = 0; k <= index; ++k) seen.insert(k);
        }
      } else {
        duplicate = !seen.insert(index).second;
      }
      if (duplicate) {
        std::string quoted;
        appendJsonString(quoted, members[index].first);
        return fail(keyAt, "duplicate key " + quoted);
      }

      skipWhitespace();
      if (atEnd()) return failUnclosed('{', openedAt);
      if (peek() != ':') {
        if (failOnCommonMistake(m_pos)) return false;
        return fail(m_pos, "expected ':' after object key");
      }
      ++m_pos;
      skipWhitespace();
      if (!parseValue(members[index].second, depth + 1)) return false;
      skipWhitespace();
      if (atEnd()) return failUnclosed('{', openedAt);
      const char c = peek();
      if (c == '}') {
        ++m_pos;
        return true;
      }
      if (c != ',') {
        if (failOnCommonMistake(m_pos)) return false;
        return fail(m_pos, "expected ',' or '}' after object member");
      }
      afterComma = true;
      commaAt = locationAt(m_pos);
      ++m_pos;
      skipWhitespace();
    }
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
  int m_line = 1;
  std::size_t m_lineStart = 0;
  // Column cache: m_column is the column of the character at byte offset m_columnPos.
  std::size_t m_columnPos = 0;
  std::size_t m_column = 1;
  JsonError m_error;
};

std::variant<JsonValue, JsonError> parseJson(std::string_view text) {
  JsonParser parser(text);
  return parser.run();
}

// ---------------------------------------------------------------------------------------------
// JsonPath

JsonPath JsonPath::root() { return JsonPath(); }

JsonPath JsonPath::key(std::string_view name) const {
  bool identifier = !name.empty() && !isDigit(name.front());
  for (const char c : name) identifier = identifier && isIdentifierChar(c);
  std::string path = m_path;
  if (identifier) {
    path.push_back('.');
    path.append(name);
  } else {
    path.push_back('[');
    appendJsonString(path, name);
    path.push_back(']');
  }
  return JsonPath(std::move(path));
}

JsonPath JsonPath::index(std::size_t i) const {
  return JsonPath(m_path + "[" + std::to_string(i) + "]");
}

}  // namespace pillars
