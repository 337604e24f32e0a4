#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/io/json.hpp"

namespace pillars {

/// Serializes a DOM deterministically: members in stored order, integers as integers, doubles in
/// the shortest round-tripping form, non-finite doubles as null. indent 0 gives a single line.
/// No trailing newline is added.
std::string writeJson(const JsonValue& value, int indent = 2);

/// Appends text as a quoted JSON string literal. Control characters become escapes, valid UTF-8
/// is kept as is and malformed UTF-8 bytes become U+FFFD, so the output is always valid JSON.
void appendJsonString(std::string& out, std::string_view text);

/// Appends a number in the shortest form that parses back to the same double (locale-independent);
/// NaN and infinities, which JSON cannot express, are written as null.
void appendJsonNumber(std::string& out, double value);

/// Streaming writer for large outputs (e.g. results) that should not be built as a DOM first.
/// Produces exactly the same text as writeJson would for the equivalent DOM. Misuse (a value
/// without a key inside an object, a key inside an array, unbalanced end calls, two top-level
/// values) is caught by assert in debug builds.
class JsonWriter {
 public:
  explicit JsonWriter(int indent = 2);

  void beginObject();
  void endObject();
  void beginArray();
  void endArray();
  void key(std::string_view name);

  void value(double number);
  void value(std::int64_t number);
  void value(std::uint64_t number);
  void value(int number);
  void value(bool flag);
  void value(std::string_view text);
  void value(const char* text);  // without this, string literals would pick value(bool)
  void nullValue();

  /// key(name) then value(v): most objects are written as a list of named fields.
  template <typename T>
  void field(std::string_view name, const T& v) {
    key(name);
    value(v);
  }

  /// True once exactly one complete top-level value has been written.
  bool complete() const { return m_done && m_stack.empty(); }
  const std::string& str() const { return m_out; }
  /// Moves the text out; the writer is then empty and ready for a new document.
  std::string take();

 private:
  struct Frame {
    bool isObject = false;
    bool hasChildren = false;
    bool keyPending = false;  // objects: a key was written and awaits its value
  };

  void beforeValue();
  void newlineAndIndent();
  void endContainer(bool isObject, char close);

  std::string m_out;
  int m_indent = 2;
  std::vector<Frame> m_stack;
  bool m_done = false;
};

}  // namespace pillars
