#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace pillars {

/// A position in a source text; 1-based, 0 means unknown (e.g. a value built in code).
struct SourceLocation {
  int line = 0;
  int column = 0;  // counted in characters (UTF-8 code points), not bytes
};

/// A JSON document node that remembers where it came from, so that later semantic checks can
/// still point at the exact line and column of an offending value.
class JsonValue {
 public:
  enum class Type { Null, Bool, Number, String, Array, Object };
  using Member = std::pair<std::string, JsonValue>;

  JsonValue() = default;  // null

  static JsonValue null();
  static JsonValue boolean(bool value);
  static JsonValue number(double value);
  static JsonValue integer(std::int64_t value);
  static JsonValue string(std::string value);
  static JsonValue array();
  static JsonValue object();

  Type type() const { return m_type; }
  bool isNull() const { return m_type == Type::Null; }
  bool isBool() const { return m_type == Type::Bool; }
  bool isNumber() const { return m_type == Type::Number; }
  bool isString() const { return m_type == Type::String; }
  bool isArray() const { return m_type == Type::Array; }
  bool isObject() const { return m_type == Type::Object; }

  /// "null", "boolean", "number", "string", "array" or "object", for error messages.
  const char* typeName() const;

  // The accessors never fail: on a type mismatch they return false / 0 / an empty string or
  // container, so a loader that forgot a type check degrades into a validation error, not a crash.
  bool asBool() const;
  double asNumber() const;
  /// True for numbers whose value is an integer representable as int64: integer literals in
  /// range, and other numbers (1.0, 1e3, integer()) with an exact integral value.
  bool isInteger() const;
  /// Exact for isInteger() values; otherwise truncated toward zero and saturated (NaN -> 0).
  std::int64_t asInt64() const;
  /// True if the number is stored as an exact int64 (an integer literal in range, or integer())
  /// rather than as a double; writers use it to print integers as integers.
  bool holdsInt64() const { return m_type == Type::Number && m_isIntStorage; }
  const std::string& asString() const;
  const std::vector<JsonValue>& items() const;
  /// Object members in file (or insertion) order.
  const std::vector<Member>& members() const;
  /// Linear search; nullptr if this is not an object or has no such key.
  const JsonValue* find(std::string_view key) const;

  SourceLocation location() const { return m_location; }

  /// Appends to an array (debug-asserts that this is one; ignored otherwise).
  void push(JsonValue value);
  /// Replaces the member named key, otherwise appends it (debug-asserts that this is an object).
  void set(std::string key, JsonValue value);

  /// Structural equality, ignoring source locations. Numbers compare exactly as integers when
  /// both were stored as integers (literal or integer()), otherwise as doubles.
  bool operator==(const JsonValue& other) const;

 private:
  friend class JsonParser;

  Type m_type = Type::Null;
  // For numbers: integer literals keep their exact int64 (m_isIntStorage); everything else is a
  // double. Keeping both avoids losing precision above 2^53 in ids, seeds and nanosecond times.
  bool m_isIntStorage = false;
  bool m_bool = false;
  std::int64_t m_int = 0;
  double m_double = 0.0;
  std::string m_string;
  std::vector<JsonValue> m_items;
  std::vector<Member> m_members;
  SourceLocation m_location;
};

/// A parse failure: where it happened and a short human-readable reason.
struct JsonError {
  SourceLocation location;
  std::string message;
};

/// Length in bytes of the well-formed UTF-8 sequence starting at text[pos], or 0 if the bytes
/// there are malformed (overlong forms, surrogates and code points above U+10FFFF included).
std::size_t utf8SequenceLength(std::string_view text, std::size_t pos);

/// Maximum nesting of arrays/objects accepted by parseJson; deeper input is an error rather than
/// a risk of stack overflow.
inline constexpr int kJsonMaxDepth = 200;

/// Strict RFC 8259 parser (no comments, trailing commas, NaN/Infinity, duplicate keys or
/// invalid UTF-8). A leading UTF-8 BOM is skipped. Numbers that underflow become (signed) zero;
/// numbers that overflow a double are an error. Never throws for any input (except bad_alloc).
std::variant<JsonValue, JsonError> parseJson(std::string_view text);

/// A JSON path such as `$.components[2].params.workers`, built while walking a document so that
/// error messages can say exactly which value is wrong.
class JsonPath {
 public:
  JsonPath() = default;  // "$"
  static JsonPath root();

  /// Identifier-like keys are appended as `.key`, anything else as `["some key"]`.
  JsonPath key(std::string_view name) const;
  JsonPath index(std::size_t i) const;

  std::string str() const { return m_path; }

 private:
  explicit JsonPath(std::string path) : m_path(std::move(path)) {}
  std::string m_path = "$";
};

}  // namespace pillars
